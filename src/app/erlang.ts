import { StaffcastError } from '../errors.js';
import { MAX_CALLS_PER_SECOND } from '../queueing/limits.js';
import { meetsTarget } from '../queueing/meetsTarget.js';
import { queueMetrics } from '../queueing/queueMetrics.js';
import { requiredAgents } from '../queueing/requiredAgents.js';
import { applyShrinkage } from '../queueing/shrinkage.js';
import type { QueueDemand, QueueMetrics, StaffingTarget } from '../queueing/types.js';

/** Options of `erlangCalculator` (the `erlang` command's flags). */
export interface ErlangCalculatorOptions {
  /** Contacts offered in one interval (>= 0). */
  calls: number;
  /** Interval length in minutes (> 0). */
  intervalMinutes: number;
  /** Mean handle time in seconds (> 0). */
  ahtSeconds: number;
  /** Mean patience in seconds: Erlang A. Default Erlang C. */
  patienceSeconds?: number | undefined;
  /** Contacts one agent handles at once (chat). Default 1. */
  concurrency?: number | undefined;
  /** The target; its `thresholdSeconds` defaults to `DEFAULT_ERLANG_THRESHOLD_SECONDS`. */
  target: StaffingTarget;
  /** Evaluate this staffing instead of finding the smallest one meeting the target. */
  agents?: number | undefined;
  /** Shrinkage 0 <= s < 1 for the scheduled agents. Default 0. */
  shrinkage?: number | undefined;
}

/** What `erlangCalculator` computed. */
export interface ErlangCalculation {
  /** `'required'`: the smallest staffing meeting the target; `'evaluate'`: the staffing given. */
  mode: 'required' | 'evaluate';
  demand: QueueDemand;
  /** The target with its threshold filled in. */
  target: StaffingTarget & { thresholdSeconds: number };
  /** Agents on the phones and their metrics. */
  metrics: QueueMetrics;
  /** Agents to schedule: `applyShrinkage(metrics.agents, shrinkage)`. */
  scheduledAgents: number;
  shrinkage: number;
  meetsTarget: boolean;
  /** Metrics of `agents - TABLE_SPAN` .. `agents + TABLE_SPAN` (from 0). */
  table: QueueMetrics[];
}

/** Threshold of the service level reported when no flag sets one: 20 s. */
export const DEFAULT_ERLANG_THRESHOLD_SECONDS = 20;
/** Agents either side of the answer in `ErlangCalculation.table`. */
const TABLE_SPAN = 3;

/**
 * The `erlang` calculator: the smallest number of agents meeting `target` (`requiredAgents`), or
 * with `agents` the metrics of that staffing (`queueMetrics`), the agents after shrinkage, whether
 * the target is met, and a table of n-3..n+3 agents. The target's threshold defaults to 20 s.
 * Cost: `requiredAgents` plus seven `queueMetrics`.
 *
 * @throws StaffcastError `USAGE` when `calls` per interval is more than `MAX_CALLS_PER_SECOND`
 *   contacts per second (naming `--calls`); `TARGET_UNREACHABLE`, `INVALID_INPUT` from the maths.
 * @example
 * erlangCalculator({ calls: 100, intervalMinutes: 30, ahtSeconds: 180,
 *   target: { serviceLevel: 0.8, thresholdSeconds: 20 } }).metrics.agents; // 14
 */
export function erlangCalculator(options: ErlangCalculatorOptions): ErlangCalculation {
  const perSecond = options.calls / (options.intervalMinutes * 60);
  if (perSecond > MAX_CALLS_PER_SECOND)
    throw new StaffcastError(
      'USAGE',
      `erlang: --calls ${options.calls} per ${options.intervalMinutes} min is more than ${MAX_CALLS_PER_SECOND} contacts per second (at most ${MAX_CALLS_PER_SECOND * options.intervalMinutes * 60} per interval)`,
    );
  const target = {
    ...options.target,
    thresholdSeconds: options.target.thresholdSeconds ?? DEFAULT_ERLANG_THRESHOLD_SECONDS,
  };
  const demand: QueueDemand = {
    callsPerInterval: options.calls,
    intervalMinutes: options.intervalMinutes,
    ahtSeconds: options.ahtSeconds,
  };
  if (options.patienceSeconds !== undefined) demand.patienceSeconds = options.patienceSeconds;
  if (options.concurrency !== undefined) demand.concurrency = options.concurrency;
  const metricsOptions = {
    thresholdSeconds: target.thresholdSeconds,
    serviceLevelBasis: target.serviceLevelBasis ?? 'offered',
  };
  const metrics =
    options.agents !== undefined
      ? queueMetrics(demand, options.agents, metricsOptions)
      : requiredAgents(demand, target);
  const n = metrics.agents;
  const shrinkage = options.shrinkage ?? 0;
  const table: QueueMetrics[] = [];
  for (let k = Math.max(0, n - TABLE_SPAN); k <= n + TABLE_SPAN; k++)
    table.push(queueMetrics(demand, k, metricsOptions));
  return {
    mode: options.agents !== undefined ? 'evaluate' : 'required',
    demand,
    target,
    metrics,
    scheduledAgents: applyShrinkage(n, shrinkage),
    shrinkage,
    meetsTarget: meetsTarget(metrics, target),
    table,
  };
}

/** Metrics as JSON-safe values: Infinity becomes null (the `stable` flag says why). */
function jsonMetrics(m: QueueMetrics): Record<string, unknown> {
  return { ...m, asaSeconds: Number.isFinite(m.asaSeconds) ? m.asaSeconds : null };
}

/**
 * An `ErlangCalculation` as the JSON document of `erlang --json`: model, demand, target, mode,
 * agents, shrinkage, scheduled agents, whether the target is met, the metrics and the table (an
 * infinite ASA as null). Cost O(1).
 *
 * @example
 * erlangJson(erlangCalculator({ calls: 100, intervalMinutes: 30, ahtSeconds: 180,
 *   target: { serviceLevel: 0.8, thresholdSeconds: 20 } })).agents; // 14
 */
export function erlangJson(result: ErlangCalculation): Record<string, unknown> {
  return {
    model: result.metrics.model,
    demand: result.demand,
    target: result.target,
    mode: result.mode,
    agents: result.metrics.agents,
    shrinkage: result.shrinkage,
    scheduledAgents: result.scheduledAgents,
    meetsTarget: result.meetsTarget,
    metrics: jsonMetrics(result.metrics),
    table: result.table.map(jsonMetrics),
  };
}
