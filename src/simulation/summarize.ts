import { estimate } from './estimate.js';
import type { SimulationModel } from './model.js';
import {
  ABANDONED,
  ABANDONED_WITHIN,
  ANSWERED,
  ANSWERED_WITHIN,
  BUSY_SECONDS,
  OFFERED,
  OVERTIME_SECONDS,
  POOL_FIELDS,
  PRESENT_SECONDS,
  QUEUE_FIELDS,
  VIRTUAL_WITHIN,
  WAIT_SUM,
  WAITING_AT_END,
} from './runReplication.js';
import type { SimulatedPeriod, SimulatedQueuePeriod, SimulationResult } from './types.js';

const SL_OFFERED = 0;
const SL_EXCLUDE = 1;
const SL_VIRTUAL = 2;
const ASA = 3;
const ABANDON_RATE = 4;
const N_OFFERED = 5;
const N_ANSWERED = 6;
const N_ABANDONED = 7;
const N_WAITING = 8;
const OCCUPANCY = 9;
const OVERTIME = 10;
const METRICS = 11;

/**
 * The metrics of each replication for one group of queues (`queue` = -1: all together), per unit:
 * the intervals, then the days, then the horizon. values[(unit * METRICS + metric) * R + r].
 */
function metricValues(
  model: SimulationModel,
  counters: readonly Float64Array[],
  queue: number,
): Float64Array {
  const K = model.intervals;
  const D = model.days;
  const Q = model.queues.length;
  const units = K + D + 1;
  const R = counters.length;
  const values = new Float64Array(units * METRICS * R);
  const totals = new Float64Array(units * QUEUE_FIELDS);
  const pool = new Float64Array(units * POOL_FIELDS);
  const poolBase = Q * K * QUEUE_FIELDS;
  const first = Math.max(0, queue);
  const end = queue < 0 ? Q : queue + 1;
  for (let r = 0; r < R; r++) {
    const c = counters[r]!;
    totals.fill(0);
    pool.fill(0);
    for (let k = 0; k < K; k++) {
      const day = K + model.dayIndex[k]!;
      const whole = K + D;
      for (let q = first; q < end; q++) {
        const from = (q * K + k) * QUEUE_FIELDS;
        for (let f = 0; f < QUEUE_FIELDS; f++) {
          const v = c[from + f]!;
          totals[k * QUEUE_FIELDS + f]! += v;
          totals[day * QUEUE_FIELDS + f]! += v;
          totals[whole * QUEUE_FIELDS + f]! += v;
        }
      }
      for (let f = 0; f < POOL_FIELDS; f++) {
        const v = c[poolBase + k * POOL_FIELDS + f]!;
        pool[k * POOL_FIELDS + f] = v;
        pool[day * POOL_FIELDS + f]! += v;
        pool[whole * POOL_FIELDS + f]! += v;
      }
    }
    for (let u = 0; u < units; u++) {
      const t = u * QUEUE_FIELDS;
      const offered = totals[t + OFFERED]!;
      const answered = totals[t + ANSWERED]!;
      const within = totals[t + ANSWERED_WITHIN]!;
      const abandoned = totals[t + ABANDONED]!;
      const excluded = offered - totals[t + ABANDONED_WITHIN]!;
      const present = pool[u * POOL_FIELDS + PRESENT_SECONDS]!;
      const put = (m: number, v: number) => {
        values[(u * METRICS + m) * R + r] = v;
      };
      put(SL_OFFERED, offered > 0 ? within / offered : Number.NaN);
      put(SL_EXCLUDE, excluded > 0 ? within / excluded : Number.NaN);
      put(SL_VIRTUAL, offered > 0 ? totals[t + VIRTUAL_WITHIN]! / offered : Number.NaN);
      put(ASA, answered > 0 ? totals[t + WAIT_SUM]! / answered : Number.NaN);
      put(ABANDON_RATE, offered > 0 ? abandoned / offered : Number.NaN);
      put(N_OFFERED, offered);
      put(N_ANSWERED, answered);
      put(N_ABANDONED, abandoned);
      put(N_WAITING, totals[t + WAITING_AT_END]!);
      put(OCCUPANCY, present > 0 ? pool[u * POOL_FIELDS + BUSY_SECONDS]! / present : Number.NaN);
      put(OVERTIME, pool[u * POOL_FIELDS + OVERTIME_SECONDS]!);
    }
  }
  return values;
}

