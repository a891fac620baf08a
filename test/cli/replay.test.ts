import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runStaffcast } from './run.js';

const cwd = fileURLToPath(new URL('../fixtures/replay/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'staffcast-replay-'));

describe('staffcast replay', () => {
  it('writes the day and week CSVs and the report, prints the summary, and the JSON with --json', async () => {
    const out = join(tmp, 'out');
    const r = await runStaffcast(['replay', '--config', 'replay.json', '--weeks', '1', '-o', out, '--json'], {
      cwd,
    });
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['replay.html', 'replay_days.csv', 'replay_weeks.csv']);
    const days = readFileSync(join(out, 'replay_days.csv'), 'utf8').trim().split('\n');
    expect(days).toHaveLength(1 + 5);
    expect(days[5]).toMatch(/^2024-01-19,1,replayed,80,160,1,0\.5,0\.8\d*,[\d.]+,0,/);
    const json = JSON.parse(r.stdout);
    expect(json.total.daysReplayed).toBe(5);
    expect(json.days[4].meetsTarget).toBe(false);
    expect(readFileSync(join(out, 'replay.html'), 'utf8')).toContain(
      'Promised vs realised service level per day',
    );
    expect(r.stderr).toBe(''); // no terminal: no progress
  }, 60_000);

  it('prints the week table and the days that missed on stdout', async () => {
    const r = await runStaffcast(
      ['replay', '--config', 'replay.json', '--weeks', '1', '--calls', 'calls.csv', '-o', join(tmp, 'calls')],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Days meeting the target: 1 of 2 (50.0%)');
    expect(r.stdout).toContain('Missed: Tue 16 Jan 40.0%');
    expect(r.stdout).toContain(
      'Planned days without real data (not scored): Wed 17 Jan, Thu 18 Jan, Fri 19 Jan',
    );
    expect(r.stderr).toBe('read 19 call records from calls.csv: 19 used, 0 rejected\n');
  }, 60_000);

  it('exits 2 for --weeks 0 or no --config, and 1 for too little history before the first week', async () => {
    const zero = await runStaffcast(['replay', '--config', 'replay.json', '--weeks', '0'], { cwd });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toBe(
      "error: option '--weeks <n>' argument '0' is invalid. '0' must be a whole number >= 1.\n",
    );
    expect((await runStaffcast(['replay'], { cwd })).code).toBe(2);
    const long = await runStaffcast(
      ['replay', '--config', 'replay.json', '--weeks', '3', '-o', join(tmp, 'x')],
      {
        cwd,
      },
    );
    expect(long.code).toBe(1);
    expect(long.stderr).toMatch(
      /^staffcast: replay\.json: steady\.csv: not enough history to replay 3 weeks/,
    );
    expect(long.stdout).toBe('');
  });
  it('--intraday 09:30 --flex 1 ends the summary with the days met with and without intraday management', async () => {
    const r = await runStaffcast(
      [
        'replay',
        '--config',
        'replay.json',
        '--weeks',
        '1',
        '--intraday',
        '09:30',
        '--flex',
        '1',
        '-o',
        join(tmp, 'intraday'),
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /\nintraday at 09:30 \(flex 100\.0%\): 4 of 5 days meet the target \(4 without\): 0 saved, 0 lost; realised [\d.]+%, \+1\.5 agent-hours on the phones\n$/,
    );
  }, 60_000);

  it('--intraday with a time that is not HH:MM is a usage error', async () => {
    const r = await runStaffcast(['replay', '--config', 'replay.json', '--intraday', '9:00'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: option '--intraday <times>' argument '9:00' is invalid. '9:00' is not a time of day (write HH:MM, e.g. 11:00,14:00).\n",
    );
  });
});
