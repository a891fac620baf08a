import { lateTarget } from './rosterCheck.js';
import { compatible, type RosterProblem, weekOfDay } from './rosterProblem.js';
import type { ShiftGroup } from './shiftGroups.js';

/** Days either side of a shift whose shifts can break its rest rule. */
const REST_REACH_DAYS = 2;

/**
 * A roster under construction that never breaks a hard rule: `canAdd` checks a shift against the
 * agent's day, rest, weekly hours and days, days in a row, start-time stability and the per-type
 * daily maximum before `add` takes it (internal).
 *
 * @internal
 */
export class RosterState {
  readonly problem: RosterProblem;
  /** Per agent, per horizon day: the group worked or -1. */
  readonly dayShift: Int32Array[];
  readonly weekMinutes: Float64Array[];
  readonly weekDays: Int32Array[];
  readonly lateCount: Int32Array;
  readonly filled: Int32Array;
  readonly typeDay = new Map<string, number>();
  /** Per agent, per shift: 1 when eligible. */
  private readonly ok: Uint8Array;

  constructor(problem: RosterProblem) {
    this.problem = problem;
    const A = problem.agents.length;
    const S = problem.shifts.length;
    this.dayShift = Array.from({ length: A }, () => new Int32Array(problem.days).fill(-1));
    this.weekMinutes = Array.from({ length: A }, () => new Float64Array(problem.weeks));
    this.weekDays = Array.from({ length: A }, () => new Int32Array(problem.weeks));
    this.lateCount = new Int32Array(A);
    this.filled = new Int32Array(S);
    this.ok = new Uint8Array(A * S);
    problem.eligible.forEach((el, a) => {
      for (const s of el) this.ok[a * S + s] = 1;
    });
  }

  isEligible(a: number, s: number): boolean {
    return this.ok[a * this.problem.shifts.length + s] === 1;
  }

  /** Whether agent `a` can take shift `s` without breaking a hard rule. O(days in a row + reach). */
  canAdd(a: number, s: number): boolean {
    const p = this.problem;
    const g = p.shifts[s] as ShiftGroup;
    const agent = p.agents[a];
    if (agent === undefined || !this.isEligible(a, s)) return false;
    if (p.openSeats !== true && (this.filled[s] ?? 0) >= g.seats.length) return false;
    const days = this.dayShift[a] as Int32Array;
    const d = g.dayIndex;
    if ((days[d] ?? -1) >= 0) return false;
    for (let e = Math.max(0, d - REST_REACH_DAYS); e <= Math.min(p.days - 1, d + REST_REACH_DAYS); e++) {
      const h = days[e] ?? -1;
      if (h >= 0 && !compatible(g, p.shifts[h] as ShiftGroup, agent.minRestMinutes)) return false;
    }
    const w = weekOfDay(d);
    if ((this.weekMinutes[a]?.[w] ?? 0) + g.paidMinutes > agent.maxPaidMinutesPerWeek + 1e-9) return false;
    if ((this.weekDays[a]?.[w] ?? 0) + 1 > agent.maxDaysPerWeek) return false;
    let run = 1;
    for (let e = d - 1; e >= 0 && (days[e] ?? -1) >= 0; e--) run++;
    for (let e = d + 1; e < p.days && (days[e] ?? -1) >= 0; e++) run++;
    if (run > agent.maxConsecutiveDays) return false;
    const v = p.maxStartVariationMinutes;
    if (v !== undefined) {
      for (let e = 7 * w; e < Math.min(p.days, 7 * w + 7); e++) {
        const h = days[e] ?? -1;
        if (h >= 0 && Math.abs((p.shifts[h] as ShiftGroup).startMinuteOfDay - g.startMinuteOfDay) > v + 1e-9)
          return false;
      }
    }
    const max = p.maxPerTypeDay.get(`${g.type}|${d}`);
    if (max !== undefined && (this.typeDay.get(`${g.type}|${d}`) ?? 0) >= max) return false;
    return true;
  }

  add(a: number, s: number): void {
    this.change(a, s, 1);
  }

  remove(a: number, s: number): void {
    this.change(a, s, -1);
  }

