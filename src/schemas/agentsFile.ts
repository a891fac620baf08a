import { z } from 'zod';
import { WEEKDAYS } from './shiftRules.js';
import { validateConfig } from './validateConfig.js';

/**
 * A local time window as text, `HH:MM-HH:MM` (`24:00` allowed as an end), as minutes after local
 * midnight. An end before the start crosses midnight (`22:00-06:00` is 1320..1800); an end equal
 * to the start is a problem (an empty window). Returns the window or the problem in words.
 * Shared by the agents CSV (`availability` cells) and JSON (`availability` arrays). O(1).
 *
 * @internal
 * @example
 * parseTimeWindow('07:00-19:00'); // { startMinutes: 420, endMinutes: 1140 }
 * parseTimeWindow('22:00-06:00'); // { startMinutes: 1320, endMinutes: 1800 }
 * parseTimeWindow('7-19'); // 'not a time window "HH:MM-HH:MM" (got \'7-19\')'
 */
export function parseTimeWindow(text: string): { startMinutes: number; endMinutes: number } | string {
  const m = /^([01]\d|2[0-3]):([0-5]\d)-(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/.exec(text.trim());
  if (m === null) return `not a time window "HH:MM-HH:MM" (got '${text.trim().slice(0, 40)}')`;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const endOfDay = m[5] === undefined ? Number(m[3]) * 60 + Number(m[4]) : 1440;
  if (endOfDay === start) return `empty time window (got '${text.trim()}')`;
  return { startMinutes: start, endMinutes: endOfDay < start ? endOfDay + 1440 : endOfDay };
}

/** `YYYY-MM-DD` (a whole local day) or an ISO-8601 date-time (local, or with an offset). */
const DATE_OR_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const windowText = z.string().superRefine((s, ctx) => {
  const w = parseTimeWindow(s);
  if (typeof w === 'string') ctx.addIssue({ code: 'custom', message: w });
});

const ContractSchema = z.strictObject({
  name: z.string().default('').describe('label, e.g. "full-time"'),
  minHoursPerWeek: z.number().min(0).max(168).default(0).describe('paid hours per week, at least'),
  maxHoursPerWeek: z.number().min(0).max(168).describe('paid hours per week, at most'),
  minDaysPerWeek: z.number().int().min(0).max(7).default(0),
  maxDaysPerWeek: z.number().int().min(0).max(7),
  maxConsecutiveDays: z.number().int().min(1).max(366).default(6),
  minRestHours: z
    .number()
    .min(0)
    .max(72)
    .default(11)
    .describe('hours between a shift end and the next start'),
  shiftTypes: z.array(z.string().min(1)).min(1).optional().describe('shift types allowed; absent: any'),
  costPerHour: z.number().min(0).default(1).describe('wage cost per paid hour'),
});

const TimeOffSchema = z.strictObject({
  kind: z.enum(['hard', 'soft']).describe('hard: approved leave; soft: a wish'),
  start: z
    .string()
    .regex(DATE_OR_TIME, 'must be a date "YYYY-MM-DD" or an ISO-8601 date-time')
    .describe('first day (whole local day) or start instant'),
  end: z
    .string()
    .regex(DATE_OR_TIME, 'must be a date "YYYY-MM-DD" or an ISO-8601 date-time')
    .describe('last day (inclusive) or end instant (exclusive)'),
  weight: z.number().min(0).max(1e6).default(1).describe('penalty of breaking a soft wish'),
  note: z.string().optional(),
});

const AgentSchema = z.strictObject({
  id: z.string().trim().min(1),
  name: z.string().trim().min(1),
  contract: ContractSchema,
  skills: z.array(z.string().trim().min(1)).min(1).describe('queue names the agent serves'),
  site: z.string().default(''),
  timeZone: z.string().min(1).optional().describe('IANA zone; absent: the zone given to the reader'),
  availability: z
    .partialRecord(z.enum(WEEKDAYS), z.array(windowText))
    .optional()
    .describe('windows "HH:MM-HH:MM" per weekday; a weekday left out is not available; absent: always'),
  fixedDaysOff: z.array(z.enum(WEEKDAYS)).default([]),
  timeOff: z.array(TimeOffSchema).default([]),
  shiftPreferences: z
    .array(z.strictObject({ kind: z.enum(['early', 'late']), weight: z.number().min(0).max(1e6) }))
    .default([]),
  seniority: z.number().min(0).default(0),
});

/**
 * The agents file in JSON (`staffcast schema agents`): `{ "agents": [ ... ] }`, one object per
 * agent with the fields of `Agent` (src/rostering/types.ts). Strict: an unknown key is an error.
 * Differences from `Agent`: availability windows are text `"HH:MM-HH:MM"`, time off gives `start`
 * and `end` as dates (`YYYY-MM-DD`, whole local days, the end inclusive) or ISO-8601 date-times
 * (local in the agent's zone unless they carry an offset; the end exclusive), and `timeZone` may be
 * left out (the reader's zone). Contract defaults: `minHoursPerWeek` 0, `minDaysPerWeek` 0,
 * `maxConsecutiveDays` 6, `minRestHours` 11 (EU Working Time Directive daily rest), `costPerHour`
 * 1. The reader (`parseAgentsJson` in src/io) turns it into `Agent[]` and checks what zod cannot
 * (known skills, overlapping leave, contracts that cannot be worked, duplicate ids).
 *
 * @example
 * AgentsFileSchema.parse({ agents: [{ id: 'a1', name: 'A. Cohen', skills: ['stocks'],
 *   contract: { maxHoursPerWeek: 40, maxDaysPerWeek: 5 } }] }).agents[0].contract.minRestHours; // 11
 */
export const AgentsFileSchema = z
  .strictObject({
    agents: z.array(AgentSchema).min(1),
  })
  .describe('staffcast agents file (rostering)');

/** The agents file as written (defaults optional). */
export type AgentsFileInput = z.input<typeof AgentsFileSchema>;
/** The agents file after validation, defaults filled. */
export type AgentsFileConfig = z.output<typeof AgentsFileSchema>;
/** One agent of a validated agents file. */
export type AgentConfig = AgentsFileConfig['agents'][number];

/**
 * Validates a parsed agents JSON value. Cost O(size).
 *
 * @internal
 * @throws StaffcastError `CONFIG` "<source>: <path>: <message>" (see `validateConfig`)
 * @example
 * parseAgentsFile({ agents: [] }, 'agents.json');
 * // throws CONFIG 'agents.json: agents: Too small: expected array to have >=1 items'
 */
export function parseAgentsFile(value: unknown, source = 'agents file'): AgentsFileConfig {
  return validateConfig(AgentsFileSchema, value, source);
}
