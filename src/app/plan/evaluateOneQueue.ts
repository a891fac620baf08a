import { DEFAULT_THRESHOLD_SECONDS } from '../../queueing/requiredAgents.js';
import type { ShiftSchedule } from '../../scheduling/scheduleShifts.js';
import type { PlanConfig } from '../../schemas/planConfig.js';
import { evaluateSchedule, type ScheduleEvaluation } from '../../service/evaluateSchedule.js';
import type { StaffingPlan } from '../../staffing/staffingPlan.js';

/**
 * Agents on the phones per interval: net coverage x (1 - shrinkage), the expected heads (a
 * shrinkage that is not a finite number counts as 0). O(intervals).
 *
 * @internal
 * @example
 * onPhoneAgentsOf(Float64Array.of(10, 4), [0.3, Number.NaN]); // Float64Array [7, 4]
 */
export function onPhoneAgentsOf(net: Float64Array, shrinkage: ArrayLike<number>): Float64Array {
  return Float64Array.from(net, (v, t) => {
    const s = shrinkage[t] ?? 0;
    return v * (1 - (Number.isFinite(s) ? s : 0));
  });
}

/**
 * The evaluation of a single-queue plan: `evaluateSchedule` with the effective agents (on-phone
 * agents x the requirement's availability factor) and the patience the requirement was staffed
 * with, interval by interval (the config's constant patience, or the fitted one by hour), on the
 * schedule's grid and days (`schedule.coverage`; only `onPhoneAgents` replaces its net coverage,
 * so a roster's agents are evaluated the same way). O(intervals x Erlang).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` from `evaluateSchedule`.
 */
export function evaluateOneQueue(
  requirement: StaffingPlan,
  schedule: Pick<ShiftSchedule, 'coverage' | 'intervalMinutes'>,
  onPhoneAgents: Float64Array,
  cfg: PlanConfig,
): ScheduleEvaluation {
  const factor = requirement.availabilityFactor ?? 1;
  const patience = requirement.patienceSeconds ?? cfg.patienceSeconds;
  return evaluateSchedule(
    {
      coverage: { ...schedule.coverage, net: onPhoneAgents.map((v) => v * factor) },
      intervalMinutes: schedule.intervalMinutes,
    },
    {
      callsPerInterval: requirement.calls,
      ahtSeconds: requirement.ahtSeconds.map((a) => (Number.isFinite(a) ? a : (cfg.ahtSeconds ?? 1))),
      ...(patience !== undefined ? { patienceSeconds: patience } : {}),
    },
    {
      thresholdSeconds: cfg.target.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS,
      ...(cfg.target.serviceLevelBasis !== undefined
        ? { serviceLevelBasis: cfg.target.serviceLevelBasis }
        : {}),
    },
  );
}
