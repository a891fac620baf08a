import { invalidInput } from '../errors.js';
import { reforecastDay } from '../forecast/reforecast.js';
import { queueMetrics } from '../queueing/queueMetrics.js';
import { DEFAULT_THRESHOLD_SECONDS, requiredAgents } from '../queueing/requiredAgents.js';
import type { QueueDemand, QueueMetricsOptions, StaffingTarget } from '../queueing/types.js';
import { checkTarget } from '../queueing/validate.js';
import { createSeries } from '../time/series.js';

/** Default `IntradayAdjustOptions.flex`: at most 5% of the scheduled agents of an interval. */
export const DEFAULT_INTRADAY_FLEX = 0.05;

/**
 * One local day as scheduled and as it has gone so far: what `intradayAdjust` decides on. All
 * arrays have one entry per interval of the day (the open intervals of the forecast).
 */
export interface IntradayDay {
  /** IANA zone of the grid. */
  timeZone: string;
  /** Interval length in minutes. */
  intervalMinutes: number;
  /** Epoch ms of each interval start, strictly increasing. */
  starts: ArrayLike<number>;
  /** Agents on the phones per interval as scheduled (whole agents; a fraction is dropped). */
  scheduledAgents: ArrayLike<number>;
  /** The plan's forecast of offered contacts per interval (the mean). */
  forecastCalls: ArrayLike<number>;
  /**
   * Offered contacts seen per interval; NaN where unknown. Only the intervals ending at or before
   * the decision time are read (later ones are not known yet, and ignored).
   */
  actualCalls: ArrayLike<number>;
  /** Mean handle time in seconds: one value or one per interval. */
  ahtSeconds: number | ArrayLike<number>;
  /**
   * Mean patience in seconds (Erlang A): one value or one per interval (NaN: Erlang C there).
   * Absent: Erlang C.
   */
  patienceSeconds?: number | ArrayLike<number>;
}

/** Options of `intradayAdjust`. */
export interface IntradayAdjustOptions {
  /** Decision time, epoch ms: intervals ending at or before it are past, the rest remain. */
  atMs: number;
  /** What every remaining interval must meet (the plan's target), e.g. 80% within 20 s. */
  target: StaffingTarget;
  /**
   * Largest change per interval, as a fraction of its scheduled agents: at most
   * floor(flex x scheduled) agents are added or released there. Default 0.05.
   */
  flex?: number;
  /** `reforecastDay`'s prior strength in calls. Default 50. */
  priorCalls?: number;
  /**
   * Also release agents where more are scheduled than needed (early leave, off-phone work).
   * Default false: replayed on 8 held-out US-bank weeks (decisions at 11:00 and 14:00, flex 5%),
   * releasing on the mean re-forecast lost 9 days of the target and saved 4, while adding only
   * saved 4 and lost none (the afternoon often comes in above a quiet morning's re-forecast).
   */
  release?: boolean;
}

/** What `intradayAdjust` decides, per interval and for the day. */
export interface IntradayAdjustment {
  /** Index of the first remaining interval (the first ending after `atMs`; n when none remains). */
  firstRemaining: number;
  /** Offered contacts per interval: actual where seen (past), else the re-forecast. */
  calls: Float64Array;
  /**
   * The ratio the re-forecast applied to the rest of the day: (seen + k) / (forecast of the seen
   * intervals + k); 1 when nothing was seen or no later interval has a forecast.
   */
  reforecastRatio: number;
  /** Past intervals whose actual is unknown (NaN): their forecast x `reforecastRatio` stands in. */
  pastWithoutActuals: number;
  /** Whole agents on the phones as scheduled. */
  scheduled: Float64Array;
  /** Agents the re-forecast needs to meet the target (`requiredAgents`); NaN for past intervals. */
  needed: Float64Array;
  /** needed - scheduled; NaN for past intervals. */
  gap: Float64Array;
  /** Largest allowed change, floor(flex x scheduled); 0 for past intervals. */
  cap: Float64Array;
  /** Agents added (> 0: overtime) or released (< 0: early leave, off-phone work); 0 for past intervals. */
  change: Float64Array;
  /** scheduled + change: the agents on the phones after the actions. */
  adjusted: Float64Array;
  /** Service level of each interval with the scheduled agents. */
  serviceLevelBefore: Float64Array;
  /** Service level of each interval with the adjusted agents. */
  serviceLevelAfter: Float64Array;
  /** Volume-weighted service level of the past intervals (NaN without calls). */
  pastServiceLevel: number;
  /** Volume-weighted service level of the whole day as scheduled (NaN without calls). */
  dayServiceLevelBefore: number;
  /** Volume-weighted service level of the whole day after the actions (NaN without calls). */
  dayServiceLevelAfter: number;
}

