import { StaffcastError } from '../../errors.js';
import type { Forecast } from '../../forecast/types.js';
import type { ReadReport } from '../../io/readReport.js';
import type { CalibrationParams } from '../../schemas/calibrationParams.js';
import type { PlanConfig, PlanQueueConfig } from '../../schemas/planConfig.js';
import type { StaffingConfig } from '../../schemas/staffingConfig.js';
import type { DeferredRequirement } from '../../staffing/deferredRequirement.js';
import { multiQueuePlan } from '../../staffing/multiQueuePlan.js';
import type { StaffingPlan } from '../../staffing/staffingPlan.js';
import type { Requirement } from '../../staffing/types.js';
import type { History } from '../../time/history.js';
import { planQueueStaffing, planStaffingOptions } from './planStaffing.js';

/**
 * One queue of a plan, read, forecast and staffed on its own.
 *
 * @internal
 */
export interface StaffedQueue {
  /** Queue name from the config. */
  name: string;
  /** Channel from the config ('voice' by default). */
  channel: 'voice' | 'chat' | 'email';
  /** The queue's config entry (top-level defaults not filled in). */
  config: PlanQueueConfig;
  /** The queue's history (in its own zone, re-aggregated to `outputIntervalMinutes`). */
  history: History;
  /** Row accounting of the queue's history file. */
  readReport: ReadReport;
  /** The queue's forecast, in the zone of its history. */
  forecast: Forecast;
  /** The queue's requirement: `staffingPlan` (voice, chat) or `deferredRequirement` (email). */
  requirement: StaffingPlan;
  /** Email only: the deferred requirement (due interval and backlog per interval); else null. */
  deferred: DeferredRequirement | null;
  /** Index in the pool grid (`PooledRequirement.requirement.starts`) of each of the queue's intervals. */
  poolIndex: Int32Array;
}

/**
 * What `staffQueues` returns.
 *
 * @internal
 */
export interface PooledRequirement {
  /** Per queue, in config order. */
  queues: StaffedQueue[];
  /**
   * The pool's requirement on one grid (the first queue's zone): agents, scheduled agents and
   * contacts summed per instant over the queues; handle time and the requirement's queue
   * metrics contact-weighted; shrinkage = the scheduled-agent-weighted mean of the queues'.
   */
  requirement: StaffingPlan;
  /** Total contacts per interval of the pool grid (no quantiles: sums of quantiles are not quantiles). */
  forecast: Forecast;
  /** Every queue's requirement rows with a `queue` column (requirements.csv). */
  table: Requirement;
  /** Summed history of the queues on the pool grid (NaN where a queue has no value). */
  history: History;
}

/**
 * A queue read and forecast, ready to staff.
 *
 * @internal
 */
export interface QueueForecast {
  config: PlanQueueConfig;
  history: History;
  readReport: ReadReport;
  forecast: Forecast;
}

