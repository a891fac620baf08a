import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { runStaffcast } from './run.js';

const records = fileURLToPath(
  new URL('../fixtures/history/anonymous_bank_feb1999_calls_1to14.csv', import.meta.url),
);

describe('staffcast aggregate', () => {
  it('writes the 30-minute interval CSV of the February records and the reading report', async () => {
    const run = await runStaffcast([
      'aggregate',
      records,
      '--interval',
      '30',
      '--tz',
      'Asia/Jerusalem',
      '--handled-if',
      'served_by_agent=1',
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('interval_start,calls,handled,abandoned,aht_seconds');
    expect(lines).toHaveLength(1 + 14 * 48);
    expect(lines[1]).toBe('1999-02-01T00:00:00+02:00,2,0,0,');
    expect(lines[19]).toBe('1999-02-01T09:00:00+02:00,50,40,4,155.125');
    expect(run.stderr).toContain('read 17,456 rows from ');
    expect(run.stderr).toContain('17,313 used, 0 rejected, 143 excluded');
  });

  it('reads records from stdin and writes -o', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'staffcast-'));
    const run = await runStaffcast(['aggregate', '-', '--interval', '60', '-o', 'out.csv'], {
      stdin:
        'arrival,outcome\n2024-05-06T09:10:00,AGENT\n2024-05-06T09:50:00,HANG\n2024-05-06T09:55:00,PHANTOM\n',
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const out = await readFile(join(dir, 'out.csv'), 'utf8');
    // no queued column: abandoned falls back to outcome HANG; no service column: no aht_seconds
    expect(out.split('\n')[10]).toBe('2024-05-06T09:00:00Z,2,1,1');
    expect(run.stderr).toContain('read 3 rows from stdin: 2 used, 0 rejected, 1 excluded');
  });

  it('exits 2 on a missing or bad --interval and a bad --tz, 1 on a missing file or no usable records', async () => {
    expect((await runStaffcast(['aggregate', records])).code).toBe(2);
    const bad = await runStaffcast(['aggregate', records, '--interval', '7']);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'staffcast: aggregate: --interval must divide 1440 (got 7)\n',
    ]);
    const tz = await runStaffcast(['aggregate', records, '--interval', '30', '--tz', 'Mars/Base']);
    expect([tz.code, tz.stderr]).toEqual([
      2,
      "error: option '--tz <zone>' argument 'Mars/Base' is invalid. 'Mars/Base' is not an IANA time zone (e.g. Europe/Madrid).\n",
    ]);
    const missing = await runStaffcast(['aggregate', 'nope.csv', '--interval', '30'], {
      cwd: '/nonexistent',
    });
    expect([missing.code, missing.stderr]).toEqual([1, 'staffcast: cannot read nope.csv: no such file\n']);
    const empty = await runStaffcast(['aggregate', '-', '--interval', '30'], { stdin: 'arrival\n' });
    expect([empty.code, empty.stderr]).toEqual([1, 'staffcast: stdin: no data rows after the header\n']);
  });

  it('reads month-first spreadsheet times with --date-format mdy, counting every outcome class', async () => {
    const stdin =
      'arrival;outcome;queued\n05/06/2024 09:10;agent;1\n05/06/2024 09:50;Hang;1\n05/06/2024 09:55;PHANTOM;1\n';
    const run = await runStaffcast(['aggregate', '-', '--interval', '60', '--date-format', 'mdy'], { stdin });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[10]).toBe('2024-05-06T09:00:00Z,2,1,1');
    expect(run.stderr).toContain('records: 1 handled, 1 abandoned, 0 neither (offered only), 1 excluded');
    const ambiguous = await runStaffcast(['aggregate', '-', '--interval', '60'], { stdin });
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('ambiguous date order');
  });
});

describe('staffcast aggregate progress', () => {
  it('shows the streaming read as a step on a terminal, and not with -q', async () => {
    const run = async (argv: string[]) => {
      let stderr = '';
      const code = await runCli(argv, {
        stdout: { write: () => true },
        stderr: { write: (s: string) => (stderr += s) },
        stdin: Readable.from(['arrival,outcome\n2024-05-06T09:10:00,AGENT\n2024-05-06T09:50:00,HANG\n']),
        cwd: process.cwd(),
        env: {},
        stderrIsTTY: true,
      });
      return { code, stderr };
    };
    const shown = await run(['aggregate', '-', '--interval', '60']);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(/aggregate: read +\d+\.\d\d s {2}2 records\n/);
    const quiet = await run(['aggregate', '-', '--interval', '60', '-q']);
    expect(quiet.stderr).not.toContain('aggregate: read ');
    expect(quiet.stderr).toContain('read 2 rows from stdin');
  });
});
