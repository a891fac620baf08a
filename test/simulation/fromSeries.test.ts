import { describe, expect, it } from 'vitest';
import { StaffcastError } from '../../src/errors.js';
import { simulationInputFromSeries } from '../../src/simulation/fromSeries.js';
import { simulateOnce } from '../../src/simulation/simulate.js';

const HOUR = 3_600_000;

describe('simulationInputFromSeries', () => {
  it('adds the closed intervals between rows with no calls and no agents, and maps rows to the grid', () => {
    const r = simulationInputFromSeries({
      timeZone: 'UTC',
      intervalMinutes: 60,
      starts: [0, HOUR, 3 * HOUR],
      calls: [10, 20, 30],
      ahtSeconds: [100, 200, 300],
      agents: [1, 2, 3],
    });
    expect(Array.from(r.input.agents)).toEqual([1, 2, 0, 3]);
    expect(Array.from(r.input.queues[0]!.callsPerInterval!)).toEqual([10, 20, 0, 30]);
    expect(Array.from(r.rowInterval)).toEqual([0, 1, 3]);
    expect(Array.from(r.gridStarts)).toEqual([0, HOUR, 2 * HOUR, 3 * HOUR]);
  });

  it('numbers local days in the zone, across a DST change (a 23-hour day has 23 hourly intervals)', () => {
    // New York, Sunday 6 April 2003 (spring forward): from Sat 5 April 00:00 local (05:00 UTC), 3 days hourly
    const start = Date.UTC(2003, 3, 5, 5);
    const starts = Array.from({ length: 24 + 23 + 24 }, (_, k) => start + k * HOUR);
    const r = simulationInputFromSeries({
      timeZone: 'America/New_York',
      intervalMinutes: 60,
      starts,
      calls: starts.map(() => 1),
      ahtSeconds: 60,
      agents: starts.map(() => 1),
    });
    const days = Array.from(r.input.dayIndex!);
    expect(days.filter((d) => d === 0).length).toBe(24);
    expect(days.filter((d) => d === 1).length).toBe(23);
    expect(days.filter((d) => d === 2).length).toBe(24);
    // and simulate accepts it
    expect(simulateOnce(r.input, { thresholdSeconds: 20 }).result.days.length).toBe(3);
  });

  it('carries a caller waiting at closing to the next open interval', () => {
    const r = simulationInputFromSeries(
      {
        timeZone: 'UTC',
        intervalMinutes: 60,
        starts: [0, 2 * HOUR],
        calls: [1, 0],
        ahtSeconds: 60,
        agents: [0, 1],
      },
      {},
    );
    const replay = {
      ...r.input,
      queues: [
        {
          arrivals: { kind: 'replayed' as const, arrivalSeconds: [100] },
          handleTime: { kind: 'replayed' as const, handleSeconds: [60] },
        },
      ],
    };
    expect(simulateOnce(replay, { thresholdSeconds: 20 }).calls.answeredAtSeconds[0]).toBe(7200);
  });

  it('rejects starts that are not whole intervals apart, missing counts and fractional agents', () => {
    const base = {
      timeZone: 'UTC',
      intervalMinutes: 60,
      starts: [0, HOUR],
      calls: [1, 2],
      ahtSeconds: 60,
      agents: [1, 1],
    };
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(StaffcastError);
        return (e as StaffcastError).message;
      }
      return 'no error';
    };
    expect(message(() => simulationInputFromSeries({ ...base, starts: [0, HOUR / 2] }))).toMatch(
      /^simulationInputFromSeries: starts\[1\] must be a whole number of 60-minute intervals after starts\[0\]/,
    );
    expect(message(() => simulationInputFromSeries({ ...base, calls: [1, Number.NaN] }))).toMatch(
      /calls\[1\] must be finite and >= 0 \(NaN: missing data, fill it first\)/,
    );
    expect(message(() => simulationInputFromSeries({ ...base, agents: [1, 0.5] }))).toMatch(
      /agents\[1\] must be a non-negative integer/,
    );
    expect(message(() => simulationInputFromSeries({ ...base, calls: [1] }))).toMatch(
      /calls\.length must equal starts\.length 2/,
    );
    expect(message(() => simulationInputFromSeries({ ...base, timeZone: 'Mars/Olympus' }))).toMatch(
      /^simulationInputFromSeries: timeZone must be an IANA time-zone name/,
    );
  });
});
