import type { QueueDemand } from '../../queueing/types.js';
import { type CalibrationFit, fitAvailability } from '../availabilityFit.js';
import type { IntervalDemand } from '../demand.js';
import type { CalibrationFrame } from '../frame.js';
import { calibrationGrid, intervalIndex } from '../grid.js';
import { observedKpis } from '../observedKpis.js';
import type { ResolvedCalibrateOptions } from '../options.js';
import { type PredictedKpis, predictKpis } from '../predictedKpis.js';
import { agentsWorking, type FittedPresence } from '../presence/fitPresence.js';
import { presentAgents } from '../presence/presence.js';
import { queueAgentProfile } from '../presence/presenceQueue.js';
import type { CallRecord } from '../records.js';
import { queueAtStarts } from './queueStart.js';
import { type QueueStart, transientModel, transientProfileKpis } from './transient.js';

/** The queueing model `calibrate` predicts each interval with. */
export interface IntervalModel {
  /** The queue measured at the start of grid interval i (startState 'observed'), else undefined. */
  startOf: (i: number) => QueueStart | undefined;
  /**
   * The prediction for interval i at `agents` agents (availability factor `availabilityFactor`,
   * used by sub-intervals), Erlang A `withPatience`, else Erlang C.
   */
  predict: (i: number, withPatience: boolean, agents: number, availabilityFactor: number) => PredictedKpis;
}

/**
 * Step 5 of `calibrate`: the model of each interval. With `startState` 'steady', the textbook
 * steady state (`predictKpis`); with 'observed', the queue run forward over the interval from the
 * queue measured at its start (`queueAtStarts`): one memoised `transientModel` per interval (the
 * fits revisit the same whole agent counts), or, with `subIntervalMinutes` below the interval,
 * `transientProfileKpis` through sub-intervals, each with its own offered calls and agents working
 * (presence measured on a grid of sub-intervals). O(records log records) to set up; then one
 * model run per distinct (interval, whole agents, inputs).
 *
 * @example
 * // the February 1999 bank month on half hours: Monday 1 February, 10:00 (interval 20) opens
 * // with 8 agents talking and 4 callers waiting; 5.46 effective agents at factor 0.8457
 * const model = intervalModel(records, frame, presence, demandOf, resolveCalibrateOptions({}));
 * model.predict(20, true, 5.4607, 0.8457).serviceLevel; // 0.3467 (abandonment 0.1786)
 */
export function intervalModel(
  records: readonly CallRecord[],
  frame: CalibrationFrame,
  presence: Pick<FittedPresence, 'sessions'>,
  demandOf: IntervalDemand,
  options: Pick<
    ResolvedCalibrateOptions,
    'startState' | 'intervalMinutes' | 'subIntervalMinutes' | 'timeZone' | 'thresholdSeconds' | 'agentsSource'
  >,
): IntervalModel {
  const { grid } = frame;
  const { startState, intervalMinutes, subIntervalMinutes: subMinutes, timeZone, thresholdSeconds } = options;
  const starts = startState === 'observed' ? queueAtStarts(records, grid) : undefined;
  const perInterval = intervalMinutes / subMinutes;
  const sub =
    starts !== undefined && perInterval > 1
      ? (() => {
          const subGrid = calibrationGrid(frame.firstMs, frame.lastMs, timeZone, subMinutes);
          return {
            grid: subGrid,
            offered: observedKpis(records, subGrid, { thresholdSeconds }).offered,
            agentsAt: agentsWorking(
              presentAgents(presence.sessions, subGrid),
              options.agentsSource === 'queue'
                ? queueAgentProfile(records, presence.sessions, subGrid)
                : undefined,
            ),
          };
        })()
      : undefined;
  const startOf = (i: number): QueueStart | undefined =>
    starts === undefined
      ? undefined
      : { busyAgents: starts.busyAgents[i]!, waitingCallers: starts.waitingCallers[i]! };
  // one memoised transient model per interval: the fits revisit the same whole agent counts
  const transient: ((demand: QueueDemand, agents: number) => PredictedKpis)[] = [];
  const predict = (i: number, withPatience: boolean, agents: number, f: number): PredictedKpis => {
    const start = startOf(i);
    if (start === undefined) return predictKpis(demandOf(i, withPatience, agents), agents, thresholdSeconds);
    if (sub === undefined) {
      transient[i] ??= transientModel(start, thresholdSeconds);
      return transient[i](demandOf(i, withPatience, agents), agents);
    }
    const firstSub = intervalIndex(sub.grid, grid.starts[i]!);
    const parts = Array.from({ length: perInterval }, (_, k) => ({
      seconds: subMinutes * 60,
      calls: sub.offered[firstSub + k]!,
      agents: sub.agentsAt(firstSub + k, f),
    }));
    const d: QueueDemand = demandOf(i, withPatience, agents);
    return transientProfileKpis(parts, d.ahtSeconds, d.patienceSeconds, start, thresholdSeconds);
  };
  return { startOf, predict };
}

/**
 * Step 6 of `calibrate`: the availability factor under the interval model. The presence rule and
 * its factor were chosen with the steady state and exponential patience; a model other than that
 * (`startState` 'observed' or `patienceModel` 'hazard') refits the factor on the busy training
 * intervals within +-0.15 of the steady-state one (clamped to [0.3, 2], `fitAvailability`, Erlang
 * A with the interval's patience); otherwise the steady-state fit is kept. Cost: that of
 * `fitAvailability` with the model's predictions.
 *
 * @throws StaffcastError `INVALID_INPUT` when `trainBusy` is empty.
 * @example
 * // the February 1999 bank month on half hours, transient start: 0.850 (steady) refitted to 0.846
 * fitModelAvailability(frame, halves.train, presence, model, demandOf, resolveCalibrateOptions({}))
 *   .availabilityFactor; // 0.8457
 */
export function fitModelAvailability(
  frame: CalibrationFrame,
  trainBusy: readonly number[],
  presence: Pick<FittedPresence, 'fit' | 'present' | 'agentsAt'>,
  model: IntervalModel,
  demandOf: IntervalDemand,
  options: Pick<ResolvedCalibrateOptions, 'startState' | 'patienceModel' | 'thresholdSeconds'>,
): CalibrationFit {
  if (options.startState === 'steady' && options.patienceModel === 'exponential') return presence.fit;
  const steady = presence.fit.availabilityFactor;
  const { kpis } = frame;
  return fitAvailability(
    trainBusy.map((i) => ({
      demand: demandOf(i, true),
      presentAgents: presence.present[i]!,
      agentsAt: (f: number) => presence.agentsAt(i, f),
      predict: (agents: number, f: number) => model.predict(i, true, agents, f),
      serviceLevel: kpis.serviceLevel[i]!,
      abandonRate: kpis.abandonRate[i]!,
    })),
    options.thresholdSeconds,
    [Math.max(0.3, steady - 0.15), Math.min(2, steady + 0.15)],
  );
}
