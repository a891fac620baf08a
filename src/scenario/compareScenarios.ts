import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { invalidInput } from '../errors.js';
import type { Forecast } from '../forecast/types.js';
import { type PlanResult, plan } from '../plan/plan.js';
import { type PlanConfig, type PlanConfigInput, parsePlanConfig } from '../plan/planConfig.js';
import { readPlanJson, resolvePlanPath, withConfigKey } from '../plan/planFiles.js';
import { type PlanForecastInputs, planRequirement, readAndForecastPlan } from '../plan/planRequirement.js';
import type { ShiftRulesInput } from '../scheduling/rules.js';
import type { ShiftSchedule } from '../scheduling/scheduleShifts.js';
import type { MipStop } from '../scheduling/solveMip.js';
import { fteBasis, fteOf } from '../staffing/fte.js';
import type { StaffingPlan } from '../staffing/staffingPlan.js';
import { applyOverrides, type ForecastOverrides, scaleForecast } from './applyOverrides.js';
import { mapConcurrent } from './mapConcurrent.js';
import { restrictToOpeningHours } from './restrictToOpeningHours.js';
import {
  type OpeningHours,
  openingHoursSchema,
  parseScenarioFile,
  type ScenarioFile,
  type ScenarioVariant,
} from './scenarioConfig.js';

/** The figures of one scenario (the base or a variant). */
export interface ScenarioRow {
  /** 'base' or the variant's name. */
  name: string;
  /** Forecast contacts over the horizon (after the volume overrides). */
  forecastCalls: number;
  /** Agent-hours needed on the phones. */
  agentHours: number;
  /** FTE (`fteOf`): paid hours of the schedule per week / paidHoursPerWeek; without a schedule the
   *  required scheduled agent-hours (after shrinkage) per week / paidHoursPerWeek. */
  fte: number;
  /** What `fte` divides, in words (`fteBasis`), e.g. `'paid hours per week / 40 h'`. */
  fteBasis: string;
  /** Most agents needed on the phones in one interval. */
  peakAgents: number;
  /** Cost of the schedule; null without scheduling. */
  scheduleCost: number | null;
  /**
   * How the schedule's MIP ended (`ShiftSchedule['status']`): 'optimal' when HiGHS proved the
   * schedule optimal, 'feasible' or 'heuristic' when it stopped first (see `scheduleStoppedBy`) or
   * had no valid bound, with the best schedule found by then; null without scheduling.
   */
  scheduleStatus: ShiftSchedule['status'] | null;
  /**
   * Why the schedule's MIP stopped (`ShiftSchedule['stoppedBy']`): 'gap' (proven), 'work' (the
   * deterministic `schedule.workLimit`: the same on every run), 'time' (the wall-clock safety net
   * `schedule.timeLimitSeconds`: can differ between runs under another machine load), 'error';
   * null without scheduling.
   */
  scheduleStoppedBy: MipStop | null;
  /** Relative gap of the schedule's cost to the solver's bound (`ShiftSchedule['gap']`); null without scheduling or bound. */
  scheduleGap: number | null;
  /** Contact-weighted service level over the horizon, 0..1 (of the schedule, or of the requirement). */
  serviceLevel: number;
  /** Contact-weighted mean wait of answered contacts, seconds. */
  asaSeconds: number;
  /** Share of contacts abandoning, 0..1. */
  abandonRate: number;
  /**
   * Whole outbound calls that fit into the quiet periods of the schedule (`PlanSummary.outbound.calls`);
   * null without an `outbound` config or without scheduling (it needs the scheduled agents).
   */
  outboundCalls: number | null;
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
  /**
   * Scenarios planned at once (a pool; each `plan` solves its MIP in its own worker thread, so
   * several use several cores). Default `os.availableParallelism()`; 1 runs them one after another.
   * The rows do not depend on it (see `compareScenarios`).
   */
  concurrency?: number;
  /** Called with each scenario's full plan when scheduling (e.g. to keep the base for a report). */
  onPlan?: (name: string, result: PlanResult) => void;
}

/** One scenario ready to run. */
interface PreparedScenario {
  name: string;
  source: string;
  /** Plan config as written, with the variant's overrides (rules inlined for opening hours). */
  config: PlanConfigInput;
  /** `config` validated, with defaults. */
  cfg: PlanConfig;
  overrides: ForecastOverrides;
  openingHours: OpeningHours | undefined;
}

