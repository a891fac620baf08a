import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayMultiplierCdf, dayMultiplierQuantile } from '../../src/forecast/dayMultiplier.js';
import { normalQuantile } from '../../src/forecast/quantiles.js';

const ascending = fc
  .array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 1, maxLength: 40 })
  .map((v) => Float64Array.from(v).sort());

describe('dayMultiplierQuantile and dayMultiplierCdf', () => {
  it('without location and shape is the lognormal with mean 1 (median exp(-s^2 / 2))', () => {
    for (const s of [0.02, 0.1, 0.3]) {
      for (const p of [0.1, 0.5, 0.9, 0.99])
        expect(dayMultiplierQuantile({ logSd: s }, p)).toBeCloseTo(
          Math.exp(-(s * s) / 2 + s * normalQuantile(p)),
          12,
        );
    }
  });

  it('puts the median at exp(logLocation) and keeps a skewed shape skewed', () => {
    const day = { logSd: 0.1, logLocation: Math.log(0.95), shape: [-1, -0.5, 0, 0.5, 3] };
    expect(dayMultiplierQuantile(day, 0.5)).toBeCloseTo(0.95, 12);
    const up = dayMultiplierQuantile(day, 0.9) / 0.95;
    const down = 0.95 / dayMultiplierQuantile(day, 0.1);
    expect(up).toBeGreaterThan(down * 1.1);
  });

  it('is a CDF inverse to the quantile, nondecreasing in p, for any ascending shape (property)', () => {
    fc.assert(
      fc.property(
        ascending,
        fc.double({ min: 0.01, max: 0.3, noNaN: true }),
        fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        fc.double({ min: 0.005, max: 0.99, noNaN: true }),
        fc.double({ min: 0.001, max: 0.005, noNaN: true }),
        (shape, logSd, logLocation, p, dp) => {
          const day = { logSd, logLocation, shape };
          const q = dayMultiplierQuantile(day, p);
          expect(dayMultiplierQuantile(day, p + dp)).toBeGreaterThanOrEqual(q);
          // ties in the shape make jumps of the CDF: at q it reaches p, just below q it stays at
          // most p (1e-9 relative steps absorb the rounding of exp and log)
          expect(dayMultiplierCdf(day, q * (1 + 1e-9))).toBeGreaterThanOrEqual(p - 1e-6);
          expect(dayMultiplierCdf(day, q * (1 - 1e-9))).toBeLessThanOrEqual(p + 1e-6);
        },
      ),
      { numRuns: 300 },
    );
  });
});
