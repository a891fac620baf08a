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
 * // the February 1999 bank month on half hours
 * halfErrors(frame, intervals, halves).test.erlangA.serviceLevel.mae; // 0.1171
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