/** The value of a scalar-or-array input at interval i. */
const at = (v: number | ArrayLike<number>, i: number): number => (typeof v === 'number' ? v : v[i]!);

/**
 * Intraday management of one day: re-forecasts the rest of the day from the contacts seen so far
 * (`reforecastDay`: the remaining forecast x (seen + k) / (forecast so far + k)), staffs each
 * remaining interval to the target on the re-forecast (`requiredAgents`, Erlang C, or Erlang A
 * with patience) and closes the gap to the scheduled agents within the flexibility:
 *
 * - short (needed > scheduled): add min(gap, cap) agents (overtime), cap = floor(flex x scheduled);
 * - over (needed < scheduled), with `release`: release up to min(-gap, cap) agents (early leave, off-phone work),
 *   one at a time in time order, each only while the day's service level after the actions stays
 *   at or above `target.serviceLevel` (a day already below target keeps its spare agents); never
 *   below `needed`, so a released interval still meets the target.
 *
 * Service levels use `queueMetrics` with the whole agents (the past with the contacts seen), and
 * the day's figure is volume-weighted: SL_day = sum(calls_t x SL_t) / sum(calls_t), past
 * intervals included. Pure. Cost O(intervals x agents) (Erlang recursions).
 *
 * Invariants: |change_t| <= cap_t; with release off, the day's service level after the actions
 * never falls as `flex` grows; with release on, the shortfall max(0, target - SL_day) never grows
 * as `flex` grows.
 *
 * @throws StaffcastError `INVALID_INPUT` for arrays of different lengths, starts not increasing,
 *   a scheduled agent count or forecast that is negative or not finite, `flex` outside [0, 1], a
 *   non-finite `atMs`, or an invalid target; `TARGET_UNREACHABLE` from `requiredAgents`.
 * @example
 * // four quarter-hours forecast at 100 calls (AHT 180 s: 20 erlangs), 24 agents scheduled; the first two
 * // (to 09:30) saw 120 calls each; k = 0: the rest is re-forecast at 120 (24 erlangs) and needs 29 (80/20)
 * const day = { timeZone: 'UTC', intervalMinutes: 15,
 *   starts: [0, 1, 2, 3].map((q) => Date.UTC(2024, 0, 1, 9, 15 * q)), scheduledAgents: [24, 24, 24, 24],
 *   forecastCalls: [100, 100, 100, 100], actualCalls: [120, 120, NaN, NaN], ahtSeconds: 180 };
 * const r = intradayAdjust(day, { atMs: Date.UTC(2024, 0, 1, 9, 30),
 *   target: { serviceLevel: 0.8, thresholdSeconds: 20 }, flex: 0.25, priorCalls: 0 });
 * Array.from(r.needed); // [NaN, NaN, 29, 29]
 * Array.from(r.change); // [0, 0, 5, 5] (within the cap floor(0.25 x 24) = 6)
 * Array.from(intradayAdjust(day, { atMs: Date.UTC(2024, 0, 1, 9, 30), target: { serviceLevel: 0.8,
 *   thresholdSeconds: 20 }, flex: 0.1, priorCalls: 0 }).change); // [0, 0, 2, 2] (the cap: floor(0.1 x 24))
 */
