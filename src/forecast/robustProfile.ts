import {
  abnormalRows,
  autoSmoothingPasses,
  intradayProfile,
  recentRows,
  rowTotals,
  trimmedMean,
} from './dayStats.js';
import type { ModelInput } from './model.js';

/**
 * Robust daily level x intraday profile per weekday (Weinberg, Brown & Stroud 2007; Shen & Huang
 * 2008; Ibrahim & L'Ecuyer 2013):
 *
 * - the day total of weekday w is the trimmed mean of the totals of the last `profileWeeks` normal
 *   days of w (special days and days below 60 % / above 160 % of their neighbours' median skipped),
 *   or of the last 1.5 x `profileWeeks` when that window fitted the recent days better
 *   (`levelWindow`);
 * - it is moved by `levelShrink` of the recent level deviation (actual / expected over the last
 *   `levelDays` normal days), and the first open days ahead by yesterday's remaining deviation times
 *   rho^k, rho the lag-1 autocorrelation of daily deviations estimated on the history, clamped to
 *   `[0, maxPersistence]`;
 * - the intraday profile of w is the trimmed mean of each slot's share of its day, smoothed across
 *   neighbouring slots when counts are small.
 *
 * O(end * slots) for the totals plus O(7 * profileWeeks * slots).
 *
 * @example
 * import { dayNumberOfDate } from '../time/localCalendar.js';
 * import { buildDayTable } from './dayTable.js';
 * import { DEFAULT_MODEL_PARAMETERS } from './model.js';
 * // eight identical weeks (Monday 20): a perfectly weekly series is forecast exactly
 * const days = Array.from({ length: 56 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, days.map((_, d) => [20, 30, 30, 30, 30, 10, 5][d % 7]!)) });
 * const input = { table, end: 56, excluded: new Uint8Array(56), params: DEFAULT_MODEL_PARAMETERS,
 *   targets: [{ dayNumber: dayNumberOfDate('2024-02-26'), weekday: 1, openDaysAhead: 1 }] };
 * robustProfile(input); // Float64Array [20] (the profile and total are those of every week)
 */
export function robustProfile(input: ModelInput): Float64Array {
  const { table, end, targets, excluded, params } = input;
  const s = table.slotsPerDay;
  const out = new Float64Array(targets.length * s).fill(Number.NaN);
  const totals = rowTotals(table, end);
  const abnormal = abnormalRows(table, end, excluded, totals);
  const skip = (r: number) => abnormal[r] === 1;
  const expected = expectedTotals(input, totals, skip);
  const passes =
    params.smoothingPasses >= 0 ? params.smoothingPasses : autoSmoothingPasses(meanLevel(input, totals));
  // daily deviations of normal days, oldest first
  const dev: number[] = [];
  const devRows: number[] = [];
  for (let r = Math.max(0, end - 7 * params.profileWeeks); r < end; r++) {
    const e = expected.get(table.weekdays[r]!);
    if (!skip(r) && e !== undefined && e > 0) {
      dev.push(totals[r]! / e - 1);
      devRows.push(r);
    }
  }
  let levelSum = 0;
  let expSum = 0;
  for (let i = Math.max(0, dev.length - params.levelDays); i < dev.length; i++) {
    const r = devRows[i]!;
    levelSum += totals[r]!;
    expSum += totals[r]! / (dev[i]! + 1);
  }
  const level = expSum > 0 ? 1 + params.levelShrink * (levelSum / expSum - 1) : 1;
  const rho = persistence(dev, params.maxPersistence);
  const lastDev =
    devRows.length > 0 && devRows[devRows.length - 1] === end - 1 ? dev[dev.length - 1]! - (level - 1) : 0;
  const profiles = new Map<number, Float64Array>();
  targets.forEach((target, t) => {
    const w = target.weekday;
    const total = expected.get(w);
    if (total === undefined) return;
    let profile = profiles.get(w);
    if (!profile) {
      const weeks = shapeWindow(table, end, w, totals, skip, params, passes);
      const rows = recentRows(table, end, w, weeks, skip);
      profile = intradayProfile(table, rows, totals, params.trimFraction, passes);
      profiles.set(w, profile);
    }
    const dayTotal = Math.max(0, total * (level + rho ** target.openDaysAhead * lastDev));
    for (let j = 0; j < s; j++) out[t * s + j] = dayTotal * profile[j]!;
  });
  return out;
}

