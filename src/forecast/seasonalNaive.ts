import { sameWeekdayMean } from './historicalAverage.js';
import type { ModelInput } from './model.js';

/**
 * Seasonal naive: each slot of a target day repeats the same slot of the last training day with the
 * same local weekday ("same slot last week"), skipping declared special days. The scale of MASE.
 * O(targets * slots).
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
 * seasonalNaive(input); // Float64Array [16] (every future Monday is the last Monday)
 */
export function seasonalNaive(input: ModelInput): Float64Array {
  return sameWeekdayMean(input, 1);
}
