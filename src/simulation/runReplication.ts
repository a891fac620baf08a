import { Calls, generateCalls } from './generateCalls.js';
import type { SimulationModel } from './model.js';
import { Variates } from './random.js';

/** Per-queue, per-interval counter fields of `runReplication`'s result (by arrival interval). */
export const OFFERED = 0;
export const ANSWERED = 1;
export const ANSWERED_WITHIN = 2;
export const ABANDONED = 3;
/** Abandoned with patience <= threshold (a short abandon). */
export const ABANDONED_WITHIN = 4;
/** Virtual wait known and <= threshold. */
export const VIRTUAL_WITHIN = 5;
/** Sum of the waits of answered calls, seconds. */
export const WAIT_SUM = 6;
export const WAITING_AT_END = 7;
/** Fields per (queue, interval). */
export const QUEUE_FIELDS = 8;
/** Per-interval pool fields (time-based), after the queue fields: busy, present and overtime agent-seconds. */
export const BUSY_SECONDS = 0;
export const PRESENT_SECONDS = 1;
export const OVERTIME_SECONDS = 2;
export const POOL_FIELDS = 3;

/** `SimulatedCalls.outcome` of a call still waiting at the end of the horizon. */
export const WAITING = 0;
/** `SimulatedCalls.outcome` of an answered call. */
export const ANSWERED_OUTCOME = 1;
/** `SimulatedCalls.outcome` of an abandoned call. */
export const ABANDONED_OUTCOME = 2;

/** Every call of one replication (from `runReplication` with `record`), in `Calls` order. */
export interface SimulatedCalls {
  queue: Int32Array;
  arrivalSeconds: Float64Array;
  /** 0 still waiting at the end of the horizon, 1 answered, 2 abandoned. */
  outcome: Int8Array;
  /** Answered: the wait; abandoned: the patience; waiting at the end: the wait so far. */
  waitSeconds: Float64Array;
  /** The wait the call would have had had it not abandoned (NaN when not known by the horizon end). */
  virtualWaitSeconds: Float64Array;
  /** Time the call was answered (NaN when it was not). */
  answeredAtSeconds: Float64Array;
}

/** Scratch space of `runReplication`, reused across replications. */
export class ReplicationScratch {
  readonly calls = new Calls();
  heap = new Float64Array(16);
  head = new Int32Array(1);
  tail = new Int32Array(1);
}

/**
 * One replication of the discrete-event simulation of `model`, with random stream `state` (four
 * integers, see `streamStates`). Returns the counters: field f of (queue q, interval k) at
 * (q * intervals + k) * QUEUE_FIELDS + f, then field f of the pool in interval k at
 * queues * intervals * QUEUE_FIELDS + k * POOL_FIELDS + f; with
 * `record`, also fills it with every call's outcome.
 *
 * The model. Calls join their queue in arrival order. A free agent takes, among the queues' oldest
 * waiting calls, the oldest one (`fcfs`) or the one of the first non-empty queue (`priority`); a
 * call that finds an agent free is answered at once. A waiting caller abandons at arrival +
 * patience and takes no agent time. At each interval boundary the agents on duty become the new
 * interval's count: joining agents take waiting calls at once; when the count drops, idle agents
 * leave first, and for each busy agent still owed ("the deficit") the next agent to finish a call
 * leaves instead of taking another. At equal times: the interval boundary, then call completions,
 * then arrivals. The run stops at the end of the horizon: calls still waiting then are reported as
 * such; calls in service then count as answered.
 *
 * Method. Events are the next arrival (the queues' call lists in order), the next completion (a
 * binary min-heap of the busy agents' end times in a Float64Array) and the next boundary; no object
 * is allocated per event. Abandonment needs no event of its own: a queue is the contiguous range of
 * its calls [head, tail), and when a free agent looks for a call it drops, in routing order, the
 * callers whose patience ran out (arrival + patience <= now) before taking the first who is still
 * there. That dropping time is exactly when the dropped caller would have been answered had he
 * stayed (every earlier free agent took a call ranked before him), so it gives his virtual wait.
 * Calls and their draws come from `generateCalls` before the run (common random numbers across
 * staffing levels). Cost O(calls (log agents + queues) + intervals x queues).
 *
 * @example
 * // one agent, calls at 0, 10 and 20 s of 60 s each: waits 0, 50 and 100 s
 * import { toModel } from './model.js';
 * const model = toModel('x', { intervalMinutes: 60, agents: [1], queues: [{ arrivals: { kind: 'replayed',
 *   arrivalSeconds: [0, 10, 20] }, handleTime: { kind: 'replayed', handleSeconds: [60, 60, 60] } }] }, 20);
 * const calls = emptySimulatedCalls();
 * runReplication(model, [0, 0, 0, 1], new ReplicationScratch(), calls);
 * calls.waitSeconds; // Float64Array [0, 50, 100]
 */
