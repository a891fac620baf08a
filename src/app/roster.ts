import { StaffcastError } from '../errors.js';
import { readAgentsFile } from '../io/readAgentsFile.js';
import { inputLabel, readTextInput } from '../io/readTextInput.js';
import { readRequirementCsv } from '../io/requirementCsv.js';
import { type AssignedRoster, assignShifts } from '../rostering/assignShifts.js';
import { buildRoster, type RosterDemand } from '../rostering/buildRoster.js';
import { rosterCoverage } from '../rostering/rosterCoverage.js';
import { scheduleSeats } from '../rostering/scheduleSeats.js';
import type { Agent } from '../rostering/types.js';
import { type ShiftSchedule, scheduleShifts } from '../scheduling/scheduleShifts.js';
import { parseRosterRules } from '../schemas/rosterRules.js';
import { parseShiftRules, type ShiftRulesInput } from '../schemas/shiftRules.js';
import { parseJsonText } from '../schemas/validateConfig.js';
import { type OnProgress, progressStep } from './progress.js';
import { rosterFileContents, rosterRulesOf } from './rosterOutputs.js';

/** Options of `runRoster`. */
export interface RunRosterOptions {
  /** Agents file (CSV, or JSON when its name ends in `.json`; `staffcast schema agents`). */
  agentsFile: string;
  /** Optional time-off CSV added to the agents' requests. */
  timeOffFile?: string | undefined;
  /** Shift rules JSON with the roster rules under its `roster` key (`staffcast schema rules`). */
  rulesFile: string;
  /**
   * Requirement CSV (`interval_start`, `agents`, `scheduled_agents` ...) of one queue; with
   * `method: 'build'` it may hold several queues (`queue` column).
   */
  requirementFile: string;
  /** Folder the files are resolved against. */
  cwd: string;
  /** IANA zone of the rules, of the requirement's rows, of the roster's days and of agents without a zone. */
  timeZone: string;
  /** The queue (skill) the shifts need; default the requirement's `queue` column. */
  queue?: string | undefined;
  /** Wall-clock safety net of each MIP (schedule, then roster), seconds. */
  timeLimitSeconds: number;
  /** Deterministic work budget of each MIP in simplex iterations. Default: scaled to the model. */
  workLimit?: number | undefined;
  /** Receives the steps `read`, `schedule` (not with `build`) and `roster`. Default: none. */
  onProgress?: OnProgress | undefined;
  /**
   * `assign` (default): schedule the requirement, then assign the schedule's shifts to the agents.
   * `build`: roster the agents directly against the requirement of every queue (`buildRoster`).
   */
  method?: 'build' | 'assign' | undefined;
}

/** What `runRoster` returns: the roster, the schedule it staffs, the files and messages. */
export interface RosterRun {
  roster: AssignedRoster;
  /** The schedule whose shifts were assigned; absent with `method: 'build'` (no schedule first). */
  schedule?: ShiftSchedule;
  agents: Agent[];
  /**
   * The output files by name: `roster.csv` (one row per agent-shift), `agents.csv` (the per-agent
   * view: shifts, hours, weekends off, late shifts, wishes and preferences granted, cost),
   * `team.ics` (every shift) and `<agent id>.ics` per agent with shifts (iCalendar).
   */
  files: Record<string, string>;
  /** The roster as one JSON document (assignments, per-agent figures, totals, unfilled shifts, solve). */
  json: string;
  /** Lines for the planner (stderr), each ending in a newline. */
  messages: string[];
}

const pct = (v: number) => `${(100 * v).toFixed(2)}%`;

/**
 * The lines `staffcast roster` prints: how the roster was found (MIP or heuristic, objective, gap
 * and bound, why the MIP stopped), seats filled, paid hours and cost, under-coverage of the
 * requirement by the rostered agents, then each unfilled shift with its reasons. O(unfilled).
 *
 * @example
 * rosterMessages({ solve: { method: 'heuristic', objective: 0 }, stoppedBy: null, totals: { agents: 2,
 *   assignedShifts: 3, unfilledShifts: 0, paidHours: 24, cost: 480, penalty: 0 }, unfilled: [] }, 1.5)[0];
 * // 'roster: heuristic, objective 0.00, no proven bound; 3 of 3 shifts filled by 2 agents, 24.0 paid hours, cost 480.00\n'
 */
