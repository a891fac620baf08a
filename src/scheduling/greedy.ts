import type { ShiftRulesConfig } from '../schemas/shiftRules.js';
import type { SlotCalendar } from './calendar.js';
import { type Candidates, forEachShiftSlot } from './candidates.js';
import { coverageLimits } from './coverageLimits.js';
import type { CoveringModel } from './model.js';

/** A solution of the covering model: shift counts per column and tour counts per pattern. */
export interface CoverSolution {
  x: Float64Array;
  w: Float64Array;
}

/**
 * Objective of a solution with the coverage the columns give: shift costs plus the under- and
 * over-coverage penalties per agent-interval. Cost O(nonzeros).
 *
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { generateCandidates } from './candidates.js';
 * import { buildCoveringModel } from './model.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // one 4-hour shift (cost 1 per paid hour) against required [1, 1, 1, 1, 1] hourly, penalties 100 / 0.01
 * const cal = slotCalendar({ intervalMinutes: 60, required: [1, 1, 1, 1, 1] });
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '00:00',
 *   lengthsMinutes: [240] }] });
 * const model = buildCoveringModel(generateCandidates(cal, rules, { breakMethod: 'explicit' }), cal, rules);
 * coverObjective(model, cal, { x: Float64Array.of(1), w: new Float64Array(0) }, rules);
 * // { objective: 104, under: 1, over: 0, cost: 4 }
 */
export function coverObjective(
  model: CoveringModel,
  cal: SlotCalendar,
  sol: CoverSolution,
  rules: ShiftRulesConfig,
) {
  const n = cal.slots;
  const cov = coverageOf(model, n, sol.x);
  let cost = 0;
  for (let j = 0; j < model.shiftColumns; j++) cost += (model.shiftCost[j] ?? 0) * (sol.x[j] ?? 0);
  let under = 0;
  let over = 0;
  for (let t = 0; t < n; t++) {
    const d = (cal.required[t] ?? 0) - (cov[t] ?? 0);
    if (d > 0) under += d;
    else over -= d;
  }
  const objective =
    cost +
    rules.coverage.underPenaltyPerAgentInterval * under +
    rules.coverage.overPenaltyPerAgentInterval * over;
  return { objective, under, over, cost };
}

/**
 * Net coverage per slot of shift counts x. Cost O(nonzeros).
 *
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { generateCandidates } from './candidates.js';
 * import { buildCoveringModel } from './model.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // column 0 is a 4-hour shift from 00:00: it covers slots 0..3 of 5
 * const cal = slotCalendar({ intervalMinutes: 60, required: [1, 1, 1, 1, 1] });
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '00:00',
 *   lengthsMinutes: [240] }] });
 * const model = buildCoveringModel(generateCandidates(cal, rules, { breakMethod: 'explicit' }), cal, rules);
 * coverageOf(model, 5, [2]); // Float64Array [2, 2, 2, 2, 0]
 */
export function coverageOf(model: CoveringModel, n: number, x: ArrayLike<number>): Float64Array {
  const cov = new Float64Array(n);
  const { starts, rows, values } = model.coverage;
  for (let j = 0; j < model.shiftColumns; j++) {
    const v = x[j] ?? 0;
    if (v === 0) continue;
    for (let e = starts[j] ?? 0; e < (starts[j + 1] ?? 0); e++)
      cov[rows[e] ?? 0] = (cov[rows[e] ?? 0] ?? 0) + v * (values[e] ?? 0);
  }
  return cov;
}

/** Binary min-heap of (key, id) pairs (internal). */
class MinHeap {
  private keys: number[] = [];
  private ids: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, id: number): void {
    let i = this.keys.length;
    this.keys.push(key);
    this.ids.push(id);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.keys[p] ?? 0) <= key) break;
      this.keys[i] = this.keys[p] ?? 0;
      this.ids[i] = this.ids[p] ?? 0;
      i = p;
    }
    this.keys[i] = key;
    this.ids[i] = id;
  }
  peekKey(): number {
    return this.keys[0] ?? Infinity;
  }
  pop(): number {
    const top = this.ids[0] ?? -1;
    const lastK = this.keys.pop() ?? 0;
    const lastI = this.ids.pop() ?? 0;
    const n = this.keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && (this.keys[r] ?? 0) < (this.keys[l] ?? 0) ? r : l;
        if ((this.keys[c] ?? 0) >= lastK) break;
        this.keys[i] = this.keys[c] ?? 0;
        this.ids[i] = this.ids[c] ?? 0;
        i = c;
      }
      this.keys[i] = lastK;
      this.ids[i] = lastI;
    }
    return top;
  }
}

