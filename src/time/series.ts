import { invalidInput } from '../errors.js';

/**
 * A regular interval series in one IANA time zone (DESIGN.md section 4).
 *
 * - `starts[i]` is the epoch-millisecond start of interval i, strictly increasing.
 * - `values[i]` is the value of interval i; `NaN` marks a missing interval (a data gap).
 * - A closed interval (centre shut) is absent: `starts` may jump over nights, weekends, holidays.
 * - Interval grids are aligned in local time, so a DST day has 92 or 100 quarter-hours.
 */
export interface Series {
  /** IANA time-zone name, e.g. `Europe/Madrid`. */
  timeZone: string;
  /** Length of every interval in minutes; divides a day (5, 6, 10, 15, 30, 60 ...). */
  intervalMinutes: number;
  /** Epoch ms of each interval start, strictly increasing. */
  starts: Float64Array;
  /** One value per interval; NaN = missing. */
  values: Float64Array;
}

/**
 * Builds a `Series` after checking its invariants: equal lengths, strictly increasing
 * finite starts, an interval length in minutes that divides 1440. O(n).
 *
 * @throws StaffcastError `INVALID_INPUT` naming the broken invariant.
 * @example
 * createSeries('UTC', 30, [0, 1_800_000], [4, 5]).values; // Float64Array [4, 5]
 */
export function createSeries(
  timeZone: string,
  intervalMinutes: number,
  starts: ArrayLike<number>,
  values: ArrayLike<number>,
): Series {
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || 1440 % intervalMinutes !== 0) {
    invalidInput(
      'createSeries',
      'intervalMinutes',
      'must be a whole number of minutes dividing 1440',
      intervalMinutes,
    );
  }
  if (starts.length !== values.length) {
    invalidInput('createSeries', 'values', `must have one value per start (${starts.length})`, values.length);
  }
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    if (!Number.isFinite(s)) invalidInput('createSeries', `starts[${i}]`, 'must be a finite epoch ms', s);
    if (i > 0 && s <= starts[i - 1]!)
      invalidInput('createSeries', `starts[${i}]`, 'must be strictly increasing', s);
  }
  return {
    timeZone,
    intervalMinutes,
    starts: Float64Array.from(starts),
    values: Float64Array.from(values),
  };
}
