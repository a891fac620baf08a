import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../src/app/plan.js';
import { readRosterInputs } from '../../src/app/roster/readRosterInputs.js';
import { rosterOutputs } from '../../src/app/roster/rosterOutputs.js';
import { runRoster } from '../../src/app/roster.js';
import { runSchedule } from '../../src/app/schedule.js';
import { StaffcastError } from '../../src/errors.js';
import { readScheduleCsv } from '../../src/io/readScheduleCsv.js';
import { writeRequirementCsv } from '../../src/io/requirementCsv.js';
import { assignShifts } from '../../src/rostering/assignShifts.js';
import type { PlanConfigInput } from '../../src/schemas/planConfig.js';
import { agentRow, agentsCsv, dayRulesJson, requirementCsv, rosterFolder } from '../cli/rosterFixtures.js';
import { removeFreshDirs } from '../io/tempDir.js';
import { seat } from '../rostering/fixtures.js';

const { dir, write } = rosterFolder('app-roster');
afterAll(removeFreshDirs);

// Monday 1 to Wednesday 3 January 2024 (UTC), half-hourly: 2 agents 08:00-16:00 on the queue 'sales'
write('req.csv', requirementCsv([{ queue: 'sales', fromHour: 8, agents: 2 }], { days: 3, stepMinutes: 30 }));
// an 8-hour day with an unpaid 30-minute lunch 3 to 5 hours after the start
write(
  'rules.json',
  dayRulesJson({
    breaks: [{ name: 'lunch', durationMinutes: 30, earliestStartMinutes: 180, latestStartMinutes: 300 }],
  }),
);
write(
  'agents.csv',
  agentsCsv([agentRow('a1', 'A. Cohen'), agentRow('a2', 'B. Levi'), agentRow('a3', 'C. Mizrahi')]),
);

const base = {
  agentsFile: 'agents.csv',
  rulesFile: 'rules.json',
  requirementFile: 'req.csv',
  cwd: dir,
  timeZone: 'UTC',
  timeLimitSeconds: 60,
  workLimit: 20_000,
};

async function failure(run: Promise<unknown>): Promise<StaffcastError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof StaffcastError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('runRoster --schedule (assign an existing schedule)', () => {
  it('round trip: the schedule.csv of runSchedule is read back and every seat of it is filled', async () => {
    const scheduled = await runSchedule({
      requirementFile: 'req.csv',
      rulesFile: 'rules.json',
      cwd: dir,
      timeZone: 'UTC',
      timeLimitSeconds: 60,
      workLimit: 20_000,
      format: 'csv',
    });
    write('schedule.csv', scheduled.output);
    const fileShifts = readScheduleCsv(scheduled.output, 'schedule.csv', 'UTC');
    const seats = fileShifts.reduce((n, s) => n + s.count, 0);
    // 3 agents a day: one more covers the lunches
    expect(seats).toBe(9);
    const run = await runRoster({ ...base, scheduleFile: 'schedule.csv' });
    expect(run.roster.totals.unfilledShifts).toBe(0);
    expect(run.roster.totals.assignedShifts).toBe(seats);
    // the rostered shifts are the file's shifts, seat for seat: same start, end and breaks
    const key = (startMs: number, endMs: number, breaks: [number, number, boolean][]) =>
      JSON.stringify([startMs, endMs, breaks]);
    const fromFile = fileShifts.flatMap((s) =>
      Array.from({ length: s.count }, () =>
        key(
          s.startMs,
          s.endMs,
          s.breaks.map((b) => [b.startMs, b.minutes, b.paid]),
        ),
      ),
    );
    const rostered = run.roster.assignments.map((a) =>
      key(
        a.startMs,
        a.endMs,
        a.breaks.map((b) => [b.startMs, b.durationMinutes, b.paid]),
      ),
    );
    expect(rostered.sort()).toEqual(fromFile.sort());
    // 8 hours minus the unpaid lunch
    expect(run.roster.totals.paidHours).toBe(9 * 7.5);
    expect(run.queues.map((q) => [q.queue, q.shifts, q.assignedShifts, q.schedule])).toEqual([
      ['sales', 9, 9, undefined],
    ]);
    expect(run.schedule).toBeUndefined();
  });

  it('assigns the shifts of the file, not a schedule of its own, and evaluates the coverage they leave', async () => {
    // one agent on Monday only: 1 seat; 2 agents x 16 half-hours x 3 days = 96 agent-intervals
    // required, the agent covers 16 - 1 (lunch): under-coverage 81
    write(
      'one.csv',
      'type,start,end,count,breaks\nday,2024-01-01T08:00:00Z,2024-01-01T16:00:00Z,1,lunch 2024-01-01T12:00:00Z 30min\n',
    );
    const run = await runRoster({ ...base, scheduleFile: 'one.csv' });
    expect(run.roster.assignments.map((a) => [a.startMs, a.endMs, a.queue])).toEqual([
      [Date.UTC(2024, 0, 1, 8), Date.UTC(2024, 0, 1, 16), 'sales'],
    ]);
    expect(run.queues[0]!.underAgentIntervals).toBeCloseTo(81, 9);
    expect(JSON.parse(run.json).underAgentIntervals).toBeCloseTo(81, 9);
  });

  it('names the line and column of a shift type the rules lack', async () => {
    write('night.csv', 'type,start,end,count\nnight,2024-01-01T22:00:00Z,2024-01-02T06:00:00Z,1\n');
    const e = await failure(runRoster({ ...base, scheduleFile: 'night.csv' }));
    expect([e.code, e.message]).toEqual([
      'CSV_ROW',
      "night.csv:2:type: unknown shift type 'night' (known: day)",
    ]);
  });

  it("names the requirement's horizon for a shift on a day outside it", async () => {
    write('late.csv', 'type,start,end,count\nday,2024-01-04T08:00:00Z,2024-01-04T16:00:00Z,1\n');
    const e = await failure(runRoster({ ...base, scheduleFile: 'late.csv' }));
    expect([e.code, e.message]).toEqual([
      'CSV_ROW',
      "late.csv:2:start: 2024-01-04 is outside the requirement's horizon (req.csv: 2024-01-01 to 2024-01-03)",
    ]);
  });
});

