import {
  ARRIVALS_OVERDISPERSED,
  ARRIVALS_REPLAYED,
  HANDLE_LOGNORMAL,
  HANDLE_REPLAYED,
  PATIENCE_EXPONENTIAL,
  PATIENCE_REPLAYED,
  type SimulationModel,
} from './model.js';
import type { Variates } from './random.js';

/**
 * The calls of one replication, queue by queue, each queue's calls in arrival order: queue q holds
 * indices [start[q], start[q + 1]). Typed arrays reused across replications (grown by doubling).
 */
export class Calls {
  /** Calls stored (all queues). */
  count = 0;
  arrivalSeconds = new Float64Array(1024);
  handleSeconds = new Float64Array(1024);
  patienceSeconds = new Float64Array(1024);
  /** The interval each call arrived in. */
  interval = new Int32Array(1024);
  /** First call index of each queue, plus the total at the end (length queues + 1). */
  start = new Int32Array(1);

  /** Makes room for one more call. */
  grow(): void {
    const size = this.arrivalSeconds.length * 2;
    const copy = <T extends Float64Array | Int32Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.arrivalSeconds = copy(this.arrivalSeconds, new Float64Array(size));
    this.handleSeconds = copy(this.handleSeconds, new Float64Array(size));
    this.patienceSeconds = copy(this.patienceSeconds, new Float64Array(size));
    this.interval = copy(this.interval, new Int32Array(size));
  }
}

/**
 * Draws every call of one replication into `calls`, queue by queue: first the queue's arrival
 * times, then its handle times, then its patience, in call order. The draws depend only on the
 * model's demand and the stream, never on the agents, so two runs with the same stream and different
 * agents see the same calls (common random numbers).
 *
 * Arrivals with rate r_k = calls_k m / L in interval k (L seconds, m the gamma multiplier, 1 for
 * Poisson): exponential gaps of mean 1 / r_k from the interval start; the gap that crosses the interval
 * end is dropped and the next interval starts afresh (exact by the memoryless property). Cost O(calls
 * + intervals x queues).
 *
 * @example
 * import { streamStates, Variates } from './random.js';
 * import { toModel } from './model.js';
 * const model = toModel('x', { intervalMinutes: 60, agents: [1], queues: [{
 *   arrivals: { kind: 'replayed', arrivalSeconds: [5, 7] }, ahtSeconds: 100 }] }, 20);
 * const calls = new Calls();
 * generateCalls(model, new Variates(streamStates(1, 1)), calls);
 * calls.count; // 2 (with exponential handle times of mean 100 s drawn from the stream)
 */
export function generateCalls(model: SimulationModel, v: Variates, calls: Calls): void {
  const L = model.intervalSeconds;
  const K = model.intervals;
  const Q = model.queues.length;
  if (calls.start.length !== Q + 1) calls.start = new Int32Array(Q + 1);
  let n = 0;
  for (let q = 0; q < Q; q++) {
    const queue = model.queues[q]!;
    calls.start[q] = n;
    const first = n;
    if (queue.arrivals === ARRIVALS_REPLAYED) {
      const times = queue.arrivalSeconds;
      for (let i = 0; i < times.length; i++) {
        if (n === calls.arrivalSeconds.length) calls.grow();
        const t = times[i]!;
        calls.arrivalSeconds[n] = t;
        calls.interval[n] = Math.min(K - 1, Math.floor(t / L));
        n++;
      }
    } else {
      const rates = queue.calls;
      let dayMultiplier: Float64Array | undefined;
      const shape =
        queue.arrivals === ARRIVALS_OVERDISPERSED ? 1 / (queue.multiplierCv * queue.multiplierCv) : 0;
      if (shape > 0 && queue.multiplierPerDay) {
        dayMultiplier = new Float64Array(model.days);
        for (let d = 0; d < model.days; d++) dayMultiplier[d] = v.gamma(shape) / shape;
      }
      for (let k = 0; k < K; k++) {
        let rate = rates[k]! / L;
        if (shape > 0)
          rate *= dayMultiplier === undefined ? v.gamma(shape) / shape : dayMultiplier[model.dayIndex[k]!]!;
        if (!(rate > 0)) continue;
        const end = (k + 1) * L;
        let t = k * L;
        for (;;) {
          t += v.exponential() / rate;
          if (!(t < end)) break;
          if (n === calls.arrivalSeconds.length) calls.grow();
          calls.arrivalSeconds[n] = t;
          calls.interval[n] = k;
          n++;
        }
      }
    }
    // handle times
    const handle = calls.handleSeconds;
    if (queue.handle === HANDLE_REPLAYED) {
      handle.set(queue.handleSeconds, first);
    } else if (queue.handle === HANDLE_LOGNORMAL) {
      const s2 = Math.log(1 + queue.handleCv * queue.handleCv);
      const s = Math.sqrt(s2);
      for (let i = first; i < n; i++)
        handle[i] = queue.ahtSeconds[calls.interval[i]!]! * Math.exp(s * v.normal() - s2 / 2);
    } else {
      for (let i = first; i < n; i++) handle[i] = queue.ahtSeconds[calls.interval[i]!]! * v.exponential();
    }
    // patience
    const patience = calls.patienceSeconds;
    if (queue.patience === PATIENCE_REPLAYED) patience.set(queue.patienceSeconds, first);
    else if (queue.patience === PATIENCE_EXPONENTIAL)
      for (let i = first; i < n; i++) patience[i] = queue.patienceMeanSeconds * v.exponential();
    else patience.fill(Number.POSITIVE_INFINITY, first, n);
  }
  calls.start[Q] = n;
  calls.count = n;
}
