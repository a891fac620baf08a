import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStaffcast } from './run.js';

const cwd = 'test/fixtures/intraday';
const argv = [
  'intraday',
  '--config',
  'plan.json',
  '--actuals',
  'bank_2003-03-24_to_1130.csv',
  '--at',
  '11:30',
  '--schedule',
  'schedule.csv',
  '--release',
];

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'staffcast-intraday-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('staffcast intraday', () => {
  it('prints the day so far, the intervals left and the actions, and exits 0 with nothing on stderr', async () => {
    const r = await runStaffcast(argv, { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'intraday 2003-03-24 at 11:30 (America/New_York), 15-minute intervals, target 80.0% in 20 s, flex 5.0%, schedule: schedule.csv',
    );
    expect(lines[1]).toMatch(
      /^seen by 11:30: 12,573 calls against 13,396\.7 forecast: the rest of the day x 0\.939$/,
    );
    expect(lines).toContain('time   calls  scheduled  needed  gap  change  after      SL  SL after');
    expect(r.stdout).toMatch(
      /\nactions \(whole agents on the phones, at most 5\.0% of an interval's scheduled agents\):\n/,
    );
  });

  it('--json prints the same decision as JSON, and -o writes it to a file instead of stdout', async () => {
    const json = await runStaffcast([...argv, '--json'], { cwd });
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as {
      callsSeen: number;
      intervals: { time: string }[];
      flex: number;
    };
    expect(parsed.callsSeen).toBe(12573);
    expect(parsed.flex).toBe(0.05);
    expect(parsed.intervals[0]!.time).toBe('11:30');
    const file = join(tmp, 'out.json');
    const written = await runStaffcast([...argv, '--json', '-o', file], { cwd });
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(await readFile(file, 'utf8')).toBe(json.stdout);
  });

  it('--flex 0 gives no action and the day as scheduled', async () => {
    const r = await runStaffcast([...argv, '--json', '--flex', '0'], { cwd });
    const parsed = JSON.parse(r.stdout) as {
      actions: unknown[];
      dayServiceLevel: number;
      dayServiceLevelAfterActions: number;
    };
    expect(parsed.actions).toEqual([]);
    expect(parsed.dayServiceLevelAfterActions).toBe(parsed.dayServiceLevel);
  });

  it('without --release keeps the spare agents of a day heading above target', async () => {
    const r = await runStaffcast([...argv.filter((a) => a !== '--release'), '--json'], { cwd });
    const parsed = JSON.parse(r.stdout) as { actions: unknown[] };
    expect(parsed.actions).toEqual([]);
    const released = JSON.parse((await runStaffcast([...argv, '--json'], { cwd })).stdout) as {
      actions: unknown[];
    };
    expect(released.actions.length).toBeGreaterThan(0);
  });

  it('a missing --actuals is a usage error (exit 2)', async () => {
    const r = await runStaffcast(['intraday', '--config', 'plan.json', '--at', '11:30'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: required option '--actuals <file>' not specified\n");
  });

  it('a missing actuals file is a data error (exit 1) naming it', async () => {
    const r = await runStaffcast(
      ['intraday', '--config', 'plan.json', '--actuals', 'none.csv', '--at', '11:30'],
      { cwd },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^staffcast: .*none\.csv.*no such file/);
  });
});
