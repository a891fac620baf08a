import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleFileSeats } from '../../../src/app/roster/scheduleFileSeats.js';
import { readScheduleCsv } from '../../../src/io/readScheduleCsv.js';
import { writeScheduleCsv } from '../../../src/io/scheduleCsv.js';
import { scheduleSeats } from '../../../src/rostering/scheduleSeats.js';
import type { ScheduledShift } from '../../../src/scheduling/scheduleShifts.js';
import { parseShiftRules } from '../../../src/schemas/shiftRules.js';

const rules = parseShiftRules({
  shiftTypes: [
    { name: 'day', earliestStart: '06:00', latestStart: '12:00', lengthsMinutes: [480] },
    { name: 'late', earliestStart: '12:00', latestStart: '16:00', lengthsMinutes: [480] },
  ],
});
const options = {
  file: 'schedule.csv',
  rules,
  timeZone: 'Europe/Berlin',
  queue: 'sales',
  firstDay: '2024-03-25',
  lastDay: '2024-03-31',
  requirementFile: 'req.csv',
};
const MINUTE = 60_000;

/** A shift group on the real clock in the week of 25 March 2024 (Berlin springs forward on the 31st). */
const shiftArb = fc
  .record({
    type: fc.constantFrom('day', 'late'),
    day: fc.integer({ min: 0, max: 6 }),
    startQuarter: fc.integer({ min: 24, max: 64 }),
    lengthQuarters: fc.integer({ min: 16, max: 40 }),
    count: fc.integer({ min: 0, max: 3 }),
    breaks: fc.array(fc.record({ at: fc.integer({ min: 0, max: 15 }), paid: fc.boolean() }), {
      maxLength: 2,
    }),
  })
  .map((g): ScheduledShift => {
    // 22:00 UTC on 24 March is midnight of the 25th in Berlin (UTC+1 until the 31st, 02:00)
    const startMs = Date.UTC(2024, 2, 24, 23) + g.day * 86_400_000 + g.startQuarter * 15 * MINUTE;
    const endMs = startMs + g.lengthQuarters * 15 * MINUTE;
    const breaks = g.breaks.map((b, i) => ({
      name: `b${i}`,
      startTime: '',
      startSlot: 0,
      startMs: startMs + (60 + b.at * 15 + i * 240) * MINUTE,
      durationMinutes: 15,
      paid: b.paid,
    }));
    const inside = breaks.filter((b) => b.startMs + 15 * MINUTE <= endMs);
    const lengthMinutes = g.lengthQuarters * 15;
    return {
      type: g.type,
      day: 'mon',
      dayIndex: g.day,
      startSlot: 0,
      startTime: '',
      endTime: '',
      startMs,
      endMs,
      lengthMinutes,
      paidMinutes: lengthMinutes - inside.reduce((m, b) => m + (b.paid ? 0 : b.durationMinutes), 0),
      breaks: inside,
      count: g.count,
    };
  });

describe('scheduleFileSeats', () => {
  it('gives the seats scheduleSeats gives the schedule, after a trip through schedule.csv (property)', () => {
    fc.assert(
      fc.property(fc.array(shiftArb, { minLength: 1, maxLength: 8 }), (shifts) => {
        const text = writeScheduleCsv(shifts, 'Europe/Berlin');
        const fromFile = scheduleFileSeats(readScheduleCsv(text, 'schedule.csv', 'Europe/Berlin'), options);
        expect(fromFile).toEqual(scheduleSeats({ shifts, timeZone: 'Europe/Berlin' }, 'sales'));
        expect(fromFile).toHaveLength(shifts.reduce((n, s) => n + s.count, 0));
        expect(new Set(fromFile.map((s) => s.id)).size).toBe(fromFile.length);
      }),
      { numRuns: 60, seed: 13 },
    );
  });

  it('pays nothing for a shift type the rules do not pay', () => {
    const unpaid = parseShiftRules({
      shiftTypes: [
        { name: 'day', earliestStart: '06:00', latestStart: '12:00', lengthsMinutes: [480], paid: false },
      ],
    });
    const [seat] = scheduleFileSeats(
      [{ line: 2, type: 'day', startMs: 0, endMs: 480 * MINUTE, count: 1, breaks: [] }],
      { ...options, rules: unpaid, timeZone: 'UTC', firstDay: '1970-01-01', lastDay: '1970-01-01' },
    );
    expect(seat!.paidMinutes).toBe(0);
  });
});
