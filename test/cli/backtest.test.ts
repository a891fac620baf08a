import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { type CliRun, runStaffcast } from './run.js';

/** Runs `staffcast <argv>` in-process as if stderr were a terminal (progress is drawn). */
async function runOnTerminal(argv: readonly string[], stdin: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([stdin]),
    cwd: process.cwd(),
    env: {},
    stderrIsTTY: true,
  });
  return { code, stdout, stderr };
}

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

describe('staffcast backtest output and progress', () => {
  it('writes the table to -o instead of stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staffcast-backtest-'));
    const args = ['backtest', '-', '--horizon', '1', '--origins', '2', '--methods', 'seasonal-naive'];
    const printed = await runStaffcast(args, { stdin: historyCsv() });
    const written = await runStaffcast([...args, '-o', 'table.txt'], { stdin: historyCsv(), cwd: dir });
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(join(dir, 'table.txt'), 'utf8')).toBe(printed.stdout);
  });

  it('draws a bar of the origins scored on a terminal, and nothing with -q', async () => {
    const args = ['backtest', '-', '--horizon', '1', '--origins', '2', '--methods', 'seasonal-naive'];
    const tty = await runOnTerminal(args, historyCsv());
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('backtest: origins  [##########----------]  50%  1/2');
    expect(tty.stderr).toMatch(/backtest: origins +\d+\.\d\d s {2}2 origins\n/);
    const quiet = await runOnTerminal([...args, '-q'], historyCsv());
    expect(quiet.stderr).not.toContain('backtest: origins');
  });
});
