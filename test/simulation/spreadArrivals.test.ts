import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadArrivals } from '../../src/simulation/spreadArrivals.js';

describe('spreadArrivals', () => {
  it('keeps the count of every interval exactly, in order, within the interval', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 0, maxLength: 20 }),
        fc.constantFrom(60, 300, 900),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: -1000, max: 1000 }),
        (counts, intervalSeconds, seed, offsetSeconds) => {
          const t = spreadArrivals(counts, intervalSeconds, { seed, offsetSeconds });
          expect(t.length).toBe(counts.reduce((a, b) => a + b, 0));
          const binned = new Array(counts.length).fill(0);
          for (let i = 0; i < t.length; i++) {
            if (i > 0) expect(t[i]!).toBeGreaterThanOrEqual(t[i - 1]!);
            binned[Math.floor((t[i]! - offsetSeconds) / intervalSeconds)]++;
          }
          expect(binned).toEqual(counts);
        },
      ),
    );
  });

  it('gives the same times for a seed and other times for another seed', () => {
    const a = spreadArrivals([5, 3], 300, { seed: 4 });
    expect(spreadArrivals([5, 3], 300, { seed: 4 })).toEqual(a);
    expect(spreadArrivals([5, 3], 300, { seed: 5 })).not.toEqual(a);
  });

  it('spreads uniformly: the mean position within the interval is near one half', () => {
    const t = spreadArrivals([20_000], 100, { seed: 1 });
    const mean = t.reduce((a, b) => a + b, 0) / t.length;
    expect(Math.abs(mean - 50)).toBeLessThan(1); // 4.5 standard errors (100 / sqrt(12 x 20000) = 0.2)
  });

  it('rejects a missing or fractional count and a bad interval', () => {
    expect(() => spreadArrivals([1, Number.NaN], 60)).toThrow(
      'spreadArrivals: counts[1] must be a whole number >= 0 (NaN: missing data) (got NaN)',
    );
    expect(() => spreadArrivals([2.5], 60)).toThrow(/counts\[0\] must be a whole number/);
    expect(() => spreadArrivals([1], 0)).toThrow(/intervalSeconds must be finite and > 0/);
  });
});