describe('runRoster with several queues (the Anonymous Bank, two days)', () => {
  const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
  let run: Awaited<ReturnType<typeof runRoster>>;
  beforeAll(async () => {
    const config = JSON.parse(readFileSync(join(examples, 'plan-queues.json'), 'utf8')) as PlanConfigInput;
    const planned = await plan({ ...config, horizonDays: 2 }, { baseDir: examples, simulate: false });
    write('bank-requirements.csv', writeRequirementCsv(planned.queueRequirements!));
    run = await runRoster({
      agentsFile: join(examples, 'il-bank-agents.csv'),
      timeOffFile: join(examples, 'il-bank-time-off.csv'),
      rulesFile: join(examples, 'il-bank-rules.json'),
      requirementFile: 'bank-requirements.csv',
      cwd: dir,
      timeZone: 'Asia/Jerusalem',
      timeLimitSeconds: 60,
      workLimit: 5_000,
    });
  }, 120_000);

  it('schedules each queue and rosters every seat on an agent with the skill of its queue', () => {
    expect(run.queues.map((q) => q.queue)).toEqual(['regular', 'prospects', 'stocks']);
    const skills = new Map(run.agents.map((a) => [a.id, a.skills]));
    expect(run.roster.assignments.length).toBeGreaterThan(0);
    for (const a of run.roster.assignments) expect(skills.get(a.agentId)).toContain(a.queue);
    for (const q of run.queues) {
      expect(q.shifts).toBe(q.schedule!.shifts.reduce((n, s) => n + s.count, 0));
      expect(q.assignedShifts + q.unfilledShifts).toBe(q.shifts);
    }
    const t = run.roster.totals;
    expect(t.assignedShifts + t.unfilledShifts).toBe(run.queues.reduce((n, q) => n + q.shifts, 0));
    expect(new Set(run.roster.assignments.map((a) => a.id)).size).toBe(t.assignedShifts);
  });

  it('counts each rostered agent on the queue of its seat only (coverage per queue adds up to the time on the phones)', () => {
    const intervalMinutes = 30;
    const onPhonesMinutes = run.roster.assignments.reduce(
      (m, a) => m + (a.endMs - a.startMs) / 60_000 - a.breaks.reduce((b, x) => b + x.durationMinutes, 0),
      0,
    );
    const netMinutes = run.queues.reduce(
      (m, q) => m + q.coverage.net.reduce((s, v) => s + v, 0) * intervalMinutes,
      0,
    );
    expect(netMinutes).toBeCloseTo(onPhonesMinutes, 6);
  });

  it('reports each queue in the messages and the JSON', () => {
    for (const q of run.queues)
      expect(run.messages).toContain(
        `roster: queue ${q.queue}: ${q.assignedShifts} of ${q.shifts} shifts filled, under-coverage by the agents rostered on it ${q.underAgentIntervals.toFixed(1)} agent-intervals\n`,
      );
    const json = JSON.parse(run.json) as {
      underAgentIntervals: number;
      queues: { queue: string; shifts: number; underAgentIntervals: number }[];
    };
    expect(json.queues.map((q) => [q.queue, q.shifts])).toEqual(run.queues.map((q) => [q.queue, q.shifts]));
    expect(json.underAgentIntervals).toBeCloseTo(
      run.queues.reduce((s, q) => s + q.underAgentIntervals, 0),
      9,
    );
  });

  it('rosters only the queue --queue names', async () => {
    const one = await runRoster({
      agentsFile: join(examples, 'il-bank-agents.csv'),
      rulesFile: join(examples, 'il-bank-rules.json'),
      requirementFile: 'bank-requirements.csv',
      cwd: dir,
      timeZone: 'Asia/Jerusalem',
      queue: 'stocks',
      timeLimitSeconds: 60,
      workLimit: 5_000,
    });
    expect(one.queues.map((q) => q.queue)).toEqual(['stocks']);
    expect(new Set(one.roster.assignments.map((a) => a.queue))).toEqual(new Set(['stocks']));
  }, 60_000);
});

describe('rosterOutputs', () => {
  it('names the time-limit setting it is given when the wall-clock safety net stopped the roster', async () => {
    const inputs = await readRosterInputs(base);
    const seats = [seat('s1', 1, 8)];
    const roster = await assignShifts(seats, inputs.agents, inputs.rosterRules, {
      timeZone: 'UTC',
      useSolver: false,
    });
    // the CLI's flag, and the option of runRoster a library caller sets
    for (const timeLimitName of ['--time-limit', 'timeLimitSeconds']) {
      const out = rosterOutputs(inputs, seats, {}, { ...roster, stoppedBy: 'time' }, inputs.agents, {
        timeZone: 'UTC',
        generatedAt: 0,
        timeLimitName,
      });
      expect(out.messages[0]).toMatch(
        new RegExp(
          `^roster: heuristic \\(stopped by the wall-clock safety net ${timeLimitName}: depends on machine load\\), `,
        ),
      );
    }
  });
});
