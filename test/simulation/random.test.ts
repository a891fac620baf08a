import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/simulation/estimate.js';
import { streamStates, Variates } from '../../src/simulation/random.js';
import { simulate } from '../../src/simulation/simulate.js';
import { studentTQuantile } from '../../src/simulation/studentT.js';

/** Sample mean and variance of n draws. */
function moments(n: number, draw: () => number): { mean: number; variance: number } {
  let sum = 0;
  let squares = 0;
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = draw();
    sum += xs[i]!;
  }
  const mean = sum / n;
  for (const x of xs) squares += (x - mean) ** 2;
  return { mean, variance: squares / (n - 1) };
}

const N = 200_000;

describe('Variates: the laws the simulation draws from (200,000 draws, tolerance about 5 standard errors)', () => {
  const v = new Variates(streamStates(2024, 1));

  it('uniform: in [0, 1), mean 1/2, variance 1/12', () => {
    let min = 1;
    let max = 0;
    const m = moments(N, () => {
      const u = v.uniform();
      min = Math.min(min, u);
      max = Math.max(max, u);
      return u;
    });
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(0.002);
  });

  it('exponential: mean 1, variance 1', () => {
    const m = moments(N, () => v.exponential());
    expect(Math.abs(m.mean - 1)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.03);
  });

  it('normal: mean 0, variance 1', () => {
    const m = moments(N, () => v.normal());
    expect(Math.abs(m.mean)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.02);
  });

  for (const shape of [0.3, 1, 4, 400]) {
    it(`gamma(${shape}) by Marsaglia-Tsang: mean and variance both ${shape}`, () => {
      const m = moments(N, () => v.gamma(shape));
      expect(Math.abs(m.mean - shape)).toBeLessThan(5 * Math.sqrt(shape / N));
      expect(Math.abs(m.variance / shape - 1)).toBeLessThan(shape < 1 ? 0.06 : 0.03);
    });
  }

  it('streams of one seed differ from each other and repeat exactly', () => {
    const states = streamStates(5, 3);
    const first = (r: number) => new Variates(states.subarray(4 * r, 4 * r + 4)).uniform();
    expect(first(0)).not.toBe(first(1));
    expect(first(1)).not.toBe(first(2));
    expect(new Variates(streamStates(5, 3).subarray(8)).uniform()).toBe(first(2));
  });
});

describe('arrival and handle-time laws as simulated', () => {
  it('over-dispersed arrivals per interval: count variance mu + cv^2 mu^2 (Poisson: mu)', async () => {
    // one interval of mean 100 calls, 400 replications: the offered count's spread across replications
    const base = { intervalMinutes: 15, agents: [0], dayIndex: [0] };
    const options = { thresholdSeconds: 20, replications: 400, seed: 3 };
    const variance = (e: { standardError: number; replications: number }) =>
      e.standardError ** 2 * e.replications;
    const poisson = await simulate(
      { ...base, queues: [{ callsPerInterval: [100], ahtSeconds: 60 }] },
      options,
    );
    const dispersed = await simulate(
      {
        ...base,
        queues: [
          {
            callsPerInterval: [100],
            ahtSeconds: 60,
            arrivals: { kind: 'overdispersed', multiplierCv: 0.5, per: 'interval' },
          },
        ],
      },
      options,
    );
    expect(Math.abs(poisson.horizon.offered.mean - 100)).toBeLessThan(5 * Math.sqrt(100 / 400));
    expect(variance(poisson.horizon.offered) / 100).toBeGreaterThan(0.75);
    expect(variance(poisson.horizon.offered) / 100).toBeLessThan(1.3);
    expect(Math.abs(dispersed.horizon.offered.mean - 100)).toBeLessThan(5 * Math.sqrt(2600 / 400));
    expect(variance(dispersed.horizon.offered) / 2600).toBeGreaterThan(0.75);
    expect(variance(dispersed.horizon.offered) / 2600).toBeLessThan(1.3);
  });

  it('a day multiplier moves every interval of a day together: day counts vary, the split within a day stays Poisson', async () => {
    const options = { thresholdSeconds: 20, replications: 300, seed: 9 };
    const r = await simulate(
      {
        intervalMinutes: 720,
        agents: [0, 0, 0, 0],
        queues: [
          {
            callsPerInterval: [100, 100, 100, 100],
            ahtSeconds: 60,
            arrivals: { kind: 'overdispersed', multiplierCv: 0.3, per: 'day' },
          },
        ],
      },
      options,
    );
    const variance = (e: { standardError: number; replications: number }) =>
      e.standardError ** 2 * e.replications;
    // a day of two intervals: mean 200, variance 200 + 0.09 * 200^2 = 3800
    const day = variance(r.days[0]!.offered) / 3800;
    expect(day).toBeGreaterThan(0.7);
    expect(day).toBeLessThan(1.35);
  });
});

describe('estimate and studentTQuantile', () => {
  it('studentTQuantile matches published quantiles (scipy.stats.t.ppf)', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174694, 10);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.302652729749462, 12);
    expect(studentTQuantile(0.975, 39)).toBeCloseTo(2.022690920036761, 12);
    expect(studentTQuantile(0.995, 9)).toBeCloseTo(3.249835541592126, 12);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.9623390808264083, 12);
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-2.5705818356363155, 12);
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });

  it('estimate skips undefined replications and gives the t interval', () => {
    const e = estimate(Float64Array.of(1, 2, 3, Number.NaN), 0.95);
    expect(e.replications).toBe(3);
    expect(e.mean).toBe(2);
    expect(e.standardError).toBeCloseTo(1 / Math.sqrt(3), 15);
    expect(e.upper - e.mean).toBeCloseTo(4.302652729749462 / Math.sqrt(3), 12);
    expect(estimate(Float64Array.of(Number.NaN), 0.95).mean).toBeNaN();
    const one = estimate(Float64Array.of(5), 0.95);
    expect(one.mean).toBe(5);
    expect(one.upper).toBeNaN();
  });
});
