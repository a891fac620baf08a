import type { ShiftSchedule } from '../../scheduling/scheduleShifts.js';
import type { PlanConfig } from '../../schemas/planConfig.js';
import type { ScheduleEvaluation } from '../../service/evaluateSchedule.js';
import type { StaffingPlan } from '../../staffing/staffingPlan.js';
import { evaluateOneQueue, onPhoneAgentsOf } from './evaluateOneQueue.js';
import { evaluateQueueShares, type PlanQueueSummary } from './evaluateQueues.js';
import type { PooledRequirement } from './queues.js';

/** The service the agents really rostered give (`PlanRoster.service`). */
export interface RosterService {
  /**
   * Per interval of the plan's grid (the pool's for a multi-queue plan: contact-weighted over the
   * queues), per day and over the horizon: service level, ASA, abandonment, occupancy, and the
   * agents on the phones.
   */
  evaluation: ScheduleEvaluation;
  /**
   * Agents on the phones per interval of the plan's grid: rostered x (1 - shrinkage) for a
   * single-queue plan; for a multi-queue plan the sum of each queue's whole agents.
   */
  onPhoneAgents: Float64Array;
  /** Per queue (config order) with the agents rostered on it; null for a single-queue plan. */
  queues: PlanQueueSummary[] | null;
}

/**
 * The service level, ASA and abandonment per interval that the agents really rostered give, by
 * the plan's own queueing models: each queue's rostered agents (on shifts of that queue, breaks
 * taken out: `PlanRoster.coverage`) times (1 - the queue's shrinkage) are its agents on the
 * phones. A single-queue plan is evaluated as its schedule is (`evaluateOneQueue`: Erlang C or A,
 * the availability factor, the patience it was staffed with); a multi-queue plan queue by queue
 * with whole agents (`evaluateQueueShares`: voice and chat by Erlang, email by its deadline),
 * with no help between queues since a rostered shift serves one queue. Fewer agents rostered than
 * scheduled (unfilled shifts, a shortfall) show as a lower service level in those intervals.
 * O(intervals x queues x Erlang).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` from `evaluateSchedule` / `deferredService`.
 */
export function rosterService(
  input: {
    config: PlanConfig;
    requirement: StaffingPlan;
    pooled: PooledRequirement | null;
    schedule: Pick<ShiftSchedule, 'coverage' | 'intervalMinutes'>;
  },
  coverage: Record<string, { rostered: Float64Array }>,
): RosterService {
  const { config, requirement, pooled, schedule } = input;
  const n = requirement.starts.length;
  if (pooled === null) {
    const rostered = Object.values(coverage)[0]?.rostered ?? new Float64Array(n);
    const onPhone = onPhoneAgentsOf(rostered, requirement.shrinkage);
    return {
      evaluation: evaluateOneQueue(requirement, schedule, onPhone, config),
      onPhoneAgents: onPhone,
      queues: null,
    };
  }
  const shares = pooled.queues.map((q) => {
    const rostered = coverage[q.name]?.rostered ?? new Float64Array(n);
    const shrinkage = q.requirement.shrinkage;
    return Float64Array.from(q.poolIndex, (k, i) => {
      const s = shrinkage[i] ?? 0;
      return Math.max(0, Math.floor((rostered[k] ?? 0) * (1 - (Number.isFinite(s) ? s : 0)) + 1e-9));
    });
  });
  const onPhone = new Float64Array(n);
  pooled.queues.forEach((q, qi) => {
    q.poolIndex.forEach((k, i) => {
      onPhone[k] = (onPhone[k] ?? 0) + (shares[qi]?.[i] ?? 0);
    });
  });
  const e = evaluateQueueShares(
    pooled.queues,
    shares,
    {
      onPhoneAgents: onPhone,
      dayIndex: schedule.coverage.dayIndex,
      intervalMinutes: requirement.intervalMinutes,
    },
    config,
  );
  return { evaluation: e.evaluation, onPhoneAgents: onPhone, queues: e.queues.map((q) => q.summary) };
}