/**
 * Greedy covering heuristic (lazy greedy): repeatedly adds the shift (or, with tours, the whole
 * tour with one start time on each working day) that lowers the objective most, respecting caps,
 * maximum counts and shares; then adds shifts to meet minimum counts/shares and removes shifts whose
 * removal lowers the objective. The marginal change of a column only rises as coverage grows, so
 * stale heap keys are valid lower bounds (lazy evaluation is exact). Cost about
 * O(iterations * log(columns) * shift length).
 *
 * @returns the solution, or `undefined` when it breaks a hard rule (full cover, minimum counts)
 *
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { generateCandidates } from './candidates.js';
 * import { buildCoveringModel } from './model.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // required [2, 2, 2, 2] hourly, one candidate: a 4-hour shift at 00:00
 * const cal = slotCalendar({ intervalMinutes: 60, required: [2, 2, 2, 2] });
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '00:00',
 *   lengthsMinutes: [240] }] });
 * const c = generateCandidates(cal, rules, { breakMethod: 'explicit' });
 * greedyCover(c, cal, rules, buildCoveringModel(c, cal, rules))?.x; // Float64Array [2]
 */
export function greedyCover(
  c: Candidates,
  cal: SlotCalendar,
  rules: ShiftRulesConfig,
  model: CoveringModel,
): CoverSolution | undefined {
  const n = cal.slots;
  const types = rules.shiftTypes;
  const {
    allowUnder,
    underPenalty: pu,
    overPenalty: po,
    maxAgentsPerInterval: cap,
    maxShifts,
  } = coverageLimits(rules);
  const { starts, rows, values } = model.coverage;

  // composites: lists of shift columns (+ tour pattern)
  const members: number[][] = [];
  const pattern: number[] = [];
  const tours = model.tours;
  if (tours === undefined) {
    for (let j = 0; j < c.count; j++) {
      members.push([j]);
      pattern.push(-1);
    }
  }

  const cov = new Float64Array(n);
  const onShift = new Float64Array(n);
  const count = new Float64Array(types.length);
  let total = 0;
  const x = new Float64Array(c.count);
  const w = new Float64Array(tours?.count ?? 0);
  const chosen: number[] = [];

  const delta = (id: number, sign: 1 | -1): number => {
    let d = 0;
    for (const j of members[id] ?? []) {
      d += sign * (c.cost[j] ?? 0);
      for (let e = starts[j] ?? 0; e < (starts[j + 1] ?? 0); e++) {
        const t = rows[e] ?? 0;
        const a = values[e] ?? 0;
        const before = (cal.required[t] ?? 0) - (cov[t] ?? 0);
        const after = before - sign * a;
        d +=
          pu * (Math.max(0, after) - Math.max(0, before)) + po * (Math.max(0, -after) - Math.max(0, -before));
      }
    }
    return d;
  };
  const apply = (id: number, sign: 1 | -1) => {
    for (const j of members[id] ?? []) {
      x[j] = (x[j] ?? 0) + sign;
      for (let e = starts[j] ?? 0; e < (starts[j + 1] ?? 0); e++)
        cov[rows[e] ?? 0] = (cov[rows[e] ?? 0] ?? 0) + sign * (values[e] ?? 0);
      forEachShiftSlot(c, j, (t) => {
        onShift[t] = (onShift[t] ?? 0) + sign;
      });
      count[c.type[j] ?? 0] = (count[c.type[j] ?? 0] ?? 0) + sign;
      total += sign;
    }
    const p = pattern[id] ?? -1;
    if (p >= 0) w[p] = (w[p] ?? 0) + sign;
  };
  /** 0 ok, 1 blocked for good, 2 blocked for now (share). */
  const blocked = (id: number): 0 | 1 | 2 => {
    const m = members[id] ?? [];
    if (total + m.length > maxShifts) return 1;
    const add = new Map<number, number>();
    for (const j of m) add.set(c.type[j] ?? 0, (add.get(c.type[j] ?? 0) ?? 0) + 1);
    for (const [k, a] of add) {
      const st = types[k];
      if (st?.maxCount !== undefined && (count[k] ?? 0) + a > st.maxCount) return 1;
    }
    if (cap !== Infinity) {
      let over = false;
      for (const j of m)
        forEachShiftSlot(c, j, (t) => {
          if ((onShift[t] ?? 0) + 1 > cap) over = true;
        });
      if (over) return 1;
    }
    for (const [k, a] of add) {
      const st = types[k];
      if (st?.maxShare !== undefined && (count[k] ?? 0) + a > st.maxShare * (total + m.length) + 1e-9)
        return 2;
    }
    return 0;
  };

  if (tours === undefined) {
    const heap = new MinHeap();
    for (let id = 0; id < members.length; id++) {
      const d = delta(id, 1);
      if (d < 0) heap.push(d, id);
    }
    let deferred: number[] = [];
    while (heap.size > 0) {
      const id = heap.pop();
      const d = delta(id, 1);
      if (d >= -1e-12) continue;
      if (d > heap.peekKey() + 1e-12) {
        heap.push(d, id);
        continue;
      }
      const b = blocked(id);
      if (b === 1) continue;
      if (b === 2) {
        deferred.push(id);
        continue;
      }
      apply(id, 1);
      chosen.push(id);
      heap.push(d, id); // may be chosen again
      if (deferred.length > 0) {
        for (const q of deferred) heap.push(delta(q, 1), q);
        deferred = [];
      }
    }
  } else {
    // Tours: each round, the best shift of every (group, day) alone, then the pattern whose
    // working days sum to the largest improvement; its tour takes those shifts.
    const days = cal.days;
    const G = c.groups.length;
    const byGroupDay: number[][] = Array.from({ length: G * days }, () => []);
    for (let j = 0; j < c.count; j++) byGroupDay[(c.group[j] ?? 0) * days + (c.day[j] ?? 0)]?.push(j);
    const single = new Map<number, number>();
    const singleId = (j: number): number => {
      let id = single.get(j);
      if (id === undefined) {
        id = members.length;
        members.push([j]);
        pattern.push(-1);
        single.set(j, id);
      }
      return id;
    };
    const bestCol = new Int32Array(G * days);
    const bestDelta = new Float64Array(G * days);
    for (let round = 0; round < 100000; round++) {
      for (let k = 0; k < G * days; k++) {
        bestCol[k] = -1;
        bestDelta[k] = Infinity;
        for (const j of byGroupDay[k] ?? []) {
          const id = singleId(j);
          const d = delta(id, 1);
          if (d < (bestDelta[k] ?? Infinity) && blocked(id) !== 1) {
            bestDelta[k] = d;
            bestCol[k] = j;
          }
        }
      }
      const order: { p: number; d: number }[] = [];
      for (let p = 0; p < tours.count; p++) {
        const g = tours.group[p] ?? 0;
        const mask = tours.mask[p] ?? 0;
        let d = 0;
        for (let day = 0; day < days && d < Infinity; day++)
          if ((mask >> day) & 1) d += bestDelta[g * days + day] ?? Infinity;
        if (d < -1e-9) order.push({ p, d });
      }
      order.sort((u, v) => u.d - v.d);
      let applied = false;
      for (const { p } of order) {
        const g = tours.group[p] ?? 0;
        const mask = tours.mask[p] ?? 0;
        const cols: number[] = [];
        for (let day = 0; day < days; day++) if ((mask >> day) & 1) cols.push(bestCol[g * days + day] ?? -1);
        if (cols.some((j) => j < 0)) continue;
        const id = members.length;
        members.push(cols);
        pattern.push(p);
        if (blocked(id) !== 0) continue;
        apply(id, 1);
        chosen.push(id);
        applied = true;
        break;
      }
      if (!applied) break;
    }
  }

  // minimum counts and shares
  for (let round = 0; round < 10000; round++) {
    const k = types.findIndex(
      (st, i) =>
        (st.minCount !== undefined && (count[i] ?? 0) < st.minCount) ||
        (st.minShare !== undefined && (count[i] ?? 0) < st.minShare * total - 1e-9),
    );
    if (k < 0) break;
    let best = -1;
    let bestD = Infinity;
    for (let id = 0; id < members.length; id++) {
      const m = members[id] ?? [];
      if (tours !== undefined && (pattern[id] ?? -1) < 0) continue; // tours: whole tours only
      if (!m.every((j) => c.type[j] === k) || blocked(id) !== 0) continue;
      const d = delta(id, 1);
      if (d < bestD) {
        bestD = d;
        best = id;
      }
    }
    if (best < 0) break;
    apply(best, 1);
    chosen.push(best);
  }

  // removal pass
  for (let i = chosen.length - 1; i >= 0; i--) {
    const id = chosen[i] ?? 0;
    if (delta(id, -1) < -1e-9) {
      apply(id, -1);
      if (!feasibleCounts()) apply(id, 1);
    }
  }

  function feasibleCounts(): boolean {
    for (let k = 0; k < types.length; k++) {
      const st = types[k];
      const v = count[k] ?? 0;
      if (st === undefined) continue;
      if (st.minCount !== undefined && v < st.minCount) return false;
      if (st.maxCount !== undefined && v > st.maxCount) return false;
      if (st.minShare !== undefined && v < st.minShare * total - 1e-9) return false;
      if (st.maxShare !== undefined && v > st.maxShare * total + 1e-9) return false;
    }
    return total <= maxShifts;
  }

  if (!feasibleCounts()) return undefined;
  if (!allowUnder)
    for (let t = 0; t < n; t++) if ((cov[t] ?? 0) < (cal.required[t] ?? 0) - 1e-9) return undefined;
  return { x, w };
}