  private change(a: number, s: number, sign: 1 | -1): void {
    const g = this.problem.shifts[s] as ShiftGroup;
    const w = weekOfDay(g.dayIndex);
    (this.dayShift[a] as Int32Array)[g.dayIndex] = sign > 0 ? s : -1;
    (this.weekMinutes[a] as Float64Array)[w] = (this.weekMinutes[a]?.[w] ?? 0) + sign * g.paidMinutes;
    (this.weekDays[a] as Int32Array)[w] = (this.weekDays[a]?.[w] ?? 0) + sign;
    if (this.problem.late[s]) this.lateCount[a] = (this.lateCount[a] ?? 0) + sign;
    this.filled[s] = (this.filled[s] ?? 0) + sign;
    const key = `${g.type}|${g.dayIndex}`;
    this.typeDay.set(key, (this.typeDay.get(key) ?? 0) + sign);
  }

  /** The groups each agent works, in day order. */
  byAgent(): number[][] {
    return this.dayShift.map((days) => [...days].filter((s) => s >= 0));
  }
}

/**
 * The repair heuristic: fills the seats scarcest first (fewest agents able to work the shift per
 * seat, then by start), each with the agent who can take it without breaking a hard rule and whom
 * it suits best (the lowest sum of: the wishes it breaks, minus the hours it brings towards the
 * weekly minimum, plus the penalty of a late shift above the fair share or of a weekend that
 * leaves a weekends-off window short, then fewest hours so far, then input order); then, for each seat
 * still empty, tries every agent who could work it by moving one of that agent's shifts nearby to
 * another agent who can take it (an ejection chain of length one). Never breaks a hard rule: seats
 * nobody can take stay unfilled. Deterministic. O(seats x agents x days in a row).
 *
 * @internal
 */
export function greedyRoster(problem: RosterProblem): RosterState {
  const state = new RosterState(problem);
  const S = problem.shifts.length;
  const eligibleCount = new Int32Array(S);
  const costOf = new Map<number, number>();
  const eligibleAgents: number[][] = Array.from({ length: S }, () => []);
  problem.eligible.forEach((el, a) => {
    const co = problem.cost[a] as Float64Array;
    el.forEach((s, e) => {
      eligibleCount[s] = (eligibleCount[s] ?? 0) + 1;
      eligibleAgents[s]?.push(a);
      costOf.set(a * S + s, co[e] ?? 0);
    });
  });
  const order = problem.shifts
    .map((g) => g.index)
    .sort(
      (p, q) =>
        (eligibleCount[p] ?? 0) / (problem.shifts[p]?.seats.length ?? 1) -
          (eligibleCount[q] ?? 0) / (problem.shifts[q]?.seats.length ?? 1) ||
        (problem.shifts[p]?.startMs ?? 0) - (problem.shifts[q]?.startMs ?? 0) ||
        p - q,
    );
  const target = lateTarget(problem);
  const pen = problem.penalties;
  /** Whether agent a works a weekend day of week w. */
  const worksWeekend = (a: number, w: number): boolean => {
    const days = state.dayShift[a] as Int32Array;
    for (let d = 7 * w; d < Math.min(problem.days, 7 * w + 7); d++)
      if (problem.weekendDay[d] && (days[d] ?? -1) >= 0) return true;
    return false;
  };
  const score = (a: number, s: number): number => {
    const g = problem.shifts[s] as ShiftGroup;
    const agent = problem.agents[a];
    if (agent === undefined) return Infinity;
    const w = weekOfDay(g.dayIndex);
    const short = Math.max(0, agent.minPaidMinutesPerWeek - (state.weekMinutes[a]?.[w] ?? 0));
    let sc = costOf.get(a * S + s) ?? 0;
    sc -= (pen.shortHour * Math.min(short, g.paidMinutes)) / 60;
    if (problem.late[s] && (state.lateCount[a] ?? 0) >= target) sc += pen.lateExcess;
    if (problem.weekendDay[g.dayIndex] && !worksWeekend(a, w))
      for (const [from, to, required] of problem.weekendWindows) {
        if (w < from || w >= to) continue;
        let worked = 0;
        for (let v = from; v < to; v++) if (worksWeekend(a, v)) worked++;
        if (worked + 1 > to - from - required) sc += pen.weekendWorked;
      }
    sc += (0.001 * (state.weekMinutes[a]?.[w] ?? 0)) / Math.max(1, agent.maxPaidMinutesPerWeek);
    return sc;
  };
  const best = (s: number, except: number): number => {
    let pick = -1;
    let pickScore = Infinity;
    for (const a of eligibleAgents[s] ?? []) {
      if (a === except || !state.canAdd(a, s)) continue;
      const sc = score(a, s);
      if (sc < pickScore - 1e-12) {
        pick = a;
        pickScore = sc;
      }
    }
    return pick;
  };
  for (const s of order) {
    const seats = problem.shifts[s]?.seats.length ?? 0;
    while ((state.filled[s] ?? 0) < seats) {
      const a = best(s, -1);
      if (a < 0) break;
      state.add(a, s);
    }
  }
  // repair: free an agent for an empty seat by moving one of their nearby shifts to someone else
  for (const s of order) {
    const g = problem.shifts[s] as ShiftGroup;
    for (const a of eligibleAgents[s] ?? []) {
      if ((state.filled[s] ?? 0) >= g.seats.length) break;
      if (state.canAdd(a, s)) {
        state.add(a, s);
        continue;
      }
      const days = state.dayShift[a] as Int32Array;
      for (
        let e = Math.max(0, g.dayIndex - REST_REACH_DAYS);
        e <= Math.min(problem.days - 1, g.dayIndex + REST_REACH_DAYS);
        e++
      ) {
        const h = days[e] ?? -1;
        if (h < 0) continue;
        state.remove(a, h);
        if (state.canAdd(a, s)) {
          state.add(a, s);
          const b = best(h, a);
          if (b >= 0) {
            state.add(b, h);
            break;
          }
          state.remove(a, s);
        }
        state.add(a, h);
      }
    }
  }
  return state;
}

