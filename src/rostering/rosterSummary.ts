import type { AgentRosterStats, RosterSolveInfo, RosterTotals } from './types.js';

/**
 * How a roster was found (`RosterSolveInfo`) from its method, its objective and the best proven
 * lower bound: the bound is capped at the objective (a heuristic roster better than the solver's
 * incumbent makes the solver's bound no weaker) and the gap is `(objective - bound) / max(1,
 * |objective|)`, in 0..1. Without a bound: method and objective only. O(1).
 *
 * @internal
 * @example
 * rosterSolveInfo('mip', 200, 150); // { method: 'mip', objective: 200, bound: 150, gap: 0.25 }
 * rosterSolveInfo('heuristic', 80, undefined); // { method: 'heuristic', objective: 80 }
 */
export function rosterSolveInfo(
  method: RosterSolveInfo['method'],
  objective: number,
  bound: number | undefined,
): RosterSolveInfo {
  if (bound === undefined) return { method, objective };
  const capped = Math.min(bound, objective);
  return {
    method,
    objective,
    bound: capped,
    gap: Math.max(0, (objective - capped) / Math.max(1, Math.abs(objective))),
  };
}

/**
 * A roster's totals: agents of the team, shifts assigned and left unfilled, and the sums of the
 * per-agent paid hours, wage cost and soft penalty. O(agents).
 *
 * @internal
 * @example
 * rosterTotals(3, 5, 1, [{ paidHours: 16, cost: 320, penalty: 2 }, { paidHours: 8, cost: 160, penalty: 0 }]);
 * // { agents: 3, assignedShifts: 5, unfilledShifts: 1, paidHours: 24, cost: 480, penalty: 2 }
 */
export function rosterTotals(
  agents: number,
  assignedShifts: number,
  unfilledShifts: number,
  stats: readonly Pick<AgentRosterStats, 'paidHours' | 'cost' | 'penalty'>[],
): RosterTotals {
  return {
    agents,
    assignedShifts,
    unfilledShifts,
    paidHours: stats.reduce((t, s) => t + s.paidHours, 0),
    cost: stats.reduce((t, s) => t + s.cost, 0),
    penalty: stats.reduce((t, s) => t + s.penalty, 0),
  };
}
