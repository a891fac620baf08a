import { describe, expect, it } from 'vitest';
import { reforecastDay } from '../../src/forecast/reforecast.js';
import type { Forecast } from '../../src/forecast/types.js';
import { createSeries } from '../../src/time/series.js';

const H = 3_600_000;
const D = 24 * H;
// two days, four hourly intervals 08-12 each, 10 calls per interval
const starts = [8, 9, 10, 11].flatMap((h) => [h * H]).concat([8, 9, 10, 11].map((h) => D + h * H));
const base: Forecast = {
  timeZone: 'UTC',
  intervalMinutes: 60,
  starts: Float64Array.from(starts),
  calls: new Float64Array(8).fill(10),
  quantiles: [{ probability: 0.9, calls: new Float64Array(8).fill(14) }],
  method: 'historical-average',
};

describe('reforecastDay', () => {
  it('rescales the rest of the day by actual / forecast so far (no prior)', () => {
    const actuals = createSeries('UTC', 60, [8 * H, 9 * H], [15, 15]);
    const f = reforecastDay(base, actuals, { priorCalls: 0 });
    expect(Array.from(f.calls)).toEqual([10, 10, 15, 15, 10, 10, 10, 10]);
    expect(Array.from(f.quantiles![0]!.calls.slice(0, 4))).toEqual([14, 14, 21, 21]);
    expect(f.method).toBe('historical-average+reforecast');
  });

  it('shrinks the ratio towards 1 with the prior: (30 + 20) / (20 + 20) = 1.25', () => {
    const actuals = createSeries('UTC', 60, [8 * H, 9 * H], [15, 15]);
    const f = reforecastDay(base, actuals, { priorCalls: 20 });
    expect(f.calls[2]).toBeCloseTo(12.5, 12);
    expect(base.calls[2]).toBe(10);
  });

  it('leaves the forecast unchanged without actuals on its grid', () => {
    const f = reforecastDay(base, createSeries('UTC', 60, [3 * D], [99]));
    expect(Array.from(f.calls)).toEqual(Array.from(base.calls));
  });

  it('rejects actuals on another interval length', () => {
    expect(() => reforecastDay(base, createSeries('UTC', 30, [8 * H], [1]))).toThrow(
      'reforecastDay: actuals must be on the forecast grid (same zone and interval)',
    );
  });
});
