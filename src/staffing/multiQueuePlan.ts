import { fittedInputsByInterval } from '../calibration/fittedInputs.js';
import { invalidInput, StaffcastError } from '../errors.js';
import type { Forecast } from '../forecast/types.js';
import { applyShrinkage } from '../queueing/shrinkage.js';
import type { CalibrationParams } from '../schemas/calibrationParams.js';
import type { StaffingConfig, StaffingQueueConfig } from '../schemas/staffingConfig.js';
import { withoutUndefined } from '../schemas/withoutUndefined.js';
import type { Requirement } from '../staffing/types.js';
import { type DeferredRequirement, deferredRequirement } from './deferredRequirement.js';
import { type Shrinkage, shrinkageByInterval } from './shrinkage.js';
import { type StaffingPlan, type StaffingPlanOptions, staffingPlan } from './staffingPlan.js';
import { type ParallelOptions, staffingPlanParallel } from './staffingPlanParallel.js';

/** Options of `multiQueuePlan` beyond the plan-wide staffing options. */
export interface MultiQueuePlanOptions {
  /**
   * Fitted model inputs from `calibrate` (`calibrate --params-out`), applied by `withFittedInputs`
   * to every queue that uses them: by default the `voice` queues (the parameters are fitted on
   * phone calls); a queue's `useParams` in the config overrides that. Inside a queue they fill
   * only what is not given: the queue's own `ahtSeconds` / `patienceSeconds`, the plan-wide ones
   * (`base`, i.e. `--aht`, `--patience`) and a forecast `aht_seconds` column all win.
   */
  fitted?: CalibrationParams;
  /** Name of the config in messages (its file). Default `'staffing config'`. */
  configName?: string;
  /** Name of the forecast in messages (its file). Default `'the forecast'`. */
  forecastName?: string;
}

/**
 * @deprecated Use {@link MultiQueuePlanOptions} (the `<function>Options` name of `multiQueuePlan`); kept for existing
 * imports of the public API.
 */
export type MultiQueueOptions = MultiQueuePlanOptions;

/**
 * Fills the staffing options of one forecast from fitted parameters (`calibrate --params-out`),
 * never overriding what is given: handle time by local hour where neither `options.ahtSeconds` nor
 * the forecast has one (no `aht_seconds` column, or a blank cell; hours not fitted take the mean of
 * the fitted values over the forecast's intervals), patience by hour when `options.patienceSeconds` is absent (Erlang C in hours where no
 * caller abandoned: NaN), and the availability factor when `options.availabilityFactor` is absent.
 * Returns a new object. Cost O(n).
 *
 * @internal
 * @example
 * const hours = (v: number | null) => Array.from({ length: 24 }, () => v);
 * const params = { kind: 'staffcast-calibration', version: 1, timeZone: 'UTC', intervalMinutes: 30,
 *   thresholdSeconds: 20, busyWeekdays: [1, 2, 3, 4, 5], availabilityFactor: 0.8,
 *   ahtSecondsByHour: { workweek: hours(180), weekend: hours(null) },
 *   patienceSecondsByHour: { workweek: hours(90), weekend: hours(null) }, fittedOn: { from: '', to: '' } } as const;
 * const f = { timeZone: 'UTC', intervalMinutes: 60, starts: Float64Array.of(Date.UTC(2024, 0, 1, 9)), calls: Float64Array.of(50) };
 * withFittedInputs(f, { target: { maxAbandonRate: 0.05 }, patienceSeconds: 120 }, params);
 * // { target: { maxAbandonRate: 0.05 }, patienceSeconds: 120, ahtSeconds: Float64Array [180], availabilityFactor: 0.8 }
 */
