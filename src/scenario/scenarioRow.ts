import type { ShiftSchedule } from '../scheduling/scheduleShifts.js';
import type { MipStop } from '../scheduling/solveMip.js';

/** The figures of one scenario (the base or a variant). */
export interface ScenarioRow {
  /** 'base' or the variant's name. */
  name: string;
  /** Forecast contacts over the horizon (after the volume overrides). */
  forecastCalls: number;
  /** Agent-hours needed on the phones. */
  agentHours: number;
  /** FTE (`fteOf`): paid hours of the schedule per week / paidHoursPerWeek; without a schedule the
   *  required scheduled agent-hours (after shrinkage) per week / paidHoursPerWeek. */
  fte: number;
  /** What `fte` divides, in words (`fteBasis`), e.g. `'paid hours per week / 40 h'`. */
  fteBasis: string;
  /** Most agents needed on the phones in one interval. */
  peakAgents: number;
  /** Cost of the schedule; null without scheduling. */
  scheduleCost: number | null;
  /**
   * How the schedule's MIP ended (`ShiftSchedule['status']`): 'optimal' when HiGHS proved the
   * schedule optimal, 'feasible' or 'heuristic' when it stopped first (see `scheduleStoppedBy`) or
   * had no valid bound, with the best schedule found by then; null without scheduling.
   */
  scheduleStatus: ShiftSchedule['status'] | null;
  /**
   * Why the schedule's MIP stopped (`ShiftSchedule['stoppedBy']`): 'gap' (proven), 'work' (the
   * deterministic `schedule.workLimit`: the same on every run), 'time' (the wall-clock safety net
   * `schedule.timeLimitSeconds`: can differ between runs under another machine load), 'error';
   * null without scheduling.
   */
  scheduleStoppedBy: MipStop | null;
  /** Relative gap of the schedule's cost to the solver's bound (`ShiftSchedule['gap']`); null without scheduling or bound. */
  scheduleGap: number | null;
  /** Contact-weighted service level over the horizon, 0..1 (of the schedule, or of the requirement). */
  serviceLevel: number;
  /** Contact-weighted mean wait of answered contacts, seconds. */
  asaSeconds: number;
  /** Share of contacts abandoning, 0..1. */
  abandonRate: number;
  /**
   * Whole outbound calls that fit into the quiet periods of the schedule (`PlanSummary.outbound.calls`);
   * null without an `outbound` config or without scheduling (it needs the scheduled agents).
   */
  outboundCalls: number | null;
  /** Whether the figures come from a schedule (true) or from the requirement (false). */
  scheduled: boolean;
  /** With a roster (base plan with `agents`, scheduling): paid hours of the rostered shifts; else absent. */
  rosterPaidHours?: number | null;
  /** With a roster: wage cost of the rostered shifts (paid hours x each agent's cost per hour). */
  rosterCost?: number | null;
  /** With a roster: agent-intervals the rostered agents fall short of the scheduled requirement, summed over the queues. */
  rosterUnderAgentIntervals?: number | null;
  /** With a roster: shifts left unfilled. */
  rosterUnfilledShifts?: number | null;
  /** With a roster and a `weekendsOff` roster rule: agents meeting it (`PlanRosterSummary.weekendsOffMet`); null without the rule. */
  rosterWeekendsOffMet?: number | null;
  /**
   * With a roster: contact-weighted service level over the horizon with the agents really
   * rostered (`PlanRosterSummary.serviceLevel`); null when it was not evaluated.
   */
  rosterServiceLevel?: number | null;
}
