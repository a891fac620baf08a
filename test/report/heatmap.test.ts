import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weeklyHeatmap } from '../../src/report/heatmap.js';

describe('weeklyHeatmap', () => {
  it('puts Monday 08:00 UTC into weekday 0, slot 8 of an hourly grid and leaves other cells NaN', () => {
    const h = weeklyHeatmap([Date.UTC(1999, 1, 1, 8)], [5], 'UTC', 60);
    expect(h.slotsPerDay).toBe(24);
    expect(h.cells).toHaveLength(168);
    expect(h.cells[8]).toEqual({ weekday: 0, slot: 8, minuteOfDay: 480, value: 5 });
    expect(h.cells.filter((c) => Number.isFinite(c.value))).toHaveLength(1);
  });

  it('averages the same local weekday and slot over weeks, skipping NaN', () => {
    const week = 7 * 86_400_000;
    const t = Date.UTC(2024, 2, 6, 9, 30); // Wednesday
    const h = weeklyHeatmap([t, t + week, t + 2 * week], [4, Number.NaN, 8], 'UTC', 30);
    expect(h.cells[2 * 48 + 19]!.value).toBe(6);
  });

  it('uses local time: 06:30 UTC on Monday 1 Feb 1999 is the 08:30 slot in Jerusalem', () => {
    const h = weeklyHeatmap([Date.UTC(1999, 1, 1, 6, 30)], [3], 'Asia/Jerusalem', 30);
    expect(h.cells[17]!.value).toBe(3);
  });

  it('folds the 100 quarter-hours of a fall-back day onto 96 local slots, averaging the repeated hour', () => {
    const tz = 'America/New_York';
    const start = new TZDate(2021, 10, 7, 0, 0, tz).getTime(); // Sunday 7 Nov 2021, 25 hours long
    const starts = Array.from({ length: 100 }, (_, i) => start + i * 900_000);
    const values = starts.map((_, i) => (i >= 4 && i < 8 ? 10 : i >= 8 && i < 12 ? 20 : 1)); // 01:00-01:45 EDT, then EST
    const h = weeklyHeatmap(starts, values, tz, 15);
    const sunday = h.cells.filter((c) => c.weekday === 6);
    expect(sunday).toHaveLength(96);
    expect(sunday.every((c) => Number.isFinite(c.value))).toBe(true);
    expect(sunday[4]!.value).toBe(15); // 01:00 local: mean of 10 (EDT) and 20 (EST)
    expect(sunday[0]!.value).toBe(1);
  });

  it('always has 7 x 1440 / intervalMinutes cells, and a constant series gives that constant wherever defined', () => {
    const divisors = [5, 6, 10, 15, 20, 30, 60, 120];
    fc.assert(
      fc.property(
        fc.constantFrom(...divisors),
        fc.integer({ min: 0, max: 400 }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (m, n, c) => {
          const t0 = Date.UTC(2024, 0, 1);
          const starts = Array.from({ length: n }, (_, i) => t0 + i * m * 60_000 * 7);
          const h = weeklyHeatmap(starts, new Array(n).fill(c), 'Europe/Madrid', m);
          expect(h.cells).toHaveLength((7 * 1440) / m);
          // every start lands in a cell: some cell is checked whenever there is a start
          expect(h.cells.some((cell) => Number.isFinite(cell.value))).toBe(n > 0);
          for (const cell of h.cells) if (Number.isFinite(cell.value)) expect(cell.value).toBeCloseTo(c, 9);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects an interval that does not divide a day and mismatched lengths', () => {
    expect(() => weeklyHeatmap([0], [1], 'UTC', 7)).toThrow(/intervalMinutes must be a whole number/);
    expect(() => weeklyHeatmap([0, 1], [1], 'UTC', 15)).toThrow(/values must have one value per start/);
  });
});
