import { z } from 'zod';
import { MODEL_NAMES } from '../forecast/engine.js';
import { ShiftRules } from './shiftRules.js';
import { shrinkageSchema, staffingTargetSchema } from './staffingConfig.js';
import { parseJsonText, validateConfig } from './validateConfig.js';

const minutes = z
  .number()
  .int()
  .positive()
  .refine((m) => 1440 % m === 0, 'must divide 1440');

/**
 * zod schema of a plan's top-level target: the staffing target and `confidence`, the probability
 * that a day's service level meets `serviceLevel` given the forecast's day-level uncertainty
 * (`confidenceStaffing`); absent: mean staffing.
 *
 * @internal
 * @example
 * planTargetSchema.safeParse({ serviceLevel: 0.8, confidence: 0.995 }).success; // false
 */
export const planTargetSchema = staffingTargetSchema.extend({
  confidence: z
    .number()
    .min(0.5)
    .max(0.99)
    .optional()
    .describe(
      'Probability (0.5 to 0.99) that each day meets serviceLevel given the forecast uncertainty (a day-level volume multiplier fitted on the history): staffs above the mean forecast where needed. Default: none (mean staffing)',
    ),
});

/** zod schema of the history a plan (or one of its queues) forecasts from. */
const planHistorySchema = z.strictObject({
  file: z.string().min(1).describe('Interval history CSV (DESIGN.md 5), relative to the config file'),
  timeZone: z.string().min(1).describe('IANA zone of timestamps without offset, e.g. America/New_York'),
  intervalMinutes: minutes
    .optional()
    .describe('Interval length of the file; default: detected from the rows'),
  dateFormat: z
    .enum(['auto', 'iso', 'dmy', 'mdy'])
    .optional()
    .describe(
      'How interval starts are written: iso, dmy (dd/mm/yyyy HH:MM), mdy (mm/dd/yyyy HH:MM); default auto (detected when a day is above 12)',
    ),
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
  dailyTotals: z
    .boolean()
    .optional()
    .describe('The file holds daily totals (date,calls), split into intervals by `profile`. Default false'),
  profile: z
    .string()
    .min(1)
    .optional()
    .describe(
      'With dailyTotals: an intraday profile CSV (weekday,time,share), or an interval history CSV whose profile is learned (in timeZone); relative to the config file',
    ),
});

/** zod schema of the forecast options of a plan (or of one of its queues). */
const planForecastSchema = z.strictObject({
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
});

/**
 * zod schema of one queue (or channel) of a plan config: its own history (or the rows of
 * `historyQueue` in the shared history), channel and staffing parameters. Every field but `name`
 * is optional and defaults to the top-level field of the same name (`history`, `forecast`,
 * `target`, `ahtSeconds`, `patienceSeconds`, `shrinkage`, `minAgents`) — a queue's `history`,
 * `forecast` and `target` replace the top-level objects whole. `concurrency` is for chat only and
 * `deadlineMinutes` / `deadlineBasis` for email only (deferred work, required there); email
 * queues are staffed with `deferredRequirement`, so patience, `minAgents`, the service-level
 * target and the day/week scope do not apply to them (only handle time and shrinkage).
 * `useParams` says whether the plan's `fittedParams` apply to the queue (default: voice only).
 *
 * @example
 * planQueueSchema.parse({ name: 'chat', channel: 'chat', concurrency: 2 }).channel; // 'chat'
 */
