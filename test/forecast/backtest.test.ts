import { describe, expect, it } from 'vitest';
import { backtest } from '../../src/forecast/backtest.js';
import { MetricsAccumulator } from '../../src/forecast/metrics.js';
import { makeHistory } from './helpers.js';

describe('MetricsAccumulator', () => {
  it('computes WAPE, MAE, RMSE, MASE, bias and coverage by hand', () => {
    const m = new MetricsAccumulator([0.1, 0.9]);
    // actual, forecast, scale, [q10, q90]
    m.add(10, 12, 2, [8, 14]); // e = +2, inside
    m.add(20, 14, 2, [11, 17]); // e = -6, above q90
    m.add(5, 5, 1, [4, 6]); // e = 0, inside
    m.add(Number.NaN, 3, 1); // ignored
    const r = m.result();
    expect(r.n).toBe(3);
    expect(r.wape).toBeCloseTo(8 / 35, 12);
    expect(r.mae).toBeCloseTo(8 / 3, 12);
    expect(r.rmse).toBeCloseTo(Math.sqrt(40 / 3), 12);
    expect(r.mase).toBeCloseTo((1 + 3 + 0) / 3, 12);
    expect(r.bias).toBeCloseTo(-4 / 3, 12);
    expect(r.coverage).toBeCloseTo(2 / 3, 12);
    expect(r.quantileHits).toEqual([
      { probability: 0.1, fraction: 0 },
      { probability: 0.9, fraction: 2 / 3 },
    ]);
  });

  it('gives NaN MASE when the seasonal-naive scale is 0', () => {
    const m = new MetricsAccumulator();
    m.add(1, 2, 0);
    expect(m.result().mase).toBeNaN();
  });
});

describe('backtest', () => {
  // one open hour (09:00) every day; week k is 10 + (k % 2) for 5 weeks, then a jump to 20
  const history = makeHistory(36, 60, (day, _w, slot) => {
    if (slot !== 9) return undefined;
    return day < 35 ? 10 + (Math.floor(day / 7) % 2) : 20;
  });

  it('scores the last origin against hand-computed errors', () => {
    const r = backtest(history, {
      horizonDays: 1,
      origins: 1,
      methods: ['historical-average', 'seasonal-naive'],
    });
    expect(r.origins).toEqual(['2024-02-04']);
    const avg = r.rows.find((x) => x.method === 'historical-average' && x.leadDay === 1)!.metrics;
    // forecast (10 + 11 + 10 + 11) / 4 = 10.5 for an actual 20; naive scale |10 - 11| = 1
    expect(avg.n).toBe(1);
    expect(avg.wape).toBeCloseTo(9.5 / 20, 12);
    expect(avg.mae).toBeCloseTo(9.5, 12);
    expect(avg.rmse).toBeCloseTo(9.5, 12);
    expect(avg.bias).toBeCloseTo(-9.5, 12);
    expect(avg.mase).toBeCloseTo(9.5, 12);
    const naive = r.rows.find((x) => x.method === 'seasonal-naive' && x.leadDay === 0)!.metrics;
    expect(naive.mae).toBeCloseTo(10, 12);
  });

  it('reports each lead day and a pooled row per method, with auto choices', () => {
    const h = makeHistory(140, 60, (day, w, slot) =>
      slot >= 8 && slot < 12 && w !== 0 ? 10 + (day % 3) : undefined,
    );
    const r = backtest(h, { horizonDays: 3, origins: 4, quantiles: [0.1, 0.9] });
    expect(r.origins.length).toBe(4);
    expect(r.autoChoices.length).toBe(4);
    for (const m of [
      'seasonal-naive',
      'historical-average',
      'top-down',
      'holt-winters',
      'robust-profile',
      'auto',
    ]) {
      const leads = r.rows.filter((x) => x.method === m).map((x) => x.leadDay);
      expect(leads).toContain(0);
      expect(leads).toContain(1);
      for (const row of r.rows) expect(row.metrics.coverage).toBeGreaterThanOrEqual(0);
    }
  });

  it('rejects zero origins', () => {
    expect(() => backtest(history, { horizonDays: 1, origins: 0 })).toThrow(
      'backtest: origins must be a whole number >= 1 (got 0)',
    );
  });
});