export function withFittedInputs(
  forecast: Forecast,
  options: StaffingPlanOptions,
  params: CalibrationParams,
): StaffingPlanOptions {
  const fitted = fittedInputsByInterval(params, forecast.starts);
  const out: StaffingPlanOptions = { ...options };
  if (out.ahtSeconds === undefined) {
    const fittedAht = meanFilled(fitted.ahtSeconds);
    const own = forecast.ahtSeconds;
    if (own === undefined) out.ahtSeconds = fittedAht;
    else if (own.some((v) => !Number.isFinite(v)))
      out.ahtSeconds = fittedAht.map((v, i) => (Number.isFinite(own[i]!) ? own[i]! : v));
  }
  if (out.patienceSeconds === undefined) out.patienceSeconds = fitted.patienceSeconds;
  if (out.availabilityFactor === undefined) out.availabilityFactor = fitted.availabilityFactor;
  return out;
}

/** Non-finite values replaced by the mean of the finite ones (all NaN stays NaN). */
function meanFilled(values: Float64Array): Float64Array {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  const mean = count > 0 ? sum / count : Number.NaN;
  return values.map((v) => (Number.isFinite(v) ? v : mean));
}

/**
 * Whether a queue of a staffing config takes the fitted parameters of `--params`: its `useParams`,
 * else true for voice queues only.
 *
 * @internal
 * @example
 * usesFittedParams({ channel: 'chat' }); // false
 * usesFittedParams({ channel: 'chat', useParams: true }); // true
 */
export function usesFittedParams(queue: Pick<StaffingQueueConfig, 'channel' | 'useParams'>): boolean {
  return queue.useParams ?? queue.channel === 'voice';
}

/** One queue of a multi-queue plan. */
export interface QueuePlan {
  /** Queue name. */
  name: string;
  /** Channel from the config. */
  channel: 'voice' | 'chat' | 'email';
  /** The queue's requirement (for email: agents from `deferredRequirement`, no queue metrics). */
  plan: StaffingPlan;
  /** Email / deferred work only: the deferred requirement with its backlog per interval. */
  deferred?: DeferredRequirement;
}

/** Agents summed over every queue at each instant. */
export interface PlanTotals {
  /** Zone the totals are reported in (the first queue's forecast zone). */
  timeZone: string;
  /** Step of the common grid in minutes: gcd of every queue's interval length and start offsets. */
  intervalMinutes: number;
  /** Epoch ms of every step covered by at least one queue. */
  starts: Float64Array;
  /** Sum of agents on the phones of the queues whose interval covers the step. */
  agents: Float64Array;
  /** Sum of scheduled agents likewise. */
  scheduledAgents: Float64Array;
}

/** What `multiQueuePlan` returns. */
export interface MultiQueuePlan {
  /** Per queue, in config order. */
  queues: QueuePlan[];
  /** Totals across queues, aligned on epoch ms (queues in other zones line up by instant). */
  totals: PlanTotals;
  /** Every queue's rows in one table with a `queue` column, ordered by start then config order. */
  requirement: Requirement;
  /** Sum of the queues' agent-hours. */
  agentHours: number;
  /** Sum of the queues' agent-hours saved by a day/week scope. */
  savedAgentHours: number;
}

/**
 * Staffs several queues or channels in one plan. Each queue takes its parameters from its entry in
 * `config` (target, patience, handle time, shrinkage, concurrency, minAgents, the site's time zone
 * for local-time rules), falling back to `config.target` and then to `base` (command-line values):
 *
 * - `voice` and `chat` queues: `staffingPlan` (chat with `concurrency` contacts per agent);
 * - `email` queues: `deferredRequirement` with the queue's `deadlineMinutes` and basis, on the
 *   forecast's grid (intervals absent from the forecast are closed), then shrinkage; the metric
 *   columns are NaN except occupancy (work / agent time) and abandonment 0.
 *
 * Totals add agents per instant across queues: all interval starts and ends are put on one grid
 * whose step divides every interval length and offset, so sites in other zones (a +05:30 site)
 * line up. With `options.fitted` (the parameters `calibrate` fitted), voice queues (or those with
 * `useParams: true`) take handle time, patience and availability from them where nothing else
 * gives them (`withFittedInputs`). Cost: the sum of the queues' costs plus O(grid steps x queues);
 * `multiQueuePlanParallel` spreads the queues over worker threads.
 *
 * @throws StaffcastError `CONFIG` naming a queue that is in the forecasts but not in the config, or
 *   in the config but not in the forecasts (`options.configName` / `forecastName` name them); whatever `staffingPlan` / `deferredRequirement` throw,
 *   with the queue name prefixed.
 * @example
 * const f = { timeZone: 'UTC', intervalMinutes: 30, starts: Float64Array.of(0), calls: Float64Array.of(100) };
 * multiQueuePlan(new Map([['a', f], ['b', f]]),
 *   { queues: [{ name: 'a', channel: 'voice' }, { name: 'b', channel: 'voice' }] },
 *   { target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 180 }).totals.agents;
 * // Float64Array [28]
 */
