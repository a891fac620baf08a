import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DayEffectModel,
  type DayPairs,
  dayLogSdAt,
  dayMultiplierNodes,
  fitDayEffect,
  predictiveQuantile,
  predictiveQuantiles,
} from '../../src/forecast/dayEffect.js';
import { dayMultiplierQuantile } from '../../src/forecast/dayMultiplier.js';
import { buildDayTable } from '../../src/forecast/dayTable.js';
import { forecastDays, indexSpecialDays } from '../../src/forecast/engine.js';
import { resolveForecastOptions } from '../../src/forecast/options.js';
import { streamStates, Variates } from '../../src/simulation/random.js';
import { createSeries } from '../../src/time/series.js';

/**
 * Synthetic validation days: a known lognormal day effect (mean 1) times `ratio(d)` (the actual
 * over forecast of day d, 1 = unbiased; day d is d days with data before the end) times
 * normal-approximated Poisson noise.
 */
function syntheticDays(
  logVar: (lead: number) => number,
  days: number,
  seed: number,
  ratio: (d: number) => number = () => 1,
): DayPairs[] {
  const v = new Variates(Int32Array.from(streamStates(seed, 1)));
  const out: DayPairs[] = [];
  for (let d = 0; d < days; d++) {
    const leadDays = 1 + (d % 7);
    const s = Math.sqrt(logVar(leadDays));
    const day = ratio(d) * Math.exp(-(s * s) / 2 + s * v.normal());
    const mu = Array.from({ length: 40 }, (_, j) => 50 + 40 * Math.sin((Math.PI * j) / 40));
    const y = mu.map((m) => Math.max(0, Math.round(day * m + Math.sqrt(day * m) * v.normal())));
    out.push({ leadDays, daysBeforeEnd: d, mu, y });
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

describe('fitDayEffect: the location and shape of the day multiplier', () => {
  it('puts the median multiplier below 1 when the forecast runs 5 % high on most days', () => {
    // 85 % of days 0.95 x the forecast, 15 % busy days 1.25 x: the mean ratio is about 0.99
    const model = fitDayEffect(
      syntheticDays(
        () => 0.0004,
        400,
        21,
        (d) => (d % 7 === 3 ? 1.25 : 0.95),
      ),
    );
    expect(Math.exp(model.logLocation)).toBeGreaterThan(0.93);
    expect(Math.exp(model.logLocation)).toBeLessThan(0.97);
    const nodes = dayMultiplierNodes(model, dayLogSdAt(model, 1));
    expect(nodes[24]!).toBeLessThan(0.97);
    // the busy days make a long right tail: P90 further above the median than P10 below it
    const day = { logSd: dayLogSdAt(model, 1), logLocation: model.logLocation, shape: model.logShape };
    const median = dayMultiplierQuantile(day, 0.5);
    expect(Math.log(dayMultiplierQuantile(day, 0.9) / median)).toBeGreaterThan(
      3 * Math.log(median / dayMultiplierQuantile(day, 0.1)),
    );
  });

  it('weights recent validation days more in the location (the bias drifts with the level)', () => {
    // the last 15 days with data run 7 % below the forecast, the 85 before them on it: the plain
    // median is about 1, the recent days hold two thirds of the weight
    const model = fitDayEffect(
      syntheticDays(
        () => 0.0004,
        100,
        5,
        (d) => (d < 15 ? 0.93 : 1),
      ),
    );
    expect(Math.exp(model.logLocation)).toBeLessThan(0.96);
    expect(Math.exp(model.logLocation)).toBeGreaterThan(0.91);
  });

  it('keeps the lognormal with mean 1 as the fallback below 10 days', () => {
    const model = fitDayEffect(
      syntheticDays(
        () => 0.0004,
        9,
        5,
        () => 0.9,
      ),
    );
    expect(model.logLocation).toBeCloseTo(-0.005, 12);
    expect(model.logShape.length).toBe(0);
  });
});

describe('forecastDays: the day effect is fitted from the history before the origin only', () => {
  // ten weeks of four hourly slots a day from Monday 1 January 2024, a weekly pattern plus noise
  const starts: number[] = [];
  const base: number[] = [];
  for (let d = 0; d < 70; d++)
    for (let j = 0; j < 4; j++) {
      starts.push(Date.UTC(2024, 0, 1 + d, 9 + j));
      base.push(30 + 10 * ((d * 7 + j * 3) % 5) + (d % 7 === 0 ? 15 : 0));
    }
  const originRows = 56;
  const dayEffectOf = (values: number[]) => {
    const table = buildDayTable({ calls: createSeries('UTC', 60, starts, values) });
    const { settings } = resolveForecastOptions(
      'forecast',
      { horizonDays: 7, method: 'historical-average', dayEffect: true },
      table,
    );
    return forecastDays(table, originRows, indexSpecialDays(table, []), settings).dayEffect!;
  };
  const before = dayEffectOf(base);

  it('never changes when the data after the origin change (property)', () => {
    expect(before.days).toBeGreaterThanOrEqual(10);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 56, maxLength: 56 }),
        (factors) => {
          const changed = base.map((v, i) =>
            i < originRows * 4 ? v : Math.round(v * factors[i - originRows * 4]!),
          );
          expect(dayEffectOf(changed)).toEqual(before);
        },
      ),
      { numRuns: 15 },
    );
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

/** The residual CDF of `predictiveQuantile`, as a reference: linear in the grid, clamped at its ends. */
function referenceZCdf(grid: Float64Array, z: number): number {
  const n = grid.length;
  if (n === 0) return z < 0 ? 0 : 1;
  if (z < grid[0]!) return 0.5 / n / 2;
  if (z >= grid[n - 1]!) return 1 - 0.5 / n / 2;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (grid[mid]! <= z) lo = mid;
    else hi = mid;
  }
  const span = grid[hi]! - grid[lo]!;
  return (lo + 0.5 + (span > 0 ? (z - grid[lo]!) / span : 1)) / n;
}

/** One probability's bisection, computing every CDF value afresh (the documented algorithm). */
function referenceQuantile(model: DayEffectModel, mu: number, logSd: number, p: number): number {
  if (!Number.isFinite(mu)) return Number.NaN;
  if (!(mu > 0)) return 0;
  const nodes = dayMultiplierNodes(model, logSd);
  const sds = Float64Array.from(nodes, (d) => Math.sqrt(model.a * d * mu + model.b * d * d * mu * mu));
  const cdf = (y: number): number => {
    let s = 0;
    for (let k = 0; k < nodes.length; k++) {
      const sd = sds[k]!;
      s += sd > 0 ? referenceZCdf(model.zGrid, (y - nodes[k]! * mu) / sd) : y >= nodes[k]! * mu ? 1 : 0;
    }
    return s / nodes.length;
  };
  let lo = 0;
  let hi = mu * nodes[nodes.length - 1]! + 20 * Math.max(...sds) + 1;
  if (cdf(lo) >= p) return 0;
  const tol = 1e-6 * (mu + 1);
  for (let it = 0; it < 80 && hi - lo > tol; it++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) >= p) hi = mid;
    else lo = mid;
  }
  return hi;
}

describe('predictiveQuantiles', () => {
  const fitted = [fitDayEffect([]), fitDayEffect(syntheticDays(() => 0.01, 200, 5))];
  it('gives each probability the quantile of its own bisection, bit for bit, however they share CDF values (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1),
        fc.oneof(fc.constant(0), fc.double({ min: 0, max: 300, noNaN: true })),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.array(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (m, mu, logSd, ps) => {
          const model = fitted[m]!;
          const expected = ps.map((p) => referenceQuantile(model, mu, logSd, p));
          const got = predictiveQuantiles(model, mu, logSd, ps);
          expect(got.every((q, k) => Object.is(q, expected[k]))).toBe(true);
          expect(ps.every((p, k) => Object.is(predictiveQuantile(model, mu, logSd, p), expected[k]))).toBe(
            true,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives NaN for a non-finite forecast and 0 for none, at every probability', () => {
    expect(predictiveQuantiles(fitted[1]!, Number.NaN, 0.1, [0.1, 0.9])).toEqual([Number.NaN, Number.NaN]);
    expect(predictiveQuantiles(fitted[1]!, 0, 0.1, [0.1, 0.9])).toEqual([0, 0]);
  });
});
