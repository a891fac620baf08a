import { z } from 'zod';
import { WEEKDAYS as WEEKDAY_KEYS } from '../time/weekday.js';
import { validateConfig } from './validateConfig.js';

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be "HH:MM" between 00:00 and 23:59')
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5)));

const ShiftTypeLimitsSchema = z
  .strictObject({
    minAgentsPerDay: z.number().int().min(0).max(100_000).optional(),
    maxAgentsPerDay: z.number().int().min(0).max(100_000).optional(),
  })
  .refine((l) => (l.minAgentsPerDay ?? 0) <= (l.maxAgentsPerDay ?? Number.POSITIVE_INFINITY), {
    message: 'minAgentsPerDay must be <= maxAgentsPerDay',
  });

/**
 * The roster rules as written in a file: the `roster` key of the shift rules JSON
 * (`staffcast schema rules` describes it), validated by zod, strict (an unknown key is an error).
 * Defaults: weekends are `sat`+`sun`, no weekends-off rule, no rest beyond the contracts, no
 * start-time limit, no per-type limits, early shifts start before `09:00`, late shifts at or after
 * `12:00`, no `queues` (the team's skills are checked against the requirement's queues only). The
 * output (`parseRosterRules`) is the `RosterRules` of `src/rostering/types.ts`
 * (`earlyStartBefore`/`lateStartFrom` become minutes after midnight) with `queues` when given (the
 * agents' reading uses it; `rosterRulesOf` leaves it out).
 *
 * @example
 * RosterRulesSchema.parse({ weekendDays: ['fri', 'sat'] }).weekendDays; // ['fri', 'sat']
 */
export const RosterRulesSchema = z
  .strictObject({
    weekendDays: z
      .array(z.enum(WEEKDAY_KEYS))
      .min(1)
      .max(6)
      .refine((d) => new Set(d).size === d.length, { message: 'a weekday is listed twice' })
      .default(['sat', 'sun'])
      .describe('the days of a weekend, e.g. ["fri", "sat"] in Israel'),
    weekendsOff: z
      .strictObject({
        minFreeWeekends: z.number().int().min(0).max(6),
        perWeeks: z.number().int().min(1).max(6),
      })
      .refine((w) => w.minFreeWeekends <= w.perWeeks, { message: 'minFreeWeekends must be <= perWeeks' })
      .optional()
      .describe('every agent has at least minFreeWeekends free weekends in every perWeeks consecutive weeks'),
    minRestHours: z
      .number()
      .min(0)
      .max(72)
      .default(0)
      .describe(
        'no quick returns: hours from a shift end to the next start (the larger of this and the contract)',
      ),
    maxStartVariationHours: z
      .number()
      .min(0)
      .max(24)
      .optional()
      .describe("start-time stability: an agent's local starts within a week differ by at most this"),
    shiftTypeLimits: z
      .record(z.string().min(1), ShiftTypeLimitsSchema)
      .default({})
      .describe('min/max agents per shift type and day, keyed by shift type name'),
    queues: z
      .array(z.string().min(1))
      .min(1)
      .refine((q) => new Set(q).size === q.length, { message: 'a queue is listed twice' })
      .optional()
      .describe(
        "every queue (skill) an agent of the team may list, rostered in this run or not: skills are checked against these and the requirement's (or plan's) queues, a skill in neither is an error; default: the requirement's (or plan's) queues only",
      ),
    earlyStartBefore: timeOfDay.default(540).describe('a shift starting before this local time is early'),
    lateStartFrom: timeOfDay.default(720).describe('a shift starting at or after this local time is late'),
  })
  .transform(({ earlyStartBefore, lateStartFrom, ...rest }) => ({
    ...rest,
    earlyStartBeforeMinutes: earlyStartBefore,
    lateStartFromMinutes: lateStartFrom,
  }))
  .describe('roster rules (rostering named agents)');

/** Roster rules as written in a file (defaults optional). */
export type RosterRulesInput = z.input<typeof RosterRulesSchema>;
/** Roster rules after validation: structurally the `RosterRules` of `src/rostering/types.ts`. */
export type RosterRulesConfig = z.output<typeof RosterRulesSchema>;

/**
 * Validates roster rules (the `roster` key of a rules file, or `{}` for the defaults) and returns
 * them with defaults filled. Cost O(size).
 *
 * @throws StaffcastError `CONFIG` "<source>: <path>: <message>" (see `validateConfig`)
 * @example
 * parseRosterRules({}).minRestHours; // 0
 * parseRosterRules({ lateStartFrom: '13:30' }).lateStartFromMinutes; // 810
 * parseRosterRules({ weekendsOff: { minFreeWeekends: 3, perWeeks: 2 } }, 'rules.json');
 * // throws CONFIG 'rules.json: weekendsOff: minFreeWeekends must be <= perWeeks'
 */
export function parseRosterRules(value: unknown, source = 'roster rules'): RosterRulesConfig {
  return validateConfig(RosterRulesSchema, value, source);
}
