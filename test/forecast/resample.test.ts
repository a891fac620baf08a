import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resampleHistory } from '../../src/forecast/resample.js';
import { createSeries } from '../../src/time/series.js';

const M = 60_000;

describe('resampleHistory', () => {
  it('sums calls and volume-weights AHT (15 -> 30 minutes)', () => {
    const starts = [480 * M, 495 * M, 510 * M];
    const h = resampleHistory(
      {
        calls: createSeries('UTC', 15, starts, [1, 2, 4]),
        ahtSeconds: createSeries('UTC', 15, starts, [100, 400, 250]),
      },
      30,
    );
    expect(Array.from(h.calls.starts)).toEqual([480 * M, 510 * M]);
    expect(Array.from(h.calls.values)).toEqual([3, 4]);
    expect(Array.from(h.ahtSeconds!.values)).toEqual([300, 250]);
  });

  it('aligns buckets in local time (Europe/Madrid, 5 -> 60 minutes)', () => {
    // 2024-05-06 08:55 and 09:00 local (UTC+2)
    const t = Date.UTC(2024, 4, 6, 6, 55);
    const h = resampleHistory({ calls: createSeries('Europe/Madrid', 5, [t, t + 5 * M], [1, 1]) }, 60);
    expect(Array.from(h.calls.starts)).toEqual([Date.UTC(2024, 4, 6, 6), Date.UTC(2024, 4, 6, 7)]);
  });

  it('preserves the total of calls', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 300 }), (values) => {
        const h = resampleHistory(
          {
            calls: createSeries(
              'UTC',
              5,
              values.map((_, i) => i * 5 * M),
              values,
            ),
          },
          30,
        );
        const total = values.reduce((a, b) => a + b, 0);
        expect(Array.from(h.calls.values).reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
  });

  it('rejects an interval that is not a multiple of the source', () => {
    expect(() => resampleHistory({ calls: createSeries('UTC', 15, [0], [1]) }, 20)).toThrow(
      'resampleHistory: intervalMinutes must be a multiple of 15 that divides 1440 (got 20)',
    );
  });
});