/**
 * Staffs every queue of a multi-queue plan on its own and sums the requirements per interval
 * for one pool of multi-skilled agents. Each queue is staffed by `multiQueuePlan` with its
 * config entry, falling back to the top-level `target`, `ahtSeconds`, `patienceSeconds`,
 * `shrinkage`, `minAgents` and `scope` (so a queue's requirement equals `staffingPlan` of that
 * queue alone; email queues: `deferredRequirement`). The pool requirement is the sum, per
 * instant, of the queues' agents and scheduled agents: one set of shifts then covers it.
 * Summing separate requirements is conservative for a multi-skilled pool: pooling queues would
 * need fewer agents than the sum (economies of scale), so the schedule errs on the safe side.
 * Every queue must end up on the same interval grid (same interval length, aligned starts); the
 * pool grid is in the first queue's zone. With `fitted` (the plan's `fittedParams`) the queues
 * `usesFittedParams` selects take handle time, patience and availability from them where their
 * config and history give none (`multiQueuePlan`'s `fitted` option). Cost: the queues' staffing plus O(queues x intervals).
 *
 * @internal
 * @throws StaffcastError `CONFIG` naming `queues[i].history` when a queue's interval length or
 *   alignment differs from the first queue's; whatever `multiQueuePlan` throws (with the queue name).
 * @example
 * // two queues, 100 and 50 calls of 180 s in the half-hour 09:00 UTC, history = forecast
 * const cfg = parsePlanConfig({ history: { file: 'h.csv', timeZone: 'UTC' }, horizonDays: 1,
 *   target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 180, rules: 'rules.json',
 *   queues: [{ name: 'a' }, { name: 'b' }] });
 * const series = (calls) => ({ timeZone: 'UTC', intervalMinutes: 30,
 *   starts: Float64Array.of(Date.UTC(2024, 0, 1, 9)), calls: Float64Array.of(calls) });
 * const queue = (k, calls) => ({ config: cfg.queues[k], readReport: {}, forecast: series(calls),
 *   history: { calls: createSeries('UTC', 30, [Date.UTC(2024, 0, 1, 9)], [calls]) } });
 * const pooled = staffQueues([queue(0, 100), queue(1, 50)], cfg, 'plan-queues.json');
 * pooled.queues.map((q) => q.requirement.agents[0]); // [14, 8]
 * pooled.requirement.agents; // Float64Array [22] (the queues' agents summed)
 * pooled.requirement.agentHours; // 11 (22 agents x 0.5 h)
 */
export function staffQueues(
  inputs: readonly QueueForecast[],
  cfg: PlanConfig,
  source: string,
  fitted?: CalibrationParams,
): PooledRequirement {
  const staffingConfig: StaffingConfig = { queues: inputs.map((q) => planQueueStaffing(q.config)) };
  const multi = multiQueuePlan(
    new Map(inputs.map((q) => [q.config.name, q.forecast])),
    staffingConfig,
    planStaffingOptions(cfg),
    fitted === undefined ? { configName: source } : { fitted, configName: source },
  );
  const totals = multi.totals;
  const first = multi.queues[0]!.plan;
  const position = new Map<number, number>();
  totals.starts.forEach((ms, k) => {
    position.set(ms, k);
  });
  const queues = multi.queues.map((qp, qi): StaffedQueue => {
    const input = inputs[qi]!;
    const plan = qp.plan;
    if (plan.intervalMinutes !== totals.intervalMinutes)
      throw new StaffcastError(
        'CONFIG',
        `${source}: queues[${qi}].history: the queue's ${plan.intervalMinutes}-minute intervals ` +
          `do not line up with queue '${multi.queues[0]!.name}' (${first.intervalMinutes}-minute intervals, ` +
          `common grid ${totals.intervalMinutes} minutes); give every queue the same interval (outputIntervalMinutes)`,
        { queue: qp.name },
      );
    return {
      name: qp.name,
      channel: qp.channel,
      config: input.config,
      history: input.history,
      readReport: input.readReport,
      forecast: input.forecast,
      requirement: plan,
      deferred: qp.deferred ?? null,
      poolIndex: Int32Array.from(plan.starts, (ms) => position.get(ms)!),
    };
  });
  const pool = poolRequirement(queues, totals, cfg);
  const methods = [...new Set(queues.map((q) => q.forecast.method ?? 'forecast'))];
  return {
    queues,
    requirement: pool,
    forecast: {
      timeZone: pool.timeZone,
      intervalMinutes: pool.intervalMinutes,
      starts: pool.starts,
      calls: pool.calls,
      ahtSeconds: pool.ahtSeconds,
      method: methods.join(', '),
    },
    table: multi.requirement,
    history: poolHistory(queues, pool.timeZone),
  };
}

/**
 * Which queues are open in each interval of the pool grid: per pool interval, the pairs
 * [queue index, the interval's index in that queue's own grid] (from `StaffedQueue.poolIndex`), in
 * queue order; an interval no queue is open in has none. O(queues x intervals).
 *
 * @internal
 * @example
 * poolMembers([{ poolIndex: Int32Array.of(0, 1) }, { poolIndex: Int32Array.of(1) }], 3);
 * // [[[0, 0]], [[0, 1], [1, 0]], []]
 */
