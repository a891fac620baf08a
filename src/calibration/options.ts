import { invalidInput } from '../errors.js';
import type { GridOptions } from '../time/gridOptions.js';

/**
 * Options of {@link calibrate}; every field has a default: `intervalMinutes` 30 (divides 1440),
 * `timeZone` 'UTC' (the zone the records' wall-clock times are in; it only sets day and hour keys).
 */
export interface CalibrateOptions extends GridOptions {
  /** Service-level answer threshold in seconds. Default 20. */
  thresholdSeconds?: number;
  /** Local weekdays of the working week (0 Sunday). Default [0, 1, 2, 3, 4]: Sunday to Thursday. */
  busyWeekdays?: number[];
  /** Busy window, local minutes of day [from, to). Default [600, 1020]: 10:00-17:00. */
  busyMinutes?: [number, number];
  /** A busy interval also needs at least this many offered calls. Default 10. */
  minBusyCalls?: number;
  /** Days (from the first) in the training half. Default: half the days, rounded down. */
  trainDays?: number;
  /**
   * Idle gap (minutes) that ends an agent's inferred session. With neither this nor `padMinutes`
   * given, the gap and padding are chosen on the training half from `PRESENCE_RULES`.
   */
  maxGapMinutes?: number;
  /** Minutes each inferred session is widened at both ends (see `agentSessions`). */
  padMinutes?: number;
  /** 'interval' (default): each interval's own mean talk time; 'hourly': the fitted hourly AHT. */
  ahtSource?: 'interval' | 'hourly';
  /** A patience cell needs this many abandonments, else it pools its day type. Default 10. */
  minPatienceAbandons?: number;
  /**
   * How the agents working each interval are measured (see {@link AgentsSource}). Default
   * 'sessions'.
   */
  agentsSource?: AgentsSource;
  /**
   * Which days the patience of an interval is measured on (see {@link PatienceProtocol}). Default
   * 'train'.
   */
  patienceFrom?: PatienceProtocol;
  /** How patience enters Erlang A (see {@link PatienceModel}). Default 'exponential'. */
  patienceModel?: PatienceModel;
  /**
   * Where each interval's queue starts (see {@link StartState}). Default 'observed'.
   */
  startState?: StartState;
  /**
   * With startState 'observed': run the queue through sub-intervals of this many minutes (a
   * divisor of `intervalMinutes`), each with its own offered calls and agents (see
   * `transientProfileKpis`). Default: `intervalMinutes` (one stretch).
   */
  subIntervalMinutes?: number;
  /**
   * Replications per busy interval of the noise-floor simulation (`modelNoiseFloor`); 0 skips it.
   * Default 200.
   */
  noiseFloorReplications?: number;
}

/**
 * How `calibrate` measures the agents working an interval (there are no log-in records):
 * - 'sessions' (default): availability factor x agents present, presence inferred from each
 *   agent's calls (`agentSessions`, `presentAgents`): the method the issue prescribes;
 * - 'queue': while callers wait, every available agent is talking (a work-conserving queue), so
 *   the agents busy at those moments are counted as the agents available; when nobody waits,
 *   max(agents busy, factor x agents present) (`queueAgentProfile`, `queueAgents`). The factor is
 *   still the one free constant, fitted on the training half only.
 * On the February 1999 bank month the two agree to 0.1 agent on average and both are about 0.7
 * agent away from each interval's best-fitting count (`presenceOracle`): the queue measurement does
 * not reduce the per-interval error, so the prescribed session method stays the default.
 */
export type AgentsSource = 'sessions' | 'queue';

/**
 * How the patience given to Erlang A is set:
 * - 'exponential' (default): the exponential MLE of the interval's hour and day type (abandonments
 *   / total waiting time), as the issue prescribes;
 * - 'hazard': the same MLE level, but callers' hazard of hanging up falls with the time waited
 *   (`abandonmentHazard`), so each interval gets the exponential patience that matches that hazard
 *   at the waits its own queue produces (`hazardMatchedPatience`): more patient callers in a more
 *   congested interval. The hazard's shape by waiting band is pooled over the patience days
 *   (`patienceFrom`), its level per hour and day type is scaled so that, averaged over that cell's
 *   observed waiting time, it equals the cell's MLE. The session rule is chosen with 'exponential',
 *   then the factor is refitted within +-0.15 with 'hazard' (training days only).
 */
export type PatienceModel = 'exponential' | 'hazard';

/**
 * The state each interval's prediction starts from:
 * - 'observed' (default): the queue carried over from the interval before, measured from the calls
 *   (agents talking and callers waiting at the interval start, `queueAtStarts`), run forward over
 *   the interval by `transientKpis` (Erlang A, or Erlang C without patience): in this centre a
 *   half hour of the bank month often opens with callers waiting,
 *   which the steady state does not know (callers wait during 64% of the held-out busy hours);
 * - 'steady': the steady state of each interval (`predictKpis`, the textbook use of Erlang C / A).
 * With 'observed' the availability factor is first fitted with the steady state (choosing the
 * session rule, as before), then refitted with the transient model within +-0.15 of it, on the
 * training days only.
 */
export type StartState = 'observed' | 'steady';

