import { recentRows } from './dayStats.js';
import type { ModelInput } from './model.js';

/**
 * Historical average (the baseline): each slot of a target day is the mean of the same local
 * weekday and slot over the last `params.averageWeeks` (default 4) occurrences of that weekday in
 * the training rows, skipping declared special days. Missing cells are left out of the mean; a
 * slot never seen is NaN. O(targets * k * slots).
 *
 * @example
 * import { dayNumberOfDate } from '../time/localCalendar.js';
 * import { buildDayTable } from './dayTable.js';
 * import { DEFAULT_MODEL_PARAMETERS } from './model.js';
 * // four weeks of daily slots from Monday 1 January 2024: Mondays 10, 12, 14, 16, other days 5
 * const days = Array.from({ length: 28 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, days.map((_, d) => (d % 7 === 0 ? 10 + 2 * (d / 7) : 5))) });
 * const input = { table, end: 28, excluded: new Uint8Array(28), params: DEFAULT_MODEL_PARAMETERS,
 *   targets: [{ dayNumber: dayNumberOfDate('2024-01-29'), weekday: 1, openDaysAhead: 1 }] };
 * historicalAverage(input); // Float64Array [13] (next Monday's slot: the mean of the four Mondays)
 */
export function historicalAverage(input: ModelInput): Float64Array {
  return sameWeekdayMean(input, input.params.averageWeeks);
}

/**
 * Mean of the last `k` same-weekday training rows per slot (shared by the naive models).
 *
 * @example
 * import { dayNumberOfDate } from '../time/localCalendar.js';
 * import { buildDayTable } from './dayTable.js';
 * import { DEFAULT_MODEL_PARAMETERS } from './model.js';
 * // four weeks of daily slots from Monday 1 January 2024: Mondays 10, 12, 14, 16, other days 5
 * const days = Array.from({ length: 28 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, days.map((_, d) => (d % 7 === 0 ? 10 + 2 * (d / 7) : 5))) });
 * const input = { table, end: 28, excluded: new Uint8Array(28), params: DEFAULT_MODEL_PARAMETERS,
 *   targets: [{ dayNumber: dayNumberOfDate('2024-01-29'), weekday: 1, openDaysAhead: 1 }] };
 * sameWeekdayMean(input, 2); // Float64Array [15] (k = 2: the last two Mondays, 14 and 16)
 */
export function sameWeekdayMean(input: ModelInput, k: number): Float64Array {
  const { table, end, targets, excluded } = input;
  const s = table.slotsPerDay;
  const out = new Float64Array(targets.length * s).fill(Number.NaN);
  const cache = new Map<number, Float64Array>();
  targets.forEach((target, t) => {
    let day = cache.get(target.weekday);
    if (!day) {
      day = new Float64Array(s).fill(Number.NaN);
      const rows = recentRows(table, end, target.weekday, k, (r) => excluded[r] === 1);
      for (let j = 0; j < s; j++) {
        let sum = 0;
        let n = 0;
        for (const r of rows) {
          const v = table.values[r * s + j]!;
          if (Number.isFinite(v)) {
            sum += v;
            n++;
          }
        }
        if (n > 0) day[j] = sum / n;
      }
      cache.set(target.weekday, day);
    }
    out.set(day, t * s);
  });
  return out;
}
