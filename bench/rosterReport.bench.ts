/**
 * Roster page benchmark (issue 13): `renderRosterHtml` of the 100-agent, four-week centre of
 * `rostering.bench.ts` (Europe/London, the DST change of 31 March inside; 1,664 shifts rostered by
 * the repair heuristic) with the coverage of its two queues on the complete 15-minute grid, the
 * requirement set 10% above the seats so that many intervals are marked understaffed. Target: < 2 s
 * per page, like the plan report.
 */
import { Bench } from 'tinybench';
import { rosterReportInput } from '../src/app/rosterReportInput.js';
import { renderRosterHtml } from '../src/report/rosterHtml.js';
import { assignShifts } from '../src/rostering/assignShifts.js';
import { rosterCoverage } from '../src/rostering/rosterCoverage.js';
import type { RosterRules } from '../src/rostering/types.js';
import { centre } from './rostering.bench.js';

const TARGET_MS = 2000;
const ZONE = 'Europe/London';
const RULES: RosterRules = {
  weekendDays: ['sat', 'sun'],
  weekendsOff: { minFreeWeekends: 1, perWeeks: 2 },
  minRestHours: 11,
  shiftTypeLimits: {},
  earlyStartBeforeMinutes: 540,
  lateStartFromMinutes: 720,
};

export async function run(): Promise<void> {
  const { agents, seats } = centre(100);
  const roster = await assignShifts(seats, agents, RULES, { timeZone: ZONE, useSolver: false });
  const first = Math.min(...seats.map((s) => s.startMs));
  const last = Math.max(...seats.map((s) => s.endMs));
  const starts: number[] = [];
  for (let t = first; t < last; t += 15 * 60_000) starts.push(t);
  const queues: Record<string, { required: number[]; rostered: Float64Array }> = {};
  for (const queue of ['general', 'stocks']) {
    const seatsOf = seats.filter((s) => s.queue === queue);
    const need = rosterCoverage(seatsOf, { starts, intervalMinutes: 15 }).net;
    queues[queue] = {
      required: Array.from(need, (v) => Math.ceil(1.1 * v)),
      rostered: rosterCoverage(roster.assignments, { starts, intervalMinutes: 15, queue }).net,
    };
  }
  const input = rosterReportInput({
    title: 'Roster: 100 agents, 4 weeks',
    roster,
    agents,
    timeZone: ZONE,
    weekendDays: RULES.weekendDays,
    starts,
    intervalMinutes: 15,
    queues,
    generatedAt: 0,
  });
  let bytes = 0;
  const bench = new Bench({ iterations: 5, warmupIterations: 1, time: 0 });
  bench.add(
    `renderRosterHtml: ${agents.length} agents, ${roster.assignments.length} shifts, 2 x ${starts.length} intervals`,
    () => {
      bytes = renderRosterHtml(input).length;
    },
  );
  await bench.run();
  console.table(bench.table());
  const result = bench.tasks[0]?.result;
  const mean = result && 'latency' in result ? result.latency.mean : Number.NaN;
  console.log(`HTML size ${bytes} bytes`);
  console.log(
    `target renderRosterHtml < ${TARGET_MS} ms: ${mean < TARGET_MS ? 'met' : 'NOT met'} (mean ${mean.toFixed(0)} ms)`,
  );
}
