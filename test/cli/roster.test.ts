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
});
