import { type StaffingPlan, staffingPlan } from './staffingPlan.js';
import type { StaffingJob } from './staffingPlanParallel.js';

/**
 * The task `staffingPlanParallel` runs on worker threads (`mapInWorkers`): one job's
 * `staffingPlan`. O(that plan).
 *
 * @internal
 * @throws StaffcastError whatever `staffingPlan` throws
 * @example
 * const f = { timeZone: 'UTC', intervalMinutes: 30, starts: Float64Array.of(0), calls: Float64Array.of(100) };
 * staffingPlanTask()({ forecast: f, options: { target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 180 } })
 *   .agents; // Float64Array [14]
 */
export function staffingPlanTask(): (job: StaffingJob) => StaffingPlan {
  return (job) => staffingPlan(job.forecast, job.options);
}
