import { invalidInput } from '../errors.js';

/** A group of identical shifts on the real clock (what `readScheduleCsv` reads back). */
export interface ClockShift {
  /** Epoch ms of the start and of the end. */
  startMs: number;
  endMs: number;
  /** Agents working it. */
  count: number;
  /** Breaks: start (epoch ms) and length in minutes. */
  breaks: readonly { startMs: number; minutes: number }[];
}

/**
 * Agents at work and not on a break in each interval [s, s + intervalMinutes) of `starts`: the
 * `count` of every shift that covers the whole interval (start <= s, s + interval <= end) and has
 * no break overlapping it. This is the net coverage of `scheduleShifts` (`coverage.net`) rebuilt
 * from a schedule's shifts; times off the grid count where they cover an interval entirely.
 * O(intervals x shifts).
 *
 * @throws StaffcastError `INVALID_INPUT` for an interval length that is not a positive number.
 * @example
 * // 09:00-13:00 x 2 with a 30-minute break at 11:00, and 10:00-12:00 x 1, on the hours 09..12
 * const h = (x: number) => Date.UTC(2024, 0, 1, x);
 * Array.from(agentsAtWork([{ startMs: h(9), endMs: h(13), count: 2, breaks: [{ startMs: h(11), minutes: 30 }] },
 *   { startMs: h(10), endMs: h(12), count: 1, breaks: [] }], [h(9), h(10), h(11), h(12)], 60)); // [2, 3, 1, 2]
 */
export function agentsAtWork(
  shifts: readonly ClockShift[],
  starts: ArrayLike<number>,
  intervalMinutes: number,
): Float64Array {
  if (!(intervalMinutes > 0 && Number.isFinite(intervalMinutes)))
    invalidInput('agentsAtWork', 'intervalMinutes', 'must be a positive number', intervalMinutes);
  const length = intervalMinutes * 60_000;
  return Float64Array.from(starts, (s) => {
    let heads = 0;
    for (const shift of shifts) {
      if (shift.startMs > s || s + length > shift.endMs) continue;
      const onBreak = shift.breaks.some((b) => b.startMs < s + length && b.startMs + b.minutes * 60_000 > s);
      if (!onBreak) heads += shift.count;
    }
    return heads;
  });
}
