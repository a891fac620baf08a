import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runStaffcast } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'staffcast-roster-build-'));
const write = (name: string, content: string) => {
  writeFileSync(join(dir, name), content);
  return name;
};

// Monday 1 and Tuesday 2 January 2024 (UTC), hourly, two queues: 'sales' needs 2 agents 08:00-16:00
// ('scheduled_agents'; 'agents' says 1), 'loans' 1 agent 12:00-20:00
const rows: string[] = [];
for (const [queue, from, need] of [
  ['sales', 8, 2],
  ['loans', 12, 1],
] as const)
  for (let d = 1; d <= 2; d++)
    for (let h = 0; h < 24; h++) {
      const on = h >= from && h < from + 8;
      rows.push(`2024-01-0${d}T${String(h).padStart(2, '0')}:00:00Z,${queue},${on ? 1 : 0},${on ? need : 0}`);
    }
write('req.csv', `interval_start,queue,agents,scheduled_agents\n${rows.join('\n')}\n`);
write(
  'rules.json',
  JSON.stringify({
    shiftTypes: [
      {
        name: 'day',
        earliestStart: '06:00',
        latestStart: '14:00',
        startStepMinutes: 60,
        lengthsMinutes: [480],
      },
    ],
    roster: { minRestHours: 11 },
  }),
);
const header =
  'id,name,contract,min_hours_per_week,max_hours_per_week,min_days_per_week,max_days_per_week,max_consecutive_days,min_rest_hours,shift_types,cost_per_hour,skills,site,time_zone,availability,days_off,preferences,seniority';
const agent = (id: string, skills: string) =>
  `${id},${id},full-time,0,40,0,5,5,11,day,20,${skills},hq,UTC,,,,1`;
write(
  'agents.csv',
  `${header}\n${agent('a1', 'sales')}\n${agent('a2', 'sales;loans')}\n${agent('a3', 'loans;sales')}\n`,
);
const base = ['roster', '--agents', 'agents.csv', '--rules', 'rules.json', '--requirement', 'req.csv'];

describe('staffcast roster --method build', () => {
  it('rosters the agents directly against every queue of the requirement (scheduled_agents), skills kept', async () => {
    const r = await runStaffcast([...base, '--method', 'build', '-o', 'out', '--json', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'roster: under-coverage of the requirement by the rostered agents 0.0 agent-intervals\n',
    );
    const roster = parse(readFileSync(join(dir, 'out', 'roster.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    const skills: Record<string, string[]> = {
      a1: ['sales'],
      a2: ['sales', 'loans'],
      a3: ['loans', 'sales'],
    };
    expect(roster.every((x) => skills[x.agent_id ?? '']?.includes(x.queue ?? ''))).toBe(true);
    // per day two sales shifts at 08:00 and one loans shift at 12:00: a1 and one other on sales
    expect(roster.map((x) => `${x.start} ${x.queue}`).sort()).toEqual([
      '2024-01-01T08:00:00Z sales',
      '2024-01-01T08:00:00Z sales',
      '2024-01-01T12:00:00Z loans',
      '2024-01-02T08:00:00Z sales',
      '2024-01-02T08:00:00Z sales',
      '2024-01-02T12:00:00Z loans',
    ]);
    const json = JSON.parse(r.stdout) as { underAgentIntervals: number; totals: { paidHours: number } };
    expect(json.underAgentIntervals).toBe(0);
    expect(json.totals.paidHours).toBe(48);
  });

  it('keeps one queue per requirement without --method build (exit 1, naming the option)', async () => {
    const r = await runStaffcast([...base, '-o', 'out2', '-q'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'req.csv: several queues in one requirement; roster one queue at a time (or build the roster against all of them with --method build)',
    );
  });

  it('refuses --queue for a requirement of several queues, and an unknown method (exit 2)', async () => {
    const q = await runStaffcast([...base, '--method', 'build', '--queue', 'sales', '-o', 'out3'], {
      cwd: dir,
    });
    expect(q.code).toBe(2);
    expect(q.stderr).toContain(
      'roster: --queue names the queue of a one-queue requirement; req.csv has 2 (sales, loans)',
    );
    const m = await runStaffcast([...base, '--method', 'guess', '-o', 'out4'], { cwd: dir });
    expect(m.code).toBe(2);
    expect(m.stderr).toContain("argument 'guess' is invalid");
  });
});
