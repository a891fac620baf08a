import {
  abnormalRows,
  autoSmoothingPasses,
  intradayProfile,
  recentRows,
  rowTotals,
  trimmedMean,
} from './dayStats.js';
import type { ModelInput } from './model.js';
import { meanLevel } from './robustProfile.js';

/**
 * Top-down: daily totals forecast by Holt's damped linear trend on day-of-week-adjusted totals,
 * times the day-of-week index, times a smoothed intraday profile per weekday.
 *
 * - day-of-week index I_w = trimmed mean of total_d / (mean total of the days within +-3 calendar
 *   days of d) over the days of weekday w, normalised to mean 1 over the open weekdays (a ratio
 *   to a centred moving average, so a trend does not leak into the weekday effect);
 * - x_d = total_d / I_{w(d)} over the normal days of the last `2 * profileWeeks` weeks, smoothed by
 *   Holt (level alpha `tdAlpha`, trend beta `tdBeta`, damping phi `tdPhi`; Gardner 1985);
 * - total at the k-th open day ahead = (level + (phi + ... + phi^k) trend) * I_w.
 *
 * O(end * slots).
 *
 * @example
 * import { dayNumberOfDate } from '../time/localCalendar.js';
 * import { buildDayTable } from './dayTable.js';
 * import { DEFAULT_MODEL_PARAMETERS } from './model.js';
 * // eight identical weeks (Monday 20): constant weekly totals give a flat level, zero trend, and each weekday's own total back
 * const days = Array.from({ length: 56 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, days.map((_, d) => [20, 30, 30, 30, 30, 10, 5][d % 7]!)) });
 * const input = { table, end: 56, excluded: new Uint8Array(56), params: DEFAULT_MODEL_PARAMETERS,
 *   targets: [{ dayNumber: dayNumberOfDate('2024-02-26'), weekday: 1, openDaysAhead: 1 }] };
 * topDown(input); // Float64Array [20] (to 1e-9)
 */
export function topDown(input: ModelInput): Float64Array {
  const { table, end, targets, excluded, params } = input;
  const s = table.slotsPerDay;
  const out = new Float64Array(targets.length * s).fill(Number.NaN);
  const totals = rowTotals(table, end);
  const abnormal = abnormalRows(table, end, excluded, totals);
  const skip = (r: number) => abnormal[r] === 1;
  const first = Math.max(0, end - 14 * params.profileWeeks);
  const index = weekdayIndex(input, totals, skip, first);
  if (index.size === 0) return out;
  let level = Number.NaN;
  let trend = 0;
  const { tdAlpha: a, tdBeta: b, tdPhi: phi } = params;
  for (let r = first; r < end; r++) {
    const idx = index.get(table.weekdays[r]!) ?? Number.NaN;
    if (skip(r) || !(idx > 0)) continue;
    const x = totals[r]! / idx;
    if (Number.isNaN(level)) {
      level = x;
      continue;
    }
    const prev = level;
    level = a * x + (1 - a) * (prev + phi * trend);
    trend = b * (level - prev) + (1 - b) * phi * trend;
  }
  if (Number.isNaN(level)) return out;
  const passes =
    params.smoothingPasses >= 0 ? params.smoothingPasses : autoSmoothingPasses(meanLevel(input, totals));
  const profiles = new Map<number, Float64Array>();
  targets.forEach((target, t) => {
    const e = index.get(target.weekday);
    if (e === undefined) return;
    let profile = profiles.get(target.weekday);
    if (!profile) {
      const rows = recentRows(table, end, target.weekday, params.shapeWeeks, skip);
      profile = intradayProfile(table, rows, totals, params.trimFraction, passes);
      profiles.set(target.weekday, profile);
    }
    let damp = 0;
    for (let k = 1, p = phi; k <= target.openDaysAhead; k++, p *= phi) damp += p;
    const dayTotal = Math.max(0, (level + damp * trend) * e);
    for (let j = 0; j < s; j++) out[t * s + j] = dayTotal * profile[j]!;
  });
  return out;
}

/** Ratio-to-centred-moving-average weekday index over rows `[first, end)`, mean 1. */
function weekdayIndex(
  input: ModelInput,
  totals: Float64Array,
  skip: (row: number) => boolean,
  first: number,
): Map<number, number> {
  const { table, end, params } = input;
  const ratios: number[][] = [[], [], [], [], [], [], []];
  const lastDay = end > 0 ? table.dayNumbers[end - 1]! : 0;
  for (let r = first; r < end; r++) {
    const d = table.dayNumbers[r]!;
    if (skip(r) || d + 3 > lastDay) continue;
    let sum = 0;
    let n = 0;
    for (let q = r; q >= first && table.dayNumbers[q]! >= d - 3; q--) {
      if (!skip(q)) {
        sum += totals[q]!;
        n++;
      }
    }
    for (let q = r + 1; q < end && table.dayNumbers[q]! <= d + 3; q++) {
      if (!skip(q)) {
        sum += totals[q]!;
        n++;
      }
    }
    if (n > 0 && sum > 0) ratios[table.weekdays[r]!]!.push(totals[r]! / (sum / n));
  }
  const out = new Map<number, number>();
  let mean = 0;
  for (let w = 0; w < 7; w++) {
    const m = trimmedMean(ratios[w]!, params.trimFraction);
    if (Number.isFinite(m) && m >= 0) {
      out.set(w, m);
      mean += m;
    }
  }
  mean /= out.size;
  if (!(mean > 0)) return new Map();
  for (const [w, m] of out) out.set(w, m / mean);
  return out;
}
