import type { CalibrationFrame } from '../frame.js';
import type { CalibrationInterval } from '../intervals.js';
import { type ModelErrors, modelErrors } from './modelErrors.js';

/** Errors of Erlang A and Erlang C on the busy intervals of each half. */
export interface HalfErrors {
  /** Training half (the factor was fitted on it). */
  train: { erlangA: ModelErrors; erlangC: ModelErrors };
  /** Held-out half. */
  test: { erlangA: ModelErrors; erlangC: ModelErrors };
}

/**
 * Step 9 of `calibrate`: the MAE / bias of each model (`modelErrors`: per interval and
 * volume-weighted per day) on the busy intervals of each half. O(busy intervals).
 *
 * @example
 * import { resolveCalibrateOptions } from '../options.js';
 * import { calibrate } from '../calibrate.js';
 * import { busyHalves, calibrationFrame } from '../frame.js';
 * import { handleTimes } from '../handleTime.js';
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
 * const halves = busyHalves(frame, handleTime.seconds);
 * // the intervals of step 7, here as calibrate returns them
 * const { intervals } = calibrate(records, { timeZone: 'UTC', noiseFloorReplications: 0 });
 * halfErrors(frame, intervals, halves).test.erlangA.serviceLevel.mae; // 0.0188
 */
export function halfErrors(
  frame: CalibrationFrame,
  intervals: readonly CalibrationInterval[],
  halves: { train: readonly number[]; test: readonly number[] },
): HalfErrors {
  const { grid, kpis } = frame;
  const summarize = (set: readonly number[], model: 'erlangA' | 'erlangC'): ModelErrors =>
    modelErrors(
      set.map((i) => ({
        day: grid.dayIndex[i]!,
        offered: intervals[i]!.offered,
        answeredWithin: kpis.answeredWithin[i]!,
        abandoned: kpis.abandoned[i]!,
        observed: intervals[i]!.observed,
        predicted: intervals[i]![model],
      })),
    );
  return {
    train: { erlangA: summarize(halves.train, 'erlangA'), erlangC: summarize(halves.train, 'erlangC') },
    test: { erlangA: summarize(halves.test, 'erlangA'), erlangC: summarize(halves.test, 'erlangC') },
  };
}