const clockOf = (g: ShiftGroup) => `${g.date} ${g.startTime}`;

/**
 * Why agent `a`, who may work shift `s`, cannot take it in the roster `state` (the first hard rule
 * it would break), in a planner's words; undefined when it could. O(days in a row).
 *
 * @internal
 */
export function blockedReason(state: RosterState, a: number, s: number): string | undefined {
  const p = state.problem;
  const g = p.shifts[s] as ShiftGroup;
  const agent = p.agents[a];
  if (agent === undefined) return undefined;
  const days = state.dayShift[a] as Int32Array;
  const d = g.dayIndex;
  const same = days[d] ?? -1;
  if (same === s) return 'works it';
  if (same >= 0)
    return `works ${(p.shifts[same] as ShiftGroup).type} ${(p.shifts[same] as ShiftGroup).startTime} that day`;
  for (let e = Math.max(0, d - REST_REACH_DAYS); e <= Math.min(p.days - 1, d + REST_REACH_DAYS); e++) {
    const h = days[e] ?? -1;
    if (h >= 0 && !compatible(g, p.shifts[h] as ShiftGroup, agent.minRestMinutes))
      return `needs ${agent.minRestMinutes / 60} h rest around ${clockOf(p.shifts[h] as ShiftGroup)}`;
  }
  const w = weekOfDay(d);
  if ((state.weekMinutes[a]?.[w] ?? 0) + g.paidMinutes > agent.maxPaidMinutesPerWeek + 1e-9)
    return `has ${(state.weekMinutes[a]?.[w] ?? 0) / 60} of at most ${agent.maxPaidMinutesPerWeek / 60} paid hours that week`;
  if ((state.weekDays[a]?.[w] ?? 0) + 1 > agent.maxDaysPerWeek)
    return `works the most days allowed that week (${agent.maxDaysPerWeek})`;
  let run = 1;
  for (let e = d - 1; e >= 0 && (days[e] ?? -1) >= 0; e--) run++;
  for (let e = d + 1; e < p.days && (days[e] ?? -1) >= 0; e++) run++;
  if (run > agent.maxConsecutiveDays)
    return `would work ${run} days in a row (at most ${agent.maxConsecutiveDays})`;
  const v = p.maxStartVariationMinutes;
  if (v !== undefined)
    for (let e = 7 * w; e < Math.min(p.days, 7 * w + 7); e++) {
      const h = days[e] ?? -1;
      if (h >= 0 && Math.abs((p.shifts[h] as ShiftGroup).startMinuteOfDay - g.startMinuteOfDay) > v + 1e-9)
        return `starts at ${(p.shifts[h] as ShiftGroup).startTime} that week (starts vary by at most ${v / 60} h)`;
    }
  const max = p.maxPerTypeDay.get(`${g.type}|${d}`);
  if (max !== undefined && (state.typeDay.get(`${g.type}|${d}`) ?? 0) >= max)
    return `the day has the most '${g.type}' shifts allowed (${max})`;
  return undefined;
}
