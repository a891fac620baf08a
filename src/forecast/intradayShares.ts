import { invalidInput } from '../errors.js';
import type { History } from '../time/history.js';
import { buildDayTable } from './dayTable.js';

/**
 * How a day's total spreads over its intervals, per local weekday and local time of day: the
 * profile `splitDailyTotals` uses. A weekday with no open slot is missing from the profile.
 */
export interface IntradayShares {
  /** Interval length in minutes of the slots. */
  intervalMinutes: number;
  /** Share of the day per slot, index `weekday * slotsPerDay + slot` (0 = Sunday); each open weekday sums to 1. */
  shares: Float64Array;
  /** 1 where the slot is open (it may still hold a share of 0); closed slots get no interval. */
  open: Uint8Array;
}

/** Options of `learnIntradayShares`. */
export interface LearnIntradaySharesOptions {
  /** Use only the last `weeks` weeks of the history (counted back from its last local day). [all] */
  weeks?: number;
}

/**
 * Learns an intraday profile from an interval history, in that history's zone and interval: a slot
 * of weekday w is open when the history has that interval on at least half of its days of weekday
 * w (as `learnOpenCalendar` decides opening hours); its share is the slot's mean calls over those
 * days (missing intervals left out) divided by the sum of the means of w's open slots. A weekday
 * without calls gets equal shares over its open slots. O(n).
 *
 * @throws StaffcastError `INVALID_INPUT` for `weeks` < 1 or an empty history.
 * @example
 * // two Mondays 09:00-10:00 hourly with calls [1, 3] and [3, 5]: mean calls 2 and 4 -> Monday shares 1/3 and 2/3
 * const starts = [Date.UTC(2024, 0, 1, 9), Date.UTC(2024, 0, 1, 10), Date.UTC(2024, 0, 8, 9), Date.UTC(2024, 0, 8, 10)];
 * learnIntradayShares({ calls: createSeries('UTC', 60, starts, [1, 3, 3, 5]) }).shares[1 * 24 + 9]; // 1 / 3
 */
export function learnIntradayShares(
  history: History,
  options: LearnIntradaySharesOptions = {},
): IntradayShares {
  const weeks = options.weeks ?? Number.POSITIVE_INFINITY;
  if (!(weeks >= 1) || (Number.isFinite(weeks) && !Number.isInteger(weeks)))
    invalidInput('learnIntradayShares', 'weeks', 'must be a whole number >= 1', weeks);
  const table = buildDayTable(history);
  const rows = table.dayNumbers.length;
  if (rows === 0) invalidInput('learnIntradayShares', 'history', 'must have at least one interval', 0);
  const s = table.slotsPerDay;
  const first = table.dayNumbers[rows - 1]! - 7 * weeks + 1;
  const days = new Int32Array(7);
  const present = new Int32Array(7 * s);
  const counted = new Int32Array(7 * s);
  const sums = new Float64Array(7 * s);
  for (let r = rows - 1; r >= 0 && table.dayNumbers[r]! >= first; r--) {
    const w = table.weekdays[r]!;
    days[w] = days[w]! + 1;
    for (let j = 0; j < s; j++) {
      const c = r * s + j;
      if (table.present[c] !== 1) continue;
      const k = w * s + j;
      present[k] = present[k]! + 1;
      const v = table.values[c]!;
      if (Number.isFinite(v)) {
        sums[k] = sums[k]! + v;
        counted[k] = counted[k]! + 1;
      }
    }
  }
  const shares = new Float64Array(7 * s);
  const open = new Uint8Array(7 * s);
  for (let w = 0; w < 7; w++) {
    if (days[w] === 0) continue;
    let total = 0;
    let openSlots = 0;
    for (let j = 0; j < s; j++) {
      const k = w * s + j;
      if (present[k]! * 2 < days[w]!) continue;
      open[k] = 1;
      openSlots++;
      shares[k] = counted[k]! > 0 ? sums[k]! / counted[k]! : 0;
      total += shares[k]!;
    }
    for (let j = 0; j < s; j++) {
      const k = w * s + j;
      if (open[k] === 1) shares[k] = total > 0 ? shares[k]! / total : 1 / openSlots;
    }
  }
  return { intervalMinutes: table.intervalMinutes, shares, open };
}
