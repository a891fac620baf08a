import type { RosterState } from './greedyRoster.js';
import { binarySearch, lateTarget } from './rosterCheck.js';
import type { ShiftGroup } from './shiftGroups.js';

/**
 * Local search on a roster that keeps every hard rule (internal): repeats passes of improving moves
 * until a pass finds none or the move budget is spent. Moves, each applied only when it lowers the
 * roster objective (`rosterObjective`) and `RosterState.canAdd` allows it: fill an empty seat;
 * transfer a shift from the agent whose objective gains most by losing it to the agent whose
 * objective gains most by taking it; swap two agents' shifts of one day; swap a shift of one agent
 * for a shift of another agent on another day of the same week (an ejection chain of two, which
 * passes the weekly maximum days and hours that block a single transfer). Each agent's part of the
 * objective (hours and days short of the weekly minimums, weekends-off windows, late shifts above
 * the fair share, wishes and preferences broken) is recomputed from the state for each candidate.
 * Deterministic: agents, days and shifts in index order, first improvement, and the budget counts
 * candidate moves evaluated, never time. O(budget x days).
 *
 * @internal
 * @returns the candidate moves evaluated (at most `moveBudget` plus one pass's last agent's candidates).
 */
export function improveRoster(state: RosterState, moveBudget: number): number {
  const p = state.problem;
  const pen = p.penalties;
  const A = p.agents.length;
  const target = lateTarget(p);
  const weekendOf = new Uint8Array(p.weeks);
  const cost = (a: number): number => {
    const agent = p.agents[a];
    if (agent === undefined) return 0;
    const days = state.dayShift[a] as Int32Array;
    const el = p.eligible[a] as Int32Array;
    const co = p.cost[a] as Float64Array;
    let c = 0;
    weekendOf.fill(0);
    for (let d = 0; d < p.days; d++) {
      const h = days[d] ?? -1;
      if (h < 0) continue;
      c += co[binarySearch(el, h)] ?? 0;
      if (p.weekendDay[d]) weekendOf[Math.floor(d / 7)] = 1;
    }
    const minutes = state.weekMinutes[a] as Float64Array;
    const worked = state.weekDays[a] as Int32Array;
    for (let w = 0; w < p.weeks; w++) {
      if (!p.fullWeek(w)) continue;
      c += (pen.shortHour * Math.max(0, agent.minPaidMinutesPerWeek - (minutes[w] ?? 0))) / 60;
      c += pen.shortDay * Math.max(0, agent.minDaysPerWeek - (worked[w] ?? 0));
    }
    for (const [from, to, required] of p.weekendWindows) {
      let n = 0;
      for (let w = from; w < to; w++) n += weekendOf[w] ?? 0;
      c += pen.weekendWorked * Math.max(0, n - (to - from - required));
    }
    c += pen.lateExcess * Math.max(0, (state.lateCount[a] ?? 0) - target);
    return c;
  };
  const agentCost = Float64Array.from({ length: A }, (_, a) => cost(a));
  const holders = (s: number): number[] => {
    const g = p.shifts[s] as ShiftGroup;
    const out: number[] = [];
    for (const a of onShift[s] ?? []) if (state.dayShift[a]?.[g.dayIndex] === s) out.push(a);
    return out;
  };
  // who may work each shift, and who works it now (kept up to date lazily through holders())
  const eligibleAgents: number[][] = p.shifts.map(() => []);
  p.eligible.forEach((el, a) => {
    for (const s of el) eligibleAgents[s]?.push(a);
  });
  const onShift: Set<number>[] = p.shifts.map(() => new Set<number>());
  state.dayShift.forEach((days, a) => {
    for (const s of days) if (s >= 0) onShift[s]?.add(a);
  });
  const put = (a: number, s: number) => {
    state.add(a, s);
    onShift[s]?.add(a);
  };
  const take = (a: number, s: number) => {
    state.remove(a, s);
    onShift[s]?.delete(a);
  };
  let evaluated = 0;
  const EPS = 1e-9;

  /** Best transfer into or out of shift s; applies it when it improves. */
  const transfer = (s: number): boolean => {
    const g = p.shifts[s] as ShiftGroup;
    const who = holders(s);
    // the agent who gains most by taking s (with the seat free)
    let bestB = -1;
    let bestDb = Infinity;
    const empty = g.seats.length - who.length;
    const freed = empty > 0 ? -1 : (who[0] ?? -1);
    if (freed >= 0) state.remove(freed, s);
    for (const b of eligibleAgents[s] ?? []) {
      if (b === freed || !state.canAdd(b, s)) continue;
      evaluated++;
      state.add(b, s);
      const db = cost(b) - (agentCost[b] ?? 0);
      state.remove(b, s);
      if (db < bestDb - EPS) {
        bestDb = db;
        bestB = b;
      }
    }
    if (freed >= 0) state.add(freed, s);
    if (bestB < 0) return false;
    if (empty > 0) {
      if (bestDb - pen.unfilledShift < -EPS) {
        put(bestB, s);
        agentCost[bestB] = cost(bestB);
        return true;
      }
      return false;
    }
    // the holder who gains most by giving s up (bestB must still be able to take it then)
    let bestA = -1;
    let bestDa = Infinity;
    for (const a of who) {
      if (a === bestB) continue;
      evaluated++;
      state.remove(a, s);
      const da = cost(a) - (agentCost[a] ?? 0);
      const ok = state.canAdd(bestB, s);
      state.add(a, s);
      if (ok && da < bestDa - EPS) {
        bestDa = da;
        bestA = a;
      }
    }
    if (bestA < 0 || bestDa + bestDb >= -EPS) return false;
    take(bestA, s);
    put(bestB, s);
    agentCost[bestA] = cost(bestA);
    agentCost[bestB] = cost(bestB);
    return true;
  };

  /** Tries a works s, b works t -> a works t, b works s; applies it when it improves. */
  const swap = (a: number, s: number, b: number, t: number): boolean => {
    evaluated++;
    take(a, s);
    take(b, t);
    let ok = false;
    if (state.canAdd(a, t)) {
      put(a, t);
      if (state.canAdd(b, s)) {
        put(b, s);
        const delta = cost(a) + cost(b) - (agentCost[a] ?? 0) - (agentCost[b] ?? 0);
        if (delta < -EPS) ok = true;
        else take(b, s);
      }
      if (!ok) take(a, t);
    }
    if (ok) {
      agentCost[a] = cost(a);
      agentCost[b] = cost(b);
      return true;
    }
    put(a, s);
    put(b, t);
    return false;
  };

  const isEligible = (a: number, s: number) => state.isEligible(a, s);
  let improved = true;
  while (improved && evaluated < moveBudget) {
    improved = false;
    for (let s = 0; s < p.shifts.length && evaluated < moveBudget; s++) if (transfer(s)) improved = true;
    // swaps within a week: a's shift on day d for b's shift on day e (d = e: same day)
    for (let a = 0; a < A && evaluated < moveBudget; a++) {
      const daysA = state.dayShift[a] as Int32Array;
      for (let d = 0; d < p.days; d++) {
        const s = daysA[d] ?? -1;
        if (s < 0) continue;
        const w0 = 7 * Math.floor(d / 7);
        for (let b = a + 1; b < A; b++) {
          const daysB = state.dayShift[b] as Int32Array;
          if (!isEligible(b, s)) continue;
          for (let e = w0; e < Math.min(p.days, w0 + 7); e++) {
            const t = daysB[e] ?? -1;
            if (t < 0 || t === s || !isEligible(a, t)) continue;
            if (e !== d && ((daysA[e] ?? -1) >= 0 || (daysB[d] ?? -1) >= 0)) continue;
            if (swap(a, s, b, t)) {
              improved = true;
              break;
            }
          }
          if ((daysA[d] ?? -1) !== s) break;
        }
      }
    }
  }
  return evaluated;
}
