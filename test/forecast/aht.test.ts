import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/forecast/forecast.js';
import { createSeries } from '../../src/time/series.js';
import { makeHistory, officeHours } from './helpers.js';

describe('handle-time forecast', () => {
  it('is the volume-weighted AHT of the same weekday and slot', () => {
    const calls = makeHistory(56, 60, (day, w, s) =>
      officeHours(w, s) ? (day % 2 === 0 ? 10 : 30) : undefined,
    ).calls;
    // AHT 200 s on the 10-call days, 300 s on the 30-call days -> (10*200 + 30*300) / 40 = 275 on average
    const aht = createSeries(
      'UTC',
      60,
      calls.starts,
      Array.from(calls.values, (v) => (v === 10 ? 200 : 300)),
    );
    const f = forecast({ calls, ahtSeconds: aht }, { horizonDays: 7, method: 'historical-average' });
    expect(f.ahtSeconds?.length).toBeGreaterThan(0);
    for (const a of f.ahtSeconds!) {
      expect(a).toBeGreaterThanOrEqual(200);
      expect(a).toBeLessThanOrEqual(300);
    }
    // a constant AHT is forecast exactly
    const flat = createSeries(
      'UTC',
      60,
      calls.starts,
      Array.from(calls.values, () => 240),
    );
    const g = forecast({ calls, ahtSeconds: flat }, { horizonDays: 7 });
    expect(g.ahtSeconds?.length).toBeGreaterThan(0);
    for (const a of g.ahtSeconds!) expect(a).toBeCloseTo(240, 9);
  });

  it('has no AHT when the history has none', () => {
    const h = makeHistory(28, 60, (_d, w, s) => (officeHours(w, s) ? 5 : undefined));
    expect(forecast(h, { horizonDays: 1 }).ahtSeconds).toBeUndefined();
  });
});
