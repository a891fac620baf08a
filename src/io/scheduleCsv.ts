import type { ScheduledShift } from '../scheduling/scheduleShifts.js';
import { formatInstant } from '../time/formatInstant.js';
import { csvText } from './csvText.js';

/**
 * The columns of `schedule.csv` (`staffcast plan` and `staffcast schedule`), in file order:
 * shift type, local weekday, start and end instants (ISO-8601 with the offset of the zone; empty
 * for a schedule without real-clock starts), local start and end times of day (`HH:MM`), length
 * and paid minutes, number of agents on the shift, and its breaks.
 */
export const SCHEDULE_CSV_COLUMNS = [
  'type',
  'day',
  'start',
  'end',
  'start_time',
  'end_time',
  'length_minutes',
  'paid_minutes',
  'count',
  'breaks',
] as const;

/** Instant as ISO-8601 with the zone's offset; '' when there is none (no real clock). */
function instant(ms: number | undefined, timeZone: string): string {
  return ms === undefined || !Number.isFinite(ms) ? '' : formatInstant(ms, timeZone);
}

/**
 * The one `schedule.csv` format (DESIGN.md section 5) of a schedule's shifts
 * (`ShiftSchedule.shifts`): one row per group of identical shifts, columns
 * `SCHEDULE_CSV_COLUMNS`. `start`/`end` are the real instants in `timeZone` (`formatInstant`; the
 * end is the shift's `endMs`, so a shift crossing midnight or a DST change ends on the right day
 * and offset), `start_time`/`end_time` the local clock times. `breaks` lists each break as
 * `<name> <start> <minutes>min[ paid]` joined by `; `, its start the ISO instant when the shift is
 * on the real clock, else its local `HH:MM`. Written through `csvText`: a shift type or break name
 * starting with `= + - @` is prefixed with `'`. The header is written even without shifts. O(shifts
 * x breaks).
 *
 * @example
 * writeScheduleCsv([{ type: 'day', day: 'mon', dayIndex: 0, startSlot: 2, startTime: '02:00', endTime: '06:00',
 *   startMs: Date.UTC(2024, 0, 1, 2), endMs: Date.UTC(2024, 0, 1, 6), lengthMinutes: 240, paidMinutes: 240,
 *   breaks: [], count: 2 }], 'UTC');
 * // 'type,day,start,end,start_time,end_time,length_minutes,paid_minutes,count,breaks\n' +
 * // 'day,mon,2024-01-01T02:00:00Z,2024-01-01T06:00:00Z,02:00,06:00,240,240,2,\n'
 */
export function writeScheduleCsv(shifts: readonly ScheduledShift[], timeZone: string): string {
  const rows = shifts.map((sh) => ({
    type: sh.type,
    day: sh.day,
    start: instant(sh.startMs, timeZone),
    end: instant(sh.endMs, timeZone),
    start_time: sh.startTime,
    end_time: sh.endTime,
    length_minutes: sh.lengthMinutes,
    paid_minutes: sh.paidMinutes,
    count: sh.count,
    breaks: sh.breaks
      .map((b) => {
        const at = b.startMs === undefined ? b.startTime : instant(b.startMs, timeZone);
        return `${b.name} ${at} ${b.durationMinutes}min${b.paid ? ' paid' : ''}`;
      })
      .join('; '),
  }));
  return csvText(rows, { header: true, columns: SCHEDULE_CSV_COLUMNS });
}
