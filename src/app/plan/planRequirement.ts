import { StaffcastError } from '../../errors.js';
import { forecast } from '../../forecast/forecast.js';
import type { Forecast } from '../../forecast/types.js';
import type { ReadReport } from '../../io/readReport.js';
import type { CalibrationParams } from '../../schemas/calibrationParams.js';
import type { PlanConfig } from '../../schemas/planConfig.js';
import { confidenceStaffing } from '../../staffing/confidenceStaffing.js';
import { handleTimeSource } from '../../staffing/handleTimeSource.js';
import { withFittedInputs } from '../../staffing/multiQueuePlan.js';
import { type StaffingPlan, staffingPlan } from '../../staffing/staffingPlan.js';
import type { History } from '../../time/history.js';
import type { SpecialDay } from '../../time/specialDays.js';
import { type OnProgress, progressStep } from '../progress.js';
import { type PlanConfidenceSummary, planConfidence } from './planConfidence.js';
import { planStaffingOptions } from './planStaffing.js';
import { type PooledRequirement, type QueueForecast, staffQueues } from './queues.js';
import { type PlanHistory, readPlanHistory, readPlanParams, readPlanSpecialDays } from './readPlanInputs.js';

/**
 * Options of `planRequirement`.
 *
 * @internal
 */
export interface PlanRequirementOptions {
  /** Folder the config's relative paths are resolved against. */
  baseDir: string;
  /** Name of the config for messages. */
  source: string;
  /** Receives a start and a done event of each step (read, forecast, staff). Default: none. */
  onProgress?: OnProgress | undefined;
  /** Applied to every forecast (each queue's) before staffing. Default: none. */
  forecastTransform?: ((forecast: Forecast) => Forecast) | undefined;
  /**
   * A single-queue config's history as already read (with `readReport`) and/or its forecast as
   * already computed, to skip those steps (scenarios sharing one forecast). Ignored with `queues`.
   */
  history?: History | undefined;
  readReport?: ReadReport | undefined;
  forecast?: Forecast | undefined;
}

/**
 * The first three steps of a plan: history, forecast and the requirement.
 *
 * @internal
 */
export interface PlanRequirement {
  /** The history as read (with `queues`: the queues' summed history on the pool grid). */
  history: History;
  /** Row accounting of the (first queue's) history file. */
  readReport: ReadReport;
  /** The forecast staffed (after `forecastTransform`; with `queues`: the total contacts). */
  forecast: Forecast;
  /** Agents per interval on the phones and to schedule (with `queues`: the pool's sums). */
  requirement: StaffingPlan;
  /** With `queues`: every queue staffed on its own and the pool; else null. */
  pooled: PooledRequirement | null;
  /** The config's `fittedParams` as read and validated; null without them. */
  fitted: CalibrationParams | null;
  /** With `target.confidence`: its premium and curve (`planConfidence`); absent otherwise. */
  confidence?: PlanConfidenceSummary;
}

/** Runs one step of a plan through `progressStep` (start, then done with a one-line result). */
type StepRunner = <T>(step: string, run: () => Promise<T> | T, detail: (r: T) => string) => Promise<T>;

/** The step runner reporting to `onProgress` (none: the steps run silently). */
const stepRunner =
  (onProgress: OnProgress | undefined): StepRunner =>
  (step, run, detail) =>
    progressStep(onProgress, step, run, detail);

/**
 * A single-queue plan's history, as read, and its forecast (before any `forecastTransform`).
 *
 * @internal
 */
export interface PlanForecastInputs {
  /** The history (re-aggregated to `outputIntervalMinutes` when given). */
  history: History;
  /** Row accounting of the history file. */
  readReport: ReadReport;
  /** The forecast of `horizonDays` after the history. */
  forecast: Forecast;
}

