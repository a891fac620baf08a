import { fileURLToPath } from 'node:url';
import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { defaultTimeZone, parseTimeZone } from '../../src/cli/usage.js';
import { runStaffcast } from './run.js';

describe('parseTimeZone', () => {
  it('accepts IANA zones and UTC unchanged', () => {
    expect(parseTimeZone('America/New_York')).toBe('America/New_York');
    expect(parseTimeZone('UTC')).toBe('UTC');
  });

  it('rejects an unknown or empty zone with a usage message', () => {
    expect(() => parseTimeZone('Mars/Base')).toThrow(InvalidArgumentError);
    expect(() => parseTimeZone('')).toThrow("'' is not an IANA time zone (e.g. Europe/Madrid).");
  });

  it('makes a bad --tz a usage error (exit 2) in every command that takes it', async () => {
    const argvs = [
      ['forecast', 'h.csv', '--horizon', '1'],
      ['backtest', 'h.csv'],
      ['staff', 'f.csv', '--sl', '80/20', '--aht', '300'],
      ['outbound', 'r.csv', '--scheduled', 's.csv', '--aht', '300'],
      ['schedule', 'r.csv', '--rules', 'rules.json'],
      ['aggregate', 'c.csv', '--interval', '30'],
      ['calibrate', 'c.csv'],
    ];
    for (const argv of argvs) {
      const r = await runStaffcast([...argv, '--tz', 'Mars/Base'], { cwd: '/nonexistent' });
      expect([argv[0], r.code, r.stderr]).toEqual([
        argv[0],
        2,
        "error: option '--tz <zone>' argument 'Mars/Base' is invalid. 'Mars/Base' is not an IANA time zone (e.g. Europe/Madrid).\n",
      ]);
    }
  });
});

describe('STAFFCAST_TZ', () => {
  const history = fileURLToPath(new URL('../fixtures/plan/bank_3weeks_5min.csv', import.meta.url));
  const forecastArgs = [
    'forecast',
    history,
    '--horizon',
    '3',
    '--interval',
    '30',
    '--method',
    'seasonal-naive',
  ];

  it('is the default zone of --tz, so pipe steps need no --tz each', async () => {
    const flag = await runStaffcast([...forecastArgs, '--tz', 'America/New_York']);
    const env = await runStaffcast(forecastArgs, { env: { STAFFCAST_TZ: 'America/New_York' } });
    const utc = await runStaffcast(forecastArgs);
    expect(flag.code).toBe(0);
    expect(env.stdout).toBe(flag.stdout);
    expect(utc.stdout).not.toBe(flag.stdout);
    const staffed = await runStaffcast(['staff', '-', '--sl', '80/20', '--aht', '300'], {
      stdin: env.stdout,
      env: { STAFFCAST_TZ: 'America/New_York' },
    });
    expect(staffed.code).toBe(0);
    expect(staffed.stdout.split('\n')[1]).toMatch(/^2003-03-24T07:00:00-05:00,/);
  });

  it('gives way to an explicit --tz', async () => {
    const flag = await runStaffcast([...forecastArgs, '--tz', 'UTC']);
    const both = await runStaffcast([...forecastArgs, '--tz', 'UTC'], {
      env: { STAFFCAST_TZ: 'Asia/Tokyo' },
    });
    expect(both.stdout).toBe(flag.stdout);
  });

  it('is a usage error (exit 2) naming the variable when it is not a zone', async () => {
    const r = await runStaffcast(forecastArgs, { env: { STAFFCAST_TZ: 'Mars/Base' } });
    expect([r.code, r.stderr]).toEqual([
      2,
      "staffcast: STAFFCAST_TZ 'Mars/Base' is not an IANA time zone (e.g. Europe/Madrid)\n",
    ]);
    expect(defaultTimeZone({ STAFFCAST_TZ: '' })).toBe('UTC');
  });
});
