import { invalidInput } from '../errors.js';
import type { GridOptions } from '../time/gridOptions.js';

/**
 * Options of `deferredService` (`intervalMinutes`: the interval length, > 0).
 *
 * @internal
 */
export interface DeferredServiceOptions extends Required<Pick<GridOptions, 'intervalMinutes'>> {
  /** Mean handling time of one item in seconds (> 0). */
  ahtSeconds: number;
  /**
   * Per arrival interval, the index of the interval by whose end its items must be handled
   * (`DeferredRequirement.dueInterval`), >= its own index.
   */
  dueInterval: ArrayLike<number>;
}

/**
 * How deferred work fares with given agents.
 *
 * @internal
 */
export interface DeferredService {
  /** Per arrival interval: share of its items handled by their due interval (1 when none arrive). */
  onTimeShare: Float64Array;
  /**
   * Per arrival interval: mean time in seconds from the start of the arrival interval to the start
   * of the interval its handled items were handled in (interval resolution; NaN when none handled).
   */
  waitSeconds: Float64Array;
  /** Items handled per interval. */
  handled: Float64Array;
  /** Items waiting at the end of each interval. */
  backlog: Float64Array;
  /** Work done / agent time available per interval, 0..1 (0 without agents). */
  occupancy: Float64Array;
  /** Share of all items handled by their deadline (1 when there are none). */
  onTimeTotal: number;
}

/**
 * Deferred work (email, back office) worked first-in first-out by the agents given: the fluid
 * model of `deferredRequirement` run forwards. In interval t the agents handle up to
 * agents_t x intervalMinutes x 60 / ahtSeconds items, oldest first; an item arriving in
 * interval i is on time when it is handled in an interval <= dueInterval[i]. Items still waiting
 * after the last interval are late. Intervals are consecutive (closed intervals have 0 agents).
 * O(n) amortised.
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` for arrays of different lengths, a negative or
 *   non-finite arrival or agent count, a non-positive handle time or interval, or a due interval
 *   before its arrival interval.
 * @example
 * deferredService([10, 0, 0], [1, 1, 0], { intervalMinutes: 60, ahtSeconds: 720, dueInterval: [1, 2, 2] })
 *   .onTimeTotal; // 1 (5 items per agent-hour, 10 items handled in the first two hours)
 */
export function deferredService(
  arrivals: ArrayLike<number>,
  agents: ArrayLike<number>,
  options: DeferredServiceOptions,
): DeferredService {
  const fn = 'deferredService';
  const { intervalMinutes, ahtSeconds, dueInterval } = options;
  if (!(intervalMinutes > 0) || !Number.isFinite(intervalMinutes))
    invalidInput(fn, 'intervalMinutes', 'must be a number > 0', intervalMinutes);
  if (!(ahtSeconds > 0) || !Number.isFinite(ahtSeconds))
    invalidInput(fn, 'ahtSeconds', 'must be a number > 0', ahtSeconds);
  const n = arrivals.length;
  if (agents.length !== n)
    invalidInput(fn, 'agents', `must have one value per interval (${n})`, agents.length);
  if (dueInterval.length !== n)
    invalidInput(fn, 'dueInterval', `must have one value per interval (${n})`, dueInterval.length);
  const perAgent = (intervalMinutes * 60) / ahtSeconds;
  const onTime = new Float64Array(n);
  const waitSum = new Float64Array(n);
  const handledFrom = new Float64Array(n);
  const handled = new Float64Array(n);
  const backlog = new Float64Array(n);
  const occupancy = new Float64Array(n);
  const left = Float64Array.from({ length: n }, (_, i) => arrivals[i]!);
  let head = 0; // oldest arrival interval with items left
  let waiting = 0;
  let total = 0;
  let totalOnTime = 0;
  for (let t = 0; t < n; t++) {
    const a = arrivals[t]!;
    const g = agents[t]!;
    if (!(a >= 0) || !Number.isFinite(a))
      invalidInput(fn, `arrivals[${t}]`, 'must be a finite number >= 0', a);
    if (!(g >= 0) || !Number.isFinite(g)) invalidInput(fn, `agents[${t}]`, 'must be a finite number >= 0', g);
    if (!(dueInterval[t]! >= t)) invalidInput(fn, `dueInterval[${t}]`, `must be >= ${t}`, dueInterval[t]);
    waiting += a;
    total += a;
    const capacity = g * perAgent;
    let cap = capacity;
    while (cap > 1e-12 && head <= t) {
      const take = Math.min(cap, left[head]!);
      if (take > 0) {
        left[head] = left[head]! - take;
        cap -= take;
        waiting -= take;
        handledFrom[head] = handledFrom[head]! + take;
        waitSum[head] = waitSum[head]! + take * (t - head) * intervalMinutes * 60;
        if (t <= dueInterval[head]!) {
          onTime[head] = onTime[head]! + take;
          totalOnTime += take;
        }
      }
      if (left[head]! <= 1e-12) head++;
    }
    handled[t] = capacity - cap;
    backlog[t] = Math.max(0, waiting);
    occupancy[t] = capacity > 0 ? (capacity - cap) / capacity : 0;
  }
  return {
    onTimeShare: Float64Array.from(onTime, (o, i) => (arrivals[i]! > 0 ? Math.min(1, o / arrivals[i]!) : 1)),
    waitSeconds: Float64Array.from(waitSum, (w, i) =>
      handledFrom[i]! > 0 ? w / handledFrom[i]! : Number.NaN,
    ),
    handled,
    backlog,
    occupancy,
    onTimeTotal: total > 0 ? Math.min(1, totalOnTime / total) : 1,
  };
}
