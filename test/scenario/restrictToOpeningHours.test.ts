import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../src/forecast/types.js';
import { restrictToOpeningHours } from '../../src/scenario/restrictToOpeningHours.js';
import { openingHoursSchema } from '../../src/schemas/scenarioFile.js';

const HOUR = 3_600_000;

/** An hourly forecast of `hours` intervals from `start`, calls = index + 1. */
function hourly(start: number, hours: number, timeZone = 'UTC'): Forecast {
  return {
    timeZone,
    intervalMinutes: 60,
    starts: Float64Array.from({ length: hours }, (_, i) => start + i * HOUR),
    calls: Float64Array.from({ length: hours }, (_, i) => i + 1),
    ahtSeconds: Float64Array.from({ length: hours }, (_, i) => 200 + i),
    quantiles: [{ probability: 0.9, calls: Float64Array.from({ length: hours }, (_, i) => 2 * (i + 1)) }],
  };
}

describe('restrictToOpeningHours', () => {
  it('keeps the intervals wholly inside an open period, with their handle times and quantiles', () => {
    // 2024-01-01 is a Monday; 24 hourly UTC intervals; open 09:00-12:30 keeps 09:00, 10:00, 11:00
    const f = restrictToOpeningHours(
      hourly(Date.UTC(2024, 0, 1), 24),
      openingHoursSchema.parse({ mon: [{ open: '09:00', close: '12:30' }] }),
    );
    expect(Array.from(f.starts)).toEqual([9, 10, 11].map((h) => Date.UTC(2024, 0, 1, h)));
    expect(Array.from(f.calls)).toEqual([10, 11, 12]);
    expect(Array.from(f.ahtSeconds ?? [])).toEqual([209, 210, 211]);
    expect(f.quantiles?.[0]?.probability).toBe(0.9);
    expect(Array.from(f.quantiles?.[0]?.calls ?? [])).toEqual([20, 22, 24]);
    expect(f.timeZone).toBe('UTC');
    expect(f.intervalMinutes).toBe(60);
  });

  it('keeps the day uncertainty of the kept intervals (scale and location per interval, the shared shape whole)', () => {
    const base = hourly(Date.UTC(2024, 0, 1), 24);
    const shape = Float64Array.of(-1, 0, 2);
    const f = restrictToOpeningHours(
      {
        ...base,
        dayLogSd: Float64Array.from({ length: 24 }, (_, i) => i / 100),
        dayLogLocation: Float64Array.from({ length: 24 }, (_, i) => -i / 1000),
        dayLogShape: shape,
      },
      openingHoursSchema.parse({ mon: [{ open: '09:00', close: '12:30' }] }),
    );
    expect(Array.from(f.dayLogSd ?? [])).toEqual([0.09, 0.1, 0.11]);
    expect(Array.from(f.dayLogLocation ?? [])).toEqual([-0.009, -0.01, -0.011]);
    expect(f.dayLogShape).toEqual(shape);
  });

  it('closes a weekday left out of the opening hours and keeps several periods of one day', () => {
    // Monday and Tuesday 2024-01-01/02: only Tuesday is listed, with a morning and an evening period
    const f = restrictToOpeningHours(
      hourly(Date.UTC(2024, 0, 1), 48),
      openingHoursSchema.parse({
        tue: [
          { open: '08:00', close: '10:00' },
          { open: '22:00', close: '24:00' },
        ],
      }),
    );
    expect(Array.from(f.starts)).toEqual([8, 9, 22, 23].map((h) => Date.UTC(2024, 0, 2, h)));
  });

  it('reads the local wall clock of the forecast zone across a DST change', () => {
    // New York, Sunday 2024-03-10: clocks jump 02:00 -> 03:00; from 05:00 UTC (00:00 EST)
    const f = restrictToOpeningHours(
      hourly(Date.UTC(2024, 2, 10, 5), 24, 'America/New_York'),
      openingHoursSchema.parse({ sun: [{ open: '08:00', close: '10:00' }] }),
    );
    // 08:00 EDT = 12:00 UTC, 09:00 EDT = 13:00 UTC (an hour earlier in UTC than on the day before)
    expect(Array.from(f.starts)).toEqual([Date.UTC(2024, 2, 10, 12), Date.UTC(2024, 2, 10, 13)]);
  });

  it('returns an empty forecast when everything is closed and leaves the input untouched', () => {
    const input = hourly(Date.UTC(2024, 0, 1), 5);
    const f = restrictToOpeningHours(input, {});
    expect(f.starts.length).toBe(0);
    expect(f.calls.length).toBe(0);
    expect(input.calls.length).toBe(5);
  });

  it('keeps a subsequence of the intervals and never adds contacts (any open period)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 }), (open, len) => {
        const close = Math.min(1440, open + len);
        fc.pre(open < close);
        const input = hourly(Date.UTC(2024, 0, 1), 24 * 7);
        const all = { mon: [{ open, close }], tue: [{ open, close }], sun: [{ open, close }] };
        const f = restrictToOpeningHours(input, all);
        const kept = new Set(Array.from(input.starts));
        for (let i = 0; i < f.starts.length; i++) {
          expect(kept.has(f.starts[i]!)).toBe(true);
          if (i > 0) expect(f.starts[i]!).toBeGreaterThan(f.starts[i - 1]!);
          const local = new Date(f.starts[i]!);
          const m = local.getUTCHours() * 60;
          expect(m >= open && m + 60 <= close).toBe(true);
        }
        // whole hours inside [open, close) on each of the 3 open days
        const perDay = Math.max(0, Math.floor(close / 60) - Math.ceil(open / 60));
        expect(f.starts.length).toBe(3 * perDay);
      }),
      { numRuns: 100 },
    );
  });
});
