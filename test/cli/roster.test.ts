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

/** `staffcast roster` of these agents and requirement with the rules (default rules.json) into the folder `out`, then `more`. */
const staffcastRoster = (
  files: { agents: string; requirement: string; rules?: string },
  out: string,
  ...more: string[]
) =>
  runStaffcast(
    [
      'roster',
      '--agents',
      files.agents,
      '--rules',
      files.rules ?? 'rules.json',
      '--requirement',
      files.requirement,
      '-o',
      out,
      ...more,
    ],
    { cwd: dir },
  );

describe('staffcast roster', () => {
  it('writes the roster, the per-agent view and calendars, and reports the roster on stderr', async () => {
    const r = await staffcastRoster({ agents: 'agents.csv', requirement: 'req.csv' }, 'out', '-q');
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
      { agents: 'agents.csv', requirement: 'req.csv' },
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
    const r = await staffcastRoster({ agents: 'agents.csv', requirement: 'req-noqueue.csv' }, 'out3');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('roster: req-noqueue.csv has no queue column; give --queue <name>');
  });

  it('assigns the shifts of --schedule: exit 0, the roster of those seats on stdout with --json', async () => {
    const r = await staffcastRoster(
      { agents: 'agents.csv', requirement: 'req.csv' },
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
      { agents: 'agents.csv', requirement: 'req.csv' },
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
    const r = await staffcastRoster({ agents: 'agents-two.csv', requirement: 'req-two.csv' }, 'out6', '-q');
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
    // every agent has a skill of a rostered queue: no line on skills outside them
    expect(r.stderr).not.toContain('outside the rostered queues');
  });

  it('--schedule with a requirement of several queues and no --queue is a usage error (exit 2)', async () => {
    const r = await staffcastRoster(
      { agents: 'agents-two.csv', requirement: 'req-two.csv' },
      'out7',
      '--schedule',
      'schedule-one.csv',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('give --queue <name> to roster that schedule on one of them');
  });
});

describe('staffcast roster: skills for queues that are not rostered', () => {
  // the rules name the centre's queues; a1 sells and cares, c1 only cares
  write('rules-queues.json', dayRulesJson({}, { queues: ['sales', 'care'] }));
  write(
    'agents-multi.csv',
    agentsCsv([
      agentRow('a1', 'A. Cohen', 'sales;care'),
      agentRow('a2', 'B. Levi'),
      agentRow('c1', 'C. Mizrahi', 'care'),
    ]),
  );
  const idle =
    'roster: 2 agents have skills outside the rostered queues (sales), not used in this run; 1 of them has no rostered skill and gets no shift: c1\n';

  it("rosters a one-queue requirement with a team whose skills name the rules' other queues (exit 0)", async () => {
    const r = await staffcastRoster(
      { agents: 'agents-multi.csv', requirement: 'req.csv', rules: 'rules-queues.json' },
      'out-multi',
      '-q',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/; 6 of 6 shifts filled by 3 agents, 48\.0 paid hours/);
    expect(r.stderr).toContain(idle);
    const roster = readCsvRows(dir, 'out-multi', 'roster.csv');
    expect(roster.map((row) => `${row.agent_id} ${row.queue}`).sort()).toEqual([
      'a1 sales',
      'a1 sales',
      'a1 sales',
      'a2 sales',
      'a2 sales',
      'a2 sales',
    ]);
  });

  it('--queue of a two-queue requirement leaves the other skills unused and says who gets no shift', async () => {
    const r = await staffcastRoster(
      { agents: 'agents-two.csv', requirement: 'req-two.csv' },
      'out-sales',
      '--queue',
      'sales',
      '-q',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'roster: 1 agent has skills outside the rostered queues (sales), not used in this run; 1 of them has no rostered skill and gets no shift: c1\n',
    );
    expect(new Set(readCsvRows(dir, 'out-sales', 'roster.csv').map((row) => row.queue))).toEqual(
      new Set(['sales']),
    );
  });

  it("a skill that is no known queue stays a data error (exit 1) naming file, line, column and the known queues, the rules' included", async () => {
    write(
      'agents-typo.csv',
      agentsCsv([agentRow('a1', 'A. Cohen'), agentRow('a2', 'B. Levi', 'sales;crae')]),
    );
    const r = await staffcastRoster(
      { agents: 'agents-typo.csv', requirement: 'req.csv', rules: 'rules-queues.json' },
      'out-typo',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "staffcast: agents-typo.csv:3:skills: unknown skill 'crae' (known queues: sales, care)\n",
    );
    // without the rules' queues, care is unknown to a one-queue requirement
    const plain = await staffcastRoster({ agents: 'agents-multi.csv', requirement: 'req.csv' }, 'out-plain');
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe(
      "staffcast: agents-multi.csv:2:skills: unknown skill 'care' (known queues: sales) (and 1 more problem)\n",
    );
  });
});
