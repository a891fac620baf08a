import type { CoveringModel } from './model.js';

/**
 * Whether a dense start vector is a feasible point of the MIP (internal): every column within its
 * bounds and integral where the model says so, and every row activity `sum_j a_ij v_j` within
 * `[rowLower_i, rowUpper_i]` (coverage, caps, counts, shares, tour links, break queues), each up to
 * `tolerance * max(1, |bound|)`. A start handed to HiGHS must pass it: an infeasible start is at
 * best ignored and at worst kept as the schedule when the search finds nothing better.
 * Cost O(nonzeros + columns + rows).
 *
 * @example
 * // min x0 + 2 x1, row x0 + x1 >= 3, x integer
 * const model = { numCols: 2, numRows: 1, colLower: Float64Array.of(0, 0), colUpper: Float64Array.of(10, 10),
 *   rowLower: Float64Array.of(3), rowUpper: Float64Array.of(Infinity), integrality: Int32Array.of(1, 1),
 *   matrix: { starts: Int32Array.of(0, 1, 2), rows: Int32Array.of(0, 0), values: Float64Array.of(1, 1) } };
 * satisfiesModelBounds(model, Float64Array.of(3, 0)); // true
 * satisfiesModelBounds(model, Float64Array.of(1, 1)); // false (row 0 is 2 < 3)
 */
export function satisfiesModelBounds(
  model: Pick<
    CoveringModel,
    'numCols' | 'numRows' | 'colLower' | 'colUpper' | 'rowLower' | 'rowUpper' | 'matrix' | 'integrality'
  >,
  v: ArrayLike<number>,
  tolerance = 1e-6,
): boolean {
  if (v.length !== model.numCols) return false;
  const within = (x: number, lo: number, hi: number) =>
    x >= lo - tolerance * Math.max(1, Math.abs(lo)) && x <= hi + tolerance * Math.max(1, Math.abs(hi));
  const activity = new Float64Array(model.numRows);
  const { starts, rows, values } = model.matrix;
  for (let j = 0; j < model.numCols; j++) {
    const x = v[j] ?? 0;
    if (!Number.isFinite(x)) return false;
    if (!within(x, model.colLower[j] ?? 0, model.colUpper[j] ?? Infinity)) return false;
    if ((model.integrality[j] ?? 0) !== 0 && Math.abs(x - Math.round(x)) > tolerance) return false;
    if (x === 0) continue;
    for (let e = starts[j] ?? 0; e < (starts[j + 1] ?? 0); e++)
      activity[rows[e] ?? 0] = (activity[rows[e] ?? 0] ?? 0) + x * (values[e] ?? 0);
  }
  for (let i = 0; i < model.numRows; i++)
    if (!within(activity[i] ?? 0, model.rowLower[i] ?? -Infinity, model.rowUpper[i] ?? Infinity))
      return false;
  return true;
}
