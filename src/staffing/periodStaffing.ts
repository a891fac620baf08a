import { invalidInput } from '../errors.js';

/**
 * The problem `periodStaffing` solves for one day or week.
 *
 * @internal
 */
export interface PeriodProblem {
  /** Offered contacts per interval (the weights of the volume-weighted service level), >= 0. */
  calls: ArrayLike<number>;
  /** Fewest agents allowed per interval (stability, other targets, a service-level floor). */
  floor: ArrayLike<number>;
  /** Agents of per-interval staffing, which meets the target everywhere: the fallback. */
  ceiling: ArrayLike<number>;
  /** Service level (0..1) of interval i with n agents; non-decreasing in n. */
  serviceLevel: (interval: number, agents: number) => number;
  /** Volume-weighted service level the period must reach, 0..1. */
  target: number;
  /** Largest agent count tried in any interval. Default 100000. */
  maxAgents?: number;
}

/**
 * Agents per interval for one period.
 *
 * @internal
 */
export interface PeriodStaffing {
  /** Agents per interval (whole numbers, floor <= agents). */
  agents: Float64Array;
  /** Volume-weighted service level reached: sum calls x SL / sum calls (1 with no calls). */
  serviceLevel: number;
  /** True when the greedy allocation was not better than `ceiling`, which was returned instead. */
  usedCeiling: boolean;
}

const TOL = 1e-12;

/**
 * The fewest agents over a period (day or week) such that the volume-weighted service level
 * sum_i calls_i SL_i(n_i) / sum_i calls_i reaches `target`, with n_i >= floor_i.
 *
 * Method: greedy by marginal gain of answered-within-threshold calls per agent (every interval
 * has the same length, so per agent-hour), with a binary max-heap over the intervals. For a
 * separable objective sum_i f_i(n_i) with every f_i concave, adding one agent at a time to the
 * interval of largest marginal gain maximises the sum for every total N (Gross 1956, the classical
 * marginal-allocation theorem), so the first N that reaches the target is optimal. SL_i(n) is
 * S-shaped: convex below the load, concave above. To cross the convex part, a move adds the block
 * of k agents of best average gain (s(n+k) - s(n)) / k (the upper concave hull; for an S-shaped
 * curve that average is unimodal in k, so galloping then ternary search finds the best k in
 * O(log n) evaluations). The last move takes the cheapest block that reaches the target; a clean-up pass then
 * removes any agent the target does not need, and exchanges that save one agent (remove 2..4
 * agents from one interval, add one fewer to another) are applied while one keeps the target. Blocks make the method exact only on the
 * concave part; test/staffing/periodStaffing.test.ts measures it against brute force on small
 * cases. If the result ever uses more agents than `ceiling` (per-interval staffing meets the
 * target too), `ceiling` is returned. Cost O(A log n) service-level evaluations for A agents
 * added, each cached.
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` for arrays of different lengths, negative calls, a
 *   target outside [0, 1] or a floor above the ceiling.
 * @example
 * // two intervals, 10 and 1 calls; SL = min(1, n / 4): agents are worth more where calls are
 * periodStaffing({ calls: [10, 1], floor: [0, 0], ceiling: [4, 4],
 *   serviceLevel: (_i, n) => Math.min(1, n / 4), target: 0.8 }).agents; // Float64Array [4, 0]
 */
