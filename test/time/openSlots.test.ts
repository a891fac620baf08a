import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readHistoryCsv } from '../../src/io/readHistoryCsv.js';
import { futureGrid } from '../../src/time/futureGrid.js';
import { openSlots } from '../../src/time/openSlots.js';
import { createSeries } from '../../src/time/series.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/history/${name}`, import.meta.url));

describe('openSlots', () => {
  it('learns the US bank hours: Mon-Fri 07:00-21:00 (169 five-minute slots), Sat and Sun closed', async () => {
    const { history } = await readHistoryCsv(fixture('bank_calls_5min.csv'), {
      timeZone: 'America/New_York',
    });
    const open = openSlots(history.calls);
    expect(open.closedWeekdays).toEqual([0, 6]);
    expect(open.pairs.length).toBe(5 * 169);
    expect(open.isOpen(1, 84)).toBe(true); // Monday 07:00
    expect(open.isOpen(1, 83)).toBe(false); // 06:55
    expect(open.isOpen(5, 252)).toBe(true); // Friday 21:00
    expect(open.isOpen(5, 253)).toBe(false);
    // the next week's grid: 5 days x 169 intervals
    const next = futureGrid({
      timeZone: 'America/New_York',
      intervalMinutes: 5,
      firstDay: '2003-10-25',
      days: 7,
      open: open.pairs,
    });
    expect(next.starts.length).toBe(5 * 169);
  });

  it('rejects weeks < 1', () => {
    expect(() => openSlots(createSeries('UTC', 60, [0], [1]), { weeks: 0 })).toThrow(
      'openSlots: weeks must be a whole number >= 1 (got 0)',
    );
  });
});
