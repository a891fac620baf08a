import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { StaffcastError, type StaffcastErrorCode } from '../errors.js';
import type { Forecast } from '../forecast/types.js';
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

// The worker is an inline CommonJS script (Worker `eval: true`), so no separate worker file has to
// exist next to the compiled output. It imports the staffingPlan module by URL: the .js file from
// dist, or the .ts source, in which case tsx's ESM API is registered first (tests, `npm run bench`).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  try {
    if (workerData.tsxUrl) {
      const api = await import(workerData.tsxUrl);
      (api.register || api.default.register)();
    }
    const mod = await import(workerData.moduleUrl);
    parentPort.on('message', (job) => {
      try {
        parentPort.postMessage({ id: job.id, plan: mod.staffingPlan(job.forecast, job.options) });
      } catch (error) {
        parentPort.postMessage({ id: job.id, error: { code: error && error.code, message: String(error && error.message || error), details: error && error.details } });
      }
    });
    parentPort.postMessage({ ready: true });
  } catch (error) {
    parentPort.postMessage({ failed: String(error && error.message || error) });
  }
})();
`;

/** The error with the failing job's index added to its details (`details.job`). */
function withJob(error: StaffcastError, id: number): StaffcastError {
  return new StaffcastError(error.code, error.message, { ...error.details, job: id });
}

function workerData(): { moduleUrl: string; tsxUrl?: string } {
  const fromSource = import.meta.url.endsWith('.ts');
  const moduleUrl = new URL(fromSource ? './staffingPlan.ts' : './staffingPlan.js', import.meta.url).href;
  if (!fromSource) return { moduleUrl };
  return { moduleUrl, tsxUrl: import.meta.resolve('tsx/esm/api') };
}

type Reply =
  | { ready: true }
  | { failed: string }
  | { id: number; plan: StaffingPlan }
  | { id: number; error: { code?: StaffcastErrorCode; message: string; details?: Record<string, unknown> } };

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
  const results: StaffingPlan[] = new Array(jobs.length);
  const data = workerData();
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let inFlight = 0;
      let failed = false;
      // the job error with the lowest id: jobs go out in id order, so once one fails, every lower
      // job is already out; waiting for those makes the error the same as a sequential run's
      let jobError: StaffcastError | undefined;
      let jobErrorId = Number.POSITIVE_INFINITY;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      const feed = (worker: Worker) => {
        if (jobError !== undefined && inFlight === 0) return fail(jobError);
        if (next >= jobs.length || jobError !== undefined) return;
        inFlight++;
        const id = next++;
        const job = jobs[id]!;
        worker.postMessage({ id, forecast: job.forecast, options: job.options });
      };
      for (let w = 0; w < count; w++) {
        const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: data });
        workers.push(worker);
        worker.on('error', (error) =>
          fail(new StaffcastError('SOLVER_FAILED', `staffingPlanParallel: ${error.message}`)),
        );
        worker.on('message', (reply: Reply) => {
          if ('ready' in reply) return feed(worker);
          if ('failed' in reply)
            return fail(
              new StaffcastError('SOLVER_FAILED', `staffingPlanParallel: worker failed: ${reply.failed}`),
            );
          inFlight--;
          if ('error' in reply) {
            const e = reply.error;
            if (reply.id < jobErrorId) {
              jobErrorId = reply.id;
              jobError = withJob(
                new StaffcastError(e.code ?? 'INVALID_INPUT', e.message, e.details),
                reply.id,
              );
            }
            return feed(worker);
          }
          results[reply.id] = reply.plan;
          done++;
          if (done === jobs.length) resolve();
          else feed(worker);
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
