import { invalidInput } from '../errors.js';
import type { Forecast } from '../forecast/types.js';
import { erlangBStep, erlangBUnchecked } from '../queueing/erlangB.js';
import { evaluateMetrics } from '../queueing/evaluate.js';
import { MAX_AGENTS_LIMIT, MAX_CONCURRENCY } from '../queueing/limits.js';
import { DEFAULT_THRESHOLD_SECONDS, requiredAgentsUnchecked } from '../queueing/requiredAgents.js';
import { applyShrinkage } from '../queueing/shrinkage.js';
import type { QueueMetrics, ServiceLevelBasis, StaffingTarget } from '../queueing/types.js';
import { checkTarget, type QueueParams, toParams } from '../queueing/validate.js';
import type { Requirement } from '../staffing/types.js';
import { formatInstant } from '../time/formatInstant.js';
import type { GridOptions } from '../time/gridOptions.js';
import { dateOfDayNumber, localDayNumber, weekdayOfDayNumber } from '../time/localCalendar.js';
import { assertTimeZone } from '../time/zoneOffset.js';
import { callsAtQuantile } from './callsAtQuantile.js';
import { periodStaffing } from './periodStaffing.js';
import { type Shrinkage, shrinkageByInterval } from './shrinkage.js';

/** Over which period the service-level target must hold. */
export type StaffingScope = 'interval' | 'day' | 'week';

/**
 * Options of `staffingPlan`; `timeZone` (the zone of local time for shrinkage rules and days /
 * weeks) defaults to `forecast.timeZone`.
 */
export interface StaffingPlanOptions extends Pick<GridOptions, 'timeZone'> {
  /** What every interval (scope 'interval') or the period's volume-weighted result must meet. */
  target: StaffingTarget;
  /**
   * Mean patience in seconds: Erlang A. Absent: Erlang C. Or one value per interval (e.g. fitted
   * by hour with `fittedInputsByInterval`), where NaN means Erlang C for that interval.
   */
  patienceSeconds?: number | ArrayLike<number>;
  /** Shrinkage: a constant fraction in [0, 1) or a `ShrinkageTable` by weekday and time. Default 0. */
  shrinkage?: Shrinkage;
  /** Contacts one agent handles at once (chat), integer >= 1. Default 1. */
  concurrency?: number;
  /** Fewest agents in every interval of the forecast (open intervals), e.g. 1 for 24/7 cover. Default 0. */
  minAgents?: number;
  /** Staff to this forecast quantile (e.g. 0.8) instead of the mean; needs `forecast.quantiles`. */
  riskQuantile?: number;
  /**
   * Handle time in seconds for every interval, or one value per interval; overrides
   * `forecast.ahtSeconds`. Required when the forecast has none.
   */
  ahtSeconds?: number | ArrayLike<number>;
  /**
   * Effective agents per agent present (the availability factor `calibrate` fits), in (0, 2].
   * Scheduled agents = applyShrinkage(agents / factor, shrinkage). Default 1.
   */
  availabilityFactor?: number;
  /** 'interval' (default), 'day' or 'week' (local days; weeks start on Monday). */
  scope?: StaffingScope;
  /**
   * Day/week scope: no interval below this service level (same threshold), e.g. 0.5. Default
   * `DEFAULT_INTERVAL_FLOOR_SHARE` (half) of `target.serviceLevel`: 80/20 a day keeps every
   * interval at 40% within 20 s at least, so the day's average is never bought by starving the
   * opening hour. 0 lets an interval drop to any service level.
   */
  minIntervalServiceLevel?: number;
}

/**
 * @deprecated Use {@link StaffingPlanOptions} (the `<function>Options` name of `staffingPlan`); kept for existing
 * imports of the public API.
 */
export type StaffingOptions = StaffingPlanOptions;

/**
 * Share of the period target every interval keeps in day/week scope when
 * `minIntervalServiceLevel` is not given: 0.5 (80% a day: at least 40% in each interval).
 */
export const DEFAULT_INTERVAL_FLOOR_SHARE = 0.5;

/** The service level reached over one day or week. */
export interface PeriodResult {
  /** Local date `YYYY-MM-DD` of the day, or of the Monday of the week. */
  start: string;
  /** Volume-weighted service level of the plan over the period. */
  serviceLevel: number;
  /** Agent-hours of the plan in the period. */
  agentHours: number;
  /** Agent-hours per-interval staffing would need in the period. */
  intervalScopeAgentHours: number;
}

