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
 * import { resolveCalibrateOptions } from '../options.js';
 * import { intervalDemand } from '../demand.js';
 * import { busyHalves, calibrationFrame } from '../frame.js';
 * import { handleTimes } from '../handleTime.js';
 * import { fitPatience } from '../patience/fitPatience.js';
 * import { fitPresence } from '../presence/fitPresence.js';
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
 * const halves = busyHalves(frame, handleTime.seconds);
 * const presence = fitPresence(records, frame, halves.train, demandOf, options);
 * const model = intervalModel(records, frame, presence, demandOf, options);
 * // Monday 10:00 (interval 20) opens empty; 2 effective agents at factor 0.9
 * model.predict(20, true, 2, 0.9).serviceLevel; // 0.4415
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
 * import { resolveCalibrateOptions } from '../options.js';
 * import { intervalDemand } from '../demand.js';
 * import { busyHalves, calibrationFrame } from '../frame.js';
 * import { handleTimes } from '../handleTime.js';
 * import { fitPatience } from '../patience/fitPatience.js';
 * import { fitPresence } from '../presence/fitPresence.js';
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
 * const halves = busyHalves(frame, handleTime.seconds);
 * const presence = fitPresence(records, frame, halves.train, demandOf, options);
 * const model = intervalModel(records, frame, presence, demandOf, options);
 * fitModelAvailability(frame, halves.train, presence, model, demandOf, options)
 *   .availabilityFactor; // 0.9072
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
