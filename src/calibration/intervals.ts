import type { IntervalDemand } from './demand.js';
import type { CalibrationFrame } from './frame.js';
import type { PredictedKpis } from './predictedKpis.js';
import type { AgentsAt } from './presence/fitPresence.js';
import type { IntervalModel } from './transient/intervalModel.js';
import type { QueueStart } from './transient/transient.js';

/** One interval of the calibration: what happened and what each model predicted. */
export interface CalibrationInterval {
  /** Epoch ms of the interval start. */
  startMs: number;
  /** Local day number (0 = first day). */
  day: number;
  /** Local weekday (0 Sunday). */
  weekday: number;
  /** Local minute of day. */
  minuteOfDay: number;
  /** 'train' (fit) or 'test' (held out). */
  half: 'train' | 'test';
  /** In the busy set the targets are scored on. */
  busy: boolean;
  /** Calls offered to agents. */
  offered: number;
  /** Agents present (sum of presence fractions). */
  presentAgents: number;
  /** Agents given to the models: availabilityFactor x presentAgents, or `queueAgents` ('queue'). */
  effectiveAgents: number;
  /** Handle time given to the models (s). */
  ahtSeconds: number;
  /** Patience given to Erlang A (s); Infinity when none was estimated. */
  patienceSeconds: number;
  /** The queue at the interval start the predictions started from (startState 'observed'). */
  queueAtStart?: QueueStart;
  /** Observed service level, ASA (s), abandonment; NaN when undefined. */
  observed: PredictedKpis;
  /** Erlang A prediction (NaN when nothing was offered). */
  erlangA: PredictedKpis;
  /** Erlang C prediction. */
  erlangC: PredictedKpis;
}

/** What {@link calibrationIntervals} reads besides the frame. */
export interface IntervalPredictionInputs {
  /** Handle time of each grid interval (s, `handleTimes`). */
  ahtSeconds: ArrayLike<number>;
  /** Exponential patience of each grid interval (s, `fitPatience`): shown when Erlang A gets none. */
  patienceSeconds: ArrayLike<number>;
  /** The model inputs of an interval (`intervalDemand`). */
  demandOf: IntervalDemand;
  /** Agents present per grid interval (`fitPresence`). */
  present: ArrayLike<number>;
  /** Agents working at a factor (`fitPresence`). */
  agentsAt: AgentsAt;
  /** The fitted availability factor. */
  availabilityFactor: number;
  /** The model of each interval (`intervalModel`). */
  model: IntervalModel;
}

/**
 * Step 7 of `calibrate`: every interval's inputs, observations and predictions. An interval with
 * offered calls and a positive handle time gets Erlang A (with patience) and Erlang C predictions
 * at `agentsAt(i, availabilityFactor)` effective agents; the others get NaN. O(intervals) model
 * runs.
 *
 * @example
 * import { resolveCalibrateOptions } from './options.js';
 * import { intervalDemand } from './demand.js';
 * import { busyHalves, calibrationFrame } from './frame.js';
 * import { handleTimes } from './handleTime.js';
 * import { fitPatience } from './patience/fitPatience.js';
 * import { fitPresence } from './presence/fitPresence.js';
 * import { intervalModel } from './transient/intervalModel.js';
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
 * const inputs = { ahtSeconds: handleTime.seconds, patienceSeconds: patience.seconds, demandOf,
 *   present: presence.present, agentsAt: presence.agentsAt, availabilityFactor: 0.9, model };
 * calibrationIntervals(frame, inputs).length; // 96 (2 days x 48)
 */
export function calibrationIntervals(
  frame: CalibrationFrame,
  inputs: IntervalPredictionInputs,
): CalibrationInterval[] {
  const { grid, kpis } = frame;
  const { ahtSeconds: aht, patienceSeconds: patience, demandOf, present, agentsAt, model } = inputs;
  const factor = inputs.availabilityFactor;
  const none: PredictedKpis = { serviceLevel: Number.NaN, asaSeconds: Number.NaN, abandonRate: Number.NaN };
  const intervals: CalibrationInterval[] = [];
  for (let i = 0; i < grid.starts.length; i++) {
    const effective = agentsAt(i, factor);
    const offered = kpis.offered[i]!;
    const predictable = offered > 0 && aht[i]! > 0;
    const start = model.startOf(i);
    intervals.push({
      startMs: grid.starts[i]!,
      day: grid.dayIndex[i]!,
      weekday: grid.weekday[i]!,
      minuteOfDay: grid.minuteOfDay[i]!,
      half: frame.isTrain(i) ? 'train' : 'test',
      busy: frame.isBusy(i),
      offered,
      presentAgents: present[i]!,
      effectiveAgents: effective,
      ahtSeconds: aht[i]!,
      patienceSeconds: demandOf(i, true, effective).patienceSeconds ?? patience[i]!,
      ...(start === undefined ? {} : { queueAtStart: start }),
      observed: {
        serviceLevel: kpis.serviceLevel[i]!,
        asaSeconds: kpis.asaSeconds[i]!,
        abandonRate: kpis.abandonRate[i]!,
      },
      erlangA: predictable ? model.predict(i, true, effective, factor) : none,
      erlangC: predictable ? model.predict(i, false, effective, factor) : none,
    });
  }
  return intervals;
}