/**
 * A staffing plan: the requirement table (same fields as `Requirement`, so `writeRequirementCsv`
 * writes it) plus what produced it and the agent-hours it saves.
 */
export interface StaffingPlan extends Requirement {
  /** Queueing model used ('erlang-a' when any interval has a patience). */
  model: 'erlang-c' | 'erlang-a';
  /** Scope the target held over. */
  scope: StaffingScope;
  /** Shrinkage fraction applied per interval. */
  shrinkage: Float64Array;
  /** Sum of agents x interval length, in hours. */
  agentHours: number;
  /** Agent-hours with scope 'interval' (equal to agentHours for that scope). */
  intervalScopeAgentHours: number;
  /** intervalScopeAgentHours - agentHours (>= 0). */
  savedAgentHours: number;
  /** Per day or week (scope 'day'/'week'; empty for 'interval'). */
  periods: PeriodResult[];
  /**
   * The mean patience in seconds each interval was staffed with (NaN: Erlang C there); present
   * only when `options.patienceSeconds` was given. Evaluating a schedule against this plan uses it.
   */
  readonly patienceSeconds?: Float64Array;
  /**
   * The availability factor the plan was staffed with (effective agents per agent present:
   * `scheduledAgents` = applyShrinkage(agents / factor, shrinkage)); present only when
   * `options.availabilityFactor` was given.
   */
  readonly availabilityFactor?: number;
}

/**
 * Agents per interval for a forecast: offered contacts (the mean, or `riskQuantile`), handle
 * time, agents on the phones, scheduled agents after shrinkage (`applyShrinkage`), and the
 * queue metrics (Erlang C, or Erlang A with `patienceSeconds`).
 *
 * - Scope 'interval': every interval gets `requiredAgents` for its demand (at least `minAgents`).
 * - Scope 'day' / 'week': the volume-weighted service level of each local day or week meets
 *   `target.serviceLevel` with the fewest agent-hours (`periodStaffing`: marginal allocation),
 *   while the other targets (ASA, abandonment, occupancy, stability) and `minIntervalServiceLevel`
 *   (default half the target, `DEFAULT_INTERVAL_FLOOR_SHARE`) still hold in every interval. Never
 *   more agent-hours than scope 'interval'.
 *
 * Cost O(n) `requiredAgents` searches (each O(agents)), plus for day/week O(agents added x log n)
 * service-level evaluations.
 *
 * @throws StaffcastError `INVALID_INPUT` for a negative or missing (NaN) volume, a missing handle
 *   time (the forecast has none and no `ahtSeconds`; or NaN where volume > 0), an invalid target,
 *   a day/week scope without `target.serviceLevel`, a floor above the target, an unknown zone;
 *   `TARGET_UNREACHABLE` when no agent count up to `target.maxAgents` meets the target.
 * @example
 * const plan = staffingPlan({ timeZone: 'UTC', intervalMinutes: 30, starts: Float64Array.of(0),
 *   calls: Float64Array.of(100) }, { target: { serviceLevel: 0.8, thresholdSeconds: 20 },
 *   ahtSeconds: 180, shrinkage: 0.3 });
 * plan.agents; // Float64Array [14]
 * plan.scheduledAgents; // Float64Array [20]
 */
