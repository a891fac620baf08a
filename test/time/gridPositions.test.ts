import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeGrid } from '../../src/time/completeGrid.js';
import { formatInstant } from '../../src/time/formatInstant.js';
import { futureGrid } from '../../src/time/futureGrid.js';
import { gridPositions } from '../../src/time/gridPositions.js';
import {
  dateOfDayNumber,
  dayNumberOfDate,
  localDate,
  localMinuteOfDay,
  localWeekday,
} from '../../src/time/localCalendar.js';
import { localDayIntervals } from '../../src/time/localDayIntervals.js';
import { createSeries } from '../../src/time/series.js';

describe('local calendar of an instant', () => {
  it('gives the local date, minute of day and weekday in New York', () => {
    const t = Date.UTC(2003, 4, 5, 3); // 23:00 on Sunday 4 May, New York
    expect(localDate(t, 'America/New_York')).toBe('2003-05-04');
    expect(localMinuteOfDay(t, 'America/New_York')).toBe(23 * 60);
    expect(localWeekday(t, 'America/New_York')).toBe(0);
    expect(dayNumberOfDate('2003-05-04')).toBe(12176);
    expect(dateOfDayNumber(12176)).toBe('2003-05-04');
    expect(() => dayNumberOfDate('2003-02-29')).toThrow(
      'dayNumberOfDate: date must be a calendar date YYYY-MM-DD (got 2003-02-29)',
    );
  });

  it('formats instants with the zone offset', () => {
    expect(formatInstant(Date.UTC(2003, 4, 5, 11), 'America/New_York')).toBe('2003-05-05T07:00:00-04:00');
    expect(formatInstant(0, 'UTC')).toBe('1970-01-01T00:00:00Z');
  });
});

describe('gridPositions', () => {
  it('gives the slot of each interval within its local day, the repeated hour twice on a fall-back day', () => {
    const starts = localDayIntervals('2024-10-27', 'Europe/Madrid', 60);
    const p = gridPositions(createSeries('Europe/Madrid', 60, starts, new Float64Array(starts.length)));
    expect(Array.from(p.slots)).toEqual([
      0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
    ]);
    expect(new Set(p.dayNumbers)).toEqual(new Set([dayNumberOfDate('2024-10-27')]));
    expect(new Set(p.weekdays)).toEqual(new Set([0])); // a Sunday
    expect(p.slotsPerDay).toBe(24);
  });

  it('agrees with localMinuteOfDay and localWeekday (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberOfDate('2000-01-01'), max: dayNumberOfDate('2030-01-01') }),
        fc.constantFrom('Asia/Jerusalem', 'America/New_York', 'Asia/Kolkata'),
        fc.constantFrom(6, 15, 30),
        (day, zone, minutes) => {
          const starts = localDayIntervals(day, zone, minutes);
          const p = gridPositions(createSeries(zone, minutes, starts, new Float64Array(starts.length)));
          starts.forEach((t, i) => {
            expect(p.dayNumbers[i]).toBe(day);
            expect(p.weekdays[i]).toBe(localWeekday(t, zone));
            expect(p.slots[i]).toBe(Math.floor(localMinuteOfDay(t, zone) / minutes));
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('futureGrid', () => {
  it('keeps the open (weekday, slot) pairs of the following days', () => {
    const grid = futureGrid({
      timeZone: 'UTC',
      intervalMinutes: 60,
      firstDay: '2024-05-06',
      days: 2,
      open: [
        [1, 9],
        [2, 10],
      ],
    });
    expect(Array.from(grid.starts)).toEqual([Date.UTC(2024, 4, 6, 9), Date.UTC(2024, 4, 7, 10)]);
    expect(Array.from(grid.weekdays)).toEqual([1, 2]);
    expect(Array.from(grid.slots)).toEqual([9, 10]);
  });

  it('has 92 open quarter-hours on the New York spring-forward day when every slot is open, and skips closed weekdays', () => {
    const grid = futureGrid({
      timeZone: 'America/New_York',
      intervalMinutes: 15,
      firstDay: '2003-04-05',
      days: 3,
      open: (weekday) => weekday !== 6, // closed on Saturdays
    });
    expect(grid.starts.length).toBe(92 + 96);
    expect(dateOfDayNumber(grid.dayNumbers[0]!)).toBe('2003-04-06');
  });

  it('rejects a negative day count', () => {
    expect(() =>
      futureGrid({ timeZone: 'UTC', intervalMinutes: 60, firstDay: 0, days: -1, open: [] }),
    ).toThrow('futureGrid: days must be a whole number >= 0 (got -1)');
  });
});

describe('completeGrid', () => {
  it('leaves a never-seen slot closed on a single day', () => {
    const g = completeGrid(Float64Array.of(Date.UTC(2024, 4, 6, 9), Date.UTC(2024, 4, 6, 11)), 'UTC', 60);
    expect(g.closedIntervals).toBe(1);
    expect(g.gapIntervals).toBe(0);
    expect(Array.from(g.observed)).toEqual([0, 1]);
  });

  it('makes a reported (rejected) start a gap', () => {
    const g = completeGrid(Float64Array.of(Date.UTC(2024, 4, 6, 9), Date.UTC(2024, 4, 6, 11)), 'UTC', 60, [
      Date.UTC(2024, 4, 6, 10),
    ]);
    expect(Array.from(g.observed)).toEqual([0, -1, 1]);
    expect(g.gaps).toEqual([
      { start: Date.UTC(2024, 4, 6, 10), end: Date.UTC(2024, 4, 6, 11), intervals: 1 },
    ]);
  });
});
