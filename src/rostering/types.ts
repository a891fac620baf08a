import type { Weekday } from '../time/weekday.js';

/**
 * The rostering domain: named agents with contracts, availability and time off (what a planner
 * gives), the rules every roster keeps, and the roster itself (what the planner gets back).
 *
 * Conventions (DESIGN.md section 3): instants are epoch milliseconds (`startMs`, `endMs`, half-open
 * `[startMs, endMs)`), local times of day are minutes after local midnight in the agent's
 * `timeZone` (`startMinutes`), durations and amounts carry their unit in the name (`minRestHours`,
 * `paidHours`). A "week" is seven local days counted from the first local day of the horizon; a
 * "weekend" of a week is its days listed in `RosterRules.weekendDays`. These types are plain data:
 * no zod, no files; `src/io` reads and writes them, `src/rostering` solves with them.
 */

/**
 * A window of local time on one weekday, in minutes after local midnight of that day:
 * `startMinutes` in 0..1439, `endMinutes` after it and less than a day later (`0..1440` is the
 * whole day), so at most 2879. An end past 1440 crosses
 * midnight into the next day (`22:00-06:00` is `{ startMinutes: 1320, endMinutes: 1800 }`).
 * A shift starting on that weekday fits the window when its local start and its local end (counted
 * from the same midnight) both lie inside it.
 */
export interface TimeWindow {
  startMinutes: number;
  endMinutes: number;
}

/**
 * When an agent can work, per weekday of the shift start. A weekday that is absent (or has no
 * windows) is a day the agent cannot start a shift; `Agent.availability` undefined means available
 * at any time on every weekday.
 */
export type WeeklyAvailability = Partial<Record<Weekday, readonly TimeWindow[]>>;

/**
 * A time-off request over the real clock, `[startMs, endMs)`. `hard`: approved leave, no shift may
 * overlap it. `soft`: a wish; a shift overlapping it is allowed but costs `weight` (> 0) in the
 * roster's objective, once per overlapping shift. A request given as dates (`2024-03-04` to
 * `2024-03-06`) runs from local midnight of the first date to local midnight after the last, in
 * the agent's time zone.
 */
export interface TimeOffRequest {
  kind: 'hard' | 'soft';
  startMs: number;
  endMs: number;
  /** Penalty of breaking a soft wish (>= 0); ignored for hard leave (use `Infinity` or 0 there). */
  weight: number;
  /** Free text shown back to the planner (e.g. "annual leave"). */
  note?: string;
}

/**
 * Which shifts an agent prefers: `early` shifts start before `RosterRules.earlyStartBeforeMinutes`,
 * `late` shifts start at or after `RosterRules.lateStartFromMinutes` (local time of the agent). Each
 * rostered shift that is not of the preferred kind costs `weight` (>= 0) in the objective.
 */
export interface ShiftPreference {
  kind: 'early' | 'late';
  weight: number;
}

/**
 * An agent's contract. Hours are paid hours (shift length minus unpaid breaks); week limits apply
 * to every week of the horizon (a horizon ending mid-week scales nothing: a partial last week is
 * held to its maxima only). `minDaysPerWeek <= maxDaysPerWeek <= 7`, `minHoursPerWeek <=
 * maxHoursPerWeek`, `maxConsecutiveDays >= 1`. Consecutive working days count local calendar
 * days on which a shift starts.
 */
export interface Contract {
  /** Label shown to the planner, e.g. `"full-time"`, `"part-time 24h"`. */
  name: string;
  minHoursPerWeek: number;
  maxHoursPerWeek: number;
  minDaysPerWeek: number;
  maxDaysPerWeek: number;
  maxConsecutiveDays: number;
  /** Minimum hours between the end of one shift and the start of the next (e.g. 11). */
  minRestHours: number;
  /** Shift types (`ShiftRules` type names) the agent may work; undefined: any type. */
  shiftTypes?: readonly string[];
  /** Wage cost per paid hour, in the planner's currency (default 1: cost = paid hours). */
  costPerHour: number;
}

/**
 * A named agent: who they are, what they may do and when they may not.
 * `skills` are queue names; an agent works a shift of a queue only with that skill.
 */
export interface Agent {
  /** Unique id (stable across files; used in every output). */
  id: string;
  name: string;
  contract: Contract;
  /** Queue names the agent can serve (non-empty). */
  skills: readonly string[];
  /** Site or team label (free text). */
  site: string;
  /** IANA time zone of the agent's local times (availability, fixed days off, dates of leave). */
  timeZone: string;
  /** Weekly windows when shifts may be placed; undefined: always available. */
  availability?: WeeklyAvailability;
  /** Weekdays never worked (hard), e.g. `['sat']` for a Shabbat-observant agent. */
  fixedDaysOff: readonly Weekday[];
  /** Approved leave (hard) and wishes (soft), over the real clock. */
  timeOff: readonly TimeOffRequest[];
  /** Preferred kinds of shift (soft), at most one per kind. */
  shiftPreferences: readonly ShiftPreference[];
  /** Seniority (higher = more senior, e.g. years of service); breaks ties on soft wishes. */
  seniority: number;
}