export function rosterMessages(
  roster: Pick<AssignedRoster, 'solve' | 'stoppedBy' | 'totals' | 'unfilled'>,
  underAgentIntervals: number,
): string[] {
  const s = roster.solve;
  const t = roster.totals;
  const stopped =
    roster.stoppedBy === null || roster.stoppedBy === 'gap'
      ? ''
      : roster.stoppedBy === 'work'
        ? ' (stopped by the work budget: the same on every run)'
        : roster.stoppedBy === 'time'
          ? ' (stopped by the wall-clock safety net --time-limit: depends on machine load)'
          : ' (solver failed: heuristic roster)';
  const lines = [
    `roster: ${s?.method ?? 'heuristic'}${stopped}, objective ${(s?.objective ?? 0).toFixed(2)}, ` +
      (s?.gap === undefined ? 'no proven bound' : `gap ${pct(s.gap)} (bound ${(s.bound ?? 0).toFixed(2)})`) +
      `; ${t.assignedShifts} of ${t.assignedShifts + t.unfilledShifts} shifts filled by ${t.agents} agents, ` +
      `${t.paidHours.toFixed(1)} paid hours, cost ${t.cost.toFixed(2)}\n`,
    `roster: under-coverage of the requirement by the rostered agents ${underAgentIntervals.toFixed(1)} agent-intervals\n`,
  ];
  const seen = new Set<readonly string[]>();
  for (const u of roster.unfilled) {
    if (seen.has(u.reasons)) continue;
    seen.add(u.reasons);
    const [head, ...why] = u.reasons;
    lines.push(`roster: unfilled: ${head}\n`, ...why.map((w) => `roster:   ${w}\n`));
  }
  return lines;
}

/**
 * The `staffcast roster` use case, first workflow (assign the shifts of a schedule to named
 * agents): reads the requirement (one queue, rows in `timeZone`), the rules (shift rules with the
 * roster rules under `roster`) and the agents (checked against the queue and the shift types), builds
 * the schedule (`scheduleShifts`), gives its seats to the agents (`scheduleSeats`, `assignShifts`:
 * every hard rule kept, unfilled seats explained), evaluates the coverage per interval from the
 * agents really rostered (`rosterCoverage`) and returns the output files and messages. With
 * `method: 'build'` there is no schedule first: the agents are rostered directly against the
 * requirement of every queue of the file (`buildRoster`; per queue `scheduled_agents` when the
 * file has it, else `agents`). Pure apart from reading the files.
 *
 * @throws StaffcastError `FILE_READ`, `CSV_ROW`, `CONFIG` for unreadable or bad files (`CSV_ROW`
 *   also for several queues without `build`); `USAGE` when the requirement has no queue and none is
 *   given, or `queue` is given for a requirement of several queues; `INFEASIBLE`, `SOLVER_FAILED` from `scheduleShifts`.
 * @example
 * // (not run: reads files and runs two MIPs; see test/app/roster.test.ts)
 * await runRoster({ agentsFile: 'agents.csv', rulesFile: 'rules.json', requirementFile: 'req.csv', cwd: '.',
 *   timeZone: 'UTC', timeLimitSeconds: 60 });
 */
