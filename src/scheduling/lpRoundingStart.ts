import type { ShiftRulesConfig } from '../schemas/shiftRules.js';
import type { SlotCalendar } from './calendar.js';
import { type Candidates, forEachShiftSlot } from './candidates.js';
import { coverageLimits } from './coverageLimits.js';
import type { CoverSolution } from './greedy.js';
import type { CoveringModel } from './model.js';
import { placeBreaks, type ShiftInstance } from './placeBreaks.js';

/**
 * The LP relaxation of a model (internal): the same columns, rows, bounds and costs with every
 * integrality dropped, for HiGHS to solve as an LP (simplex, single-threaded: deterministic).
 * Cost O(columns).
 *
 * @example
 * const model = { numCols: 3, integrality: Int32Array.of(1, 1, 0) };
 * lpRelaxation(model).integrality; // Int32Array [0, 0, 0] (zeros, model.numCols long)
 */
export function lpRelaxation<M extends Pick<CoveringModel, 'numCols' | 'integrality'>>(model: M): M {
  return { ...model, integrality: new Int32Array(model.numCols) };
}

const EPS = 1e-6;

/**
 * Rounds an LP solution of the covering model to an integer schedule (internal): a start the
 * MIP gets when it is cheaper than greedy's.
 *
 * Without tours: every shift column rounded up, x_j = ceil(lp_j) (coverage rows stay satisfied:
 * the LP covered them), then redundant agents dropped one at a time, the columns rounded up the
 * most (ceil(lp_j) - lp_j) first (ties by column), while a drop lowers the real objective (shift
 * cost plus under- and over-coverage penalties on the coverage with the breaks placed where the
 * surplus is largest, `placeBreaks`) without breaking a row that held (counts, shares, total
 * shifts, caps); never one that uncovers a slot when `coverage.allowUnderCoverage` is false; a
 * drop that reduces the violation of those rows (ceil can exceed a maximum) is taken whatever its
 * cost. Breaks are placed again after each of at most 3 passes and the cheapest placement seen is
 * returned, so the result is never worse than ceil(lp) when ceil(lp) meets every rule. With tours: tours rounded up, w_p = ceil(lp_p), and
 * each (group, day) gets exactly the shifts its tours work (the tour link rows): floor(lp_j) of
 * each column, then one shift at a time to the column of that (group, day) with the lowest
 * objective change. The caller checks the start against every row bound before using it
 * (`satisfiesModelBounds`). Deterministic. Cost O(passes * (nonzeros + placeBreaks)) without tours,
 * O(groups * days * shifts * column length) with tours.
 *
 * @param lp column values of an LP solution of `model` (or of a model extending it, such as the
 *   implicit-break model: shift columns first, tours at `model.tourOffset`)
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { generateCandidates } from './candidates.js';
 * import { buildCoveringModel } from './model.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // required [1, 1, 1, 1] hourly, one 4-hour column, LP value 0.6: ceil gives one shift
 * const cal = slotCalendar({ intervalMinutes: 60, required: [1, 1, 1, 1] });
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '00:00',
 *   lengthsMinutes: [240] }] });
 * const c = generateCandidates(cal, rules, { breakMethod: 'explicit' });
 * const model = buildCoveringModel(c, cal, rules);
 * roundLpSolution(model, c, cal, rules, Float64Array.of(0.6, 0, 0, 0, 0)).x; // Float64Array [1]
 */
