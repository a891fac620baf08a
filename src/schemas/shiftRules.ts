import { z } from 'zod';
import { WEEKDAYS, type Weekday } from '../time/weekday.js';
import { RosterRulesSchema } from './rosterRules.js';
import { validateConfig } from './validateConfig.js';

/**
 * Shift rules: the JSON file a planner writes (`staffcast schedule --rules rules.json`), validated
 * by zod. Objects are strict: an unknown key is an error, so a typo never silently drops a rule.
 * Times of day are `"HH:MM"` local wall-clock strings (`"24:00"` allowed as a closing time);
 * durations are whole minutes.
 */

/** Re-exported for the schemas' users: the weekday keys live in `time/weekday.ts`. */
export { WEEKDAYS, type Weekday };

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be "HH:MM" between 00:00 and 24:00')
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5)))
  .describe('local time of day "HH:MM"');

const minutes = z.number().int().positive();

/** One break or lunch of a shift type. Agents on break do not cover. */
const BreakRule = z
  .strictObject({
    name: z.string().min(1).default('break').describe('label, e.g. "lunch"'),
    durationMinutes: minutes.describe('length of the break in minutes'),
    earliestStartMinutes: z
      .number()
      .int()
      .describe('earliest break start, minutes after the shift start (negative: before the shift end)'),
    latestStartMinutes: z
      .number()
      .int()
      .describe('latest break start, same reference as earliestStartMinutes'),
    relativeTo: z
      .enum(['start', 'end'])
      .default('start')
      .describe(
        '"start": offsets from the shift start; "end": offsets from the shift end (use negative values)',
      ),
    paid: z.boolean().default(false).describe('whether the break time is paid'),
  })
  .refine((b) => b.earliestStartMinutes <= b.latestStartMinutes, {
    message: 'earliestStartMinutes must be <= latestStartMinutes',
  });

const LengthRange = z
  .strictObject({
    min: minutes,
    max: minutes,
    step: minutes.default(15),
  })
  .refine((r) => r.min <= r.max, { message: 'min must be <= max' });

/** One shift type: when it may start, how long it lasts, what it costs, how many there may be. */
const ShiftType = z
  .strictObject({
    name: z.string().min(1),
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1)
      .default([...WEEKDAYS])
      .describe('weekdays the shift may start on'),
    earliestStart: timeOfDay,
    latestStart: timeOfDay,
    startStepMinutes: minutes.default(15).describe('start times every this many minutes from earliestStart'),
    lengthsMinutes: z.array(minutes).min(1).optional().describe('allowed lengths (minutes, breaks included)'),
    lengthMinutes: LengthRange.optional().describe('allowed lengths as min..max with a step'),
    paid: z.boolean().default(true).describe('whether the shift is paid'),
    fixedDuration: z
      .boolean()
      .default(false)
      .describe(
        'true: the shift lasts its length in real minutes across a DST change; false (default): it ends at its wall-clock end (22:00-06:00 is 7 or 9 real hours that night)',
      ),
    costPerPaidHour: z.number().min(0).default(1),
    minCount: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .optional()
      .describe('at least this many shifts of the type in the plan (at most 100000)'),
    maxCount: z.number().int().min(0).optional(),
    minShare: z.number().min(0).max(1).optional().describe('at least this fraction of all shifts'),
    maxShare: z.number().min(0).max(1).optional().describe('at most this fraction of all shifts, e.g. 0.25'),
    breaks: z.array(BreakRule).default([]),
  })
  .refine((t) => (t.lengthsMinutes === undefined) !== (t.lengthMinutes === undefined), {
    message: 'give exactly one of lengthsMinutes or lengthMinutes',
  })
  .refine((t) => t.earliestStart <= t.latestStart, { message: 'earliestStart must be <= latestStart' })
  .refine((t) => t.earliestStart < 1440 && t.latestStart < 1440, {
    message: 'start times must be before 24:00',
  })
  .superRefine((t, ctx) => {
    const lengths = typeLengths(t);
    lengths.forEach((L, i) => {
      if (L > WEEK_MINUTES)
        ctx.addIssue({
          code: 'custom',
          path: t.lengthsMinutes === undefined ? ['lengthMinutes', 'max'] : ['lengthsMinutes', i],
          message: `a shift of ${L} min is longer than a week (${WEEK_MINUTES} min)`,
        });
    });
    t.breaks.forEach((b, k) => {
      const misfit = lengths.filter((L) => !breakFits(b, L));
      if (misfit.length === 0) return;
      const from = b.relativeTo === 'start' ? 'after the shift start' : 'relative to the shift end';
      ctx.addIssue({
        code: 'custom',
        path: ['breaks', k],
        message: `${b.name} of ${b.durationMinutes} min starting ${b.earliestStartMinutes}..${b.latestStartMinutes} min ${from} does not fit in a shift of ${misfit.join(', ')} min`,
      });
    });
  });

