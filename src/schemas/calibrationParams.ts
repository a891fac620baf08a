import { z } from 'zod';
import type { CalibrationParams } from '../calibration/params.js';

const hourly = z.array(z.number().positive().nullable()).length(24);

/**
 * zod schema of the fitted model inputs `calibrate` writes (`--params-out params.json`) for
 * `staff` and `plan` to read. Hour-indexed arrays run over local hours 0..23 in `timeZone`;
 * `workweek` applies to `busyWeekdays`, `weekend` to the other days. `null` means "not estimated":
 * for patience, that no caller of that pool abandoned (use Erlang C); for handle time, that no call
 * was answered in the whole pool. Unknown keys are errors at every level (a misspelt key would
 * otherwise be ignored silently).
 *
 * ```json
 * { "kind": "staffcast-calibration", "version": 1, "timeZone": "UTC", "intervalMinutes": 30,
 *   "thresholdSeconds": 20, "busyWeekdays": [0, 1, 2, 3, 4], "availabilityFactor": 0.85,
 *   "ahtSecondsByHour": { "workweek": [...24], "weekend": [...24] },
 *   "patienceSecondsByHour": { "workweek": [...24], "weekend": [...24] },
 *   "fittedOn": { "from": "1999-02-01T00:00:00Z", "to": "1999-02-15T00:00:00Z" } }
 * ```
 *
 * @example
 * const hours = (v: number | null) => Array.from({ length: 24 }, () => v);
 * const paramsJson = JSON.stringify({ kind: 'staffcast-calibration', version: 1, timeZone: 'UTC', intervalMinutes: 30,
 *   thresholdSeconds: 20, busyWeekdays: [1, 2, 3, 4, 5], availabilityFactor: 0.8497,
 *   ahtSecondsByHour: { workweek: hours(180), weekend: hours(null) },
 *   patienceSecondsByHour: { workweek: hours(90), weekend: hours(null) }, fittedOn: { from: '', to: '' } });
 * calibrationParamsSchema.parse(JSON.parse(paramsJson)).availabilityFactor; // 0.8497 (the bank month's)
 */
export const calibrationParamsSchema = z.strictObject({
  kind: z.literal('staffcast-calibration'),
  version: z.literal(1),
  /** IANA zone of the hour-of-day keys. */
  timeZone: z.string().min(1),
  /** Interval length the parameters were fitted at (minutes). */
  intervalMinutes: z.number().int().positive(),
  /** Service-level threshold used in the fit (seconds). */
  thresholdSeconds: z.number().nonnegative(),
  /** Local weekdays (0 Sunday .. 6 Saturday) of the `workweek` day type. */
  busyWeekdays: z.array(z.number().int().min(0).max(6)),
  /** Effective agents on the phones = factor x agents present (0..2). */
  availabilityFactor: z.number().positive().max(2),
  /** Mean talk time by local hour (seconds). */
  ahtSecondsByHour: z.strictObject({ workweek: hourly, weekend: hourly }),
  /** Mean exponential patience by local hour (seconds), maximum likelihood. */
  patienceSecondsByHour: z.strictObject({ workweek: hourly, weekend: hourly }),
  /** Half-open span of the training data (ISO-8601 instants). */
  fittedOn: z.strictObject({ from: z.string(), to: z.string() }),
}) satisfies z.ZodType<CalibrationParams>; // compile-time check: what it validates is the domain's type

export type { CalibrationParams };
