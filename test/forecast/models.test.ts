import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODEL_NAMES } from '../../src/forecast/engine.js';
import { forecast } from '../../src/forecast/forecast.js';
import { MONDAY_MS, makeHistory, officeHours } from './helpers.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

describe('baseline models on a hand-made series', () => {
  // 4 weeks, office hours; Monday 09:00 is 10, 12, 14, 16 in weeks 1..4, everything else 5
  const history = makeHistory(26, 60, (day, weekday, slot) => {
    if (!officeHours(weekday, slot)) return undefined;
    return weekday === 1 && slot === 9 ? 10 + 2 * Math.floor(day / 7) : 5;
  });
  // history ends Friday 2024-01-26; horizon 3 reaches Monday 2024-01-29
  const nextMonday9 = MONDAY_MS + 28 * DAY_MS + 9 * HOUR_MS;

  it('historical-average forecasts the mean of the last 4 same-weekday slots (13)', () => {
    const f = forecast(history, { horizonDays: 3, method: 'historical-average' });
    expect(f.starts.length).toBe(3);
    expect(f.starts[0]).toBe(nextMonday9);
    expect(Array.from(f.calls)).toEqual([13, 5, 5]);
  });

  it('historical-average over the last 2 weeks forecasts 15', () => {
    const f = forecast(history, {
      horizonDays: 3,
      method: 'historical-average',
      parameters: { averageWeeks: 2 },
    });
    expect(f.calls[0]).toBe(15);
  });

  it('seasonal-naive repeats the same slot last week (16)', () => {
    const f = forecast(history, { horizonDays: 3, method: 'seasonal-naive' });
    expect(Array.from(f.calls)).toEqual([16, 5, 5]);
  });

  it('covers only the open weekdays and hours learned from history (no weekend assumed)', () => {
    const f = forecast(history, { horizonDays: 7, method: 'historical-average' });
    // Sat 27 and Sun 28 closed; Mon-Fri 29 Jan - 2 Feb open 09-12
    expect(f.starts.length).toBe(15);
    for (const s of f.starts) {
      const d = new Date(s);
      expect(d.getUTCDay()).toBeGreaterThanOrEqual(1);
      expect(d.getUTCDay()).toBeLessThanOrEqual(5);
      expect(d.getUTCHours()).toBeGreaterThanOrEqual(9);
    }
  });

  it('learns a Friday/Saturday weekend with short Fridays', () => {
    // Sunday-Thursday 08-16, Friday 08-12, Saturday closed
    const il = makeHistory(56, 60, (_d, weekday, slot) => {
      if (weekday === 6) return undefined;
      if (weekday === 5) return slot >= 8 && slot < 12 ? 3 : undefined;
      return slot >= 8 && slot < 16 ? 7 : undefined;
    });
    const f = forecast(il, { horizonDays: 7, method: 'historical-average' });
    const perDay = new Map<number, number>();
    for (const s of f.starts)
      perDay.set(new Date(s).getUTCDay(), (perDay.get(new Date(s).getUTCDay()) ?? 0) + 1);
    expect(Object.fromEntries(perDay)).toEqual({ 0: 8, 1: 8, 2: 8, 3: 8, 4: 8, 5: 4 });
  });
});

describe('top-down', () => {
  it('forecasts a growing daily total along its linear trend times the weekday profile', () => {
    // every day open 10:00-12:00 (2 slots, shares 1/4 and 3/4), totals 100 + 2 * day
    const h = makeHistory(70, 60, (day, _w, slot) => {
      if (slot !== 10 && slot !== 11) return undefined;
      const total = 100 + 2 * day;
      return slot === 10 ? total / 4 : (3 * total) / 4;
    });
    const f = forecast(h, {
      horizonDays: 1,
      method: 'top-down',
      parameters: { tdAlpha: 0.9, tdBeta: 0.9, tdPhi: 1 },
    });
    // day 70 total = 240 (a perfect linear trend is tracked exactly by Holt)
    expect(f.calls[0]).toBeCloseTo(60, 3);
    expect(f.calls[1]).toBeCloseTo(180, 3);
  });
});

