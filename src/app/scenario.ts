import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { invalidInput, StaffcastError } from '../errors.js';
import type { Forecast } from '../forecast/types.js';
import { inputLabel, readTextInput } from '../io/readTextInput.js';
import { renderReportHtml } from '../report/html.js';
import { applyTeamChanges } from '../rostering/teamChanges.js';
import type { Agent } from '../rostering/types.js';
import { applyOverrides, type ForecastOverrides, scaleForecast } from '../scenario/applyOverrides.js';
import {
  formatScenarioCsv,
  formatScenarioTable,
  scenarioFteNote,
  scenarioTableNotes,
} from '../scenario/formatScenarioTable.js';
import { restrictToOpeningHours } from '../scenario/restrictToOpeningHours.js';
import { scenarioReportTable } from '../scenario/scenarioReportTable.js';
import type { ScenarioRow } from '../scenario/scenarioRow.js';
import { scenarioTeamChanges } from '../scenario/scenarioTeamChanges.js';
import { parseSweep, sweepVariants } from '../scenario/sweep.js';
import type { ShiftSchedule } from '../scheduling/scheduleShifts.js';
import { type PlanConfig, type PlanConfigInput, parsePlanConfig } from '../schemas/planConfig.js';
import {
  type OpeningHours,
  openingHoursSchema,
  parseScenarioFile,
  type ScenarioFile,
  type ScenarioVariant,
  type TeamChangesInput,
} from '../schemas/scenarioFile.js';
import type { ShiftRulesInput } from '../schemas/shiftRules.js';
import { parseJsonText } from '../schemas/validateConfig.js';
import { fteBasis, fteOf } from '../staffing/fte.js';
import type { StaffingPlan } from '../staffing/staffingPlan.js';
import { VERSION } from '../version.js';
import { mapConcurrent } from './mapConcurrent.js';
import { type PlanForecastInputs, planRequirement, readAndForecastPlan } from './plan/planRequirement.js';
import { readPlanJson, resolvePlanPath, withConfigKey } from './plan/readPlanInputs.js';
import { planReportInput } from './plan/reportInput.js';
import { type PlanResult, plan } from './plan.js';
import { type OnProgress, progressStep } from './progress.js';

/** Options of `compareScenarios`. */
export interface CompareScenariosOptions {
  /** Folder the scenario file's relative paths (base plan path) are resolved against. */
  baseDir: string;
  /** Schedule each scenario (slow: one MIP each). Default true; false: figures of the requirement. */
  schedule?: boolean;
  /** Name of the scenario file for messages. Default 'scenario file'. */
  source?: string;
  /**
   * Worker threads: scenarios planned at once (a pool; each `plan` solves its MIP in its own worker
   * thread, so several use several cores). Default `os.availableParallelism()`; 1 runs them one
   * after another. The rows do not depend on it (see `compareScenarios`).
   */
  workers?: number;
  /**
   * @deprecated Use {@link CompareScenariosOptions.workers} (the same number: worker threads, not
   *   contacts per agent as `concurrency` means in staffing); ignored when `workers` is given.
   */
  concurrency?: number;
  /** Called with each scenario's full plan when scheduling (e.g. to keep the base for a report). */
  onPlan?: (name: string, result: PlanResult) => void;
  /**
   * Simulate the variants' schedules too (`PlanOptions.simulate`: their `summary.promise`, and the
   * simulation-checked loop when the config asks for it). Default false: only the base plan is
   * simulated (for its report); the rows carry the per-interval Erlang figures either way.
   */
  simulateVariants?: boolean;
  /**
   * Receives step `run`: a start with the number of scenarios, an advance each time one is done
   * (`done` of `total`), a done at the end. Events never change the rows. Default: none.
   */
  onProgress?: OnProgress | undefined;
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
  /** The variant's changes to the team (a base plan with agents); undefined: the team as read. */
  team: TeamChangesInput | undefined;
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
  if (variant.team !== undefined && cfg.agents === undefined)
    throw new StaffcastError(
      'CONFIG',
      `${where}: team: changes the team, but the base plan has no agents (give it an agents file)`,
      { field: 'team' },
    );
  return {
    name,
    source: where,
    config,
    cfg,
    overrides: applied.forecast,
    openingHours,
    team: variant.team,
  };
}