export function periodStaffing(problem: PeriodProblem): PeriodStaffing {
  const fn = 'periodStaffing';
  const { calls, floor, ceiling, target } = problem;
  const n = calls.length;
  if (floor.length !== n || ceiling.length !== n)
    invalidInput(fn, 'floor', `and ceiling must have one value per interval (${n})`, floor.length);
  if (!(target >= 0 && target <= 1)) invalidInput(fn, 'target', 'must be a fraction in [0, 1]', target);
  const maxAgents = problem.maxAgents ?? 100_000;
  let weight = 0;
  for (let i = 0; i < n; i++) {
    const w = calls[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) invalidInput(fn, `calls[${i}]`, 'must be a finite number >= 0', w);
    if (floor[i]! > ceiling[i]!)
      invalidInput(fn, `floor[${i}]`, `must not exceed the ceiling (${ceiling[i]})`, floor[i]);
    weight += w;
  }
  const cache: Array<Map<number, number>> = Array.from({ length: n }, () => new Map());
  const sl = (i: number, a: number): number => {
    const c = cache[i]!;
    let v = c.get(a);
    if (v === undefined) {
      v = problem.serviceLevel(i, a);
      c.set(a, v);
    }
    return v;
  };
  const agents = Float64Array.from(floor);
  const needed = target * weight * (1 - 1e-12);
  let answered = 0;
  for (let i = 0; i < n; i++) if (calls[i]! > 0) answered += calls[i]! * sl(i, agents[i]!);

  // best block from the current count: k agents with the largest average gain
  const bestBlock = (i: number): { k: number; gain: number } => {
    const w = calls[i]!;
    const a = agents[i]!;
    const room = maxAgents - a;
    if (room < 1) return { k: 0, gain: 0 };
    const base = sl(i, a);
    const d1 = sl(i, a + 1) - base;
    // locally concave (past the inflection, or saturated): one agent is the best block
    if (room < 2 || (d1 > 0 && sl(i, a + 2) - sl(i, a + 1) <= d1))
      return d1 > 0 ? { k: 1, gain: w * d1 } : { k: 0, gain: 0 };
    // convex here: for an S-shaped curve the average gain (s(a + k) - s(a)) / k is unimodal in k,
    // with its maximum at the tangent point of the upper concave hull. Gallop to bracket it (ties go
    // right: they only occur where the service level is still 0), then ternary search.
    const avg = (k: number): number => (sl(i, a + k) - base) / k;
    let hi = Math.min(room, 8);
    while (hi < room && avg(Math.min(room, 2 * hi)) >= avg(hi)) hi = Math.min(room, 2 * hi);
    hi = Math.min(room, 2 * hi);
    let lo = 1;
    while (hi - lo > 2) {
      const m1 = lo + Math.floor((hi - lo) / 3);
      const m2 = hi - Math.floor((hi - lo) / 3);
      const f1 = avg(m1);
      const f2 = avg(m2);
      if (f1 < f2 || (f1 === f2 && f1 === 0)) lo = m1 + 1;
      else if (f1 > f2) hi = m2 - 1;
      else {
        lo = m1; // equal and positive: the maximum lies between them
        hi = m2;
      }
    }
    let bestK = 0;
    let bestAvg = 0;
    for (let k = lo; k <= hi; k++) {
      const g = avg(k);
      if (g > bestAvg + TOL) {
        bestAvg = g;
        bestK = k;
      }
    }
    return bestK === 0 ? { k: 0, gain: 0 } : { k: bestK, gain: w * bestAvg * bestK };
  };
  const heap = new BlockHeap();
  for (let i = 0; i < n; i++) {
    if (!(calls[i]! > 0)) continue;
    const b = bestBlock(i);
    if (b.k > 0) heap.push(b.gain / b.k, i, b.k, b.gain);
  }
  while (answered < needed) {
    const top = heap.pop();
    if (top === undefined) break;
    if (answered + top.gain >= needed) {
      // last move: the fewest agents in any one interval that reach the target
      let bestI = top.i;
      let bestK = top.k;
      for (let i = 0; i < n; i++) {
        if (!(calls[i]! > 0)) continue;
        for (let k = 1; k < bestK; k++) {
          if (answered + calls[i]! * (sl(i, agents[i]! + k) - sl(i, agents[i]!)) >= needed) {
            bestI = i;
            bestK = k;
            break;
          }
        }
      }
      answered += calls[bestI]! * (sl(bestI, agents[bestI]! + bestK) - sl(bestI, agents[bestI]!));
      agents[bestI] = agents[bestI]! + bestK;
      break;
    }
    agents[top.i] = agents[top.i]! + top.k;
    answered += top.gain;
    const b = bestBlock(top.i);
    if (b.k > 0) heap.push(b.gain / b.k, top.i, b.k, b.gain);
  }
  if (answered >= needed) {
    const cleanUp = (): void => {
      for (let i = 0; i < n; i++) {
        while (agents[i]! > floor[i]!) {
          const loss = calls[i]! * (sl(i, agents[i]!) - sl(i, agents[i]! - 1));
          if (answered - loss < needed) break;
          answered -= loss;
          agents[i] = agents[i]! - 1;
        }
      }
    };
    cleanUp();
    // exchanges that save one agent: remove `a` agents from one interval, add a - 1 to another
    for (let round = 0; round < 4 * n; round++) {
      const move = bestExchange(n, calls, floor, agents, sl, answered - needed);
      if (move === undefined) break;
      agents[move.from] = agents[move.from]! - move.removed;
      agents[move.to] = agents[move.to]! + move.removed - 1;
      answered += move.delta;
      cleanUp();
    }
  }
  let total = 0;
  let ceilingTotal = 0;
  for (let i = 0; i < n; i++) {
    total += agents[i]!;
    ceilingTotal += ceiling[i]!;
  }
  if (answered < needed || total > ceilingTotal) {
    let back = 0;
    for (let i = 0; i < n; i++) if (calls[i]! > 0) back += calls[i]! * sl(i, ceiling[i]!);
    return {
      agents: Float64Array.from(ceiling),
      serviceLevel: weight > 0 ? back / weight : 1,
      usedCeiling: true,
    };
  }
  return { agents, serviceLevel: weight > 0 ? answered / weight : 1, usedCeiling: false };
}

