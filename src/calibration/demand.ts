import type { QueueDemand } from '../queueing/types.js';
import type { CalibrationFrame } from './frame.js';
import type { FittedPatience } from './patience/fitPatience.js';

/**
 * The queueing-model inputs of grid interval i: its offered calls, interval length and handle
 * time, plus (when `withPatience`, for Erlang A) the patience of `FittedPatience.secondsAt` at
 * `agents` (default NaN: the exponential level); no patience when none was estimated.
 */
export type IntervalDemand = (i: number, withPatience: boolean, agents?: number) => QueueDemand;

/**
 * The model inputs of every interval (see {@link IntervalDemand}): each interval's own offered calls
 * (measured, as a planner reports them), the handle time of `handleTimes` and the patience of
 * `fitPatience`. O(1) per call (a hazard match is memoised per interval).
 *
 * @example
 * // the February 1999 bank month on half hours: interval 20 is Monday 1 February, 10:00
 * const demandOf = intervalDemand(frame, handleTime.seconds, patience, 30);
 * demandOf(20, true);
 * // { callsPerInterval: 53, intervalMinutes: 30, ahtSeconds: 190.87, patienceSeconds: 387.76 } (rounded)
 */
export function intervalDemand(
  frame: CalibrationFrame,
  ahtSeconds: ArrayLike<number>,
  patience: Pick<FittedPatience, 'secondsAt'>,
  intervalMinutes: number,
): IntervalDemand {
  return (i, withPatience, agents = Number.NaN) => {
    const demand = { callsPerInterval: frame.kpis.offered[i]!, intervalMinutes, ahtSeconds: ahtSeconds[i]! };
    if (!withPatience) return demand;
    const patienceSeconds = patience.secondsAt(i, agents);
    return patienceSeconds === undefined ? demand : { ...demand, patienceSeconds };
  };
}
