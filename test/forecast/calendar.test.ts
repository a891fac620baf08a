import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/forecast/forecast.js';
import { createSeries } from '../../src/time/series.js';

const DAY_MS = 86_400_000;

describe('forecast grid in local time', () => {
  it('has 92 quarter-hours on the spring-forward day in Europe/Madrid', () => {
    // 8 weeks of 24-hour 15-minute data ending Saturday 2024-03-30 (local), 4 calls each
    const starts: number[] = [];
    const from = Date.UTC(2024, 1, 3) - 3_600_000; // 2024-02-03 00:00 Madrid (UTC+1)
    for (let t = from; t < Date.UTC(2024, 2, 30, 23); t += 900_000) starts.push(t);
    const h = {
      calls: createSeries(
        'Europe/Madrid',
        15,
        starts,
        starts.map(() => 4),
      ),
    };
    const f = forecast(h, { horizonDays: 2, method: 'historical-average' });
    const sunday = f.starts.filter((s) => s < Date.UTC(2024, 2, 31, 22)).length;
    expect(sunday).toBe(92);
    expect(f.starts.length).toBe(92 + 96);
    for (const v of f.calls) expect(v).toBe(4);
  });

  it('closes a holiday that the centre was closed on last year (holidays: US)', () => {
    // weekdays 09:00-12:00 UTC from 2023-06-05 to 2024-06-28, closed on US public holidays
    const closed = new Set([
      '2023-06-19',
      '2023-07-04',
      '2023-09-04',
      '2023-10-09',
      '2023-11-10',
      '2023-11-23',
      '2023-12-25',
      '2024-01-01',
      '2024-01-15',
      '2024-02-19',
      '2024-05-27',
      '2024-06-19',
    ]);
    const starts: number[] = [];
    for (let d = Date.UTC(2023, 5, 5); d <= Date.UTC(2024, 5, 28); d += DAY_MS) {
      const w = new Date(d).getUTCDay();
      if (w === 0 || w === 6 || closed.has(new Date(d).toISOString().slice(0, 10))) continue;
      for (const hour of [9, 10, 11]) starts.push(d + hour * 3_600_000);
    }
    const h = {
      calls: createSeries(
        'UTC',
        60,
        starts,
        starts.map(() => 8),
      ),
    };
    const f = forecast(h, { horizonDays: 7, method: 'historical-average', holidays: 'US' });
    const days = new Set(Array.from(f.starts, (s) => new Date(s).toISOString().slice(0, 10)));
    expect([...days]).toEqual(['2024-07-01', '2024-07-02', '2024-07-03', '2024-07-05']);
  });
});