/**
 * The exchange (remove `removed` agents from interval `from`, add `removed - 1` to `to`) that loses
 * the least answered volume, if that loss fits in `slack`. Tries removed = 2..4; O(n) each.
 */
function bestExchange(
  n: number,
  calls: ArrayLike<number>,
  floor: ArrayLike<number>,
  agents: Float64Array,
  sl: (i: number, a: number) => number,
  slack: number,
): { from: number; to: number; removed: number; delta: number } | undefined {
  let best: { from: number; to: number; removed: number; delta: number } | undefined;
  for (let removed = 2; removed <= 4; removed++) {
    // the two cheapest removals and the two best additions, so that from !== to
    let r1 = -1;
    let r2 = -1;
    let g1 = -1;
    let g2 = -1;
    const loss = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const gain = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
    for (let i = 0; i < n; i++) {
      const w = calls[i]!;
      if (agents[i]! - removed >= floor[i]!) {
        loss[i] = w * (sl(i, agents[i]!) - sl(i, agents[i]! - removed));
        if (r1 < 0 || loss[i]! < loss[r1]!) {
          r2 = r1;
          r1 = i;
        } else if (r2 < 0 || loss[i]! < loss[r2]!) r2 = i;
      }
      if (w > 0) {
        gain[i] = w * (sl(i, agents[i]! + removed - 1) - sl(i, agents[i]!));
        if (g1 < 0 || gain[i]! > gain[g1]!) {
          g2 = g1;
          g1 = i;
        } else if (g2 < 0 || gain[i]! > gain[g2]!) g2 = i;
      }
    }
    for (const from of [r1, r2]) {
      for (const to of [g1, g2]) {
        if (from < 0 || to < 0 || from === to) continue;
        const delta = gain[to]! - loss[from]!;
        if (delta >= -slack && (best === undefined || delta > best.delta))
          best = { from, to, removed, delta };
      }
    }
  }
  return best;
}

/** Binary max-heap of moves keyed by average gain per agent. */
class BlockHeap {
  private readonly items: Array<{ key: number; i: number; k: number; gain: number }> = [];

  push(key: number, i: number, k: number, gain: number): void {
    const items = this.items;
    items.push({ key, i, k, gain });
    let c = items.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (items[p]!.key >= items[c]!.key) break;
      [items[p], items[c]] = [items[c]!, items[p]!];
      c = p;
    }
  }

  pop(): { key: number; i: number; k: number; gain: number } | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let p = 0;
    for (;;) {
      const l = 2 * p + 1;
      const r = l + 1;
      let m = p;
      if (l < items.length && items[l]!.key > items[m]!.key) m = l;
      if (r < items.length && items[r]!.key > items[m]!.key) m = r;
      if (m === p) break;
      [items[p], items[m]] = [items[m]!, items[p]!];
      p = m;
    }
    return top;
  }
}
