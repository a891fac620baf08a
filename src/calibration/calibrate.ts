import { StaffcastError } from '../errors.js';
import type { CalibrationFit } from './availabilityFit.js';
import { intervalDemand } from './demand.js';
import { type HalfDiagnostics, halfDiagnostics } from './diagnostics/halfDiagnostics.js';
import { type HalfErrors, halfErrors } from './diagnostics/halfErrors.js';
import { busyHalves, calibrationFrame } from './frame.js';
import { handleTimes } from './handleTime.js';
import { type CalibrationInterval, calibrationIntervals } from './intervals.js';
import type { RecordQuirks } from './observedKpis.js';
import {
  type AgentsSource,
  type CalibrateOptions,
  type PatienceModel,
  type PatienceProtocol,
  resolveCalibrateOptions,
  type StartState,
} from './options.js';
import type { CalibrationParams } from './params.js';
import { fittedParams } from './params.js';
import { fitPatience } from './patience/fitPatience.js';
import { type PatienceCheck, patienceCheck } from './patience/patienceCheck.js';
import { fitPresence } from './presence/fitPresence.js';
import type { PresenceRuleFit } from './presence/presenceRule.js';
import type { CallRecord } from './records.js';
import { fitModelAvailability, intervalModel } from './transient/intervalModel.js';

export type { ModelErrors } from './diagnostics/modelErrors.js';
export type { CalibrationInterval } from './intervals.js';
export type {
  AgentsSource,
  CalibrateOptions,
  PatienceModel,
  PatienceProtocol,
  StartState,
} from './options.js';
export { HAZARD_EDGES_SECONDS } from './patience/fitPatience.js';
export type { HalfPatience, PatienceCheck } from './patience/patienceCheck.js';
export { PRESENCE_RULES, type PresenceRuleFit } from './presence/presenceRule.js';

/** Everything `calibrate` measured and fitted. */
export interface CalibrationResult {
  /** Every interval of the grid. */
  intervals: CalibrationInterval[];
  /** Errors by half and model, over busy intervals. */
  errors: HalfErrors;
  /** The fitted inputs, ready for `staff` / `plan` (see `calibrationParamsSchema`). */
  params: CalibrationParams;
  /** The availability-factor search. */
  fit: CalibrationFit;
  /** Records set aside by reason. */
  quirks: RecordQuirks;
  /** Inferred agent sessions. */
  sessions: number;
  /** The presence rule used (chosen on the training half unless given) and every rule tried. */
  presenceRule: { maxGapMinutes: number; padMinutes: number; searched: PresenceRuleFit[] };
  /** Busy intervals in each half. */
  busyIntervals: { train: number; test: number };
  /** Patience by half and the abandonment hazard by waiting time (is patience exponential?). */
  patienceCheck: PatienceCheck;
  /**
   * Erlang A at the best agent count of each busy interval (`presenceOracle`): the error floor a
   * perfect presence estimate would leave, by half. A diagnostic, not a prediction.
   */
  presenceOracle: HalfDiagnostics['presenceOracle'];
  /**
   * The per-interval MAE that Erlang A would show even if it were exactly right
   * (`modelNoiseFloor`: the model's own queue replayed with each busy interval's inputs), by half;
   * undefined when `noiseFloorReplications` is 0. A diagnostic of the scale of one interval's
   * scatter against the MAE targets (not a strict bound: see `modelNoiseFloor`).
   */
  noiseFloor?: HalfDiagnostics['noiseFloor'];
  /** How agents and patience were measured (the options, with their defaults). */
  protocol: {
    agentsSource: AgentsSource;
    patienceFrom: PatienceProtocol;
    patienceModel: PatienceModel;
    startState: StartState;
  };
}

