import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCHEDULE_CSV_COLUMNS, writeScheduleCsv } from '../../src/io/scheduleCsv.js';
import type { ScheduledShift } from '../../src/scheduling/scheduleShifts.js';

const rowsOf = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];

/** A night shift of New York crossing the fall-back change (8 h: 22:00 EDT -> 05:00 EST). */
const night: ScheduledShift = {
  type: 'night',
  day: 'sat',
  dayIndex: 0,
  startSlot: 88,
  startTime: '22:00',
  endTime: '05:00',
  startMs: Date.parse('2024-11-02T22:00:00-04:00'),
  endMs: Date.parse('2024-11-02T22:00:00-04:00') + 8 * 3_600_000,
  lengthMinutes: 480,
  paidMinutes: 450,
  breaks: [
    {
      name: 'lunch',
      startSlot: 4,
      startTime: '02:00',
      startMs: Date.parse('2024-11-03T01:00:00-05:00'),
      durationMinutes: 30,
      paid: false,
    },
    { name: 'rest', startSlot: 1, startTime: '23:00', durationMinutes: 15, paid: true },
  ],
  count: 3,
};

describe('writeScheduleCsv', () => {
  it('writes the one schedule.csv header: instants, local times, minutes, count and breaks', () => {
    expect(writeScheduleCsv([night], 'America/New_York').split('\n')[0]).toBe(
      'type,day,start,end,start_time,end_time,length_minutes,paid_minutes,count,breaks',
    );
    expect(SCHEDULE_CSV_COLUMNS.join(',')).toBe(
      'type,day,start,end,start_time,end_time,length_minutes,paid_minutes,count,breaks',
    );
  });

  it('ends a shift crossing midnight and a DST change on the next day with that day’s offset', () => {
    const [row] = rowsOf(writeScheduleCsv([night], 'America/New_York'));
    expect(row).toEqual({
      type: 'night',
      day: 'sat',
      start: '2024-11-02T22:00:00-04:00',
      end: '2024-11-03T05:00:00-05:00',
      start_time: '22:00',
      end_time: '05:00',
      length_minutes: '480',
      paid_minutes: '450',
      count: '3',
      // a break on the real clock by its instant, one without by its local time
      breaks: 'lunch 2024-11-03T01:00:00-05:00 30min; rest 23:00 15min paid',
    });
  });

  it('leaves start and end empty for a schedule without real-clock starts, keeping the local times', () => {
    const { startMs: _s, endMs: _e, ...offClock } = night;
    const [row] = rowsOf(writeScheduleCsv([offClock], 'UTC'));
    expect([row!.start, row!.end, row!.start_time, row!.end_time]).toEqual(['', '', '22:00', '05:00']);
  });

  it('writes the header even without shifts', () => {
    expect(writeScheduleCsv([], 'UTC')).toBe(`${SCHEDULE_CSV_COLUMNS.join(',')}\n`);
  });

  it("prefixes a shift type or break name starting with = + - @ with '", () => {
    const rows = rowsOf(
      writeScheduleCsv([{ ...night, type: '=day', breaks: [{ ...night.breaks[1]!, name: '@rest' }] }], 'UTC'),
    );
    expect(rows[0]!.type).toBe("'=day");
    expect(rows[0]!.breaks).toBe("'@rest 23:00 15min paid");
  });

  it('writes one row per group of shifts with its count, whatever the shifts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            type: fc.string({ maxLength: 6 }),
            count: fc.integer({ min: 1, max: 500 }),
            startHour: fc.integer({ min: 0, max: 23 }),
          }),
          { maxLength: 12 },
        ),
        (groups) => {
          const shifts = groups.map(
            (g): ScheduledShift => ({
              ...night,
              breaks: [],
              type: g.type,
              count: g.count,
              startMs: Date.UTC(2024, 0, 1, g.startHour),
              endMs: Date.UTC(2024, 0, 1, g.startHour + 8),
            }),
          );
          const rows = rowsOf(writeScheduleCsv(shifts, 'UTC'));
          expect(rows).toHaveLength(shifts.length);
          expect(rows.map((r) => Number(r.count))).toEqual(groups.map((g) => g.count));
          expect(rows.map((r) => Date.parse(r.start!))).toEqual(shifts.map((s) => s.startMs));
        },
      ),
    );
  });
});
