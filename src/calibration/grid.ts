import { TZDate } from '@date-fns/tz';
import { invalidInput } from '../errors.js';

/**
 * Every interval of whole local days, with the calendar keys the calibration pools by.
 *
 * @internal
 */
export interface CalibrationGrid {
  /** IANA zone the grid is aligned in. */
  timeZone: string;
  /** Interval length in minutes (divides 1440). */
  intervalMinutes: number;
  /** Epoch ms of each interval start, strictly increasing. */
  starts: Float64Array;
  /** Local weekday of each interval (0 Sunday .. 6 Saturday). */
  weekday: Uint8Array;
  /** Local minute of day of each interval start (0..1439). */
  minuteOfDay: Int16Array;
  /** Local day number of each interval, 0 for the first day of the grid. */
  dayIndex: Int32Array;
  /** Number of local days covered. */
  days: number;
}

/**
 * Builds the interval grid covering every local day from the day of `firstMs` to the day of
 * `lastMs`, aligned in `timeZone` with `TZDate` (a DST day has more or fewer intervals). O(days x
 * intervals per day).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` when `intervalMinutes` does not divide 1440 or `lastMs < firstMs`.
 * @example
 * calibrationGrid(0, 3_600_000, 'UTC', 30).starts.length; // 48 (one day of half hours)
 */
export function calibrationGrid(
  firstMs: number,
  lastMs: number,
  timeZone: string,
  intervalMinutes: number,
): CalibrationGrid {
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || 1440 % intervalMinutes !== 0)
    invalidInput(
      'calibrationGrid',
      'intervalMinutes',
      'must be a whole number of minutes dividing 1440',
      intervalMinutes,
    );
  if (!(Number.isFinite(firstMs) && Number.isFinite(lastMs) && lastMs >= firstMs))
    invalidInput('calibrationGrid', 'lastMs', 'must be finite and not before firstMs', lastMs);
  const first = new TZDate(firstMs, timeZone);
  const starts: number[] = [];
  const weekday: number[] = [];
  const minuteOfDay: number[] = [];
  const dayIndex: number[] = [];
  let day = 0;
  for (; ; day++) {
    const midnight = new TZDate(first.getFullYear(), first.getMonth(), first.getDate() + day, timeZone);
    if (midnight.getTime() > lastMs) break;
    const next = new TZDate(first.getFullYear(), first.getMonth(), first.getDate() + day + 1, timeZone);
    const wd = midnight.getDay();
    for (let t = midnight.getTime(); t < next.getTime(); t += intervalMinutes * 60_000) {
      const local = new TZDate(t, timeZone);
      const minute = local.getHours() * 60 + local.getMinutes();
      // a fall-back hour repeats local minutes; a spring-forward gap skips them: both follow the clock
      starts.push(t);
      weekday.push(wd);
      minuteOfDay.push(minute);
      dayIndex.push(day);
    }
  }
  return {
    timeZone,
    intervalMinutes,
    starts: Float64Array.from(starts),
    weekday: Uint8Array.from(weekday),
    minuteOfDay: Int16Array.from(minuteOfDay),
    dayIndex: Int32Array.from(dayIndex),
    days: day,
  };
}

/**
 * Index of the grid interval holding instant `ms` (binary search), or -1 outside the grid.
 * O(log n).
 *
 * @internal
 * @example
 * intervalIndex(calibrationGrid(0, 0, 'UTC', 30), 2_000_000); // 1
 */
export function intervalIndex(grid: CalibrationGrid, ms: number): number {
  const { starts } = grid;
  if (!(ms >= starts[0]!) || ms >= starts[starts.length - 1]! + grid.intervalMinutes * 60_000) return -1;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
