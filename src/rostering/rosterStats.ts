import { localMinuteOfDay } from '../time/localCalendar.js';
import type { RosterProblem } from './rosterProblem.js';
import type { ShiftGroup } from './shiftGroups.js';
import type { Agent, AgentRosterStats, RosterRules } from './types.js';

/**
 * Per-agent figures of a roster (see `AgentRosterStats`): shifts, days, paid hours, free weekends
 * of the horizon's complete weekends, early and late shifts (agent's local start), soft wishes
 * kept, the share of wishes and preferences granted, wage cost (paid hours x cost per hour) and the
 * soft penalty (weights of wishes broken and of shifts not of a preferred kind). O(assignments x
 * requests).
 *
 * @internal
 */
export function rosterStats(
  problem: RosterProblem,
  agents: readonly Agent[],
  rules: RosterRules,
  byAgent: readonly (readonly number[])[],
): AgentRosterStats[] {
  // weeks with every weekend day inside the horizon
  const weekendWeeks: number[] = [];
  for (let w = 0; w < problem.weeks; w++) {
    let n = 0;
    for (let d = 7 * w; d < Math.min(problem.days, 7 * w + 7); d++) n += problem.weekendDay[d] ?? 0;
    if (n === rules.weekendDays.length && n > 0) weekendWeeks.push(w);
  }
  return agents.map((agent, a) => {
    const list = (byAgent[a] ?? []).map((s) => problem.shifts[s] as ShiftGroup);
    const days = new Set(list.map((g) => g.dayIndex)).size;
    const paidMinutes = list.reduce((t, g) => t + g.paidMinutes, 0);
    const workedWeekend = new Set(
      list.filter((g) => problem.weekendDay[g.dayIndex]).map((g) => Math.floor(g.dayIndex / 7)),
    );
    let early = 0;
    let late = 0;
    let penalty = 0;
    let preferredShifts = 0;
    let preferredAsked = 0;
    for (const g of list) {
      const m = localMinuteOfDay(g.startMs, agent.timeZone);
      const isEarly = m < rules.earlyStartBeforeMinutes;
      const isLate = m >= rules.lateStartFromMinutes;
      if (isEarly) early++;
      if (isLate) late++;
      for (const p of agent.shiftPreferences) {
        preferredAsked++;
        if ((p.kind === 'early' && isEarly) || (p.kind === 'late' && isLate)) preferredShifts++;
        else penalty += p.weight;
      }
    }
    const wishes = agent.timeOff.filter((t) => t.kind === 'soft');
    let kept = 0;
    for (const t of wishes) {
      const broken = list.filter((g) => t.startMs < g.endMs && g.startMs < t.endMs).length;
      if (broken === 0) kept++;
      penalty += broken * t.weight;
    }
    const asked = wishes.length + preferredAsked;
    return {
      agentId: agent.id,
      shifts: list.length,
      days,
      paidHours: paidMinutes / 60,
      weekendsOff: weekendWeeks.filter((w) => !workedWeekend.has(w)).length,
      weekends: weekendWeeks.length,
      earlyShifts: early,
      lateShifts: late,
      wishesGranted: kept,
      wishesRequested: wishes.length,
      preferencesGranted: asked === 0 ? 1 : (kept + preferredShifts) / asked,
      cost: (paidMinutes / 60) * agent.contract.costPerHour,
      penalty,
    };
  });
}
