import { invalidInput } from '../errors.js';
import { simulate } from './simulate.js';
import type { SimulatedPeriod, SimulationQueue } from './types.js';

/** One day to replay: the planned agents per interval and the calls that really came. */
export interface ReplayDayInput {
  /** Length of the planned intervals, minutes (> 0, at most 1440). */
  intervalMinutes: number;
  /** Epoch ms of each planned (open) interval of the day, increasing, whole intervals apart. */
  starts: ArrayLike<number>;
  /** Whole agents on the phones in each planned interval. */
  agents: ArrayLike<number>;
  /** Mean handle seconds of each planned interval (calls without a replayed handle time). */
  ahtSeconds: ArrayLike<number>;
  /** Epoch ms each call arrived, non-decreasing. */
  arrivalMs: ArrayLike<number>;
  /** Each call's own handle time, seconds; absent: exponential at the interval's `ahtSeconds`. */
  handleSeconds?: ArrayLike<number> | undefined;
  /** Each call's own patience, seconds (Infinity: never abandons); absent: see `patienceMeanSeconds`. */
  patienceSeconds?: ArrayLike<number> | undefined;
  /** Mean exponential patience when no patience is replayed; absent: nobody abandons. */
  patienceMeanSeconds?: number | undefined;
}

/** Options of `simulateReplayDay`. */
export interface ReplayDayOptions {
  /** Service-level answer threshold, seconds (>= 0). */
  thresholdSeconds: number;
  /** Replications (1..100000); default 1 (enough when handle times and patience are replayed). */
  replications?: number;
  /** Seed (integer in [0, 2^32)); default 1. */
  seed?: number;
}

/** What a replayed day got. */
export interface ReplayDayOutcome {
  /** The day's calls together: service level (three bases), ASA, abandonment, occupancy. */
  day: SimulatedPeriod;
  /** Per planned interval (same order as `starts`): the calls that arrived in it. */
  intervals: SimulatedPeriod[];
  /** Calls that arrived in each planned interval. */
  actualCalls: Float64Array;
  /** Calls that arrived outside every planned interval (the plan had the centre closed). */
  callsOutsidePlan: number;
}

/**
 * Replays one day through its planned staffing: the real calls (`arrivalMs`, with their own handle
 * times and patience when known) are simulated (`simulate`: FCFS, agents joining and leaving at
 * interval boundaries, a leaving agent finishing the call in hand) against the whole agents the
 * plan puts on the phones. The grid runs from the first planned interval (or earlier, when calls
 * came before it) to the last (or later, when calls came after it); intervals outside the plan have
 * no agents, so their callers wait for the next planned interval or count as not answered. Calls
 * still waiting at the end of the grid count as offered and not answered. This is the step of
 * `replay` run for each day on its own; a caller may change `agents` first (intraday re-staffing).
 * Cost: that of `simulate` for the day.
 *
 * @throws StaffcastError INVALID_INPUT naming `simulateReplayDay`: lengths differ, starts not whole
 *   intervals apart, neither a planned interval nor a call; and as `simulate`
 * @example
 * // two calls in one hour with one agent: the second waits until the first ends (60 s > 20 s)
 * const r = await simulateReplayDay({ intervalMinutes: 60, starts: [0], agents: [1], ahtSeconds: [60],
 *   arrivalMs: [0, 10_000], handleSeconds: [70, 70] }, { thresholdSeconds: 20 });
 * r.day.serviceLevel.offered.mean; // 0.5
 */
export async function simulateReplayDay(
  input: ReplayDayInput,
  options: ReplayDayOptions,
): Promise<ReplayDayOutcome> {
  const fn = 'simulateReplayDay';
  const { starts, agents, ahtSeconds, arrivalMs } = input;
  const n = starts.length;
  if (agents.length !== n) invalidInput(fn, 'agents.length', `must equal starts.length ${n}`, agents.length);
  if (ahtSeconds.length !== n)
    invalidInput(fn, 'ahtSeconds.length', `must equal starts.length ${n}`, ahtSeconds.length);
  const calls = arrivalMs.length;
  if (n === 0 && calls === 0) invalidInput(fn, 'starts', 'must have a planned interval or a call');
  const minutes = input.intervalMinutes;
  if (!(minutes > 0 && minutes <= 1440))
    invalidInput(fn, 'intervalMinutes', 'must be a number in (0, 1440]', minutes);
  const step = minutes * 60_000;
  const anchor = n > 0 ? starts[0]! : arrivalMs[0]!;
  const slot = (ms: number) => Math.floor((ms - anchor) / step);
  const planned = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = (starts[i]! - anchor) / step;
    if (!(Number.isInteger(k) && (i === 0 || k > planned[i - 1]!)))
      invalidInput(fn, `starts[${i}]`, 'must be whole intervals after the one before', starts[i]);
    planned[i] = k;
  }
  let first = 0;
  let last = n > 0 ? planned[n - 1]! : 0;
  if (calls > 0) {
    first = Math.min(first, slot(arrivalMs[0]!));
    last = Math.max(last, slot(arrivalMs[calls - 1]!));
  }
  const size = last - first + 1;
  const gridStart = anchor + first * step;
  const gridAgents = new Int32Array(size);
  const gridAht = new Float64Array(size).fill(Number.NaN);
  const rowOf = new Int32Array(size).fill(-1);
  for (let i = 0; i < n; i++) {
    const k = planned[i]! - first;
    gridAgents[k] = agents[i]!;
    gridAht[k] = ahtSeconds[i]!;
    rowOf[k] = i;
  }
  // intervals outside the plan: the handle time of the planned interval before (or the first one)
  let carry = n > 0 ? ahtSeconds[0]! : 1;
  for (let k = 0; k < size; k++) {
    if (Number.isNaN(gridAht[k]!)) gridAht[k] = carry;
    else carry = gridAht[k]!;
  }
  const arrivalSeconds = Float64Array.from(arrivalMs, (ms) => (ms - gridStart) / 1000);
  const actualCalls = new Float64Array(n);
  let callsOutsidePlan = 0;
  for (let c = 0; c < calls; c++) {
    const row = rowOf[slot(arrivalMs[c]!) - first]!;
    if (row >= 0) actualCalls[row]!++;
    else callsOutsidePlan++;
  }
  const queue: SimulationQueue = {
    arrivals: { kind: 'replayed', arrivalSeconds },
    ...(input.handleSeconds === undefined
      ? { ahtSeconds: gridAht }
      : { handleTime: { kind: 'replayed' as const, handleSeconds: input.handleSeconds } }),
    patience:
      input.patienceSeconds !== undefined
        ? { kind: 'replayed', patienceSeconds: input.patienceSeconds }
        : input.patienceMeanSeconds !== undefined
          ? { kind: 'exponential', meanSeconds: input.patienceMeanSeconds }
          : { kind: 'none' },
  };
  const result = await simulate(
    { intervalMinutes: minutes, agents: gridAgents, dayIndex: new Int32Array(size), queues: [queue] },
    {
      thresholdSeconds: options.thresholdSeconds,
      replications: options.replications ?? 1,
      seed: options.seed ?? 1,
      workers: 1,
    },
  );
  return {
    day: result.horizon,
    intervals: Array.from(planned, (k) => result.intervals[k - first]!),
    actualCalls,
    callsOutsidePlan,
  };
}
