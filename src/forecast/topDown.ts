import { abnormalRows, autoSmoothingPasses, intradayProfile, recentRows, rowTotals } from './dayStats.js';
import type { ModelInput } from './model.js';
import { expectedTotals, meanLevel } from './robustProfile.js';

/**
 * Top-down: daily totals forecast by Holt's damped linear trend on day-of-week-adjusted totals,
 * times the day-of-week index, times a smoothed intraday profile per weekday.
 *
 * - day-of-week index I_w = trimmed-mean total of weekday w / mean of those over open weekdays;
 * - x_d = total_d / I_{w(d)} over the normal days of the last `2 * profileWeeks` weeks, smoothed by
 *   Holt (level alpha `tdAlpha`, trend beta `tdBeta`, damping phi `tdPhi`; Gardner 1985);
 * - total at the k-th open day ahead = (level + (phi + ... + phi^k) trend) * I_w.
 *
 * O(end * slots).
 *
 * @example
 * // constant weekly totals give a flat level, zero trend, and each weekday's own total back
 */
export function topDown(input: ModelInput): Float64Array {
  const { table, end, targets, excluded, params } = input;
  const s = table.slotsPerDay;
  const out = new Float64Array(targets.length * s).fill(Number.NaN);
  const totals = rowTotals(table, end);
  const abnormal = abnormalRows(table, end, excluded, totals);
  const skip = (r: number) => abnormal[r] === 1;
  const expected = expectedTotals(input, totals, skip);
  if (expected.size === 0) return out;
  let mean = 0;
  for (const v of expected.values()) mean += v;
  mean /= expected.size;
  if (!(mean > 0)) {
    targets.forEach((target, t) => {
      if (expected.has(target.weekday)) out.fill(0, t * s, (t + 1) * s);
    });
    return out;
  }
  let level = Number.NaN;
  let trend = 0;
  const { tdAlpha: a, tdBeta: b, tdPhi: phi } = params;
  for (let r = Math.max(0, end - 14 * params.profileWeeks); r < end; r++) {
    const idx = (expected.get(table.weekdays[r]!) ?? Number.NaN) / mean;
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
  if (Number.isNaN(level)) level = mean;
  const passes =
    params.smoothingPasses >= 0 ? params.smoothingPasses : autoSmoothingPasses(meanLevel(input, totals));
  const profiles = new Map<number, Float64Array>();
  targets.forEach((target, t) => {
    const e = expected.get(target.weekday);
    if (e === undefined) return;
    let profile = profiles.get(target.weekday);
    if (!profile) {
      const rows = recentRows(table, end, target.weekday, params.shapeWeeks, skip);
      profile = intradayProfile(table, rows, totals, params.trimFraction, passes);
      profiles.set(target.weekday, profile);
    }
    let damp = 0;
    for (let k = 1, p = phi; k <= target.openDaysAhead; k++, p *= phi) damp += p;
    const dayTotal = Math.max(0, (level + damp * trend) * (e / mean));
    for (let j = 0; j < s; j++) out[t * s + j] = dayTotal * profile[j]!;
  });
  return out;
}