export function multiQueuePlan(
  forecasts: ReadonlyMap<string, Forecast>,
  config: StaffingConfig,
  base: StaffingPlanOptions,
  options: MultiQueuePlanOptions = {},
): MultiQueuePlan {
  const prepared = prepareQueues(forecasts, config, base, options);
  const queues = prepared.map((p) => {
    try {
      return planQueue(p);
    } catch (error) {
      throw withQueueName(error, p.queue.name);
    }
  });
  return assemble(queues);
}

/**
 * `multiQueuePlan` with the voice and chat queues staffed on worker threads by
 * `staffingPlanParallel` (email queues in the calling thread): the same result, field for field,
 * and the same error (the first failing queue in config order). Worth it for several large queues
 * (the CLI uses it from 20,000 intervals in total); threads cost about 0.1-0.3 s to start. Cost:
 * the queues' cost / workers plus copying the arrays to and from the workers.
 *
 * @internal
 * @throws StaffcastError as `multiQueuePlan`; `SOLVER_FAILED` if a worker cannot start.
 * @example
 * const f = { timeZone: 'UTC', intervalMinutes: 30, starts: Float64Array.of(0), calls: Float64Array.of(100) };
 * (await multiQueuePlanParallel(new Map([['a', f], ['b', f]]),
 *   { queues: [{ name: 'a', channel: 'voice' }, { name: 'b', channel: 'voice' }] },
 *   { target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 180 }, { workers: 2 })).totals.agents;
 * // Float64Array [28]
 */
export async function multiQueuePlanParallel(
  forecasts: ReadonlyMap<string, Forecast>,
  config: StaffingConfig,
  base: StaffingPlanOptions,
  options: MultiQueuePlanOptions & ParallelOptions = {},
): Promise<MultiQueuePlan> {
  const prepared = prepareQueues(forecasts, config, base, options);
  const jobQueues = prepared.flatMap((p, i) => (p.queue.channel === 'email' ? [] : [i]));
  let plans: StaffingPlan[] = [];
  let failedAt = Number.POSITIVE_INFINITY;
  let failure: unknown;
  try {
    plans = await staffingPlanParallel(
      jobQueues.map((i) => ({ forecast: prepared[i]!.forecast, options: prepared[i]!.options })),
      options.workers === undefined ? {} : { workers: options.workers },
    );
  } catch (error) {
    const job = error instanceof StaffcastError ? error.details?.job : undefined;
    if (typeof job !== 'number') throw error;
    failedAt = jobQueues[job] ?? Number.POSITIVE_INFINITY;
    failure = error;
  }
  const queues: QueuePlan[] = [];
  let next = 0;
  for (let i = 0; i < prepared.length; i++) {
    const p = prepared[i]!;
    if (i === failedAt) throw withQueueName(failure, p.queue.name);
    if (p.queue.channel === 'email') {
      try {
        queues.push(planQueue(p));
      } catch (error) {
        throw withQueueName(error, p.queue.name);
      }
    } else {
      queues.push({ name: p.queue.name, channel: p.queue.channel, plan: plans[next++]! });
    }
  }
  return assemble(queues);
}

