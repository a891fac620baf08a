import type { Forecast } from '../forecast/types.js';
import type { ReadReport } from '../io/readReport.js';
import type { Requirement } from '../io/requirementCsv.js';
import { DEFAULT_THRESHOLD_SECONDS } from '../queueing/requiredAgents.js';
import { evaluateSchedule, type ScheduleEvaluation } from '../scheduling/evaluateSchedule.js';
import { parseShiftRules, type ShiftRulesInput } from '../scheduling/rules.js';
import type { ShiftSchedule } from '../scheduling/scheduleShifts.js';
import type { ScheduleStart } from '../scheduling/scheduleStart.js';
import type { OutboundCapacity } from '../staffing/outboundCapacity.js';
import type { StaffingPlan } from '../staffing/staffingPlan.js';
import type { History } from '../time/history.js';
import { type PlanConfig, type PlanConfigInput, parsePlanConfig } from './planConfig.js';
import { readPlanJson, withConfigKey } from './planFiles.js';
import { evaluatePooledPlan, type PlanQueueResult } from './planMulti.js';
import { planOutbound } from './planOutbound.js';
import type { PooledRequirement } from './planQueues.js';
import { type PlanTimer, planRequirement } from './planRequirement.js';
import { schedulePlan } from './planSchedule.js';
import { type PlanSummary, planSummary } from './planSummary.js';

/** The steps of `plan`, in order. */
export type PlanStep = 'read' | 'forecast' | 'staff' | 'schedule' | 'evaluate';

/** A progress event of `plan`: a step started, or finished after `seconds`. */
export interface PlanProgress {
  step: PlanStep;
  phase: 'start' | 'done';
  /** Wall-clock seconds the step took (phase 'done' only). */
  seconds?: number;
  /** One-line description of the step's result (phase 'done' only). */
  detail?: string;
}

/** Options of `plan`. */
export interface PlanOptions {
  /** Folder the config's relative paths are resolved against (the config file's folder). */
  baseDir: string;
  /** Called at the start and end of each step (for progress lines). */
  onProgress?: (event: PlanProgress) => void;
  /** Name of the config for messages. Default `'plan config'`. */
  source?: string;
  /**
   * Applied to the forecast before staffing (what-if scenarios: volume, deflection, handle time).
   * Default: none (the forecast as computed).
   */
  forecastTransform?: (forecast: Forecast) => Forecast;
  /**
   * A forecast computed earlier for this config (same history, horizon, forecast options and
   * interval; what-if scenarios share one): the forecast step is skipped. Default: forecast.
   * Single-queue configs only: ignored (every queue forecast) for a config with `queues`.
   */
  forecast?: Forecast | undefined;
  /**
   * The history read earlier for this config, with `readReport`: the read step is skipped.
   * Single-queue configs only: ignored for a config with `queues`.
   */
  history?: History | undefined;
  /** Row accounting of `history` (both are needed to skip the read step). */
  readReport?: ReadReport | undefined;
  /**
   * An earlier schedule (a related plan's `schedule`, e.g. the base scenario's) as an extra MIP
   * start for the schedule step (`ScheduleOptions.start`: mapped by shift identity, used only when
   * it meets every rule, the cheapest start wins). Default: none.
   */
  scheduleStart?: ScheduleStart | undefined;
}

/** Everything `plan` computed. */
export interface PlanResult {
  /** The validated config with its defaults. */
  config: PlanConfig;
  /** The history as read (re-aggregated to `outputIntervalMinutes` when given). */
  history: History;
  /** Row accounting of the history file. */
  readReport: ReadReport;
  forecast: Forecast;
  /** Agents per interval on the phones (`agents`) and to schedule (`scheduledAgents`, after shrinkage). */
  requirement: StaffingPlan;
  /** Shifts covering `requirement.scheduledAgents`. */
  schedule: ShiftSchedule;
  /**
   * Agents on the phones per interval the schedule gives: net coverage x (1 - shrinkage), the
   * expected heads, fractional (shrinkage is a share of paid time): 25 net agents at 0.3 shrinkage
   * give 17.5. On-phone agent-hours, the peak and the outbound capacity use these.
   */
  onPhoneAgents: Float64Array;
  /**
   * Effective agents on the phones per interval, in the unit of `requirement.agents`:
   * `onPhoneAgents` x the availability factor the requirement was staffed with (`fittedParams`;
   * for a pool, agents / sum(agents_q / factor_q) of the open queues); `onPhoneAgents` itself
   * without fitted params. The outbound capacity and the report's staffing chart use these.
   */
  effectiveAgents: Float64Array;
  /**
   * Service level, ASA and abandonment each interval (and day) gets with the whole agents on the
   * phones, floor(`onPhoneAgents`) (`evaluation.agents`; 17.5 expected heads answer as 17 agents).
   * With `fittedParams` the agents answering are the effective ones, floor(`onPhoneAgents` x
   * availability factor), with the patience the requirement was staffed with in each interval.
   */
  evaluation: ScheduleEvaluation;
  /**
   * Outbound capacity of the quiet periods, `outboundCapacity(requirement.agents, onPhoneAgents,
   * { ahtSeconds, intervalMinutes, maxOccupancy })` of the config's `outbound`; null without it.
   * With `fittedParams` it uses `effectiveAgents` (on-phone agents x availability factor, the
   * requirement's unit) in place of `onPhoneAgents`.
   */
  outbound: OutboundCapacity | null;
  /** Headline figures. */
  summary: PlanSummary;
  /**
   * A config with `queues`: per queue, in config order, its history, forecast, requirement, share
   * of the pool's agents, evaluation and figures. Then `history`, `forecast`, `requirement`,
   * `onPhoneAgents` and `evaluation` above are the pool's (summed per interval, contact-weighted).
   * `null` for a single-queue config.
   */
  queues: PlanQueueResult[] | null;
  /** A config with `queues`: every queue's requirement rows with a `queue` column; else null. */
  queueRequirements: Requirement | null;
}

