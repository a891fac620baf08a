import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runStaffcast } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'staffcast-roster-'));
const write = (name: string, content: string) => {
  writeFileSync(join(dir, name), content);
  return name;
};

// Monday 1 to Wednesday 3 January 2024 (UTC), hourly: 2 agents 08:00-16:00 on the queue 'sales'
const rows: string[] = [];
for (let d = 1; d <= 3; d++)
  for (let h = 0; h < 24; h++)
    rows.push(`2024-01-0${d}T${String(h).padStart(2, '0')}:00:00Z,sales,${h >= 8 && h < 16 ? 2 : 0}`);
write('req.csv', `interval_start,queue,agents\n${rows.join('\n')}\n`);
write('req-noqueue.csv', `interval_start,agents\n${rows.map((r) => r.replace(',sales', '')).join('\n')}\n`);
write(
  'rules.json',
  JSON.stringify({
    shiftTypes: [{ name: 'day', earliestStart: '08:00', latestStart: '08:00', lengthsMinutes: [480] }],
    roster: { minRestHours: 11 },
  }),
);
const header =
  'id,name,contract,min_hours_per_week,max_hours_per_week,min_days_per_week,max_days_per_week,max_consecutive_days,min_rest_hours,shift_types,cost_per_hour,skills,site,time_zone,availability,days_off,preferences,seniority';
const agent = (id: string, name: string) => `${id},${name},full-time,0,40,0,5,5,11,day,20,sales,hq,UTC,,,,1`;
write('agents.csv', `${header}\n${agent('a1', 'A. Cohen')}\n${agent('a2', 'B. Levi')}\n`);
// two queues on the same hours: 'sales' needs 2 agents, 'care' 1; a1 and a2 sell, c1 cares
const twoQueues = rows.flatMap((r) => [r, r.replace(',sales,2', ',care,1').replace(',sales,0', ',care,0')]);
write('req-two.csv', `interval_start,queue,agents\n${twoQueues.join('\n')}\n`);
const carer = `c1,C. Mizrahi,full-time,0,40,0,5,5,11,day,20,care,hq,UTC,,,,1`;
write('agents-two.csv', `${header}\n${agent('a1', 'A. Cohen')}\n${agent('a2', 'B. Levi')}\n${carer}\n`);
write(
  'schedule-one.csv',
  'type,start,end,count\nday,2024-01-01T08:00:00Z,2024-01-01T16:00:00Z,2\nday,2024-01-02T08:00:00Z,2024-01-02T16:00:00Z,1\n',
);
write('leave.csv', 'agent_id,start,end,kind,weight,note\na1,2024-01-02,2024-01-02,hard,1,annual leave\n');

describe('staffcast roster', () => {
  it('writes the roster, the per-agent view and calendars, and reports the roster on stderr', async () => {
    const r = await runStaffcast(
      [
        'roster',
        '--agents',
        'agents.csv',
        '--rules',
        'rules.json',
        '--requirement',
        'req.csv',
        '-o',
        'out',
        '-q',
      ],
      { cwd: dir },
    );
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
    const roster = parse(readFileSync(join(dir, 'out', 'roster.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(roster).toHaveLength(6);
    const view = parse(readFileSync(join(dir, 'out', 'agents.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(view.map((v) => [v.agent_id, v.shifts])).toEqual([
      ['a1', '3'],
      ['a2', '3'],
    ]);
  });

  it('explains a shift left unfilled by approved leave, and writes JSON to stdout with --json', async () => {
    const r = await runStaffcast(
      [
        'roster',
        '--agents',
        'agents.csv',
        '--time-off',
        'leave.csv',
        '--rules',
        'rules.json',
        '--requirement',
        'req.csv',
        '-o',
        'out2',
        '--json',
        '-q',
      ],
      { cwd: dir },
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
    const r = await runStaffcast(
      [
        'roster',
        '--agents',
        'agents.csv',
        '--rules',
        'rules.json',
        '--requirement',
        'req-noqueue.csv',
        '-o',
        'out3',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('roster: req-noqueue.csv has no queue column; give --queue <name>');
  });

  it('assigns the shifts of --schedule: exit 0, the roster of those seats on stdout with --json', async () => {
    const r = await runStaffcast(
      [
        'roster',
        '--agents',
        'agents.csv',
        '--rules',
        'rules.json',
        '--requirement',
        'req.csv',
        '--schedule',
        'schedule-one.csv',
        '-o',
        'out4',
        '--json',
        '-q',
      ],
      { cwd: dir },
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
    const r = await runStaffcast(
      [
        'roster',
        '--agents',
        'agents.csv',
        '--rules',
        'rules.json',
        '--requirement',
        'req.csv',
        '--schedule',
        'schedule-night.csv',
        '-o',
        'out5',
        '--json',
        '-q',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("staffcast: schedule-night.csv:2:type: unknown shift type 'night' (known: day)\n");
  });

  it('rosters every queue of the requirement from one pool, one line per queue (exit 0)', async () => {
    const r = await runStaffcast(
      [
        'roster',
        '--agents',
        'agents-two.csv',
        '--rules',
        'rules.json',
        '--requirement',
        'req-two.csv',
        '-o',
        'out6',
        '-q',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'roster: queue sales: 6 of 6 shifts filled, under-coverage by the agents rostered on it 0.0 agent-intervals\n',
    );
    expect(r.stderr).toContain(
      'roster: queue care: 3 of 3 shifts filled, under-coverage by the agents rostered on it 0.0 agent-intervals\n',
    );
    const roster = parse(readFileSync(join(dir, 'out6', 'roster.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(roster.filter((row) => row.agent_id === 'c1')).toHaveLength(3);
  });

  it('--schedule with a requirement of several queues and no --queue is a usage error (exit 2)', async () => {
    const r = await runStaffcast(
      [
        'roster',
        '--agents',
        'agents-two.csv',
        '--rules',
        'rules.json',
        '--requirement',
        'req-two.csv',
        '--schedule',
        'schedule-one.csv',
        '-o',
        'out7',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('give --queue <name> to roster that schedule on one of them');
  });
});
