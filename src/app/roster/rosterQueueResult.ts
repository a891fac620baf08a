import type { RosterCoverage } from '../../rostering/rosterCoverage.js';
import type { ShiftSchedule } from '../../scheduling/scheduleShifts.js';

/** One queue of a roster run: its seats, how many were filled, its coverage by the agents rostered on it. */
export interface RosterQueueResult {
  queue: string;
  /** Seats of the queue (shifts to fill, one agent each). */
  shifts: number;
  assignedShifts: number;
  unfilledShifts: number;
  /**
   * Coverage of the queue's requirement rows by the agents rostered on its seats (`rosterCoverage`
   * with `queue`: an agent counts on the queue of the seat their skills let them take).
   */
  coverage: RosterCoverage;
  /** Sum over the queue's rows of max(0, required - net), agent-intervals. */
  underAgentIntervals: number;
  /** The schedule built for the queue from the requirement; undefined with a schedule file. */
  schedule?: ShiftSchedule;
}
