import { StaffcastError } from '../errors.js';
import { type AssignedRoster, assignShifts } from '../rostering/assignShifts.js';
import { buildRoster, type RosterDemand } from '../rostering/buildRoster.js';
import type { Agent, RosterShift } from '../rostering/types.js';
import type { ShiftSchedule } from '../scheduling/scheduleShifts.js';
import { type OnProgress, progressStep } from './progress.js';
import {
  type ReadRosterOptions,
  type RosterQueueDemand,
  readRosterInputs,
} from './roster/readRosterInputs.js';
import { rosterOutputs } from './roster/rosterOutputs.js';
import type { RosterQueueResult } from './roster/rosterQueueResult.js';
import { rosterSeats } from './roster/rosterSeats.js';

export { rosterMessages } from './roster/rosterMessages.js';
export type { RosterQueueResult } from './roster/rosterQueueResult.js';

/** Options of `runRoster`: the files and settings of its read step, then the solve and output settings. */
export interface RunRosterOptions extends ReadRosterOptions {
  /**
   * `assign` (default): schedule each queue with the rules (or take `scheduleFile`), then assign the
   * shifts to the agents (`assignShifts`); `build`: roster the agents directly against every queue's
   * requirement (`buildRoster`: contracts shape the shifts; no `scheduleFile`).
   */
  method?: 'assign' | 'build' | undefined;
  /** Wall-clock safety net of each MIP (schedule, then roster), seconds. */
  timeLimitSeconds: number;
  /**
   * How the user gave `timeLimitSeconds`, named in the messages when it stopped the roster MIP
   * (`--time-limit` from the CLI). Default: `timeLimitSeconds`.
   */
  timeLimitName?: string | undefined;
  /** Deterministic work budget of each MIP in simplex iterations. Default: scaled to the model. */
  workLimit?: number | undefined;
  /** Receives the steps `read`, `schedule` (`schedule <queue>` per queue with several) and `roster`. Default: none. */
  onProgress?: OnProgress | undefined;
  /** Epoch ms printed in `roster.html` as the time of writing. Default: now. */
  generatedAt?: number | undefined;
}

/** What `runRoster` returns: the roster, per queue its seats and coverage, the files and messages. */
export interface RosterRun {
  roster: AssignedRoster;
  /**
   * The schedule built when one queue is rostered from its requirement; undefined with a schedule
   * file. With several queues, the first queue's.
   *
   * @deprecated Each queue's schedule is in `queues[i].schedule`.
   */
  schedule?: ShiftSchedule;
  /** Per rostered queue: seats, seats filled, coverage by the agents rostered on it, its schedule. */
  queues: RosterQueueResult[];
  agents: Agent[];
  /**
   * The output files by name: `roster.csv` (one row per agent-shift), `agents.csv` (the per-agent
   * view: shifts, hours, weekends off, late shifts, wishes and preferences granted, cost),
   * `team.ics` (every shift), `<agent id>.ics` per agent with shifts (iCalendar) and `roster.html`
   * (the roster page: people x days grid, understaffed intervals, fairness, unfilled shifts).
   */
  files: Record<string, string>;
  /**
   * The roster as one JSON document (assignments, per-agent figures, totals, unfilled shifts, solve,
   * `underAgentIntervals` over all queues and `queues`: per queue its seats, filled, unfilled and
   * under-coverage).
   */
  json: string;
  /** Lines for the planner (stderr), each ending in a newline. */
  messages: string[];
}