async function resolveBase(
  file: ScenarioFile,
  baseDir: string,
): Promise<{ base: PlanConfigInput; planDir: string; source: string }> {
  if (typeof file.base !== 'string') return { base: file.base, planDir: baseDir, source: 'base' };
  const base = (await readPlanJson(baseDir, file.base)) as PlanConfigInput;
  return { base, planDir: dirname(resolvePlanPath(baseDir, file.base)), source: file.base };
}

/** The rules of `config` (read when a path) with their opening hours replaced. */
async function withOpeningHours(
  config: PlanConfigInput,
  openingHours: NonNullable<ScenarioVariant['openingHours']>,
  planDir: string,
  source: string,
): Promise<PlanConfigInput> {
  const rules = config.rules;
  const written = (
    typeof rules === 'string'
      ? await withConfigKey(source, 'rules', () => readPlanJson(planDir, rules))
      : rules
  ) as ShiftRulesInput;
  return { ...config, rules: { ...written, openingHours } };
}

async function prepare(
  base: PlanConfigInput,
  variant: ScenarioVariant,
  planDir: string,
  source: string,
  schedule: boolean,
): Promise<PreparedScenario> {
  const applied = applyOverrides(base, variant);
  const name = variant.name;
  const where = `${source}: ${name}`;
  let config = applied.config;
  let openingHours: OpeningHours | undefined;
  if (variant.openingHours !== undefined) {
    openingHours = openingHoursSchema.parse(variant.openingHours);
    if (schedule) config = await withOpeningHours(config, variant.openingHours, planDir, where);
  }
  const cfg = parsePlanConfig(config, where);
  return { name, source: where, config, cfg, overrides: applied.forecast, openingHours };
}

/** What the forecast depends on: scenarios with the same key share one read and one forecast. */
function forecastKey(cfg: PlanConfig): string {
  return JSON.stringify([
    cfg.history,
    cfg.horizonDays,
    cfg.outputIntervalMinutes ?? null,
    cfg.forecast ?? null,
  ]);
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
    fte: fteOf(sum(req.scheduledAgents) * h, {
      horizonDays: cfg.horizonDays,
      paidHoursPerWeek: cfg.paidHoursPerWeek,
    }),
    fteBasis: fteBasis({ paidHoursPerWeek: cfg.paidHoursPerWeek, source: 'requirement' }),
    peakAgents: peak,
    scheduleCost: null,
    scheduleStatus: null,
    scheduleStoppedBy: null,
    scheduleGap: null,
    serviceLevel: calls > 0 ? slSum / calls : 1,
    asaSeconds: answered > 0 ? waitSum / answered : 0,
    abandonRate: calls > 0 ? abandoned / calls : 0,
    outboundCalls: null,
    scheduled: false,
  };
}

/** The forecast a scenario staffs: the shared one with its volume and opening-hours overrides. */
function scenarioForecast(shared: Forecast, scenario: PreparedScenario): Forecast {
  const open =
    scenario.openingHours === undefined ? shared : restrictToOpeningHours(shared, scenario.openingHours);
  return scaleForecast(open, scenario.overrides);
}

function scheduledRow(name: string, r: PlanResult): ScenarioRow {
  const s = r.summary;
  return {
    name,
    forecastCalls: s.forecastCalls,
    agentHours: s.requiredAgentHours,
    fte: s.fte,
    fteBasis: s.fteBasis,
    peakAgents: s.peakRequiredAgents,
    scheduleCost: s.scheduleCost,
    scheduleStatus: s.scheduleStatus,
    scheduleStoppedBy: r.schedule.stoppedBy,
    scheduleGap: r.schedule.gap,
    serviceLevel: s.serviceLevel,
    asaSeconds: s.asaSeconds,
    abandonRate: s.abandonRate,
    outboundCalls: s.outbound === null ? null : s.outbound.calls,
    scheduled: true,
  };
}

