import { availableParallelism } from 'node:os';
import { invalidInput } from '../errors.js';
import { mapInWorkers } from '../parallel/mapInWorkers.js';
import type { WorkerTask } from '../parallel/workerTask.js';
import { ARRIVALS_REPLAYED, type SimulationModel, toModel } from './model.js';
import { streamStates } from './random.js';
import {
  emptySimulatedCalls,
  ReplicationScratch,
  runReplication,
  type SimulatedCalls,
} from './runReplication.js';
import { summarize } from './summarize.js';
import type { SimulationInput, SimulationOptions, SimulationResult } from './types.js';

/** Replications x expected calls above which `simulate` uses worker threads by default. */
const PARALLEL_ABOVE_CALLS = 200_000;

/** The replication task module (`replicationTask`), run by `mapInWorkers` with the model shared. */
function replicationTaskOf(model: SimulationModel): WorkerTask {
  return {
    module: new URL('./replicationTask.js', import.meta.url),
    factory: 'replicationTask',
    shared: model,
  };
}

function checkSeed(fn: string, seed: unknown): number {
  if (seed === undefined) return 1;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
    invalidInput(fn, 'options.seed', 'must be an integer in [0, 2^32)', seed);
  return seed;
}

function expectedCalls(model: SimulationModel): number {
  let total = 0;
  for (const q of model.queues) {
    if (q.arrivals === ARRIVALS_REPLAYED) total += q.arrivalSeconds.length;
    else for (const c of q.calls) total += c;
  }
  return total;
}

/**
 * Simulates a contact centre's queues through a staffing (agents per interval) by discrete events,
 * `replications` times, and estimates per interval, per day and over the horizon the service level
 * (on the three bases of `queueMetrics`), ASA, abandonment and occupancy, each with a Student-t
 * confidence interval across replications. A call is scored in the interval in which it arrived.
 * See `runReplication` for the queue's rules (FCFS, agents joining and leaving at boundaries, a
 * leaving agent finishing the call in hand, abandonment) and `generateCalls` for the arrivals.
 *
 * Reproducible: replication r draws from stream r of `seed` (`streamStates`), so the result is the
 * same on any machine and with any number of workers. Several replications run in worker threads
 * when the job is large (see `SimulationOptions.workers`). Cost O(replications x (calls
 * (log agents + queues) + intervals x queues)) / workers.
 *
 * @throws StaffcastError INVALID_INPUT naming `simulate` and the field (see `toModel`; also
 *   replications not an integer in 1..100000, a seed not an integer in [0, 2^32), confidence not in
 *   (0, 1), workers not a positive integer); SOLVER_FAILED if a worker thread cannot run
 * @example
 * const r = await simulate({ intervalMinutes: 30, agents: [14, 14],
 *   queues: [{ callsPerInterval: [100, 100], ahtSeconds: 180 }] },
 *   { thresholdSeconds: 20, replications: 10, seed: 1 });
 * r.horizon.serviceLevel.offered.mean; // 0.9113701102625906 (Erlang C steady state: 0.888; the
 * // hour starts empty, and 10 replications of 200 calls give a 95% interval of 0.858..0.965)
 */
export async function simulate(
  input: SimulationInput,
  options: SimulationOptions,
): Promise<SimulationResult> {
  const fn = 'simulate';
  if (typeof options !== 'object' || options === null)
    invalidInput(fn, 'options', 'must be an object', options);
  const model = toModel(fn, input, options.thresholdSeconds);
  const replications = options.replications ?? 20;
  if (!(Number.isInteger(replications) && replications >= 1 && replications <= 100_000))
    invalidInput(fn, 'options.replications', 'must be an integer in 1..100000', replications);
  const seed = checkSeed(fn, options.seed);
  const confidence = options.confidence ?? 0.95;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1))
    invalidInput(fn, 'options.confidence', 'must be in (0, 1)', confidence);
  if (options.workers !== undefined && !(Number.isInteger(options.workers) && options.workers >= 1))
    invalidInput(fn, 'options.workers', 'must be a positive integer', options.workers);
  const workers = Math.min(
    replications,
    options.workers ??
      (replications * expectedCalls(model) > PARALLEL_ABOVE_CALLS ? availableParallelism() : 1),
  );
  const states = streamStates(seed, replications);
  let counters: Float64Array[];
  if (workers <= 1) {
    const scratch = new ReplicationScratch();
    counters = [];
    for (let r = 0; r < replications; r++)
      counters.push(runReplication(model, states.subarray(4 * r, 4 * r + 4), scratch));
  } else {
    const inputs = Array.from({ length: replications }, (_, r) =>
      Array.from(states.subarray(4 * r, 4 * r + 4)),
    );
    counters = await mapInWorkers<number[], Float64Array>(replicationTaskOf(model), inputs, {
      threads: workers,
      name: 'simulate',
    });
  }
  return summarize(model, counters, seed, confidence);
}

/** Options of `simulateOnce`. */
export interface SimulateOnceOptions {
  /** Service-level answer threshold in seconds (>= 0). */
  thresholdSeconds: number;
  /** Base seed, an integer in [0, 2^32); default 1. */
  seed?: number;
  /** Which replication of that seed to run (its stream), an integer >= 0; default 0. */
  replication?: number;
}

/**
 * One replication of `simulate` with every call's fate: its queue, arrival, outcome (answered,
 * abandoned, still waiting at the end), wait and virtual wait. Replication r of a seed here equals
 * replication r inside `simulate`. The figures in `result` are that replication's (standard errors
 * NaN). Cost as one replication of `simulate`.
 *
 * @throws StaffcastError INVALID_INPUT as `simulate`
 * @example
 * simulateOnce({ intervalMinutes: 60, agents: [1], queues: [{
 *   arrivals: { kind: 'replayed', arrivalSeconds: [0, 10, 20] },
 *   handleTime: { kind: 'replayed', handleSeconds: [60, 60, 60] } }] },
 *   { thresholdSeconds: 20 }).calls.waitSeconds; // Float64Array [0, 50, 100]
 */
export function simulateOnce(
  input: SimulationInput,
  options: SimulateOnceOptions,
): { calls: SimulatedCalls; result: SimulationResult } {
  const fn = 'simulateOnce';
  if (typeof options !== 'object' || options === null)
    invalidInput(fn, 'options', 'must be an object', options);
  const model = toModel(fn, input, options.thresholdSeconds);
  const seed = checkSeed(fn, options.seed);
  const replication = options.replication ?? 0;
  if (!(Number.isInteger(replication) && replication >= 0 && replication < 100_000))
    invalidInput(fn, 'options.replication', 'must be an integer in 0..99999', replication);
  const states = streamStates(seed, replication + 1);
  const calls = emptySimulatedCalls();
  const counters = runReplication(model, states.subarray(4 * replication), new ReplicationScratch(), calls);
  return { calls, result: summarize(model, [counters], seed, 0.95) };
}
