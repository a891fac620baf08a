import { z } from 'zod';
import { planConfigSchema, planTargetSchema } from './planConfig.js';
import { ShiftRules } from './shiftRules.js';
import { shrinkageSchema } from './staffingConfig.js';
import { validateConfig } from './validateConfig.js';

/** The plan config's `outbound` object (`{ ahtSeconds, maxOccupancy? }`). */
const planOutboundSchema = planConfigSchema.shape.outbound.unwrap();

/**
 * zod schema of opening hours, as in the shift rules: open periods `{ open: 'HH:MM', close: 'HH:MM' }`
 * per weekday (`mon` ... `sun`); a weekday left out is closed all day. Parsed times are minutes
 * after local midnight.
 *
 * @example
 * openingHoursSchema.parse({ mon: [{ open: '08:00', close: '18:00' }] }); // { mon: [{ open: 480, close: 1080 }] }
 */
export const openingHoursSchema = ShiftRules.shape.openingHours.unwrap();

/** Opening hours as written (`"HH:MM"` strings). */
export type OpeningHoursInput = z.input<typeof openingHoursSchema>;
/** Opening hours parsed (minutes after local midnight). */
export type OpeningHours = z.output<typeof openingHoursSchema>;

/**
 * zod schema of one scenario variant: a name and the overrides it applies to the base plan.
 * Volume overrides scale the forecast after forecasting (calls and quantiles): calls x volumeFactor
 * x (1 - selfServiceDeflection) + addedVolume. `outbound` replaces the plan's outbound work;
 * `openingHours` replaces the rules' opening hours and drops the forecast contacts of the intervals
 * it closes. Strict (unknown keys are errors).
 *
 * @example
 * scenarioVariantSchema.parse({ name: 'busy', volumeFactor: 1.1 }).volumeFactor; // 1.1
 */
export const scenarioVariantSchema = z
  .strictObject({
    name: z.string().min(1).describe('Name of the variant in the table'),
    volumeFactor: z.number().positive().optional().describe('Multiplies the forecast contacts. Default 1'),
    addedVolume: z
      .number()
      .min(0)
      .optional()
      .describe('Contacts added to every forecast interval (after the factor). Default 0'),
    selfServiceDeflection: z
      .number()
      .min(0)
      .lt(1)
      .optional()
      .describe('Share of contacts moved to self-service, removed from the forecast. Default 0'),
    ahtSeconds: z.number().positive().optional().describe('Handle time in seconds for every interval'),
    ahtFactor: z
      .number()
      .positive()
      .optional()
      .describe('Multiplies the handle time (the config ahtSeconds or the forecast aht). Default 1'),
    target: planTargetSchema
      .partial()
      .optional()
      .describe(
        'Fields of the staffing target to override, e.g. { serviceLevel: 0.9 } or { confidence: 0.9 }',
      ),
    patienceSeconds: z.number().positive().optional().describe('Mean caller patience (Erlang A)'),
    shrinkage: shrinkageSchema.optional().describe('Share of paid time off the phones'),
    rules: z
      .union([z.string().min(1), ShiftRules])
      .optional()
      .describe('Shift rules: inline or a path'),
    horizonDays: z.number().int().min(1).max(366).optional().describe('Days to plan'),
    outbound: planOutboundSchema
      .optional()
      .describe(
        'Outbound work fitted into the quiet periods of the schedule: { ahtSeconds, maxOccupancy? } (replaces the base one)',
      ),
    openingHours: openingHoursSchema
      .optional()
      .describe(
        "Opening hours replacing the rules' ones (same shape); forecast contacts in intervals they close are dropped",
      ),
  })
  .refine((v) => v.ahtSeconds === undefined || v.ahtFactor === undefined, {
    message: 'give ahtSeconds or ahtFactor, not both',
  });

/**
 * zod schema of a scenario file (`staffcast scenario`, `staffcast schema scenario`): a base plan
 * (a plan config path relative to the scenario file, or inline) and named variants. Strict.
 *
 * @example
 * scenarioFileSchema.parse({ base: 'plan.json', variants: [{ name: 'x', volumeFactor: 1.1 }] }).variants.length; // 1
 */
export const scenarioFileSchema = z
  .strictObject({
    base: z
      .union([z.string().min(1), planConfigSchema])
      .describe('Base plan: path of a plan config (relative to this file) or an inline plan config'),
    variants: z.array(scenarioVariantSchema).describe('What-if variants, each compared with the base'),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>(['base']);
    for (const [i, v] of f.variants.entries()) {
      if (seen.has(v.name))
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i, 'name'],
          message: `duplicate name '${v.name}'`,
        });
      seen.add(v.name);
    }
  })
  .describe('staffcast scenario file: a base plan and named what-if variants');

/** A scenario variant as written. */
export type ScenarioVariant = z.input<typeof scenarioVariantSchema>;
/** A scenario file as written. */
export type ScenarioFile = z.input<typeof scenarioFileSchema>;

/**
 * Validates a scenario file object against `scenarioFileSchema`. Cost O(size).
 *
 * @throws StaffcastError `CONFIG` naming the source and every invalid field path.
 * @example
 * parseScenarioFile({ base: 'plan.json', variants: [{ name: 'a', colour: 1 }] }, 's.json');
 * // throws CONFIG 's.json: variants[0]: unknown key "colour" (known keys: name, volumeFactor, addedVolume,
 * //   selfServiceDeflection, ahtSeconds, ahtFactor, target, patienceSeconds, shrinkage, rules,
 * //   horizonDays, outbound, openingHours)'
 */
export function parseScenarioFile(value: unknown, source = 'scenario file'): ScenarioFile {
  validateConfig(scenarioFileSchema, value, source);
  // keep the input as written (base plan defaults are filled by plan())
  return value as ScenarioFile;
}