export function roundLpSolution(
  model: CoveringModel,
  c: Candidates,
  cal: SlotCalendar,
  rules: ShiftRulesConfig,
  lp: ArrayLike<number>,
): CoverSolution {
  const n = cal.slots;
  const J = model.shiftColumns;
  const types = rules.shiftTypes;
  const {
    allowUnder,
    underPenalty: pu,
    overPenalty: po,
    maxAgentsPerInterval: cap,
    maxShifts,
  } = coverageLimits(rules);
  const { starts, rows, values } = model.coverage;
  const x = new Float64Array(J);
  const W = model.tours?.count ?? 0;
  const w = new Float64Array(W);
  const cov = new Float64Array(n);
  const onShift = new Float64Array(n);
  const count = new Float64Array(types.length);
  let total = 0;
  let capExcess = 0;

  /** Objective change of adding (sign 1) or removing (sign -1) one shift of column j. */
  const delta = (j: number, sign: 1 | -1): number => {
    let d = sign * (model.shiftCost[j] ?? 0);
    for (let e = starts[j] ?? 0; e < (starts[j + 1] ?? 0); e++) {
      const t = rows[e] ?? 0;
      const before = (cal.required[t] ?? 0) - (cov[t] ?? 0);
      const after = before - sign * (values[e] ?? 0);
      d +=
        pu * (Math.max(0, after) - Math.max(0, before)) + po * (Math.max(0, -after) - Math.max(0, -before));
    }
    return d;
  };
  const apply = (j: number, sign: 1 | -1, times = 1) => {
    if (times <= 0) return;
    x[j] = (x[j] ?? 0) + sign * times;
    for (let e = starts[j] ?? 0; e < (starts[j + 1] ?? 0); e++)
      cov[rows[e] ?? 0] = (cov[rows[e] ?? 0] ?? 0) + sign * times * (values[e] ?? 0);
    forEachShiftSlot(c, j, (t) => {
      const before = onShift[t] ?? 0;
      const after = before + sign * times;
      onShift[t] = after;
      capExcess += Math.max(0, after - cap) - Math.max(0, before - cap);
    });
    const k = c.type[j] ?? 0;
    count[k] = (count[k] ?? 0) + sign * times;
    total += sign * times;
  };
  /** Violation of the count, share and total rows for the counts after removing one shift of type `drop`. */
  const countViolation = (drop: number): number => {
    const tot = total - (drop >= 0 ? 1 : 0);
    let v = Math.max(0, tot - maxShifts);
    for (let k = 0; k < types.length; k++) {
      const st = types[k];
      if (st === undefined) continue;
      const ck = (count[k] ?? 0) - (k === drop ? 1 : 0);
      if (st.minCount !== undefined) v += Math.max(0, st.minCount - ck);
      if (st.maxCount !== undefined) v += Math.max(0, ck - st.maxCount);
      if (st.minShare !== undefined) v += Math.max(0, st.minShare * tot - ck);
      if (st.maxShare !== undefined) v += Math.max(0, ck - st.maxShare * tot);
    }
    return v;
  };

  if (W > 0 && model.tours !== undefined) {
    const tours = model.tours;
    const days = cal.days;
    const G = c.groups.length;
    const need = new Float64Array(G * days);
    for (let p = 0; p < W; p++) {
      const v = Math.max(0, Math.ceil((lp[model.tourOffset + p] ?? 0) - EPS));
      w[p] = v;
      const g = tours.group[p] ?? 0;
      const mask = tours.mask[p] ?? 0;
      for (let d = 0; d < days; d++) if ((mask >> d) & 1) need[g * days + d] = (need[g * days + d] ?? 0) + v;
    }
    const byGroupDay: number[][] = Array.from({ length: G * days }, () => []);
    for (let j = 0; j < J; j++) byGroupDay[(c.group[j] ?? 0) * days + (c.day[j] ?? 0)]?.push(j);
    byGroupDay.forEach((cols, k) => {
      let left = need[k] ?? 0;
      for (const j of cols) {
        const f = Math.min(left, Math.max(0, Math.floor((lp[j] ?? 0) + EPS)));
        apply(j, 1, f);
        left -= f;
      }
      for (; left > 0 && cols.length > 0; left--) {
        let best = cols[0] ?? 0;
        let bestD = Infinity;
        for (const j of cols) {
          const d = delta(j, 1);
          if (d < bestD) {
            bestD = d;
            best = j;
          }
        }
        apply(best, 1);
      }
    });
    return { x, w };
  }

  // no tours: ceil, then drop redundant agents on the real coverage (breaks placed where the
  // surplus is largest), placing the breaks again after each pass; the best placement is kept
  for (let j = 0; j < J; j++) apply(j, 1, Math.max(0, Math.ceil((lp[j] ?? 0) - EPS)));
  const iv = cal.intervalMinutes;
  const slotOf = (j: number, o: number): number => {
    const t = (c.start[j] ?? 0) + o;
    return t < n ? t : c.cyclic ? t % n : -1;
  };
  /** Slots an agent is on the phones (the shift without its breaks). */
  const netSlots = (inst: ShiftInstance): number[] => {
    const j = inst.column;
    const len = c.lengthSlots[j] ?? 0;
    const away = new Uint8Array(len);
    const brk = types[c.type[j] ?? 0]?.breaks ?? [];
    inst.breakOffsets.forEach((o, b) => {
      for (let i = o; i < o + (brk[b]?.durationMinutes ?? 0) / iv && i < len; i++) if (i >= 0) away[i] = 1;
    });
    const out: number[] = [];
    for (let o = 0; o < len; o++) {
      const t = slotOf(j, o);
      if (!away[o] && t >= 0) out.push(t);
    }
    return out;
  };
  const net = new Float64Array(n);
  let agents: { inst: ShiftInstance; slots: number[] }[] = [];
  let best = { x: Float64Array.from(x), objective: Infinity };
  const place = () => {
    net.fill(0);
    agents = placeBreaks(c, cal, rules, x).map((inst) => ({ inst, slots: netSlots(inst) }));
    let objective = 0;
    for (const a of agents) {
      objective += model.shiftCost[a.inst.column] ?? 0;
      for (const t of a.slots) net[t] = (net[t] ?? 0) + 1;
    }
    for (let t = 0; t < n; t++) {
      const d = (cal.required[t] ?? 0) - (net[t] ?? 0);
      objective += d > 0 ? pu * d : -po * d;
    }
    if (objective < best.objective - 1e-9) best = { x: Float64Array.from(x), objective };
  };
  const rounded = (j: number) => (x[j] ?? 0) - (lp[j] ?? 0);
  place();
  for (let pass = 0; pass < 3; pass++) {
    const order = agents
      .map((a, i) => ({ a, i, r: rounded(a.inst.column) }))
      .sort((p, q) => q.r - p.r || p.a.inst.column - q.a.inst.column || p.i - q.i);
    let changed = false;
    for (const { a } of order) {
      const j = a.inst.column;
      let d = -(model.shiftCost[j] ?? 0);
      let uncovers = false;
      for (const t of a.slots) {
        const before = (cal.required[t] ?? 0) - (net[t] ?? 0);
        const after = before + 1;
        if (after > 1e-9) uncovers = true;
        d +=
          pu * (Math.max(0, after) - Math.max(0, before)) + po * (Math.max(0, -after) - Math.max(0, -before));
      }
      if (!allowUnder && uncovers) continue;
      const before = countViolation(-1) + capExcess;
      let capGain = 0;
      if (cap !== Infinity)
        forEachShiftSlot(c, j, (t) => {
          if ((onShift[t] ?? 0) > cap) capGain++;
        });
      const after = countViolation(c.type[j] ?? 0) + capExcess - capGain;
      if (after < before - 1e-9 || (after <= before + 1e-9 && d < -1e-9)) {
        apply(j, -1);
        for (const t of a.slots) net[t] = (net[t] ?? 0) - 1;
        changed = true;
      }
    }
    if (!changed) break;
    place();
  }
  return { x: best.x, w };
}

