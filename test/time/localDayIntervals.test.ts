import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumberOfDate } from '../../src/time/localCalendar.js';
import { localDayIntervals, startOfLocalDay } from '../../src/time/localDayIntervals.js';
import { nextLocalMidnight } from '../../src/time/nextLocalMidnight.js';

describe('localDayIntervals', () => {
  it('has 92 quarter-hours on the Madrid spring-forward day and 100 on the fall-back day', () => {
    expect(localDayIntervals('2024-03-31', 'Europe/Madrid', 15)).toHaveLength(92);
    expect(localDayIntervals('2024-10-27', 'Europe/Madrid', 15)).toHaveLength(100);
    expect(localDayIntervals('2024-05-06', 'Europe/Madrid', 15)).toHaveLength(96);
  });

  it('has 23, 25 and 24 hours on New York DST days of 2003 and a normal day', () => {
    expect(localDayIntervals('2003-04-06', 'America/New_York', 60)).toHaveLength(23);
    expect(localDayIntervals('2003-10-26', 'America/New_York', 60)).toHaveLength(25);
    expect(localDayIntervals('2003-05-05', 'America/New_York', 60)).toHaveLength(24);
  });

  it('skips 02:00-02:45 on the New York spring-forward day: 01:45 EST is followed by 03:00 EDT', () => {
    const day = localDayIntervals('2003-04-06', 'America/New_York', 15);
    const i = day.indexOf(Date.UTC(2003, 3, 6, 6, 45)); // 01:45 EST
    expect(day[i + 1]).toBe(Date.UTC(2003, 3, 6, 7, 0)); // 03:00 EDT
  });

  it('gives strictly increasing starts spaced by the interval, spanning local midnight to midnight, on every day (property)', () => {
    const zones = ['Europe/Madrid', 'America/New_York', 'Asia/Jerusalem', 'Australia/Lord_Howe', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberOfDate('1999-01-01'), max: dayNumberOfDate('2030-12-31') }),
        fc.constantFrom(...zones),
        fc.constantFrom(5, 6, 10, 15, 30, 60),
        (day, zone, minutes) => {
          const starts = localDayIntervals(day, zone, minutes);
          const dayStart = startOfLocalDay(day, zone);
          const dayEnd = startOfLocalDay(day + 1, zone);
          const hours = (dayEnd - dayStart) / 3_600_000;
          // a day lasts 23..25 hours; its interval count follows from its length
          if (zone !== 'Australia/Lord_Howe') expect(starts.length).toBe((hours * 60) / minutes);
          for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThan(0);
          expect(starts[0]).toBe(dayStart);
          expect(starts[starts.length - 1]!).toBeLessThan(dayEnd);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: each DST-day quarter-hour count is 96 plus 4 per hour the day gained', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2030 }),
        fc.constantFrom('Europe/Madrid', 'America/New_York'),
        (year, zone) => {
          let total = 0;
          const first = dayNumberOfDate(`${year}-01-01`);
          const last = dayNumberOfDate(`${year}-12-31`);
          const counts = new Map<number, number>();
          for (let d = first; d <= last; d++) {
            const n = localDayIntervals(d, zone, 15).length;
            counts.set(n, (counts.get(n) ?? 0) + 1);
            total += n;
          }
          // exactly one 92 and one 100 day a year in both zones since 2000
          expect(counts.get(92)).toBe(1);
          expect(counts.get(100)).toBe(1);
          expect(total).toBe((last - first + 1) * 96);
        },
      ),
      { numRuns: 5 },
    );
  });
});

describe('startOfLocalDay and nextLocalMidnight', () => {
  it('returns local midnight as an instant (04:00Z for New York in summer)', () => {
    expect(startOfLocalDay('2003-05-05', 'America/New_York')).toBe(Date.UTC(2003, 4, 5, 4));
    expect(nextLocalMidnight(Date.UTC(2003, 4, 5, 15), 'America/New_York')).toBe(Date.UTC(2003, 4, 6, 4));
  });

  it('starts a day whose midnight is skipped at the instant the clock jumped (Sao Paulo 2018-11-04)', () => {
    // Brazil moved clocks from 00:00 to 01:00 on 2018-11-04: the day starts at 03:00Z (01:00 -02:00)
    expect(startOfLocalDay('2018-11-04', 'America/Sao_Paulo')).toBe(Date.UTC(2018, 10, 4, 3));
    expect(dateOfDayNumber(dayNumberOfDate('2018-11-04'))).toBe('2018-11-04');
  });
});