/**
 * Checks Erlang A and Erlang C against what really happened, from per-call records, in named steps
 * (each its own function):
 * 1. `calibrationFrame`: the grid over the records, its training and held-out halves, the busy
 *    window and the observed KPIs per interval (`observedKpis`: offered, SL, ASA, abandonment, AHT);
 * 2. model inputs: each interval's own offered calls and mean talk time (`handleTimes`: measured,
 *    as a planner reports them), and exponential patience (`fitPatience`: maximum likelihood,
 *    abandonments / total waiting time of all queued callers) by local hour and day type from the
 *    training days (option `patienceFrom`; `patienceModel` 'hazard' matches it to the waits of each
 *    interval), combined by `intervalDemand`;
 * 3. `busyHalves`: the busy intervals of each half;
 * 4. `fitPresence`: agents working per interval inferred from each agent's calls (`agentSessions`;
 *    or from the agents talking while callers wait, `agentsSource` 'queue'), and one availability
 *    factor (effective agents = factor x present) fitted on the training busy intervals by least
 *    squares of SL and abandonment (`fitAvailability`); the session rule (idle gap that ends a
 *    session, padding before the first and after the last call) is the one of `PRESENCE_RULES`
 *    whose fitted factor fits the training half best, unless given; the factor is the only free
 *    constant and is fitted on the training days only;
 * 5. `intervalModel`: the model of each interval, by default run forward from the queue measured
 *    at the interval start (`startState` 'observed', `transientKpis`; 'steady' for the textbook
 *    steady state);
 * 6. `fitModelAvailability`: the factor refitted under that model (near the steady-state one);
 * 7. `calibrationIntervals`: for every interval, Erlang A and Erlang C predictions from those
 *    inputs;
 * 8. `fittedParams`: the parameters for `staff` / `plan`;
 * 9. `halfErrors`: the MAE / bias of each model on the busy intervals of each half, per interval
 *    and per day (volume-weighted day totals);
 * 10. diagnostics: the abandonment hazard by waiting time and the patience of each half
 *    (`patienceCheck`), the error floor at a perfect agent count (`presenceOracle`), and the
 *    scatter Erlang A itself implies for one interval (`modelNoiseFloor`), by `halfDiagnostics`.
 * Every default was chosen on the training half (its loss): the transient start lowers the training
 * loss from 0.0183 to 0.0143 at 30 minutes, the hazard-matched patience does not (0.0145).
 * Cost: O(records log records) plus about 40 x busy-train x 14 rules `queueMetrics` calls, a few
 * whole-agent transient runs per busy training interval for the refit (memoised per interval,
 * `transientModel`), about 4 per interval with calls for the predictions (~0.3 ms each), and the
 * noise-floor simulation (~0.3 s per half): about 2 s of CPU for a month of half hours
 * ('hazard' about twice that: its patience moves with the agents, so runs are not reused).
 *
 * @throws StaffcastError `NO_DATA` with no offered call or no busy training interval;
 *   `INVALID_INPUT` for a bad option.
 * @example
 * // two weekdays (Monday 1 and Tuesday 2 January 2024, UTC), a call a minute 10:00-10:59: waits 0-30 s,
 * // talk 120-180 s by agents A0-A2, every fifth caller hangs up after 30 s
 * const call = (day, k) => { const ab = k % 5 === 4, wait = ab ? 30 : (k % 4) * 10;
 *   return { arrivalMs: Date.UTC(2024, 0, 1 + day, 10) + k * 60_000, serviceType: 'PS', priority: 0,
 *     outcome: ab ? 'HANG' : 'AGENT', vruSeconds: 0, queued: wait > 0, queueSeconds: wait,
 *     servedByAgent: !ab, serviceSeconds: ab ? NaN : 120 + (k % 7) * 10, agent: ab ? '' : `A${k % 3}` }; };
 * const records = [0, 1].flatMap((day) => Array.from({ length: 60 }, (_, k) => call(day, k)));
 * const result = calibrate(records, { timeZone: 'UTC', noiseFloorReplications: 0 });
 * result.params.availabilityFactor; // 0.9072 (0.8457 on the February 1999 bank month)
 * result.errors.test.erlangA.serviceLevel.mae; // 0.0188 (held-out busy half hours; 0.1171 on the bank month)
 */
export function calibrate(records: readonly CallRecord[], options: CalibrateOptions = {}): CalibrationResult {
  const resolved = resolveCalibrateOptions(options);
  if (records.length === 0) throw new StaffcastError('NO_DATA', 'calibrate: records is empty');
  const { agentsSource, patienceFrom, patienceModel, startState } = resolved;
  // 1. the grid, its halves, the busy window and the observed KPIs
  const frame = calibrationFrame(records, resolved);
  // 2. model inputs: handle time and patience per interval
  const handleTime = handleTimes(frame, resolved);
  const patience = fitPatience(records, frame, handleTime.seconds, resolved);
  const demandOf = intervalDemand(frame, handleTime.seconds, patience, resolved.intervalMinutes);
  // 3. the busy intervals of each half
  const halves = busyHalves(frame, handleTime.seconds);
  // 4. agents: the presence rule and the availability factor (steady state), on the training half
  const presence = fitPresence(records, frame, halves.train, demandOf, resolved);
  // 5. the model of each interval: steady state, or transient from the queue measured at its start
  const model = intervalModel(records, frame, presence, demandOf, resolved);
  // 6. the availability factor refitted under that model
  const fit = fitModelAvailability(frame, halves.train, presence, model, demandOf, resolved);
  const availabilityFactor = fit.availabilityFactor;
  const agentsOf = (i: number): number => presence.agentsAt(i, availabilityFactor);
  // 7. every interval's inputs, observations and predictions
  const intervals = calibrationIntervals(frame, {
    ahtSeconds: handleTime.seconds,
    patienceSeconds: patience.seconds,
    demandOf,
    present: presence.present,
    agentsAt: presence.agentsAt,
    availabilityFactor,
    model,
  });
  // 8. the fitted parameters for staff / plan
  const params = fittedParams(frame, resolved, {
    ahtSecondsByHour: handleTime.byHour,
    patienceSecondsByHour: patience.byHour,
    availabilityFactor,
  });
  // 9. errors by half and model; 10. diagnostics
  const errors = halfErrors(frame, intervals, halves);
  const diagnostics = halfDiagnostics(
    frame,
    halves,
    { demandOf, present: presence.present, agentsOf },
    resolved,
  );
  return {
    ...(diagnostics.noiseFloor === undefined ? {} : { noiseFloor: diagnostics.noiseFloor }),
    protocol: { agentsSource, patienceFrom, patienceModel, startState },
    patienceCheck: patienceCheck(frame, halves, patience.trainHazard),
    presenceOracle: diagnostics.presenceOracle,
    intervals,
    errors,
    params,
    fit,
    quirks: frame.kpis.quirks,
    sessions: presence.sessions.length,
    presenceRule: presence.presenceRule,
    busyIntervals: { train: halves.train.length, test: halves.test.length },
  };
}