/** What the forecast depends on: scenarios with the same key share one read and one forecast. */
function forecastKey(cfg: PlanConfig): string {
  return JSON.stringify([
    cfg.history,
    cfg.horizonDays,
    cfg.outputIntervalMinutes ?? null,
    cfg.forecast ?? null,
    cfg.target.confidence !== undefined,
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

/** The agents a scenario rosters: its team changes applied to the agents read (`applyTeamChanges`). */
function teamTransform(scenario: PreparedScenario): ((agents: Agent[]) => Agent[]) | undefined {
  const team = scenario.team;
  if (team === undefined) return undefined;
  const source = `${scenario.source}: team`;
  return (agents) => applyTeamChanges(agents, scenarioTeamChanges(team, agents, source), { source });
}

function scheduledRow(name: string, r: PlanResult): ScenarioRow {
  const s = r.summary;
  const roster = s.roster;
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
    ...(roster === undefined
      ? {}
      : {
          rosterPaidHours: roster.paidHours,
          rosterCost: roster.cost,
          rosterUnderAgentIntervals: roster.underAgentIntervals,
          rosterUnfilledShifts: roster.unfilledShifts,
          rosterWeekendsOffMet: roster.weekendsOffMet,
          rosterServiceLevel: roster.serviceLevel,
        }),
  };
}

/**
 * `mapConcurrent` reported as progress step `run`: a start with the number of items, an advance
 * as each one is done (in the order they finish), a done with the count.
 */
function mapCounted<T, R>(
  onProgress: OnProgress | undefined,
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (onProgress === undefined) return mapConcurrent(items, concurrency, task);
  const total = items.length;
  let done = 0;
  return progressStep(
    (e) => onProgress(e.phase === 'start' ? { ...e, total } : e),
    'run',
    () =>
      mapConcurrent(items, concurrency, async (item, i) => {
        const result = await task(item, i);
        done += 1;
        onProgress({ step: 'run', phase: 'advance', done, total });
        return result;
      }),
    (results) => `${results.length} scenarios`,
  );
}

/**
 * Runs the base plan and every variant of a scenario file and returns one row of figures each, in
 * input order (base first): agent-hours, FTE, peak agents, schedule cost, service level, ASA,
 * abandonment and the outbound calls that fit over the horizon. Volume overrides scale the
 * forecast after forecasting (`scaleForecast`); `openingHours` replaces the rules' opening hours
 * and drops the forecast intervals it closes (`restrictToOpeningHours`); the other overrides change
 * the plan config (`applyOverrides`); `team` (a base plan with `agents`) changes the team the plan
 * rosters (`PlanOptions.agentsTransform`: `applyTeamChanges` of the agents read, errors naming the
 * scenario and the field), and a scheduled row of a plan with agents carries the roster's paid
 * hours, cost, under-coverage, unfilled shifts and weekends off met. The history is read and forecast once per distinct (history,
 * horizon, forecast options, output interval) and shared by the scenarios (`plan` gets it through
 * `PlanOptions.forecast/history/readReport`). With scheduling each scenario runs `plan` (one MIP
 * in its own worker thread): the base first, then the variants `workers` at a time, each with
 * the base's schedule as an extra MIP start (`PlanOptions.scheduleStart`: mapped onto the
 * variant's shifts by identity, used only when it meets every rule of the variant and is its
 * cheapest start, `startSource: 'given'`); with `schedule: false` the figures are those of the
 * requirement (Erlang C/A per interval, no MIP, no outbound).
 *
 * Determinism: the rows do not depend on `workers`, on the order the plans finish in or on
 * machine load: the forecast and staffing are deterministic, and each MIP stops on the proven gap
 * or on its deterministic work budget `schedule.workLimit` (HiGHS' single-threaded search is
 * deterministic for the same model and options), so a row is the same on every run, marked
 * (`scheduleStatus` not 'optimal') when its cost is not proven. Only a MIP stopped by the
 * wall-clock safety net `schedule.timeLimitSeconds` (`scheduleStoppedBy: 'time'`) keeps an
 * incumbent that depends on machine load. An error is the one of the first failing scenario in
 * input order.
 * Cost: one read + forecast per distinct forecast input, one staffing per scenario, plus one MIP
 * (`schedule.workLimit`, `schedule.timeLimitSeconds` at most) each when scheduling, divided over
 * `workers` cores.
 *
 * @throws StaffcastError `CONFIG` for an invalid scenario file or base plan, `INVALID_INPUT` for
 *   `workers` (or the deprecated `concurrency`) not an integer >= 1, and whatever `plan` throws.
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
  const workers = options.workers ?? options.concurrency ?? availableParallelism();
  if (!(Number.isInteger(workers) && workers >= 1)) {
    const field = options.workers === undefined ? 'concurrency' : 'workers';
    invalidInput('compareScenarios', field, 'must be an integer >= 1', workers);
  }
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
    const simulate = scenario === scenarios[0] || options.simulateVariants === true;
    const r = await plan(scenario.config, {
      ...reuse,
      scheduleStart: baseSchedule,
      simulate,
      agentsTransform: teamTransform(scenario),
    });
    baseSchedule ??= r.schedule;
    options.onPlan?.(scenario.name, r);
    return scheduledRow(scenario.name, r);
  };
  if (!schedule) return mapCounted(options.onProgress, scenarios, 1, run);
  // the variants wait for the base (index 0, started first), then run `workers` at a time
  let baseDone: Promise<unknown> = Promise.resolve();
  return mapCounted(options.onProgress, scenarios, workers, (scenario, i) => {
    if (i > 0) return baseDone.then(() => run(scenario));
    const row = run(scenario);
    baseDone = row;
    return row;
  });
}

/**
 * Where `runScenario` takes its scenarios from: a scenario `file`, or a `base` plan with a
 * `sweep` (not both).
 */
export interface ScenarioInput {
  /** Scenario file JSON (`staffcast schema scenario`), or `-` for stdin; its paths are relative to its folder. */
  file?: string | undefined;
  /** Plan config to sweep, relative to `cwd` (with `sweep`). */
  base?: string | undefined;
  /** `<parameter>=<from>:<to>:<step>` (`parseSweep`): one variant per step (with `base`). */
  sweep?: string | undefined;
}

/** Options of `runScenario`. */
export interface RunScenarioOptions {
  input: ScenarioInput;
  /** Folder the file, the base plan and the report are resolved against. */
  cwd: string;
  /** Standard input, for a scenario file `-`. */
  stdin?: NodeJS.ReadableStream | undefined;
  /** Schedule each scenario (one MIP each). Default true. */
  schedule?: boolean;
  /** Scenarios planned at once (worker threads). Default: `os.availableParallelism()`. */
  workers?: number | undefined;
  /** Output format of `output`: an aligned table, CSV or JSON. */
  format: 'table' | 'csv' | 'json';
  /** Also render the base plan's HTML report with the scenario comparison (needs `schedule`). */
  report?: boolean;
  /** Receives step `run` with the scenarios done of the total. Default: none. */
  onProgress?: OnProgress | undefined;
}

/** What `runScenario` returns: the rows and the texts the command writes. */
export interface ScenarioRun {
  /** One row per scenario, base first. */
  rows: ScenarioRow[];
  /** The rows as `format`: `formatScenarioTable`, `formatScenarioCsv` or JSON (indented by 2). */
  output: string;
  /** The base plan's report with the comparison and its notes (`report`); else null. */
  reportHtml: string | null;
  /** Lines for stderr, each ending in a newline: the FTE basis under a table. */
  messages: string[];
}

/**
 * The `staffcast scenario` use case: reads the scenario file (`-`: stdin; its folder is the base
 * of its paths) or builds one from `base` and `sweep` (`sweepVariants`), runs `compareScenarios`
 * with `workers` scenarios at a time, and renders the rows as `format`; with `report`, the base
 * plan's HTML report with the scenario table and its notes (generator `staffcast <VERSION>
 * scenario`). Pure apart from reading the files. Cost: that of `compareScenarios`.
 *
 * @throws StaffcastError `USAGE` for a bad sweep spec, `report` without `schedule`, both or neither
 *   of `file` and `base` + `sweep`;
 *   `FILE_READ`, `CONFIG` for the scenario file; whatever `compareScenarios` throws.
 * @example
 * const run = await runScenario({ input: { file: 'scenarios.json' }, cwd: 'examples', schedule: false,
 *   format: 'csv' });
 * run.rows.map((r) => r.name)[0]; // 'base'
 */
export async function runScenario(options: RunScenarioOptions): Promise<ScenarioRun> {
  const { input, cwd } = options;
  const schedule = options.schedule ?? true;
  const usage = (message: string): never => {
    throw new StaffcastError('USAGE', `scenario: ${message}`);
  };
  if (options.report === true && !schedule)
    usage('--report needs scheduling (the report shows the schedule); drop --no-schedule');
  let scenario: unknown;
  let baseDir: string;
  let source: string;
  if (input.sweep !== undefined || input.base !== undefined) {
    if (input.file !== undefined) usage('give a scenario file or --base with --sweep, not both');
    if (input.base === undefined) return usage('--sweep needs --base <plan>');
    if (input.sweep === undefined) return usage('--base needs --sweep <spec>');
    scenario = { base: input.base, variants: sweepVariants(parseSweep(input.sweep)) };
    baseDir = cwd;
    source = `--sweep ${input.sweep}`;
  } else {
    const { file } = input;
    if (file === undefined) return usage('give a scenario file, or --base <plan> --sweep <spec>');
    source = inputLabel(file);
    const stdin = options.stdin === undefined ? {} : { stdin: options.stdin };
    scenario = parseJsonText(await readTextInput(file, { baseDir: cwd, ...stdin }), source);
    baseDir = file === '-' ? cwd : dirname(resolve(cwd, file));
  }
  let basePlan: PlanResult | undefined;
  const rows = await compareScenarios(scenario, {
    baseDir,
    schedule,
    source,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.report === true
      ? {
          onPlan: (name: string, r: PlanResult) => {
            if (name === 'base') basePlan = r;
          },
        }
      : {}),
    onProgress: options.onProgress,
  });
  let reportHtml: string | null = null;
  if (options.report === true && basePlan !== undefined) {
    const reportInput = planReportInput(basePlan, {
      generatedAt: Date.now(),
      generator: `staffcast ${VERSION} scenario`,
    });
    reportInput.scenarios = scenarioReportTable(rows);
    const notes = scenarioTableNotes(rows);
    if (notes.length > 0) reportInput.notes = [...(reportInput.notes ?? []), ...notes];
    reportHtml = await renderReportHtml(reportInput);
  }
  if (options.format === 'json')
    return { rows, output: `${JSON.stringify(rows, null, 2)}\n`, reportHtml, messages: [] };
  if (options.format === 'csv') return { rows, output: formatScenarioCsv(rows), reportHtml, messages: [] };
  const messages = rows.length > 0 ? [`scenario: ${scenarioFteNote(rows)}\n`] : [];
  return { rows, output: formatScenarioTable(rows), reportHtml, messages };
}
