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