export async function runRoster(options: RunRosterOptions): Promise<RosterRun> {
  const { cwd, timeZone } = options;
  const label = inputLabel(options.requirementFile);
  const read = await progressStep(
    options.onProgress,
    'read',
    async () => {
      const requirement = readRequirementCsv(await readTextInput(options.requirementFile, { baseDir: cwd }), {
        source: label,
        timeZone,
        offsetsMatchZone: true,
      });
      const queues = new Set(requirement.queue ?? []);
      if (queues.size > 1 && options.method !== 'build')
        throw new StaffcastError(
          'CSV_ROW',
          `${label}: several queues in one requirement; roster one queue at a time (or build the roster against all of them with --method build)`,
        );
      if (queues.size > 1 && options.queue !== undefined)
        throw new StaffcastError(
          'USAGE',
          `roster: --queue names the queue of a one-queue requirement; ${label} has ${queues.size} (${[...queues].join(', ')})`,
        );
      const queue = options.queue ?? [...queues][0];
      if (queue === undefined)
        throw new StaffcastError(
          'USAGE',
          `roster: ${label} has no queue column; give --queue <name> (the skill its shifts need)`,
        );
      const rulesInput = parseJsonText(
        await readTextInput(options.rulesFile, { baseDir: cwd }),
        options.rulesFile,
      ) as ShiftRulesInput;
      const rules = parseShiftRules(rulesInput, options.rulesFile);
      const agents = await readAgentsFile(options.agentsFile, {
        baseDir: cwd,
        queues: queues.size > 1 ? [...queues] : [queue],
        shiftRules: rules,
        timeZone,
        ...(options.timeOffFile === undefined ? {} : { timeOffFile: options.timeOffFile }),
      });
      return {
        requirement,
        rules,
        rulesInput,
        agents,
        queue,
        queues: queues.size > 1 ? [...queues] : [queue],
      };
    },
    (r) =>
      `${r.agents.length} agents, ${r.requirement.starts.length} intervals of ${r.requirement.intervalMinutes} minutes`,
  );
  const { requirement, rules, rulesInput, agents, queue } = read;
  const required = requirement.scheduledAgents.every((v) => Number.isFinite(v))
    ? requirement.scheduledAgents
    : requirement.agents;
  const budget = {
    timeLimitSeconds: options.timeLimitSeconds,
    ...(options.workLimit === undefined ? {} : { workLimit: options.workLimit }),
  };
  let schedule: ShiftSchedule | undefined;
  let roster: AssignedRoster;
  let underAgentIntervals: number;
  if (options.method === 'build') {
    const demand = rosterDemand(
      requirement.starts,
      required,
      requirement.queue,
      read.queues,
      requirement.intervalMinutes,
    );
    const built = await progressStep(
      options.onProgress,
      'roster',
      () =>
        buildRoster(demand, rules, agents, rosterRulesOf(rules.roster ?? parseRosterRules({})), {
          timeZone,
          ...budget,
        }),
      (r) =>
        `${r.totals.assignedShifts} shifts rostered, ${r.underAgentIntervals.toFixed(1)} agent-intervals short`,
    );
    roster = built;
    underAgentIntervals = built.underAgentIntervals;
  } else {
    const scheduled = await progressStep(
      options.onProgress,
      'schedule',
      () =>
        scheduleShifts(
          { intervalMinutes: requirement.intervalMinutes, required, starts: requirement.starts, timeZone },
          rulesInput,
          {
            ...budget,
            rulesSource: options.rulesFile,
          },
        ),
      (s) => `${s.status}, ${s.shifts.reduce((a, b) => a + b.count, 0)} shifts`,
    );
    schedule = scheduled;
    roster = await progressStep(
      options.onProgress,
      'roster',
      () =>
        assignShifts(
          scheduleSeats(scheduled, queue),
          agents,
          rosterRulesOf(rules.roster ?? parseRosterRules({})),
          {
            timeZone,
            horizonStartMs: requirement.starts[0],
            ...budget,
          },
        ),
      (r) => `${r.totals.assignedShifts} shifts rostered, ${r.totals.unfilledShifts} unfilled`,
    );
    const coverage = rosterCoverage(roster.assignments, {
      starts: requirement.starts,
      intervalMinutes: requirement.intervalMinutes,
      required,
    });
    underAgentIntervals = coverage.underAgentIntervals;
  }
  const files = rosterFileContents(roster, agents);
  const json = `${JSON.stringify(
    {
      solve: { ...roster.solve, stoppedBy: roster.stoppedBy, greedyObjective: roster.greedyObjective },
      totals: roster.totals,
      agents: roster.agentStats,
      assignments: roster.assignments,
      unfilled: roster.unfilled,
      underAgentIntervals,
    },
    null,
    2,
  )}\n`;
  return {
    roster,
    ...(schedule === undefined ? {} : { schedule }),
    agents,
    files,
    json,
    messages: rosterMessages(roster, underAgentIntervals),
  };
}

/**
 * The requirement of each queue on the union of the rows' starts (0 where a queue has no row):
 * `buildRoster`'s demand. `rowQueue` absent or one queue: every row is `queues[0]`. O(rows log rows).
 */
function rosterDemand(
  rowStarts: ArrayLike<number>,
  required: ArrayLike<number>,
  rowQueue: readonly string[] | undefined,
  queues: readonly string[],
  intervalMinutes: number,
): RosterDemand {
  const starts = [...new Set(Array.from(rowStarts))].sort((p, q) => p - q);
  const at = new Map(starts.map((t, i) => [t, i]));
  const out: Record<string, number[]> = Object.fromEntries(queues.map((q) => [q, starts.map(() => 0)]));
  for (let i = 0; i < rowStarts.length; i++) {
    const q = queues.length === 1 ? queues[0] : rowQueue?.[i];
    const list = out[q ?? ''];
    if (list !== undefined) list[at.get(rowStarts[i] ?? 0) ?? 0] = required[i] ?? 0;
  }
  return { starts, intervalMinutes, required: out };
}