/**
 * The read and forecast steps of a single-queue plan config: the history (`readPlanHistory`,
 * re-aggregated to `outputIntervalMinutes`; skipped when `history` and `readReport` are given),
 * a check that there is a handle time, and the forecast (`planForecast` with the special days
 * the config names; skipped when `forecast` is given). `planRequirement` starts with it, and
 * `compareScenarios` runs it once for every scenario sharing the same inputs. Pure apart from
 * reading the files. Cost: reading + forecast (the 'auto' backtest dominates).
 *
 * @internal
 * @throws StaffcastError `CONFIG` naming `ahtSeconds` when there is no handle time (no
 *   `ahtSeconds`, no `aht_seconds` column and no `fittedParams`); `FILE_READ` naming the config key of a missing
 *   file; `CSV_ROW`, `NO_DATA`, `INVALID_INPUT` from the steps.
 * @example
 * // a plan on the three-week bank fixture (5-minute rows, weekdays 07:00-21:00 starts, New York)
 * const cfg = parsePlanConfig({ history: { file: 'bank_3weeks_5min.csv', timeZone: 'America/New_York' },
 *   outputIntervalMinutes: 15, horizonDays: 7, target: { serviceLevel: 0.8, thresholdSeconds: 20 },
 *   ahtSeconds: 300, rules: 'rules.json' });
 * const { forecast } = await readAndForecastPlan(cfg, { baseDir: 'test/fixtures/plan', source: 'plan.json' });
 * forecast.starts.length; // 285 (5 weekdays x 57 quarter-hours)
 * forecast.method; // 'auto:historical-average'
 */
export async function readAndForecastPlan(
  cfg: PlanConfig,
  options: Omit<PlanRequirementOptions, 'forecastTransform'>,
): Promise<PlanForecastInputs> {
  const timed = stepRunner(options.onProgress);
  const { baseDir, source } = options;
  const read =
    options.history !== undefined && options.readReport !== undefined
      ? { history: options.history, report: options.readReport }
      : await timed(
          'read',
          () =>
            readPlanHistory(cfg.history, {
              baseDir,
              source,
              key: 'history',
              outputIntervalMinutes: cfg.outputIntervalMinutes,
            }),
          (r) => `${r.report.rowsUsed} rows, ${r.history.calls.intervalMinutes}-minute intervals`,
        );
  const handleTime = handleTimeSource({
    planAhtSeconds: cfg.ahtSeconds,
    dataHasAhtSeconds: read.history.ahtSeconds !== undefined,
    fittedParams: cfg.fittedParams !== undefined,
  });
  if (handleTime === undefined)
    throw new StaffcastError(
      'CONFIG',
      `${source}: ahtSeconds: required because ${cfg.history.file} has no aht_seconds column`,
    );
  const specialDays =
    options.forecast === undefined
      ? await readPlanSpecialDays(cfg.forecast, { baseDir, source, key: 'forecast' })
      : [];
  const forecast =
    options.forecast ??
    (await timed(
      'forecast',
      () =>
        planForecast(
          read.history,
          cfg.forecast,
          cfg.horizonDays,
          specialDays,
          cfg.target.confidence !== undefined,
        ),
      (f) => `${f.starts.length} intervals by ${f.method ?? 'forecast'}`,
    ));
  return { history: read.history, readReport: read.report, forecast };
}

