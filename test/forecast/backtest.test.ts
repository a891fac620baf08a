import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { backtest } from '../../src/forecast/backtest.js';
import { MetricsAccumulator } from '../../src/forecast/metrics.js';
import { readHistoryCsv } from '../../src/io/readHistoryCsv.js';
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

  it('counts a count on the band edge in part: the randomized PIT share inside [P10, P90]', () => {
    const m = new MetricsAccumulator([0.1, 0.9]);
    // 0 calls with P10 = 0: P(Y < 0) = 0, P(Y <= 0) = 0.4, so the PIT is uniform on [0, 0.4]
    m.add(0, 1, 1, [0, 3], [0, 0.4]);
    // 3 calls at the P90 of 3: PIT uniform on [0.85, 0.95], half of it inside
    m.add(3, 1, 1, [0, 3], [0.85, 0.95]);
    // a continuous actual: PIT a point, inside or not
    m.add(1.5, 1, 1, [0, 3], [0.5, 0.5]);
    m.add(2.5, 1, 1, [0, 3], [0.95, 0.95]);
    expect(m.result().coverage).toBeCloseTo((0.75 + 0.5 + 1 + 0) / 4, 12);
  });

  it('gives the same coverage with a point PIT as the quantiles do (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (us) => {
          // quantiles 0.1 and 0.9 of a uniform(0, 1) forecast, actual u with PIT u
          const a = new MetricsAccumulator([0.1, 0.9]);
          const b = new MetricsAccumulator([0.1, 0.9]);
          for (const u of us) {
            a.add(u, 0.5, 1, [0.1, 0.9]);
            b.add(u, 0.5, 1, [0.1, 0.9], [u, u]);
          }
          expect(b.result().coverage).toBeCloseTo(a.result().coverage!, 12);
        },
      ),
    );
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

  it('calls onOrigin once per origin scored (done of total) without changing the result', () => {
    const seen: string[] = [];
    const options = { horizonDays: 1, origins: 3, methods: ['seasonal-naive'] as const };
    const watched = backtest(history, {
      ...options,
      onOrigin: (done, total) => seen.push(`${done}/${total}`),
    });
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
    expect(watched).toEqual(backtest(history, options));
  });

  it('rejects zero origins', () => {
    expect(() => backtest(history, { horizonDays: 1, origins: 0 })).toThrow(
      "backtest: origins must be a whole number >= 1 or 'all' (got 0)",
    );
  });

  it('rejects an origin date that is not followed by a day with data', () => {
    expect(() => backtest(history, { horizonDays: 1, originDates: ['2024-02-05'] })).toThrow(
      'backtest: originDates must be days with data followed by a day with data (got 2024-02-05)',
    );
  });
});

describe('backtest origins and leads in open days', () => {
  // Mon-Fri 09:00-11:00 for 6 weeks; Wednesday 2024-01-31 (day 30) is missing (a gap day);
  // each slot's value is 10 + weekday + week, so every Monday differs from the mean of the last four
  const gapDay = 30;
  const weekdays = makeHistory(42, 60, (day, w, slot) =>
    w >= 1 && w <= 5 && slot >= 9 && slot <= 11 && day !== gapDay ? 10 + w + Math.floor(day / 7) : undefined,
  );

  it('uses every open day as an origin, the Friday before a weekend and the day before a gap included', () => {
    const r = backtest(weekdays, {
      horizonDays: 1,
      origins: 'all',
      originsFrom: 0,
      methods: ['seasonal-naive'],
    });
    // rows 14.. (the 15th open day on) up to the one before the last day
    expect(r.origins[0]).toBe('2024-01-19');
    expect(r.origins).toContain('2024-01-26'); // a Friday
    expect(r.origins).toContain('2024-01-30'); // the Tuesday before the missing Wednesday
    expect(r.origins.at(-1)).toBe('2024-02-08');
    const lead1 = r.rows.find((x) => x.leadDay === 1)!.metrics;
    expect(lead1.n).toBe(3 * r.origins.length); // every origin's next open day is scored at lead 1
  });

  it('scores the Monday after a weekend at lead 1 against the 4-week average of Mondays', () => {
    const r = backtest(weekdays, {
      horizonDays: 2,
      originDates: ['2024-01-26'],
      methods: ['historical-average'],
    });
    const lead1 = r.rows.find((x) => x.leadDay === 1)!.metrics;
    // Monday 2024-01-29 (week 4): actual 15 per slot; forecast mean of weeks 0..3 = 11 + 1.5 = 12.5
    expect(lead1.n).toBe(3);
    expect(lead1.bias).toBeCloseTo(12.5 - 15, 12);
    // lead 2 is Tuesday 2024-01-30: actual 16; forecast 12 + 1.5 = 13.5
    expect(r.rows.find((x) => x.leadDay === 2)!.metrics.bias).toBeCloseTo(13.5 - 16, 12);
  });

  it('scores the first day after a gap at lead 1', () => {
    const r = backtest(weekdays, {
      horizonDays: 1,
      originDates: ['2024-01-30'],
      methods: ['historical-average'],
    });
    const lead1 = r.rows.find((x) => x.leadDay === 1)!.metrics;
    // Thursday 2024-02-01 (week 4): actual 18; forecast 14 + 1.5 = 15.5
    expect(lead1.n).toBe(3);
    expect(lead1.bias).toBeCloseTo(15.5 - 18, 12);
  });
});

