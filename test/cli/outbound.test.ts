import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStaffcast } from './run.js';

const REQUIREMENT =
  'interval_start,calls,aht_seconds,agents,scheduled_agents\n' +
  '2024-01-01T09:00:00Z,100,180,14,20\n2024-01-01T09:30:00Z,120,200,17,25\n2024-01-01T10:00:00Z,40,180,6,9\n';

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'outbound-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('staffcast outbound', () => {
  it('fits floor(spare agent-seconds / aht) calls per interval from a staff requirement on stdin', async () => {
    const cwd = dirWith({
      'scheduled.csv':
        'interval_start,scheduled_agents\n2024-01-01T09:00:00Z,16\n2024-01-01T09:30:00Z,15\n2024-01-01T10:00:00Z,10\n',
    });
    const run = await runStaffcast(['outbound', '-', '--scheduled', 'scheduled.csv', '--aht', '300'], {
      stdin: REQUIREMENT,
      cwd,
    });
    expect(run.code).toBe(0);
    // spare: 16-14 = 2 (12 calls), 15-17 < 0 (short 2), 10-6 = 4 (24 calls)
    expect(run.stdout).toBe(
      'interval_start,required_agents,scheduled_agents,spare_agents,outbound_calls,short_agents\n' +
        '2024-01-01T09:00:00Z,14,16,2,12,0\n2024-01-01T09:30:00Z,17,15,0,0,2\n2024-01-01T10:00:00Z,6,10,4,24,0\n',
    );
    expect(run.stderr).toBe(
      'outbound: 36 calls of 300 s fit into 3.0 spare agent-hours over 3 intervals; 1 intervals are short of the inbound requirement\n',
    );
  });

  it('takes shrinkage off scheduled heads, reads an agents column, and counts missing schedule rows as 0', async () => {
    const cwd = dirWith({
      'req.csv': REQUIREMENT,
      'scheduled.csv': 'interval_start,agents\n2024-01-01T09:00:00Z,20\n2024-01-01T11:00:00Z,3\n',
    });
    const run = await runStaffcast(
      ['outbound', 'req.csv', '--scheduled', 'scheduled.csv', '--aht', '600', '--shrinkage', '0.25'],
      { cwd },
    );
    expect(run.code).toBe(0);
    // 20 x 0.75 = 15 productive, 1 spare -> 3 calls of 600 s
    expect(run.stdout.split('\n')[1]).toBe('2024-01-01T09:00:00Z,14,20,1,3,0');
    expect(run.stdout.split('\n')[2]).toBe('2024-01-01T09:30:00Z,17,0,0,0,17');
    expect(run.stderr).toContain('1 schedule rows outside the requirement ignored');
  });

  it('names the schedule file when it has no agents column, and needs --aht', async () => {
    const cwd = dirWith({
      'req.csv': REQUIREMENT,
      'scheduled.csv': 'interval_start,heads\n2024-01-01T09:00:00Z,3\n',
    });
    const bad = await runStaffcast(['outbound', 'req.csv', '--scheduled', 'scheduled.csv', '--aht', '300'], {
      cwd,
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      "staffcast: scheduled.csv:1: missing column 'scheduled_agents' (or 'scheduled', 'agents'; header has: interval_start, heads)\n",
    );
    const noAht = await runStaffcast(['outbound', 'req.csv', '--scheduled', 'scheduled.csv'], { cwd });
    expect(noAht.code).toBe(2);
  });
});