/**
 * The `staffcast roster` use case, assign workflow (assign the shifts of a schedule to named
 * agents) in three steps: read (`readRosterInputs`: the requirement in `timeZone` split by queue,
 * the rules with the roster rules under `roster`, the agents checked against the requirement's
 * queues and the rules' shift types, the schedule file when given), seats (`rosterSeats`: the
 * shifts of `scheduleFile`, else each queue's requirement scheduled with `scheduleShifts`; seats
 * carry their queue), then one `assignShifts` over every seat (skills respected, every hard rule
 * kept, unfilled seats explained) and outputs (`rosterOutputs`: coverage per queue from the agents
 * really rostered on it, files, JSON, messages). With `method: 'build'` the seats step and
 * `assignShifts` give way to `buildRoster` against every rostered queue's requirement (on the union of
 * the queues' rows). Pure apart from reading the files.
 *
 * @throws StaffcastError `FILE_READ`, `CSV_ROW`, `CONFIG` for unreadable or bad files (a schedule
 *   row with a shift type the rules lack, or starting on a day outside the requirement's horizon,
 *   is `CSV_ROW` naming its line and column); `USAGE` when the requirement has no queue and none is
 *   given, `queue` is not one of its queues, a schedule file comes with several queues and no
 *   `queue`, or with `method: 'build'`; `INFEASIBLE`, `SOLVER_FAILED` from `scheduleShifts`.
 * @example
 * // (not run: reads files and runs MIPs; see test/app/roster.test.ts)
 * await runRoster({ agentsFile: 'agents.csv', rulesFile: 'rules.json', requirementFile: 'req.csv', cwd: '.',
 *   timeZone: 'UTC', timeLimitSeconds: 60 });
 */
export async function runRoster(options: RunRosterOptions): Promise<RosterRun> {
  if (options.method === 'build' && options.scheduleFile !== undefined)
    throw new StaffcastError(
      'USAGE',
      'roster: --schedule assigns the shifts of a schedule; --method build makes its own shifts: give one of them',
    );
  const inputs = await progressStep(
    options.onProgress,
    'read',
    () => readRosterInputs(options),
    (r) =>
      `${r.agents.length} agents, ${r.queues.length === 1 ? '1 queue' : `${r.queues.length} queues`}, ` +
      `${r.queues.reduce((n, q) => n + q.starts.length, 0)} intervals of ${r.intervalMinutes} minutes`,
  );
  const budget = {
    timeLimitSeconds: options.timeLimitSeconds,
    ...(options.workLimit === undefined ? {} : { workLimit: options.workLimit }),
  };
  let seats: readonly RosterShift[];
  let schedules: Readonly<Record<string, ShiftSchedule>> = {};
  let roster: AssignedRoster;
  if (options.method === 'build') {
    roster = await progressStep(
      options.onProgress,
      'roster',
      () =>
        buildRoster(
          rosterDemand(inputs.queues, inputs.intervalMinutes),
          inputs.rules,
          inputs.agents,
          inputs.rosterRules,
          {
            timeZone: options.timeZone,
            ...budget,
          },
        ),
      (r) =>
        `${r.totals.assignedShifts} shifts rostered, ${r.underAgentIntervals.toFixed(1)} agent-intervals short`,
    );
    seats = roster.assignments;
  } else {
    ({ seats, schedules } = await rosterSeats(inputs, options));
    roster = await progressStep(
      options.onProgress,
      'roster',
      () =>
        assignShifts(seats, inputs.agents, inputs.rosterRules, {
          timeZone: options.timeZone,
          horizonStartMs: inputs.horizonStartMs,
          ...budget,
        }),
      (r) => `${r.totals.assignedShifts} shifts rostered, ${r.totals.unfilledShifts} unfilled`,
    );
  }
  const out = rosterOutputs(inputs, seats, schedules, roster, inputs.agents, {
    timeZone: options.timeZone,
    generatedAt: options.generatedAt ?? Date.now(),
    timeLimitName: options.timeLimitName ?? 'timeLimitSeconds',
  });
  const first = schedules[inputs.queues[0]!.queue];
  return {
    roster,
    ...(first === undefined ? {} : { schedule: first }),
    queues: out.queues,
    agents: inputs.agents,
    files: out.files,
    json: out.json,
    messages: out.messages,
  };
}

/**
 * The requirement of each rostered queue on the union of the queues' rows (0 where a queue has no
 * row): `buildRoster`'s demand. O(rows log rows).
 */
function rosterDemand(queues: readonly RosterQueueDemand[], intervalMinutes: number): RosterDemand {
  const starts = [...new Set(queues.flatMap((q) => q.starts))].sort((p, q) => p - q);
  const at = new Map(starts.map((t, i) => [t, i]));
  const required: Record<string, number[]> = {};
  for (const q of queues) {
    const list = starts.map(() => 0);
    q.starts.forEach((t, i) => {
      list[at.get(t) ?? 0] = q.required[i] ?? 0;
    });
    required[q.queue] = list;
  }
  return { starts, intervalMinutes, required };
}