/**
 * Which days the exponential patience (MLE by local hour and day type) of an interval comes from:
 * - 'train' (default): the training days only, like the availability factor: a strict hold-out,
 *   since patience is abandonments / waiting time and abandonment is one of the scored outcomes;
 * - 'evaluated': each half's own days, the way arrivals and handle time are taken from the
 *   interval itself (patience as a measured caller characteristic, pooled over the half's days).
 *   It feeds the held-out abandonments into an input, so its errors are NOT a clean hold-out;
 *   use it to separate the drift of patience between the halves from the queueing model's error.
 * The availability factor is fitted on the training days in both cases, so it is the same.
 */
export type PatienceProtocol = 'train' | 'evaluated';

/**
 * {@link CalibrateOptions} with every default filled in (see {@link resolveCalibrateOptions}).
 *
 * @internal
 */
export type ResolvedCalibrateOptions = Required<
  Omit<CalibrateOptions, 'trainDays' | 'maxGapMinutes' | 'padMinutes'>
> &
  Pick<CalibrateOptions, 'trainDays' | 'maxGapMinutes' | 'padMinutes'>;

/**
 * Fills in the defaults of `calibrate`'s options and checks those that do not depend on the data
 * (`trainDays` is checked against the days of the records by `calibrate`). Messages name
 * `calibrate`, the function users call. O(1).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` for an unknown protocol value, a negative or fractional
 *   replication count, a sub-interval that does not divide the interval, a negative or
 *   non-finite threshold, or a busy window outside the day.
 * @example
 * resolveCalibrateOptions({ intervalMinutes: 60 }).subIntervalMinutes; // 60 (one stretch)
 */
export function resolveCalibrateOptions(options: CalibrateOptions): ResolvedCalibrateOptions {
  const intervalMinutes = options.intervalMinutes ?? 30;
  const thresholdSeconds = options.thresholdSeconds ?? 20;
  const timeZone = options.timeZone ?? 'UTC';
  const busyWeekdays = options.busyWeekdays ?? [0, 1, 2, 3, 4];
  const busyMinutes = options.busyMinutes ?? [600, 1020];
  const [busyFrom, busyTo] = busyMinutes;
  const minBusyCalls = options.minBusyCalls ?? 10;
  const ahtSource = options.ahtSource ?? 'interval';
  const minPatienceAbandons = options.minPatienceAbandons ?? 10;
  const agentsSource = options.agentsSource ?? 'sessions';
  const patienceFrom = options.patienceFrom ?? 'train';
  const noiseFloorReplications = options.noiseFloorReplications ?? 200;
  const startState = options.startState ?? 'observed';
  const patienceModel = options.patienceModel ?? 'exponential';
  if (ahtSource !== 'interval' && ahtSource !== 'hourly')
    invalidInput('calibrate', 'ahtSource', "must be 'interval' or 'hourly'", ahtSource);
  if (patienceModel !== 'exponential' && patienceModel !== 'hazard')
    invalidInput('calibrate', 'patienceModel', "must be 'exponential' or 'hazard'", patienceModel);
  if (startState !== 'observed' && startState !== 'steady')
    invalidInput('calibrate', 'startState', "must be 'observed' or 'steady'", startState);
  if (agentsSource !== 'sessions' && agentsSource !== 'queue')
    invalidInput('calibrate', 'agentsSource', "must be 'sessions' or 'queue'", agentsSource);
  if (patienceFrom !== 'train' && patienceFrom !== 'evaluated')
    invalidInput('calibrate', 'patienceFrom', "must be 'train' or 'evaluated'", patienceFrom);
  if (!(Number.isInteger(noiseFloorReplications) && noiseFloorReplications >= 0))
    invalidInput(
      'calibrate',
      'noiseFloorReplications',
      'must be a whole number >= 0',
      noiseFloorReplications,
    );
  const subMinutes = options.subIntervalMinutes ?? intervalMinutes;
  if (!(Number.isInteger(subMinutes) && subMinutes > 0 && intervalMinutes % subMinutes === 0))
    invalidInput(
      'calibrate',
      'subIntervalMinutes',
      `must be a whole divisor of ${intervalMinutes}`,
      subMinutes,
    );
  if (!(thresholdSeconds >= 0 && Number.isFinite(thresholdSeconds)))
    invalidInput('calibrate', 'thresholdSeconds', 'must be a finite number >= 0', thresholdSeconds);
  if (!(busyFrom >= 0 && busyTo <= 1440 && busyFrom < busyTo))
    invalidInput(
      'calibrate',
      'busyMinutes',
      'must be [from, to) with 0 <= from < to <= 1440',
      `${busyFrom},${busyTo}`,
    );
  return {
    intervalMinutes,
    thresholdSeconds,
    timeZone,
    busyWeekdays,
    busyMinutes,
    minBusyCalls,
    ahtSource,
    minPatienceAbandons,
    agentsSource,
    patienceFrom,
    patienceModel,
    startState,
    subIntervalMinutes: subMinutes,
    noiseFloorReplications,
    ...(options.trainDays === undefined ? {} : { trainDays: options.trainDays }),
    ...(options.maxGapMinutes === undefined ? {} : { maxGapMinutes: options.maxGapMinutes }),
    ...(options.padMinutes === undefined ? {} : { padMinutes: options.padMinutes }),
  };
}