/** Minutes in a week: the longest shift allowed. */
const WEEK_MINUTES = 7 * 1440;

/** The allowed lengths of a shift type in minutes (from `lengthsMinutes` or `lengthMinutes`). */
function typeLengths(t: {
  lengthsMinutes?: number[] | undefined;
  lengthMinutes?: { min: number; max: number; step: number } | undefined;
}): number[] {
  if (t.lengthsMinutes !== undefined) return t.lengthsMinutes;
  const r = t.lengthMinutes;
  if (r === undefined) return [];
  const out: number[] = [];
  for (let L = r.min; L <= r.max && out.length <= WEEK_MINUTES; L += r.step) out.push(L);
  return out;
}

/** Whether a break can start somewhere inside its window and end by the end of a shift of `L` min. */
function breakFits(
  b: {
    durationMinutes: number;
    earliestStartMinutes: number;
    latestStartMinutes: number;
    relativeTo: string;
  },
  L: number,
): boolean {
  const base = b.relativeTo === 'start' ? 0 : L;
  return (
    Math.max(0, base + b.earliestStartMinutes) <= Math.min(base + b.latestStartMinutes, L - b.durationMinutes)
  );
}

const OpenPeriod = z
  .strictObject({ open: timeOfDay, close: timeOfDay })
  .refine((p) => p.open < p.close, { message: 'open must be before close' });

/**
 * The shift-rules schema (zod 4). `ShiftRules.parse(json)` returns the rules with defaults filled;
 * `z.toJSONSchema(ShiftRules, { io: 'input' })` is what `staffcast schema rules` prints.
 *
 * @example
 * ShiftRules.parse({ shiftTypes: [{ name: 'day', earliestStart: '08:00', latestStart: '10:00',
 *   lengthsMinutes: [480] }] }).coverage.underPenaltyPerAgentInterval; // 100
 */