/**
 * Options of `multiQueuePlanEach`.
 *
 * @internal
 */
export interface MultiQueuePlanEachOptions extends MultiQueuePlanOptions, ParallelOptions {
  /**
   * Staff the voice and chat queues on worker threads (`staffingPlanParallel`), a few queues at a
   * time. Default false (the calling thread).
   */
  parallel?: boolean;
  /** Queues (in config order) staffed together on the threads. Default 4: at most that many plans in memory. */
  batchQueues?: number;
}

/**
 * @deprecated Use {@link MultiQueuePlanEachOptions} (the `<function>Options` name of `multiQueuePlanEach`); kept for existing
 * imports of the public API.
 */
export type MultiQueueEachOptions = MultiQueuePlanEachOptions;

/**
 * Forecasts of several queues that are loaded one at a time (a file spilled to disk by
 * `spillForecastCsvByQueue`), so a plan need not hold every queue's forecast.
 */
export interface QueueForecastSource {
  /** Queue names, in the order of the forecast (messages list them in this order). */
  readonly names: readonly string[];
  /** The forecast of one queue; each name is loaded once, in config order. */
  load(name: string): Promise<Forecast> | Forecast;
}

/**
 * The queues of `multiQueuePlan` one at a time, in config order, so a caller that writes each
 * queue's plan out and drops it (`staff --config`) holds one plan (or one batch of
 * `options.batchQueues` with `options.parallel`) instead of all of them: each yielded `QueuePlan`
 * is the one `multiQueuePlan` returns for that queue, field for field. `forecasts` is a map or a
 * `QueueForecastSource`: a queue's forecast is taken (loaded) when its batch starts and dropped
 * once the queue is planned, so with a source that loads from disk memory holds one batch of
 * forecasts, not every queue's. Totals: `planTotalsAccumulator`. Cost: as `multiQueuePlan` (or
 * `multiQueuePlanParallel`, with threads started once per batch), plus the loads.
 *
 * @internal
 * @throws StaffcastError as `multiQueuePlan` (the config and queue-name checks before the first
 *   queue is yielded; a queue's failure when its turn comes, the first failing queue in config
 *   order); whatever `forecasts.load` throws.
 * @example
 * const f = { timeZone: 'UTC', intervalMinutes: 30, starts: Float64Array.of(0), calls: Float64Array.of(100) };
 * const names = [];
 * for await (const q of multiQueuePlanEach(new Map([['a', f], ['b', f]]),
 *   { queues: [{ name: 'a', channel: 'voice' }, { name: 'b', channel: 'voice' }] },
 *   { target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 180 })) names.push([q.name, q.plan.agents[0]]);
 * names; // [['a', 14], ['b', 14]]
 */
