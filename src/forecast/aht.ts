import { abnormalRows, recentRows, rowTotals, smoothProfile } from './dayStats.js';
import type { DayTable } from './dayTable.js';
import type { ModelParameters, TargetDay } from './model.js';

/**
 * Handle-time forecast per target day and slot: the volume-weighted mean AHT of the same weekday
 * and slot over the last `profileWeeks` normal days, sum(calls * aht) / sum(calls), with numerator
 * and denominator each smoothed by one [1, 2, 1] / 4 pass across neighbouring slots (so a slot
 * with few calls borrows from its neighbours). Slots with no handled volume take the weekday's
 * overall volume-weighted AHT, and then the whole window's; NaN when no normal day of the window
 * has handled volume. O(7 * profileWeeks * slots).
 *
 * @example
 * import { dayNumberOfDate } from '../time/localCalendar.js';
 * // two Mondays of a daily table: 20 calls at 200 s, then 30 calls at 300 s
 * import { buildDayTable } from './dayTable.js';
 * import { DEFAULT_MODEL_PARAMETERS } from './model.js';
 * const days = [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 8)];
 * const monday = [{ dayNumber: dayNumberOfDate('2024-01-15'), weekday: 1, openDaysAhead: 1 }];
 * const aht = (calls) => forecastAht(buildDayTable({ calls: createSeries('UTC', 1440, days, calls),
 *   ahtSeconds: createSeries('UTC', 1440, days, [200, 300]) }), 2, monday, new Uint8Array(2),
 *   DEFAULT_MODEL_PARAMETERS);
 * aht([20, 30]); // Float64Array [260] ((20 x 200 + 30 x 300) / 50)
 * // 10 and 30 calls: each Monday is outside 60-160 % of the other's volume, so both are abnormal
 * // (`abnormalRows`) and no normal day is left to take an AHT from
 * aht([10, 30]); // Float64Array [NaN]
 */
export function forecastAht(
  table: DayTable,
  end: number,
  targets: readonly TargetDay[],
  excluded: Uint8Array,
  params: ModelParameters,
): Float64Array {
  const s = table.slotsPerDay;
  const out = new Float64Array(targets.length * s).fill(Number.NaN);
  const aht = table.ahtSeconds;
  if (!aht) return out;
  const totals = rowTotals(table, end);
  const abnormal = abnormalRows(table, end, excluded, totals);
  let allNum = 0;
  let allDen = 0;
  const byWeekday = new Map<number, Float64Array>();
  const weekdayProfile = (w: number): Float64Array => {
    const rows = recentRows(table, end, w, params.profileWeeks, (r) => abnormal[r] === 1);
    const num = new Float64Array(s);
    const den = new Float64Array(s);
    const open = new Uint8Array(s).fill(1);
    for (const r of rows) {
      for (let j = 0; j < s; j++) {
        const c = table.values[r * s + j]!;
        const a = aht[r * s + j]!;
        if (Number.isFinite(c) && Number.isFinite(a) && c > 0) {
          num[j] = num[j]! + c * a;
          den[j] = den[j]! + c;
        }
      }
    }
    const sn = smoothProfile(num, open, 1);
    const sd = smoothProfile(den, open, 1);
    let wn = 0;
    let wd = 0;
    for (let j = 0; j < s; j++) {
      wn += num[j]!;
      wd += den[j]!;
    }
    allNum += wn;
    allDen += wd;
    const out = new Float64Array(s);
    for (let j = 0; j < s; j++) out[j] = sd[j]! > 0 ? sn[j]! / sd[j]! : wd > 0 ? wn / wd : Number.NaN;
    return out;
  };
  for (const t of targets) if (!byWeekday.has(t.weekday)) byWeekday.set(t.weekday, weekdayProfile(t.weekday));
  const overall = allDen > 0 ? allNum / allDen : Number.NaN;
  targets.forEach((t, i) => {
    const p = byWeekday.get(t.weekday)!;
    for (let j = 0; j < s; j++) out[i * s + j] = Number.isFinite(p[j]!) ? p[j]! : overall;
  });
  return out;
}
