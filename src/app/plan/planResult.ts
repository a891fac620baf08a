import type { Forecast } from '../../forecast/types.js';
import type { ReadReport } from '../../io/readReport.js';
import type { ShiftSchedule } from '../../scheduling/scheduleShifts.js';
import type { PlanConfig } from '../../schemas/planConfig.js';
import type { ScheduleEvaluation } from '../../service/evaluateSchedule.js';
import type { OutboundCapacity } from '../../staffing/outboundCapacity.js';
import type { StaffingPlan } from '../../staffing/staffingPlan.js';
import type { Requirement } from '../../staffing/types.js';
import type { History } from '../../time/history.js';
import type { PlanQueueResult } from './evaluateQueues.js';
import type { PlanRoster } from './planRoster.js';
import type { PlanSummary } from './planSummary.js';
import type { PlanSimulation } from './simulatePlan.js';

/** Everything `plan` computed. */
export interface PlanResult {
  /** The validated config with its defaults. */
  config: PlanConfig;
  /** The history as read (re-aggregated to `outputIntervalMinutes` when given). */
  history: History;
  /** Row accounting of the history file. */
  readReport: ReadReport;
  forecast: Forecast;
  /** Agents per interval on the phones (`agents`) and to schedule (`scheduledAgents`, after shrinkage). */
  requirement: StaffingPlan;
  /** Shifts covering `requirement.scheduledAgents`. */
  schedule: ShiftSchedule;
  /**
   * Agents on the phones per interval the schedule gives: net coverage x (1 - shrinkage), the
   * expected heads, fractional (shrinkage is a share of paid time): 25 net agents at 0.3 shrinkage
   * give 17.5. On-phone agent-hours, the peak and the outbound capacity use these.
   */
  onPhoneAgents: Float64Array;
  /**
   * Effective agents on the phones per interval, in the unit of `requirement.agents`:
   * `onPhoneAgents` x the availability factor the requirement was staffed with (`fittedParams`;
   * for a pool, agents / sum(agents_q / factor_q) of the open queues); `onPhoneAgents` itself
   * without fitted params. The outbound capacity and the report's staffing chart use these.
   */
  effectiveAgents: Float64Array;
  /**
   * Service level, ASA and abandonment each interval (and day) gets with the whole agents on the
   * phones, floor(`onPhoneAgents`) (`evaluation.agents`; 17.5 expected heads answer as 17 agents).
   * With `fittedParams` the agents answering are the effective ones, floor(`onPhoneAgents` x
   * availability factor), with the patience the requirement was staffed with in each interval.
   */
  evaluation: ScheduleEvaluation;
  /**
   * Outbound capacity of the quiet periods, `outboundCapacity(requirement.agents, onPhoneAgents,
   * { ahtSeconds, intervalMinutes, maxOccupancy })` of the config's `outbound`; null without it.
   * With `fittedParams` it uses `effectiveAgents` (on-phone agents x availability factor, the
   * requirement's unit) in place of `onPhoneAgents`.
   */
  outbound: OutboundCapacity | null;
  /** Headline figures. */
  summary: PlanSummary;
  /**
   * A config with `queues`: per queue, in config order, its history, forecast, requirement, share
   * of the pool's agents, evaluation and figures. Then `history`, `forecast`, `requirement`,
   * `onPhoneAgents` and `evaluation` above are the pool's (summed per interval, contact-weighted).
   * `null` for a single-queue config.
   */
  queues: PlanQueueResult[] | null;
  /** A config with `queues`: every queue's requirement rows with a `queue` column; else null. */
  queueRequirements: Requirement | null;
  /**
   * The schedule simulated as one continuous queue (`schedule.simulation`, on by default): per
   * interval the simulated service level with its 95% interval, ASA and abandonment, and the
   * summary (also `summary.simulation`); null when not simulated (`summary.simulationSkipped`).
   */
  simulation: PlanSimulation | null;
  /**
   * With `agents` in the config: the named agents rostered (assignments, per-queue coverage from
   * the agents really rostered, figures, output files and messages); null without.
   */
  roster: PlanRoster | null;
}