export async function* multiQueuePlanEach(
  forecasts: ReadonlyMap<string, Forecast> | QueueForecastSource,
  config: StaffingConfig,
  base: StaffingPlanOptions,
  options: MultiQueuePlanEachOptions = {},
): AsyncGenerator<QueuePlan> {
  const batchQueues = options.batchQueues ?? 4;
  if (!Number.isInteger(batchQueues) || batchQueues < 1)
    invalidInput('multiQueuePlanEach', 'batchQueues', 'must be a whole number >= 1', batchQueues);
  const source: QueueForecastSource =
    forecasts instanceof Map
      ? {
          names: [...forecasts.keys()],
          load: (name) => (forecasts as ReadonlyMap<string, Forecast>).get(name)!,
        }
      : (forecasts as QueueForecastSource);
  checkQueueNames(source.names, config, options);
  for (let from = 0; from < config.queues.length; from += batchQueues) {
    const to = Math.min(config.queues.length, from + batchQueues);
    const prepared: Array<PreparedQueue | undefined> = [];
    for (let i = from; i < to; i++) {
      const queue = config.queues[i]!;
      prepared[i] = prepareQueue(queue, await source.load(queue.name), config, base, options);
    }
    const threaded: number[] = [];
    if (options.parallel === true)
      for (let i = from; i < to; i++) if (prepared[i]!.queue.channel !== 'email') threaded.push(i);
    const plans = new Map<number, StaffingPlan>();
    let failedAt = Number.POSITIVE_INFINITY;
    let failure: unknown;
    if (threaded.length > 0) {
      try {
        const done = await staffingPlanParallel(
          threaded.map((i) => ({ forecast: prepared[i]!.forecast, options: prepared[i]!.options })),
          options.workers === undefined ? {} : { workers: options.workers },
        );
        for (let j = 0; j < threaded.length; j++) plans.set(threaded[j]!, done[j]!);
      } catch (error) {
        const job = error instanceof StaffcastError ? error.details?.job : undefined;
        if (typeof job !== 'number') throw error;
        failedAt = threaded[job] ?? Number.POSITIVE_INFINITY;
        failure = error;
      }
    }
    for (let i = from; i < to; i++) {
      const p = prepared[i]!;
      if (i === failedAt) throw withQueueName(failure, p.queue.name);
      const plan = plans.get(i);
      let queuePlan: QueuePlan;
      if (plan !== undefined && p.queue.channel !== 'email')
        queuePlan = { name: p.queue.name, channel: p.queue.channel, plan };
      else {
        try {
          queuePlan = planQueue(p);
        } catch (error) {
          throw withQueueName(error, p.queue.name);
        }
      }
      plans.delete(i);
      prepared[i] = undefined;
      yield queuePlan;
    }
  }
}

/** One queue ready to staff: its config entry, forecast and resolved options. */
interface PreparedQueue {
  queue: StaffingQueueConfig;
  forecast: Forecast;
  options: StaffingPlanOptions;
}

function prepareQueues(
  forecasts: ReadonlyMap<string, Forecast>,
  config: StaffingConfig,
  base: StaffingPlanOptions,
  options: MultiQueuePlanOptions,
): PreparedQueue[] {
  checkQueueNames([...forecasts.keys()], config, options);
  return config.queues.map((queue) => prepareQueue(queue, forecasts.get(queue.name)!, config, base, options));
}

/** Every forecast queue is in the config and every config queue in the forecast (CONFIG error). */
function checkQueueNames(
  forecastNames: readonly string[],
  config: StaffingConfig,
  options: MultiQueuePlanOptions,
): void {
  const names = new Set(config.queues.map((q) => q.name));
  const configName = options.configName ?? 'staffing config';
  const forecastName = options.forecastName ?? 'the forecast';
  for (const name of forecastNames) {
    if (!names.has(name)) {
      throw new StaffcastError(
        'CONFIG',
        `${configName}: queue '${name}' is in ${forecastName} but not in the config (config queues: ${[...names].join(', ')})`,
        { queue: name },
      );
    }
  }
  const inForecast = new Set(forecastNames);
  for (const queue of config.queues) {
    if (!inForecast.has(queue.name)) {
      throw new StaffcastError(
        'CONFIG',
        `${configName}: queue '${queue.name}' is not in ${forecastName} (forecast queues: ${forecastNames.join(', ')})`,
        { queue: queue.name },
      );
    }
  }
}

function prepareQueue(
  queue: StaffingQueueConfig,
  forecast: Forecast,
  config: StaffingConfig,
  base: StaffingPlanOptions,
  options: MultiQueuePlanOptions,
): PreparedQueue {
  let queueOptions = optionsOf(queue, config, base);
  if (options.fitted !== undefined && usesFittedParams(queue))
    queueOptions = withFittedInputs(forecast, queueOptions, options.fitted);
  return { queue, forecast, options: queueOptions };
}

function withQueueName(error: unknown, name: string): unknown {
  if (!(error instanceof StaffcastError)) return error;
  const details = { ...error.details, queue: name };
  delete (details as { job?: number }).job;
  return new StaffcastError(error.code, `queue '${name}': ${error.message}`, details);
}

