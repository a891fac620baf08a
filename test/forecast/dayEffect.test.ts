import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DayPairs, dayLogSdAt, fitDayEffect, predictiveQuantile } from '../../src/forecast/dayEffect.js';
import { streamStates, Variates } from '../../src/simulation/random.js';

/** Synthetic validation days: a known lognormal day effect (mean 1) times normal-approximated Poisson noise. */
function syntheticDays(logVar: (lead: number) => number, days: number, seed: number): DayPairs[] {
  const v = new Variates(Int32Array.from(streamStates(seed, 1)));
  const out: DayPairs[] = [];
  for (let d = 0; d < days; d++) {
    const leadDays = 1 + (d % 7);
    const s = Math.sqrt(logVar(leadDays));
    const day = Math.exp(-(s * s) / 2 + s * v.normal());
    const mu = Array.from({ length: 40 }, (_, j) => 50 + 40 * Math.sin((Math.PI * j) / 40));
    const y = mu.map((m) => Math.max(0, Math.round(day * m + Math.sqrt(day * m) * v.normal())));
    out.push({ leadDays, mu, y });
  }
  return out;
}

describe('fitDayEffect', () => {
  it('recovers a known day variance (s = 0.08 at every lead) from synthetic data', () => {
    const model = fitDayEffect(syntheticDays(() => 0.0064, 700, 7));
    for (const lead of [1, 4, 7]) expect(dayLogSdAt(model, lead)).toBeGreaterThan(0.07);
    for (const lead of [1, 4, 7]) expect(dayLogSdAt(model, lead)).toBeLessThan(0.09);
    // the interval noise once the day is known is Poisson-like
    expect(model.a).toBeGreaterThan(0.8);
    expect(model.a).toBeLessThan(1.25);
  });

  it('recovers a day effect that grows with the lead (s = 0.04 + 0.01 (lead - 1))', () => {
    const model = fitDayEffect(syntheticDays((l) => (0.04 + 0.01 * (l - 1)) ** 2, 1400, 11));
    expect(dayLogSdAt(model, 1)).toBeGreaterThan(0.03);
    expect(dayLogSdAt(model, 1)).toBeLessThan(0.05);
    expect(dayLogSdAt(model, 7)).toBeGreaterThan(0.09);
    expect(dayLogSdAt(model, 7)).toBeLessThan(0.11);
  });

  it('finds no day effect when the days carry only interval noise', () => {
    const model = fitDayEffect(syntheticDays(() => 0, 700, 3));
    expect(dayLogSdAt(model, 1)).toBeLessThan(0.015);
  });

  it('falls back to s = 0.1 with fewer than 10 days', () => {
    const model = fitDayEffect(syntheticDays(() => 0.0064, 9, 5));
    expect(model.days).toBe(0);
    expect(dayLogSdAt(model, 3)).toBeCloseTo(0.1, 12);
  });
});

describe('predictiveQuantile', () => {
  const model = fitDayEffect(syntheticDays(() => 0.0064, 300, 1));

  it('is monotone in the probability and never negative (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0.01, max: 0.98, noNaN: true }),
        fc.double({ min: 0.001, max: 0.01, noNaN: true }),
        (mu, logSd, p, dp) => {
          const lo = predictiveQuantile(model, mu, logSd, p);
          const hi = predictiveQuantile(model, mu, logSd, p + dp);
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(hi).toBeGreaterThanOrEqual(lo);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('widens the band as the day uncertainty grows', () => {
    const narrow = predictiveQuantile(model, 100, 0.02, 0.9) - predictiveQuantile(model, 100, 0.02, 0.1);
    const wide = predictiveQuantile(model, 100, 0.2, 0.9) - predictiveQuantile(model, 100, 0.2, 0.1);
    expect(wide).toBeGreaterThan(narrow + 20);
  });

  it('covers 80 % of simulated intervals between its P10 and P90 when the model is true', () => {
    const days = syntheticDays(() => 0.0064, 400, 99);
    let covered = 0;
    let n = 0;
    for (const d of days) {
      d.mu.forEach((m, j) => {
        const lo = predictiveQuantile(model, m, 0.08, 0.1);
        const hi = predictiveQuantile(model, m, 0.08, 0.9);
        if (d.y[j]! >= lo && d.y[j]! <= hi) covered++;
        n++;
      });
    }
    expect(covered / n).toBeGreaterThan(0.77);
    expect(covered / n).toBeLessThan(0.83);
  });
});