/** Hourly Mon-Fri history CSV (UTC) of `days` from Monday 2024-01-01; `extra` may change any day. */
function weekdayCsv(
  days: number,
  change: (day: number) => { drop: boolean; factor: number; hours: number[]; missing: number } | undefined,
): string {
  const lines = ['interval_start,calls'];
  for (let d = 0; d < days; d++) {
    const w = (d + 1) % 7;
    if (w === 0 || w === 6) continue;
    // 08:00 opens on Wednesdays from the fourth week on
    let hours = [9, 10, 11, 12, 13, 14, 15, 16];
    if (w === 3 && d >= 21) hours = [8, ...hours];
    let factor = 1;
    let missing = -1;
    const c = change(d);
    if (c) {
      if (c.drop) continue;
      factor = c.factor;
      hours = [...new Set([...hours, ...c.hours])].sort((a, b) => a - b);
      missing = c.missing;
    }
    for (const hour of hours) {
      if (hour === missing) continue;
      const v = Math.round(factor * (20 + 3 * w + ((d * 7 + hour * 3) % 11)));
      const date = new Date(Date.UTC(2024, 0, 1 + d, hour)).toISOString().slice(0, 19);
      lines.push(`${date},${v}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const readCsv = async (text: string) =>
  (await readHistoryCsv(Readable.from([text]), { timeZone: 'UTC', fileName: 'h.csv' })).history;

describe('backtest uses no information after the origin', () => {
  // origin Tuesday 2024-01-30 (day 29); its next open day is Wednesday day 30; days from 31 on change
  const origin = '2024-01-30';
  const options = {
    horizonDays: 1,
    originDates: [origin],
    methods: ['historical-average', 'robust-profile', 'top-down', 'auto'] as const,
    quantiles: [0.1, 0.9],
  };
  const dayChange = fc.record({
    drop: fc.boolean(),
    factor: fc.double({ min: 0, max: 5, noNaN: true }),
    hours: fc.subarray([6, 7, 8, 17, 18, 20]),
    missing: fc.integer({ min: 7, max: 17 }),
  });

  it('gives the same scores whatever the file holds after the next open day', async () => {
    const base = backtest(await readCsv(weekdayCsv(49, () => undefined)), options);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(dayChange), { minLength: 18, maxLength: 18 }), async (changes) => {
        const text = weekdayCsv(49, (d) => (d >= 31 ? (changes[d - 31] ?? undefined) : undefined));
        expect(backtest(await readCsv(text), options)).toEqual(base);
      }),
      { numRuns: 25 },
    );
  });

  it('learns opening hours from the days up to the origin (08:00 on Wednesdays opens later)', async () => {
    // 08:00 opens on Wednesdays from day 23: at the origin it was seen on one Wednesday in four, so the
    // forecast leaves it closed; Wednesdays after the origin with 08:00 must not reopen it
    const all = weekdayCsv(70, () => undefined);
    const cut = weekdayCsv(31, () => undefined);
    expect(backtest(await readCsv(all), options)).toEqual(backtest(await readCsv(cut), options));
  });
});

describe('backtest: auto is scored on the forecast of the model it chose', () => {
  const fixture = new URL('../fixtures/forecast/bank_calls_5min.csv', import.meta.url);
  let history: Awaited<ReturnType<typeof readHistoryCsv>>['history'];
  beforeAll(async () => {
    history = (await readHistoryCsv(fileURLToPath(fixture), { timeZone: 'America/New_York' })).history;
  });

  it('gives auto the same rows alone as beside the models it may reuse a forecast of', () => {
    const options = { horizonDays: 3, origins: 4, quantiles: [0.1, 0.9] };
    const alone = backtest(history, { ...options, methods: ['auto'] });
    const beside = backtest(history, {
      ...options,
      methods: ['robust-profile', 'auto', 'historical-average', 'top-down'],
    });
    expect(beside.autoChoices).toEqual(alone.autoChoices);
    expect(beside.rows.filter((r) => r.method === 'auto')).toEqual(alone.rows);
    // auto chose robust-profile at every origin here: its rows are that model's, bit for bit
    expect(alone.autoChoices).toEqual(Array(4).fill('auto:robust-profile'));
    const own = beside.rows.filter((r) => r.method === 'robust-profile');
    expect(own.map((r) => ({ ...r, method: 'auto' }))).toEqual(alone.rows);
  });
});
