import { describe, expect, it } from 'vitest';
import { readIntradaySharesCsv } from '../../src/io/intradaySharesCsv.js';

describe('readIntradaySharesCsv', () => {
  it('reads weekday,time,share rows into per-weekday slots of the common interval, renormalised', () => {
    const p = readIntradaySharesCsv(
      'weekday,time,share\nMon,09:00,0.2\nmonday,09:30,0.3\nMON,10:00,0.5001\n',
      'p.csv',
    );
    expect(p.intervalMinutes).toBe(30);
    expect(p.shares[1 * 48 + 18]).toBeCloseTo(0.2 / 1.0001, 12);
    expect(p.shares[1 * 48 + 20]).toBeCloseTo(0.5001 / 1.0001, 12);
    expect(Array.from(p.open).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('names file, line and column of an unknown weekday, a bad time, a repeated slot and a bad sum', () => {
    expect(() => readIntradaySharesCsv('weekday,time,share\nMonnday,09:00,1\n', 'p.csv')).toThrow(
      "p.csv:2:weekday: not a weekday such as Mon or Monday (got 'Monnday')",
    );
    expect(() => readIntradaySharesCsv('weekday,time,share\nMon,9:00,1\n', 'p.csv')).toThrow(
      "p.csv:2:time: not a time of day HH:MM (got '9:00')",
    );
    expect(() =>
      readIntradaySharesCsv('weekday,time,share\nMon,09:00,0.5\nMon,09:00,0.5\n', 'p.csv'),
    ).toThrow('p.csv:3:time: repeated slot (first at line 2)');
    expect(() => readIntradaySharesCsv('weekday,time,share\nTue,09:00,-1\n', 'p.csv')).toThrow(
      'p.csv:2:share: negative share (got -1)',
    );
    expect(() =>
      readIntradaySharesCsv('weekday,time,share\nSun,09:00,0.5\nSun,10:00,0.4\n', 'p.csv'),
    ).toThrow('p.csv:2: the shares of Sunday sum to 0.9 (must be 1)');
  });
});
