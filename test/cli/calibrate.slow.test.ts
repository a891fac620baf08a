import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrationParamsSchema } from '../../src/schemas/calibrationParams.js';
import { BANK_CALLS_GZ } from '../calibration/calibrate.helpers.js';
import { runStaffcast } from './run.js';

describe('staffcast calibrate', () => {
  let dir: string;
  let month: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'staffcast-calibrate-'));
    month = gunzipSync(readFileSync(BANK_CALLS_GZ)).toString('utf8');
    writeFileSync(join(dir, 'calls.csv'), month);
  });

  it('prints the error table and parameters, the reading report on stderr, and writes params', async () => {
    const run = await runStaffcast(['calibrate', 'calls.csv', '--params-out', 'params.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('calibrate: 33344 rows read, 33319 used, 25 rejected');
    expect(run.stderr).toContain("calls.csv:550:vru_seconds: must be a number of seconds >= 0 (got '-65')");
    expect(run.stderr).toContain('... 15 more');
    expect(run.stdout).toContain('test Erlang A');
    expect(run.stdout).toContain('Patience seconds by hour');
    expect(run.stdout).toContain('Presence rule: sessions end at idle gaps of 5 min, padded 2.5 min');
    expect(run.stdout).toContain('serviceLevel.mae');
    const params = calibrationParamsSchema.parse(JSON.parse(readFileSync(join(dir, 'params.json'), 'utf8')));
    expect(params.intervalMinutes).toBe(30);
    expect(params.thresholdSeconds).toBe(20);
  });

  it('reads stdin and prints JSON with ISO interval starts when asked', async () => {
    const run = await runStaffcast(['calibrate', '-', '--json', '--interval', '60', '--threshold', '30'], {
      stdin: month,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("stdin:550:vru_seconds: must be a number of seconds >= 0 (got '-65')");
    const out = JSON.parse(run.stdout);
    expect(out.params.intervalMinutes).toBe(60);
    expect(out.params.thresholdSeconds).toBe(30);
    expect(out.intervals).toHaveLength(28 * 24);
    expect(out.intervals[10].start).toBe('1999-02-01T10:00:00Z');
    expect(out.busyIntervals).toEqual({ train: 70, test: 70 });
    expect(out.targets).toHaveLength(8);
  });

  it('exits 2 on an interval that does not divide the day or an unknown zone', async () => {
    const bad = await runStaffcast(['calibrate', 'calls.csv', '--interval', '7'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('staffcast: calibrate: --interval must divide 1440 (got 7)\n');
    const zone = await runStaffcast(['calibrate', 'calls.csv', '--tz', 'Mars/Olympus'], { cwd: dir });
    expect(zone.code).toBe(2);
    expect(zone.stderr).toBe(
      "error: option '--tz <zone>' argument 'Mars/Olympus' is invalid. 'Mars/Olympus' is not an IANA time zone (e.g. Europe/Madrid).\n",
    );
  });

  it('uses a given session rule instead of choosing one (--gap 30 --pad 0: the one-rule factor 0.756)', async () => {
    const run = await runStaffcast(
      [
        'calibrate',
        'calls.csv',
        '--json',
        '--gap',
        '30',
        '--pad',
        '0',
        '--start',
        'steady',
        '--noise-floor',
        '0',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.presenceRule.searched).toHaveLength(1);
    expect(out.params.availabilityFactor).toBeCloseTo(0.756, 3);
    expect(out.protocol.startState).toBe('steady');
    expect(out.noiseFloor).toBeUndefined();
  });

  it('passes the protocol flags through to calibrate (--patience-from evaluated --agents queue)', async () => {
    const run = await runStaffcast(
      [
        'calibrate',
        'calls.csv',
        '--json',
        '--interval',
        '60',
        '--patience-from',
        'evaluated',
        '--agents',
        'queue',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.protocol).toEqual({
      agentsSource: 'queue',
      patienceFrom: 'evaluated',
      patienceModel: 'exponential',
      startState: 'observed',
    });
    expect(out.intervals[20].queueAtStart).toEqual(
      expect.objectContaining({ busyAgents: expect.any(Number) }),
    );
    expect(out.noiseFloor.test.replications).toBe(200);
  });

  it('takes the agents source as --agents-source; the old --agents still works with a one-line deprecation warning', async () => {
    const fast = ['--json', '--gap', '30', '--pad', '0', '--start', 'steady', '--noise-floor', '0'];
    const renamed = await runStaffcast(
      ['calibrate', 'calls.csv', ...fast, '--agents-source', 'queue', '-o', 'out.json'],
      {
        cwd: dir,
      },
    );
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toBe('');
    expect(renamed.stderr).not.toContain('deprecated');
    const written = readFileSync(join(dir, 'out.json'), 'utf8');
    expect(JSON.parse(written).protocol.agentsSource).toBe('queue');
    const old = await runStaffcast(['calibrate', 'calls.csv', ...fast, '--agents', 'queue'], { cwd: dir });
    expect(old.code).toBe(0);
    expect(old.stdout).toBe(written);
    expect(old.stderr.split('\n')[0]).toBe('staffcast: --agents is deprecated, use --agents-source');
  });

  it('exits 2 when both --agents-source and the deprecated --agents are given', async () => {
    const both = await runStaffcast(
      ['calibrate', 'calls.csv', '--agents-source', 'queue', '--agents', 'sessions'],
      { cwd: dir },
    );
    expect([both.code, both.stderr]).toEqual([
      2,
      'staffcast: calibrate: give --agents-source only (--agents is its deprecated name)\n',
    ]);
  });

  it('lists --agents-source, -o and -q in its help but not the deprecated --agents', async () => {
    const help = await runStaffcast(['calibrate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--agents-source <source>');
    expect(help.stdout).toContain('-o, --output <file>');
    expect(help.stdout).toContain('-q, --quiet');
    expect(help.stdout).not.toMatch(/--agents </);
  });

  it('exits 2 on an unknown protocol value or a sub-interval that does not divide the interval', async () => {
    const bad = await runStaffcast(['calibrate', 'calls.csv', '--start', 'empty'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'empty' is invalid");
    const sub = await runStaffcast(['calibrate', 'calls.csv', '--sub-interval', '7'], { cwd: dir });
    expect(sub.code).toBe(2);
    expect(sub.stderr).toBe('staffcast: calibrate: --sub-interval must divide --interval 30 (got 7)\n');
  });

  it('exits 2 when --pad is over half of --gap', async () => {
    const run = await runStaffcast(['calibrate', 'calls.csv', '--gap', '10', '--pad', '6'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('staffcast: calibrate: --pad must be at most half of --gap (10) (got 6)\n');
  });

  it('exits 1 naming the file when it cannot be read', async () => {
    const run = await runStaffcast(['calibrate', 'missing.csv'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('staffcast: cannot read missing.csv: no such file\n');
  });
});