/**
 * Reads, forecasts and staffs a validated plan config, without scheduling: the part of `plan`
 * that `compareScenarios` also runs alone (`--no-schedule`). Single queue: the history and its
 * forecast (`readAndForecastPlan`), `forecastTransform`, then `staffingPlan` with
 * `planStaffingOptions`. With `fittedParams` (the JSON of `calibrate --params-out`, read by
 * `readPlanParams`) the options are first filled by `withFittedInputs`, as `staff --params` does:
 * the config's `ahtSeconds` / `patienceSeconds` and the history's `aht_seconds` win, the params
 * give the rest (handle time and patience by local hour, availability factor); with `queues` they
 * go to the queues `usesFittedParams` selects (voice, or `useParams`). With `queues`: each queue
 * read (its own history, or the rows of its `historyQueue`) and forecast in its history's zone
 * (queues with the same history and forecast options share them), then `staffQueues` staffs each
 * on its own and sums the requirements on one pool grid. Pure apart from reading the files the
 * config names. Cost: reading + forecast (auto backtest) + staffing of each queue.
 *
 * @internal
 * @throws StaffcastError `CONFIG` naming `ahtSeconds` (or `queues[i].ahtSeconds`) when there is no
 *   handle time (no `ahtSeconds`, no `aht_seconds` column and no fitted params for the queue);
 *   `CONFIG` for an invalid `fittedParams` file; `FILE_READ` naming the config key of
 *   a missing file; `CSV_ROW`, `NO_DATA`, `TARGET_UNREACHABLE`, `INVALID_INPUT` from the steps.
 * @example
 * // a plan on the three-week bank fixture (5-minute rows, weekdays 07:00-21:00 starts, New York)
 * const cfg = parsePlanConfig({ history: { file: 'bank_3weeks_5min.csv', timeZone: 'America/New_York' },
 *   outputIntervalMinutes: 15, horizonDays: 7, target: { serviceLevel: 0.8, thresholdSeconds: 20 },
 *   ahtSeconds: 300, rules: 'rules.json' });
 * const { requirement } = await planRequirement(cfg, { baseDir: 'test/fixtures/plan', source: 'plan.json' });
 * requirement.starts.length; // 285 (5 weekdays x 57 quarter-hours)
 * requirement.agentHours; // 14826.25 (sum of required agents x 0.25 h)
 */
export async function planRequirement(
  cfg: PlanConfig,
  options: PlanRequirementOptions,
): Promise<PlanRequirement> {
  const timed = stepRunner(options.onProgress);
  const transform = options.forecastTransform ?? ((f: Forecast) => f);
  const fitted =
    cfg.fittedParams === undefined
      ? null
      : await readPlanParams(options.baseDir, cfg.fittedParams, options.source);
  if (cfg.queues !== undefined) return staffPlanQueues(cfg, { ...options, timed, transform }, fitted);

  const read = await readAndForecastPlan(cfg, options);
  const fc = transform(read.forecast);
  const confidence = cfg.target.confidence;
  const staffed = await timed(
    'staff',
    () => {
      const options =
        fitted === null ? planStaffingOptions(cfg) : withFittedInputs(fc, planStaffingOptions(cfg), fitted);
      if (confidence === undefined) return { requirement: staffingPlan(fc, options) };
      const requirement = confidenceStaffing(fc, { ...options, confidence });
      return { requirement, confidence: planConfidence(fc, options, requirement) };
    },
    (p) =>
      `${p.requirement.model}, ${p.requirement.agentHours.toFixed(1)} agent-hours on the phones` +
      (p.confidence === undefined ? '' : ` (${p.confidence.line})`),
  );
  return {
    history: read.history,
    readReport: read.readReport,
    forecast: fc,
    requirement: staffed.requirement,
    pooled: null,
    fitted,
    ...(staffed.confidence === undefined ? {} : { confidence: staffed.confidence }),
  };
}

