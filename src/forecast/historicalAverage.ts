import { recentRows } from './dayStats.js';
import type { ModelInput } from './model.js';

/**
 * Historical average (the baseline): each slot of a target day is the mean of the same local
 * weekday and slot over the last `params.averageWeeks` (default 4) occurrences of that weekday in
 * the training rows, skipping declared special days. Missing cells are left out of the mean; a
 * slot never seen is NaN. O(targets * k * slots).
 *
 * @example
 * // Mondays with slot values 10, 12, 14, 16 (oldest first) -> next Monday's slot = 13
 */
export function historicalAverage(input: ModelInput): Float64Array {
  return sameWeekdayMean(input, input.params.averageWeeks);
}

/**
 * Mean of the last `k` same-weekday training rows per slot (shared by the naive models).
 *
 * @example
 * // k = 2, last two Mondays' slot [4, 6] -> every Monday target gets 5
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
