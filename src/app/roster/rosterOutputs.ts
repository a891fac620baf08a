import { renderRosterHtml } from '../../report/rosterHtml.js';
import type { AssignedRoster } from '../../rostering/assignShifts.js';
import { rosterCoverage } from '../../rostering/rosterCoverage.js';
import type { Agent, RosterShift } from '../../rostering/types.js';
import type { ShiftSchedule } from '../../scheduling/scheduleShifts.js';
import { VERSION } from '../../version.js';
import { rosterReportInput } from '../rosterReportInput.js';
import type { RosterInputs } from './readRosterInputs.js';
import { rosterFileContents } from './rosterFiles.js';
import { rosterMessages } from './rosterMessages.js';
import type { RosterQueueResult } from './rosterQueueResult.js';
import { skillsOutsideMessages } from './skillsOutsideMessages.js';

/** What the outputs step of `runRoster` returns. */
export interface RosterOutputs {
  queues: RosterQueueResult[];
  files: Record<string, string>;
  json: string;
  messages: string[];
}

/** What the page and the messages need beyond the roster: zone, time of writing, time limit's name. */
export interface RosterOutputsOptions {
  timeZone: string;
  /** Epoch ms printed on the page as the time of writing. */
  generatedAt: number;
  /** The wall-clock safety net's setting as the user wrote it (`rosterMessages`). */
  timeLimitName: string;
}

/**
 * The outputs step of `runRoster`: per rostered queue, its seats filled and its coverage by the
 * agents really rostered on it (`rosterCoverage` with `queue`, on the queue's own requirement rows),
 * then the files (`roster.csv`, `agents.csv`, `roster.html` (the roster page, on the union of the
 * queues' rows: a queue without a row at an interval counts 0 there), `team.ics`, `<agent id>.ics`
 * per agent with shifts),
 * the JSON document (with `underAgentIntervals` summed over the queues and `queues`) and the
 * messages (`rosterMessages`, then `skillsOutsideMessages` when some agent has no rostered
 * skill). O(queues x (rows + assignments) + files).
 *
 * @internal
 * @example
 * // (not run: needs a roster of assignShifts; see test/app/roster.test.ts)
 * Object.keys(rosterOutputs(inputs, seats, {}, roster, agents).files); // ['roster.csv', 'agents.csv', 'team.ics', ...]
 */
export function rosterOutputs(
  inputs: Pick<RosterInputs, 'queues' | 'intervalMinutes' | 'rosterRules' | 'rules'>,
  seats: readonly RosterShift[],
  schedules: Readonly<Record<string, ShiftSchedule>>,
  roster: AssignedRoster,
  agents: readonly Agent[],
  page: RosterOutputsOptions,
): RosterOutputs {
  const queues: RosterQueueResult[] = inputs.queues.map((q) => {
    const coverage = rosterCoverage(roster.assignments, {
      starts: q.starts,
      intervalMinutes: inputs.intervalMinutes,
      required: q.required,
      queue: q.queue,
    });
    const schedule = schedules[q.queue];
    return {
      queue: q.queue,
      shifts: seats.filter((s) => s.queue === q.queue).length,
      assignedShifts: roster.assignments.filter((a) => a.queue === q.queue).length,
      unfilledShifts: roster.unfilled.filter((u) => u.shift.queue === q.queue).length,
      coverage,
      underAgentIntervals: coverage.underAgentIntervals,
      ...(schedule === undefined ? {} : { schedule }),
    };
  });
  const underAgentIntervals = queues.reduce((sum, q) => sum + q.underAgentIntervals, 0);
  const files: Record<string, string> = {
    ...rosterFileContents(roster, agents),
    'roster.html': rosterPage(inputs, queues, roster, agents, page),
  };
  const json = `${JSON.stringify(
    {
      solve: { ...roster.solve, stoppedBy: roster.stoppedBy, greedyObjective: roster.greedyObjective },
      totals: roster.totals,
      agents: roster.agentStats,
      assignments: roster.assignments,
      unfilled: roster.unfilled,
      underAgentIntervals,
      queues: queues.map((q) => ({
        queue: q.queue,
        shifts: q.shifts,
        assignedShifts: q.assignedShifts,
        unfilledShifts: q.unfilledShifts,
        underAgentIntervals: q.underAgentIntervals,
      })),
    },
    null,
    2,
  )}\n`;
  return {
    queues,
    files,
    json,
    messages: [
      ...rosterMessages(roster, underAgentIntervals, { timeLimitName: page.timeLimitName, queues }),
      ...skillsOutsideMessages(
        agents,
        queues.map((q) => q.queue),
      ),
    ],
  };
}

/** The roster page of a run, its coverage strips on the union of the queues' rows. */
function rosterPage(
  inputs: Pick<RosterInputs, 'queues' | 'intervalMinutes' | 'rosterRules' | 'rules'>,
  queues: readonly RosterQueueResult[],
  roster: AssignedRoster,
  agents: readonly Agent[],
  page: RosterOutputsOptions,
): string {
  const starts = [...new Set(inputs.queues.flatMap((q) => q.starts))].sort((a, b) => a - b);
  const row = new Map(starts.map((t, i) => [t, i]));
  const onGrid: Record<string, { required: Float64Array; rostered: Float64Array }> = {};
  inputs.queues.forEach((q, k) => {
    const required = new Float64Array(starts.length);
    const rostered = new Float64Array(starts.length);
    const net = queues[k]?.coverage.net;
    q.starts.forEach((t, i) => {
      const at = row.get(t) ?? 0;
      required[at] = q.required[i] ?? 0;
      rostered[at] = net?.[i] ?? 0;
    });
    onGrid[q.queue] = { required, rostered };
  });
  return renderRosterHtml(
    rosterReportInput({
      title: `Roster: ${inputs.queues.map((q) => q.queue).join(', ')}`,
      roster,
      agents,
      timeZone: page.timeZone,
      weekendDays: inputs.rosterRules.weekendDays,
      shiftTypes: inputs.rules.shiftTypes.map((t) => t.name),
      starts,
      intervalMinutes: inputs.intervalMinutes,
      queues: onGrid,
      generatedAt: page.generatedAt,
      generator: `staffcast ${VERSION} roster`,
    }),
  );
}
