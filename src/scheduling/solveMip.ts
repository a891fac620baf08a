import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { runInWorker } from '../parallel/runInWorker.js';
import type { MipModel } from './model.js';

/** Options of {@link solveCoveringMip}. */
export interface SolveCoveringMipOptions {
  /**
   * Wall-clock safety net: HiGHS `time_limit`, and the worker is terminated at this plus
   * `graceSeconds` whatever happens. A run stopped by it depends on machine load (`stoppedBy: 'time'`).
   */
  timeLimitSeconds: number;
  /** Extra wall-clock seconds before the worker is killed (default max(2, 10% of the limit)). */
  graceSeconds?: number;
  /**
   * Deterministic work budget: the MIP stops at the first HiGHS progress checkpoint at which its
   * simplex iterations (`mip_total_lp_iterations`, all LPs of the search) reach this many
   * (`stoppedBy: 'work'`). The same model and options stop at the same point on any machine and
   * load. Default: none (only the gap and the time limit stop it).
   */
  workLimit?: number | undefined;
  /**
   * Deterministic stop at the root node: the MIP stops (`stoppedBy: 'work'`) at the second
   * consecutive root progress checkpoint (one per cut-separation round) whose round closed less
   * than `closure` of the gap left before it, while the relative gap is still above `minGap`.
   * Rounds that close almost nothing on a large model cost seconds each without simplex iterations
   * (so `workLimit` does not see them), and HiGHS can then spend minutes at the root without a
   * checkpoint or a look at its time limit. Default: none.
   */
  rootStall?: { closure: number; minGap: number } | undefined;
  /** Incumbent to start from (dense column values). */
  start?: Float64Array | undefined;
  /** HiGHS `mip_rel_gap` (default 1e-4). */
  relativeGap?: number;
  /**
   * Method of the root LP relaxation (HiGHS `mip_lp_solver`): `simplex` (dual simplex, the
   * default) or `ipm` (interior point, then crossover): on large set-partitioning models, such as
   * a roster of 100 agents over four weeks, the interior point finishes a root LP that dual
   * simplex does not finish in minutes. Interior point iterations are not simplex iterations:
   * `workLimit` counts the simplex iterations after the root. Deterministic either way.
   */
  rootLpMethod?: 'simplex' | 'ipm' | undefined;
}

/**
 * Why a MIP run ended: `gap` = proven within the relative gap (or proven infeasible), `work` = the
 * deterministic work budget, `time` = the wall-clock safety net (the result depends on machine load),
 * `error` = HiGHS or its worker failed.
 */
export type MipStop = 'gap' | 'work' | 'time' | 'error';

/** What the MIP run produced. */
export interface MipSolveResult {
  /** `optimal`, `limit` (work or time limit, maybe with an incumbent), `killed` (worker terminated), `infeasible`, `failed`. */
  outcome: 'optimal' | 'limit' | 'killed' | 'infeasible' | 'failed';
  /** Why the run ended. */
  stoppedBy: MipStop;
  x: Float64Array | undefined;
  objective: number | undefined;
  bound: number | undefined;
  /** Simplex iterations of the search when it ended (0 when unknown, e.g. after a kill). */
  lpIterations: number;
  /** Branch-and-bound nodes explored (0 when unknown). */
  nodes: number;
  message?: string;
  seconds: number;
}

/**
 * What `solveCoveringMip` sends its worker: the covering model in CSC arrays and the stopping rules.
 */
interface MipTaskInput {
  timeLimit: number;
  relativeGap: number;
  workLimit: number | undefined;
  rootLpMethod: 'simplex' | 'ipm' | undefined;
  rootStall: { closure: number; minGap: number } | undefined;
  start: Float64Array | undefined;
  model: {
    numCols: number;
    numRows: number;
    colCost: Float64Array;
    objectiveOffset: number;
    colLower: Float64Array;
    colUpper: Float64Array;
    rowLower: Float64Array;
    rowUpper: Float64Array;
    starts: Int32Array;
    rows: Int32Array;
    values: Float64Array;
    integrality: Int32Array;
  };
}

/**
 * The progress a MIP worker posts while it runs: a new incumbent (with the bound then), or a new
 * dual bound.
 */
type MipProgress =
  | {
      kind: 'incumbent';
      x: Float64Array | undefined;
      objective: number | undefined;
      bound: number | undefined;
    }
  | { kind: 'bound'; bound: number };

/**
 * How the MIP run in the worker ended (`failed` with the error's message if HiGHS could not be
 * loaded or threw).
 */
interface MipTaskOutput {
  outcome: 'optimal' | 'infeasible' | 'limit' | 'failed';
  stoppedBy: 'gap' | 'work' | 'time' | 'error';
  modelStatus?: number;
  x?: Float64Array | number[] | undefined;
  objective?: number | undefined;
  bound?: number;
  lpIterations?: number;
  nodes?: number;
  message?: string;
}

