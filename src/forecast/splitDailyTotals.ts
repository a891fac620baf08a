import { invalidInput, StaffcastError } from '../errors.js';
import type { GridOptions } from '../time/gridOptions.js';
import type { History } from '../time/history.js';
import { dayNumberOfDate, localMinuteOfDay, weekdayOfDayNumber } from '../time/localCalendar.js';
import { localDayIntervals } from '../time/localDayIntervals.js';
import { createSeries } from '../time/series.js';
import type { IntradayShares } from './intradayShares.js';

/** One day's total of offered contacts. */
export interface DailyTotal {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** Contacts that day (>= 0); NaN = unknown (its open intervals become gaps). */
  calls: number;
}

/** Options of `splitDailyTotals`; `timeZone` is the zone of the dates and of the interval grid. */
export interface SplitDailyTotalsOptions extends Required<Pick<GridOptions, 'timeZone'>> {
  /**
   * `'none'` (default): fractional interval values; `'largest-remainder'`: whole numbers by the
   * largest-remainder method (each interval gets the floor of its exact part, the leftover units go
   * to the largest fractional parts, earlier interval first on ties), so each whole-number daily
   * total is kept exactly.
   */
  rounding?: 'none' | 'largest-remainder';
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Splits daily totals into an interval history with an intraday profile: day d's intervals are the
 * local grid of d in `timeZone` (`localDayIntervals`, so a DST day has its own 23 or 25 hours), an
 * interval gets the share of its (weekday, local time of day) slot, and the shares of the day's
 * actual intervals are renormalised to sum to 1 (a spring-forward day spreads the skipped hour's
 * share over the others, a fall-back day counts the repeated hour twice), so each day's intervals
 * add up to its total (to floating-point rounding, or exactly with `'largest-remainder'`).
 * Slots closed in the profile get no interval; a day whose open slots all have share 0 is spread
 * evenly over them; a day with total 0 on a weekday the profile lacks is a closed day (no
 * intervals). O(days x slots).
 *
 * @throws StaffcastError `INVALID_INPUT` for a bad or repeated date, dates out of order, a negative
 * total, a non-whole total with `'largest-remainder'`, or a day with calls on a weekday the
 * profile has no open slot for ("profile has no Saturday").
 * @example
 * import { readIntradaySharesCsv } from '../io/intradaySharesCsv.js';
 * // Monday shares 09:00 0.25, 10:00 0.75 (hourly, UTC)
 * const monday = readIntradaySharesCsv('weekday,time,share\nMon,09:00,0.25\nMon,10:00,0.75\n', 'p.csv');
 * splitDailyTotals([{ date: '2024-01-01', calls: 8 }], monday, { timeZone: 'UTC' }).calls.values; // [2, 6]
 */
export function splitDailyTotals(
  totals: readonly DailyTotal[],
  profile: IntradayShares,
  options: SplitDailyTotalsOptions,
): History {
  const fn = 'splitDailyTotals';
  const { timeZone } = options;
  const rounding = options.rounding ?? 'none';
  const interval = profile.intervalMinutes;
  const s = 1440 / interval;
  if (profile.shares.length !== 7 * s || profile.open.length !== 7 * s)
    invalidInput(fn, 'profile', `must have 7 x ${s} slots`, profile.shares.length);
  const starts: number[] = [];
  const values: number[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const { date, calls } of totals) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) invalidInput(fn, 'date', 'must be YYYY-MM-DD', date);
    const day = dayNumberOfDate(date);
    if (day <= previous) invalidInput(fn, 'date', 'must be increasing without repeats', date);
    previous = day;
    if (calls < 0) invalidInput(fn, `calls of ${date}`, 'must be >= 0', calls);
    if (rounding === 'largest-remainder' && !Number.isNaN(calls) && !Number.isInteger(calls))
      invalidInput(fn, `calls of ${date}`, "must be a whole number with rounding 'largest-remainder'", calls);
    const w = weekdayOfDayNumber(day);
    const grid = localDayIntervals(day, timeZone, interval);
    const dayStarts: number[] = [];
    const weights: number[] = [];
    let sum = 0;
    for (const start of grid) {
      const k = w * s + Math.floor(localMinuteOfDay(start, timeZone) / interval);
      if (profile.open[k] !== 1) continue;
      dayStarts.push(start);
      weights.push(profile.shares[k]!);
      sum += profile.shares[k]!;
    }
    if (dayStarts.length === 0) {
      if (calls === 0) continue;
      throw new StaffcastError(
        'INVALID_INPUT',
        `${fn}: profile has no ${WEEKDAY_NAMES[w]} (${date} has ${calls} calls)`,
        { field: 'profile', date },
      );
    }
    const parts = weights.map((x) =>
      Number.isNaN(calls) ? Number.NaN : sum > 0 ? (calls * x) / sum : calls / weights.length,
    );
    const out =
      rounding === 'largest-remainder' && !Number.isNaN(calls) ? largestRemainder(parts, calls) : parts;
    for (let i = 0; i < dayStarts.length; i++) {
      starts.push(dayStarts[i]!);
      values.push(out[i]!);
    }
  }
  return { calls: createSeries(timeZone, interval, starts, values) };
}

/**
 * Whole numbers summing to `total` (a whole number) closest to `parts` (which sum to it): floors,
 * then one more unit to the largest fractional parts, earlier first on ties (Hamilton's method).
 * O(n log n).
 *
 * @internal
 * @example
 * largestRemainder([2.5, 2.5, 5], 10); // [3, 2, 5]
 */
export function largestRemainder(parts: readonly number[], total: number): number[] {
  const out = parts.map((p) => Math.floor(p));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = parts
    .map((p, i) => ({ i, frac: p - Math.floor(p) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k++, left--) out[order[k]!.i] = out[order[k]!.i]! + 1;
  return out;
}
