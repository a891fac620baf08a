import type { Worker } from 'node:worker_threads';
import { invalidInput, StaffcastError, type StaffcastErrorCode } from '../errors.js';
import { startTaskWorker, type WorkerReply, type WorkerTask } from './workerTask.js';

/**
 * Options of `mapInWorkers`.
 *
 * @internal
 */
export interface MapInWorkersOptions {
  /** Worker threads to start, an integer >= 1; the pool starts min(threads, inputs) of them. */
  threads: number;
  /** Name of the calling function, the prefix of the pool's own messages (`simulate: worker failed: ...`). */
  name: string;
}

/**
 * Runs `task` (see `WorkerTask`) on every input over a pool of worker threads and returns the
 * outputs in input order: each thread takes the next input when it finishes one, so long and short
 * tasks balance, but which thread ran which input never shows in the result, so it does not depend
 * on the thread count or the machine load. No input: `[]`, no thread started. Every thread is
 * terminated before the promise settles, on success and on failure. Cost: the tasks' cost / threads,
 * plus starting the threads (about 50-100 ms each, more from source under tsx) and cloning each
 * input and output (O(size)).
 *
 * @internal
 * @throws StaffcastError when a task throws: the error of the failing input with the lowest index,
 *   as a run in input order would give (inputs go out in order, so the lower ones still running are
 *   waited for), with `details.task` = that index: a `StaffcastError`'s code, message and details,
 *   any other error as `SOLVER_FAILED` `"<name>: worker failed: <message>"`. `SOLVER_FAILED` with the
 *   same message when a thread cannot start or load the task. `INVALID_INPUT` for threads not an
 *   integer >= 1.
 * @example
 * // (not run: needs a task module; see test/parallel/mapInWorkers.test.ts)
 * await mapInWorkers({ module: new URL('./square.js', import.meta.url), factory: 'square' }, [1, 2, 3],
 *   { threads: 2, name: 'squares' }); // [1, 4, 9]
 */
export async function mapInWorkers<I, O>(
  task: WorkerTask,
  inputs: readonly I[],
  options: MapInWorkersOptions,
): Promise<O[]> {
  const { name } = options;
  if (!(Number.isInteger(options.threads) && options.threads >= 1))
    invalidInput(name, 'threads', 'must be an integer >= 1', options.threads);
  const count = Math.min(options.threads, inputs.length);
  const results: O[] = new Array(inputs.length);
  if (count === 0) return results;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let inFlight = 0;
      let settled = false;
      // the task error with the lowest index: inputs go out in index order, so once one fails,
      // every lower one is already out; waiting for those makes the error a sequential run's
      let taskError: StaffcastError | undefined;
      let taskErrorIndex = Number.POSITIVE_INFINITY;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        reject(error);
      };
      const poolError = (message: string) =>
        new StaffcastError('SOLVER_FAILED', `${name}: worker failed: ${message}`);
      const feed = (worker: Worker) => {
        if (taskError !== undefined && inFlight === 0) return fail(taskError);
        if (next >= inputs.length || taskError !== undefined) return;
        inFlight++;
        const id = next++;
        worker.postMessage({ id, input: inputs[id] });
      };
      for (let w = 0; w < count && !settled; w++) {
        let worker: Worker;
        try {
          worker = startTaskWorker(task);
        } catch (error) {
          return fail(poolError(error instanceof Error ? error.message : String(error)));
        }
        workers.push(worker);
        worker.on('error', (error) => fail(poolError(error.message)));
        worker.on('exit', () => fail(poolError('worker exited')));
        worker.on('message', (reply: WorkerReply) => {
          if ('ready' in reply) return feed(worker);
          if ('failed' in reply) return fail(poolError(reply.failed));
          if ('progress' in reply) return;
          inFlight--;
          if ('error' in reply) {
            if (reply.id < taskErrorIndex) {
              const e = reply.error;
              taskErrorIndex = reply.id;
              taskError =
                e.code === undefined
                  ? new StaffcastError('SOLVER_FAILED', `${name}: worker failed: ${e.message}`, {
                      task: reply.id,
                    })
                  : new StaffcastError(e.code as StaffcastErrorCode, e.message, {
                      ...e.details,
                      task: reply.id,
                    });
            }
            return feed(worker);
          }
          results[reply.id] = reply.result as O;
          done++;
          if (done === inputs.length) {
            settled = true;
            resolve();
          } else feed(worker);
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