function queuePeriod(
  values: Float64Array,
  unit: number,
  R: number,
  confidence: number,
): SimulatedQueuePeriod {
  const e = (m: number) => estimate(values, confidence, (unit * METRICS + m) * R, R);
  return {
    serviceLevel: { offered: e(SL_OFFERED), excludeShortAbandons: e(SL_EXCLUDE), virtualWait: e(SL_VIRTUAL) },
    asaSeconds: e(ASA),
    abandonRate: e(ABANDON_RATE),
    offered: e(N_OFFERED),
    answered: e(N_ANSWERED),
    abandoned: e(N_ABANDONED),
    waitingAtEnd: e(N_WAITING),
  };
}

function poolPeriod(values: Float64Array, unit: number, R: number, confidence: number): SimulatedPeriod {
  const e = (m: number) => estimate(values, confidence, (unit * METRICS + m) * R, R);
  return {
    ...queuePeriod(values, unit, R, confidence),
    occupancy: e(OCCUPANCY),
    overtimeAgentSeconds: e(OVERTIME),
  };
}

/**
 * Turns the counters of each replication (from `runReplication`, in replication order) into
 * estimates per interval, per day and over the horizon, for all queues together and per queue. Each
 * replication's figure is a ratio of its own totals (e.g. a day's service level = the day's calls
 * answered within the threshold / the day's calls offered); the estimate is the mean of these figures
 * across replications with a Student-t interval (see `estimate`). Cost O(R x intervals x queues).
 *
 * @example
 * import { streamStates } from './random.js';
 * // two replications of one agent taking calls at 0, 10 and 20 s of 60 s each (waits 0, 50, 100 s)
 * import { toModel } from './model.js';
 * import { ReplicationScratch, runReplication } from './runReplication.js';
 * const model = toModel('x', { intervalMinutes: 60, agents: [1], queues: [{ arrivals: { kind: 'replayed',
 *   arrivalSeconds: [0, 10, 20] }, handleTime: { kind: 'replayed', handleSeconds: [60, 60, 60] } }] }, 20);
 * const states = streamStates(1, 2);
 * const counters = [0, 1].map((r) =>
 *   runReplication(model, states.subarray(4 * r, 4 * r + 4), new ReplicationScratch()));
 * const result = summarize(model, counters, 1, 0.95);
 * result.horizon.serviceLevel.offered; // { mean: 1 / 3, standardError: 0, lower: 1 / 3, upper: 1 / 3,
 * //   replications: 2 } (replayed calls: both replications alike)
 * result.horizon.asaSeconds.mean; // 50
 * result.horizon.occupancy.mean; // 0.05 (180 s busy in one agent-hour)
 */
export function summarize(
  model: SimulationModel,
  counters: readonly Float64Array[],
  seed: number,
  confidence: number,
): SimulationResult {
  const K = model.intervals;
  const D = model.days;
  const R = counters.length;
  const all = metricValues(model, counters, -1);
  const range = (n: number, from: number) => Array.from({ length: n }, (_, i) => from + i);
  return {
    replications: R,
    seed,
    confidence,
    thresholdSeconds: model.thresholdSeconds,
    intervals: range(K, 0).map((u) => poolPeriod(all, u, R, confidence)),
    days: range(D, K).map((u) => poolPeriod(all, u, R, confidence)),
    horizon: poolPeriod(all, K + D, R, confidence),
    queues: model.queues.map((q, i) => {
      const values = model.queues.length === 1 ? all : metricValues(model, counters, i);
      return {
        name: q.name,
        intervals: range(K, 0).map((u) => queuePeriod(values, u, R, confidence)),
        days: range(D, K).map((u) => queuePeriod(values, u, R, confidence)),
        horizon: queuePeriod(values, K + D, R, confidence),
      };
    }),
  };
}
