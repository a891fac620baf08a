import { writeCoverageCsv } from '../../io/coverageCsv.js';
import { type AssignedRoster, assignShifts } from '../../rostering/assignShifts.js';
import { buildRoster } from '../../rostering/buildRoster.js';
import { rosterCoverage } from '../../rostering/rosterCoverage.js';
import { scheduleSeats } from '../../rostering/scheduleSeats.js';
import type { Agent, AgentRosterStats, RosterAssignment, RosterRules } from '../../rostering/types.js';
import type { ShiftSchedule } from '../../scheduling/scheduleShifts.js';
import type { MipStop } from '../../scheduling/solveMip.js';
import type { PlanConfig } from '../../schemas/planConfig.js';
import type { ShiftRulesConfig } from '../../schemas/shiftRules.js';
import type { StaffingPlan } from '../../staffing/staffingPlan.js';
import { rosterFileContents } from '../roster/rosterFiles.js';
import { skillsOutsideMessages } from '../roster/skillsOutsideMessages.js';
import { rosterMessages } from '../roster.js';
import type { PooledRequirement } from './queues.js';
import { type RosterService, rosterService } from './rosterService.js';

/** Agents to schedule per interval and queue on the plan's grid (built by `planQueueDemand`). */
export interface PlanQueueDemand {
  /** The plan's interval starts (epoch ms; open intervals only, as in `requirement.starts`). */
  starts: Float64Array;
  intervalMinutes: number;
  /** Queue (skill) -> scheduled agents per interval of `starts` (0 where the queue is closed). */
  required: Record<string, Float64Array>;
}

/**
 * The requirement per queue on the plan's grid: for a plan with `queues` each queue's scheduled
 * agents (after its shrinkage) placed at its intervals of the pool grid (`poolIndex`), 0 where
 * the queue has no interval; for a single-queue plan its scheduled agents under the name `queue`.
 * O(queues x intervals).
 *
 * @internal
 * @example
 * const req = { starts: Float64Array.of(0, 900_000), intervalMinutes: 15, scheduledAgents: Float64Array.of(3, 4) };
 * planQueueDemand(req as never, null, 'sales').required; // { sales: Float64Array [3, 4] }
 */
export function planQueueDemand(
  requirement: Pick<StaffingPlan, 'starts' | 'intervalMinutes' | 'scheduledAgents'>,
  pooled: Pick<PooledRequirement, 'queues'> | null,
  queue: string | undefined,
): PlanQueueDemand {
  const n = requirement.starts.length;
  const required: Record<string, Float64Array> = {};
  if (pooled === null) required[queue ?? 'default'] = Float64Array.from(requirement.scheduledAgents);
  else
    for (const q of pooled.queues) {
      const r = new Float64Array(n);
      q.poolIndex.forEach((k, i) => {
        r[k] = q.requirement.scheduledAgents[i] ?? 0;
      });
      required[q.name] = r;
    }
  return {
    starts: Float64Array.from(requirement.starts),
    intervalMinutes: requirement.intervalMinutes,
    required,
  };
}

/** Under-coverage of one queue by the rostered agents. */
export interface PlanRosterQueue {
  /** Queue (skill) name. */
  name: string;
  /** Agent-intervals to schedule on the queue (sum of its scheduled agents over the horizon). */
  requiredAgentIntervals: number;
  /**
   * Contact-weighted service level over the horizon with the agents rostered on the queue
   * (`RosterService`); null when the roster was not evaluated.
   */
  serviceLevel: number | null;
  /**
   * Sum over the intervals of max(0, required - rostered), rostered = agents on shifts of this
   * queue and not on a break (`rosterCoverage` with `queue`).
   */
  underAgentIntervals: number;
}

