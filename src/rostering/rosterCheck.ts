import { compatible, type RosterProblem, weekOfDay } from './rosterProblem.js';
import type { ShiftGroup } from './shiftGroups.js';

/**
 * The hard rules a roster breaks, in a planner's words (empty when none). `byAgent[a]` lists the
 * shift groups agent `a` works. Checked: each shift one the agent may work (skill, type,
 * availability, leave, fixed day off), one shift a day, the minimum rest between shifts, the
 * weekly maximum paid hours and days, the most days in a row, start-time stability within a week,
 * the most agents per shift type and day, and no shift given to more agents than its seats (open
 * shifts, `problem.openSeats`, have no seat limit).
 * O(assignments log assignments + agents x days).
 *
 * @internal
 */
export function rosterViolations(problem: RosterProblem, byAgent: readonly (readonly number[])[]): string[] {
  const out: string[] = [];
  const filled = new Int32Array(problem.shifts.length);
  const typeDay = new Map<string, number>();
  byAgent.forEach((list, a) => {
    out.push(...agentViolations(problem, a, list));
    for (const s of list) {
      filled[s] = (filled[s] ?? 0) + 1;
      const g = problem.shifts[s];
      if (g !== undefined)
        typeDay.set(`${g.type}|${g.dayIndex}`, (typeDay.get(`${g.type}|${g.dayIndex}`) ?? 0) + 1);
    }
  });
  problem.shifts.forEach((g, s) => {
    if (problem.openSeats !== true && (filled[s] ?? 0) > g.seats.length)
      out.push(`${label(g)}: ${filled[s]} agents for ${g.seats.length} seats`);
  });
  for (const [key, n] of typeDay) {
    const max = problem.maxPerTypeDay.get(key);
    if (max !== undefined && n > max)
      out.push(`shift type ${key}: ${n} agents, above the maximum ${max} a day`);
  }
  return out;
}

const label = (g: ShiftGroup) => `${g.type} ${g.date} ${g.startTime}`;

/**
 * The hard rules one agent's shifts break (see `rosterViolations`), in a planner's words.
 * O(k log k + days) for k shifts.
 *
 * @internal
 */
export function agentViolations(problem: RosterProblem, a: number, shifts: readonly number[]): string[] {
  const agent = problem.agents[a];
  if (agent === undefined) return [];
  const out: string[] = [];
  const list = shifts
    .map((s) => problem.shifts[s])
    .filter((g): g is ShiftGroup => g !== undefined)
    .sort((p, q) => p.startMs - q.startMs);
  for (const g of list) {
    const why = problem.whyNot(a, g.index);
    if (why !== undefined) out.push(`${agent.name}: ${label(g)}: ${why}`);
  }
  for (let i = 0; i < list.length; i++)
    for (let k = i + 1; k < list.length; k++) {
      const p = list[i] as ShiftGroup;
      const q = list[k] as ShiftGroup;
      if (q.dayIndex > p.dayIndex + 3) break;
      if (!compatible(p, q, agent.minRestMinutes))
        out.push(
          `${agent.name}: ${label(p)} and ${label(q)}: ${p.dayIndex === q.dayIndex ? 'two shifts on one day' : `less than ${agent.minRestMinutes / 60} h rest`}`,
        );
    }
  const weekMinutes = new Map<number, number>();
  const weekDays = new Map<number, number>();
  const weekStarts = new Map<number, number[]>();
  const worked = new Uint8Array(problem.days);
  for (const g of list) {
    const w = weekOfDay(g.dayIndex);
    weekMinutes.set(w, (weekMinutes.get(w) ?? 0) + g.paidMinutes);
    weekDays.set(w, (weekDays.get(w) ?? 0) + 1);
    weekStarts.set(w, [...(weekStarts.get(w) ?? []), g.startMinuteOfDay]);
    worked[g.dayIndex] = 1;
  }
  for (const [w, m] of weekMinutes)
    if (m > agent.maxPaidMinutesPerWeek + 1e-9)
      out.push(
        `${agent.name}: week ${w + 1}: ${m / 60} paid hours, above the maximum ${agent.maxPaidMinutesPerWeek / 60}`,
      );
  for (const [w, d] of weekDays)
    if (d > agent.maxDaysPerWeek)
      out.push(`${agent.name}: week ${w + 1}: ${d} working days, above the maximum ${agent.maxDaysPerWeek}`);
  const v = problem.maxStartVariationMinutes;
  if (v !== undefined)
    for (const [w, starts] of weekStarts)
      if (Math.max(...starts) - Math.min(...starts) > v + 1e-9)
        out.push(`${agent.name}: week ${w + 1}: shift starts vary by more than ${v / 60} h`);
  let run = 0;
  for (let d = 0; d < problem.days; d++) {
    run = worked[d] ? run + 1 : 0;
    if (run === agent.maxConsecutiveDays + 1)
      out.push(
        `${agent.name}: ${run} working days in a row up to day ${d + 1}, above the maximum ${agent.maxConsecutiveDays}`,
      );
  }
  return out;
}