export const planQueueSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .describe('Queue name (unique; the `queue` column of forecast.csv and requirements.csv)'),
    history: planHistorySchema.optional().describe("This queue's history; default: the top-level history"),
    historyQueue: z
      .string()
      .min(1)
      .optional()
      .describe("Value of the history CSV's `queue` column to read, when one file holds several queues"),
    channel: z
      .enum(['voice', 'chat', 'email'])
      .default('voice')
      .describe("'voice' (default), 'chat' (concurrency) or 'email' (deferred work with a deadline)"),
    target: staffingTargetSchema
      .optional()
      .describe('Staffing target of this queue; default: the top-level target'),
    ahtSeconds: z
      .number()
      .positive()
      .optional()
      .describe('Handle time in seconds; default: the top-level ahtSeconds, else the aht_seconds column'),
    patienceSeconds: z
      .number()
      .positive()
      .optional()
      .describe('Mean patience (Erlang A); default: the top-level patienceSeconds'),
    shrinkage: shrinkageSchema
      .optional()
      .describe('Shrinkage of this queue; default: the top-level shrinkage'),
    concurrency: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Chat only: contacts one agent handles at once. Default 1'),
    deadlineMinutes: z
      .number()
      .positive()
      .optional()
      .describe('Email only (required there): minutes from arrival by which an item must be handled'),
    deadlineBasis: z
      .enum(['calendar', 'business'])
      .optional()
      .describe("Email only: 'calendar' (default) or 'business' (only open intervals count)"),
    minAgents: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Fewest agents on the phones in every open interval; default: the top-level minAgents'),
    forecast: planForecastSchema
      .optional()
      .describe('Forecast options of this queue; default: the top-level forecast'),
    useParams: z
      .boolean()
      .optional()
      .describe(
        'Take handle time, patience and availability from the top-level fittedParams where this queue and its history give none; default: true for voice queues, false for chat and email',
      ),
  })
  .superRefine((q, ctx) => {
    if (q.channel === 'email' && q.deadlineMinutes === undefined)
      ctx.addIssue({ code: 'custom', path: ['deadlineMinutes'], message: "required for channel 'email'" });
    if (q.channel !== 'email' && q.deadlineMinutes !== undefined)
      ctx.addIssue({ code: 'custom', path: ['deadlineMinutes'], message: "only for channel 'email'" });
    if (q.channel !== 'email' && q.deadlineBasis !== undefined)
      ctx.addIssue({ code: 'custom', path: ['deadlineBasis'], message: "only for channel 'email'" });
    if (q.channel !== 'chat' && q.concurrency !== undefined)
      ctx.addIssue({ code: 'custom', path: ['concurrency'], message: "only for channel 'chat'" });
    // deferred work has no queue model: no patience, and no floor of agents per interval
    for (const key of ['patienceSeconds', 'minAgents'] as const)
      if (q.channel === 'email' && q[key] !== undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: "not for channel 'email' (deferred work)" });
  });

/**
 * zod schema of a plan's `roster` options (with `agents`): `method` 'build' (as `staffcast roster --method build`) builds the roster
 * against the requirement of every queue (`buildRoster`: the agents' contracts shape the shifts,
 * skills respected), 'assign' gives the seats of the plan's schedule to the agents
 * (`scheduleSeats` + `assignShifts`; a plan of one queue); `queue` names the skill a single-queue
 * plan's shifts need (required there; with `queues` the queue names are the skills); `workLimit`,
 * `timeLimitSeconds`, `relativeGap` and `useSolver` steer the roster MIP. Strict.
 *
 * @internal
 * @example
 * planRosterSchema.parse({ queue: 'regular' }); // { method: 'build', queue: 'regular', timeLimitSeconds: 60 }
 */
export const planRosterSchema = z.strictObject({
  method: z
    .enum(['build', 'assign'])
    .default('build')
    .describe(
      "'build' (default): roster the agents against the requirement of each queue, skills respected; 'assign': give the seats of the plan's schedule to the agents (a plan of one queue)",
    ),
  queue: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The skill (queue name) a single-queue plan's shifts need; required without `queues` (with `queues` the queue names are the skills)",
    ),
  workLimit: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      'Deterministic work budget of the roster MIP in simplex iterations (the same roster on every run). Default: scaled to the model',
    ),
  timeLimitSeconds: z
    .number()
    .positive()
    .default(60)
    .describe('Wall-clock safety net of the roster MIP in seconds. Default 60'),
  relativeGap: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('Relative MIP gap at which the roster solve stops. Default 1e-3'),
  useSolver: z.boolean().optional().describe('false: the repair heuristic only, no MIP (fast). Default true'),
});

/** One queue of a plan config as validated (`planQueueSchema`). */
export type PlanQueueConfig = z.output<typeof planQueueSchema>;

