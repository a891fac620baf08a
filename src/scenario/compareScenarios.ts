import { dirname } from 'node:path';
import { forecast } from '../forecast/forecast.js';
import { resampleHistory } from '../forecast/resample.js';
import type { Forecast } from '../forecast/types.js';
import { type HistoryColumns, type ReadHistoryOptions, readHistoryCsv } from '../io/readHistoryCsv.js';
import { readSpecialDaysCsv } from '../io/specialDaysCsv.js';
import { plan } from '../plan/plan.js';
import { type PlanConfig, type PlanConfigInput, parsePlanConfig } from '../plan/planConfig.js';
import { readPlanJson, readPlanText, resolvePlanPath } from '../plan/planFiles.js';
import type { StaffingTarget } from '../queueing/types.js';
import type { Shrinkage } from '../staffing/shrinkage.js';
import { type StaffingOptions, type StaffingPlan, staffingPlan } from '../staffing/staffingPlan.js';
import { applyOverrides, scaleForecast } from './applyOverrides.js';
import { parseScenarioFile, type ScenarioFile } from './scenarioConfig.js';

/** The figures of one scenario (the base or a variant). */
export interface ScenarioRow {
  /** 'base' or the variant's name. */
  name: string;
  /** Forecast contacts over the horizon (after the volume overrides). */
  forecastCalls: number;
  /** Agent-hours needed on the phones. */
  agentHours: number;
  /** FTE: paid hours of the schedule per week / paidHoursPerWeek; without a schedule the
   *  required scheduled agent-hours (after shrinkage) per week / paidHoursPerWeek. */
  fte: number;
  /** Most agents needed on the phones in one interval. */
  peakAgents: number;
  /** Cost of the schedule; null without scheduling. */
  scheduleCost: number | null;
  /** Contact-weighted service level over the horizon, 0..1 (of the schedule, or of the requirement). */
  serviceLevel: number;
  /** Contact-weighted mean wait of answered contacts, seconds. */
  asaSeconds: number;
  /** Share of contacts abandoning, 0..1. */
  abandonRate: number;
  /** Whether the figures come from a schedule (true) or from the requirement (false). */
  scheduled: boolean;
}

/** Options of `compareScenarios`. */
export interface CompareScenariosOptions {
  /** Folder the scenario file's relative paths (base plan path) are resolved against. */
  baseDir: string;
  /** Schedule each scenario (slow: one MIP each). Default true; false: figures of the requirement. */
  schedule?: boolean;
  /** Name of the scenario file for messages. Default 'scenario file'. */
  source?: string;
}

async function resolveBase(
  file: ScenarioFile,
  baseDir: string,
): Promise<{ base: PlanConfigInput; planDir: string; source: string }> {
  if (typeof file.base !== 'string') return { base: file.base, planDir: baseDir, source: 'base' };
  const base = (await readPlanJson(baseDir, file.base)) as PlanConfigInput;
  return { base, planDir: dirname(resolvePlanPath(baseDir, file.base)), source: file.base };
}

async function readAndForecast(cfg: PlanConfig, planDir: string): Promise<Forecast> {
  const readOptions: ReadHistoryOptions = { timeZone: cfg.history.timeZone, fileName: cfg.history.file };
  if (cfg.history.intervalMinutes !== undefined) readOptions.intervalMinutes = cfg.history.intervalMinutes;
  if (cfg.history.columns !== undefined) readOptions.columns = cfg.history.columns as HistoryColumns;
  const r = await readHistoryCsv(resolvePlanPath(planDir, cfg.history.file), readOptions);
  const history =
    cfg.outputIntervalMinutes === undefined
      ? r.history
      : resampleHistory(r.history, cfg.outputIntervalMinutes);
  const specialFile = cfg.forecast?.specialDaysFile;
  const specialDays =
    specialFile === undefined
      ? []
      : readSpecialDaysCsv(await readPlanText(planDir, specialFile), specialFile);
  return forecast(history, {
    horizonDays: cfg.horizonDays,
    method: cfg.forecast?.method ?? 'auto',
    ...(cfg.forecast?.quantiles ? { quantiles: cfg.forecast.quantiles } : {}),
    ...(cfg.forecast?.holidays !== undefined ? { holidays: cfg.forecast.holidays } : {}),
    specialDays,
  });
}

function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (Number.isFinite(v)) s += v;
  }
  return s;
}

