import type { Worker } from 'node:worker_threads';
import { startTaskWorker, type TaskErrorData, type WorkerReply, type WorkerTask } from './workerTask.js';

/**
 * Options of `runInWorker`.
 *
 * @internal
 */
export interface RunInWorkerOptions {
  /** Wall-clock milliseconds after which the worker is terminated, whatever it is doing (> 0). */
  timeoutMs: number;
  /** Called with each progress message the task posts, in order, until the run settles. */
  onProgress?: (message: unknown) => void;
}

/**
 * How `runInWorker` ended: `done` with the task's output, `failed` (the task threw: its error;
 * or the worker could not start, load the task, or died: `message` only), `timeout` (the worker
 * was terminated after `timeoutMs`).
 *
 * @internal
 */
export type WorkerRun<O> =
  | { kind: 'done'; value: O }
  | { kind: 'failed'; message: string; error?: TaskErrorData }
  | { kind: 'timeout' };

/**
 * Runs one task (see `WorkerTask`) on `input` in a fresh worker thread that can be killed: a task
 * that blocks its thread (a WebAssembly solve) cannot be interrupted otherwise. The worker is
 * terminated when the run settles, on every path; after `timeoutMs` it is terminated unfinished and
 * the run resolves `{ kind: 'timeout' }` (a wall-clock safety net: whether it fires depends on the
 * machine load, so a deterministic task stops itself first). Never rejects. Cost: the task's plus
 * starting a thread (about 15 ms, more from source under tsx) and cloning input and output.
 *
 * @internal
 * @example
 * // (not run: needs a task module; see test/parallel/runInWorker.test.ts)
 * await runInWorker({ module: new URL('./square.js', import.meta.url), factory: 'square' }, 3,
 *   { timeoutMs: 10_000 }); // { kind: 'done', value: 9 }
 */
export function runInWorker<I, O>(
  task: WorkerTask,
  input: I,
  options: RunInWorkerOptions,
): Promise<WorkerRun<O>> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = startTaskWorker(task, { input });
    } catch (error) {
      resolve({ kind: 'failed', message: String(error) });
      return;
    }
    let settled = false;
    const finish = (run: WorkerRun<O>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(run);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), options.timeoutMs);
    worker.on('message', (reply: WorkerReply) => {
      if (settled) return;
      if ('progress' in reply) options.onProgress?.(reply.progress);
      else if ('failed' in reply) finish({ kind: 'failed', message: reply.failed });
      else if ('error' in reply) finish({ kind: 'failed', message: reply.error.message, error: reply.error });
      else if ('result' in reply) finish({ kind: 'done', value: reply.result as O });
    });
    worker.on('error', (error) => finish({ kind: 'failed', message: String(error) }));
    worker.on('exit', () => finish({ kind: 'failed', message: 'worker exited' }));
  });
}
