import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { busiestDay } from '../../src/report/busiestDay.js';

const HOUR = 3_600_000;

describe('busiestDay', () => {
  it('returns the local day with the largest sum as a slice of the arrays', () => {
    expect(busiestDay([0, HOUR, 24 * HOUR, 25 * HOUR], [1, 1, 5, 0], 'UTC')).toEqual({
      date: '1970-01-02',
      from: 2,
      to: 4,
      total: 5,
    });
  });

  it('groups by local day: 23:00 UTC is already the next day in Jerusalem', () => {
    const starts = [Date.UTC(1999, 1, 1, 20), Date.UTC(1999, 1, 1, 23)];
    expect(busiestDay(starts, [1, 3], 'Asia/Jerusalem')?.date).toBe('1999-02-02');
    expect(busiestDay(starts, [1, 3], 'UTC')).toMatchObject({ date: '1999-02-01', total: 4 });
  });

  it('returns undefined for an empty series and skips NaN', () => {
    expect(busiestDay([], [], 'UTC')).toBeUndefined();
    expect(busiestDay([0, 24 * HOUR], [Number.NaN, 2], 'UTC')?.total).toBe(2);
  });

  it('finds a day whose total is at least every other day total (ties: the earliest)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 200 }), (values) => {
        const starts = values.map((_, i) => i * 5 * HOUR);
        const best = busiestDay(starts, values, 'UTC')!;
        const totals = new Map<number, number>();
        starts.forEach((t, i) => {
          const d = Math.floor(t / (24 * HOUR));
          totals.set(d, (totals.get(d) ?? 0) + values[i]!);
        });
        const max = Math.max(...totals.values());
        expect(best.total).toBe(max);
        const firstMaxDay = [...totals].find(([, v]) => v === max)![0];
        expect(best.date).toBe(new Date(firstMaxDay * 24 * HOUR).toISOString().slice(0, 10));
      }),
    );
  });
});
