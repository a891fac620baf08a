import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BacktestResult, backtest } from '../../src/forecast/backtest.js';
import { readHistoryCsv } from '../../src/io/readHistoryCsv.js';
import type { History } from '../../src/time/history.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/forecast/${name}`, import.meta.url));

function pooled(result: BacktestResult, method: string) {
  const row = result.rows.find((r) => r.method === method && r.leadDay === 0);
  if (!row) throw new Error(`no pooled row for ${method}`);
  return row.metrics;
}

/**
 * The accuracy targets of issue 3 on copies of the real files: WAPE of auto over WAPE of the 4-week
 * historical average, 12 rolling origins spread over the last quarter of the year (any day with
 * data, Fridays and days before a gap included; leads in open days), and P10..P90 coverage (the
 * randomized PIT's, 80 % +- 3 points at both horizons on both files).
 */
describe.each([
  {
    name: 'US bank 5-min (America/New_York)',
    file: 'bank_calls_5min.csv',
    timeZone: 'America/New_York',
    originsFrom: 0.75,
    max1: 0.88,
    max7: 0.9,
    // 0.802 and 0.798 (randomized PIT, day effect with its location and shape)
    minCoverage: 0.77,
    maxCoverage: 0.83,
  },
  {
    // the fixture is Jul-Dec 1999; origins from October on = the last quarter of the year
    name: 'Israeli bank 6-min (wall clock read as UTC)',
    file: 'anonymous_bank_1999h2_6min.csv',
    timeZone: 'UTC',
    originsFrom: 0.5,
    max1: 0.95,
    max7: 0.95,
    // counts of 0-5 per 6 minutes at night: the randomized PIT counts a count on the band's edge
    // in part (0.801 and 0.789; 0.87 when a 0 with a P10 of 0 counted as inside)
    minCoverage: 0.77,
    maxCoverage: 0.83,
  },
])(
  'accuracy targets on the $name',
  ({ file, timeZone, originsFrom, max1, max7, minCoverage, maxCoverage }) => {
    let history: History;
    const results = new Map<number, BacktestResult>();
    beforeAll(async () => {
      history = (await readHistoryCsv(fixture(file), { timeZone })).history;
      for (const horizonDays of [1, 7]) {
        results.set(
          horizonDays,
          backtest(history, {
            horizonDays,
            origins: 12,
            originsFrom,
            methods: ['historical-average', 'auto'],
            quantiles: [0.1, 0.9],
          }),
        );
      }
    }, 180_000);

    it('auto beats the 4-week average by the 1-day target over at least 8 origins', () => {
      const r = results.get(1)!;
      expect(r.origins.length).toBeGreaterThanOrEqual(8);
      expect(pooled(r, 'auto').wape / pooled(r, 'historical-average').wape).toBeLessThanOrEqual(max1);
    });

    it('auto beats the 4-week average by the 7-day target', () => {
      const r = results.get(7)!;
      expect(pooled(r, 'auto').wape / pooled(r, 'historical-average').wape).toBeLessThanOrEqual(max7);
    });

    it('auto is never worse than the baseline at any lead day', () => {
      const r = results.get(7)!;
      for (let lead = 1; lead <= 7; lead++) {
        const a = r.rows.find((x) => x.method === 'auto' && x.leadDay === lead);
        const b = r.rows.find((x) => x.method === 'historical-average' && x.leadDay === lead);
        expect(a, `auto at lead ${lead}`).toBeDefined();
        expect(b, `historical-average at lead ${lead}`).toBeDefined();
        expect(a!.metrics.wape / b!.metrics.wape).toBeLessThanOrEqual(1);
      }
    });

    it('the P10..P90 interval covers minCoverage to maxCoverage of actuals at both horizons', () => {
      for (const h of [1, 7]) {
        const c = pooled(results.get(h)!, 'auto').coverage!;
        expect(c).toBeGreaterThanOrEqual(minCoverage);
        expect(c).toBeLessThanOrEqual(maxCoverage);
      }
    });

    it('the P90 holds 86 % to 94 % of actuals at both horizons', () => {
      for (const h of [1, 7]) {
        const hit = pooled(results.get(h)!, 'auto').quantileHits?.find(
          (q) => q.probability === 0.9,
        )?.fraction;
        expect(hit).toBeGreaterThanOrEqual(0.86);
        expect(hit).toBeLessThanOrEqual(0.94);
      }
    });
  },
);

describe('the 1-day goal on the US bank, every open day of the last quarter an origin', () => {
  it('auto is at most 0.85 of the 4-week average at 1 open day ahead (README figure)', async () => {
    const history = (await readHistoryCsv(fixture('bank_calls_5min.csv'), { timeZone: 'America/New_York' }))
      .history;
    const r = backtest(history, { horizonDays: 1, origins: 'all', methods: ['historical-average', 'auto'] });
    expect(r.origins.length).toBe(40); // 27 Aug - 23 Oct 2003, Fridays and the day before 14 Oct included
    expect(pooled(r, 'auto').wape / pooled(r, 'historical-average').wape).toBeLessThanOrEqual(0.85);
  }, 120_000);
});
