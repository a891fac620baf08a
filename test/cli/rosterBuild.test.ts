import { existsSync } from 'node:fs';
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

const { dir, write } = rosterFolder('roster-build');
afterAll(removeFreshDirs);

// Monday 1 and Tuesday 2 January 2024 (UTC), hourly, two queues: 'sales' needs 2 agents 08:00-16:00
// ('scheduled_agents'; 'agents' says 1), 'loans' 1 agent 12:00-20:00
write(
  'req.csv',
  requirementCsv(
    [
      { queue: 'sales', fromHour: 8, agents: 1, scheduled: 2 },
      { queue: 'loans', fromHour: 12, agents: 1 },
    ],
    { days: 2, stepMinutes: 60 },
  ),
);
write('rules.json', dayRulesJson({ earliestStart: '06:00', latestStart: '14:00', startStepMinutes: 60 }));
write(
  'agents.csv',
  agentsCsv([
    agentRow('a1', 'a1', 'sales'),
    agentRow('a2', 'a2', 'sales;loans'),
    agentRow('a3', 'a3', 'loans;sales'),
  ]),
);
const base = ['roster', '--agents', 'agents.csv', '--rules', 'rules.json', '--requirement', 'req.csv'];

describe('staffcast roster --method build', () => {
  it('rosters the agents directly against every queue of the requirement (scheduled_agents), skills kept', async () => {
    const r = await runStaffcast([...base, '--method', 'build', '-o', 'out', '--json', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'roster: under-coverage of the requirement by the rostered agents 0.0 agent-intervals\n',
    );
    const roster = readCsvRows(dir, 'out', 'roster.csv');
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

  it('refuses --schedule with --method build (exit 2, nothing written)', async () => {
    write(
      'schedule.csv',
      'type,day,start,end,start_time,end_time,length_minutes,paid_minutes,count,breaks\n',
    );
    const r = await runStaffcast([...base, '--method', 'build', '--schedule', 'schedule.csv', '-o', 'out2'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--schedule assigns the shifts of a schedule; --method build makes its own shifts',
    );
    expect(existsSync(join(dir, 'out2'))).toBe(false);
  });

  it('builds the roster of one queue of several with --queue, and refuses an unknown method (exit 2)', async () => {
    const q = await runStaffcast(
      [...base, '--method', 'build', '--queue', 'loans', '-o', 'out3', '--json', '-q'],
      {
        cwd: dir,
      },
    );
    expect(q.code).toBe(0);
    const roster = readCsvRows(dir, 'out3', 'roster.csv');
    expect(roster.map((x) => `${x.start} ${x.queue}`).sort()).toEqual([
      '2024-01-01T12:00:00Z loans',
      '2024-01-02T12:00:00Z loans',
    ]);
    const m = await runStaffcast([...base, '--method', 'guess', '-o', 'out4'], { cwd: dir });
    expect(m.code).toBe(2);
    expect(m.stderr).toContain("argument 'guess' is invalid");
  });
});