export function runReplication(
  model: SimulationModel,
  state: ArrayLike<number>,
  scratch: ReplicationScratch,
  record?: SimulatedCalls,
): Float64Array {
  const K = model.intervals;
  const Q = model.queues.length;
  const L = model.intervalSeconds;
  const T = model.thresholdSeconds;
  const priority = model.priority;
  const counters = new Float64Array(Q * K * QUEUE_FIELDS + K * POOL_FIELDS);
  const poolBase = Q * K * QUEUE_FIELDS;
  const calls = scratch.calls;
  generateCalls(model, new Variates(state), calls);
  const arrival = calls.arrivalSeconds;
  const handle = calls.handleSeconds;
  const patience = calls.patienceSeconds;
  const callInterval = calls.interval;
  const start = calls.start;
  // counter offset of call c's (queue, arrival interval)
  const slot = (c: number, q: number): number => (q * K + callInterval[c]!) * QUEUE_FIELDS;

  for (let q = 0; q < Q; q++) {
    for (let c = start[q]!; c < start[q + 1]!; c++) counters[slot(c, q) + OFFERED]!++;
  }
  if (record !== undefined) {
    const n = calls.count;
    record.queue = new Int32Array(n);
    for (let q = 0; q < Q; q++) record.queue.fill(q, start[q]!, start[q + 1]!);
    record.arrivalSeconds = arrival.slice(0, n);
    record.outcome = new Int8Array(n);
    record.waitSeconds = new Float64Array(n);
    record.virtualWaitSeconds = new Float64Array(n).fill(Number.NaN);
    record.answeredAtSeconds = new Float64Array(n).fill(Number.NaN);
  }

  if (scratch.heap.length < model.maxAgents) scratch.heap = new Float64Array(model.maxAgents);
  if (scratch.head.length !== Q) {
    scratch.head = new Int32Array(Q);
    scratch.tail = new Int32Array(Q);
  }
  const heap = scratch.heap;
  const head = scratch.head;
  const tail = scratch.tail;
  for (let q = 0; q < Q; q++) {
    head[q] = start[q]!;
    tail[q] = start[q]!;
  }
  let heapSize = 0;

  const push = (time: number): void => {
    let i = heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (p <= time) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = time;
  };
  const pop = (): void => {
    const last = heap[--heapSize]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heapSize) break;
      const right = child + 1;
      if (right < heapSize && heap[right]! < heap[child]!) child = right;
      if (heap[child]! >= last) break;
      heap[i] = heap[child]!;
      i = child;
    }
    if (heapSize > 0) heap[i] = last;
  };

  const answer = (c: number, q: number, t: number): void => {
    const wait = t - arrival[c]!;
    const s = slot(c, q);
    counters[s + ANSWERED]!++;
    counters[s + WAIT_SUM]! += wait;
    if (wait <= T) {
      counters[s + ANSWERED_WITHIN]!++;
      counters[s + VIRTUAL_WITHIN]!++;
    }
    push(t + handle[c]!);
    if (record !== undefined) {
      record.outcome[c] = ANSWERED_OUTCOME;
      record.waitSeconds[c] = wait;
      record.virtualWaitSeconds[c] = wait;
      record.answeredAtSeconds[c] = t;
    }
  };
  const abandon = (c: number, q: number, virtualWait: number): void => {
    const s = slot(c, q);
    counters[s + ABANDONED]!++;
    if (patience[c]! <= T) counters[s + ABANDONED_WITHIN]!++;
    if (virtualWait <= T) counters[s + VIRTUAL_WITHIN]!++;
    if (record !== undefined) {
      record.outcome[c] = ABANDONED_OUTCOME;
      record.waitSeconds[c] = patience[c]!;
      record.virtualWaitSeconds[c] = virtualWait;
    }
  };
  /** A free agent at time t: takes the next caller still waiting (true), or finds none (false). */
  const take = (t: number): boolean => {
    for (;;) {
      let best = -1;
      if (priority) {
        for (let q = 0; q < Q; q++)
          if (head[q]! < tail[q]!) {
            best = q;
            break;
          }
      } else {
        let oldest = Number.POSITIVE_INFINITY;
        for (let q = 0; q < Q; q++) {
          const h = head[q]!;
          if (h < tail[q]! && arrival[h]! < oldest) {
            oldest = arrival[h]!;
            best = q;
          }
        }
      }
      if (best < 0) return false;
      const c = head[best]!++;
      const a = arrival[c]!;
      if (a + patience[c]! <= t) abandon(c, best, t - a);
      else {
        answer(c, best, t);
        return true;
      }
    }
  };

  let k = 0;
  let target = model.agents[0]!;
  let idle = target;
  let deficit = 0;
  let last = 0;
  let busyAcc = 0;
  let presentAcc = 0;
  let overtimeAcc = 0;
  let boundary = L;
  // the next arrival (time, queue): changes only when an arrival is taken
  let ta = Number.POSITIVE_INFINITY;
  let qa = -1;
  const nextArrival = (): void => {
    ta = Number.POSITIVE_INFINITY;
    qa = -1;
    for (let q = 0; q < Q; q++) {
      const i = tail[q]!;
      if (i < start[q + 1]! && arrival[i]! < ta) {
        ta = arrival[i]!;
        qa = q;
      }
    }
  };
  nextArrival();
  for (;;) {
    const tc = heapSize > 0 ? heap[0]! : Number.POSITIVE_INFINITY;
    const t = Math.min(boundary, tc, ta);
    const dt = t - last;
    busyAcc += heapSize * dt;
    presentAcc += (heapSize + idle) * dt;
    overtimeAcc += deficit * dt;
    last = t;
    // at equal times: the boundary, then completions, then arrivals
    if (t === boundary) {
      const p = poolBase + k * POOL_FIELDS;
      counters[p + BUSY_SECONDS] = busyAcc;
      counters[p + PRESENT_SECONDS] = presentAcc;
      counters[p + OVERTIME_SECONDS] = overtimeAcc;
      busyAcc = 0;
      presentAcc = 0;
      overtimeAcc = 0;
      k++;
      if (k === K) break;
      boundary = (k + 1) * L;
      const next = model.agents[k]!;
      if (next > target) {
        let join = next - target;
        const stay = Math.min(deficit, join);
        deficit -= stay;
        join -= stay;
        while (join > 0 && take(t)) join--;
        idle += join;
      } else if (next < target) {
        const leave = target - next;
        const idleLeaving = Math.min(idle, leave);
        idle -= idleLeaving;
        deficit += leave - idleLeaving;
      }
      target = next;
    } else if (t === tc) {
      pop();
      if (deficit > 0) deficit--;
      else if (!take(t)) idle++;
    } else {
      const c = tail[qa]!++;
      if (idle > 0) {
        // an idle agent means every queue is empty: c is at its queue's head
        idle--;
        head[qa]!++;
        answer(c, qa, t);
      }
      nextArrival();
    }
  }
  const horizon = K * L;
  for (let q = 0; q < Q; q++) {
    for (let c = head[q]!; c < tail[q]!; c++) {
      if (arrival[c]! + patience[c]! <= horizon) abandon(c, q, Number.NaN);
      else {
        counters[slot(c, q) + WAITING_AT_END]!++;
        if (record !== undefined) {
          record.outcome[c] = WAITING;
          record.waitSeconds[c] = horizon - arrival[c]!;
        }
      }
    }
  }
  return counters;
}

/** An empty `SimulatedCalls` to pass to `runReplication`. */
export function emptySimulatedCalls(): SimulatedCalls {
  return {
    queue: new Int32Array(0),
    arrivalSeconds: new Float64Array(0),
    outcome: new Int8Array(0),
    waitSeconds: new Float64Array(0),
    virtualWaitSeconds: new Float64Array(0),
    answeredAtSeconds: new Float64Array(0),
  };
}
