import type { ShiftGroup } from './shiftGroups.js';

/**
 * The hard limits of one agent's contract, in the units the solver counts (internal).
 *
 * @internal
 */
export interface ProblemAgent {
  id: string;
  name: string;
  /** Paid minutes per horizon week (days 0-6, 7-13 ...): at least (soft, see `RosterPenalties`) and at most (hard). */
  minPaidMinutesPerWeek: number;
  maxPaidMinutesPerWeek: number;
  /** Working days per horizon week: at least (soft) and at most (hard). */
  minDaysPerWeek: number;
  maxDaysPerWeek: number;
  /** Most working days in a row (hard). */
  maxConsecutiveDays: number;
  /** Least minutes from the end of one shift to the start of the next (hard). */
  minRestMinutes: number;
  /** Higher = more senior: breaks ties between equal wishes. */
  seniority: number;
}

/** Why an agent may not work a shift (0 = may). @internal */
export enum Ineligible {
  None = 0,
  Skill = 1,
  ShiftType = 2,
  FixedDayOff = 3,
  Availability = 4,
  Leave = 5,
  TooLong = 6,
}

/**
 * A rostering instance: shift groups, agents, who may work what (with the reason why not), and the
 * soft goals' weights (internal; built by `buildRosterProblem`).
 *
 * @internal
 */
export interface RosterProblem {
  shifts: ShiftGroup[];
  agents: ProblemAgent[];
  /** Horizon days (the last shift's day + 1). */
  days: number;
  /** Horizon weeks (7-day blocks from day 0, the last one maybe partial). */
  weeks: number;
  /** Whether week `w` has all 7 days in the horizon (minimums apply to full weeks only). */
  fullWeek: (w: number) => boolean;
  /**
   * Per agent, the shift indexes the agent may work (sorted): skills, allowed types, availability,
   * leave and fixed days off all allow it.
   */
  eligible: Int32Array[];
  /** Per agent, the cost of each eligible shift (same order): soft wishes and shift preferences broken. */
  cost: Float64Array[];
  /** Why agent `a` may not work shift `s` (undefined when it may). */
  whyNot: (a: number, s: number) => string | undefined;
  /** Per shift: a late shift (counted for the late-shift spread). */
  late: Uint8Array;
  /** Per horizon day: 1 when it is a weekend day. */
  weekendDay: Uint8Array;
  /** Weekends-off windows: [first week, last week exclusive, free weekends required]. */
  weekendWindows: [number, number, number][];
  /** Start-time stability: most minutes between an agent's starts in one week, or undefined. */
  maxStartVariationMinutes: number | undefined;
  /** Most agents per (shift type, horizon day), keyed `type|day`. */
  maxPerTypeDay: Map<string, number>;
  penalties: RosterPenalties;
  /**
   * Open shifts (`buildRoster`): a group is a shift any number of its eligible agents may work, its
   * seats no limit and nothing "unfilled" (the model counts the agents on it instead). Default false.
   */
  openSeats?: boolean | undefined;
  /** Each agent's fair share of late shifts when set (else `lateTarget` counts the late seats). */
  lateShare?: number | undefined;
}

/**
 * The weights of the soft goals in the roster objective, largest first: every shift filled, the
 * contract minimums met, weekends off, late shifts spread, then wishes and preferences (their own
 * weights), as used by `assignShifts` (`AssignShiftsOptions.penalties`).
 */
export interface RosterPenalties {
  /** Per agent-shift left unfilled. */
  unfilledShift: number;
  /** Per hour short of an agent's weekly minimum paid hours. */
  shortHour: number;
  /** Per day short of an agent's weekly minimum working days. */
  shortDay: number;
  /** Per window of `weekendsOffEvery` weekends with no weekend off. */
  weekendWorked: number;
  /** Per late shift above an agent's fair share. */
  lateExcess: number;
}

/** The default weights: a shift filled is worth more than every other goal together. @internal */
export const DEFAULT_PENALTIES: RosterPenalties = {
  unfilledShift: 1000,
  shortHour: 10,
  shortDay: 20,
  weekendWorked: 30,
  lateExcess: 5,
};

/** Horizon week of a horizon day (7-day blocks from day 0). @internal */
export function weekOfDay(day: number): number {
  return Math.floor(day / 7);
}

/**
 * Whether one agent may work shifts `p` and then `q` (`p` starting first): different local days
 * and at least `minRestMinutes` from the end of `p` to the start of `q`. O(1).
 *
 * @internal
 * @example
 * const a = { dayIndex: 0, startMs: 0, endMs: 8 * 3_600_000 };
 * const b = { dayIndex: 1, startMs: 18 * 3_600_000, endMs: 26 * 3_600_000 };
 * compatible(a as never, b as never, 11 * 60); // false (10 h rest)
 */
export function compatible(
  p: Pick<ShiftGroup, 'dayIndex' | 'startMs' | 'endMs'>,
  q: Pick<ShiftGroup, 'dayIndex' | 'startMs' | 'endMs'>,
  minRestMinutes: number,
): boolean {
  if (p.dayIndex === q.dayIndex) return false;
  const [first, second] = p.startMs <= q.startMs ? [p, q] : [q, p];
  return second.startMs - first.endMs >= minRestMinutes * 60_000;
}
