import { Worker } from 'node:worker_threads';

/**
 * A function to run on worker threads, given by a factory `(shared, post) => (input) => output`:
 * either exported by a module (its URL as the compiled `.js` file beside the caller, `new
 * URL('./replicationTask.js', import.meta.url)`, and the export's name), or as JavaScript source
 * (an expression, CommonJS, that may `require` Node's built-in modules): a task with no module of
 * ours to import starts without loading TypeScript from source. In the worker the factory is called
 * once with `shared` and a `post` that sends a progress message to the caller, and returns the task,
 * sync or async. `shared` and every input and output cross threads by structured clone (typed arrays,
 * plain objects; no functions or class instances).
 *
 * @internal
 */
export type WorkerTask = (
  | {
      /** URL of the module exporting the factory, spelt `.js` (its `.ts` source is used when running from source). */
      module: URL;
      /** Name of the exported factory. */
      factory: string;
    }
  | {
      /** The factory as a JavaScript expression. */
      source: string;
    }
) & {
  /** Data every task of the worker needs (the factory's first argument), cloned into the worker once. */
  shared?: unknown;
};

/**
 * A task error as it crosses back from the worker: the error's `code` (when it is a
 * `StaffcastError`), message and details.
 *
 * @internal
 */
export interface TaskErrorData {
  code?: string;
  message: string;
  details?: Record<string, unknown>;
}

// One bootstrap for every worker, an inline CommonJS script (Worker `eval: true`), so no worker file
// has to exist next to the compiled output. It takes the factory from its source, spliced in, or
// imports the task module by URL: the .js file from dist, or the .ts source, in which case tsx's ESM
// API is registered first (vitest, tsx, `npm run bench`). With `workerData.single` it runs the one input it was given and posts the result; else it
// says `ready` and runs each `{ id, input }` it receives. A typed-array result that owns its whole
// buffer is moved (transferred), not copied.
const bootstrap = (source: string | undefined): string => `
const { parentPort, workerData } = require('node:worker_threads');
const errorData = (error) => ({
  code: error && error.name === 'StaffcastError' && typeof error.code === 'string' ? error.code : undefined,
  message: String((error && error.message) || error),
  details: error && error.name === 'StaffcastError' ? error.details : undefined,
});
const transfer = (value) =>
  ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer && value.byteOffset === 0 &&
  value.byteLength === value.buffer.byteLength ? [value.buffer] : [];
(async () => {
  let run;
  try {
    let factory;
    ${
      source === undefined
        ? `if (workerData.tsxUrl) {
      const api = await import(workerData.tsxUrl);
      (api.register || api.default.register)();
    }
    factory = (await import(workerData.moduleUrl))[workerData.factory];
    if (typeof factory !== 'function') throw new Error(workerData.factory + ' is not exported by ' + workerData.moduleUrl);`
        : `factory = (${source});`
    }
    run = await factory(workerData.shared, (message) => parentPort.postMessage({ progress: message }));
  } catch (error) {
    parentPort.postMessage({ failed: errorData(error).message });
    return;
  }
  const one = async (id, input) => {
    try {
      const result = await run(input);
      parentPort.postMessage({ id, result }, transfer(result));
    } catch (error) {
      parentPort.postMessage({ id, error: errorData(error) });
    }
  };
  if (workerData.single) return one(0, workerData.input);
  parentPort.on('message', (job) => { void one(job.id, job.input); });
  parentPort.postMessage({ ready: true });
})();
`;

/** What the bootstrap posts to the caller. */
export type WorkerReply =
  | { ready: true }
  | { failed: string }
  | { progress: unknown }
  | { id: number; result: unknown }
  | { id: number; error: TaskErrorData };

/** Whether this module runs from its TypeScript source (vitest, tsx) rather than from dist. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * Starts a worker thread running `task` (see `WorkerTask`): with `single`, on that one input;
 * else waiting for `{ id, input }` messages. A task module's URL is taken as given from dist and
 * with `.ts` for `.js` from source (this module and its callers sit in the same tree), where tsx is
 * registered in the worker first. Throws whatever `new Worker` throws.
 *
 * @internal
 * @example
 * // (not run: starts a thread; see mapInWorkers and runInWorker)
 * startTaskWorker({ module: new URL('./task.js', import.meta.url), factory: 'task' });
 */
export function startTaskWorker(task: WorkerTask, single?: { input: unknown }): Worker {
  const fromModule =
    'module' in task
      ? {
          moduleUrl: FROM_SOURCE ? task.module.href.replace(/\.js$/, '.ts') : task.module.href,
          factory: task.factory,
          ...(FROM_SOURCE ? { tsxUrl: import.meta.resolve('tsx/esm/api') } : {}),
        }
      : {};
  return new Worker(bootstrap('source' in task ? task.source : undefined), {
    eval: true,
    workerData: {
      ...fromModule,
      shared: task.shared,
      ...(single === undefined ? {} : { single: true, input: single.input }),
    },
  });
}
