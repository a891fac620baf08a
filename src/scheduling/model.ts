import type { ShiftRulesConfig } from '../schemas/shiftRules.js';
import type { SlotCalendar } from './calendar.js';
import type { Candidates } from './candidates.js';
import { forEachCoverage, forEachShiftSlot } from './candidates.js';
import { type TourPatterns, tourPatterns } from './tours.js';

/** Sparse column-wise matrix (CSC): column j has rows `rows[starts[j]..starts[j+1]-1]`. */
export interface CscMatrix {
  starts: Int32Array;
  rows: Int32Array;
  values: Float64Array;
}

/**
 * The covering MIP in HiGHS' `passModel` form, all typed arrays (internal).
 *
 * Columns: shift counts x_j (integer) | under-coverage u_t (continuous) | tour counts w_{g,p}
 * (integer). Rows: coverage `sum_j a_tj x_j + u_t >= required_t`; the over-coverage
 * o_t = sum_j a_tj x_j + u_t - required_t is substituted out, so its penalty p_o is folded into the
 * costs (x_j: cost_j + p_o sum_t a_tj; u_t: p_u + p_o) and `objectiveOffset = -p_o sum_t required_t`.
 * This pure covering form is the same model as the equality form with explicit o_t columns, but
 * HiGHS proves the bench week's no-break optimum in 0.3-0.6 s instead of 2.0-3.1 s (same optimum
 * 996.62; with tours 0.5-0.7 s instead of 0.65-1.2 s). Further rows:
 * optional per-interval cap `sum_j onShift_tj x_j <= cap`, per-type min/max counts, per-type
 * shares `(1-s) * x_type - s * x_other <= 0` (>= for minimum shares), total shifts, and tour links
 * `sum_{j in (g,d)} x_j - sum_{p works d} w_{g,p} = 0`.
 */
export interface CoveringModel extends MipModel {
  /** Cost of each shift column without the folded over-coverage penalty (shift columns only). */
  shiftCost: Float64Array;
  /** Coverage of each shift column alone (rows 0..n-1 only), for greedy and reporting. */
  coverage: CscMatrix;
  shiftColumns: number;
  tours: TourPatterns | undefined;
  tourOffset: number;
}

/**
 * A mixed-integer program as HiGHS takes it (`solveCoveringMip`): minimise `colCost . x +
 * objectiveOffset` subject to `rowLower <= A x <= rowUpper` (A = `matrix`, column-compressed) and
 * `colLower <= x <= colUpper`, column j integer where `integrality[j]` is 1. The covering model of
 * the shifts and the roster model are both one.
 *
 * @internal
 */
export interface MipModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  /** Constant added to `colCost . x` to give the objective (e.g. the folded over-coverage penalty). */
  objectiveOffset: number;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  matrix: CscMatrix;
  integrality: Int32Array;
}

/**
 * Coverage matrix of the candidates (rows = slots). Cost O(total shift length).
 *
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { generateCandidates } from './candidates.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // one candidate, a 2-hour shift from 01:00, covering slots 1 and 2
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '01:00', latestStart: '01:00',
 *   lengthsMinutes: [120] }] });
 * const c = generateCandidates(slotCalendar({ intervalMinutes: 60, required: [1, 1, 1, 1] }), rules,
 *   { breakMethod: 'explicit' });
 * coverageMatrix(c, rules, 60); // { starts: Int32Array [0, 2], rows: Int32Array [1, 2], values: Float64Array [1, 1] }
 */
export function coverageMatrix(c: Candidates, rules: ShiftRulesConfig, intervalMinutes: number): CscMatrix {
  const starts = new Int32Array(c.count + 1);
  let nnz = 0;
  for (let j = 0; j < c.count; j++) nnz += c.lengthSlots[j] ?? 0;
  const rows = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  for (let j = 0; j < c.count; j++) {
    forEachCoverage(c, rules, intervalMinutes, j, (t, a) => {
      if (a > 0) {
        rows[k] = t;
        values[k] = a;
        k++;
      }
    });
    starts[j + 1] = k;
  }
  return { starts, rows: rows.slice(0, k), values: values.slice(0, k) };
}

/**
 * Builds the covering MIP from candidates and rules. Cost O(nonzeros log(column length)).
 *
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { generateCandidates } from './candidates.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // 3 candidates (8-hour shifts at 08:00, 09:00, 10:00) over 24 hourly slots, no caps, counts, shares or tours
 * const cal = slotCalendar({ intervalMinutes: 60, required: new Array(24).fill(1) });
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '08:00', latestStart: '10:00',
 *   startStepMinutes: 60, lengthsMinutes: [480] }] });
 * const c = generateCandidates(cal, rules, { breakMethod: 'explicit' });
 * const m = buildCoveringModel(c, cal, rules); [m.numCols, m.numRows]; // [27, 24] (3 shifts + 24 under)
 */
