import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns';
import { invalidInput, StaffcastError } from '../errors.js';
import type { QueueDemand } from '../queueing/types.js';
import type { CalibrationParams } from '../schemas/calibrationParams.js';
import { type ModelErrors, modelErrors } from './diagnostics/modelErrors.js';
import { modelNoiseFloor, type NoiseFloor } from './diagnostics/noiseFloor.js';
import { type PresenceOracle, presenceOracle } from './diagnostics/oracle.js';
import { type CalibrationFit, fitAvailability } from './fit.js';
import { type CalibrationGrid, calibrationGrid, intervalIndex } from './grid.js';
import { type HourlyTable, hourlyRatio } from './hourly.js';
import { type ObservedKpis, observedKpis, type RecordQuirks } from './kpis.js';
import {
  type AgentsSource,
  type CalibrateOptions,
  type PatienceModel,
  type PatienceProtocol,
  resolveCalibrateOptions,
  type StartState,
} from './options.js';
import { abandonmentHazard, type HazardBand } from './patience/abandonHazard.js';
import { matchedAbandonRate, scaledCellHazard } from './patience/hazardPatience.js';
import { patienceMle } from './patience/patience.js';
import { type PredictedKpis, predictKpis } from './predict.js';
import { presentAgents } from './presence/presence.js';
import { type QueueAgentProfile, queueAgentProfile, queueAgents } from './presence/presenceQueue.js';
import { choosePresenceRule, PRESENCE_RULES, type PresenceRuleFit } from './presence/presenceRule.js';
import { type CallRecord, classifyCall, queueEntryMs, waitSeconds } from './records.js';
import { queueAtStarts } from './transient/queueStart.js';
import { type QueueStart, transientModel, transientProfileKpis } from './transient/transient.js';

export type {
  AgentsSource,
  CalibrateOptions,
  PatienceModel,
  PatienceProtocol,
  StartState,
} from './options.js';

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

export type { ModelErrors } from './diagnostics/modelErrors.js';

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
 * Waiting-time band edges (s) of `PatienceCheck.hazard` and of the hazard-matched patience; the
 * last band runs from 360 s to Infinity.
 *
 * @internal
 * @example
 * HAZARD_EDGES_SECONDS.length; // 10 bands: 0-10 s, 10-20 s, ..., 240-360 s, 360 s and more
 */
export const HAZARD_EDGES_SECONDS: readonly number[] = [0, 10, 20, 30, 60, 90, 120, 180, 240, 360];

export { PRESENCE_RULES, type PresenceRuleFit } from './presence/presenceRule.js';

/** Everything `calibrate` measured and fitted. */
export interface CalibrationResult {
  /** Every interval of the grid. */
  intervals: CalibrationInterval[];
  /** Errors by half and model, over busy intervals. */
  errors: {
    train: { erlangA: ModelErrors; erlangC: ModelErrors };
    test: { erlangA: ModelErrors; erlangC: ModelErrors };
  };
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
  presenceOracle: { train: PresenceOracle; test: PresenceOracle };
  /**
   * The per-interval MAE that Erlang A would show even if it were exactly right
   * (`modelNoiseFloor`: the model's own queue replayed with each busy interval's inputs), by half;
   * undefined when `noiseFloorReplications` is 0. A diagnostic of the scale of one interval's
   * scatter against the MAE targets (not a strict bound: see `modelNoiseFloor`).
   */
  noiseFloor?: { train: NoiseFloor; test: NoiseFloor };
  /** How agents and patience were measured (the options, with their defaults). */
  protocol: {
    agentsSource: AgentsSource;
    patienceFrom: PatienceProtocol;
    patienceModel: PatienceModel;
    startState: StartState;
  };
}

/** A call that reached the agent queue: its grid interval, wait and outcome. */
interface QueuedCall {
  interval: number;
  waitSeconds: number;
  abandoned: boolean;
}