// The task run in the worker (`runInWorker`), JavaScript source, as a factory `(shared, post) =>
// (input) => output`: it needs no module of ours, so it starts as fast from src under tsx/vitest as
// from dist. It imports `highs` by the absolute URL resolved here (`shared.highsUrl`), builds the
// model from the typed arrays (CSC `passModel`, no LP text), sets the warm start, posts incumbents
// and bounds as progress, returns how the run ended, and always disposes the model.
const MIP_TASK_SOURCE = `
(shared, post) => async (workerData) => {
  let model;
  try {
    const mod = await import(shared.highsUrl);
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
    model.options.set({ output_flag: false, time_limit: workerData.timeLimit, mip_rel_gap: workerData.relativeGap, random_seed: 0 });
    if (workerData.rootLpMethod === 'ipm') model.options.set({ mip_lp_solver: 'ipm' });
    if (workerData.start) model.setSolution({ colValue: workerData.start });
    const T = highs.constants.callbackType;
    let bound;
    let stop;
    let iterations = 0;
    let nodes = 0;
    const workLimit = workerData.workLimit;
    let rootBound;
    let rootStalls = 0;
    const deadline = Date.now() + workerData.timeLimit * 1000;
    const result = model.run({
      [T.mipImprovingSolution](event) {
        post({ kind: 'incumbent', x: event.data.mip_solution,
          objective: event.data.objective_function_value, bound: event.data.mip_dual_bound });
      },
      [T.mipLogging](event) {
        if (event.data.mip_dual_bound !== undefined && event.data.mip_dual_bound !== bound) {
          bound = event.data.mip_dual_bound;
          post({ kind: 'bound', bound });
        }
      },
      [T.simplexInterrupt](event) {
        if (Date.now() > deadline) { stop ??= 'time'; event.interrupt(); }
      },
      [T.mipInterrupt](event) {
        const b = event.data.mip_dual_bound;
        if (b !== undefined && Number.isFinite(b) && b !== bound) {
          bound = b;
          post({ kind: 'bound', bound });
        }
        iterations = Number(event.data.mip_total_lp_iterations ?? iterations);
        nodes = Number(event.data.mip_node_count ?? nodes);
        // root cut rounds that stall (see MipSolveOptions.rootStall): deterministic, like the budget
        const inc = event.data.mip_primal_bound;
        const rs = workerData.rootStall;
        if (rs && nodes === 0 && Number.isFinite(b) && Number.isFinite(inc) && inc - b > rs.minGap * Math.max(1, Math.abs(inc))) {
          if (rootBound !== undefined && inc - rootBound > 0)
            rootStalls = (b - rootBound) / (inc - rootBound) < rs.closure ? rootStalls + 1 : 0;
          rootBound = b;
        } else rootStalls = 0;
        // the work budget first: at a checkpoint past both, the deterministic reason wins
        if (workLimit !== undefined && iterations >= workLimit) { stop ??= 'work'; event.interrupt(); }
        else if (rootStalls >= 2) { stop ??= 'work'; event.interrupt(); }
        else if (Date.now() > deadline) { stop ??= 'time'; event.interrupt(); }
      },
    });
    const status = result.modelStatus;
    const S = highs.constants.modelStatus;
    const sol = model.getSolution();
    const primal = Number(model.info.get('primal_solution_status'));
    const info = (name, fallback) => { try { return Number(model.info.get(name)); } catch { return fallback; } };
    return {
      outcome: status === S.optimal ? 'optimal' : status === S.infeasible ? 'infeasible' : 'limit',
      stoppedBy: status === S.optimal || status === S.infeasible ? 'gap'
        : status === S.timeLimit ? 'time' : status === S.interrupted ? (stop ?? 'time') : 'work',
      modelStatus: status,
      x: primal === 2 ? sol.colValue : undefined,
      objective: primal === 2 ? model.getObjectiveValue() : undefined,
      bound: Number(model.info.get('mip_dual_bound')),
      lpIterations: info('mip_total_lp_iterations', iterations),
      nodes: info('mip_node_count', nodes),
    };
  } catch (error) {
    return { outcome: 'failed', stoppedBy: 'error', message: String(error && error.message || error) };
  } finally {
    if (model) model.dispose();
  }
}
`;

/**
 * The default deterministic work budget of a MIP (`SolveCoveringMipOptions.workLimit`), in simplex
 * iterations summed over every LP of the branch and bound: `WORK_PER_ENTRY` (100) per row and
 * column of the model, at least `WORK_FLOOR` (200,000). Iterations, unlike seconds, do not depend on
 * machine load, so the search stops at the same point on every run. The examples' schedules prove
 * optimality far below it (the week of `examples/plan.json`: about 530 iterations; four weeks: about
 * 2,000), so it only binds on hard models, where it stands in for a wall-clock limit. O(1).
 *
 * @example
 * defaultWorkLimit({ numRows: 772, numCols: 1099 }); // 200000
 * defaultWorkLimit({ numRows: 3778, numCols: 5080 }); // 885800
 */