export function intradayAdjust(day: IntradayDay, options: IntradayAdjustOptions): IntradayAdjustment {
  const fn = 'intradayAdjust';
  const n = day.starts.length;
  for (const key of ['scheduledAgents', 'forecastCalls', 'actualCalls'] as const)
    if (day[key].length !== n)
      invalidInput(fn, key, `must have ${n} entries (one per start)`, day[key].length);
  for (const key of ['ahtSeconds', 'patienceSeconds'] as const) {
    const v = day[key];
    if (v !== undefined && typeof v !== 'number' && v.length !== n)
      invalidInput(fn, key, `must be one number or ${n} entries`, v.length);
  }
  for (let i = 1; i < n; i++)
    if (!(day.starts[i]! > day.starts[i - 1]!))
      invalidInput(fn, `starts[${i}]`, 'must be increasing', day.starts[i]);
  for (let i = 0; i < n; i++) {
    const s = day.scheduledAgents[i]!;
    if (!(s >= 0 && Number.isFinite(s)))
      invalidInput(fn, `scheduledAgents[${i}]`, 'must be a finite number >= 0', s);
    const f = day.forecastCalls[i]!;
    if (!(f >= 0 && Number.isFinite(f)))
      invalidInput(fn, `forecastCalls[${i}]`, 'must be a finite number >= 0', f);
  }
  const flex = options.flex ?? DEFAULT_INTRADAY_FLEX;
  if (!(flex >= 0 && flex <= 1)) invalidInput(fn, 'flex', 'must be a fraction in [0, 1]', flex);
  if (!Number.isFinite(options.atMs)) invalidInput(fn, 'atMs', 'must be a finite epoch ms', options.atMs);
  const { target } = options;
  checkTarget(fn, target);

  const intervalMs = day.intervalMinutes * 60_000;
  let firstRemaining = 0;
  while (firstRemaining < n && day.starts[firstRemaining]! + intervalMs <= options.atMs) firstRemaining++;
  // what has been seen: the actuals of the past intervals only
  const starts = Float64Array.from(day.starts);
  const seen = Float64Array.from({ length: n }, (_, i) =>
    i < firstRemaining ? day.actualCalls[i]! : Number.NaN,
  );
  const reforecast = reforecastDay(
    {
      timeZone: day.timeZone,
      intervalMinutes: day.intervalMinutes,
      starts,
      calls: Float64Array.from(day.forecastCalls),
    },
    createSeries(day.timeZone, day.intervalMinutes, starts, seen),
    options.priorCalls === undefined ? {} : { priorCalls: options.priorCalls },
  );
  // the ratio applied after the last seen interval (1 when nothing was seen or nothing follows)
  const lastSeen = seen.findLastIndex((a) => Number.isFinite(a) && a >= 0);
  let reforecastRatio = 1;
  for (let j = lastSeen + 1; lastSeen >= 0 && j < n; j++) {
    if (day.forecastCalls[j]! > 0) {
      reforecastRatio = reforecast.calls[j]! / day.forecastCalls[j]!;
      break;
    }
  }
  let pastWithoutActuals = 0;
  const calls = Float64Array.from({ length: n }, (_, i) => {
    if (i >= firstRemaining) return reforecast.calls[i]!;
    const a = seen[i]!;
    if (Number.isFinite(a) && a >= 0) return a;
    pastWithoutActuals++;
    return day.forecastCalls[i]! * reforecastRatio;
  });

  const metricsOptions: QueueMetricsOptions = {
    thresholdSeconds: target.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS,
    ...(target.serviceLevelBasis === undefined ? {} : { serviceLevelBasis: target.serviceLevelBasis }),
  };
  const demand = (i: number): QueueDemand => {
    const p = day.patienceSeconds === undefined ? Number.NaN : at(day.patienceSeconds, i);
    return {
      callsPerInterval: calls[i]!,
      intervalMinutes: day.intervalMinutes,
      ahtSeconds: at(day.ahtSeconds, i),
      ...(Number.isFinite(p) ? { patienceSeconds: p } : {}),
    };
  };
  const sl = (i: number, agents: number): number =>
    calls[i]! > 0 ? queueMetrics(demand(i), agents, metricsOptions).serviceLevel : 1;

  const scheduled = Float64Array.from(day.scheduledAgents, (s) => Math.floor(s));
  const needed = new Float64Array(n).fill(Number.NaN);
  const gap = new Float64Array(n).fill(Number.NaN);
  const cap = new Float64Array(n);
  const change = new Float64Array(n);
  const serviceLevelBefore = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    serviceLevelBefore[i] = sl(i, scheduled[i]!);
    if (i < firstRemaining) continue;
    needed[i] = calls[i]! > 0 ? requiredAgents(demand(i), target).agents : 0;
    gap[i] = needed[i]! - scheduled[i]!;
    // 1e-9: 0.05 x 60 is 3.0000000000000004 in floating point, and 3 agents are meant
    cap[i] = Math.floor(flex * scheduled[i]! + 1e-9);
    if (gap[i]! > 0) change[i] = Math.min(gap[i]!, cap[i]!);
  }
  const serviceLevelAfter = Float64Array.from({ length: n }, (_, i) =>
    change[i] === 0 ? serviceLevelBefore[i]! : sl(i, scheduled[i]! + change[i]!),
  );

  // the day's weighted sum, kept up to date as agents are released
  let totalCalls = 0;
  let weightedAfter = 0;
  let weightedBefore = 0;
  let pastCalls = 0;
  let weightedPast = 0;
  for (let i = 0; i < n; i++) {
    totalCalls += calls[i]!;
    weightedBefore += calls[i]! * serviceLevelBefore[i]!;
    weightedAfter += calls[i]! * serviceLevelAfter[i]!;
    if (i < firstRemaining) {
      pastCalls += calls[i]!;
      weightedPast += calls[i]! * serviceLevelBefore[i]!;
    }
  }
  if (options.release ?? false) {
    const goal = target.serviceLevel ?? 0;
    for (let i = firstRemaining; i < n; i++) {
      const most = Math.min(-gap[i]!, cap[i]!);
      for (let k = 1; k <= most; k++) {
        const next = sl(i, scheduled[i]! - k);
        const weighted = weightedAfter + calls[i]! * (next - serviceLevelAfter[i]!);
        if (totalCalls > 0 && weighted / totalCalls < goal) break;
        weightedAfter = weighted;
        serviceLevelAfter[i] = next;
        change[i] = -k;
      }
    }
  }
  const adjusted = Float64Array.from(scheduled, (s, i) => s + change[i]!);
  const ratio = (w: number, c: number): number => (c > 0 ? w / c : Number.NaN);
  return {
    firstRemaining,
    calls,
    reforecastRatio,
    pastWithoutActuals,
    scheduled,
    needed,
    gap,
    cap,
    change,
    adjusted,
    serviceLevelBefore,
    serviceLevelAfter,
    pastServiceLevel: ratio(weightedPast, pastCalls),
    dayServiceLevelBefore: ratio(weightedBefore, totalCalls),
    dayServiceLevelAfter: ratio(weightedAfter, totalCalls),
  };
}