/** `summary.roster` of a plan with agents: how the roster was found and its headline figures. */
export interface PlanRosterSummary {
  /** `roster.method` of the config: 'build' (against the requirement) or 'assign' (the schedule's seats). */
  method: 'build' | 'assign';
  /** How the roster was solved: 'mip' (HiGHS) or 'heuristic' (the repair heuristic's roster). */
  solveMethod: 'mip' | 'heuristic';
  /** Objective of the roster (penalty units, lower is better). */
  objective: number;
  /** Relative gap to the MIP's bound; null without a bound. */
  gap: number | null;
  /** Why the roster MIP stopped (`gap`, `work`, `time`, `error`); null without a MIP. */
  stoppedBy: MipStop | null;
  /** Agents of the team (rostered or not). */
  agents: number;
  /** Agents with at least one shift. */
  agentsRostered: number;
  assignedShifts: number;
  /** Shifts (seats) left unfilled, each with its reasons in the roster's messages. */
  unfilledShifts: number;
  paidHours: number;
  /** Wage cost: paid hours x each agent's cost per hour. */
  cost: number;
  /** Soft penalty: broken wishes and shifts not of a preferred kind. */
  penalty: number;
  /** Under-coverage summed over the queues, agent-intervals. */
  underAgentIntervals: number;
  /**
   * Contact-weighted service level, ASA (seconds) and abandonment over the horizon with the agents
   * really rostered (`PlanRoster.service`); null when the roster was not evaluated.
   */
  serviceLevel: number | null;
  asaSeconds: number | null;
  abandonRate: number | null;
  /** Per queue (config order; one entry for a single-queue plan). */
  queues: PlanRosterQueue[];
  /**
   * With the roster rule `weekendsOff` (k free weekends in every n weeks): agents with at least
   * floor(k x weekends / n) free weekends over the horizon's complete weekends
   * (`AgentRosterStats.weekendsOff`); null without the rule.
   */
  weekendsOffMet: number | null;
}

/** What the roster step of a plan gives (`PlanResult.roster`). */
export interface PlanRoster {
  /** The roster: assignments (each on one queue), per-agent figures, totals, unfilled shifts, solve. */
  roster: AssignedRoster;
  /** The team rostered (after a scenario's changes). */
  agents: Agent[];
  /**
   * Per queue, per interval of the plan's grid: rostered agents on the phones (`rostered`, breaks
   * taken out), on shift (`scheduled`) and of them on a break (`onBreak`), and the shortfall.
   */
  coverage: Record<
    string,
    { rostered: Float64Array; scheduled: Float64Array; onBreak: Float64Array; under: Float64Array }
  >;
  /**
   * Service level, ASA and abandonment per interval, day and horizon with the agents really
   * rostered (`rosterService`); null when the roster was not evaluated (`planRosterResult` without
   * `evaluate`).
   */
  service: RosterService | null;
  summary: PlanRosterSummary;
  /** `roster.csv`, `agents.csv`, `team.ics` and one .ics per agent with shifts (`rosterFileContents`). */
  files: Record<string, string>;
  /** What the roster page needs beyond the roster: the demand rostered against, the rules, the zone, the shift types. */
  page: {
    demand: PlanQueueDemand;
    rules: RosterRules;
    timeZone: string;
    shiftTypes: string[];
  };
  /** Lines for the planner (stderr), each ending in a newline. */
  messages: string[];
}

/**
 * Agents meeting the weekends-off rule over the horizon: free weekends >= floor(k x weekends / n)
 * (see `PlanRosterSummary.weekendsOffMet`); null without the rule. O(agents).
 */
function weekendsOffMet(stats: readonly AgentRosterStats[], rules: RosterRules): number | null {
  const rule = rules.weekendsOff;
  if (rule === undefined) return null;
  return stats.filter((s) => s.weekendsOff >= Math.floor((rule.minFreeWeekends * s.weekends) / rule.perWeeks))
    .length;
}

/**
 * The figures, files and messages of a plan's roster, its coverage evaluated per queue from the
 * agents really rostered (`rosterCoverage` with each queue: a shift serves the queue it was
 * rostered on, a skill of its agent; breaks taken out) against `demand`, and with `evaluate`
 * (`rosterService`) the service level, ASA and abandonment they give per interval, in
 * `service`, the summary and a message. The messages name the
 * config's `roster.timeLimitSeconds` when the wall-clock safety net stopped the roster MIP, and
 * the agents left with no skill among the plan's queues (`skillsOutsideMessages`). O(assignments x
 * intervals spanned + agents x assignments).
 *
 * @internal
 */
