import type { ShiftSchedule } from '../../scheduling/scheduleShifts.js';
import type { PlanConfig } from '../../schemas/planConfig.js';
import type { ScheduleEvaluation } from '../../service/evaluateSchedule.js';
import { type EvaluatedQueue, evaluateQueues } from './evaluateQueues.js';
import type { PooledRequirement, StaffedQueue } from './planQueues.js';

/** One queue of a multi-queue plan: its inputs, requirement, share of the pool and figures. */
export interface PlanQueueResult extends StaffedQueue, EvaluatedQueue {}

/**
 * The evaluation step of a multi-queue plan (a config with `queues`): the pool's agents on the
 * phones (net coverage x (1 - pool shrinkage), pool shrinkage being the scheduled-agent-weighted
 * mean of the queues') are floored to whole agents and split among the queues in proportion to
 * their requirement, and each queue is evaluated with its share (`evaluateQueues`); each queue's
 * inputs and requirement come with its figures. Cost: that of `evaluateQueues`.
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` from `evaluateQueues`.
 * @example
 * // r: plan of examples/plan-queues.json (queues regular, prospects, stocks)
 * const { pooled } = await planRequirement(r.config, { baseDir: 'examples', source: 'plan-queues.json' });
 * evaluatePooledPlan(pooled, r.onPhoneAgents, r.schedule, r.config).queues
 *   .map((q) => q.summary.serviceLevel.toFixed(3)); // ['0.927', '0.859', '0.964']
 */
export function evaluatePooledPlan(
  pooled: PooledRequirement,
  onPhoneAgents: Float64Array,
  schedule: ShiftSchedule,
  cfg: PlanConfig,
): { evaluation: ScheduleEvaluation; queues: PlanQueueResult[] } {
  const e = evaluateQueues(
    pooled.queues,
    {
      onPhoneAgents,
      dayIndex: schedule.coverage.dayIndex,
      intervalMinutes: pooled.requirement.intervalMinutes,
    },
    cfg,
  );
  return {
    evaluation: e.evaluation,
    queues: pooled.queues.map((q, i) => ({ ...q, ...e.queues[i]! })),
  };
}
