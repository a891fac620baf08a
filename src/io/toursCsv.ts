import type { ScheduledTour } from '../scheduling/scheduleShifts.js';
import { csvText } from './csvText.js';

/** The columns of a tours CSV (`staffcast schedule` with rules that ask for weekly tours). */
export const TOURS_CSV_COLUMNS = [
  'type',
  'length_minutes',
  'work_days',
  'start_times',
  'paid_hours_per_week',
  'count',
] as const;

/**
 * The weekly tours of a schedule (`ShiftSchedule.tours`) as CSV: one row per group of identical
 * tours, columns `TOURS_CSV_COLUMNS`; `work_days` and `start_times` (local `HH:MM`, one per
 * working day) are space-separated. Written through `csvText` (a shift type starting with
 * `= + - @` is prefixed with `'`). O(tours x days).
 *
 * @example
 * writeToursCsv([{ type: 'day', lengthMinutes: 480, workDays: ['mon', 'tue'], startTimes: ['08:00', '08:00'],
 *   paidHoursPerWeek: 16, count: 3 }]);
 * // 'type,length_minutes,work_days,start_times,paid_hours_per_week,count\nday,480,mon tue,08:00 08:00,16,3\n'
 */
export function writeToursCsv(tours: readonly ScheduledTour[]): string {
  const rows = tours.map((t) => ({
    type: t.type,
    length_minutes: t.lengthMinutes,
    work_days: t.workDays.join(' '),
    start_times: t.startTimes.join(' '),
    paid_hours_per_week: t.paidHoursPerWeek,
    count: t.count,
  }));
  return csvText(rows, { header: true, columns: TOURS_CSV_COLUMNS });
}
