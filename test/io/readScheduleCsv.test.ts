import { describe, expect, it } from 'vitest';
import { readScheduleCsv } from '../../src/io/readScheduleCsv.js';
import { writeScheduleCsv } from '../../src/io/scheduleCsv.js';

const HEADER = 'type,start,end,count,breaks\n';

function message(text: string, zone = 'UTC'): string {
  try {
    readScheduleCsv(text, 'schedule.csv', zone);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('readScheduleCsv', () => {
  it('reads whether each break is paid, as writeScheduleCsv writes it', () => {
    const h = 3_600_000;
    const text = writeScheduleCsv(
      [
        {
          type: 'day',
          day: 'mon',
          dayIndex: 0,
          startSlot: 8,
          startTime: '08:00',
          endTime: '16:00',
          startMs: 8 * h,
          endMs: 16 * h,
          lengthMinutes: 480,
          paidMinutes: 450,
          count: 2,
          breaks: [
            {
              name: 'coffee',
              startTime: '10:00',
              startSlot: 10,
              startMs: 10 * h,
              durationMinutes: 15,
              paid: true,
            },
            {
              name: 'lunch',
              startTime: '12:00',
              startSlot: 12,
              startMs: 12 * h,
              durationMinutes: 30,
              paid: false,
            },
          ],
        },
      ],
      'UTC',
    );
    const [shift] = readScheduleCsv(text, 'schedule.csv', 'UTC');
    expect(shift!.breaks).toEqual([
      { name: 'coffee', startMs: 10 * h, minutes: 15, paid: true },
      { name: 'lunch', startMs: 12 * h, minutes: 30, paid: false },
    ]);
  });

  it('names a start that is not a real time once, without quoting the value twice', () => {
    expect(message(`${HEADER}day,2024-01-01T25:00:00Z,2024-01-01T16:00:00Z,1,\n`)).toBe(
      "schedule.csv:2:start: not a real date-time (got '2024-01-01T25:00:00Z')",
    );
  });

  it('names a break whose start is not a real time once', () => {
    expect(
      message(`${HEADER}day,2024-01-01T08:00:00Z,2024-01-01T16:00:00Z,1,lunch 2024-01-01T12:61:00Z 30min\n`),
    ).toBe("schedule.csv:2:breaks: not a real date-time (got '2024-01-01T12:61:00Z')");
  });

  it('still quotes a bad count', () => {
    expect(message(`${HEADER}day,2024-01-01T08:00:00Z,2024-01-01T16:00:00Z,1.5,\n`)).toBe(
      "schedule.csv:2:count: must be a whole number >= 0 (got '1.5')",
    );
  });
});