export function staffingPlan(forecast: Forecast, options: StaffingPlanOptions): StaffingPlan {
  const fn = 'staffingPlan';
  const { target } = options;
  checkTarget(fn, target);
  const scope = options.scope ?? 'interval';
  if (scope !== 'interval' && scope !== 'day' && scope !== 'week')
    invalidInput(fn, 'scope', "must be 'interval', 'day' or 'week'", scope);
  const timeZone = assertTimeZone(fn, options.timeZone ?? forecast.timeZone);
  const { intervalMinutes, starts } = forecast;
  const n = starts.length;
  const minAgents = options.minAgents ?? 0;
  if (!Number.isInteger(minAgents) || minAgents < 0 || minAgents > MAX_AGENTS_LIMIT)
    invalidInput(fn, 'minAgents', `must be a whole number 0..${MAX_AGENTS_LIMIT}`, minAgents);
  const { concurrency } = options;
  const patience = perInterval(fn, 'patienceSeconds', options.patienceSeconds, n, true);
  const factor = options.availabilityFactor ?? 1;
  if (!(factor > 0 && factor <= 2))
    invalidInput(fn, 'availabilityFactor', 'must be a number in (0, 2]', factor);
  if (
    concurrency !== undefined &&
    !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= MAX_CONCURRENCY)
  )
    invalidInput(fn, 'concurrency', `must be an integer 1..${MAX_CONCURRENCY}`, concurrency);
  if (scope !== 'interval' && target.serviceLevel === undefined)
    invalidInput(fn, 'target.serviceLevel', `is required with scope '${scope}'`, undefined);
  const floorSl =
    options.minIntervalServiceLevel ??
    (scope === 'interval' ? undefined : target.serviceLevel! * DEFAULT_INTERVAL_FLOOR_SHARE);
  if (floorSl !== undefined && !(floorSl >= 0 && floorSl <= (target.serviceLevel ?? 1)))
    invalidInput(fn, 'minIntervalServiceLevel', 'must be a fraction in [0, target.serviceLevel]', floorSl);

  const calls =
    options.riskQuantile === undefined
      ? Float64Array.from(forecast.calls)
      : callsAtQuantile(forecast, options.riskQuantile);
  const ahtSeconds = handleTimes(fn, forecast, perInterval(fn, 'ahtSeconds', options.ahtSeconds, n, false));
  const at = (i: number): string => `${formatInstant(starts[i]!, forecast.timeZone)} (interval ${i})`;
  for (let i = 0; i < n; i++) {
    const c = calls[i]!;
    if (!(c >= 0) || !Number.isFinite(c))
      invalidInput(fn, `calls at ${at(i)}`, 'must be a finite number >= 0', c);
    const h = ahtSeconds[i]!;
    if (c > 0 && !(h > 0 && Number.isFinite(h)))
      invalidInput(fn, `ahtSeconds at ${at(i)}`, 'must be a finite number > 0', h);
  }
  const shrinkage = shrinkageByInterval(options.shrinkage ?? 0, starts, timeZone);
  const threshold = target.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS;
  const basis: ServiceLevelBasis = target.serviceLevelBasis ?? 'offered';

  const params: QueueParams[] = new Array(n);
  const metrics: QueueMetrics[] = new Array(n);
  const intervalAgents = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = toParams({
      callsPerInterval: calls[i]!,
      intervalMinutes,
      // a closed-looking interval (no volume) may lack a handle time: any positive value gives load 0
      ahtSeconds: calls[i]! > 0 ? ahtSeconds[i]! : 1,
      ...(patience === undefined || Number.isNaN(patience[i]!) ? {} : { patienceSeconds: patience[i]! }),
      ...(concurrency === undefined ? {} : { concurrency }),
    });
    params[i] = p;
    let m = requiredAgentsUnchecked(p, target);
    if (m.agents < minAgents) m = metricsAt(p, minAgents, threshold, basis);
    metrics[i] = m;
    intervalAgents[i] = m.agents;
  }
  const hours = intervalMinutes / 60;
  const intervalScopeAgentHours = sum(intervalAgents) * hours;
  const periods: PeriodResult[] = [];
  if (scope !== 'interval') {
    const floorTarget: StaffingTarget = { ...target };
    delete floorTarget.serviceLevel;
    if (floorSl !== undefined) floorTarget.serviceLevel = floorSl;
    for (const members of groupByPeriod(starts, timeZone, scope)) {
      const periodCalls = members.map((i) => calls[i]!);
      const floor = members.map((i) =>
        Math.max(
          minAgents,
          Math.min(intervalAgents[i]!, requiredAgentsUnchecked(params[i]!, floorTarget).agents),
        ),
      );
      const bCache = members.map(() => new Map<number, number>());
      const result = periodStaffing({
        calls: periodCalls,
        floor,
        ceiling: members.map((i) => intervalAgents[i]!),
        serviceLevel: (k, a) => {
          const p = params[members[k]!]!;
          return evaluateMetrics(p, a, erlangBCached(bCache[k]!, p, a), threshold, basis).serviceLevel;
        },
        target: target.serviceLevel!,
        ...(target.maxAgents === undefined ? {} : { maxAgents: target.maxAgents }),
      });
      members.forEach((i, k) => {
        const a = result.agents[k]!;
        if (a !== metrics[i]!.agents) metrics[i] = metricsAt(params[i]!, a, threshold, basis);
      });
      periods.push({
        start: dateOfDayNumber(
          localDayNumber(starts[members[0]!]!, timeZone) - mondayShift(starts[members[0]!]!, timeZone, scope),
        ),
        serviceLevel: result.serviceLevel,
        agentHours: sum(result.agents) * hours,
        intervalScopeAgentHours: members.reduce((s, i) => s + intervalAgents[i]!, 0) * hours,
      });
    }
  }
  const agents = new Float64Array(n);
  const scheduledAgents = new Float64Array(n);
  const serviceLevel = new Float64Array(n);
  const asaSeconds = new Float64Array(n);
  const abandonRate = new Float64Array(n);
  const occupancy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = metrics[i]!;
    agents[i] = m.agents;
    scheduledAgents[i] = applyShrinkage(m.agents / factor, shrinkage[i]!);
    serviceLevel[i] = m.serviceLevel;
    asaSeconds[i] = m.asaSeconds;
    abandonRate[i] = m.abandonRate;
    occupancy[i] = m.occupancy;
  }
  const agentHours = sum(agents) * hours;
  return {
    timeZone: forecast.timeZone,
    intervalMinutes,
    starts: Float64Array.from(starts),
    calls,
    ahtSeconds,
    agents,
    scheduledAgents,
    serviceLevel,
    asaSeconds,
    abandonRate,
    occupancy,
    model: patience === undefined || patience.every(Number.isNaN) ? 'erlang-c' : 'erlang-a',
    scope,
    shrinkage,
    agentHours,
    intervalScopeAgentHours,
    savedAgentHours: Math.max(0, intervalScopeAgentHours - agentHours),
    periods,
    ...(patience === undefined ? {} : { patienceSeconds: patience }),
    ...(options.availabilityFactor === undefined ? {} : { availabilityFactor: factor }),
  };
}

