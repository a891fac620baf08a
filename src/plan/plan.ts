import { StaffcastError } from '../errors.js';
import { forecast } from '../forecast/forecast.js';
import { resampleHistory } from '../forecast/resample.js';
import type { Forecast } from '../forecast/types.js';
import { type HistoryColumns, type ReadHistoryOptions, readHistoryCsv } from '../io/readHistoryCsv.js';
import type { ReadReport } from '../io/readReport.js';
import type { Requirement } from '../io/requirementCsv.js';
import { readSpecialDaysCsv } from '../io/specialDaysCsv.js';
import { DEFAULT_THRESHOLD_SECONDS } from '../queueing/requiredAgents.js';
import type { StaffingTarget } from '../queueing/types.js';
import { evaluateSchedule, type ScheduleEvaluation } from '../scheduling/evaluateSchedule.js';
import { parseShiftRules, type ShiftRulesInput } from '../scheduling/rules.js';
import { type ShiftSchedule, scheduleShifts } from '../scheduling/scheduleShifts.js';
import { type OutboundCapacity, outboundCapacity } from '../staffing/outboundCapacity.js';
import type { Shrinkage } from '../staffing/shrinkage.js';
import { type StaffingOptions, type StaffingPlan, staffingPlan } from '../staffing/staffingPlan.js';
import type { History } from '../time/history.js';
import type { SpecialDay } from '../time/specialDays.js';
import { type PlanConfig, type PlanConfigInput, parsePlanConfig } from './planConfig.js';
import { readPlanJson, readPlanText, resolvePlanPath, withConfigKey } from './planFiles.js';
import { type PlanQueueResult, planMultiQueue } from './planMulti.js';
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
  forecast?: Forecast;
  /**
   * The history read earlier for this config, with `readReport`: the read step is skipped.
   * Single-queue configs only: ignored for a config with `queues`.
   */
  history?: History;
  /** Row accounting of `history` (both are needed to skip the read step). */
  readReport?: ReadReport;
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
  /** Agents on the phones per interval the schedule gives: net coverage x (1 - shrinkage). */
  onPhoneAgents: Float64Array;
  /** Service level, ASA and abandonment each interval (and day) gets with `onPhoneAgents`. */
  evaluation: ScheduleEvaluation;
  /**
   * Outbound capacity of the quiet periods, `outboundCapacity(requirement.agents, onPhoneAgents,
   * { ahtSeconds, intervalMinutes, maxOccupancy })` of the config's `outbound`; null without it.
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
 * `schedule.timeLimitSeconds`) and evaluates the schedule: with net on-phone agents
 * = net coverage x (1 - shrinkage) (floored to whole agents) it computes the service level, ASA
 * and abandonment each interval really gets (`evaluateSchedule`), and the summary figures. With
 * `outbound` in the config, the spare on-phone agent-time beyond the requirement of each interval
 * and the outbound calls that fit into it (`outboundCapacity(requirement.agents, onPhoneAgents)`).
 * With `queues` (several queues or channels, one pool of agents) each queue is read, forecast and
 * staffed on its own, the requirements are summed per interval, one set of shifts covers the
 * total and each queue is evaluated with its share of the agents: see `planMultiQueue`; the
 * result's `queues` then holds the per-queue figures and its other fields are the pool's.
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
  const timed = async <T>(step: PlanStep, run: () => Promise<T> | T, detail: (r: T) => string) => {
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
  if (cfg.queues !== undefined)
    return planMultiQueue({
      cfg,
      baseDir,
      source,
      timed,
      rules,
      parsedRules,
      rulesSource,
      forecastTransform: options.forecastTransform,
    });
  const specialDays: SpecialDay[] =
    cfg.forecast?.specialDaysFile === undefined
      ? []
      : readSpecialDaysCsv(
          await withConfigKey(source, 'forecast.specialDaysFile', () =>
            readPlanText(baseDir, cfg.forecast?.specialDaysFile ?? ''),
          ),
          cfg.forecast.specialDaysFile,
        );

  const { history: reusedHistory, readReport: reusedReport } = options;
  const read =
    reusedHistory !== undefined && reusedReport !== undefined
      ? { history: reusedHistory, report: reusedReport }
      : await timed(
          'read',
          async () => {
            const readOptions: ReadHistoryOptions = {
              timeZone: cfg.history.timeZone,
              fileName: cfg.history.file,
            };
            if (cfg.history.intervalMinutes !== undefined)
              readOptions.intervalMinutes = cfg.history.intervalMinutes;
            if (cfg.history.columns !== undefined)
              readOptions.columns = cfg.history.columns as HistoryColumns;
            const r = await withConfigKey(source, 'history.file', () =>
              readHistoryCsv(resolvePlanPath(baseDir, cfg.history.file), readOptions),
            );
            const history =
              cfg.outputIntervalMinutes === undefined
                ? r.history
                : resampleHistory(r.history, cfg.outputIntervalMinutes);
            return { history, report: r.report };
          },
          (r) => `${r.report.rowsUsed} rows, ${r.history.calls.intervalMinutes}-minute intervals`,
        );
  const history = read.history;
  if (history.ahtSeconds === undefined && cfg.ahtSeconds === undefined)
    throw new StaffcastError(
      'CONFIG',
      `${source}: ahtSeconds: required because ${cfg.history.file} has no aht_seconds column`,
    );

  const rawForecast =
    options.forecast ??
    (await timed(
      'forecast',
      () =>
        forecast(history, {
          horizonDays: cfg.horizonDays,
          method: cfg.forecast?.method ?? 'auto',
          ...(cfg.forecast?.quantiles ? { quantiles: cfg.forecast.quantiles } : {}),
          ...(cfg.forecast?.holidays !== undefined ? { holidays: cfg.forecast.holidays } : {}),
          specialDays,
        }),
      (f) => `${f.starts.length} intervals by ${f.method ?? 'forecast'}`,
    ));
  const fc = options.forecastTransform === undefined ? rawForecast : options.forecastTransform(rawForecast);

  // zod's optional fields are `T | undefined`; the library types are exact-optional (same values)
  const staffing: StaffingOptions = {
    target: cfg.target as StaffingTarget,
    shrinkage: cfg.shrinkage as Shrinkage,
    scope: cfg.scope,
  };
  if (cfg.ahtSeconds !== undefined) staffing.ahtSeconds = cfg.ahtSeconds;
  if (cfg.patienceSeconds !== undefined) staffing.patienceSeconds = cfg.patienceSeconds;
  if (cfg.minAgents !== undefined) staffing.minAgents = cfg.minAgents;
  const requirement = await timed(
    'staff',
    () => staffingPlan(fc, staffing),
    (p) => `${p.model}, ${p.agentHours.toFixed(1)} agent-hours on the phones`,
  );

  const schedule = await timed(
    'schedule',
    () =>
      scheduleShifts(
        {
          intervalMinutes: requirement.intervalMinutes,
          required: requirement.scheduledAgents,
          starts: requirement.starts,
          timeZone: requirement.timeZone,
        },
        rules,
        { timeLimitSeconds: cfg.schedule.timeLimitSeconds, rulesSource },
      ),
    (s) => `${s.status}, ${s.shifts.reduce((a, b) => a + b.count, 0)} shifts`,
  );

  const evaluated = await timed(
    'evaluate',
    () => {
      const net = schedule.coverage.net;
      const onPhoneAgents = new Float64Array(net.length);
      for (let t = 0; t < net.length; t++)
        onPhoneAgents[t] = (net[t] ?? 0) * (1 - (requirement.shrinkage[t] ?? 0));
      const evaluation = evaluateSchedule(
        { coverage: { ...schedule.coverage, net: onPhoneAgents }, intervalMinutes: schedule.intervalMinutes },
        {
          callsPerInterval: requirement.calls,
          ahtSeconds: requirement.ahtSeconds.map((a) => (Number.isFinite(a) ? a : (cfg.ahtSeconds ?? 1))),
          ...(cfg.patienceSeconds !== undefined ? { patienceSeconds: cfg.patienceSeconds } : {}),
        },
        {
          thresholdSeconds: cfg.target.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS,
          ...(cfg.target.serviceLevelBasis !== undefined
            ? { serviceLevelBasis: cfg.target.serviceLevelBasis }
            : {}),
        },
      );
      return { onPhoneAgents, evaluation };
    },
    (e) => `service level ${(100 * e.evaluation.total.serviceLevel).toFixed(1)}%`,
  );

  const outbound =
    cfg.outbound === undefined
      ? null
      : outboundCapacity(requirement.agents, evaluated.onPhoneAgents, {
          ahtSeconds: cfg.outbound.ahtSeconds,
          intervalMinutes: requirement.intervalMinutes,
          maxOccupancy: cfg.outbound.maxOccupancy,
        });
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
  });
  return {
    config: cfg,
    history,
    readReport: read.report,
    forecast: fc,
    requirement,
    schedule,
    onPhoneAgents: evaluated.onPhoneAgents,
    evaluation: evaluated.evaluation,
    outbound,
    summary,
    queues: null,
    queueRequirements: null,
  };
}