/**
 * One plan from history to roster: reads the history CSV (`readHistoryCsv`, re-aggregated with
 * `resampleHistory` to `outputIntervalMinutes`), forecasts `horizonDays` (`forecast`), staffs each
 * interval to the target (`staffingPlan`: Erlang C, or Erlang A with `patienceSeconds`; scheduled
 * agents after shrinkage), covers the scheduled agents with shifts (`scheduleShifts`, HiGHS within
 * `schedule.timeLimitSeconds`) and evaluates the schedule: the agents on the phones are
 * `onPhoneAgents` = net coverage x (1 - shrinkage), expected heads that may be fractional (they
 * give the on-phone agent-hours and peak of the summary), and the service level, ASA and
 * abandonment each interval really gets are those of the whole agents, floor(onPhoneAgents)
 * (`evaluateSchedule`; a fraction of an agent answers no call). With `outbound` in the config,
 * the spare on-phone agent-time beyond the requirement of each interval and the outbound calls
 * that fit into it (`outboundCapacity(requirement.agents, onPhoneAgents)`). With `fittedParams`
 * (`calibrate --params-out`) staffing takes handle time, patience and the availability factor
 * from them where the config and history give none (`planRequirement`), and the evaluation uses
 * the same inputs: the requirement's per-interval patience, and effective agents = on-phone
 * agents x availability factor (the inverse of scheduled = applyShrinkage(agents / factor, s)). With `queues`
 * (several queues or channels, one pool of agents) each queue is read, forecast and staffed on
 * its own (`planRequirement`), the requirements are summed per interval, one set of shifts covers
 * the total and each queue is evaluated with its whole-agent share of the pool
 * (`evaluatePooledPlan`); the result's `queues` then holds the per-queue figures and its other
 * fields are the pool's.
 * Pure apart from reading the files the config names. Cost: dominated by the forecast (auto
 * backtest) and the MIP time limit.
 *
 * @throws StaffcastError `CONFIG` for an invalid config or rules, or no handle time (no
 *   `ahtSeconds` and no `aht_seconds` column); `FILE_READ`, `CSV_ROW`, `NO_DATA` from reading;
 *   `TARGET_UNREACHABLE`, `INFEASIBLE`, `SOLVER_FAILED`, `INVALID_INPUT` from the steps.
 * @example
 * const r = await plan(JSON.parse(readFileSync('examples/plan.json', 'utf8')), { baseDir: 'examples' });
 * r.summary.days.map((d) => d.date); // ['2003-10-27', '2003-10-28', '2003-10-29', '2003-10-30', '2003-10-31']
 * r.forecast.starts.length; // 285 (5 weekdays x 57 quarter-hours, 07:00-21:15)
 */
