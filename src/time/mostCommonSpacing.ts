/**
 * The most frequent spacing of a tally of gaps between consecutive interval starts (minutes ->
 * how often), the shorter one on a tie: how the readers detect (and check) an interval length.
 * `{ minutes: NaN, count: 0 }` for an empty tally. O(distinct spacings).
 *
 * @internal
 * @example
 * mostCommonSpacing(new Map([[30, 5], [60, 5], [90, 1]])); // { minutes: 30, count: 5 }
 */
export function mostCommonSpacing(counts: ReadonlyMap<number, number>): { minutes: number; count: number } {
  let minutes = Number.NaN;
  let count = 0;
  for (const [m, c] of counts) {
    if (c > count || (c === count && m < minutes)) {
      minutes = m;
      count = c;
    }
  }
  return { minutes, count };
}
