import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeFreshDirs } from '../io/tempDir.js';
import {
  agentRow,
  agentsCsv,
  dayRulesJson,
  readCsvRows,
  requirementCsv,
  rosterFolder,
} from './rosterFixtures.js';
import { runStaffcast } from './run.js';

const { dir, write } = rosterFolder('roster');
afterAll(removeFreshDirs);

// Monday 1 to Wednesday 3 January 2024 (UTC), hourly: 2 agents 08:00-16:00 on the queue 'sales'
const sales = { queue: 'sales', fromHour: 8, agents: 2 };
write('req.csv', requirementCsv([sales], { days: 3, stepMinutes: 60 }));
write('req-noqueue.csv', requirementCsv([sales], { days: 3, stepMinutes: 60, queueColumn: false }));
write('rules.json', dayRulesJson());
write('agents.csv', agentsCsv([agentRow('a1', 'A. Cohen'), agentRow('a2', 'B. Levi')]));
// two queues on the same hours: 'sales' needs 2 agents, 'care' 1; a1 and a2 sell, c1 cares
write(
  'req-two.csv',
  requirementCsv([sales, { queue: 'care', fromHour: 8, agents: 1 }], { days: 3, stepMinutes: 60 }),
);
write(
  'agents-two.csv',
  agentsCsv([agentRow('a1', 'A. Cohen'), agentRow('a2', 'B. Levi'), agentRow('c1', 'C. Mizrahi', 'care')]),
);
write(
  'schedule-one.csv',
  'type,start,end,count\nday,2024-01-01T08:00:00Z,2024-01-01T16:00:00Z,2\nday,2024-01-02T08:00:00Z,2024-01-02T16:00:00Z,1\n',
);
write('leave.csv', 'agent_id,start,end,kind,weight,note\na1,2024-01-02,2024-01-02,hard,1,annual leave\n');

/** `staffcast roster` of these agents and requirement with rules.json into the folder `out`, then `more`. */
const staffcastRoster = (agents: string, requirement: string, out: string, ...more: string[]) =>
  runStaffcast(
    ['roster', '--agents', agents, '--rules', 'rules.json', '--requirement', requirement, '-o', out, ...more],
    { cwd: dir },
  );

describe('staffcast roster', () => {
  it('writes the roster, the per-agent view and calendars, and reports the roster on stderr', async () => {
    const r = await staffcastRoster('agents.csv', 'req.csv', 'out', '-q');
    expect(r.stderr).toMatch(
      /^roster: mip, objective 0\.00, gap 0\.00% \(bound 0\.00\); 6 of 6 shifts filled by 2 agents, 48\.0 paid hours, cost 960\.00\n/,
    );
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      'a1.ics',
      'a2.ics',
      'agents.csv',
      'roster.csv',
      'roster.html',
      'team.ics',
    ]);
    const roster = readCsvRows(dir, 'out', 'roster.csv');
    expect(roster).toHaveLength(6);
    const view = readCsvRows(dir, 'out', 'agents.csv');
    expect(view.map((v) => [v.agent_id, v.shifts])).toEqual([
      ['a1', '3'],
      ['a2', '3'],
    ]);
  });

  it('explains a shift left unfilled by approved leave, and writes JSON to stdout with --json', async () => {
    const r = await staffcastRoster(
      'agents.csv',
      'req.csv',
      'out2',
      '--time-off',
      'leave.csv',
      '--json',
      '-q',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "roster: unfilled: Tuesday 2024-01-02 08:00 day needs 2 agents with skill 'sales'; 1 is rostered\nroster:   on leave (annual leave): A. Cohen\n",
    );
    const json = JSON.parse(r.stdout) as { totals: { unfilledShifts: number } };
    expect(json.totals.unfilledShifts).toBe(1);
    // the roster page: the leave day, the unfilled shift, and the eight hours one agent short marked
    const html = readFileSync(join(dir, 'out2', 'roster.html'), 'utf8');
    expect(html).toContain('<td class="leave" title="annual leave">leave</td>');
    expect(html).toContain('<h2>Unfilled shifts (1)</h2>');
    const marks = [...html.matchAll(/<span class="short" style="[^"]*" title="([^"]*)">/g)].map((m) => m[1]);
    expect(marks).toHaveLength(8);
    expect(marks[0]).toBe('Tue 2 Jan 08:00-09:00 sales: 1 short (2 required, 1 rostered)');
  });

  it('asks for --queue when the requirement has no queue column (exit 2)', async () => {
    const r = await staffcastRoster('agents.csv', 'req-noqueue.csv', 'out3');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('roster: req-noqueue.csv has no queue column; give --queue <name>');
  });

  it('assigns the shifts of --schedule: exit 0, the roster of those seats on stdout with --json', async () => {
    const r = await staffcastRoster(
      'agents.csv',
      'req.csv',
      'out4',
      '--schedule',
      'schedule-one.csv',
      '--json',
      '-q',
    );
    expect(r.code).toBe(0);
    // 3 seats of the file, the requirement's 6 agent-days leave 3 x 8 hours uncovered
    expect(r.stderr).toMatch(/; 3 of 3 shifts filled by 2 agents, 24\.0 paid hours/);
    expect(r.stderr).toContain(
      'roster: under-coverage of the requirement by the rostered agents 24.0 agent-intervals\n',
    );
    const json = JSON.parse(r.stdout) as { assignments: { startMs: number }[]; queues: { queue: string }[] };
    expect(json.assignments.map((a) => new Date(a.startMs).toISOString())).toEqual([
      '2024-01-01T08:00:00.000Z',
      '2024-01-01T08:00:00.000Z',
      '2024-01-02T08:00:00.000Z',
    ]);
    expect(json.queues.map((q) => q.queue)).toEqual(['sales']);
  });

  it('a --schedule row of an unknown shift type is a data error (exit 1) naming file, line and column', async () => {
    write('schedule-night.csv', 'type,start,end,count\nnight,2024-01-01T22:00:00Z,2024-01-02T06:00:00Z,1\n');
    const r = await staffcastRoster(
      'agents.csv',
      'req.csv',
      'out5',
      '--schedule',
      'schedule-night.csv',
      '--json',
      '-q',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("staffcast: schedule-night.csv:2:type: unknown shift type 'night' (known: day)\n");
  });

  it('rosters every queue of the requirement from one pool, one line per queue (exit 0)', async () => {
    const r = await staffcastRoster('agents-two.csv', 'req-two.csv', 'out6', '-q');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'roster: queue sales: 6 of 6 shifts filled, under-coverage by the agents rostered on it 0.0 agent-intervals\n',
    );
    expect(r.stderr).toContain(
      'roster: queue care: 3 of 3 shifts filled, under-coverage by the agents rostered on it 0.0 agent-intervals\n',
    );
    const roster = readCsvRows(dir, 'out6', 'roster.csv');
    expect(roster.filter((row) => row.agent_id === 'c1')).toHaveLength(3);
  });

  it('--schedule with a requirement of several queues and no --queue is a usage error (exit 2)', async () => {
    const r = await staffcastRoster(
      'agents-two.csv',
      'req-two.csv',
      'out7',
      '--schedule',
      'schedule-one.csv',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('give --queue <name> to roster that schedule on one of them');
  });
});