/** Contact-weighted figures of a requirement (the service it plans for). */
function requirementRow(name: string, req: StaffingPlan, cfg: PlanConfig): ScenarioRow {
  const h = req.intervalMinutes / 60;
  let calls = 0;
  let slSum = 0;
  let answered = 0;
  let waitSum = 0;
  let abandoned = 0;
  let peak = 0;
  for (let t = 0; t < req.starts.length; t++) {
    const c = req.calls[t] ?? 0;
    peak = Math.max(peak, req.agents[t] ?? 0);
    if (!(c > 0)) continue;
    const ab = req.abandonRate[t] ?? 0;
    calls += c;
    slSum += c * (req.serviceLevel[t] ?? 0);
    abandoned += c * ab;
    answered += c * (1 - ab);
    waitSum += c * (1 - ab) * (req.asaSeconds[t] ?? 0);
  }
  return {
    name,
    forecastCalls: sum(req.calls),
    agentHours: req.agentHours,
    fte: (sum(req.scheduledAgents) * h) / (cfg.horizonDays / 7) / cfg.paidHoursPerWeek,
    peakAgents: peak,
    scheduleCost: null,
    serviceLevel: calls > 0 ? slSum / calls : 1,
    asaSeconds: answered > 0 ? waitSum / answered : 0,
    abandonRate: calls > 0 ? abandoned / calls : 0,
    scheduled: false,
  };
}

/**
 * Runs the base plan and every variant of a scenario file and returns one row of figures each:
 * agent-hours, FTE, peak agents, schedule cost, service level, ASA and abandonment over the
 * horizon. Volume overrides scale the forecast after forecasting (`scaleForecast`); the other
 * overrides change the plan config (`applyOverrides`). With `schedule: false` the history is read
 * and forecast once per horizon and reused by every variant, and the figures are those of the
 * requirement (Erlang C/A per interval, no MIP); with scheduling each scenario runs `plan` (the
 * forecast is recomputed per scenario; it is deterministic, so the same inputs give the same rows).
 * Variants run one after another. Cost: one forecast + one staffing per scenario, plus one MIP
 * (`schedule.timeLimitSeconds`) each when scheduling.
 *
 * @throws StaffcastError `CONFIG` for an invalid scenario file or base plan, and whatever `plan` throws.
 * @example
 * const rows = await compareScenarios({ base: 'plan.json', variants: [{ name: 'busy', volumeFactor: 1.1 }] },
 *   { baseDir: 'examples', schedule: false });
 * rows.map((r) => r.name); // ['base', 'busy']
 */
export async function compareScenarios(
  scenarioFile: unknown,
  options: CompareScenariosOptions,
): Promise<ScenarioRow[]> {
  const source = options.source ?? 'scenario file';
  const file = parseScenarioFile(scenarioFile, source);
  const { base, planDir, source: baseSource } = await resolveBase(file, options.baseDir);
  parsePlanConfig(base, baseSource);
  const scenarios = [{ name: 'base' }, ...file.variants];
  const rows: ScenarioRow[] = [];
  if (options.schedule ?? true) {
    for (const variant of scenarios) {
      const applied = applyOverrides(base, variant);
      const r = await plan(applied.config, {
        baseDir: planDir,
        source: `${source}: ${variant.name}`,
        forecastTransform: (f) => scaleForecast(f, applied.forecast),
      });
      const s = r.summary;
      rows.push({
        name: variant.name,
        forecastCalls: s.forecastCalls,
        agentHours: s.requiredAgentHours,
        fte: s.fte,
        peakAgents: s.peakRequiredAgents,
        scheduleCost: s.scheduleCost,
        serviceLevel: s.serviceLevel,
        asaSeconds: s.asaSeconds,
        abandonRate: s.abandonRate,
        scheduled: true,
      });
    }
    return rows;
  }
  const forecasts = new Map<number, Forecast>(); // by horizonDays: the only input that changes the forecast
  for (const variant of scenarios) {
    const applied = applyOverrides(base, variant);
    const cfg = parsePlanConfig(applied.config, `${source}: ${variant.name}`);
    let fc = forecasts.get(cfg.horizonDays);
    if (fc === undefined) {
      fc = await readAndForecast(cfg, planDir);
      forecasts.set(cfg.horizonDays, fc);
    }
    const staffing: StaffingOptions = {
      target: cfg.target as StaffingTarget,
      shrinkage: cfg.shrinkage as Shrinkage,
      scope: cfg.scope,
    };
    if (cfg.ahtSeconds !== undefined) staffing.ahtSeconds = cfg.ahtSeconds;
    if (cfg.patienceSeconds !== undefined) staffing.patienceSeconds = cfg.patienceSeconds;
    if (cfg.minAgents !== undefined) staffing.minAgents = cfg.minAgents;
    rows.push(requirementRow(variant.name, staffingPlan(scaleForecast(fc, applied.forecast), staffing), cfg));
  }
  return rows;
}