export function planRosterResult(
  roster: AssignedRoster,
  agents: Agent[],
  demand: PlanQueueDemand,
  rules: RosterRules,
  method: 'build' | 'assign',
  context: { timeZone: string; shiftTypes: string[] } = { timeZone: 'UTC', shiftTypes: [] },
  evaluate?: (coverage: PlanRoster['coverage']) => RosterService,
): PlanRoster {
  const coverage: PlanRoster['coverage'] = {};
  const queues: PlanRosterQueue[] = [];
  for (const [name, required] of Object.entries(demand.required)) {
    const c = rosterCoverage(roster.assignments, {
      starts: demand.starts,
      intervalMinutes: demand.intervalMinutes,
      required,
      queue: name,
    });
    coverage[name] = {
      rostered: c.net,
      scheduled: c.scheduled,
      onBreak: c.onBreak,
      under: required.map((r, t) => Math.max(0, r - (c.net[t] ?? 0))),
    };
    queues.push({
      name,
      requiredAgentIntervals: required.reduce((s, v) => s + v, 0),
      underAgentIntervals: c.underAgentIntervals,
      serviceLevel: null,
    });
  }
  const under = queues.reduce((s, q) => s + q.underAgentIntervals, 0);
  const service = evaluate?.(coverage) ?? null;
  if (service !== null)
    for (const q of queues)
      q.serviceLevel =
        service.queues === null
          ? service.evaluation.total.serviceLevel
          : (service.queues.find((x) => x.name === q.name)?.serviceLevel ?? null);
  const t = roster.totals;
  const summary: PlanRosterSummary = {
    method,
    solveMethod: roster.solve?.method ?? 'heuristic',
    objective: roster.solve?.objective ?? 0,
    gap: roster.solve?.gap ?? null,
    stoppedBy: roster.stoppedBy,
    agents: t.agents,
    agentsRostered: new Set(roster.assignments.map((a: RosterAssignment) => a.agentId)).size,
    assignedShifts: t.assignedShifts,
    unfilledShifts: t.unfilledShifts,
    paidHours: t.paidHours,
    cost: t.cost,
    penalty: t.penalty,
    underAgentIntervals: under,
    serviceLevel: service?.evaluation.total.serviceLevel ?? null,
    asaSeconds: service?.evaluation.total.asaSeconds ?? null,
    abandonRate: service?.evaluation.total.abandonRate ?? null,
    queues,
    weekendsOffMet: weekendsOffMet(roster.agentStats, rules),
  };
  const serviceLine =
    service === null
      ? []
      : [
          `roster: with the agents rostered, service level ${(100 * service.evaluation.total.serviceLevel).toFixed(1)}%, ASA ${service.evaluation.total.asaSeconds.toFixed(0)} s, abandoned ${(100 * service.evaluation.total.abandonRate).toFixed(1)}%\n`,
        ];
  const perQueue =
    queues.length > 1
      ? [
          `roster: under-coverage per queue: ${queues.map((q) => `${q.name} ${q.underAgentIntervals.toFixed(1)}`).join(', ')} agent-intervals\n`,
        ]
      : [];
  return {
    roster,
    agents,
    coverage,
    service,
    summary,
    files: rosterFileContents(roster, agents),
    page: { demand, rules, ...context },
    messages: [
      ...rosterMessages(roster, under, { timeLimitName: 'roster.timeLimitSeconds' }),
      ...perQueue,
      ...serviceLine,
      ...skillsOutsideMessages(agents, Object.keys(demand.required)),
    ],
  };
}

/** What the roster step of `plan` takes. */
export interface PlanRosterInput {
  config: PlanConfig;
  requirement: StaffingPlan;
  pooled: PooledRequirement | null;
  /** The plan's schedule (its seats are the roster's with method 'assign'). */
  schedule: ShiftSchedule;
  /** The plan's validated shift rules (the candidate shifts of method 'build'). */
  shiftRules: ShiftRulesConfig;
  agents: Agent[];
  rules: RosterRules;
}

/** The roster MIP's options of the config's `roster` (budget, gap, solver on or off). */
function solveOptions(config: PlanConfig) {
  const options = config.roster;
  return {
    timeLimitSeconds: options?.timeLimitSeconds ?? 60,
    ...(options?.workLimit === undefined ? {} : { workLimit: options.workLimit }),
    ...(options?.relativeGap === undefined ? {} : { relativeGap: options.relativeGap }),
    ...(options?.useSolver === undefined ? {} : { useSolver: options.useSolver }),
  };
}

