import type { AssignedRoster } from '../../rostering/assignShifts.js';
import type { RosterQueueResult } from './rosterQueueResult.js';

const pct = (v: number) => `${(100 * v).toFixed(2)}%`;

/** Options of `rosterMessages`. */
export interface RosterMessagesOptions {
  /**
   * The setting of the MIP's wall-clock safety net as the user wrote it, named when it stopped the
   * roster: `--time-limit` for `staffcast roster`, `roster.timeLimitSeconds` for a plan.
   */
  timeLimitName: string;
  /** Per rostered queue its seats and under-coverage; a line each when there are several. Default: none. */
  queues?: readonly Pick<RosterQueueResult, 'queue' | 'shifts' | 'assignedShifts' | 'underAgentIntervals'>[];
}

/**
 * The lines `staffcast roster` (and a plan with agents) prints: how the roster was found (MIP or
 * heuristic, objective, gap and bound, why the MIP stopped: a stop by the wall-clock safety net
 * names the setting `timeLimitName`), seats filled, paid hours and cost, under-coverage of the
 * requirement by the rostered agents, with several queues one line per queue (seats filled and
 * under-coverage by the agents rostered on it), then each unfilled shift with its reasons.
 * O(queues + unfilled).
 *
 * @example
 * const roster = { solve: { method: 'heuristic', objective: 0 }, stoppedBy: null, totals: { agents: 2,
 *   assignedShifts: 3, unfilledShifts: 0, paidHours: 24, cost: 480, penalty: 0 }, unfilled: [] } as const;
 * rosterMessages(roster, 1.5, { timeLimitName: '--time-limit' })[0];
 * // 'roster: heuristic, objective 0.00, no proven bound; 3 of 3 shifts filled by 2 agents, 24.0 paid hours, cost 480.00\n'
 * rosterMessages(roster, 1.5, { timeLimitName: '--time-limit', queues: [
 *   { queue: 'sales', shifts: 2, assignedShifts: 2, underAgentIntervals: 0 },
 *   { queue: 'care', shifts: 1, assignedShifts: 1, underAgentIntervals: 1.5 }] })[3];
 * // 'roster: queue care: 1 of 1 shifts filled, under-coverage by the agents rostered on it 1.5 agent-intervals\n'
 * rosterMessages({ ...roster, stoppedBy: 'time' }, 0, { timeLimitName: 'roster.timeLimitSeconds' })[0].split(',')[0];
 * // 'roster: heuristic (stopped by the wall-clock safety net roster.timeLimitSeconds: depends on machine load)'
 */
export function rosterMessages(
  roster: Pick<AssignedRoster, 'solve' | 'stoppedBy' | 'totals' | 'unfilled'>,
  underAgentIntervals: number,
  options: RosterMessagesOptions,
): string[] {
  const queues = options.queues ?? [];
  const s = roster.solve;
  const t = roster.totals;
  const stopped =
    roster.stoppedBy === null || roster.stoppedBy === 'gap'
      ? ''
      : roster.stoppedBy === 'work'
        ? ' (stopped by the work budget: the same on every run)'
        : roster.stoppedBy === 'time'
          ? ` (stopped by the wall-clock safety net ${options.timeLimitName}: depends on machine load)`
          : ' (solver failed: heuristic roster)';
  const lines = [
    `roster: ${s?.method ?? 'heuristic'}${stopped}, objective ${(s?.objective ?? 0).toFixed(2)}, ` +
      (s?.gap === undefined ? 'no proven bound' : `gap ${pct(s.gap)} (bound ${(s.bound ?? 0).toFixed(2)})`) +
      `; ${t.assignedShifts} of ${t.assignedShifts + t.unfilledShifts} shifts filled by ${t.agents} agents, ` +
      `${t.paidHours.toFixed(1)} paid hours, cost ${t.cost.toFixed(2)}\n`,
    `roster: under-coverage of the requirement by the rostered agents ${underAgentIntervals.toFixed(1)} agent-intervals\n`,
  ];
  if (queues.length > 1)
    for (const q of queues)
      lines.push(
        `roster: queue ${q.queue}: ${q.assignedShifts} of ${q.shifts} shifts filled, under-coverage by the agents rostered on it ${q.underAgentIntervals.toFixed(1)} agent-intervals\n`,
      );
  const seen = new Set<readonly string[]>();
  for (const u of roster.unfilled) {
    if (seen.has(u.reasons)) continue;
    seen.add(u.reasons);
    const [head, ...why] = u.reasons;
    lines.push(`roster: unfilled: ${head}\n`, ...why.map((w) => `roster:   ${w}\n`));
  }
  return lines;
}