export async function plan(config: PlanConfigInput, options: PlanOptions): Promise<PlanResult> {
  const source = options.source ?? 'plan config';
  const cfg = parsePlanConfig(config, source);
  const { baseDir } = options;
  const progress = options.onProgress ?? (() => {});
  const timed: PlanTimer = async (step, run, detail) => {
    progress({ step, phase: 'start' });
    const t0 = performance.now();
    const result = await run();
    progress({ step, phase: 'done', seconds: (performance.now() - t0) / 1000, detail: detail(result) });
    return result;
  };

  // Rules are validated here (before the slow steps), and passed on as written.
  const rawRules = (config as { rules?: unknown }).rules;
  const rulesSource = typeof rawRules === 'string' ? rawRules : `${source}: rules`;
  const rules = (
    typeof rawRules === 'string'
      ? await withConfigKey(source, 'rules', () => readPlanJson(baseDir, rawRules))
      : rawRules
  ) as ShiftRulesInput;
  const parsedRules = parseShiftRules(rules, rulesSource);
  const staffed = await planRequirement(cfg, {
    baseDir,
    source,
    timed,
    forecastTransform: options.forecastTransform,
    history: options.history,
    readReport: options.readReport,
    forecast: options.forecast,
  });
  const { requirement, pooled } = staffed;
  const schedule = await schedulePlan(requirement, rules, cfg, rulesSource, timed, options.scheduleStart);

  const evaluated = await timed(
    'evaluate',
    () => {
      const onPhoneAgents = onPhoneAgentsOf(schedule.coverage.net, requirement.shrinkage);
      return pooled === null
        ? {
            onPhoneAgents,
            evaluation: evaluateOneQueue(requirement, schedule, onPhoneAgents, cfg),
            queues: null,
          }
        : { onPhoneAgents, ...evaluatePooledPlan(pooled, onPhoneAgents, schedule, cfg) };
    },
    (e) =>
      `service level ${(100 * e.evaluation.total.serviceLevel).toFixed(1)}%${e.queues === null ? '' : ' (all queues)'}`,
  );

  // outbound compares effective agents (on the phones x availability factor) with the requirement
  const effective = effectiveAgents(evaluated.onPhoneAgents, availabilityByInterval(requirement, pooled));
  const outbound = planOutbound(cfg, requirement, effective);
  const summary = planSummary({
    requirement,
    schedule,
    evaluation: evaluated.evaluation,
    onPhoneAgents: evaluated.onPhoneAgents,
    costPerPaidHour: new Map(parsedRules.shiftTypes.map((t) => [t.name, t.costPerPaidHour])),
    paidHoursPerWeek: cfg.paidHoursPerWeek,
    horizonDays: cfg.horizonDays,
    outbound:
      outbound === null || cfg.outbound === undefined
        ? null
        : { ahtSeconds: cfg.outbound.ahtSeconds, capacity: outbound },
    queues: evaluated.queues?.map((q) => q.summary) ?? null,
  });
  return {
    config: cfg,
    history: staffed.history,
    readReport: staffed.readReport,
    forecast: staffed.forecast,
    requirement,
    schedule,
    onPhoneAgents: evaluated.onPhoneAgents,
    effectiveAgents: effective,
    evaluation: evaluated.evaluation,
    outbound,
    summary,
    queues: evaluated.queues,
    queueRequirements: pooled?.table ?? null,
  };
}

/**
 * Agents on the phones per interval: net coverage x (1 - shrinkage), the expected heads (a
 * shrinkage that is not a finite number counts as 0).
 */
function onPhoneAgentsOf(net: Float64Array, shrinkage: ArrayLike<number>): Float64Array {
  return Float64Array.from(net, (v, t) => {
    const s = shrinkage[t] ?? 0;
    return v * (1 - (Number.isFinite(s) ? s : 0));
  });
}

/**
 * Effective agents per interval: on-phone agents x the availability factor of the interval (the
 * inverse of `staffingPlan`'s scheduled = applyShrinkage(agents / factor, shrinkage));
 * `onPhoneAgents` itself when every factor is 1.
 */
function effectiveAgents(onPhoneAgents: Float64Array, factor: Float64Array): Float64Array {
  // without fitted params: the on-phone agents themselves
  if (factor.every((f) => f === 1)) return onPhoneAgents;
  return onPhoneAgents.map((v, t) => v * (factor[t] ?? 1));
}

/**
 * The availability factor the requirement was staffed with, per interval: a single queue's
 * (1 without fitted params); for a pool, agents / sum(agents_q / factor_q) over the queues open
 * in the interval (the factor that turns the pool's present agents into its effective ones).
 */
function availabilityByInterval(requirement: StaffingPlan, pooled: PooledRequirement | null): Float64Array {
  const n = requirement.starts.length;
  if (pooled === null) return new Float64Array(n).fill(requirement.availabilityFactor ?? 1);
  const effective = new Float64Array(n);
  const present = new Float64Array(n);
  for (const q of pooled.queues) {
    const f = q.requirement.availabilityFactor ?? 1;
    q.poolIndex.forEach((k, i) => {
      const a = q.requirement.agents[i]!;
      effective[k]! += a;
      present[k]! += a / f;
    });
  }
  return effective.map((a, k) => (present[k]! > 0 ? a / present[k]! : 1));
}

/**
 * The evaluation of a single-queue plan: `evaluateSchedule` with the effective agents (on-phone
 * agents x the requirement's availability factor) and the patience the requirement was staffed
 * with, interval by interval (the config's constant patience, or the fitted one by hour).
 */
function evaluateOneQueue(
  requirement: StaffingPlan,
  schedule: ShiftSchedule,
  onPhoneAgents: Float64Array,
  cfg: PlanConfig,
): ScheduleEvaluation {
  const factor = requirement.availabilityFactor ?? 1;
  const patience = requirement.patienceSeconds ?? cfg.patienceSeconds;
  return evaluateSchedule(
    {
      coverage: { ...schedule.coverage, net: onPhoneAgents.map((v) => v * factor) },
      intervalMinutes: schedule.intervalMinutes,
    },
    {
      callsPerInterval: requirement.calls,
      ahtSeconds: requirement.ahtSeconds.map((a) => (Number.isFinite(a) ? a : (cfg.ahtSeconds ?? 1))),
      ...(patience !== undefined ? { patienceSeconds: patience } : {}),
    },
    {
      thresholdSeconds: cfg.target.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS,
      ...(cfg.target.serviceLevelBasis !== undefined
        ? { serviceLevelBasis: cfg.target.serviceLevelBasis }
        : {}),
    },
  );
}