function assemble(queues: QueuePlan[]): MultiQueuePlan {
  const first = queues[0]!.plan;
  // the combined table (8 columns x every row of every queue) is built only when read:
  // `staff --config` plans queue by queue and spills rows instead (multiQueuePlanEach)
  let requirement: Requirement | undefined;
  return {
    queues,
    totals: totalsAcross(
      queues.map((q) => q.plan),
      first.timeZone,
    ),
    get requirement(): Requirement {
      requirement ??= combined(queues, first.timeZone);
      return requirement;
    },
    agentHours: queues.reduce((s, q) => s + q.plan.agentHours, 0),
    savedAgentHours: queues.reduce((s, q) => s + q.plan.savedAgentHours, 0),
  };
}

function optionsOf(
  queue: StaffingQueueConfig,
  config: StaffingConfig,
  base: StaffingPlanOptions,
): StaffingPlanOptions {
  const target = queue.target ?? config.target;
  const options: StaffingPlanOptions = {
    ...base,
    target: target === undefined ? base.target : withoutUndefined(target),
  };
  if (queue.patienceSeconds !== undefined) options.patienceSeconds = queue.patienceSeconds;
  if (queue.ahtSeconds !== undefined) options.ahtSeconds = queue.ahtSeconds;
  if (queue.shrinkage !== undefined) options.shrinkage = queue.shrinkage as Shrinkage;
  if (queue.minAgents !== undefined) options.minAgents = queue.minAgents;
  if (queue.timeZone !== undefined) options.timeZone = queue.timeZone;
  if (queue.channel === 'chat') options.concurrency = queue.concurrency ?? 1;
  else delete options.concurrency;
  return options;
}

function planQueue({ queue, forecast, options }: PreparedQueue): QueuePlan {
  if (queue.channel !== 'email')
    return { name: queue.name, channel: queue.channel, plan: staffingPlan(forecast, options) };
  return emailPlan(queue, forecast, options);
}

function emailPlan(queue: StaffingQueueConfig, forecast: Forecast, options: StaffingPlanOptions): QueuePlan {
  const fn = 'multiQueuePlan';
  const { intervalMinutes, starts } = forecast;
  const n = starts.length;
  const stepMs = intervalMinutes * 60_000;
  // deferred work takes one handle time: the given one, else the volume-weighted mean
  const given = options.ahtSeconds;
  const aht =
    typeof given === 'number'
      ? given
      : meanAht(given === undefined ? forecast : { ...forecast, ahtSeconds: Float64Array.from(given) });
  if (aht === undefined)
    invalidInput(
      fn,
      'ahtSeconds',
      'is required: the forecast has no handle time (give it in the config)',
      undefined,
    );
  // contiguous grid from the first to the last start; absent intervals are closed
  const first = starts[0] ?? 0;
  const m = n === 0 ? 0 : Math.round((starts[n - 1]! - first) / stepMs) + 1;
  const arrivals = new Float64Array(m);
  const open = new Array<boolean>(m).fill(false);
  const position = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = Math.round((starts[i]! - first) / stepMs);
    position[i] = k;
    const c = forecast.calls[i]!;
    if (!(c >= 0) || !Number.isFinite(c)) invalidInput(fn, `calls[${i}]`, 'must be a finite number >= 0', c);
    arrivals[k] = c;
    open[k] = true;
  }
  const deferred = deferredRequirement(arrivals, {
    intervalMinutes,
    ahtSeconds: aht,
    deadlineMinutes: queue.deadlineMinutes!,
    deadlineBasis: queue.deadlineBasis ?? 'calendar',
    open,
  });
  const shrinkage = shrinkageByInterval(
    options.shrinkage ?? 0,
    starts,
    options.timeZone ?? forecast.timeZone,
  );
  const pick = (values: Float64Array): Float64Array => Float64Array.from(position, (k) => values[k]!);
  const agents = pick(deferred.agents);
  const handled = pick(deferred.handled);
  const occupancy = Float64Array.from(agents, (a, i) =>
    a > 0 ? (handled[i]! * aht) / (a * intervalMinutes * 60) : 0,
  );
  const agentHours = (agents.reduce((s, a) => s + a, 0) * intervalMinutes) / 60;
  const plan: StaffingPlan = {
    timeZone: forecast.timeZone,
    intervalMinutes,
    starts: Float64Array.from(starts),
    calls: Float64Array.from(forecast.calls),
    ahtSeconds: new Float64Array(n).fill(aht),
    agents,
    scheduledAgents: Float64Array.from(agents, (a, i) => applyShrinkage(a, shrinkage[i]!)),
    serviceLevel: new Float64Array(n).fill(Number.NaN),
    asaSeconds: new Float64Array(n).fill(Number.NaN),
    abandonRate: new Float64Array(n),
    occupancy,
    model: 'erlang-c',
    scope: 'interval',
    shrinkage,
    agentHours,
    intervalScopeAgentHours: agentHours,
    savedAgentHours: 0,
    periods: [],
  };
  return { name: queue.name, channel: 'email', plan, deferred };
}

