import { invalidInput } from '../errors.js';
import type { History } from '../time/history.js';
import { localMinuteOfDay } from '../time/localCalendar.js';
import { createSeries, type Series } from '../time/series.js';

/**
 * Re-aggregates a history to a coarser interval aligned in local time (e.g. 5 -> 30 minutes):
 * calls, handled and abandoned are summed (closed sub-intervals count 0, a missing one makes the
 * sum NaN); AHT is the volume-weighted mean sum(w * aht) / sum(w), weighted by handled contacts
 * when the history has them, else by calls. O(n).
 *
 * @throws StaffcastError `INVALID_INPUT` when `intervalMinutes` is not a multiple of the history's
 * interval or does not divide 1440.
 * @example
 * // 15-minute calls [1, 2] at 08:00 and 08:15, aht [100, 400] -> 30-minute calls [3], aht [300]
 * const starts = [Date.UTC(2024, 0, 1, 8), Date.UTC(2024, 0, 1, 8, 15)];
 * const r = resampleHistory({ calls: createSeries('UTC', 15, starts, [1, 2]),
 *   ahtSeconds: createSeries('UTC', 15, starts, [100, 400]) }, 30);
 * [Array.from(r.calls.values), Array.from(r.ahtSeconds!.values)]; // [[3], [300]]
 */
export function resampleHistory(history: History, intervalMinutes: number): History {
  const src = history.calls;
  if (
    !Number.isInteger(intervalMinutes) ||
    intervalMinutes % src.intervalMinutes !== 0 ||
    1440 % intervalMinutes !== 0
  ) {
    invalidInput(
      'resampleHistory',
      'intervalMinutes',
      `must be a multiple of ${src.intervalMinutes} that divides 1440`,
      intervalMinutes,
    );
  }
  if (intervalMinutes === src.intervalMinutes) return history;
  const { timeZone } = src;
  const starts: number[] = [];
  const bucketOf = new Int32Array(src.starts.length);
  let lastStart = Number.NaN;
  for (let i = 0; i < src.starts.length; i++) {
    const s = src.starts[i]!;
    const minute = localMinuteOfDay(s, timeZone);
    const start = s - (minute % intervalMinutes) * 60_000;
    if (start !== lastStart) {
      starts.push(start);
      lastStart = start;
    }
    bucketOf[i] = starts.length - 1;
  }
  const sum = (series: Series | undefined): Series | undefined => {
    if (!series) return undefined;
    const out = new Float64Array(starts.length);
    for (let i = 0; i < series.values.length; i++) out[bucketOf[i]!] = out[bucketOf[i]!]! + series.values[i]!;
    return createSeries(timeZone, intervalMinutes, starts, out);
  };
  const result: History = { calls: sum(src)! };
  const handled = sum(history.handled);
  const abandoned = sum(history.abandoned);
  if (handled) result.handled = handled;
  if (abandoned) result.abandoned = abandoned;
  if (history.ahtSeconds) {
    const weights = history.handled ?? src;
    const num = new Float64Array(starts.length);
    const den = new Float64Array(starts.length);
    for (let i = 0; i < src.values.length; i++) {
      const a = history.ahtSeconds.values[i]!;
      const w = weights.values[i]!;
      if (Number.isFinite(a) && Number.isFinite(w) && w > 0) {
        num[bucketOf[i]!] = num[bucketOf[i]!]! + w * a;
        den[bucketOf[i]!] = den[bucketOf[i]!]! + w;
      }
    }
    const aht = new Float64Array(starts.length);
    for (let b = 0; b < starts.length; b++) aht[b] = den[b]! > 0 ? num[b]! / den[b]! : Number.NaN;
    result.ahtSeconds = createSeries(timeZone, intervalMinutes, starts, aht);
  }
  return result;
}