/**
 * Trimmed-mean total per weekday over the last `levelWindow(...)` normal days of that weekday
 * (`profileWeeks`, or 1.5 x `profileWeeks` when that fitted the recent days better).
 *
 * @example
 * import { dayNumberOfDate } from '../time/localCalendar.js';
 * import { buildDayTable } from './dayTable.js';
 * import { DEFAULT_MODEL_PARAMETERS } from './model.js';
 * import { rowTotals } from './dayStats.js';
 * // Mondays totalling 90, 100, 100, 110, 400 (trim 0.25 drops 90 and 400) -> Map { 1 => 103.33 }; other days 100
 * const days = Array.from({ length: 35 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days,
 *   days.map((_, d) => (d % 7 === 0 ? [90, 100, 100, 110, 400][d / 7]! : 100))) });
 * const input = { table, end: 35, excluded: new Uint8Array(35), params: DEFAULT_MODEL_PARAMETERS,
 *   targets: [{ dayNumber: dayNumberOfDate('2024-02-05'), weekday: 1, openDaysAhead: 1 }] };
 * expectedTotals(input, rowTotals(table, 35), () => false).get(1); // 103.33
 */
export function expectedTotals(
  input: ModelInput,
  totals: Float64Array,
  skip: (row: number) => boolean,
): Map<number, number> {
  const { table, end, params } = input;
  const out = new Map<number, number>();
  const weeks = levelWindow(table, end, totals, skip, params);
  for (let w = 0; w < 7; w++) {
    const rows = recentRows(table, end, w, weeks, skip);
    const m = trimmedMean(
      rows.map((r) => totals[r]!),
      params.trimFraction,
    );
    if (Number.isFinite(m)) out.set(w, m);
  }
  return out;
}

/**
 * Mean calls per open interval over the last 4 weeks of training.
 *
 * @example
 * import { dayNumberOfDate } from '../time/localCalendar.js';
 * import { buildDayTable } from './dayTable.js';
 * import { DEFAULT_MODEL_PARAMETERS } from './model.js';
 * import { rowTotals } from './dayStats.js';
 * // 28 open (daily) intervals in the last 4 weeks holding 280 calls -> 10
 * const days = Array.from({ length: 28 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, days.map(() => 10)) });
 * const input = { table, end: 28, excluded: new Uint8Array(28), params: DEFAULT_MODEL_PARAMETERS,
 *   targets: [{ dayNumber: dayNumberOfDate('2024-01-29'), weekday: 1, openDaysAhead: 1 }] };
 * meanLevel(input, rowTotals(table, 28)); // 10
 */
export function meanLevel(input: ModelInput, totals: Float64Array): number {
  const { table, end } = input;
  let sum = 0;
  let cells = 0;
  for (let r = Math.max(0, end - 28); r < end; r++) {
    if (!Number.isFinite(totals[r]!)) continue;
    sum += totals[r]!;
    for (let j = r * table.slotsPerDay, e = j + table.slotsPerDay; j < e; j++) cells += table.present[j]!;
  }
  return cells > 0 ? sum / cells : 0;
}

/**
 * Lag-1 autocorrelation of the deviations, clamped to [0, max]; 0 with fewer than 10 days.
 *
 * @example
 * persistence([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], 0.6); // 0.6 (0.9 clamped)
 */
export function persistence(dev: readonly number[], max: number): number {
  if (dev.length < 10) return 0;
  let num = 0;
  let den = 0;
  for (let i = 0; i < dev.length; i++) {
    den += dev[i]! * dev[i]!;
    if (i > 0) num += dev[i]! * dev[i - 1]!;
  }
  if (!(den > 0)) return 0;
  return Math.min(max, Math.max(0, num / den));
}

/** The longer day-total window `levelWindow` may choose, as a multiple of `profileWeeks`. */
const LONG_LEVEL_FACTOR = 1.5;
/** Recent normal days `levelWindow` scores the two day-total windows on. */
const LEVEL_CHECK_DAYS = 28;

/**
 * The day-total window of `expectedTotals`, in weeks of same-weekday days: `params.profileWeeks`,
 * or `round(1.5 x profileWeeks)` (24 by default) when that window's trimmed mean, learned from the
 * days before each of the last 28 normal days before `end`, fits those days' totals with a smaller
 * sum of absolute errors. A stable series takes the longer window (a less noisy weekday level; a
 * slow drift is left to the recent-level correction); a series whose weekday levels move (a
 * season, a step) keeps the shorter one. Only rows before `end` are used.
 * O(28 x 2.5 x profileWeeks).
 *
 * @example
 * // 30 weeks of daily totals from Monday 1 January 2024, set by weeks before the end (0 = last 7 days)
 * import { buildDayTable } from './dayTable.js';
 * import { rowTotals } from './dayStats.js';
 * import { DEFAULT_MODEL_PARAMETERS } from './model.js';
 * const days = Array.from({ length: 210 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const windowFor = (callsWeeksAgo) => {
 *   const table = buildDayTable({ calls: createSeries('UTC', 1440, days,
 *     days.map((_, d) => callsWeeksAgo(Math.floor((209 - d) / 7)))) });
 *   return levelWindow(table, 210, rowTotals(table, 210), () => false, DEFAULT_MODEL_PARAMETERS);
 * };
 * // 100 calls a day but 150 five to nine weeks ago: the 24-week trim drops all five, the 16-week one keeps one
 * windowFor((ago) => (ago >= 5 && ago <= 9 ? 150 : 100)); // 24
 * // a step from 100 to 200 ten weeks ago: the shorter window follows it
 * windowFor((ago) => (ago >= 10 ? 100 : 200)); // 16
 */