/** The answered and abandoned calls whose queue entry falls in the grid, in record order. */
function queuedCalls(records: readonly CallRecord[], grid: CalibrationGrid): QueuedCall[] {
  const calls: QueuedCall[] = [];
  for (const r of records) {
    const cls = classifyCall(r);
    if (cls !== 'answered' && cls !== 'abandoned') continue;
    const interval = intervalIndex(grid, queueEntryMs(r));
    if (interval >= 0) calls.push({ interval, waitSeconds: waitSeconds(r), abandoned: cls === 'abandoned' });
  }
  return calls;
}

function iso(ms: number, timeZone: string): string {
  return formatISO(new TZDate(ms, timeZone));
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/**
 * Checks Erlang A and Erlang C against what really happened, from per-call records:
 * 1. observed KPIs per interval (`observedKpis`: offered, SL, ASA, abandonment, AHT);
 * 2. model inputs: each interval's own offered calls and mean talk time (measured, as a planner
 *    reports them), and exponential patience (maximum likelihood, abandonments / total waiting
 *    time of all queued callers) by local hour and day type from the training days (option
 *    `patienceFrom`; `patienceModel` 'hazard' matches it to the waits of each interval);
 * 3. agents working per interval inferred from each agent's calls (`agentSessions`; or from the
 *    agents talking while callers wait, `agentsSource` 'queue'), and one availability factor
 *    (effective agents = factor x present) fitted on the training busy intervals by least squares
 *    of SL and abandonment (`fitAvailability`); the session rule (idle gap that ends a session,
 *    padding before the first and after the last call) is the one of `PRESENCE_RULES` whose
 *    fitted factor fits the training half best, unless given; the factor is the only free
 *    constant and is fitted on the training days only;
 * 4. for every interval, Erlang A and Erlang C predictions from those inputs, by default run
 *    forward from the queue measured at the interval start (`startState` 'observed',
 *    `transientKpis`; 'steady' for the textbook steady state), and the MAE / bias of each model on
 *    the busy intervals of each half, per interval and per day (volume-weighted day totals);
 * 5. diagnostics: the abandonment hazard by waiting time and the patience of each half
 *    (`patienceCheck`), the error floor at a perfect agent count (`presenceOracle`), and the
 *    scatter Erlang A itself implies for one interval (`noiseFloor`, `modelNoiseFloor`).
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
 * const result = calibrate(records, { intervalMinutes: 30, thresholdSeconds: 20 });
 * result.params.availabilityFactor; // 0.8457 on the February 1999 bank month (5-min gaps, 2.5-min padding)
 * result.errors.test.erlangA.serviceLevel.mae; // 0.1171 (held-out busy half hours)
 */
export function calibrate(records: readonly CallRecord[], options: CalibrateOptions = {}): CalibrationResult {
  const resolved = resolveCalibrateOptions(options);
  if (records.length === 0) throw new StaffcastError('NO_DATA', 'calibrate: records is empty');
  const {
    intervalMinutes,
    thresholdSeconds,
    timeZone,
    busyWeekdays,
    minBusyCalls,
    ahtSource,
    minPatienceAbandons,
    agentsSource,
    patienceFrom,
    patienceModel,
    startState,
    subIntervalMinutes: subMinutes,
    noiseFloorReplications,
  } = resolved;
  const [busyFrom, busyTo] = resolved.busyMinutes;

  // 1. the grid, the halves, the busy set and the observed KPIs
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const r of records) {
    const t = queueEntryMs(r);
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const grid: CalibrationGrid = calibrationGrid(first, last, timeZone, intervalMinutes);
  const trainDays = options.trainDays ?? Math.floor(grid.days / 2);
  if (!(Number.isInteger(trainDays) && trainDays >= 1 && trainDays < grid.days))
    invalidInput('calibrate', 'trainDays', `must be a whole number in 1..${grid.days - 1}`, trainDays);
  const kpis: ObservedKpis = observedKpis(records, grid, { thresholdSeconds });
  const n = grid.starts.length;
  const isTrain = (i: number): boolean => grid.dayIndex[i]! < trainDays;
  const busy = (i: number): boolean =>
    busyWeekdays.includes(grid.weekday[i]!) &&
    grid.minuteOfDay[i]! >= busyFrom &&
    grid.minuteOfDay[i]! < busyTo &&
    kpis.offered[i]! >= minBusyCalls;

  // 2. model inputs: handle time and exponential patience by (day type, hour), per interval
  const ahtByHour: HourlyTable = hourlyRatio(
    kpis.serviceSecondsTotal,
    kpis.answered,
    grid,
    isTrain,
    busyWeekdays,
    20,
  );
  const patienceByHour: HourlyTable = hourlyRatio(
    kpis.waitSecondsTotal,
    kpis.abandoned,
    grid,
    isTrain,
    busyWeekdays,
    minPatienceAbandons,
  );
  // the held-out half's own patience, used only with patienceFrom 'evaluated'
  const patienceByHourTest: HourlyTable = hourlyRatio(
    kpis.waitSecondsTotal,
    kpis.abandoned,
    grid,
    (i) => !isTrain(i),
    busyWeekdays,
    minPatienceAbandons,
  );
  // (day type, local hour) cell of an interval: 0-23 working week, 24-47 weekend
  const cellOf = (i: number): number =>
    (busyWeekdays.includes(grid.weekday[i]!) ? 0 : 24) + Math.floor(grid.minuteOfDay[i]! / 60);
  const cellValue = (t: HourlyTable, c: number): number => (c < 24 ? t.workweek[c]! : t.weekend[c - 24]!);
  const table = (t: HourlyTable, i: number): number => cellValue(t, cellOf(i));
  const aht = new Float64Array(n);
  const patience = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const hourly = table(ahtByHour, i);
    aht[i] = ahtSource === 'interval' && kpis.answered[i]! > 0 ? kpis.ahtSeconds[i]! : hourly;
    patience[i] = table(patienceFrom === 'evaluated' && !isTrain(i) ? patienceByHourTest : patienceByHour, i);
  }
  // every queued call (answered or abandoned) in the grid, in record order: the patience check and
  // the hazard model read their waits
  const queued = queuedCalls(records, grid);
  const hazardOf = (calls: QueuedCall[]): HazardBand[] =>
    abandonmentHazard(
      calls.map((c) => c.waitSeconds),
      calls.map((c) => c.abandoned),
      HAZARD_EDGES_SECONDS,
    );
  const trainHazard = hazardOf(queued.filter((c) => isTrain(c.interval)));
  // 'hazard': per half, the pooled shape by waiting band scaled to each (hour, day type) cell's MLE
  const cellHazards =
    patienceModel === 'hazard'
      ? [true, false].map((train) => {
          const half = queued.filter((c) => isTrain(c.interval) === train);
          const pooled = train ? trainHazard : hazardOf(half);
          const levels = train ? patienceByHour : patienceByHourTest;
          return Array.from({ length: 48 }, (_, c) =>
            scaledCellHazard(
              pooled,
              hazardOf(half.filter((call) => cellOf(call.interval) === c)),
              1 / cellValue(levels, c),
            ),
          );
        })
      : undefined;
  const matchedRates: ((agents: number) => number)[] = [];
  // the model inputs of interval i; with 'hazard' and an agent count, the matched patience
  const demandOf = (i: number, withPatience: boolean, agents = Number.NaN): QueueDemand => {
    const demand = { callsPerInterval: kpis.offered[i]!, intervalMinutes, ahtSeconds: aht[i]! };
    if (!withPatience || !(Number.isFinite(patience[i]!) && patience[i]! > 0)) return demand;
    if (cellHazards === undefined || !Number.isFinite(agents))
      return { ...demand, patienceSeconds: patience[i]! };
    const hazard = cellHazards[patienceFrom === 'evaluated' && !isTrain(i) ? 1 : 0]![cellOf(i)]!;
    if (!hazard.every((x) => Number.isFinite(x))) return { ...demand, patienceSeconds: patience[i]! };
    matchedRates[i] ??= matchedAbandonRate(
      { arrivalsPerSecond: kpis.offered[i]! / (intervalMinutes * 60), ahtSeconds: aht[i]! },
      HAZARD_EDGES_SECONDS,
      hazard,
    );
    const theta = matchedRates[i](agents);
    return theta > 0 && Number.isFinite(theta) ? { ...demand, patienceSeconds: 1 / theta } : demand;
  };

  // 3. agents: the presence rule and the availability factor, fitted on the busy training intervals
  const trainBusy: number[] = [];
  const testBusy: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!busy(i) || !(aht[i]! > 0)) continue;
    (isTrain(i) ? trainBusy : testBusy).push(i);
  }
  if (trainBusy.length === 0)
    throw new StaffcastError('NO_DATA', 'calibrate: no busy interval in the training days to fit on');
  // presence rule: given, or the (gap, padding) pair whose fitted factor fits the training half best
  const fixedRule = options.maxGapMinutes !== undefined || options.padMinutes !== undefined;
  const chosen = choosePresenceRule(
    records,
    grid,
    fixedRule
      ? [{ maxGapMinutes: options.maxGapMinutes ?? 30, padMinutes: options.padMinutes ?? 0 }]
      : PRESENCE_RULES,
    agentsSource,
    trainBusy.map((i) => ({
      interval: i,
      demand: demandOf(i, true),
      serviceLevel: kpis.serviceLevel[i]!,
      abandonRate: kpis.abandonRate[i]!,
    })),
    thresholdSeconds,
  );
  const { sessions, present, profile } = chosen;
  let fit = chosen.fit;
  const presenceRule = {
    maxGapMinutes: chosen.rule.maxGapMinutes,
    padMinutes: chosen.rule.padMinutes,
    searched: chosen.searched,
  };
  // agents working interval i of a grid at factor f: f x present, or the queue-based count
  const agentsOn =
    (onPresent: Float64Array, onProfile: QueueAgentProfile | undefined) =>
    (i: number, f: number): number =>
      onProfile === undefined ? f * onPresent[i]! : queueAgents(onProfile, i, f);
  const agentsAt = agentsOn(present, profile);
  // 4. the models: steady state, or transient from the queue measured at each interval start
  const starts = startState === 'observed' ? queueAtStarts(records, grid) : undefined;
  const perInterval = intervalMinutes / subMinutes;
  const sub =
    starts !== undefined && perInterval > 1
      ? (() => {
          const subGrid = calibrationGrid(first, last, timeZone, subMinutes);
          return {
            grid: subGrid,
            offered: observedKpis(records, subGrid, { thresholdSeconds }).offered,
            agentsAt: agentsOn(
              presentAgents(sessions, subGrid),
              agentsSource === 'queue' ? queueAgentProfile(records, sessions, subGrid) : undefined,
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
  const model = (i: number, withPatience: boolean, agents: number, f: number): PredictedKpis => {
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
  // a model other than the steady state with exponential patience refits the factor near the
  // steady-state one (the rule stays the one chosen with the steady state)
  if (starts !== undefined || cellHazards !== undefined) {
    const steady = fit.availabilityFactor;
    fit = fitAvailability(
      trainBusy.map((i) => ({
        demand: demandOf(i, true),
        presentAgents: present[i]!,
        agentsAt: (f: number) => agentsAt(i, f),
        predict: (agents: number, f: number) => model(i, true, agents, f),
        serviceLevel: kpis.serviceLevel[i]!,
        abandonRate: kpis.abandonRate[i]!,
      })),
      thresholdSeconds,
      [Math.max(0.3, steady - 0.15), Math.min(2, steady + 0.15)],
    );
  }
  const factor = fit.availabilityFactor;
  const agentsOf = (i: number): number => agentsAt(i, factor);

  // 5. every interval's inputs, observations and predictions; errors by half and model
  const none: PredictedKpis = { serviceLevel: Number.NaN, asaSeconds: Number.NaN, abandonRate: Number.NaN };
  const intervals: CalibrationInterval[] = [];
  for (let i = 0; i < n; i++) {
    const effective = agentsOf(i);
    const offered = kpis.offered[i]!;
    const predictable = offered > 0 && aht[i]! > 0;
    intervals.push({
      startMs: grid.starts[i]!,
      day: grid.dayIndex[i]!,
      weekday: grid.weekday[i]!,
      minuteOfDay: grid.minuteOfDay[i]!,
      half: isTrain(i) ? 'train' : 'test',
      busy: busy(i),
      offered,
      presentAgents: present[i]!,
      effectiveAgents: effective,
      ahtSeconds: aht[i]!,
      patienceSeconds: demandOf(i, true, effective).patienceSeconds ?? patience[i]!,
      ...(starts === undefined ? {} : { queueAtStart: startOf(i)! }),
      observed: {
        serviceLevel: kpis.serviceLevel[i]!,
        asaSeconds: kpis.asaSeconds[i]!,
        abandonRate: kpis.abandonRate[i]!,
      },
      erlangA: predictable ? model(i, true, effective, factor) : none,
      erlangC: predictable ? model(i, false, effective, factor) : none,
    });
  }

  const summarize = (set: number[], model: 'erlangA' | 'erlangC'): ModelErrors =>
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

  // 6. the fitted parameters for staff / plan, and the diagnostics
  const firstDay = new TZDate(first, timeZone);
  const trainEndMs = new TZDate(
    firstDay.getFullYear(),
    firstDay.getMonth(),
    firstDay.getDate() + trainDays,
    timeZone,
  ).getTime();
  const hourlyJson = (t: HourlyTable) => ({
    workweek: t.workweek.map(finiteOrNull),
    weekend: t.weekend.map(finiteOrNull),
  });
  const params: CalibrationParams = {
    kind: 'staffcast-calibration',
    version: 1,
    timeZone,
    intervalMinutes,
    thresholdSeconds,
    busyWeekdays: [...busyWeekdays],
    availabilityFactor: factor,
    ahtSecondsByHour: hourlyJson(ahtByHour),
    patienceSecondsByHour: hourlyJson(patienceByHour),
    fittedOn: { from: iso(grid.starts[0]!, timeZone), to: iso(trainEndMs, timeZone) },
  };
  const halfPatience = (set: number[]): HalfPatience => {
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
  };
  const patienceCheck: PatienceCheck = {
    train: halfPatience(trainBusy),
    test: halfPatience(testBusy),
    hazard: trainHazard,
  };
  const oracleOf = (set: number[]): PresenceOracle =>
    presenceOracle(
      set.map((i) => ({
        demand: demandOf(i, true, agentsOf(i)),
        presentAgents: present[i]!,
        effectiveAgents: agentsOf(i),
        serviceLevel: kpis.serviceLevel[i]!,
        abandonRate: kpis.abandonRate[i]!,
        asaSeconds: kpis.asaSeconds[i]!,
      })),
      thresholdSeconds,
    );
  const noiseOf = (set: number[]): NoiseFloor =>
    modelNoiseFloor(
      set.map((i) => ({ demand: demandOf(i, true, agentsOf(i)), agents: agentsOf(i) })),
      thresholdSeconds,
      { replications: noiseFloorReplications, seed: 1 },
    );
  return {
    ...(noiseFloorReplications > 0 && testBusy.length > 0
      ? { noiseFloor: { train: noiseOf(trainBusy), test: noiseOf(testBusy) } }
      : {}),
    protocol: { agentsSource, patienceFrom, patienceModel, startState },
    patienceCheck,
    presenceOracle: { train: oracleOf(trainBusy), test: oracleOf(testBusy) },
    intervals,
    errors: {
      train: { erlangA: summarize(trainBusy, 'erlangA'), erlangC: summarize(trainBusy, 'erlangC') },
      test: { erlangA: summarize(testBusy, 'erlangA'), erlangC: summarize(testBusy, 'erlangC') },
    },
    params,
    fit,
    quirks: kpis.quirks,
    sessions: sessions.length,
    presenceRule,
    busyIntervals: { train: trainBusy.length, test: testBusy.length },
  };
}
