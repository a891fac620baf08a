import { availableParallelism } from 'node:os';
import { StaffcastError } from '../errors.js';
import type { Forecast } from '../forecast/types.js';
import { mapInWorkers } from '../parallel/mapInWorkers.js';
import { type StaffingPlan, type StaffingPlanOptions, staffingPlan } from './staffingPlan.js';

/**
 * One plan to compute: a forecast and its options.
 *
 * @internal
 */
export interface StaffingJob {
  forecast: Forecast;
  options: StaffingPlanOptions;
}

/**
 * Options of `staffingPlanParallel`.
 *
 * @internal
 */
export interface ParallelOptions {
  /** Worker threads to use. Default: min(jobs, available cores). 1 runs in the calling thread. */
  workers?: number;
}

/** The error with the failing job's index added to its details (`details.job`). */
function withJob(error: StaffcastError, id: number): StaffcastError {
  return new StaffcastError(error.code, error.message, { ...error.details, job: id });
}

/**
 * `staffingPlan` for many forecasts (queues) at once, spread over worker threads: each worker
 * takes the next job when it finishes one, so large and small queues balance. Results come back
 * in job order and equal `jobs.map((j) => staffingPlan(j.forecast, j.options))`. With one worker
 * (or one job) it runs in the calling thread. Cost: the jobs' cost / workers, plus copying the
 * typed arrays to and from the workers (structured clone, O(n)).
 *
 * @internal
 * @throws StaffcastError whatever `staffingPlan` throws for the failing job with the lowest index
 *   (same code and message, as a sequential run; `details.job` is that index); `SOLVER_FAILED` if a
 *   worker cannot start.
 * @example
 * const f = { timeZone: 'UTC', intervalMinutes: 30, starts: Float64Array.of(0), calls: Float64Array.of(100) };
 * const o = { target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 180 };
 * (await staffingPlanParallel([{ forecast: f, options: o }, { forecast: f, options: o }], { workers: 2 }))
 *   .map((p) => p.agents[0]); // [14, 14]
 */
export async function staffingPlanParallel(
  jobs: readonly StaffingJob[],
  options: ParallelOptions = {},
): Promise<StaffingPlan[]> {
  const count = Math.max(1, Math.min(jobs.length, Math.floor(options.workers ?? availableParallelism())));
  if (count <= 1)
    return jobs.map((j, id) => {
      try {
        return staffingPlan(j.forecast, j.options);
      } catch (error) {
        if (error instanceof StaffcastError) throw withJob(error, id);
        throw error;
      }
    });
  try {
    return await mapInWorkers<StaffingJob, StaffingPlan>(STAFFING_TASK, jobs, {
      threads: count,
      name: 'staffingPlanParallel',
    });
  } catch (error) {
    const task = error instanceof StaffcastError ? error.details?.task : undefined;
    if (!(error instanceof StaffcastError) || typeof task !== 'number') throw error;
    const { task: _, ...details } = error.details ?? {};
    throw withJob(new StaffcastError(error.code, error.message, details), task);
  }
}

/** The staffing task module (`staffingPlanTask`), run by `mapInWorkers`. */
const STAFFING_TASK = {
  module: new URL('./staffingPlanTask.js', import.meta.url),
  factory: 'staffingPlanTask',
};
