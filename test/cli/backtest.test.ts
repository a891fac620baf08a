import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runStaffcast } from './run.js';

/** 16 weeks, every day 08:00-12:00 hourly, a weekly pattern with a small wobble. */
function historyCsv(): string {
  const lines = ['interval_start,calls'];
  for (let d = 0; d < 112; d++) {
    const date = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
    for (const h of [8, 9, 10, 11])
      lines.push(`${date}T${String(h).padStart(2, '0')}:00:00,${10 + (d % 7) + (d % 3)}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('staffcast backtest', () => {
  it('prints the accuracy table per method and lead day', async () => {
    const r = await runStaffcast(
      ['backtest', '-', '--horizon', '2', '--origins', '3', '--methods', 'historical-average,auto'],
      { stdin: historyCsv() },
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^method\s+lead\s+intervals\s+wape\s+vs_avg\s+mae\s+rmse\s+mase\s+bias\s+coverage$/,
    );
    expect(lines.filter((l) => l.startsWith('historical-average')).length).toBe(3);
    expect(lines.filter((l) => /^auto\s+(\d|all)/.test(l)).length).toBe(3);
    expect(lines.some((l) => l.startsWith('origins: '))).toBe(true);
  });

  it('prints JSON with --json', async () => {
    const r = await runStaffcast(['backtest', '-', '--horizon', '1', '--origins', '2', '--json'], {
      stdin: historyCsv(),
    });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { horizonDays: number; origins: string[] };
    expect(json.horizonDays).toBe(1);
    expect(json.origins.length).toBe(2);
  });

  it('scores every open day of the window with --origins all, and the named days with --origin-dates', async () => {
    const all = await runStaffcast(
      [
        'backtest',
        '-',
        '--horizon',
        '1',
        '--origins',
        'all',
        '--origins-from',
        '0.9',
        '--methods',
        'seasonal-naive',
        '--json',
      ],
      { stdin: historyCsv() },
    );
    expect(all.code).toBe(0);
    // days from 0.9 of the 111-day span (day 99.9 -> 2024-04-09) up to the day before the last
    const origins = (JSON.parse(all.stdout) as { origins: string[] }).origins;
    expect(origins[0]).toBe('2024-04-10');
    expect(origins.at(-1)).toBe('2024-04-20');
    expect(origins.length).toBe(11);
    const named = await runStaffcast(
      [
        'backtest',
        '-',
        '--horizon',
        '1',
        '--origin-dates',
        '2024-03-01,2024-03-08',
        '--methods',
        'seasonal-naive',
        '--json',
      ],
      { stdin: historyCsv() },
    );
    expect(named.code).toBe(0);
    expect((JSON.parse(named.stdout) as { origins: string[] }).origins).toEqual(['2024-03-01', '2024-03-08']);
    const bad = await runStaffcast(['backtest', '-', '--horizon', '1', '--origin-dates', '1 March'], {
      stdin: historyCsv(),
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'1 March' is not a YYYY-MM-DD date.");
  });

  it('exits 2 for an unknown method and 1 for an unreadable file', async () => {
    const bad = await runStaffcast(['backtest', '-', '--horizon', '1', '--methods', 'prophet'], {
      stdin: historyCsv(),
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("backtest: --methods 'prophet' is not one of auto");
    expect((await runStaffcast(['backtest', 'missing.csv', '--horizon', '1'], { cwd: tmpdir() })).code).toBe(
      1,
    );
  });
});
