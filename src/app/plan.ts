import { dirname, resolve } from 'node:path';
import { StaffcastError } from '../errors.js';
import type { Forecast } from '../forecast/types.js';
import { formatReadReport } from '../io/formatReadReport.js';
import type { ReadReport } from '../io/readReport.js';
import { renderReportHtml } from '../report/html.js';
import { renderTerminalSummary } from '../report/terminal.js';
import type { ReportInput } from '../report/types.js';
import type { Agent } from '../rostering/types.js';
import { agentProblems } from '../rostering/validateAgents.js';
import { type ShiftSchedule, scheduleShifts } from '../scheduling/scheduleShifts.js';
import type { ScheduleStart } from '../scheduling/scheduleStart.js';
import { type PlanConfig, type PlanConfigInput, parsePlanConfig } from '../schemas/planConfig.js';
import { parseRosterRules } from '../schemas/rosterRules.js';
import { parseShiftRules, type ShiftRulesInput } from '../schemas/shiftRules.js';
import { outboundCapacity } from '../staffing/outboundCapacity.js';
import type { StaffingPlan } from '../staffing/staffingPlan.js';
import type { History } from '../time/history.js';
import { VERSION } from '../version.js';
import { evaluateOneQueue, onPhoneAgentsOf } from './plan/evaluateOneQueue.js';
import { evaluatePooledPlan } from './plan/evaluateQueues.js';
import { type PlanFileContents, planFileContents } from './plan/planOutputs.js';
import { planRequirement } from './plan/planRequirement.js';
import type { PlanResult } from './plan/planResult.js';
import { planRoster } from './plan/planRoster.js';
import { planSimulation } from './plan/planSimulation.js';

export type { PlanResult } from './plan/planResult.js';

import { renderRosterHtml } from '../report/rosterHtml.js';
import { planSummary } from './plan/planSummary.js';
import type { PooledRequirement } from './plan/queues.js';
import { readPlanAgents, readPlanConfigFile, readPlanJson, withConfigKey } from './plan/readPlanInputs.js';
import { planReportInput } from './plan/reportInput.js';
import { type OnProgress, progressStep } from './progress.js';
import { knownQueues } from './roster/knownQueues.js';
import { rosterRulesOf } from './roster/readRosterInputs.js';
import { rosterReportInput } from './rosterReportInput.js';

