import { sameWeekdayMean } from './historicalAverage.js';
import type { ModelInput } from './model.js';

/**
 * Seasonal naive: each slot of a target day repeats the same slot of the last training day with the
 * same local weekday ("same slot last week"), skipping declared special days. The scale of MASE.
 * O(targets * slots).
 *
 * @example
 * // last Monday's slots [3, 5] -> every future Monday is [3, 5]
 */
export function seasonalNaive(input: ModelInput): Float64Array {
  return sameWeekdayMean(input, 1);
}