/**
 * The roster objective (lower is better) and its parts: seats left unfilled, hours and days short
 * of the weekly minimums (full weeks only), weekends-off windows short of free weekends, late
 * shifts above each agent's fair share (`lateTarget`), and the wishes and preferences broken.
 * O(assignments + agents x weeks).
 *
 * @internal
 */
export function rosterObjective(problem: RosterProblem, byAgent: readonly (readonly number[])[]) {
  const p = problem.penalties;
  const filled = new Int32Array(problem.shifts.length);
  let shortHours = 0;
  let shortDays = 0;
  let weekendShort = 0;
  let lateExcess = 0;
  let wishes = 0;
  const target = lateTarget(problem);
  byAgent.forEach((list, a) => {
    const agent = problem.agents[a];
    if (agent === undefined) return;
    const minutes = new Float64Array(problem.weeks);
    const daysWorked = new Float64Array(problem.weeks);
    const weekendWorked = new Uint8Array(problem.weeks);
    let late = 0;
    const el = problem.eligible[a] as Int32Array;
    const co = problem.cost[a] as Float64Array;
    for (const s of list) {
      filled[s] = (filled[s] ?? 0) + 1;
      const g = problem.shifts[s] as ShiftGroup;
      const w = weekOfDay(g.dayIndex);
      minutes[w] = (minutes[w] ?? 0) + g.paidMinutes;
      daysWorked[w] = (daysWorked[w] ?? 0) + 1;
      if (problem.weekendDay[g.dayIndex]) weekendWorked[w] = 1;
      if (problem.late[s]) late++;
      const e = binarySearch(el, s);
      if (e >= 0) wishes += co[e] ?? 0;
    }
    for (let w = 0; w < problem.weeks; w++) {
      if (!problem.fullWeek(w)) continue;
      shortHours += Math.max(0, agent.minPaidMinutesPerWeek - (minutes[w] ?? 0)) / 60;
      shortDays += Math.max(0, agent.minDaysPerWeek - (daysWorked[w] ?? 0));
    }
    for (const [from, to, required] of problem.weekendWindows) {
      let worked = 0;
      for (let w = from; w < to; w++) worked += weekendWorked[w] ?? 0;
      weekendShort += Math.max(0, worked - (to - from - required));
    }
    lateExcess += Math.max(0, late - target);
  });
  let unfilled = 0;
  if (problem.openSeats !== true)
    problem.shifts.forEach((g, s) => {
      unfilled += Math.max(0, g.seats.length - (filled[s] ?? 0));
    });
  const objective =
    p.unfilledShift * unfilled +
    p.shortHour * shortHours +
    p.shortDay * shortDays +
    p.weekendWorked * weekendShort +
    p.lateExcess * lateExcess +
    wishes;
  return { objective, unfilled, shortHours, shortDays, weekendShort, lateExcess, wishes };
}

/**
 * Each agent's fair share of late shifts: the late seats over the agents who may work at least one
 * late shift, rounded up (0 without late shifts); `problem.lateShare` when set. O(agents x eligible).
 *
 * @internal
 */
export function lateTarget(problem: RosterProblem): number {
  if (problem.lateShare !== undefined) return problem.lateShare;
  let seats = 0;
  problem.shifts.forEach((g, s) => {
    if (problem.late[s]) seats += g.seats.length;
  });
  const agents = problem.eligible.filter((el) => el.some((s) => problem.late[s] === 1)).length;
  return agents === 0 ? 0 : Math.ceil(seats / agents);
}

/** Index of `value` in the sorted `list`, or -1. O(log n). @internal */
export function binarySearch(list: Int32Array, value: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid] ?? 0;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