/**
 * zod schema of a plan config (`staffcast plan --config`, `staffcast schema plan`): history file,
 * forecast, staffing target and shift rules of one queue. Every object is strict (unknown keys are
 * errors). Paths are relative to the config file. Defaults: horizonDays 7, forecast.method 'auto',
 * shrinkage 0.3, scope 'interval', paidHoursPerWeek 40, schedule.timeLimitSeconds 600 (a safety net: the
 * MIP stops on its deterministic work budget `schedule.workLimit` first), no outbound
 * (with `outbound`: maxOccupancy 1), no `fittedParams` (the JSON of `calibrate --params-out`; it
 * fills handle time, patience and the availability factor where the config and the history's
 * `aht_seconds` give none; with `queues`, for voice queues unless a queue's `useParams` says
 * otherwise; `useParams: true` needs `fittedParams`), no roster (with `agents`, an agents file, and
 * optionally `timeOff`, the plan also rosters the named agents: `roster` options, method 'build').
 *
 * @example
 * planConfigSchema.parse({ history: { file: 'h.csv', timeZone: 'UTC' },
 *   target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 300, rules: 'rules.json' })
 *   .shrinkage; // 0.3
 */
export const planConfigSchema = z
  .strictObject({
    description: z
      .string()
      .optional()
      .describe('Free text about the plan (e.g. where its data come from); shown under the report title'),
    history: planHistorySchema.describe(
      'The history to forecast from (with `queues`: the default history of every queue)',
    ),
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
    forecast: planForecastSchema
      .optional()
      .describe("Forecast options. Default: method 'auto', no quantiles, no holidays"),
    target: planTargetSchema.describe(
      'Staffing target, e.g. { serviceLevel: 0.8, thresholdSeconds: 20 }; maxAsaSeconds, maxAbandonRate, maxOccupancy, confidence optional',
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
    fittedParams: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Fitted inputs from `staffcast calibrate --params-out` (handle time and patience by local hour, availability factor), relative to the config file; they fill only what ahtSeconds, patienceSeconds and an aht_seconds column leave open (with `queues`: voice queues, or those with useParams). Default: none',
      ),
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
    queues: z
      .array(planQueueSchema)
      .min(1)
      .optional()
      .describe(
        'Several queues or channels staffed by one pool of agents: each is forecast and staffed on its own, the requirements are summed per interval and one set of shifts covers the total. Default: one queue (the top-level fields)',
      ),
    schedule: z
      .strictObject({
        workLimit: z
          .number()
          .int()
          .positive()
          .optional()
          .describe(
            'Deterministic work budget of the MIP solver in simplex iterations: the same inputs give the same schedule whatever the machine load. Default: scaled to the model size (defaultWorkLimit)',
          ),
        timeLimitSeconds: z
          .number()
          .positive()
          .default(600)
          .describe(
            'Wall-clock safety net of the MIP solver in seconds, for a machine too slow to reach the work budget; a schedule stopped by it depends on machine load and is marked. Default 600',
          ),
        simulation: z
          .strictObject({
            enabled: z
              .boolean()
              .optional()
              .describe(
                'Simulate the schedule (the promise becomes the simulated service level). Default true',
              ),
            replications: z
              .number()
              .int()
              .min(2)
              .max(1000)
              .optional()
              .describe('Independent replications of the simulated week. Default 20'),
            seed: z
              .number()
              .int()
              .min(0)
              .lt(2 ** 32)
              .optional()
              .describe('Seed of the simulation (same seed, same figures on any machine). Default 1'),
          })
          .optional()
          .describe(
            'Discrete-event simulation of the schedule as one continuous queue (a queue left at the end of an interval carries over). Default: on, 20 replications, seed 1',
          ),
        simulationCheck: z
          .strictObject({
            rounds: z
              .number()
              .int()
              .min(0)
              .max(20)
              .describe(
                'Rounds of schedule, simulate, +1 agent on the phones where the simulated interval misses, re-solve. 0: off',
              ),
          })
          .optional()
          .describe(
            'Simulation-checked scheduling (Atlason, Epelman and Henderson 2004); needs the simulation. Default: off (rounds 0)',
          ),
      })
      .default({ timeLimitSeconds: 600 })
      .describe('Scheduling options'),
    agents: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Agents file (CSV, or JSON when the name ends in .json; `staffcast schema agents`), relative to the config file: the plan then rosters these named agents after scheduling (roster.csv, agents.csv, iCalendar files). Default: none (no roster)',
      ),
    timeOff: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Time-off CSV (agent_id,start,end,kind,weight,note) added to the agents, relative to the config file; needs agents',
      ),
    roster: planRosterSchema
      .optional()
      .describe(
        "How the agents are rostered (needs agents); the roster rules are the `roster` key of the shift rules. Default: method 'build', timeLimitSeconds 60",
      ),
  })
  .superRefine((c, ctx) => {
    if (c.target.confidence !== undefined && c.queues !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['target', 'confidence'],
        message: 'not supported with queues (the queues share one pool; staff each queue to its mean)',
      });
    if (c.target.confidence !== undefined && c.target.serviceLevel === undefined)
      ctx.addIssue({ code: 'custom', path: ['target', 'confidence'], message: 'needs target.serviceLevel' });
    if (c.target.confidence !== undefined && c.scope === 'week')
      ctx.addIssue({
        code: 'custom',
        path: ['target', 'confidence'],
        message: "needs scope 'interval' or 'day'",
      });
    if (c.agents === undefined)
      for (const key of ['timeOff', 'roster'] as const)
        if (c[key] !== undefined)
          ctx.addIssue({ code: 'custom', path: [key], message: 'needs agents (the agents file to roster)' });
    if (c.agents !== undefined && c.queues === undefined && c.roster?.queue === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['roster', 'queue'],
        message: "required with agents and no queues: the skill the plan's shifts need (e.g. 'regular')",
      });
    if (c.roster?.queue !== undefined && c.queues !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['roster', 'queue'],
        message: 'not with queues (the queue names are the skills)',
      });
    if (c.roster?.method === 'assign' && (c.queues?.length ?? 1) > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['roster', 'method'],
        message: "'assign' rosters one queue; with several queues use 'build'",
      });
    const seen = new Map<string, number>();
    (c.queues ?? []).forEach((q, i) => {
      const first = seen.get(q.name);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['queues', i, 'name'],
          message: `duplicate queue name '${q.name}' (also queues[${first}])`,
        });
      else seen.set(q.name, i);
      if (q.useParams === true && c.fittedParams === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['queues', i, 'useParams'],
          message: 'needs the top-level fittedParams',
        });
    });
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
 * // throws CONFIG 'plan.json: unknown key "colour" (known keys: description, history, horizonDays,
 * //   outputIntervalMinutes, forecast, target, ahtSeconds, patienceSeconds, fittedParams, shrinkage, scope,
 * //   minAgents, paidHoursPerWeek, rules, outbound, queues, schedule, agents, timeOff, roster)'
 */