/**
 * The LP-rounding neighbourhood of a model (internal; RENS, Berthold, "RENS: the optimal rounding", Math. Prog. Comp. 6, 2014): the same model with
 * every shift and tour column bounded to the integers around its LP value, `floor(lp_j)` to
 * `ceil(lp_j)` (an integral LP value fixes the column); break, queue and under-coverage columns
 * stay free. Its feasible points are feasible for the model, and it is small (only the fractional
 * columns choose), so HiGHS searches it in a fraction of the full model's work: the best rounding
 * of the LP with the breaks placed exactly. Cost O(columns).
 *
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { generateCandidates } from './candidates.js';
 * import { buildCoveringModel } from './model.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // shift columns with LP values [0.4, 2]: bounds [0, 1] and [2, 2]
 * const cal = slotCalendar({ intervalMinutes: 60, required: new Array(24).fill(1) });
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '08:00', latestStart: '10:00',
 *   startStepMinutes: 60, lengthsMinutes: [480] }] });
 * const model = buildCoveringModel(generateCandidates(cal, rules, { breakMethod: 'explicit' }), cal, rules);
 * const m = lpNeighbourhood(model, Float64Array.of(0.4, 2, 0));
 * [m.colLower[0], m.colUpper[0], m.colLower[1], m.colUpper[1]]; // [0, 1, 2, 2]
 */
export function lpNeighbourhood<
  M extends Pick<CoveringModel, 'colLower' | 'colUpper' | 'shiftColumns' | 'tourOffset' | 'tours'>,
>(model: M, lp: ArrayLike<number>): M {
  const colLower = Float64Array.from(model.colLower);
  const colUpper = Float64Array.from(model.colUpper);
  const bound = (j: number) => {
    const v = Math.max(0, lp[j] ?? 0);
    const lo = Math.max(colLower[j] ?? 0, Math.floor(v + EPS));
    colLower[j] = lo;
    colUpper[j] = Math.min(colUpper[j] ?? Infinity, Math.max(lo, Math.ceil(v - EPS)));
  };
  for (let j = 0; j < model.shiftColumns; j++) bound(j);
  for (let p = 0; p < (model.tours?.count ?? 0); p++) bound(model.tourOffset + p);
  return { ...model, colLower, colUpper };
}