/**
 * Limits on how many agents work a shift type on one local day (of the site's zone).
 */
export interface ShiftTypeLimits {
  minAgentsPerDay?: number | undefined;
  maxAgentsPerDay?: number | undefined;
}

/**
 * Weekends-off fairness: every agent has at least `minFreeWeekends` free weekends in every
 * `perWeeks` consecutive weeks of the horizon (a window shorter than `perWeeks` at the end is held
 * to `minFreeWeekends` scaled down, rounded down). A weekend is free when no shift of the agent
 * starts on any of its `weekendDays`.
 */
export interface WeekendsOffRule {
  minFreeWeekends: number;
  perWeeks: number;
}

/**
 * The rules every roster keeps, on top of each agent's contract (all hard unless said otherwise).
 */
export interface RosterRules {
  /** Weekend days, in order; default `['sat', 'sun']` (an Israeli centre: `['fri', 'sat']`). */
  weekendDays: readonly Weekday[];
  /** Weekends-off fairness; undefined: no rule. */
  weekendsOff?: WeekendsOffRule | undefined;
  /**
   * No quick returns: minimum hours from any shift end to the agent's next shift start; the rest
   * an agent gets is the larger of this and `Contract.minRestHours`. 0: none beyond the contract.
   */
  minRestHours: number;
  /**
   * Start-time stability: within one week, an agent's local shift starts differ by at most this
   * many hours (a start past midnight counts from the previous midnight). undefined: no limit.
   */
  maxStartVariationHours?: number | undefined;
  /** Min/max agents per shift type and day, keyed by shift type name. */
  shiftTypeLimits: Readonly<Record<string, ShiftTypeLimits>>;
  /** A shift starting before this local minute of day is an early shift (default 540 = 09:00). */
  earlyStartBeforeMinutes: number;
  /** A shift starting at or after this local minute of day is a late shift (default 720 = 12:00). */
  lateStartFromMinutes: number;
}

/** A break of a rostered shift, on the real clock. */
export interface RosterBreak {
  name: string;
  startMs: number;
  durationMinutes: number;
  paid: boolean;
}

/**
 * A shift to be worked by one agent (one seat of a schedule's shift group, or a shift built for an
 * agent): `[startMs, endMs)` on the real clock, so a night shift crosses midnight and a DST night
 * is an hour shorter or longer. `queue` is the queue served (the skill needed); undefined: any.
 */
export interface RosterShift {
  /** Stable id of the seat, unique in the horizon (e.g. `"early-2024-03-04T07:00-3"`). */
  id: string;
  /** Shift type name (`ShiftRules`). */
  shiftType: string;
  queue?: string;
  startMs: number;
  endMs: number;
  /** Paid minutes (length minus unpaid breaks). */
  paidMinutes: number;
  breaks: readonly RosterBreak[];
}

/** One shift given to one agent. */
export interface RosterAssignment extends RosterShift {
  agentId: string;
}

/**
 * A shift left unfilled and why, in a planner's words (e.g. `"needs skill 'stocks': 9 of 12
 * agents with it are busy, A. Cohen is on leave"`).
 */
export interface UnfilledShift {
  shift: RosterShift;
  reasons: readonly string[];
}

/**
 * Per-agent figures of a roster, over the whole horizon.
 * `preferencesGranted` is a fraction in 0..1: (soft wishes kept + shifts of a preferred kind) /
 * (soft wishes + shifts of an agent with a preference); 1 when the agent asked nothing.
 */
export interface AgentRosterStats {
  agentId: string;
  shifts: number;
  /** Local calendar days with a shift start. */
  days: number;
  paidHours: number;
  /** Free weekends of `weekends` (weeks of the horizon that contain every weekend day). */
  weekendsOff: number;
  weekends: number;
  earlyShifts: number;
  lateShifts: number;
  wishesGranted: number;
  wishesRequested: number;
  preferencesGranted: number;
  /** Wage cost: paid hours x `Contract.costPerHour`. */
  cost: number;
  /** Soft penalty: weights of broken wishes and shifts not of a preferred kind. */
  penalty: number;
}

/** Roster totals over all agents. */
export interface RosterTotals {
  agents: number;
  assignedShifts: number;
  unfilledShifts: number;
  paidHours: number;
  cost: number;
  penalty: number;
}

/**
 * How a roster was found: `mip` (HiGHS, with the best bound and relative gap when proven),
 * `heuristic` (repair heuristic, no bound).
 */
export interface RosterSolveInfo {
  method: 'mip' | 'heuristic';
  objective: number;
  /** Best proven lower bound of the objective; undefined without a MIP. */
  bound?: number;
  /** Relative gap `(objective - bound) / max(1, |objective|)` in 0..1; undefined without a bound. */
  gap?: number;
}

/** A roster: who works which shift, per-agent figures, totals and what was left unfilled. */
export interface Roster {
  /** Assignments sorted by start, then agent id. */
  assignments: readonly RosterAssignment[];
  /** One entry per agent, in the agents' input order (agents without shifts included). */
  agentStats: readonly AgentRosterStats[];
  totals: RosterTotals;
  unfilled: readonly UnfilledShift[];
  solve?: RosterSolveInfo;
}
