import type { PlanConfig, PlanQueueConfig } from '../../schemas/planConfig.js';
import { withoutUndefined } from '../../schemas/validateConfig.js';
import type { StaffingOptions } from '../../staffing/staffingPlan.js';
import type { QueueSpec } from '../../staffing/types.js';

/**
 * The `staffingPlan` options of a plan config: target (its absent keys left out), shrinkage,
 * scope, and the handle time, patience and minimum agents when given. A single-queue plan staffs
 * with them; a multi-queue plan uses them as every queue's defaults. Cost O(1).
 *
 * @internal
 * @example
 * planStaffingOptions(parsePlanConfig({ history: { file: 'h.csv', timeZone: 'UTC' },
 *   target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 300, rules: 'r.json' }));
 * // { target: { serviceLevel: 0.8, thresholdSeconds: 20 }, shrinkage: 0.3, scope: 'interval', ahtSeconds: 300 }
 */
export function planStaffingOptions(cfg: PlanConfig): StaffingOptions {
  // zod's optional fields are `T | undefined`; the library types are exact-optional (same values)
  const { confidence: _, ...target } = cfg.target;
  const staffing: StaffingOptions = {
    target: withoutUndefined(target),
    shrinkage: withoutUndefined(cfg.shrinkage),
    scope: cfg.scope,
  };
  if (cfg.ahtSeconds !== undefined) staffing.ahtSeconds = cfg.ahtSeconds;
  if (cfg.patienceSeconds !== undefined) staffing.patienceSeconds = cfg.patienceSeconds;
  if (cfg.minAgents !== undefined) staffing.minAgents = cfg.minAgents;
  return staffing;
}

/**
 * The `multiQueuePlan` config entry of one queue of a plan: its name, channel and the staffing
 * keys it sets (target, handle time, patience, shrinkage, concurrency, minimum agents, deadline,
 * `useParams`);
 * the keys it leaves out fall back to `planStaffingOptions` of the plan. Cost O(1).
 *
 * @internal
 * @example
 * planQueueStaffing(planQueueSchema.parse({ name: 'chat', channel: 'chat', concurrency: 2 }));
 * // { name: 'chat', channel: 'chat', concurrency: 2 }
 */
export function planQueueStaffing(q: PlanQueueConfig): QueueSpec {
  const { name, channel, target, ahtSeconds, patienceSeconds, shrinkage, concurrency, minAgents } = q;
  const { deadlineMinutes, deadlineBasis, useParams } = q;
  return withoutUndefined({
    name,
    channel,
    target,
    patienceSeconds,
    ahtSeconds,
    shrinkage,
    concurrency,
    minAgents,
    deadlineMinutes,
    deadlineBasis,
    useParams,
  });
}