function meanAht(forecast: Forecast): number | undefined {
  const aht = forecast.ahtSeconds;
  if (aht === undefined) return undefined;
  let work = 0;
  let calls = 0;
  for (let i = 0; i < aht.length; i++) {
    const c = forecast.calls[i]!;
    if (c > 0 && Number.isFinite(aht[i]!)) {
      work += c * aht[i]!;
      calls += c;
    }
  }
  if (calls > 0) return work / calls;
  // no contacts over the horizon: nothing to staff, the plain mean of the known handle times stands in
  let sum = 0;
  let known = 0;
  for (const a of aht)
    if (Number.isFinite(a) && a > 0) {
      sum += a;
      known += 1;
    }
  return known > 0 ? sum / known : undefined;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}

function totalsAcross(plans: readonly StaffingPlan[], timeZone: string): PlanTotals {
  const totals = planTotalsAccumulator(plans, timeZone);
  for (const p of plans) totals.add(p);
  return totals.totals();
}

/**
 * What `planTotalsAccumulator` returns: add the queues' plans one at a time, then read the totals.
 *
 * @internal
 */
export interface PlanTotalsAccumulator {
  /** Adds one queue's agents (its grid must be one of those the accumulator was made for). */
  add(plan: Pick<StaffingPlan, 'intervalMinutes' | 'starts' | 'agents' | 'scheduledAgents'>): void;
  /** The totals of the plans added so far, over the steps covered by the grids given. */
  totals(): PlanTotals;
}

/**
 * A queue's interval grid without its starts: what `planTotalsAccumulator` needs to place the
 * queue on the common grid when the queue's forecast is not in memory (`spillForecastCsvByQueue`
 * gives it from the file's single pass).
 */
export interface GridSpan {
  /** Interval length in minutes. */
  intervalMinutes: number;
  /** Epoch ms of the first and of the last interval start (NaN: no rows). */
  firstStart: number;
  lastStart: number;
  /** gcd of `round((start - firstStart) / 1 min)` over every start (0: one row). */
  offsetMinutesGcd: number;
}

/**
 * `MultiQueuePlan.totals` built one queue at a time, so the queues' plans need not be held
 * together (`staff --config` streams them): made from the queues' grids (interval length and
 * starts: the forecasts, which the plans share; or each queue's `GridSpan` when the forecasts are
 * on disk), each `add` sums one plan's agents and scheduled agents onto the common grid (step =
 * gcd of every interval length and start offset, as `multiQueuePlan`). Adding every queue's plan
 * gives `multiQueuePlan(...).totals` exactly (from spans: whenever the starts lie whole minutes
 * apart, as every forecast on a minute grid does). Memory O(grid steps), independent of the
 * number of queues; cost O(rows) per `add`.
 *
 * @internal
 * @example
 * const f = { timeZone: 'UTC', intervalMinutes: 30, starts: Float64Array.of(0), calls: Float64Array.of(100) };
 * const acc = planTotalsAccumulator([f, f], 'UTC');
 * const p = { intervalMinutes: 30, starts: Float64Array.of(0), agents: Float64Array.of(14), scheduledAgents: Float64Array.of(14) };
 * acc.add(p); acc.add(p);
 * acc.totals().agents; // Float64Array [28]
 */
