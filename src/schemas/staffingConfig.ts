import { z } from 'zod';
import type { QueueSpec, StaffingSpec } from '../staffing/types.js';
import { parseJsonText, validateConfig, withoutUndefined } from './validateConfig.js';

const fraction = z.number().min(0).max(1);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "a local time 'HH:MM'");
const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'an IANA time-zone name such as Europe/Madrid' },
);

/**
 * zod schema of a `StaffingTarget` (DESIGN.md section 4) inside a staffing config.
 *
 * @internal
 */
export const staffingTargetSchema = z
  .object({
    serviceLevel: fraction.optional().describe('Share answered within thresholdSeconds, 0..1'),
    thresholdSeconds: z.number().positive().optional(),
    serviceLevelBasis: z.enum(['offered', 'excludeShortAbandons', 'virtualWait']).optional(),
    maxAsaSeconds: z.number().positive().optional(),
    maxAbandonRate: fraction.optional(),
    maxOccupancy: z.number().gt(0).max(1).optional(),
    maxAgents: z.number().int().positive().optional(),
  })
  .strict();

/**
 * zod schema of a shrinkage: a constant fraction in [0, 1) or a table by weekday and time of day.
 *
 * @internal
 */
export const shrinkageSchema = z.union([
  z.number().min(0).lt(1),
  z
    .object({
      default: z.number().min(0).lt(1),
      rules: z.array(
        z
          .object({
            weekdays: z
              .array(z.number().int().min(0).max(6))
              .optional()
              .describe('0 = Sunday ... 6 = Saturday'),
            from: hhmm.optional(),
            to: hhmm.optional(),
            shrinkage: z.number().min(0).lt(1),
          })
          .strict(),
      ),
    })
    .strict(),
]);

/**
 * zod schema of one queue of a staffing config.
 *
 * @internal
 */
export const staffingQueueSchema = z
  .object({
    name: z.string().min(1).describe('Queue name as in the forecast `queue` column'),
    channel: z.enum(['voice', 'chat', 'email']).default('voice'),
    target: staffingTargetSchema.optional().describe('Overrides the plan-wide target'),
    patienceSeconds: z.number().positive().optional().describe('Mean patience: Erlang A; absent: Erlang C'),
    ahtSeconds: z.number().positive().optional().describe('Handle time when the forecast has none'),
    shrinkage: shrinkageSchema.optional(),
    concurrency: z.number().int().min(1).optional().describe('Contacts one agent handles at once (chat)'),
    minAgents: z.number().int().min(0).optional(),
    timeZone: timeZone.optional().describe('Zone of the site serving the queue, when not the forecast zone'),
    deadlineMinutes: z
      .number()
      .positive()
      .optional()
      .describe('Email and back office: time to handle an item'),
    deadlineBasis: z.enum(['calendar', 'business']).optional(),
    useParams: z
      .boolean()
      .optional()
      .describe(
        'Take handle time, patience and availability from `staff --params` where this queue and the forecast give none; default: true for voice queues, false for chat and email',
      ),
  })
  .strict()
  .refine((q) => q.channel !== 'email' || q.deadlineMinutes !== undefined, {
    message: 'an email queue needs deadlineMinutes',
    path: ['deadlineMinutes'],
  });

/** zod schema of a staffing config file (`staffcast staff --config`, `staffcast schema staffing`). */
export const staffingConfigSchema = z
  .object({
    target: staffingTargetSchema.optional().describe('Plan-wide target; command-line flags take its place'),
    paidHoursPerWeek: z.number().positive().optional(),
    queues: z.array(staffingQueueSchema).min(1),
  })
  .strict()
  .refine((c) => new Set(c.queues.map((q) => q.name)).size === c.queues.length, {
    message: 'queue names must be unique',
    path: ['queues'],
  });

/**
 * A validated staffing config file: the queues of a multi-queue plan (the domain's `StaffingSpec`,
 * which `multiQueuePlan` takes) and the paid hours of one FTE.
 */
export interface StaffingConfig extends StaffingSpec {
  /** Paid hours per week of one FTE (`fteOf`); default 40. */
  paidHoursPerWeek?: number;
  /** The queues, in config order (names unique). */
  queues: QueueSpec[];
}

/**
 * One queue of a `StaffingConfig`.
 *
 * @deprecated Use {@link QueueSpec} (the domain's queue spec, which this file is read into); kept
 *   for existing imports of the public API.
 */
export type StaffingQueueConfig = QueueSpec;

/**
 * Parses and validates a staffing config (JSON text) against `staffingConfigSchema`. Cost O(size).
 *
 * @throws StaffcastError `CONFIG` naming the source and every invalid field path, or the JSON
 *   syntax error.
 * @example
 * readStaffingConfig('{"queues":[{"name":"sales","patienceSeconds":120}]}').queues[0].channel; // 'voice'
 */
export function readStaffingConfig(text: string, source = 'staffing config'): StaffingConfig {
  // returning the schema's output (without undefined keys) as the domain's StaffingSpec is the
  // compile-time check that the two agree
  return withoutUndefined(validateConfig(staffingConfigSchema, parseJsonText(text, source), source));
}
