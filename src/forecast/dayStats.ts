import type { DayTable } from './dayTable.js';

/**
 * Sum of the finite cells of one row, or NaN when more than 10 % of its open cells are missing
 * (the total would be biased). Kahan-compensated. O(slots).
 *
 * @example
 * // one day of 6-hour slots: 1, 2, (12:00 closed), 3
 * import { buildDayTable } from './dayTable.js';
 * const table = buildDayTable({ calls: createSeries('UTC', 360, [0, 6, 18].map((h) => h * 3_600_000), [1, 2, 3]) });
 * rowTotal(table, 0); // 6
 */
export function rowTotal(table: DayTable, row: number): number {
  const s = table.slotsPerDay;
  let sum = 0;
  let c = 0;
  let open = 0;
  let missing = 0;
  for (let j = row * s, e = j + s; j < e; j++) {
    if (table.present[j] !== 1) continue;
    open++;
    const v = table.values[j]!;
    if (Number.isNaN(v)) {
      missing++;
      continue;
    }
    const y = v - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return open === 0 || missing > 0.1 * open ? Number.NaN : sum;
}

/**
 * Totals of rows `[0, end)` (see `rowTotal`). O(end * slots).
 *
 * @example
 * // two days of 12-hour slots: [1, 2] and [3, (closed)]
 * import { buildDayTable } from './dayTable.js';
 * const table = buildDayTable({ calls: createSeries('UTC', 720, [0, 12, 24].map((h) => h * 3_600_000), [1, 2, 3]) });
 * rowTotals(table, 2); // Float64Array [3, 3]
 */
export function rowTotals(table: DayTable, end: number): Float64Array {
  const out = new Float64Array(end);
  for (let r = 0; r < end; r++) out[r] = rowTotal(table, r);
  return out;
}

/**
 * Mean after dropping `floor(trimFraction * n)` values at each end; NaN for no values. O(n log n).
 *
 * @example
 * trimmedMean([1, 2, 3, 100], 0.25); // 2.5
 */
export function trimmedMean(values: readonly number[], trimFraction: number): number {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const k = Math.min(Math.floor(trimFraction * xs.length), Math.floor((xs.length - 1) / 2));
  let sum = 0;
  for (let i = k; i < xs.length - k; i++) sum += xs[i]!;
  return sum / (xs.length - 2 * k);
}

/**
 * Median of the finite values; NaN for none. O(n log n).
 *
 * @example
 * median([3, 1, 2, NaN]); // 2
 */
export function median(values: readonly number[]): number {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const m = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[m]! : (xs[m - 1]! + xs[m]!) / 2;
}

/**
 * The last `count` rows before `end` with the given weekday, newest first, skipping rows for
 * which `skip(row)` is true. O(end).
 *
 * @example
 * // 15 daily rows from Monday 1 January 2024: the last two Mondays are rows 14 and 7
 * import { buildDayTable } from './dayTable.js';
 * const days = Array.from({ length: 15 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, days.map(() => 10)) });
 * recentRows(table, 15, 1, 2); // [14, 7]
 */
export function recentRows(
  table: DayTable,
  end: number,
  weekday: number,
  count: number,
  skip: (row: number) => boolean = () => false,
): number[] {
  const rows: number[] = [];
  for (let r = end - 1; r >= 0 && rows.length < count; r--) {
    if (table.weekdays[r] === weekday && !skip(r)) rows.push(r);
  }
  return rows;
}

/**
 * Flags abnormal training days: a row whose total is below 60 % or above 160 % of the median total
 * of the same weekday over the 4 occurrences on each side (holidays, outages, campaign spikes), or
 * whose total is unknown. Excluded rows count as abnormal. O(end * slots).
 *
 * @example
 * // five weeks of 100 calls a day but 20 on the third Monday (row 14): only that row is flagged
 * import { buildDayTable } from './dayTable.js';
 * const days = Array.from({ length: 35 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, days.map((_, d) => (d === 14 ? 20 : 100))) });
 * [...abnormalRows(table, 35, new Uint8Array(35), rowTotals(table, 35))].flatMap((f, row) => (f ? [row] : [])); // [14]
 */
export function abnormalRows(
  table: DayTable,
  end: number,
  excluded: Uint8Array,
  totals: Float64Array,
): Uint8Array {
  const flags = new Uint8Array(end);
  const byWeekday: number[][] = [[], [], [], [], [], [], []];
  for (let r = 0; r < end; r++) byWeekday[table.weekdays[r]!]!.push(r);
  for (const rows of byWeekday) {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const t = totals[r]!;
      if (excluded[r] === 1 || Number.isNaN(t)) {
        flags[r] = 1;
        continue;
      }
      const around: number[] = [];
      for (let j = Math.max(0, i - 4); j <= Math.min(rows.length - 1, i + 4); j++) {
        if (j !== i && excluded[rows[j]!] !== 1) around.push(totals[rows[j]!]!);
      }
      const m = median(around);
      if (Number.isFinite(m) && m > 0 && (t < 0.6 * m || t > 1.6 * m)) flags[r] = 1;
    }
  }
  return flags;
}

/**
 * Smooths a profile with `passes` passes of the [1, 2, 1] / 4 kernel over slots where `open` is
 * true (closed neighbours are left out and the weights renormalised). O(passes * slots).
 *
 * @example
 * smoothProfile(Float64Array.of(0, 4, 0), Uint8Array.of(1, 1, 1), 1); // Float64Array [4 / 3, 2, 4 / 3] (edges renormalised)
 */
