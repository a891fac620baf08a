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
