import { RosterState } from './greedyRoster.js';
import { type RosterProblem, weekOfDay } from './rosterProblem.js';
import type { ShiftGroup } from './shiftGroups.js';

/**
 * What the coverage greedy needs besides the problem: per shift group, its queue and the grid
 * slots it covers on the phones; per queue, agents required per grid slot; the weight of one
 * agent-interval short (internal).
 *
 * @internal
 */
export interface CoverageTargets {
  queueOf: Int32Array;
  slotsOf: readonly Int32Array[];
  required: readonly Float64Array[];
  underWeight: number;
}

/** A binary max-heap of [priority, agent, eligible index], ties to the lower agent then index. */
class Heap {
  private readonly items: [number, number, number][] = [];
  get size(): number {
    return this.items.length;
  }
  private above(p: [number, number, number], q: [number, number, number]): boolean {
    return p[0] > q[0] || (p[0] === q[0] && (p[1] < q[1] || (p[1] === q[1] && p[2] < q[2])));
  }
  push(item: [number, number, number]): void {
    const h = this.items;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!this.above(h[i] as [number, number, number], h[up] as [number, number, number])) break;
      [h[i], h[up]] = [h[up] as [number, number, number], h[i] as [number, number, number]];
      i = up;
    }
  }
  peek(): [number, number, number] | undefined {
    return this.items[0];
  }
  pop(): [number, number, number] | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.above(h[l] as [number, number, number], h[m] as [number, number, number]))
          m = l;
        if (r < h.length && this.above(h[r] as [number, number, number], h[m] as [number, number, number]))
          m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m] as [number, number, number], h[i] as [number, number, number]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * The starting roster of `buildRoster`, keeping every hard rule (each shift taken through
 * `RosterState.canAdd`): repeatedly gives the agent the shift with the most benefit per cost, where
 * benefit = `underWeight` x the agent-intervals of requirement it covers that nobody covers yet
 * (its queue, breaks taken out) + the weekly minimum hours and days it brings (their penalties)
 * and cost = the pair's objective cost (paid cost and wishes broken), as long as benefit exceeds
 * cost. Benefits only fall as the roster grows, so a lazy priority queue finds the best pair
 * exactly (re-scored when it reaches the top). Deterministic (ties to the lower agent, then the
 * earlier shift). O(pairs x shift length x log pairs) in practice.
 *
 * @internal
 */
export function coverageGreedy(problem: RosterProblem, targets: CoverageTargets): RosterState {
  const state = new RosterState(problem);
  const { queueOf, slotsOf, underWeight } = targets;
  const covered = targets.required.map((r) => new Float64Array(r.length));
  const pen = problem.penalties;
  const benefit = (a: number, s: number): number => {
    const g = problem.shifts[s] as ShiftGroup;
    const agent = problem.agents[a];
    if (agent === undefined) return 0;
    const q = queueOf[s] ?? 0;
    const req = targets.required[q] as Float64Array;
    const cov = covered[q] as Float64Array;
    let gap = 0;
    for (const t of slotsOf[s] ?? []) gap += Math.min(1, Math.max(0, (req[t] ?? 0) - (cov[t] ?? 0)));
    let b = underWeight * gap;
    const w = weekOfDay(g.dayIndex);
    if (problem.fullWeek(w)) {
      const short = Math.max(0, agent.minPaidMinutesPerWeek - (state.weekMinutes[a]?.[w] ?? 0));
      b += (pen.shortHour * Math.min(short, g.paidMinutes)) / 60;
      if ((state.weekDays[a]?.[w] ?? 0) < agent.minDaysPerWeek) b += pen.shortDay;
    }
    return b;
  };
  const heap = new Heap();
  const costOf = problem.cost;
  const priority = (b: number, cost: number) => b / Math.max(1e-9, cost);
  problem.eligible.forEach((el, a) => {
    const co = costOf[a] as Float64Array;
    el.forEach((s, e) => {
      const b = benefit(a, s);
      const cost = co[e] ?? 0;
      if (b > cost + 1e-9) heap.push([priority(b, cost), a, e]);
    });
  });
  for (let top = heap.pop(); top !== undefined; top = heap.pop()) {
    const [, a, e] = top;
    const s = problem.eligible[a]?.[e] ?? -1;
    if (s < 0 || !state.canAdd(a, s)) continue;
    const cost = costOf[a]?.[e] ?? 0;
    const b = benefit(a, s);
    if (b <= cost + 1e-9) continue;
    const p = priority(b, cost);
    const next = heap.peek();
    if (next !== undefined && next[0] > p + 1e-12) {
      heap.push([p, a, e]);
      continue;
    }
    state.add(a, s);
    const q = queueOf[s] ?? 0;
    const cov = covered[q] as Float64Array;
    for (const t of slotsOf[s] ?? []) cov[t] = (cov[t] ?? 0) + 1;
  }
  return state;
}
