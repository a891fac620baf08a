import type { ShiftRulesInput } from '../scheduling/rules.js';
import { type ShiftSchedule, scheduleShifts } from '../scheduling/scheduleShifts.js';
import type { ScheduleStart } from '../scheduling/scheduleStart.js';
import type { StaffingPlan } from '../staffing/staffingPlan.js';
import type { PlanConfig } from './planConfig.js';
import type { PlanTimer } from './planRequirement.js';

/**
 * The schedule step of `plan`: shifts covering the requirement's scheduled agents (after
 * shrinkage) under the plan's shift rules, by `scheduleShifts` (HiGHS within the config's
 * deterministic `schedule.workLimit`, `schedule.timeLimitSeconds` as a safety net), reported
 * through `timed` as step 'schedule'. The shifts live on the real local clock of the requirement's
 * zone (`scheduleShifts`), so a requirement that lists only the open intervals is never covered by
 * shifts running past them; intervals the rules cannot reach come back in the schedule's
 * `warnings`. Cost: at most the work budget, or the time limit on a machine too slow to reach it
 * (plus the greedy warm start). `start`: an earlier schedule as an extra MIP start
 * (`ScheduleOptions.start`).
 *
 * @throws StaffcastError `INFEASIBLE`, `SOLVER_FAILED`, `CONFIG` from `scheduleShifts`.
 * @example
 * // requirement, rules, cfg: those of examples/plan.json
 * const s = await schedulePlan(requirement, rules, cfg, 'us-bank-rules.json', async (_step, run) => run());
 * s.warnings; // [] (examples/us-bank-rules.json covers 07:00-21:15)
 */
export function schedulePlan(
  requirement: StaffingPlan,
  rules: ShiftRulesInput,
  cfg: PlanConfig,
  rulesSource: string,
  timed: PlanTimer,
  start?: ScheduleStart,
): Promise<ShiftSchedule> {
  return timed(
    'schedule',
    () =>
      scheduleShifts(
        {
          intervalMinutes: requirement.intervalMinutes,
          required: requirement.scheduledAgents,
          starts: requirement.starts,
          timeZone: requirement.timeZone,
        },
        rules,
        {
          timeLimitSeconds: cfg.schedule.timeLimitSeconds,
          ...(cfg.schedule.workLimit === undefined ? {} : { workLimit: cfg.schedule.workLimit }),
          rulesSource,
          start,
        },
      ),
    (s) => `${s.status}, ${s.shifts.reduce((a, b) => a + b.count, 0)} shifts`,
  );
}
