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
 * import { resolveCalibrateOptions } from './options.js';
 * import { calibrationFrame } from './frame.js';
 * import { handleTimes } from './handleTime.js';
 * import { fitPatience } from './patience/fitPatience.js';
 * // two weekdays (Monday 1 and Tuesday 2 January 2024, UTC), a call a minute 10:00-10:59: waits 0-30 s,
 * // talk 120-180 s by agents A0-A2, every fifth caller hangs up after 30 s
 * const call = (day, k) => { const ab = k % 5 === 4, wait = ab ? 30 : (k % 4) * 10;
 *   return { arrivalMs: Date.UTC(2024, 0, 1 + day, 10) + k * 60_000, serviceType: 'PS', priority: 0,
 *     outcome: ab ? 'HANG' : 'AGENT', vruSeconds: 0, queued: wait > 0, queueSeconds: wait,
 *     servedByAgent: !ab, serviceSeconds: ab ? NaN : 120 + (k % 7) * 10, agent: ab ? '' : `A${k % 3}` }; };
 * const records = [0, 1].flatMap((day) => Array.from({ length: 60 }, (_, k) => call(day, k)));
 * const options = resolveCalibrateOptions({ timeZone: 'UTC' });
 * const frame = calibrationFrame(records, options);
 * const handleTime = handleTimes(frame, options);
 * const patience = fitPatience(records, frame, handleTime.seconds, options);
 * const demandOf = intervalDemand(frame, handleTime.seconds, patience, 30);
 * demandOf(20, true); // { callsPerInterval: 30, intervalMinutes: 30, ahtSeconds: 149.17, patienceSeconds: 90 }
 * // (Monday 10:00, interval 20 of the half-hour grid)
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
