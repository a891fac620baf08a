import type { CalibrationFrame } from '../frame.js';
import type { HazardBand } from './abandonHazard.js';
import { patienceMle } from './patience.js';

/** Pooled waiting and abandonment of the busy intervals of one half. */
export interface HalfPatience {
  /**
   * Exponential patience MLE (s, `patienceMle`): total wait of all offered calls / abandonments;
   * Infinity with no abandonment, NaN when nobody waited at all.
   */
  patienceSeconds: number;
  /** Mean wait of all offered calls (s), answered and abandoned. */
  meanWaitSeconds: number;
  /** Abandoned / offered. */
  abandonRate: number;
}

/** The check of the exponential-patience assumption (see `abandonmentHazard`). */
export interface PatienceCheck {
  /** Busy intervals of the training half. */
  train: HalfPatience;
  /** Busy intervals of the held-out half (diagnostic only: nothing is fitted on it). */
  test: HalfPatience;
  /** Abandonment hazard by waiting time over every offered call of the training days. */
  hazard: HazardBand[];
}

/**
 * The pooled patience of a set of intervals: `patienceMle(sum abandoned, sum waits)`, mean wait =
 * sum waits / sum offered (s) and abandon rate = sum abandoned / sum offered (NaN with nothing
 * offered). O(intervals in the set).
 *
 * @example
 * import { resolveCalibrateOptions } from '../options.js';
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
 * halfPatience(frame, halves.train); // { patienceSeconds: 90, meanWaitSeconds: 18, abandonRate: 0.2 }
 */
export function halfPatience(frame: CalibrationFrame, set: readonly number[]): HalfPatience {
  const { kpis } = frame;
  let offered = 0;
  let abandoned = 0;
  let wait = 0;
  for (const i of set) {
    offered += kpis.offered[i]!;
    abandoned += kpis.abandoned[i]!;
    wait += kpis.waitSecondsTotal[i]!;
  }
  return {
    patienceSeconds: patienceMle(abandoned, wait).patienceSeconds,
    meanWaitSeconds: offered > 0 ? wait / offered : Number.NaN,
    abandonRate: offered > 0 ? abandoned / offered : Number.NaN,
  };
}

/**
 * Diagnostic step of `calibrate`: is patience exponential? The pooled patience of the busy
 * intervals of each half ({@link halfPatience}) and the training days' abandonment hazard by
 * waiting time (`fitPatience`'s `trainHazard`; constant if patience is exponential).
 * O(busy intervals).
 *
 * @example
 * import { resolveCalibrateOptions } from '../options.js';
 * import { busyHalves, calibrationFrame } from '../frame.js';
 * import { handleTimes } from '../handleTime.js';
 * import { fitPatience } from './fitPatience.js';
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
 * const halves = busyHalves(frame, handleTime.seconds);
 * patienceCheck(frame, halves, patience.trainHazard).test.patienceSeconds; // 90
 */
export function patienceCheck(
  frame: CalibrationFrame,
  halves: { train: readonly number[]; test: readonly number[] },
  trainHazard: HazardBand[],
): PatienceCheck {
  return {
    train: halfPatience(frame, halves.train),
    test: halfPatience(frame, halves.test),
    hazard: trainHazard,
  };
}