/** Options of `plan`. */
export interface PlanOptions {
  /** Folder the config's relative paths are resolved against (the config file's folder). */
  baseDir: string;
  /**
   * Receives a start and a done event (wall-clock seconds, one-line result) of each step, in
   * order: `read`, `forecast`, `staff`, `schedule`, `evaluate`, then `simulate` (unless the
   * simulation is off or skipped) and `check` (with `schedule.simulationCheck`). Default: none.
   */
  onProgress?: OnProgress | undefined;
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
  /**
   * Simulate the schedule (`schedule.simulation` of the config; false skips the simulation and the
   * simulation-checked loop, e.g. for speed). Default: the config's (on).
   */
  simulate?: boolean | undefined;
  /**
   * Applied to the agents read from the config's `agents` before rostering (what-if scenarios:
   * hires, attrition, approved leave; `applyTeamChanges`); its result is checked again
   * (`agentProblems`: skills among the plan's queues). Default: the agents as read.
   */
  agentsTransform?: ((agents: Agent[]) => Agent[]) | undefined;
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
 * Then the schedule is simulated as one continuous queue (`schedule.simulation`, on by default: 20
 * replications, seed 1; Poisson arrivals at the forecast rates, exponential handle times at the
 * forecast AHT, the config's patience, the whole agents the evaluation counts; a queue left at
 * the end of an interval carries over and a leaving agent finishes the call in hand): the
 * result's `simulation` and `summary.simulation`, and `summary.promise` is the simulated service
 * level with its 95% interval (the per-interval Erlang figure, which scores each interval as if it
 * started empty, stays in `summary.serviceLevel`). Not simulated (`summary.simulationSkipped`):
 * `simulate: false` or `schedule.simulation.enabled: false`, a config with `queues`, a patience
 * that varies by interval. With `schedule.simulationCheck.rounds` > 0 the plan then adds an agent
 * on the phones where the simulated interval misses the target and re-solves from the previous
 * schedule, up to that many rounds (`simulationCheckedSchedule`), and keeps the last schedule;
 * `summary.simulationCheck` has each round's paid hours, cost and service level.
 * With `agents` (an agents file, and `timeOff`) the plan then rosters the named agents (step
 * `roster`; roster rules from the shift rules' `roster` key): `roster.method` 'build' builds the
 * roster against each queue's scheduled agents, 'assign' gives the seats of the final schedule to
 * the agents (`assignShifts`, one queue); the coverage per queue is evaluated from the agents
 * really rostered (`planRosterResult`), in the result's `roster` and `summary.roster`. The agents
 * are read and checked (skills among the plan's queues, contracts against the shift types) before
 * the slow steps.
 * Pure apart from reading the files the config names. Cost: dominated by the forecast (auto
 * backtest), the MIP work budget and the simulation (about 160,000 calls x 20 replications for a
 * week of the US bank); each simulation-check round adds one MIP solve and one simulation.
 *
 * @throws StaffcastError `CONFIG` for an invalid config or rules, or no handle time (no
 *   `ahtSeconds` and no `aht_seconds` column); `FILE_READ`, `CSV_ROW`, `NO_DATA` from reading;
 *   `TARGET_UNREACHABLE`, `INFEASIBLE`, `SOLVER_FAILED`, `INVALID_INPUT` from the steps.
 * @example
 * // a plan on the three-week bank fixture (5-minute rows, weekdays 07:00-21:00 starts, New York)
 * const r = await plan({ history: { file: 'bank_3weeks_5min.csv', timeZone: 'America/New_York' },
 *   outputIntervalMinutes: 15, horizonDays: 7, target: { serviceLevel: 0.8, thresholdSeconds: 20 },
 *   ahtSeconds: 300, rules: 'rules.json' }, { baseDir: 'test/fixtures/plan' });
 * r.summary.days.map((d) => d.date); // ['2003-03-24', '2003-03-25', '2003-03-26', '2003-03-27', '2003-03-28']
 * r.forecast.starts.length; // 285 (5 weekdays x 57 quarter-hours, 07:00-21:00)
 * r.summary.requiredAgentHours; // 14826.25
 * r.schedule.status; // 'optimal'
 */
export async function plan(config: PlanConfigInput, options: PlanOptions): Promise<PlanResult> {
  const source = options.source ?? 'plan config';
  const cfg = parsePlanConfig(config, source);
  const { baseDir } = options;
  const timed = <T>(step: string, run: () => Promise<T> | T, detail: (r: T) => string) =>
    progressStep(options.onProgress, step, run, detail);

  // Rules are validated here (before the slow steps), and passed on as written.
  const rawRules = (config as { rules?: unknown }).rules;
  const rulesSource = typeof rawRules === 'string' ? rawRules : `${source}: rules`;
  const rules = (
    typeof rawRules === 'string'
      ? await withConfigKey(source, 'rules', () => readPlanJson(baseDir, rawRules))
      : rawRules
  ) as ShiftRulesInput;
  const parsedRules = parseShiftRules(rules, rulesSource);
  // the team, read and checked before the slow steps
  const team = cfg.agents === undefined ? null : await planTeam(cfg, parsedRules, { ...options, source });
  const staffed = await planRequirement(cfg, {
    baseDir,
    source,
    onProgress: options.onProgress,
    forecastTransform: options.forecastTransform,
    history: options.history,
    readReport: options.readReport,
    forecast: options.forecast,
  });
  const { requirement, pooled } = staffed;
  if (requirement.starts.length === 0)
    throw new StaffcastError(
      'NO_DATA',
      `${source}: the ${cfg.horizonDays}-day horizon after the history has no open interval (every day in it is closed in the history): nothing to staff or schedule; give a longer horizonDays`,
    );
  // shifts on the real local clock of the requirement's zone, covering the scheduled agents
  const solve = (required: Float64Array, start: ScheduleStart | undefined) =>
    scheduleShifts(
      {
        intervalMinutes: requirement.intervalMinutes,
        required,
        starts: requirement.starts,
        timeZone: requirement.timeZone,
      },
      rules,
      {
        timeLimitSeconds: cfg.schedule.timeLimitSeconds,
        ...(cfg.schedule.workLimit === undefined ? {} : { workLimit: cfg.schedule.workLimit }),
        rulesSource,
        start,
      },
    );
  const schedule0 = await timed(
    'schedule',
    () => solve(requirement.scheduledAgents, options.scheduleStart),
    (s) => `${s.status}, ${s.shifts.reduce((a, b) => a + b.count, 0)} shifts`,
  );
  const evaluate = (s: ShiftSchedule) => {
    const onPhoneAgents = onPhoneAgentsOf(s.coverage.net, requirement.shrinkage);
    return pooled === null
      ? { onPhoneAgents, evaluation: evaluateOneQueue(requirement, s, onPhoneAgents, cfg), queues: null }
      : { onPhoneAgents, ...evaluatePooledPlan(pooled, onPhoneAgents, s, cfg) };
  };
  const evaluated0 = await timed(
    'evaluate',
    () => evaluate(schedule0),
    (e) =>
      `service level ${(100 * e.evaluation.total.serviceLevel).toFixed(1)}%${e.queues === null ? '' : ' (all queues)'}`,
  );
  const costPerPaidHour = new Map(parsedRules.shiftTypes.map((t) => [t.name, t.costPerPaidHour]));
  // the schedule simulated as one continuous queue, and the simulation-checked loop
  const simulated = await planSimulation(
    { config: cfg, requirement, pooled, schedule: schedule0, evaluated: evaluated0, costPerPaidHour },
    { solve, evaluate, timed, simulate: options.simulate },
  );
  const { schedule, evaluated } = simulated;

  // the named agents rostered after scheduling
  const roster =
    team === null
      ? null
      : await timed(
          'roster',
          () =>
            planRoster({
              config: cfg,
              requirement,
              pooled,
              schedule,
              shiftRules: parsedRules,
              agents: team,
              rules: rosterRulesOf(parsedRules.roster ?? parseRosterRules({})),
            }),
          (r) =>
            `${r.summary.assignedShifts} shifts rostered, ${r.summary.unfilledShifts} unfilled, under-coverage ${r.summary.underAgentIntervals.toFixed(1)} agent-intervals`,
        );

  // outbound compares effective agents (on the phones x availability factor) with the requirement
  const effective = effectiveAgents(evaluated.onPhoneAgents, availabilityByInterval(requirement, pooled));
  const outbound =
    cfg.outbound === undefined
      ? null
      : outboundCapacity(requirement.agents, effective, {
          ahtSeconds: cfg.outbound.ahtSeconds,
          intervalMinutes: requirement.intervalMinutes,
          maxOccupancy: cfg.outbound.maxOccupancy,
        });
  const summary = planSummary({
    requirement,
    schedule,
    evaluation: evaluated.evaluation,
    onPhoneAgents: evaluated.onPhoneAgents,
    costPerPaidHour,
    paidHoursPerWeek: cfg.paidHoursPerWeek,
    horizonDays: cfg.horizonDays,
    outbound:
      outbound === null || cfg.outbound === undefined
        ? null
        : { ahtSeconds: cfg.outbound.ahtSeconds, capacity: outbound },
    queues: evaluated.queues?.map((q) => q.summary) ?? null,
    simulation: simulated.simulation?.summary ?? null,
    simulationSkipped: simulated.skipped,
    simulationCheck: simulated.check,
    confidence: staffed.confidence,
  });
  if (roster !== null) summary.roster = roster.summary;
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
    simulation: simulated.simulation,
    roster,
  };
}

/**
 * The team a plan with `agents` rosters: the agents file and `timeOff` read relative to the
 * config's folder (`readPlanAgents`, checked against the plan's queues and the rules'
 * `roster.queues`, `knownQueues`, and the shift rules), then
 * `agentsTransform` (a scenario's team changes) with its result checked again (skills).
 */
async function planTeam(
  cfg: PlanConfig,
  shiftRules: ReturnType<typeof parseShiftRules>,
  options: PlanOptions & { source: string },
): Promise<Agent[]> {
  const queues = knownQueues(
    cfg.queues?.map((q) => q.name) ?? [cfg.roster?.queue ?? 'default'],
    shiftRules.roster,
  );
  const agents = await readPlanAgents(
    { agents: cfg.agents ?? '', timeOff: cfg.timeOff },
    {
      baseDir: options.baseDir,
      source: options.source,
      queues,
      shiftRules,
      timeZone: cfg.queues?.[0]?.history?.timeZone ?? cfg.history.timeZone,
    },
  );
  if (options.agentsTransform === undefined) return agents;
  const team = options.agentsTransform(agents);
  const problem = agentProblems(team, { queues })[0];
  if (problem !== undefined)
    throw new StaffcastError(
      'CONFIG',
      `${options.source}: team: agent '${team[problem.agent]?.id ?? problem.agent}': ${problem.field}: ${problem.message}`,
      { field: problem.field },
    );
  return team;
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

/** Options of `runPlan`. */
export interface RunPlanOptions {
  /** Path of the plan config JSON as given (relative to `cwd`); its paths are relative to its folder. */
  configFile: string;
  /** Folder `configFile` is resolved against. */
  cwd: string;
  /** Receives the steps of `plan` (`read`, `forecast`, `staff`, `schedule`, `evaluate`, `simulate`, `check`). Default: none. */
  onProgress?: OnProgress | undefined;
  /** ANSI colours in `terminalSummary`. Default false. */
  color?: boolean;
  /** Epoch ms printed in the report as its time of writing. Default `Date.now()`. */
  generatedAt?: number;
  /** `PlanOptions.simulate`: false skips the schedule's simulation (CLI `--no-simulate`). Default: the config's. */
  simulate?: boolean | undefined;
}

/** What `runPlan` returns: the plan, its six files and the texts for the terminal. */
export interface PlanRun {
  result: PlanResult;
  /** The output folder's files (`PLAN_FILES`), report.html rendered. */
  files: PlanFileContents;
  /** The report's input (the figures report.html and the terminal summary show). */
  reportInput: ReportInput;
  /** Row accounting of the history file, one block per queue (`queue <name>: ...`) with `queues`. */
  readReportText: string;
  /** The compact summary with a chart of the busiest day and the coverage warnings. */
  terminalSummary: string;
  /**
   * With `agents`: the roster's files (`roster.csv`, `agents.csv`, `team.ics`, `<agent id>.ics`;
   * `rosterFileContents`, and `roster.html`, the roster page) for the output folder next to
   * `files`; else empty.
   */
  rosterFiles: Record<string, string>;
  /** Lines for stderr, each ending in a newline: the roster's (how it was solved, under-coverage, unfilled shifts). */
  messages: string[];
}

/**
 * The `staffcast plan` use case: reads the plan config file (`readTextInput`; a file that is not
 * JSON gets `readPlanConfig`'s CONFIG message), runs `plan` with the config's folder as base, and
 * renders what the command writes: the six files of `planFileContents` (report.html by
 * `renderReportHtml` of `planReportInput`, generator `staffcast <VERSION> plan`), the row
 * accounting (`formatReadReport`) and the terminal summary (`renderTerminalSummary`). Pure apart
 * from reading the files the config names; writes nothing. Cost: that of `plan`.
 *
 * @throws StaffcastError `FILE_READ` for a config that cannot be read, `CONFIG` for one that is not
 *   JSON or not valid, and whatever `plan` throws.
 * @example
 * const run = await runPlan({ configFile: 'examples/plan.json', cwd: '.', generatedAt: 0 });
 * Object.keys(run.files).length; // 6
 * run.result.summary.days.length; // 5
 */
export async function runPlan(options: RunPlanOptions): Promise<PlanRun> {
  const { configFile, cwd } = options;
  const json = await readPlanConfigFile(configFile, cwd);
  const result = await plan(json as PlanConfigInput, {
    baseDir: dirname(resolve(cwd, configFile)),
    source: configFile,
    onProgress: options.onProgress,
    simulate: options.simulate,
  });
  const reportInput = planReportInput(result, {
    generatedAt: options.generatedAt ?? Date.now(),
    generator: `staffcast ${VERSION} plan`,
  });
  const files = planFileContents(result, await renderReportHtml(reportInput));
  const readReportText =
    result.queues === null
      ? formatReadReport(result.readReport)
      : result.queues.map((q) => `queue ${q.name}: ${formatReadReport(q.readReport)}`).join('');
  const terminalSummary = renderTerminalSummary(reportInput, { color: options.color ?? false });
  const rosterFiles = result.roster === null || result.roster === undefined ? {} : { ...result.roster.files };
  if (result.roster) {
    const { demand, rules, timeZone, shiftTypes } = result.roster.page;
    rosterFiles['roster.html'] = renderRosterHtml(
      rosterReportInput({
        title: `Roster: ${Object.keys(demand.required).join(', ')}`,
        roster: result.roster.roster,
        agents: result.roster.agents,
        timeZone,
        weekendDays: rules.weekendDays,
        shiftTypes,
        starts: demand.starts,
        intervalMinutes: demand.intervalMinutes,
        queues: Object.fromEntries(
          Object.entries(demand.required).map(([q, required]) => [
            q,
            { required, rostered: result.roster?.coverage[q]?.rostered ?? new Float64Array(required.length) },
          ]),
        ),
        generatedAt: options.generatedAt ?? Date.now(),
        generator: `staffcast ${VERSION} plan`,
      }),
    );
  }
  const messages = result.roster?.messages ?? [];
  return { result, files, reportInput, readReportText, terminalSummary, rosterFiles, messages };
}
