import type { RosterQueueCoverage, RosterReportInput } from '../report/rosterHtml.js';
import type { Agent, Roster } from '../rostering/types.js';
import type { Weekday } from '../time/weekday.js';

/** What {@link rosterReportInput} assembles the roster page from. */
export interface RosterReportInputOptions {
  /** Page title. */
  title: string;
  roster: Roster;
  agents: readonly Agent[];
  /** IANA zone of the roster's days. */
  timeZone: string;
  /** The roster rules' weekend days. */
  weekendDays: readonly Weekday[];
  /** Shift type names in the rules' order (legend and colour order). */
  shiftTypes?: readonly string[] | undefined;
  /** Epoch ms of each interval start (the requirement's rows). */
  starts: ArrayLike<number>;
  intervalMinutes: number;
  /** Queue -> agents required and agents rostered on it (breaks out) per interval, one value per start. */
  queues: Readonly<Record<string, { required: ArrayLike<number>; rostered: ArrayLike<number> }>>;
  /** Epoch ms printed as the time of writing. */
  generatedAt: number;
  /** Program that wrote the page. */
  generator?: string | undefined;
}

/** A shortfall below this many agents is rounding of fractional coverage, not a missing agent. */
const TOLERANCE = 1e-9;

/**
 * The input of the roster page (`renderRosterHtml`) from what `runRoster` has: the roster, the
 * agents and, per queue, the agents required and rostered per interval; each interval's `under`
 * is `required - rostered` when that exceeds 1e-9 agents (so sums of fractional break overlaps
 * that land a hair under the requirement are not marked), else 0. O(queues x intervals).
 *
 * @example
 * const input = rosterReportInput({ title: 'Roster', timeZone: 'UTC', weekendDays: ['sat', 'sun'], agents: [],
 *   roster: { assignments: [], agentStats: [], unfilled: [], totals: { agents: 0, assignedShifts: 0,
 *     unfilledShifts: 0, paidHours: 0, cost: 0, penalty: 0 } },
 *   starts: [0, 900_000, 1_800_000], intervalMinutes: 15, generatedAt: 0,
 *   queues: { sales: { required: [2, 1, 1], rostered: [1, 1, 0.9999999999999] } } });
 * input.coverage?.queues.sales?.under; // [1, 0, 0]
 */
export function rosterReportInput(options: RosterReportInputOptions): RosterReportInput {
  const queues: Record<string, RosterQueueCoverage> = {};
  for (const [queue, q] of Object.entries(options.queues)) {
    const under = Array.from(q.required, (r, t) => {
      const short = r - (q.rostered[t] ?? 0);
      return short > TOLERANCE ? short : 0;
    });
    queues[queue] = { required: q.required, rostered: q.rostered, under };
  }
  return {
    title: options.title,
    timeZone: options.timeZone,
    generatedAt: options.generatedAt,
    generator: options.generator,
    roster: options.roster,
    agents: options.agents,
    weekendDays: options.weekendDays,
    shiftTypes: options.shiftTypes,
    coverage: { starts: options.starts, intervalMinutes: options.intervalMinutes, queues },
  };
}