export function buildCoveringModel(c: Candidates, cal: SlotCalendar, rules: ShiftRulesConfig): CoveringModel {
  const n = cal.slots;
  const coverage = coverageMatrix(c, rules, cal.intervalMinutes);
  const types = rules.shiftTypes;
  const cap = rules.caps?.maxAgentsPerInterval;
  const maxShifts = rules.caps?.maxShifts;
  const tours = rules.tours === undefined ? undefined : tourPatterns(c, cal, rules);

  // row layout
  let r = n;
  const capRow0 = cap === undefined ? -1 : r;
  if (cap !== undefined) r += n;
  const countRow = new Int32Array(types.length).fill(-1);
  types.forEach((t, k) => {
    if (t.minCount !== undefined || t.maxCount !== undefined) countRow[k] = r++;
  });
  const shareRows: { type: number; share: number; isMax: boolean; row: number }[] = [];
  types.forEach((t, k) => {
    if (t.maxShare !== undefined) shareRows.push({ type: k, share: t.maxShare, isMax: true, row: r++ });
    if (t.minShare !== undefined) shareRows.push({ type: k, share: t.minShare, isMax: false, row: r++ });
  });
  const maxShiftsRow = maxShifts === undefined ? -1 : r++;
  const linkRow0 = r;
  const groupsCount = c.groups.length;
  if (tours !== undefined) r += groupsCount * cal.days;
  const numRows = r;

  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  for (let t = 0; t < n; t++) {
    rowLower[t] = cal.required[t] ?? 0;
    rowUpper[t] = Infinity;
  }
  if (cap !== undefined)
    for (let t = 0; t < n; t++) {
      rowLower[capRow0 + t] = -Infinity;
      rowUpper[capRow0 + t] = cap;
    }
  types.forEach((t, k) => {
    const row = countRow[k] ?? -1;
    if (row < 0) return;
    rowLower[row] = t.minCount ?? 0;
    rowUpper[row] = t.maxCount ?? Infinity;
  });
  for (const s of shareRows) {
    rowLower[s.row] = s.isMax ? -Infinity : 0;
    rowUpper[s.row] = s.isMax ? 0 : Infinity;
  }
  if (maxShiftsRow >= 0) {
    rowLower[maxShiftsRow] = 0;
    rowUpper[maxShiftsRow] = maxShifts ?? Infinity;
  }
  // tour link rows are equalities = 0 (already zero)

  const W = tours?.count ?? 0;
  const numCols = c.count + n + W;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(Infinity);
  const integrality = new Int32Array(numCols);
  const allowUnder = rules.coverage.allowUnderCoverage;
  const po = rules.coverage.overPenaltyPerAgentInterval;
  for (let j = 0; j < c.count; j++) {
    let covered = 0;
    for (let e = coverage.starts[j] ?? 0; e < (coverage.starts[j + 1] ?? 0); e++)
      covered += coverage.values[e] ?? 0;
    colCost[j] = (c.cost[j] ?? 0) + po * covered;
    integrality[j] = 1;
  }
  let objectiveOffset = 0;
  for (let t = 0; t < n; t++) {
    colCost[c.count + t] = rules.coverage.underPenaltyPerAgentInterval + po;
    if (!allowUnder) colUpper[c.count + t] = 0;
    objectiveOffset -= po * (cal.required[t] ?? 0);
  }
  const tourOffset = c.count + n;
  for (let w = 0; w < W; w++) integrality[tourOffset + w] = 1;

  // matrix, column by column
  const starts = new Int32Array(numCols + 1);
  const rows: number[] = [];
  const values: number[] = [];
  const tmpR: number[] = [];
  const tmpV: number[] = [];
  const pushSorted = () => {
    const order = tmpR.map((_, i) => i).sort((a, b) => (tmpR[a] ?? 0) - (tmpR[b] ?? 0));
    for (const i of order) {
      rows.push(tmpR[i] ?? 0);
      values.push(tmpV[i] ?? 0);
    }
    tmpR.length = 0;
    tmpV.length = 0;
  };
  for (let j = 0; j < c.count; j++) {
    for (let e = coverage.starts[j] ?? 0; e < (coverage.starts[j + 1] ?? 0); e++) {
      tmpR.push(coverage.rows[e] ?? 0);
      tmpV.push(coverage.values[e] ?? 0);
    }
    if (cap !== undefined) {
      forEachShiftSlot(c, j, (t) => {
        tmpR.push(capRow0 + t);
        tmpV.push(1);
      });
    }
    const k = c.type[j] ?? 0;
    const cr = countRow[k] ?? -1;
    if (cr >= 0) {
      tmpR.push(cr);
      tmpV.push(1);
    }
    for (const s of shareRows) {
      tmpR.push(s.row);
      tmpV.push(s.type === k ? 1 - s.share : -s.share);
    }
    if (maxShiftsRow >= 0) {
      tmpR.push(maxShiftsRow);
      tmpV.push(1);
    }
    if (tours !== undefined) {
      tmpR.push(linkRow0 + (c.group[j] ?? 0) * cal.days + (c.day[j] ?? 0));
      tmpV.push(1);
    }
    pushSorted();
    starts[j + 1] = rows.length;
  }
  for (let t = 0; t < n; t++) {
    rows.push(t);
    values.push(1);
    starts[c.count + t + 1] = rows.length;
  }
  for (let w = 0; w < W; w++) {
    const g = tours?.group[w] ?? 0;
    const mask = tours?.mask[w] ?? 0;
    for (let d = 0; d < cal.days; d++)
      if ((mask >> d) & 1) {
        rows.push(linkRow0 + g * cal.days + d);
        values.push(-1);
      }
    starts[tourOffset + w + 1] = rows.length;
  }
  return {
    numCols,
    numRows,
    colCost,
    objectiveOffset,
    shiftCost: Float64Array.from(c.cost),
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { starts, rows: Int32Array.from(rows), values: Float64Array.from(values) },
    integrality,
    coverage,
    shiftColumns: c.count,
    tours,
    tourOffset,
  };
}