/**
 * Intraday management applied at several decision times of one day, in order: at each time
 * `intradayAdjust` decides on the agents the earlier decisions left (they are its schedule), with
 * the contacts seen up to that time. Returns the agents on the phones per interval after the last
 * decision (the day as scheduled when `atMs` is empty). What `replay` runs on each day. Pure.
 * Cost: `atMs.length` x that of `intradayAdjust`.
 *
 * @throws StaffcastError as `intradayAdjust`.
 * @example
 * // the day of the `intradayAdjust` example, decided at 09:30 and again at 09:45 (flex 10%)
 * const day = { timeZone: 'UTC', intervalMinutes: 15,
 *   starts: [0, 1, 2, 3].map((q) => Date.UTC(2024, 0, 1, 9, 15 * q)), scheduledAgents: [24, 24, 24, 24],
 *   forecastCalls: [100, 100, 100, 100], actualCalls: [120, 120, 120, 120], ahtSeconds: 180 };
 * Array.from(intradayAgents(day, [Date.UTC(2024, 0, 1, 9, 30), Date.UTC(2024, 0, 1, 9, 45)],
 *   { target: { serviceLevel: 0.8, thresholdSeconds: 20 }, flex: 0.1, priorCalls: 0 })); // [24, 24, 26, 28]
 */
export function intradayAgents(
  day: IntradayDay,
  atMs: readonly number[],
  options: Omit<IntradayAdjustOptions, 'atMs'>,
): Float64Array {
  let agents: Float64Array = Float64Array.from(day.scheduledAgents, (s) => Math.floor(s));
  for (const at of atMs)
    agents = intradayAdjust({ ...day, scheduledAgents: agents }, { ...options, atMs: at }).adjusted;
  return agents;
}