export function smoothProfile(profile: Float64Array, open: Uint8Array, passes: number): Float64Array {
  let cur = profile;
  const s = profile.length;
  for (let p = 0; p < passes; p++) {
    const next = new Float64Array(s);
    for (let j = 0; j < s; j++) {
      if (open[j] !== 1) continue;
      let sum = 2 * cur[j]!;
      let w = 2;
      if (j > 0 && open[j - 1] === 1) {
        sum += cur[j - 1]!;
        w += 1;
      }
      if (j < s - 1 && open[j + 1] === 1) {
        sum += cur[j + 1]!;
        w += 1;
      }
      next[j] = sum / w;
    }
    cur = next;
  }
  return cur;
}

/**
 * Intraday profile of a weekday: per slot, the trimmed mean over `rows` of the cell's share of its
 * day total, then shrunk towards its `passes`-times smoothed version by the empirical-Bayes weight
 * v / (v + (p - smooth)^2), v the sampling variance of the slot's mean share (variance across
 * days / days): noisy slots are smoothed across their neighbours, a pattern that repeats exactly
 * is kept exactly. Renormalised to sum 1; slots never open get 0. O(rows * slots) the first time
 * for a table, rows, their totals, `trimFraction` and `passes`, then O(rows + slots): the models
 * ask for the same profile again and again (every validation origin of a backtest re-checks the
 * same weeks), so the profile is remembered per table (weakly: dropped with the table; the table
 * must not be changed once profiled, as no table is) and a fresh copy returned.
 *
 * @example
 * // three identical days of 8-hour slots [2, 6, 2]: the profile whatever `passes`
 * import { buildDayTable } from './dayTable.js';
 * const table = buildDayTable({ calls: createSeries('UTC', 480, [...Array(9).keys()].map((k) => k * 28_800_000),
 *   [2, 6, 2, 2, 6, 2, 2, 6, 2]) });
 * intradayProfile(table, [0, 1, 2], rowTotals(table, 3), 0, 2); // Float64Array [0.2, 0.6, 0.2]
 */
export function intradayProfile(
  table: DayTable,
  rows: readonly number[],
  totals: Float64Array,
  trimFraction: number,
  passes: number,
): Float64Array {
  let byKey = profileCache.get(table);
  if (byKey === undefined) {
    byKey = new Map();
    profileCache.set(table, byKey);
  }
  // the profile reads the table only at `rows` and the totals only at `rows` (String(x) of a
  // number is exact: it reads back as the same number)
  let key = `${trimFraction}|${passes}`;
  for (const r of rows) key += `|${r}:${totals[r]}`;
  let profile = byKey.get(key);
  if (profile === undefined) {
    profile = computeIntradayProfile(table, rows, totals, trimFraction, passes);
    byKey.set(key, profile);
  }
  return profile.slice();
}

/**
 * The profiles `intradayProfile` has computed, per table and key (trim, passes, rows and their
 * totals). Keyed weakly by the table, so a forecast's or backtest's tables take their profiles
 * with them when dropped; a table holds at most one profile per distinct question asked of it.
 */
const profileCache = new WeakMap<DayTable, Map<string, Float64Array>>();

/** `intradayProfile` computed afresh (see there). */
function computeIntradayProfile(
  table: DayTable,
  rows: readonly number[],
  totals: Float64Array,
  trimFraction: number,
  passes: number,
): Float64Array {
  const s = table.slotsPerDay;
  const profile = new Float64Array(s);
  const variance = new Float64Array(s);
  const open = new Uint8Array(s);
  // one typed buffer for the shares of a slot (a native numeric sort; the same trimmed mean as
  // `trimmedMean`, summed in the same ascending order)
  const buffer = new Float64Array(rows.length);
  for (let j = 0; j < s; j++) {
    let n = 0;
    let mean = 0;
    for (const r of rows) {
      const t = totals[r]!;
      const v = table.values[r * s + j]!;
      if (table.present[r * s + j] === 1) open[j] = 1;
      if (t > 0 && Number.isFinite(v)) buffer[n++] = v / t;
      else if (t > 0 && table.present[r * s + j] !== 1) buffer[n++] = 0;
    }
    for (let i = 0; i < n; i++) mean += buffer[i]!;
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (buffer[i]! - mean) ** 2;
    const sorted = buffer.subarray(0, n).sort();
    if (n === 0) profile[j] = 0;
    else {
      const k = Math.min(Math.floor(trimFraction * n), Math.floor((n - 1) / 2));
      let sum = 0;
      for (let i = k; i < n - k; i++) sum += sorted[i]!;
      profile[j] = sum / (n - 2 * k);
    }
    if (n > 1) variance[j] = ss / (n - 1) / n;
  }
  const smoothed = smoothProfile(profile, open, passes);
  const out = new Float64Array(s);
  let sum = 0;
  for (let j = 0; j < s; j++) {
    const rough = (profile[j]! - smoothed[j]!) ** 2;
    const v = variance[j]!;
    const w = v + rough > 0 ? v / (v + rough) : 0;
    out[j] = w * smoothed[j]! + (1 - w) * profile[j]!;
    sum += out[j]!;
  }
  if (sum > 0) for (let j = 0; j < s; j++) out[j] = out[j]! / sum;
  return out;
}

/**
 * Smoothing passes for a profile given the mean calls per open interval: 3 below 5 calls, else 2
 * (small counts are mostly Poisson noise; the passes were chosen by backtest on the two banks). O(1).
 *
 * @example
 * autoSmoothingPasses(10); // 2
 */
export function autoSmoothingPasses(meanCallsPerInterval: number): number {
  if (meanCallsPerInterval < 5) return 3;
  return 2;
}