/** A scalar or per-interval option as one value per interval; NaN allowed only where `nanAllowed`. */
function perInterval(
  fn: string,
  field: string,
  value: number | ArrayLike<number> | undefined,
  n: number,
  nanAllowed: boolean,
): Float64Array | undefined {
  if (value === undefined) return undefined;
  const out = typeof value === 'number' ? new Float64Array(n).fill(value) : Float64Array.from(value);
  if (typeof value !== 'number' && out.length !== n)
    invalidInput(fn, field, `must have one value per interval (${n})`, out.length);
  if (typeof value === 'number' && !(value > 0 && Number.isFinite(value)))
    invalidInput(fn, field, 'must be a finite number > 0', value);
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (nanAllowed && Number.isNaN(v)) continue;
    if (!(v > 0 && Number.isFinite(v))) invalidInput(fn, `${field}[${i}]`, 'must be a finite number > 0', v);
  }
  return out;
}

function handleTimes(fn: string, forecast: Forecast, override: Float64Array | undefined): Float64Array {
  if (override !== undefined) return override;
  if (forecast.ahtSeconds === undefined)
    invalidInput(
      fn,
      'ahtSeconds',
      'is required: the forecast has no handle time (give options.ahtSeconds)',
      undefined,
    );
  return Float64Array.from(forecast.ahtSeconds);
}

function metricsAt(
  p: QueueParams,
  agents: number,
  threshold: number,
  basis: ServiceLevelBasis,
): QueueMetrics {
  return evaluateMetrics(
    p,
    agents,
    erlangBUnchecked(agents * p.concurrency, p.offeredErlangs),
    threshold,
    basis,
  );
}

/**
 * Erlang B of `agents x concurrency` servers, carried up from the value one agent below when the
 * cache has it (O(concurrency)), else computed afresh (O(servers)).
 */
function erlangBCached(cache: Map<number, number>, p: QueueParams, agents: number): number {
  const servers = agents * p.concurrency;
  let b = cache.get(servers);
  if (b !== undefined) return b;
  const below = cache.get(servers - p.concurrency);
  if (below === undefined) b = erlangBUnchecked(servers, p.offeredErlangs);
  else {
    b = below;
    for (let s = servers - p.concurrency + 1; s <= servers; s++) b = erlangBStep(b, s, p.offeredErlangs);
  }
  cache.set(servers, b);
  return b;
}

function mondayShift(t: number, timeZone: string, scope: StaffingScope): number {
  return scope === 'week' ? (weekdayOfDayNumber(localDayNumber(t, timeZone)) + 6) % 7 : 0;
}

/** Interval indices grouped by local day or Monday week, in time order. */
function groupByPeriod(starts: Float64Array, timeZone: string, scope: StaffingScope): number[][] {
  const groups: number[][] = [];
  let key = Number.NaN;
  for (let i = 0; i < starts.length; i++) {
    const t = starts[i]!;
    const k = localDayNumber(t, timeZone) - mondayShift(t, timeZone, scope);
    if (k !== key) {
      groups.push([]);
      key = k;
    }
    groups[groups.length - 1]!.push(i);
  }
  return groups;
}

function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}