export const ShiftRules = z
  .strictObject({
    shiftTypes: z.array(ShiftType).min(1),
    openingHours: z
      .partialRecord(z.enum(WEEKDAYS), z.array(OpenPeriod))
      .optional()
      .describe('open periods per weekday; a weekday left out is closed all day; absent: always open'),
    cyclicWeek: z
      .boolean()
      .default(false)
      .describe('the horizon repeats: shifts running past its end cover its first intervals'),
    coverage: z
      .strictObject({
        underPenaltyPerAgentInterval: z.number().min(0).default(100),
        overPenaltyPerAgentInterval: z.number().min(0).default(0.01),
        allowUnderCoverage: z.boolean().default(true).describe('false: every open interval must be covered'),
        shiftsOutsideOpeningHours: z
          .boolean()
          .default(false)
          .describe(
            'true: a shift may run into closed intervals; false (default): every interval a shift spans is open (openingHours, or without them an interval of the requirement)',
          ),
      })
      .default({
        underPenaltyPerAgentInterval: 100,
        overPenaltyPerAgentInterval: 0.01,
        allowUnderCoverage: true,
        shiftsOutsideOpeningHours: false,
      }),
    caps: z
      .strictObject({
        maxAgentsPerInterval: z.number().int().min(0).optional().describe('agents on shift in any interval'),
        maxShifts: z.number().int().min(0).optional().describe('shifts in the whole plan'),
      })
      .optional(),
    tours: z
      .strictObject({
        minShiftsPerWeek: z.number().int().min(1).max(7).default(4),
        maxShiftsPerWeek: z.number().int().min(1).max(7).default(6),
        consecutiveDaysOff: z.boolean().default(true).describe('the days off of a tour are consecutive'),
        minPaidHoursPerWeek: z.number().min(0).optional(),
        maxPaidHoursPerWeek: z.number().min(0).optional(),
      })
      .refine((t) => t.minShiftsPerWeek <= t.maxShiftsPerWeek, {
        message: 'minShiftsPerWeek must be <= maxShiftsPerWeek',
      })
      .refine(
        (t) =>
          t.minPaidHoursPerWeek === undefined ||
          t.maxPaidHoursPerWeek === undefined ||
          t.minPaidHoursPerWeek <= t.maxPaidHoursPerWeek,
        { message: 'minPaidHoursPerWeek must be <= maxPaidHoursPerWeek' },
      )
      .optional()
      .describe('weekly tours: each agent works the same shift type and length on every working day'),
    breakMethod: z
      .enum(['auto', 'explicit', 'implicit', 'afterwards'])
      .default('auto')
      .describe(
        'implicit break counts per time in the MIP (auto when break windows of a shift type do not overlap), explicit break columns, or shifts first and breaks placed afterwards',
      ),
    roster: RosterRulesSchema.optional().describe(
      'roster rules for rostering named agents (src/schemas/rosterRules.ts); ignored by scheduling',
    ),
  })
  .superRefine((r, ctx) => {
    const t = r.tours;
    if (t === undefined) return;
    const lo = t.minPaidHoursPerWeek ?? 0;
    const hi = t.maxPaidHoursPerWeek ?? Number.POSITIVE_INFINITY;
    if (lo > hi) return; // reported on tours itself
    const weekly: string[] = [];
    for (const st of r.shiftTypes)
      for (const L of typeLengths(st)) {
        const unpaid = st.breaks.reduce((s, b) => s + (b.paid ? 0 : b.durationMinutes), 0);
        const hours = st.paid ? Math.max(0, L - unpaid) / 60 : 0;
        for (let k = t.minShiftsPerWeek; k <= t.maxShiftsPerWeek; k++)
          if (k * hours >= lo - 1e-9 && k * hours <= hi + 1e-9) return;
        weekly.push(
          `${st.name} ${L} min: ${+(t.minShiftsPerWeek * hours).toFixed(2)}-${+(t.maxShiftsPerWeek * hours).toFixed(2)} h`,
        );
      }
    ctx.addIssue({
      code: 'custom',
      path: ['tours'],
      message: `no shift type and length gives ${lo}-${hi === Number.POSITIVE_INFINITY ? 'any' : hi} paid hours a week in ${t.minShiftsPerWeek}-${t.maxShiftsPerWeek} shifts (${weekly.join('; ')})`,
    });
  })
  .superRefine((r, ctx) => {
    const names = new Set(r.shiftTypes.map((t) => t.name));
    for (const type of Object.keys(r.roster?.shiftTypeLimits ?? {}))
      if (!names.has(type))
        ctx.addIssue({
          code: 'custom',
          path: ['roster', 'shiftTypeLimits', type],
          message: `unknown shift type '${type}' (known: ${[...names].join(', ')})`,
        });
  })
  .describe('staffcast shift rules');

/** Rules as written in a file (defaults optional). */
export type ShiftRulesInput = z.input<typeof ShiftRules>;
/** Rules after validation, defaults filled and times converted to minutes after midnight. */
export type ShiftRulesConfig = z.output<typeof ShiftRules>;
/** One validated shift type. */
export type ShiftTypeConfig = ShiftRulesConfig['shiftTypes'][number];
/** One validated break rule. */
export type BreakRuleConfig = ShiftTypeConfig['breaks'][number];

/**
 * Validates shift rules and fills the defaults. Cost O(size of the rules).
 *
 * @param value parsed JSON
 * @param source file name for the message (default `'rules'`)
 * @throws StaffcastError `CONFIG` naming the source and every bad field's path and problem
 * @example
 * parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '08:00', latestStart: '08:00',
 *   lengthsMinutes: [480] }] }).shiftTypes[0].earliestStart; // 480
 */
export function parseShiftRules(value: unknown, source = 'rules'): ShiftRulesConfig {
  return validateConfig(ShiftRules, value, source);
}
