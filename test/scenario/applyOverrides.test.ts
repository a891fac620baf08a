import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../src/forecast/types.js';
import { applyOverrides, scaleForecast } from '../../src/scenario/applyOverrides.js';
import type { PlanConfigInput } from '../../src/schemas/planConfig.js';

const base: PlanConfigInput = {
  history: { file: 'h.csv', timeZone: 'UTC' },
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  ahtSeconds: 300,
  rules: 'r.json',
};

function forecastOf(calls: number[], aht?: number[]): Forecast {
  const f: Forecast = {
    timeZone: 'UTC',
    intervalMinutes: 15,
    starts: Float64Array.from(calls, (_, i) => i * 900_000),
    calls: Float64Array.from(calls),
    quantiles: [{ probability: 0.9, calls: Float64Array.from(calls, (c) => c * 2) }],
  };
  if (aht !== undefined) f.ahtSeconds = Float64Array.from(aht);
  return f;
}

describe('scaleForecast', () => {
  it('computes calls x factor x (1 - deflection) + added on calls and quantiles', () => {
    const f = scaleForecast(forecastOf([100, 0, Number.NaN]), {
      volumeFactor: 1.2,
      selfServiceDeflection: 0.5,
      addedVolume: 3,
    });
    expect(Array.from(f.calls)).toEqual([63, 3, Number.NaN]);
    expect(Array.from(f.quantiles?.[0]?.calls ?? [])).toEqual([123, 3, Number.NaN]);
    expect(f.quantiles?.[0]?.probability).toBe(0.9);
  });

  it('scales a forecast handle time by ahtFactor and leaves the input untouched', () => {
    const input = forecastOf([10], [200]);
    const f = scaleForecast(input, { ahtFactor: 1.5 });
    expect(Array.from(f.ahtSeconds ?? [])).toEqual([300]);
    expect(Array.from(input.ahtSeconds ?? [])).toEqual([200]);
    expect(Array.from(input.calls)).toEqual([10]);
  });

  it('deflection d gives the same calls as volume factor 1 - d (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (calls, d) => {
          const a = scaleForecast(forecastOf(calls), { selfServiceDeflection: d });
          const b = scaleForecast(forecastOf(calls), { volumeFactor: 1 - d });
          expect(Array.from(a.calls)).toEqual(Array.from(b.calls));
        },
      ),
    );
  });
});

describe('applyOverrides', () => {
  it('multiplies the base ahtSeconds by ahtFactor and merges partial targets', () => {
    const { config, forecast } = applyOverrides(base, {
      name: 'slow',
      ahtFactor: 1.1,
      target: { serviceLevel: 0.9 },
    });
    expect(config.ahtSeconds).toBeCloseTo(330, 9);
    expect(config.target).toEqual({ serviceLevel: 0.9, thresholdSeconds: 20 });
    expect(forecast).toEqual({});
    expect(base.ahtSeconds).toBe(300);
  });

  it('moves ahtFactor to the forecast when the base has no ahtSeconds', () => {
    const { ahtSeconds: _, ...noAht } = base;
    const applied = applyOverrides(noAht, { name: 'x', ahtFactor: 0.9, volumeFactor: 1.2, addedVolume: 2 });
    expect(applied.forecast).toEqual({ ahtFactor: 0.9, volumeFactor: 1.2, addedVolume: 2 });
    expect(applied.config.ahtSeconds).toBeUndefined();
  });

  it('overrides patience, shrinkage, rules and horizon', () => {
    const { config } = applyOverrides(base, {
      name: 'x',
      patienceSeconds: 60,
      shrinkage: 0.35,
      rules: 'other.json',
      horizonDays: 3,
      ahtSeconds: 240,
    });
    expect(config).toMatchObject({
      patienceSeconds: 60,
      shrinkage: 0.35,
      rules: 'other.json',
      horizonDays: 3,
      ahtSeconds: 240,
    });
  });
});
