import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/forecast/forecast.js';
import { fitQuantileModel, quantileAt } from '../../src/forecast/quantiles.js';
import { makeHistory, officeHours } from './helpers.js';

describe('fitQuantileModel', () => {
  it('recovers var = mu and z = -1 / +1 from residuals of +-2 around 4', () => {
    const mu = Array.from({ length: 300 }, () => 4);
    const y = mu.map((_, i) => (i % 2 === 0 ? 2 : 6));
    const m = fitQuantileModel(mu, y, [0.9, 0.1]);
    expect(m.probabilities).toEqual([0.1, 0.9]);
    expect(m.a).toBeCloseTo(1, 12);
    expect(m.b).toBe(0);
    expect(quantileAt(m, 0, 4)).toBeCloseTo(2, 12);
    expect(quantileAt(m, 1, 4)).toBeCloseTo(6, 12);
  });

  it('falls back to an over-dispersed default (not Poisson) with few residuals', () => {
    const m = fitQuantileModel([1, 2], [1, 2], [0.5]);
    expect(m.a).toBe(1.5);
    expect(m.b).toBe(0.01);
  });

  it('never returns a negative quantile', () => {
    expect(quantileAt({ a: 1, b: 0, probabilities: [0.1], z: [-5] }, 0, 1)).toBe(0);
  });
});

describe('forecast quantiles', () => {
  it('are ordered by probability in every interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        let x = seed;
        const rand = () => {
          x = (x * 48271) % 2147483647;
          return x / 2147483647;
        };
        const h = makeHistory(84, 60, (_d, w, s) =>
          officeHours(w, s) ? Math.round(20 * (0.5 + rand())) : undefined,
        );
        const f = forecast(h, { horizonDays: 7, quantiles: [0.9, 0.1, 0.5] });
        const q = f.quantiles!;
        expect(q.map((p) => p.probability)).toEqual([0.1, 0.5, 0.9]);
        for (let i = 0; i < f.calls.length; i++) {
          expect(q[0]!.calls[i]!).toBeLessThanOrEqual(q[1]!.calls[i]!);
          expect(q[1]!.calls[i]!).toBeLessThanOrEqual(q[2]!.calls[i]!);
          expect(q[0]!.calls[i]!).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 10 },
    );
  });
});

describe('fitQuantileModel: the residual quantiles', () => {
  it('are those of the residuals (y - mu) / sqrt(a mu + b mu^2) sorted by p - q, bit for bit (property)', () => {
    const pair = fc.record({
      mu: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 60, noNaN: true }),
      ),
      y: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.double({ min: 0, max: 80, noNaN: true })),
    });
    fc.assert(
      fc.property(fc.array(pair, { minLength: 200, maxLength: 400 }), (pairs) => {
        const mu = pairs.map((q) => q.mu);
        const y = pairs.map((q) => q.y);
        const grid = [0.01, 0.1, 0.25, 0.5, 0.5, 0.75, 0.9, 0.99];
        const model = fitQuantileModel(mu, y, grid);
        const zs: number[] = [];
        pairs.forEach(({ mu: m, y: v }) => {
          const sd = Math.sqrt(model.a * m + model.b * m * m);
          if (sd > 0) zs.push((v - m) / sd);
        });
        zs.sort((p, q) => p - q);
        const expected = grid.map((p) => {
          const h = (zs.length - 1) * p;
          const lo = Math.floor(h);
          const hi = Math.min(zs.length - 1, lo + 1);
          return zs[lo]! + (h - lo) * (zs[hi]! - zs[lo]!);
        });
        expect(model.z.every((z, k) => Object.is(z, expected[k]))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
