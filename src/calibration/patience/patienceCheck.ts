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
 * // the busy training half hours of the February 1999 bank month
 * halfPatience(frame, halves.train).patienceSeconds; // 309.5 (mean wait 41.2 s)
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
 * // the February 1999 bank month on half hours
 * patienceCheck(frame, halves, patience.trainHazard).test.patienceSeconds; // 374.0
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
