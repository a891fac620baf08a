import { z } from 'zod';
import { parseJsonText, validateConfig } from '../config.js';
import { MODEL_NAMES } from '../forecast/engine.js';
import { shrinkageSchema, staffingTargetSchema } from '../io/staffingConfig.js';
import { ShiftRules } from '../scheduling/rules.js';

const minutes = z
  .number()
  .int()
  .positive()
  .refine((m) => 1440 % m === 0, 'must divide 1440');

/**
 * zod schema of a plan config (`staffcast plan --config`, `staffcast schema plan`): history file,
 * forecast, staffing target and shift rules of one queue. Every object is strict (unknown keys are
 * errors). Paths are relative to the config file. Defaults: horizonDays 7, forecast.method 'auto',
 * shrinkage 0.3, scope 'interval', paidHoursPerWeek 40, schedule.timeLimitSeconds 30, no outbound
 * (with `outbound`: maxOccupancy 1).
 *
 * @example
 * planConfigSchema.parse({ history: { file: 'h.csv', timeZone: 'UTC' },
 *   target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 300, rules: 'rules.json' })
 *   .shrinkage; // 0.3
 */
export const planConfigSchema = z
  .strictObject({
    history: z
      .strictObject({
        file: z.string().min(1).describe('Interval history CSV (DESIGN.md 5), relative to the config file'),
        timeZone: z.string().min(1).describe('IANA zone of timestamps without offset, e.g. America/New_York'),
        intervalMinutes: minutes
          .optional()
          .describe('Interval length of the file; default: detected from the rows'),
        columns: z
          .strictObject({
            start: z.string().min(1).optional().describe('Default interval_start'),
            calls: z.string().min(1).optional().describe('Default calls'),
            ahtSeconds: z.string().min(1).optional().describe('Default aht_seconds (optional column)'),
            handled: z.string().min(1).optional().describe('Default handled (optional column)'),
            abandoned: z.string().min(1).optional().describe('Default abandoned (optional column)'),
          })
          .optional()
          .describe('Column names, when they differ from the defaults'),
      })
      .describe('The history to forecast from'),
    horizonDays: z
      .number()
      .int()
      .min(1)
      .max(366)
      .default(7)
      .describe('Local calendar days to plan after the history. Default 7'),
    outputIntervalMinutes: minutes
      .optional()
      .describe(
        'Re-aggregate the history to this interval first (e.g. 5-min history to 15); default: the history interval',
      ),
    forecast: z
      .strictObject({
        method: z
          .enum(['auto', ...MODEL_NAMES])
          .default('auto')
          .describe("Forecasting model. Default 'auto' (chosen by backtest)"),
        quantiles: z
          .array(z.number().gt(0).lt(1))
          .optional()
          .describe(
            'Quantile probabilities, e.g. [0.1, 0.5, 0.9] (0.1 and 0.9 draw the band in the report). Default none',
          ),
        holidays: z
          .string()
          .min(1)
          .optional()
          .describe("Public holidays via date-holidays, e.g. 'US'. Default none"),
        specialDaysFile: z
          .string()
          .min(1)
          .optional()
          .describe('CSV of special days (date,label[,factor]), relative to the config file'),
      })
      .optional()
      .describe("Forecast options. Default: method 'auto', no quantiles, no holidays"),
    target: staffingTargetSchema.describe(
      'Staffing target, e.g. { serviceLevel: 0.8, thresholdSeconds: 20 }; maxAsaSeconds, maxAbandonRate, maxOccupancy optional',
    ),
    ahtSeconds: z
      .number()
      .positive()
      .optional()
      .describe(
        'Handle time in seconds for every interval; required when the history has no aht_seconds column',
      ),
    patienceSeconds: z
      .number()
      .positive()
      .optional()
      .describe('Mean caller patience: Erlang A. Default: none (Erlang C, nobody abandons)'),
    shrinkage: shrinkageSchema
      .default(0.3)
      .describe('Share of paid time off the phones (fraction in [0, 1), or a table). Default 0.3'),
    scope: z
      .enum(['interval', 'day', 'week'])
      .default('interval')
      .describe("Period over which the service-level target must hold. Default 'interval'"),
    minAgents: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Fewest agents on the phones in every open interval. Default 0'),
    paidHoursPerWeek: z
      .number()
      .positive()
      .default(40)
      .describe('Paid hours of one FTE per week. Default 40'),
    rules: z
      .union([z.string().min(1), ShiftRules])
      .describe(
        'Shift rules: inline (`staffcast schema rules`) or the path of a rules JSON, relative to the config file',
      ),
    outbound: z
      .strictObject({
        ahtSeconds: z
          .number()
          .positive()
          .describe('Mean handle time of one outbound call in seconds, dialling and wrap-up included'),
        maxOccupancy: z
          .number()
          .gt(0)
          .max(1)
          .default(1)
          .describe('Share of the spare agent-time usable for outbound, in (0, 1]. Default 1'),
      })
      .optional()
      .describe(
        'Outbound work fitted into quiet periods: the agents the schedule puts on the phones beyond the requirement. Default: none',
      ),
    schedule: z
      .strictObject({
        timeLimitSeconds: z
          .number()
          .positive()
          .default(30)
          .describe('Wall-clock limit of the MIP solver in seconds. Default 30'),
      })
      .default({ timeLimitSeconds: 30 })
      .describe('Scheduling options'),
  })
  .describe('staffcast plan config: history -> forecast -> staffing -> schedule');

/** A plan config as written (defaults optional). */
export type PlanConfigInput = z.input<typeof planConfigSchema>;
/** A validated plan config with its defaults filled in. */
export type PlanConfig = z.output<typeof planConfigSchema>;

/**
 * Validates a plan config object against `planConfigSchema` and fills in the defaults. Cost O(size).
 *
 * @throws StaffcastError `CONFIG` naming the source and every invalid field path with zod's message.
 * @example
 * parsePlanConfig({ history: { file: 'h.csv', timeZone: 'UTC' }, target: { serviceLevel: 0.8,
 *   thresholdSeconds: 20 }, ahtSeconds: 300, rules: 'r.json', colour: 1 }, 'plan.json');
 * // throws CONFIG 'plan.json: (root): Unrecognized key: "colour"'
 */
export function parsePlanConfig(value: unknown, source = 'plan config'): PlanConfig {
  return validateConfig(planConfigSchema, value, source);
}

/**
 * Parses a plan config from JSON text (`parsePlanConfig` after `JSON.parse`). Cost O(size).
 *
 * @throws StaffcastError `CONFIG` for invalid JSON (naming the source) or an invalid config.
 * @example
 * readPlanConfig('{', 'plan.json'); // throws CONFIG 'plan.json: not valid JSON: ...'
 */
export function readPlanConfig(text: string, source = 'plan config'): PlanConfig {
  return parsePlanConfig(parseJsonText(text, source), source);
}