describe('robust-profile', () => {
  it('skips an abnormal day (a holiday at 10 %) when learning its weekday', () => {
    const h = makeHistory(112, 60, (day, weekday, slot) => {
      if (!officeHours(weekday, slot)) return undefined;
      return day === 105 ? 2 : 20; // Monday of the last week is a near-empty holiday
    });
    const f = forecast(h, { horizonDays: 7, method: 'robust-profile' });
    const monday = f.calls.slice(0, 3);
    expect(monday).toHaveLength(3);
    for (const v of monday) expect(v).toBeCloseTo(20, 9);
    const avg = forecast(h, { horizonDays: 7, method: 'historical-average' });
    expect(avg.calls[0]).toBeCloseTo((20 * 3 + 2) / 4, 9);
  });

  it('carries part of yesterday deviation into the next day only', () => {
    // stationary with +-noise, then the last day is 30 % high
    const h = makeHistory(140, 60, (day, weekday, slot) => {
      if (!officeHours(weekday, slot)) return undefined;
      const wiggle = [0, 0.1, -0.1, 0.05, -0.05, 0.08, -0.08][day % 7]! * ((day * 7919) % 3 === 0 ? 1 : -1);
      return day === 137 ? 13 : 10 * (1 + wiggle);
    });
    const f = forecast(h, { horizonDays: 7, method: 'robust-profile' });
    const base = forecast(h, { horizonDays: 7, method: 'robust-profile', parameters: { maxPersistence: 0 } });
    expect(f.calls[0]!).toBeGreaterThanOrEqual(base.calls[0]!);
  });
});

describe('every seasonal model', () => {
  it('forecasts a perfect weekly pattern exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 7 * 4, maxLength: 7 * 4 }),
        fc.integer({ min: 1, max: 7 }),
        (pattern, horizonDays) => {
          // four 30-minute slots 08:00-10:00 every day, value by weekday and slot
          const h = makeHistory(7 * 18, 30, (_d, weekday, slot) =>
            slot >= 16 && slot < 20 ? pattern[weekday * 4 + slot - 16]! : undefined,
          );
          for (const method of MODEL_NAMES) {
            const f = forecast(h, { horizonDays, method });
            expect(f.calls.length).toBe(4 * horizonDays);
            f.starts.forEach((s, i) => {
              const d = new Date(s);
              const expected =
                pattern[d.getUTCDay() * 4 + d.getUTCHours() * 2 + d.getUTCMinutes() / 30 - 16]!;
              expect(f.calls[i]).toBeCloseTo(expected, 6);
            });
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('forecast options', () => {
  const h = makeHistory(28, 60, (_d, w, s) => (officeHours(w, s) ? 5 : undefined));

  it('rejects a horizon that is not a whole number of days', () => {
    expect(() => forecast(h, { horizonDays: 1.5 })).toThrow(
      'forecast: horizonDays must be a whole number 1..366 (got 1.5)',
    );
  });

  it('rejects quantiles outside (0, 1)', () => {
    expect(() => forecast(h, { horizonDays: 1, quantiles: [0.5, 1] })).toThrow(
      'forecast: quantiles must be probabilities strictly between 0 and 1 (got 1)',
    );
  });

  it('rejects an unknown method', () => {
    expect(() => forecast(h, { horizonDays: 1, method: 'arima' as never })).toThrow(
      /forecast: method must be 'auto' or one of/,
    );
  });

  it('reports NO_DATA for an empty history', () => {
    expect(() =>
      forecast(
        makeHistory(0, 60, () => 1),
        { horizonDays: 1 },
      ),
    ).toThrow('forecast: history has no intervals');
  });
});