/**
 * Runs the base plan and every variant of a scenario file and returns one row of figures each, in
 * input order (base first): agent-hours, FTE, peak agents, schedule cost, service level, ASA,
 * abandonment and the outbound calls that fit over the horizon. Volume overrides scale the
 * forecast after forecasting (`scaleForecast`); `openingHours` replaces the rules' opening hours
 * and drops the forecast intervals it closes (`restrictToOpeningHours`); the other overrides change
 * the plan config (`applyOverrides`). The history is read and forecast once per distinct (history,
 * horizon, forecast options, output interval) and shared by the scenarios (`plan` gets it through
 * `PlanOptions.forecast/history/readReport`). With scheduling each scenario runs `plan` (one MIP
 * in its own worker thread): the base first, then the variants `concurrency` at a time, each with
 * the base's schedule as an extra MIP start (`PlanOptions.scheduleStart`: mapped onto the
 * variant's shifts by identity, used only when it meets every rule of the variant and is its
 * cheapest start, `startSource: 'given'`); with `schedule: false` the figures are those of the
 * requirement (Erlang C/A per interval, no MIP, no outbound).
 *
 * Determinism: the rows do not depend on `concurrency`, on the order the plans finish in or on
 * machine load: the forecast and staffing are deterministic, and each MIP stops on the proven gap
 * or on its deterministic work budget `schedule.workLimit` (HiGHS' single-threaded search is
 * deterministic for the same model and options), so a row is the same on every run, marked
 * (`scheduleStatus` not 'optimal') when its cost is not proven. Only a MIP stopped by the
 * wall-clock safety net `schedule.timeLimitSeconds` (`scheduleStoppedBy: 'time'`) keeps an
 * incumbent that depends on machine load. An error is the one of the first failing scenario in
 * input order.
 * Cost: one read + forecast per distinct forecast input, one staffing per scenario, plus one MIP
 * (`schedule.workLimit`, `schedule.timeLimitSeconds` at most) each when scheduling, divided over
 * `concurrency` cores.
 *
 * @throws StaffcastError `CONFIG` for an invalid scenario file or base plan, `INVALID_INPUT` for a
 *   `concurrency` that is not an integer >= 1, and whatever `plan` throws.
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
  const concurrency = options.concurrency ?? availableParallelism();
  if (!(Number.isInteger(concurrency) && concurrency >= 1))
    invalidInput('compareScenarios', 'concurrency', 'must be an integer >= 1', concurrency);
  const schedule = options.schedule ?? true;
  const file = parseScenarioFile(scenarioFile, source);
  const { base, planDir, source: baseSource } = await resolveBase(file, options.baseDir);
  parsePlanConfig(base, baseSource);
  const scenarios: PreparedScenario[] = [];
  for (const variant of [{ name: 'base' }, ...file.variants])
    scenarios.push(await prepare(base, variant, planDir, source, schedule));

  const shared = new Map<string, Promise<PlanForecastInputs>>();
  const sharedFor = (scenario: PreparedScenario): Promise<PlanForecastInputs | undefined> => {
    // a multi-queue plan reads and forecasts each of its queues itself
    if (scenario.cfg.queues !== undefined) return Promise.resolve(undefined);
    const key = forecastKey(scenario.cfg);
    let p = shared.get(key);
    if (p === undefined) {
      p = readAndForecastPlan(scenario.cfg, { baseDir: planDir, source: scenario.source });
      shared.set(key, p);
    }
    return p;
  };

  // with scheduling the base runs first and its schedule is an extra MIP start for every variant
  let baseSchedule: ShiftSchedule | undefined;
  const run = async (scenario: PreparedScenario): Promise<ScenarioRow> => {
    const sf = await sharedFor(scenario);
    const reuse = {
      baseDir: planDir,
      source: scenario.source,
      forecast: sf?.forecast,
      history: sf?.history,
      readReport: sf?.readReport,
      forecastTransform: (f: Forecast) => scenarioForecast(f, scenario),
    };
    if (!schedule) {
      const staffed = await planRequirement(scenario.cfg, reuse);
      return requirementRow(scenario.name, staffed.requirement, scenario.cfg);
    }
    const r = await plan(scenario.config, { ...reuse, scheduleStart: baseSchedule });
    baseSchedule ??= r.schedule;
    options.onPlan?.(scenario.name, r);
    return scheduledRow(scenario.name, r);
  };
  if (!schedule) return mapConcurrent(scenarios, 1, run);
  const [first, ...variants] = scenarios;
  if (first === undefined) return [];
  const baseRow = await run(first);
  return [baseRow, ...(await mapConcurrent(variants, concurrency, run))];
}
