import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseTimeZone } from '../../src/cli/usage.js';
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
