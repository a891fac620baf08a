import type { ModelInput } from './model.js';

/**
 * Taylor's double-seasonal Holt-Winters (Taylor 2003, J. Oper. Res. Soc. 54:799-805), additive
 * form with the AR(1) adjustment of the forecast by the last one-step error, run over the open days (the weekdays open in the training
 * window, in calendar order) times the slots open in that window, so closed nights and weekends do
 * not break the two periods (m1 = open slots per day, m2 = m1 * open weekdays). A missing day or
 * cell is replaced by its one-step forecast (zero error). With e_t = y_t - (l_{t-1} + d_{t-m1} + w_{t-m2}):
 *
 *   l_t = l_{t-1} + alpha e_t,  d_t = d_{t-m1} + delta e_t,  w_t = w_{t-m2} + omega e_t,
 *   y(t+k) = l_t + d_{t+k-m1} + w_{t+k-m2} + phi^k e_t      (k <= m1 for d; latest value per phase)
 *
 * Initialised on the first two weeks of the last `hwWeeks`; needs three weeks, else all NaN.
 * Forecasts are clamped at 0. O(hwWeeks * 7 * slots).
 *
 * @example
 * import { dayNumberOfDate } from '../time/localCalendar.js';
 * import { buildDayTable } from './dayTable.js';
 * import { DEFAULT_MODEL_PARAMETERS } from './model.js';
 * // eight identical weeks (Monday 20): a perfectly weekly series has zero errors, so it is forecast exactly
 * const days = Array.from({ length: 56 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, days.map((_, d) => [20, 30, 30, 30, 30, 10, 5][d % 7]!)) });
 * const input = { table, end: 56, excluded: new Uint8Array(56), params: DEFAULT_MODEL_PARAMETERS,
 *   targets: [{ dayNumber: dayNumberOfDate('2024-02-26'), weekday: 1, openDaysAhead: 1 }] };
 * holtWinters(input); // Float64Array [20]
 */
export function holtWinters(input: ModelInput): Float64Array {
  const { table, end, targets, params } = input;
  const s = table.slotsPerDay;
  const out = new Float64Array(targets.length * s).fill(Number.NaN);
  if (end === 0) return out;
  const lastDay = table.dayNumbers[end - 1]!;
  const firstDay = lastDay - 7 * params.hwWeeks + 1;
  let start = end;
  while (start > 0 && table.dayNumbers[start - 1]! >= firstDay) start--;
  const openWeekday = new Uint8Array(7);
  const openSlot = new Uint8Array(s);
  for (let r = start; r < end; r++) {
    openWeekday[table.weekdays[r]!] = 1;
    for (let j = 0; j < s; j++) if (table.present[r * s + j] === 1) openSlot[j] = 1;
  }
  const slots: number[] = [];
  for (let j = 0; j < s; j++) if (openSlot[j] === 1) slots.push(j);
  const days: number[] = [];
  for (let d = Math.max(firstDay, table.dayNumbers[start]!); d <= lastDay; d++) {
    if (openWeekday[(((d + 4) % 7) + 7) % 7] === 1) days.push(d);
  }
  let openWeekdays = 0;
  for (let w = 0; w < 7; w++) openWeekdays += openWeekday[w]!;
  const m1 = slots.length;
  const m2 = m1 * openWeekdays;
  if (m1 === 0 || days.length < 3 * openWeekdays) return out;
  // the open-day sequence as one array, NaN where missing
  const n = days.length * m1;
  const y = new Float64Array(n).fill(Number.NaN);
  let r = start;
  days.forEach((d, i) => {
    while (r < end && table.dayNumbers[r]! < d) r++;
    if (r < end && table.dayNumbers[r] === d) {
      for (let k = 0; k < m1; k++) y[i * m1 + k] = table.values[r * s + slots[k]!]!;
    }
  });
  // initialise on two weeks
  const init = Math.min(2 * m2, n);
  const week = new Float64Array(m2);
  const weekN = new Float64Array(m2);
  let sum = 0;
  let cnt = 0;
  for (let t = 0; t < init; t++) {
    const v = y[t]!;
    if (Number.isNaN(v)) continue;
    week[t % m2] = week[t % m2]! + v;
    weekN[t % m2] = weekN[t % m2]! + 1;
    sum += v;
    cnt++;
  }
  if (cnt === 0) return out;
  let level = sum / cnt;
  for (let p = 0; p < m2; p++) week[p] = weekN[p]! > 0 ? week[p]! / weekN[p]! - level : 0;
  const dayS = new Float64Array(m1);
  const { hwAlpha: alpha, hwDelta: delta, hwOmega: omega, hwPhi: phi } = params;
  let err = 0;
  for (let t = 0; t < n; t++) {
    const p1 = t % m1;
    const p2 = t % m2;
    const fit = level + dayS[p1]! + week[p2]!;
    const v = y[t]!;
    const e = Number.isNaN(v) ? 0 : v - fit;
    level += alpha * e;
    dayS[p1] = dayS[p1]! + delta * e;
    week[p2] = week[p2]! + omega * e;
    err = e;
  }
  const dayIndex = new Map<number, number>();
  let futureIndex = days.length;
  targets.forEach((target) => {
    if (openWeekday[target.weekday] !== 1) return;
    if (!dayIndex.has(target.dayNumber)) dayIndex.set(target.dayNumber, Number.NaN);
  });
  // index the open future days in calendar order
  for (let d = lastDay + 1, last = Math.max(lastDay, ...targets.map((t) => t.dayNumber)); d <= last; d++) {
    if (openWeekday[(((d + 4) % 7) + 7) % 7] === 1) {
      if (dayIndex.has(d)) dayIndex.set(d, futureIndex);
      futureIndex++;
    }
  }
  targets.forEach((target, ti) => {
    const idx = dayIndex.get(target.dayNumber);
    if (idx === undefined || Number.isNaN(idx)) return;
    for (let k = 0; k < m1; k++) {
      const t = idx * m1 + k;
      const steps = t - n + 1;
      const v = level + dayS[t % m1]! + week[t % m2]! + phi ** steps * err;
      out[ti * s + slots[k]!] = Math.max(0, v);
    }
  });
  return out;
}