/** The multi-queue branch of `planRequirement` (a config with `queues`). */
async function staffPlanQueues(
  cfg: PlanConfig,
  options: PlanRequirementOptions & { timed: StepRunner; transform: (f: Forecast) => Forecast },
  fitted: CalibrationParams | null,
): Promise<PlanRequirement> {
  const { baseDir, source, timed } = options;
  const queueConfigs = cfg.queues ?? [];
  const reads = await timed(
    'read',
    async () => {
      const cache = new Map<string, Promise<PlanHistory>>();
      return Promise.all(
        queueConfigs.map((q, i) => {
          const history = q.history ?? cfg.history;
          const key = q.history === undefined ? 'history' : `queues[${i}].history`;
          const id = JSON.stringify([history, q.historyQueue ?? null]);
          let read = cache.get(id);
          if (read === undefined) {
            read = readPlanHistory(history, {
              baseDir,
              source,
              key,
              outputIntervalMinutes: cfg.outputIntervalMinutes,
              queue: q.historyQueue,
            });
            cache.set(id, read);
          }
          return read;
        }),
      );
    },
    (r) =>
      `${queueConfigs.length} queues, ${[...new Set(r)].reduce((a, b) => a + b.report.rowsUsed, 0)} rows, ` +
      `${r[0]?.history.calls.intervalMinutes ?? 0}-minute intervals`,
  );
  queueConfigs.forEach((q, i) => {
    const handleTime = handleTimeSource({
      queue: q,
      planAhtSeconds: cfg.ahtSeconds,
      dataHasAhtSeconds: reads[i]!.history.ahtSeconds !== undefined,
      fittedParams: fitted !== null,
    });
    if (handleTime === undefined)
      throw new StaffcastError(
        'CONFIG',
        `${source}: queues[${i}].ahtSeconds: required because ${(q.history ?? cfg.history).file} ` +
          `has no aht_seconds column and there is no top-level ahtSeconds${fitted === null ? '' : ' (fittedParams apply to voice queues unless useParams is true)'}`,
        { queue: q.name },
      );
  });

  const inputs = await timed(
    'forecast',
    async () => {
      const out: QueueForecast[] = [];
      // queues with the same history and forecast options share one forecast
      const cache = new Map<PlanHistory, Map<string, Forecast>>();
      for (const [i, q] of queueConfigs.entries()) {
        const forecastOptions = q.forecast ?? cfg.forecast;
        const key = q.forecast === undefined ? 'forecast' : `queues[${i}].forecast`;
        const byOptions = cache.get(reads[i]!) ?? new Map<string, Forecast>();
        cache.set(reads[i]!, byOptions);
        const id = JSON.stringify(forecastOptions ?? null);
        let raw = byOptions.get(id);
        if (raw === undefined) {
          const specialDays = await readPlanSpecialDays(forecastOptions, { baseDir, source, key });
          raw = planForecast(reads[i]!.history, forecastOptions, cfg.horizonDays, specialDays);
          byOptions.set(id, raw);
        }
        out.push({
          config: q,
          history: reads[i]!.history,
          readReport: reads[i]!.report,
          forecast: options.transform(raw),
        });
      }
      return out;
    },
    (r) => `${r.reduce((a, q) => a + q.forecast.starts.length, 0)} queue-intervals`,
  );

  const pooled = await timed(
    'staff',
    () => staffQueues(inputs, cfg, source, fitted ?? undefined),
    (p) =>
      `${p.queues.length} queues, ${p.requirement.agentHours.toFixed(1)} agent-hours on the phones (summed)`,
  );
  return {
    history: pooled.history,
    readReport: reads[0]!.report,
    forecast: pooled.forecast,
    requirement: pooled.requirement,
    pooled,
    fitted,
  };
}

/**
 * Forecasts `horizonDays` after a plan history with the config's forecast options (`forecast`:
 * method, default 'auto'; quantiles, holidays and special days when given); with `dayEffect`
 * (a config with `target.confidence`) the forecast carries its day-level uncertainty (`dayLogSd`). Cost: that of
 * `forecast` (the 'auto' backtest dominates).
 *
 * @internal
 * @throws StaffcastError from `forecast` (`NO_DATA`, `INVALID_INPUT`).
 * @example
 * import { readPlanHistory } from './readPlanInputs.js';
 * // three weeks of a US bank's calls per 5 minutes, read as 15-minute intervals
 * const { history } = await readPlanHistory({ file: 'bank_3weeks_5min.csv', timeZone: 'America/New_York' },
 *   { baseDir: 'test/fixtures/plan', source: 'plan.json', key: 'history', outputIntervalMinutes: 15 });
 * const f = planForecast(history, undefined, 7, []);
 * f.method; // 'auto:historical-average'
 * f.starts.length; // 285 (5 weekdays x 57 quarter-hours)
 */
export function planForecast(
  history: History,
  options: PlanConfig['forecast'],
  horizonDays: number,
  specialDays: SpecialDay[],
  dayEffect = false,
): Forecast {
  return forecast(history, {
    ...(dayEffect ? { dayEffect: true } : {}),
    horizonDays,
    method: options?.method ?? 'auto',
    ...(options?.quantiles ? { quantiles: options.quantiles } : {}),
    ...(options?.holidays !== undefined ? { holidays: options.holidays } : {}),
    specialDays,
  });
}
