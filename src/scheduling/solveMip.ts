import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CoveringModel } from './model.js';

/** Options of {@link solveCoveringMip}. */
export interface MipSolveOptions {
  /** HiGHS `time_limit`; the worker is terminated at this plus `graceSeconds` whatever happens. */
  timeLimitSeconds: number;
  /** Extra wall-clock seconds before the worker is killed (default max(2, 10% of the limit)). */
  graceSeconds?: number;
  /** Incumbent to start from (dense column values). */
  start?: Float64Array | undefined;
  /** HiGHS `mip_rel_gap` (default 1e-4). */
  relativeGap?: number;
}

/** What the MIP run produced. */
export interface MipSolveResult {
  /** `optimal`, `limit` (time limit, maybe with an incumbent), `killed` (worker terminated), `infeasible`, `failed`. */
  outcome: 'optimal' | 'limit' | 'killed' | 'infeasible' | 'failed';
  x: Float64Array | undefined;
  objective: number | undefined;
  bound: number | undefined;
  message?: string;
  seconds: number;
}

// The worker is an inline CommonJS script (Worker `eval: true`): it needs no separate file, so it
// runs identically from src under tsx/vitest and from dist after tsc (a .ts worker file cannot be
// loaded by Node 20 without a loader, and tsc does not copy .js files). It imports `highs` by the
// absolute URL resolved here, builds the model from the typed arrays (CSC `passModel`, no LP
// text), sets the warm start, streams incumbents, and always disposes the model.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  let model;
  try {
    const mod = await import(workerData.highsUrl);
    const loader = mod.default ?? mod;
    const highs = await loader();
    const m = workerData.model;
    model = highs.createModel();
    model.passModel({
      numCols: m.numCols, numRows: m.numRows,
      offset: m.objectiveOffset, colCost: m.colCost, colLower: m.colLower, colUpper: m.colUpper,
      rowLower: m.rowLower, rowUpper: m.rowUpper,
      matrix: { format: 'csc', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.rows, values: m.values },
      integrality: m.integrality,
    });
    model.options.set({ output_flag: false, time_limit: workerData.timeLimit, mip_rel_gap: workerData.relativeGap });
    if (workerData.start) model.setSolution({ colValue: workerData.start });
    const T = highs.constants.callbackType;
    let bound;
    const deadline = Date.now() + workerData.timeLimit * 1000;
    const result = model.run({
      [T.mipImprovingSolution](event) {
        parentPort.postMessage({ kind: 'incumbent', x: event.data.mip_solution,
          objective: event.data.objective_function_value, bound: event.data.mip_dual_bound });
      },
      [T.mipLogging](event) {
        if (event.data.mip_dual_bound !== undefined && event.data.mip_dual_bound !== bound) {
          bound = event.data.mip_dual_bound;
          parentPort.postMessage({ kind: 'bound', bound });
        }
      },
      [T.simplexInterrupt](event) {
        if (Date.now() > deadline) event.interrupt();
      },
      [T.mipInterrupt](event) {
        const b = event.data.mip_dual_bound;
        if (b !== undefined && Number.isFinite(b) && b !== bound) {
          bound = b;
          parentPort.postMessage({ kind: 'bound', bound });
        }
        if (Date.now() > deadline) event.interrupt();
      },
    });
    const status = result.modelStatus;
    const S = highs.constants.modelStatus;
    const sol = model.getSolution();
    const primal = Number(model.info.get('primal_solution_status'));
    parentPort.postMessage({
      kind: 'done',
      outcome: status === S.optimal ? 'optimal' : status === S.infeasible ? 'infeasible' : 'limit',
      modelStatus: status,
      x: primal === 2 ? sol.colValue : undefined,
      objective: primal === 2 ? model.getObjectiveValue() : undefined,
      bound: Number(model.info.get('mip_dual_bound')),
    });
  } catch (error) {
    parentPort.postMessage({ kind: 'done', outcome: 'failed', message: String(error && error.message || error) });
  } finally {
    if (model) model.dispose();
  }
})();
`;

let highsUrl: string | undefined;
function resolveHighs(): string {
  highsUrl ??= pathToFileURL(createRequire(import.meta.url).resolve('highs')).href;
  return highsUrl;
}

/**
 * Solves the covering MIP with HiGHS (npm `highs`, WebAssembly) in a worker thread with a hard
 * wall-clock limit: HiGHS gets `time_limit`, and the worker is terminated `graceSeconds` later if
 * it has not returned (HiGHS can overrun its limit, and its solve blocks its thread). The best
 * incumbent streamed before a kill is kept. The model is built from the typed arrays with
 * `passModel` (CSC), so no LP text is generated. Never rejects: failures come back as
 * `outcome: 'failed'`. A fresh worker per solve costs about 70 ms (thread start 15 ms + wasm
 * instantiation 45-55 ms, measured on the bench machine), so workers are not pooled: a killed
 * worker cannot be reused anyway, and the no-break bench week's time is HiGHS' root node.
 * Cost: building and passing the model O(nonzeros); the solve is NP-hard and time-limited.
 *
 * @example
 * // model: min x0 + 2 x1, x0 + x1 >= 3, integer
 * (await solveCoveringMip(model, { timeLimitSeconds: 5 })).objective; // 3
 */
export function solveCoveringMip(
  model: Pick<
    CoveringModel,
    | 'numCols'
    | 'numRows'
    | 'colCost'
    | 'objectiveOffset'
    | 'colLower'
    | 'colUpper'
    | 'rowLower'
    | 'rowUpper'
    | 'matrix'
    | 'integrality'
  >,
  options: MipSolveOptions,
): Promise<MipSolveResult> {
  const t0 = performance.now();
  const limit = options.timeLimitSeconds;
  const grace = options.graceSeconds ?? Math.max(2, 0.1 * limit);
  return new Promise((resolve) => {
    let best: { x: Float64Array; objective: number } | undefined;
    let bound: number | undefined;
    let settled = false;
    let worker: Worker;
    const finish = (r: Omit<MipSolveResult, 'seconds'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve({ ...r, seconds: (performance.now() - t0) / 1000 });
    };
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          highsUrl: resolveHighs(),
          timeLimit: limit,
          relativeGap: options.relativeGap ?? 1e-4,
          start: options.start,
          model: {
            numCols: model.numCols,
            numRows: model.numRows,
            colCost: model.colCost,
            objectiveOffset: model.objectiveOffset,
            colLower: model.colLower,
            colUpper: model.colUpper,
            rowLower: model.rowLower,
            rowUpper: model.rowUpper,
            starts: model.matrix.starts,
            rows: model.matrix.rows,
            values: model.matrix.values,
            integrality: model.integrality,
          },
        },
      });
    } catch (error) {
      resolve({
        outcome: 'failed',
        x: undefined,
        objective: undefined,
        bound: undefined,
        message: String(error),
        seconds: 0,
      });
      return;
    }
    const timer = setTimeout(
      () => finish({ outcome: 'killed', x: best?.x, objective: best?.objective, bound }),
      (limit + grace) * 1000,
    );
    worker.on('message', (msg: Record<string, unknown>) => {
      if (msg.kind === 'incumbent' && msg.x instanceof Float64Array && typeof msg.objective === 'number') {
        if (best === undefined || msg.objective < best.objective)
          best = { x: msg.x, objective: msg.objective };
        if (typeof msg.bound === 'number') bound = msg.bound;
      } else if (msg.kind === 'bound' && typeof msg.bound === 'number') bound = msg.bound;
      else if (msg.kind === 'done') {
        const x = msg.x instanceof Float64Array ? msg.x : best?.x;
        const objective = typeof msg.objective === 'number' ? msg.objective : best?.objective;
        const b = typeof msg.bound === 'number' && Number.isFinite(msg.bound) ? msg.bound : bound;
        const r: Omit<MipSolveResult, 'seconds'> = {
          outcome: msg.outcome as MipSolveResult['outcome'],
          x,
          objective,
          bound: b,
        };
        if (typeof msg.message === 'string') r.message = msg.message;
        finish(r);
      }
    });
    worker.on('error', (error) =>
      finish({ outcome: 'failed', x: best?.x, objective: best?.objective, bound, message: String(error) }),
    );
    worker.on('exit', () =>
      finish({ outcome: 'failed', x: best?.x, objective: best?.objective, bound, message: 'worker exited' }),
    );
  });
}
