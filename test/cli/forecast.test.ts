import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { runStaffcast } from './run.js';

/** Six weeks of office hours (Mon-Fri 09:00-12:00), 10 calls per hour, as a history CSV. */
function historyCsv(): string {
  const lines = ['interval_start,calls'];
  for (let d = 0; d < 42; d++) {
    const date = new Date(Date.UTC(2024, 0, 1 + d));
    const w = date.getUTCDay();
    if (w === 0 || w === 6) continue;
    for (const h of [9, 10, 11])
      lines.push(`${date.toISOString().slice(0, 10)}T${String(h).padStart(2, '0')}:00:00,10`);
  }
  return `${lines.join('\n')}\n`;
}

describe('staffcast forecast', () => {
  it('writes the forecast CSV of the next open days to stdout from stdin', async () => {
    const r = await runStaffcast(['forecast', '-', '--horizon', '3', '--method', 'historical-average'], {
      stdin: historyCsv(),
    });
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('interval_start,calls');
    // history ends Friday 9 Feb; Sat/Sun closed, Monday 12 Feb 09-12
    expect(rows.slice(1)).toEqual([
      '2024-02-12T09:00:00Z,10',
      '2024-02-12T10:00:00Z,10',
      '2024-02-12T11:00:00Z,10',
    ]);
    expect(r.stderr).toMatch(/forecast: 3 intervals by historical-average/);
  });

  it('writes quantile columns and honours -o and --special-days', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staffcast-fc-'));
    writeFileSync(join(dir, 'h.csv'), historyCsv());
    writeFileSync(join(dir, 'days.csv'), 'date,label,factor\n2024-02-12,Closed,0\n');
    const r = await runStaffcast(
      [
        'forecast',
        'h.csv',
        '--horizon',
        '4',
        '--quantiles',
        '0.1,0.9',
        '--special-days',
        'days.csv',
        '-o',
        'f.csv',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const out = readFileSync(join(dir, 'f.csv'), 'utf8').trim().split('\n');
    expect(out[0]).toBe('interval_start,calls,calls_p10,calls_p90');
    expect(out.length).toBe(4); // Monday closed by factor 0, Tuesday's 3 intervals
    expect(out[1]).toMatch(/^2024-02-13T09:00:00Z,10,/);
  });

  it('exits 2 on a usage error (missing --horizon, bad quantile, unknown method)', async () => {
    expect((await runStaffcast(['forecast', '-'], { stdin: historyCsv() })).code).toBe(2);
    const q = await runStaffcast(['forecast', '-', '--horizon', '1', '--quantiles', '0.5,1.5'], {
      stdin: historyCsv(),
    });
    expect(q.code).toBe(2);
    expect(q.stderr).toContain('forecast: --quantiles must be probabilities between 0 and 1 (got 1.5)');
    expect(
      (await runStaffcast(['forecast', '-', '--horizon', '1', '--method', 'arima'], { stdin: historyCsv() }))
        .code,
    ).toBe(2);
  });

  it('exits 1 when the history file cannot be read', async () => {
    const r = await runStaffcast(['forecast', 'no-such-file.csv', '--horizon', '1'], { cwd: tmpdir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^staffcast: .*no-such-file\.csv/m);
  });
});

describe('staffcast forecast with nothing to forecast', () => {
  it('exits 1 with NO_DATA instead of writing an empty forecast', async () => {
    const rows = ['interval_start,calls', '2026-03-16T08:00:00,5', '2026-03-16T09:00:00,6'];
    const run = await runStaffcast(['forecast', '-', '--horizon', '1'], { stdin: `${rows.join('\n')}\n` });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'staffcast: forecast: no open interval in the 1 day(s) after the history ends (the history is too short to learn opening hours, or the centre is closed then)',
    );
  });
});

describe('staffcast forecast --interval', () => {
  it('re-aggregates hourly history into 2-hour intervals before forecasting', async () => {
    const r = await runStaffcast(
      ['forecast', '-', '--horizon', '3', '--method', 'historical-average', '--interval', '120'],
      { stdin: historyCsv() },
    );
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').slice(1)).toEqual([
      '2024-02-12T08:00:00Z,10',
      '2024-02-12T10:00:00Z,20',
    ]);
  });

  it('exits 2 when --interval does not divide a day', async () => {
    const r = await runStaffcast(['forecast', '-', '--horizon', '1', '--interval', '7'], {
      stdin: historyCsv(),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('forecast: --interval must divide 1440 (got 7)');
  });
});

describe('staffcast forecast --daily-totals', () => {
  /** Six weeks of weekday totals from Monday 2024-01-01: 100 on Mondays ... 140 on Fridays. */
  function totalsCsv(): string {
    const lines = ['date,calls'];
    for (let d = 0; d < 42; d++) {
      const date = new Date(Date.UTC(2024, 0, 1 + d));
      const w = date.getUTCDay();
      if (w === 0 || w === 6) continue;
      lines.push(`${date.toISOString().slice(0, 10)},${90 + 10 * w}`);
    }
    return `${lines.join('\n')}\n`;
  }

  it('splits the totals by a profile CSV and forecasts from the intervals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staffcast-daily-'));
    const rows = ['weekday,time,share'];
    for (const w of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])
      rows.push(`${w},09:00,0.2`, `${w},10:00,0.5`, `${w},11:00,0.3`);
    writeFileSync(join(dir, 'profile.csv'), `${rows.join('\n')}\n`);
    const r = await runStaffcast(
      [
        'forecast',
        '-',
        '--horizon',
        '3',
        '--method',
        'historical-average',
        '--daily-totals',
        '--profile',
        'profile.csv',
      ],
      { stdin: totalsCsv(), cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('stdin: 30 daily totals split into 90 intervals of 60 min');
    // Monday 12 Feb: total 100 split 0.2 / 0.5 / 0.3
    expect(r.stdout.trim().split('\n').slice(1)).toEqual([
      '2024-02-12T09:00:00Z,20',
      '2024-02-12T10:00:00Z,50',
      '2024-02-12T11:00:00Z,30',
    ]);
  });

  it('learns the profile from another history with --profile-from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staffcast-daily-'));
    // the office-hours history: 10 calls in each of 09:00, 10:00, 11:00 -> a third each
    writeFileSync(join(dir, 'intervals.csv'), historyCsv());
    const r = await runStaffcast(
      [
        'backtest',
        '-',
        '--horizon',
        '1',
        '--origins',
        '2',
        '--methods',
        'historical-average',
        '--json',
        '--daily-totals',
        '--profile-from',
        'intervals.csv',
      ],
      { stdin: totalsCsv(), cwd: dir },
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { rows: Array<{ leadDay: number; metrics: { n: number } }> };
    expect(json.rows.find((x) => x.leadDay === 1)!.metrics.n).toBe(2 * 3);
  });

  it('exits 2 for --profile without --daily-totals', async () => {
    const r = await runStaffcast(['forecast', '-', '--horizon', '1', '--profile', 'p.csv'], {
      stdin: historyCsv(),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('forecast: --profile, --profile-from and --profile-tz need --daily-totals');
  });
});

describe('staffcast forecast progress', () => {
  it('shows the read and forecast steps on a terminal only, and not with -q', async () => {
    const run = async (argv: string[], stderrIsTTY: boolean) => {
      let stderr = '';
      const code = await runCli(argv, {
        stdout: { write: () => true },
        stderr: { write: (s: string) => (stderr += s) },
        stdin: Readable.from([historyCsv()]),
        cwd: process.cwd(),
        env: {},
        stderrIsTTY,
      });
      return { code, stderr };
    };
    const args = ['forecast', '-', '--horizon', '3', '--method', 'historical-average'];
    const tty = await run(args, true);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/forecast: read +\d+\.\d\d s {2}90 rows\n/);
    expect(tty.stderr).toMatch(/forecast: forecast +\d+\.\d\d s {2}3 intervals by historical-average\n/);
    for (const quiet of [await run(args, false), await run([...args, '-q'], true)]) {
      expect(quiet.code).toBe(0);
      expect(quiet.stderr).not.toMatch(/forecast: (read|forecast) /);
      expect(quiet.stderr).toContain('forecast: 3 intervals by historical-average');
    }
  });
});