export function defaultWorkLimit(model: { numRows: number; numCols: number }): number {
  return Math.max(WORK_FLOOR, WORK_PER_ENTRY * (model.numRows + model.numCols));
}
const WORK_FLOOR = 200_000;
const WORK_PER_ENTRY = 100;

let highsUrl: string | undefined;
function resolveHighs(): string {
  highsUrl ??= pathToFileURL(createRequire(import.meta.url).resolve('highs')).href;
  return highsUrl;
}

/**
 * Solves the covering MIP with HiGHS (npm `highs`, WebAssembly, single-threaded, `random_seed` 0)
 * in a worker thread. Stopping rules, deterministic first: the relative gap (`stoppedBy: 'gap'`),
 * then the work budget `workLimit` in simplex iterations, checked at HiGHS' MIP progress
 * checkpoints, or on stalled root cut rounds (`rootStall`) (`stoppedBy: 'work'`): the same model,
 * start and options stop at the same point with
 * the same incumbent whatever the machine load. The wall-clock `timeLimitSeconds` is only a
 * safety net (`stoppedBy: 'time'`): HiGHS gets it as `time_limit`, the progress callbacks
 * interrupt past it, and the worker is terminated `graceSeconds` later if it has not returned
 * (HiGHS can overrun its limit, and its solve blocks its thread); the best incumbent streamed
 * before a kill is kept. The model is built from the typed arrays with `passModel` (CSC), so no LP
 * text is generated. Never rejects: failures come back as `outcome: 'failed'`. A fresh worker per
 * solve costs about 70 ms (thread start 15 ms + wasm instantiation 45-55 ms, measured on the bench
 * machine), so workers are not pooled: a killed worker cannot be reused anyway.
 * Cost: building and passing the model O(nonzeros); the solve is NP-hard and work-limited.
 *
 * @example
 * // model: min x0 + 2 x1, x0 + x1 >= 3, integer
 * const model = { numCols: 2, numRows: 1, colCost: Float64Array.of(1, 2), objectiveOffset: 0,
 *   colLower: Float64Array.of(0, 0), colUpper: Float64Array.of(10, 10), rowLower: Float64Array.of(3),
 *   rowUpper: Float64Array.of(Infinity), integrality: Int32Array.of(1, 1),
 *   matrix: { starts: Int32Array.of(0, 1, 2), rows: Int32Array.of(0, 0), values: Float64Array.of(1, 1) } };
 * (await solveCoveringMip(model, { timeLimitSeconds: 60, workLimit: 1000 })).objective; // 3
 */
export async function solveCoveringMip(
  model: MipModel,
  options: SolveCoveringMipOptions,
): Promise<MipSolveResult> {
  const t0 = performance.now();
  const limit = options.timeLimitSeconds;
  const grace = options.graceSeconds ?? Math.max(2, 0.1 * limit);
  let best: { x: Float64Array; objective: number } | undefined;
  let bound: number | undefined;
  const input: MipTaskInput = {
    timeLimit: limit,
    relativeGap: options.relativeGap ?? 1e-4,
    workLimit: options.workLimit,
    rootLpMethod: options.rootLpMethod,
    rootStall: options.rootStall,
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
  };
  const task = { source: MIP_TASK_SOURCE, shared: { highsUrl: resolveHighs() } };
  const run = await runInWorker<MipTaskInput, MipTaskOutput>(task, input, {
    timeoutMs: (limit + grace) * 1000,
    onProgress: (message) => {
      const msg = message as MipProgress;
      if (msg.kind === 'incumbent' && msg.x instanceof Float64Array && typeof msg.objective === 'number') {
        if (best === undefined || msg.objective < best.objective)
          best = { x: msg.x, objective: msg.objective };
        if (typeof msg.bound === 'number') bound = msg.bound;
      } else if (msg.kind === 'bound' && typeof msg.bound === 'number') bound = msg.bound;
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (run.kind !== 'done') {
    // killed at the safety net or failed: the best incumbent streamed before
    const kept = { x: best?.x, objective: best?.objective, bound, lpIterations: 0, nodes: 0, seconds };
    return run.kind === 'timeout'
      ? { outcome: 'killed', stoppedBy: 'time', ...kept }
      : { outcome: 'failed', stoppedBy: 'error', ...kept, message: run.message };
  }
  const msg = run.value;
  const r: MipSolveResult = {
    outcome: msg.outcome,
    stoppedBy: msg.stoppedBy,
    x: msg.x instanceof Float64Array ? msg.x : best?.x,
    objective: typeof msg.objective === 'number' ? msg.objective : best?.objective,
    bound: typeof msg.bound === 'number' && Number.isFinite(msg.bound) ? msg.bound : bound,
    lpIterations: typeof msg.lpIterations === 'number' ? msg.lpIterations : 0,
    nodes: typeof msg.nodes === 'number' ? msg.nodes : 0,
    seconds,
  };
  if (typeof msg.message === 'string') r.message = msg.message;
  return r;
}