export function parsePlanConfig(value: unknown, source = 'plan config'): PlanConfig {
  return validateConfig(planConfigSchema, value, source);
}

/**
 * Reads a plan config from JSON text and validates it (`parsePlanConfig`), returning it as written
 * (defaults not filled in, inline rules untouched): what `plan` takes, so
 * `plan(readPlanConfig(text, file), { baseDir })` runs the file's plan. `parsePlanConfig` gives the
 * config with its defaults filled in. Cost O(size).
 *
 * @throws StaffcastError `CONFIG` for invalid JSON (naming the source) or an invalid config.
 * @example
 * readPlanConfig('{', 'plan.json');
 * // throws CONFIG "plan.json: not valid JSON at line 1, column 2: Expected property name or '}'"
 * const text = '{"history":{"file":"h.csv","timeZone":"UTC"},"target":{"serviceLevel":0.8,"thresholdSeconds":20},' +
 *   '"ahtSeconds":300,"rules":"r.json"}';
 * readPlanConfig(text).shrinkage; // undefined (as written; plan takes the default)
 * parsePlanConfig(readPlanConfig(text)).shrinkage; // 0.3
 */
export function readPlanConfig(text: string, source = 'plan config'): PlanConfigInput {
  const config = parseJsonText(text, source);
  parsePlanConfig(config, source);
  return config as PlanConfigInput;
}
