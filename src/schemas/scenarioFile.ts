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

const teamContractSchema = z
  .strictObject({
    name: z.string().optional(),
    minHoursPerWeek: z.number().min(0).max(168).optional(),
    maxHoursPerWeek: z.number().min(0).max(168).optional(),
    minDaysPerWeek: z.number().int().min(0).max(7).optional(),
    maxDaysPerWeek: z.number().int().min(0).max(7).optional(),
    maxConsecutiveDays: z.number().int().min(1).max(366).optional(),
    minRestHours: z.number().min(0).max(72).optional(),
    shiftTypes: z.array(z.string().min(1)).min(1).optional(),
    costPerHour: z.number().min(0).optional(),
  })
  .describe(
    'Contract fields as in the agents file (`staffcast schema agents`); with like they override its contract, without like maxHoursPerWeek and maxDaysPerWeek are required',
  );

/**
 * zod schema of a scenario's changes to the team of a plan with `agents` (`TeamChanges` of
 * src/rostering/teamChanges.ts, applied in the order attrition, leave, hire): `hire` new agents
 * (like an existing agent, or from a contract and skills; ids `<idPrefix>-<n>`, default `hire-1`,
 * `hire-2` ...), `attrition` of `{ count }` agents (the most junior: lowest seniority, the one
 * listed last first among equals) or of `{ agents: [ids] }`, approved `leave` (hard time off;
 * `start` and `end` are dates `YYYY-MM-DD`, whole local days of the agent with the end inclusive,
 * or ISO date-times). Strict.
 *
 * @example
 * teamChangesSchema.parse({ hire: [{ count: 5, like: 'a01' }], attrition: { count: 3 } }).hire?.[0]?.count; // 5
 */
export const teamChangesSchema = z
  .strictObject({
    hire: z
      .array(
        z
          .strictObject({
            count: z.number().int().min(1).max(10_000).describe('How many agents are hired'),
            like: z
              .string()
              .min(1)
              .optional()
              .describe(
                'Id of an agent the new ones are like: contract, skills, site, time zone, availability, fixed days off (no time off, no preferences, seniority 0)',
              ),
            contract: teamContractSchema.optional(),
            skills: z
              .array(z.string().min(1))
              .min(1)
              .optional()
              .describe('Queues the new agents serve; required without like'),
            site: z.string().optional(),
            timeZone: z.string().min(1).optional(),
            idPrefix: z
              .string()
              .regex(/^[A-Za-z0-9_.]+$/, 'letters, digits, _ and . only')
              .optional()
              .describe("Prefix of the new ids: '<idPrefix>-1', '<idPrefix>-2' ... Default 'hire'"),
          })
          .refine(
            (h) =>
              h.like !== undefined ||
              (h.skills !== undefined &&
                h.contract?.maxHoursPerWeek !== undefined &&
                h.contract.maxDaysPerWeek !== undefined),
            { message: 'give like, or skills with contract.maxHoursPerWeek and contract.maxDaysPerWeek' },
          ),
      )
      .optional()
      .describe('New agents'),
    attrition: z
      .union([
        z.strictObject({
          count: z.number().int().min(1).describe('How many of the most junior agents leave'),
        }),
        z.strictObject({ agents: z.array(z.string().min(1)).min(1).describe('Ids of the agents who leave') }),
      ])
      .optional()
      .describe(
        'Agents who leave: { count } (the most junior: lowest seniority, the one listed last first among equals) or { agents: [ids] }',
      ),
    leave: z
      .array(
        z.strictObject({
          agent: z.string().min(1).describe('Id of the agent'),
          start: z.string().min(1).describe('First day YYYY-MM-DD (whole local day) or start instant'),
          end: z.string().min(1).describe('Last day YYYY-MM-DD (inclusive) or end instant (exclusive)'),
          note: z.string().optional(),
        }),
      )
      .optional()
      .describe("Approved leave (hard time off); it grants the agent's soft wishes it overlaps"),
  })
  .describe('Changes to the team of a base plan with agents: hire, attrition, approved leave');

/**
 * A scenario's team changes as written.
 *
 * @internal
 */
export type TeamChangesInput = z.input<typeof teamChangesSchema>;

/**
 * zod schema of one scenario variant: a name and the overrides it applies to the base plan.
 * Volume overrides scale the forecast after forecasting (calls and quantiles): calls x volumeFactor
 * x (1 - selfServiceDeflection) + addedVolume. `outbound` replaces the plan's outbound work;
 * `openingHours` replaces the rules' opening hours and drops the forecast contacts of the intervals
 * it closes; `team` changes the agents a plan with `agents` rosters (`teamChangesSchema`). Strict
 * (unknown keys are errors).
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
    team: teamChangesSchema
      .optional()
      .describe(
        'Changes to the team rostered (the base plan needs agents; applies with scheduling): { hire, attrition, leave }',
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
 * //   horizonDays, outbound, openingHours, team)'
 */
export function parseScenarioFile(value: unknown, source = 'scenario file'): ScenarioFile {
  validateConfig(scenarioFileSchema, value, source);
  // keep the input as written (base plan defaults are filled by plan())
  return value as ScenarioFile;
}