export function poolMembers(
  queues: ReadonlyArray<Pick<StaffedQueue, 'poolIndex'>>,
  intervals: number,
): Array<Array<[number, number]>> {
  const members: Array<Array<[number, number]>> = Array.from({ length: intervals }, () => []);
  queues.forEach((q, qi) => {
    q.poolIndex.forEach((k, i) => {
      members[k]!.push([qi, i]);
    });
  });
  return members;
}

/** Weighted mean of `values` with `weights` where both are finite; unweighted mean when all weights are 0. */
function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sw = 0;
  let swv = 0;
  let s = 0;
  let k = 0;
  for (let j = 0; j < values.length; j++) {
    const v = values[j]!;
    if (Number.isNaN(v)) continue;
    sw += weights[j]!;
    if (weights[j]! > 0) swv += weights[j]! * v;
    s += v;
    k++;
  }
  if (sw > 0) return swv / sw;
  return k > 0 ? s / k : Number.NaN;
}

function poolRequirement(
  queues: readonly StaffedQueue[],
  totals: {
    timeZone: string;
    intervalMinutes: number;
    starts: Float64Array;
    agents: Float64Array;
    scheduledAgents: Float64Array;
  },
  cfg: PlanConfig,
): StaffingPlan {
  const m = totals.starts.length;
  const members = poolMembers(queues, m).map((rows) => rows.map(([qi, i]) => [queues[qi]!, i] as const));
  const calls = new Float64Array(m);
  const fields = ['ahtSeconds', 'serviceLevel', 'asaSeconds', 'abandonRate', 'occupancy'] as const;
  const out = Object.fromEntries(fields.map((f) => [f, new Float64Array(m)])) as Record<
    (typeof fields)[number],
    Float64Array
  >;
  const shrinkage = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const rows = members[k]!;
    const c = rows.map(([q, i]) => q.requirement.calls[i]!);
    calls[k] = c.reduce((a, b) => a + b, 0);
    for (const f of fields)
      out[f][k] = weightedMean(
        rows.map(([q, i]) => q.requirement[f][i]!),
        c,
      );
    shrinkage[k] = weightedMean(
      rows.map(([q, i]) => q.requirement.shrinkage[i]!),
      rows.map(([q, i]) => q.requirement.scheduledAgents[i]!),
    );
  }
  const hours = totals.intervalMinutes / 60;
  const agentHours = totals.agents.reduce((a, b) => a + b, 0) * hours;
  return {
    timeZone: totals.timeZone,
    intervalMinutes: totals.intervalMinutes,
    starts: totals.starts,
    calls,
    ...out,
    agents: totals.agents,
    scheduledAgents: totals.scheduledAgents,
    model: queues.some((q) => q.requirement.model === 'erlang-a') ? 'erlang-a' : 'erlang-c',
    scope: cfg.scope,
    shrinkage,
    agentHours,
    intervalScopeAgentHours: queues.reduce((a, q) => a + q.requirement.intervalScopeAgentHours, 0),
    savedAgentHours: queues.reduce((a, q) => a + q.requirement.savedAgentHours, 0),
    periods: [],
  };
}

/** Sum of the queues' histories per instant (union of instants; NaN where a queue has no value). */
function poolHistory(queues: readonly StaffedQueue[], timeZone: string): History {
  const byStart = new Map<number, number[]>();
  queues.forEach((q, qi) => {
    const s = q.history.calls;
    s.starts.forEach((ms, i) => {
      let row = byStart.get(ms);
      if (row === undefined) {
        row = new Array<number>(queues.length).fill(Number.NaN);
        byStart.set(ms, row);
      }
      row[qi] = s.values[i]!;
    });
  });
  const starts = Float64Array.from([...byStart.keys()].sort((a, b) => a - b));
  return {
    calls: {
      timeZone,
      intervalMinutes: queues[0]!.history.calls.intervalMinutes,
      starts,
      values: Float64Array.from(starts, (ms) => byStart.get(ms)!.reduce((a, b) => a + b, 0)),
    },
  };
}
