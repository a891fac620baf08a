import { invalidInput, StaffcastError } from '../errors.js';
import { type DayMultiplierDistribution, dayMultiplierCdf } from '../forecast/dayMultiplier.js';
import type { Forecast } from '../forecast/types.js';
import { erlangBUnchecked } from '../queueing/erlangB.js';
import { evaluateMetrics } from '../queueing/evaluate.js';
import { DEFAULT_THRESHOLD_SECONDS } from '../queueing/requiredAgents.js';
import { toParams } from '../queueing/validate.js';
import { dateOfDayNumber, localDayNumber } from '../time/localCalendar.js';
import { type StaffingPlan, type StaffingPlanOptions, staffingPlan } from './staffingPlan.js';

/** Options of `confidenceStaffing`: those of `staffingPlan` and the confidence. */
export interface ConfidenceStaffingOptions extends StaffingPlanOptions {
  /**
   * Probability, in [0.5, 0.99], that each local day's service level (answered within the
   * threshold over offered, call-weighted over the day's intervals) meets `target.serviceLevel`
   * given the forecast's day-level uncertainty (`forecast.dayLogSd`, `dayLogLocation`,
   * `dayLogShape`).
   */
  confidence: number;
}

/** How one local day was staffed to the confidence. */
export interface ConfidenceDay {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** Scale of the log day multiplier D of the day (its lead's). */
  dayLogSd: number;
  /** Median of log D of the day (-dayLogSd^2 / 2 for a forecast without `dayLogLocation`). */
  dayLogLocation: number;
  /** Volume multiplier the day was staffed for (1 = the mean forecast). */
  multiplier: number;
  /** P(day service level >= target) of the staffing, over D (mean staffing's when multiplier is 1). */
  probability: number;
  /** The same probability for mean staffing. */
  meanProbability: number;
}

/** What `confidenceStaffing` returns: the plan staffed to the confidence and its premium. */
export interface ConfidenceStaffingPlan extends StaffingPlan {
  /** The confidence and the days as staffed. */
  confidence: {
    /** The confidence asked for. */
    level: number;
    /** Per local day. */
    days: ConfidenceDay[];
    /** Agent-hours on the phones of mean staffing (`staffingPlan` of the mean forecast). */
    meanAgentHours: number;
    /** Scheduled agent-hours (after shrinkage) of mean staffing. */
    meanScheduledAgentHours: number;
    /** Scheduled agent-hours (after shrinkage) of this plan. */
    scheduledAgentHours: number;
  };
}

/** Largest volume multiplier searched (4 x the mean forecast). */
const MAX_MULTIPLIER = 4;
/** Smallest volume multiplier searched (half the mean forecast). */
const MIN_MULTIPLIER = 0.5;
/** Bisection steps on log(multiplier) (precision 4^(2^-24), about 1e-7 relative). */
const MULTIPLIER_STEPS = 24;

/**
 * Staffs to a stated confidence that each day's service level meets the target (Gans et al. 2015
 * and Bassamboo, Randhawa and Zeevi 2010 staff against a random arrival rate; Steckley,
 * Henderson and Mehrotra 2009 measure the service level over a period as here).
 *
 * Model: the day's real volume is D x the forecast in every interval, log D = l + s Z with
 * s = `forecast.dayLogSd`, l = `forecast.dayLogLocation` of the day and Z distributed as
 * `forecast.dayLogShape` (`dayMultiplierCdf`; `forecast` fits all three from rolling-origin
 * validation days before the origin: the median, skew and spread of actual / forecast, the spread
 * growing with the lead); a forecast without location and shape gets the lognormal with mean 1,
 * log D ~ Normal(-s^2 / 2, s^2). Within an interval arrivals are Poisson at the rate D x mu, which
 * the Erlang C / A formulas already assume.
 *
 * Method, per local day: staffing at multiplier m is `staffingPlan` of the forecast x m (same
 * options, scope 'interval' or 'day'); its day service level at volume D, SL(D) = sum D mu_i SL_i /
 * sum D mu_i, falls as D grows, so P(SL(D) >= target) = P(D <= D*), where D* solves
 * SL(D*) = target (bisection): staffing to confidence p meets the target at the day's p-quantile
 * of D. The day gets the smallest m in [0.5, 4] (bisection
 * on log m, bracket [1, 4] when mean staffing falls short of the confidence, else [0.5, 1]) with
 * that probability >= `confidence`: above the mean plan where the day's uncertainty needs it, below
 * it where mean staffing meets the target on more days than stated (so 0.5 means "the median day
 * meets the target", a calibrated promise, not mean staffing: below mean staffing when the
 * forecast runs high on a typical day). The plan returned is
 * `staffingPlan` of the forecast scaled by each day's m, its table (calls, service level, ASA,
 * abandonment, occupancy) restated at the mean forecast.
 *
 * Approximations: intervals are scored as independent steady-state Erlang queues (no carried-over
 * queue); the interval noise beyond Poisson (the forecast's over-dispersion) is not in the day
 * service level (it averages out over a day's intervals); D is the same in every interval of a day
 * (no intraday shape error); handle time and patience are taken as known.
 *
 * Cost O(days x 24 x (intervals of the day x (staffing + 40 Erlang evaluations))).
 *
 * @throws StaffcastError `INVALID_INPUT` naming `confidence` when it is not in [0.5, 0.99], when the
 *   forecast has no `dayLogSd` (forecast with quantiles or `dayEffect: true`), naming
 *   `forecast.dayLogLocation` / `forecast.dayLogShape` when they do not match it, without
 *   `target.serviceLevel`, with scope 'week' or with `riskQuantile`; `TARGET_UNREACHABLE` when 4 x
 *   the forecast does not reach the confidence; the errors of `staffingPlan`.
 * @example
 * // 4 half-hours of 100 calls, a day effect of s = 0.1, 80/20 at 180 s handle time
 * const forecast = { timeZone: 'UTC', intervalMinutes: 30, starts: Float64Array.from([0, 1, 2, 3], (i) => 9 * 3600e3 + i * 1800e3),
 *   calls: Float64Array.of(100, 100, 100, 100), dayLogSd: Float64Array.of(0.1, 0.1, 0.1, 0.1) };
 * const options = { target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 180 };
 * staffingPlan(forecast, options).agents; // Float64Array [14, 14, 14, 14] (mean staffing)
 * const plan = confidenceStaffing(forecast, { ...options, confidence: 0.9 });
 * plan.agents; // Float64Array [15, 15, 15, 15]
 * plan.confidence.days[0].meanProbability; // ≈ 0.811 (mean staffing meets 80/20 on 81 % of days)
 * plan.confidence.days[0].probability; // ≈ 0.954 (15 agents: the smallest step above 0.9)
 * plan.confidence.days[0].multiplier; // ≈ 1.087 (staffed for 8.7 % above the forecast)
 */
export function confidenceStaffing(
  forecast: Forecast,
  options: ConfidenceStaffingOptions,
): ConfidenceStaffingPlan {
  const fn = 'confidenceStaffing';
  const { confidence, ...staffing } = options;
  if (!(typeof confidence === 'number' && confidence >= 0.5 && confidence <= 0.99))
    invalidInput(fn, 'confidence', 'must be a probability in [0.5, 0.99]', confidence);
  const logSd = forecast.dayLogSd;
  if (logSd === undefined || logSd.length !== forecast.starts.length)
    invalidInput(
      fn,
      'confidence',
      'needs a forecast with day-level uncertainty (dayLogSd: forecast with quantiles or dayEffect: true)',
      confidence,
    );
  const location = forecast.dayLogLocation;
  if (location !== undefined && location.length !== forecast.starts.length)
    invalidInput(fn, 'forecast.dayLogLocation', 'must have one value per interval', location.length);
  const shape = forecast.dayLogShape;
  const badShape = shape?.findIndex((z, k) => !Number.isFinite(z) || (k > 0 && z < shape[k - 1]!)) ?? -1;
  if (badShape >= 0)
    invalidInput(fn, `forecast.dayLogShape[${badShape}]`, 'must be finite and ascending', shape![badShape]);
  const target = staffing.target.serviceLevel;
  if (target === undefined)
    invalidInput(
      fn,
      'confidence',
      'needs target.serviceLevel (the day service level it protects)',
      confidence,
    );
  if (staffing.scope === 'week') invalidInput(fn, 'confidence', "needs scope 'interval' or 'day'", 'week');
  if (staffing.riskQuantile !== undefined)
    invalidInput(fn, 'confidence', 'cannot be combined with riskQuantile', staffing.riskQuantile);
  const base: Forecast = {
    timeZone: forecast.timeZone,
    intervalMinutes: forecast.intervalMinutes,
    starts: forecast.starts,
    calls: forecast.calls,
    ...(forecast.ahtSeconds === undefined ? {} : { ahtSeconds: forecast.ahtSeconds }),
  };
  const mean = staffingPlan(base, staffing);
  const timeZone = staffing.timeZone ?? forecast.timeZone;
  const threshold = staffing.target.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS;
  const basis = staffing.target.serviceLevelBasis ?? 'offered';
  const n = forecast.starts.length;

  // intervals by local day, in time order
  const days: number[][] = [];
  let key = Number.NaN;
  for (let i = 0; i < n; i++) {
    const d = localDayNumber(forecast.starts[i]!, timeZone);
    if (d !== key) {
      days.push([]);
      key = d;
    }
    days[days.length - 1]!.push(i);
  }

  /** Day service level of `agents` (per member) at volume multiplier D. */
  const daySl = (members: number[], agents: ArrayLike<number>, d: number): number => {
    let served = 0;
    let offered = 0;
    members.forEach((i, k) => {
      const calls = d * forecast.calls[i]!;
      if (!(calls > 0)) return;
      const patience = mean.patienceSeconds?.[i];
      const p = toParams({
        callsPerInterval: calls,
        intervalMinutes: forecast.intervalMinutes,
        ahtSeconds: mean.ahtSeconds[i]!,
        ...(patience === undefined || Number.isNaN(patience) ? {} : { patienceSeconds: patience }),
        ...(staffing.concurrency === undefined ? {} : { concurrency: staffing.concurrency }),
      });
      const a = agents[k]!;
      const m = evaluateMetrics(
        p,
        a,
        erlangBUnchecked(a * p.concurrency, p.offeredErlangs),
        threshold,
        basis,
      );
      served += calls * m.serviceLevel;
      offered += calls;
    });
    return offered > 0 ? served / offered : 1;
  };

  /** P(day SL >= target) = P(D <= D*) over the day's D for `agents`. */
  const probability = (
    members: number[],
    agents: ArrayLike<number>,
    day: DayMultiplierDistribution,
  ): number => {
    const s = day.logSd;
    const l = day.logLocation!;
    if (s === 0) return daySl(members, agents, Math.exp(l)) >= target ? 1 : 0;
    // ln D* in l + s [-12, 12] (beyond the shape's values by the normal tail: probability 0 or 1 to 1e-15)
    let reach = 12;
    for (let k = 0; k < (day.shape?.length ?? 0); k++) reach = Math.max(reach, Math.abs(day.shape![k]!) + 8);
    let lo = l - reach * s;
    let hi = l + reach * s;
    if (daySl(members, agents, Math.exp(hi)) >= target) return 1;
    if (daySl(members, agents, Math.exp(lo)) < target) return 0;
    for (let it = 0; it < 40; it++) {
      const mid = (lo + hi) / 2;
      if (daySl(members, agents, Math.exp(mid)) >= target) lo = mid;
      else hi = mid;
    }
    return dayMultiplierCdf(day, Math.exp(lo));
  };

  /** Agents of the day's intervals staffed for multiplier m (options sliced to the day). */
  const staffDay = (members: number[], m: number): Float64Array => {
    const sub: Forecast = {
      timeZone: forecast.timeZone,
      intervalMinutes: forecast.intervalMinutes,
      starts: Float64Array.from(members, (i) => forecast.starts[i]!),
      calls: Float64Array.from(members, (i) => m * forecast.calls[i]!),
      ahtSeconds: Float64Array.from(members, (i) => mean.ahtSeconds[i]!),
    };
    const slice = (v: number | ArrayLike<number> | undefined) =>
      v === undefined || typeof v === 'number' ? v : Float64Array.from(members, (i) => v[i]!);
    const opts: StaffingPlanOptions = { ...staffing };
    delete opts.ahtSeconds;
    const patience = slice(staffing.patienceSeconds);
    if (patience !== undefined) opts.patienceSeconds = patience;
    return staffingPlan(sub, opts).agents;
  };

  const multipliers = new Float64Array(n).fill(1);
  const out: ConfidenceDay[] = [];
  for (const members of days) {
    const s = logSd[members[0]!]!;
    if (!(s >= 0 && Number.isFinite(s)))
      invalidInput(fn, `forecast.dayLogSd[${members[0]}]`, 'must be a finite number >= 0', s);
    const l = location === undefined ? -(s * s) / 2 : location[members[0]!]!;
    if (!Number.isFinite(l))
      invalidInput(fn, `forecast.dayLogLocation[${members[0]}]`, 'must be a finite number', l);
    const day: DayMultiplierDistribution = {
      logSd: s,
      logLocation: l,
      ...(shape === undefined ? {} : { shape }),
    };
    const meanAgents = Float64Array.from(members, (i) => mean.agents[i]!);
    const meanP = probability(members, meanAgents, day);
    // smallest m in [MIN, MAX] whose staffing reaches the confidence (P is nondecreasing in m):
    // above 1 when mean staffing falls short, below 1 when mean staffing is more than enough
    const meets = (pm: number) => pm >= confidence;
    let lo: number;
    let hi: number;
    let p: number;
    if (meets(meanP)) {
      const pMin = probability(members, staffDay(members, MIN_MULTIPLIER), day);
      lo = Math.log(MIN_MULTIPLIER);
      hi = 0;
      p = meanP;
      if (meets(pMin)) {
        hi = lo;
        p = pMin;
      }
    } else {
      const pTop = probability(members, staffDay(members, MAX_MULTIPLIER), day);
      if (!meets(pTop))
        throw new StaffcastError(
          'TARGET_UNREACHABLE',
          `${fn}: ${MAX_MULTIPLIER} x the forecast of ${dateOfDayNumber(localDayNumber(forecast.starts[members[0]!]!, timeZone))} reaches the target on only ${(100 * pTop).toFixed(1)}% of days, below confidence ${confidence}`,
        );
      lo = 0;
      hi = Math.log(MAX_MULTIPLIER);
      p = pTop;
    }
    for (let it = 0; it < MULTIPLIER_STEPS && hi > lo; it++) {
      const mid = (lo + hi) / 2;
      const pm = probability(members, staffDay(members, Math.exp(mid)), day);
      if (meets(pm)) {
        hi = mid;
        p = pm;
      } else lo = mid;
    }
    const m = hi === 0 ? 1 : Math.exp(hi);
    for (const i of members) multipliers[i] = m;
    out.push({
      date: dateOfDayNumber(localDayNumber(forecast.starts[members[0]!]!, timeZone)),
      dayLogSd: s,
      dayLogLocation: l,
      multiplier: m,
      probability: p,
      meanProbability: meanP,
    });
  }
  const plan = staffingPlan(
    { ...base, calls: Float64Array.from(base.calls, (c, i) => c * multipliers[i]!) },
    staffing,
  );
  // the table describes the agents at the mean forecast (what the schedule is evaluated against)
  const calls = Float64Array.from(forecast.calls);
  for (let i = 0; i < n; i++) {
    if (!(calls[i]! > 0)) continue;
    const patience = mean.patienceSeconds?.[i];
    const q = toParams({
      callsPerInterval: calls[i]!,
      intervalMinutes: forecast.intervalMinutes,
      ahtSeconds: mean.ahtSeconds[i]!,
      ...(patience === undefined || Number.isNaN(patience) ? {} : { patienceSeconds: patience }),
      ...(staffing.concurrency === undefined ? {} : { concurrency: staffing.concurrency }),
    });
    const a = plan.agents[i]!;
    const m = evaluateMetrics(q, a, erlangBUnchecked(a * q.concurrency, q.offeredErlangs), threshold, basis);
    plan.serviceLevel[i] = m.serviceLevel;
    plan.asaSeconds[i] = m.asaSeconds;
    plan.abandonRate[i] = m.abandonRate;
    plan.occupancy[i] = m.occupancy;
  }
  const hours = forecast.intervalMinutes / 60;
  const scheduled = (v: Float64Array) => v.reduce((a, b) => a + b, 0) * hours;
  return {
    ...plan,
    calls,
    confidence: {
      level: confidence,
      days: out,
      meanAgentHours: mean.agentHours,
      meanScheduledAgentHours: scheduled(mean.scheduledAgents),
      scheduledAgentHours: scheduled(plan.scheduledAgents),
    },
  };
}
