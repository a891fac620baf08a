import { localDateKey } from './localTime.js';

/**
 * The local day with the most work, as a slice of the interval arrays.
 *
 * @internal
 */
export interface BusiestDay {
  /** Local date `yyyy-MM-dd`. */
  date: string;
  /** Index of the day's first interval (inclusive). */
  from: number;
  /** Index after the day's last interval (exclusive). */
  to: number;
  /** Sum of the values that day (e.g. agent-intervals of requirement). */
  total: number;
}

/**
 * Finds the local calendar day (in `timeZone`, via `@date-fns/tz`) with the largest sum of `values`
 * (NaN skipped); ties go to the earliest day. `starts` must be increasing, so each day is one
 * contiguous slice `[from, to)`. O(n). Returns `undefined` for an empty series.
 *
 * @internal
 * @example
 * const h = 3_600_000;
 * busiestDay([0, h, 24 * h, 25 * h], [1, 1, 5, 0], 'UTC');
 * // { date: '1970-01-02', from: 2, to: 4, total: 5 }
 */
export function busiestDay(
  starts: ArrayLike<number>,
  values: ArrayLike<number>,
  timeZone: string,
): BusiestDay | undefined {
  let best: BusiestDay | undefined;
  let i = 0;
  while (i < starts.length) {
    const date = localDateKey(starts[i]!, timeZone);
    let j = i;
    let total = 0;
    while (j < starts.length && localDateKey(starts[j]!, timeZone) === date) {
      const v = values[j]!;
      if (Number.isFinite(v)) total += v;
      j++;
    }
    if (best === undefined || total > best.total) best = { date, from: i, to: j, total };
    i = j;
  }
  return best;
}