export function levelWindow(
  table: ModelInput['table'],
  end: number,
  totals: Float64Array,
  skip: (row: number) => boolean,
  params: ModelInput['params'],
): number {
  const short = params.profileWeeks;
  const long = Math.round(LONG_LEVEL_FACTOR * short);
  if (long <= short) return short;
  let errShort = 0;
  let errLong = 0;
  let seen = 0;
  for (let v = end - 1; v >= 0 && seen < LEVEL_CHECK_DAYS; v--) {
    if (skip(v) || !Number.isFinite(totals[v]!)) continue;
    seen++;
    const w = table.weekdays[v]!;
    const ms = trimmedMean(
      recentRows(table, v, w, short, skip).map((r) => totals[r]!),
      params.trimFraction,
    );
    const ml = trimmedMean(
      recentRows(table, v, w, long, skip).map((r) => totals[r]!),
      params.trimFraction,
    );
    if (!Number.isFinite(ms) || !Number.isFinite(ml)) continue;
    errShort += Math.abs(totals[v]! - ms);
    errLong += Math.abs(totals[v]! - ml);
  }
  return errLong < errShort ? long : short;
}

/** Shorter intraday-profile window `shapeWindow` may choose, in weeks. */
const SHORT_SHAPE_WEEKS = 4;
/** Recent days of a weekday `shapeWindow` scores the two windows on. */
const SHAPE_CHECK_DAYS = 4;
/** The short window must fit those days with at most this fraction of the long one's error. */
const SHAPE_MARGIN = 0.95;

/**
 * The intraday-profile window of weekday `weekday`: `params.shapeWeeks`, or 4 weeks when the
 * 4-week profile (learned from the days before it) fits the shape of each of the last 4 normal days
 * of that weekday before `end` with at most 95 % of the long profile's error (sum over those days
 * of |actual - total x share|). A shape that drifts with the season (calls after the end of the
 * Sabbath on the Israeli bank's Saturdays) takes the short window; a stable one keeps the long one.
 * Only rows before `end` are used. O(4 x 2 x shapeWeeks x slots).
 *
 * @example
 * // 24 Saturdays of hourly calls from 6 January 2024: 10-12 an hour and a peak of 60-62 at one hour
 * import { buildDayTable } from './dayTable.js';
 * import { rowTotals } from './dayStats.js';
 * import { DEFAULT_MODEL_PARAMETERS } from './model.js';
 * const starts = Array.from({ length: 24 * 24 }, (_, k) => Date.UTC(2024, 0, 6 + 7 * Math.floor(k / 24), k % 24));
 * const windowFor = (peakHour) => {
 *   const calls = starts.map((_, k) => {
 *     const week = Math.floor(k / 24);
 *     const hour = k % 24;
 *     return (hour === peakHour(week) ? 60 : 10) + ((week + hour) % 3);
 *   });
 *   const table = buildDayTable({ calls: createSeries('UTC', 60, starts, calls) });
 *   return shapeWindow(table, 24, 6, rowTotals(table, 24), () => false, DEFAULT_MODEL_PARAMETERS, 1);
 * };
 * windowFor(() => 12); // 16 (a fixed shape keeps shapeWeeks)
 * windowFor((week) => 16 + Math.floor(week / 4)); // 4 (an evening peak one hour later every 4 weeks)
 */
export function shapeWindow(
  table: ModelInput['table'],
  end: number,
  weekday: number,
  totals: Float64Array,
  skip: (row: number) => boolean,
  params: ModelInput['params'],
  passes: number,
): number {
  const long = params.shapeWeeks;
  if (long <= SHORT_SHAPE_WEEKS) return long;
  const s = table.slotsPerDay;
  const checks = recentRows(table, end, weekday, SHAPE_CHECK_DAYS, skip);
  let errLong = 0;
  let errShort = 0;
  for (const v of checks) {
    const total = totals[v]!;
    if (!(total > 0)) continue;
    const pl = intradayProfile(
      table,
      recentRows(table, v, weekday, long, skip),
      totals,
      params.trimFraction,
      passes,
    );
    const ps = intradayProfile(
      table,
      recentRows(table, v, weekday, SHORT_SHAPE_WEEKS, skip),
      totals,
      params.trimFraction,
      passes,
    );
    for (let j = 0; j < s; j++) {
      const y = table.values[v * s + j]!;
      if (!Number.isFinite(y)) continue;
      errLong += Math.abs(y - total * pl[j]!);
      errShort += Math.abs(y - total * ps[j]!);
    }
  }
  return errShort < SHAPE_MARGIN * errLong ? SHORT_SHAPE_WEEKS : long;
}
