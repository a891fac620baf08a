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
    const run = await runStaffcast(
      [
        'outbound',
        '-',
        '--scheduled',
        'scheduled.csv',
        '--aht',
        '300',
        '--column',
        'scheduled_agents',
        '--shrinkage',
        '0',
      ],
      { stdin: REQUIREMENT, cwd },
    );
    expect(run.code).toBe(0);
    // spare: 16-14 = 2 (12 calls), 15-17 < 0 (short 2), 10-6 = 4 (24 calls)
    expect(run.stdout).toBe(
      'interval_start,required_agents,scheduled_agents,spare_agents,outbound_calls,short_agents\n' +
        '2024-01-01T09:00:00Z,14,16,2,12,0\n2024-01-01T09:30:00Z,17,15,0,0,2\n2024-01-01T10:00:00Z,6,10,4,24,0\n',
    );
    expect(run.stderr).toBe(
      "outbound: agents from column 'scheduled_agents' of scheduled.csv, shrinkage 0\n" +
        'outbound: 36 calls of 300 s fit into 3.0 spare agent-hours over 3 intervals; 1 intervals are short of the inbound requirement\n',
    );
  });

  it('takes shrinkage off scheduled heads, reads an agents column, and counts missing schedule rows as 0', async () => {
    const cwd = dirWith({
      'req.csv': REQUIREMENT,
      'scheduled.csv': 'interval_start,agents\n2024-01-01T09:00:00Z,20\n2024-01-01T11:00:00Z,3\n',
    });
    const run = await runStaffcast(
      [
        'outbound',
        'req.csv',
        '--scheduled',
        'scheduled.csv',
        '--aht',
        '600',
        '--shrinkage',
        '0.25',
        '--column',
        'agents',
      ],
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
      "staffcast: scheduled.csv:1: missing column 'on_phone' (or 'net'; header has: interval_start, heads)\n",
    );
    const noAht = await runStaffcast(['outbound', 'req.csv', '--scheduled', 'scheduled.csv'], { cwd });
    expect(noAht.code).toBe(2);
  });

  /** A plan's coverage.csv: 10 on shift, 2 at lunch in the first interval, on_phone = net x 0.7. */
  const COVERAGE =
    'interval_start,calls,required_agents,required_scheduled,scheduled,on_break,net,on_phone\n' +
    '2024-01-01T09:00:00Z,50,5,8,10,2,8,5.6\n2024-01-01T09:30:00Z,50,5,8,10,0,10,7\n';
  const REQ = 'interval_start,agents\n2024-01-01T09:00:00Z,5\n2024-01-01T09:30:00Z,5\n';

  it("reads a plan coverage's on_phone column (after lunches and shrinkage), not the scheduled heads", async () => {
    const cwd = dirWith({ 'req.csv': REQ, 'coverage.csv': COVERAGE });
    const run = await runStaffcast(['outbound', 'req.csv', '--scheduled', 'coverage.csv', '--aht', '300'], {
      cwd,
    });
    expect(run.code).toBe(0);
    // on_phone 5.6 and 7 against 5 required: 0.6 x 1800 / 300 = 3.6 -> 3, 2 x 6 = 12 calls
    expect(run.stdout.split('\n').slice(1, 3)).toEqual([
      '2024-01-01T09:00:00Z,5,5.6,0.6,3,0',
      '2024-01-01T09:30:00Z,5,7,2,12,0',
    ]);
    expect(run.stderr).toContain(
      "outbound: agents from column 'on_phone' of coverage.csv, shrinkage 0 (the column is after shrinkage)",
    );
  });

  it('refuses a shrinkage on top of on_phone (it would count shrinkage twice)', async () => {
    const cwd = dirWith({ 'req.csv': REQ, 'coverage.csv': COVERAGE });
    const run = await runStaffcast(
      ['outbound', 'req.csv', '--scheduled', 'coverage.csv', '--aht', '300', '--shrinkage', '0.3'],
      { cwd },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "staffcast: outbound: --shrinkage 0.3: column 'on_phone' of coverage.csv is already after shrinkage; drop --shrinkage, or read the net column with --column net\n",
    );
  });

  it('reads the net column with the stated shrinkage, and requires --shrinkage for it', async () => {
    const cwd = dirWith({ 'req.csv': REQ, 'coverage.csv': COVERAGE });
    const base = ['outbound', 'req.csv', '--scheduled', 'coverage.csv', '--aht', '300', '--column', 'net'];
    const missing = await runStaffcast(base, { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^staffcast: outbound: give --shrinkage <fraction>: the share of the agents in column 'net'/,
    );
    const run = await runStaffcast([...base, '--shrinkage', '0.3'], { cwd });
    expect(run.code).toBe(0);
    // 8 x 0.7 = 5.6 and 10 x 0.7 = 7: the same as on_phone
    expect(run.stdout.split('\n').slice(1, 3)).toEqual([
      '2024-01-01T09:00:00Z,5,8,0.6,3,0',
      '2024-01-01T09:30:00Z,5,10,2,12,0',
    ]);
    expect(run.stderr).toContain("outbound: agents from column 'net' of coverage.csv, shrinkage 0.3\n");
  });

  it('refuses a schedule with only a gross column (agents at lunch included) unless --column names it', async () => {
    const cwd = dirWith({
      'req.csv': REQ,
      'gross.csv': 'interval_start,scheduled\n2024-01-01T09:00:00Z,10\n2024-01-01T09:30:00Z,10\n',
    });
    const run = await runStaffcast(['outbound', 'req.csv', '--scheduled', 'gross.csv', '--aht', '300'], {
      cwd,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "staffcast: gross.csv:1: no net column 'on_phone' or 'net' (header has: interval_start, scheduled): 'scheduled' counts agents on break too; if it counts only agents free to take calls, give --column scheduled\n",
    );
    const named = await runStaffcast(
      [
        'outbound',
        'req.csv',
        '--scheduled',
        'gross.csv',
        '--aht',
        '300',
        '--column',
        'scheduled',
        '--shrinkage',
        '0',
      ],
      { cwd },
    );
    expect(named.code).toBe(0);
    expect(named.stdout.split('\n')[1]).toBe('2024-01-01T09:00:00Z,5,10,5,30,0');
  });
});