/**
 * The roster step of a plan with `agents`: `roster.method` 'build' (default) rosters the agents
 * directly against every queue's scheduled agents on the plan's grid (`planQueueDemand`,
 * `buildRoster`: the contracts shape the shifts, a shift serves one queue, a skill of its agent;
 * the plan's schedule is not used), 'assign' gives the seats of the plan's schedule to them
 * (`assignPlanRoster`, one queue). Then `planRosterResult`. Cost: the roster MIP's work budget.
 *
 * @internal
 */
export async function planRoster(input: PlanRosterInput): Promise<PlanRoster> {
  if (input.config.roster?.method === 'assign') return assignPlanRoster(input);
  const { config, requirement, agents, rules } = input;
  const demand = planQueueDemand(requirement, input.pooled, config.roster?.queue);
  const roster = await buildRoster(
    {
      starts: Array.from(demand.starts),
      intervalMinutes: demand.intervalMinutes,
      required: Object.fromEntries(Object.entries(demand.required).map(([q, r]) => [q, Array.from(r)])),
    },
    input.shiftRules,
    agents,
    rules,
    { timeZone: requirement.timeZone, ...solveOptions(config) },
  );
  return withCoverageFile(
    planRosterResult(roster, agents, demand, rules, 'build', pageContext(input), (coverage) =>
      rosterService(input, coverage),
    ),
    input,
  );
}

/**
 * The roster step of a plan with `agents`, method 'assign' (one queue): the seats of the plan's
 * schedule (`scheduleSeats` with `roster.queue`, or the name of the config's one queue) given to the named agents (`assignShifts`, every
 * hard rule kept, empty seats explained), with the MIP budget of the config's `roster` options;
 * then `planRosterResult`. Cost: the roster MIP's work budget.
 *
 * @internal
 */
export async function assignPlanRoster(input: PlanRosterInput): Promise<PlanRoster> {
  const { config, requirement, agents, rules } = input;
  const queue = config.roster?.queue ?? config.queues?.[0]?.name;
  const demand = planQueueDemand(requirement, input.pooled, queue);
  const roster = await assignShifts(scheduleSeats(input.schedule, queue), agents, rules, {
    timeZone: requirement.timeZone,
    horizonStartMs: requirement.starts[0],
    ...solveOptions(config),
  });
  return withCoverageFile(
    planRosterResult(roster, agents, demand, rules, 'assign', pageContext(input), (coverage) =>
      rosterService(input, coverage),
    ),
    input,
  );
}

/**
 * The roster with `roster-coverage.csv` among its files: `coverage.csv`'s format
 * (`writeCoverageCsv`) for the agents really rostered, all queues together: per interval the
 * plan's calls and required agents, the agents to schedule (`required_scheduled`), the rostered
 * agents on shift, on a break and on the phones, under- and over-coverage, and the service level,
 * ASA, abandonment and occupancy they give (`PlanRoster.service`). Unchanged without a service.
 */
function withCoverageFile(result: PlanRoster, input: PlanRosterInput): PlanRoster {
  const service = result.service;
  if (service === null) return result;
  const req = input.requirement;
  const n = req.starts.length;
  const add = (arrays: Iterable<Float64Array>) => {
    const out = new Float64Array(n);
    for (const a of arrays) for (let t = 0; t < n; t++) out[t] = (out[t] ?? 0) + (a[t] ?? 0);
    return out;
  };
  const queues = Object.values(result.coverage);
  const csv = writeCoverageCsv({
    starts: req.starts,
    timeZone: req.timeZone,
    calls: req.calls,
    requiredAgents: req.agents,
    coverage: {
      required: add(Object.values(result.page.demand.required)),
      scheduled: add(queues.map((c) => c.scheduled)),
      onBreak: add(queues.map((c) => c.onBreak)),
      net: add(queues.map((c) => c.rostered)),
      dayIndex: input.schedule.coverage.dayIndex,
    },
    onPhoneAgents: service.onPhoneAgents,
    evaluation: service.evaluation,
  });
  return { ...result, files: { ...result.files, 'roster-coverage.csv': csv } };
}

/** The zone and the shift types (legend order) of the roster page. */
function pageContext(input: PlanRosterInput): { timeZone: string; shiftTypes: string[] } {
  return { timeZone: input.requirement.timeZone, shiftTypes: input.shiftRules.shiftTypes.map((t) => t.name) };
}