export function planTotalsAccumulator(
  grids: readonly (Pick<Forecast, 'intervalMinutes' | 'starts'> | GridSpan)[],
  timeZone: string,
): PlanTotalsAccumulator {
  const MIN = 60_000;
  let step = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of grids) {
    step = gcd(step, p.intervalMinutes);
    const first = 'starts' in p ? p.starts[0] : p.firstStart;
    const last = 'starts' in p ? p.starts[p.starts.length - 1] : p.lastStart;
    if (first === undefined || last === undefined || Number.isNaN(first)) continue;
    lo = Math.min(lo, first);
    hi = Math.max(hi, last + p.intervalMinutes * MIN);
  }
  const empty = !Number.isFinite(lo);
  if (!empty)
    for (const p of grids) {
      if (!('starts' in p)) {
        if (Number.isNaN(p.firstStart)) continue;
        step = gcd(step, gcd(Math.round((p.firstStart - lo) / MIN), p.offsetMinutesGcd));
      } else for (const s of p.starts) step = gcd(step, Math.round((s - lo) / MIN));
    }
  const steps = empty ? 0 : Math.round((hi - lo) / (step * MIN));
  const agents = new Float64Array(steps);
  const scheduled = new Float64Array(steps);
  const covered = new Uint8Array(steps);
  return {
    add(p) {
      const per = p.intervalMinutes / step;
      for (let i = 0; i < p.starts.length; i++) {
        const k0 = Math.round((p.starts[i]! - lo) / (step * MIN));
        for (let k = k0; k < k0 + per; k++) {
          agents[k] = agents[k]! + p.agents[i]!;
          scheduled[k] = scheduled[k]! + p.scheduledAgents[i]!;
          covered[k] = 1;
        }
      }
    },
    totals() {
      const keep: number[] = [];
      for (let k = 0; k < steps; k++) if (covered[k] === 1) keep.push(k);
      return {
        timeZone,
        intervalMinutes: step,
        starts: Float64Array.from(keep, (k) => lo + k * step * MIN),
        agents: Float64Array.from(keep, (k) => agents[k]!),
        scheduledAgents: Float64Array.from(keep, (k) => scheduled[k]!),
      };
    },
  };
}

function combined(queues: readonly QueuePlan[], timeZone: string): Requirement {
  const rows: Array<[number, number, number]> = []; // start, queue index, row
  queues.forEach((q, qi) => {
    for (let i = 0; i < q.plan.starts.length; i++) rows.push([q.plan.starts[i]!, qi, i]);
  });
  rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const column = (
    field: keyof Pick<
      StaffingPlan,
      | 'calls'
      | 'ahtSeconds'
      | 'agents'
      | 'scheduledAgents'
      | 'serviceLevel'
      | 'asaSeconds'
      | 'abandonRate'
      | 'occupancy'
    >,
  ) => Float64Array.from(rows, ([, qi, i]) => queues[qi]!.plan[field][i]!);
  const intervals = queues.map((q) => q.plan.intervalMinutes);
  return {
    timeZone,
    intervalMinutes: intervals.reduce(gcd, 0),
    starts: Float64Array.from(rows, (r) => r[0]),
    queue: rows.map(([, qi]) => queues[qi]!.name),
    calls: column('calls'),
    ahtSeconds: column('ahtSeconds'),
    agents: column('agents'),
    scheduledAgents: column('scheduledAgents'),
    serviceLevel: column('serviceLevel'),
    asaSeconds: column('asaSeconds'),
    abandonRate: column('abandonRate'),
    occupancy: column('occupancy'),
  };
}
