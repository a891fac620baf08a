import { invalidInput } from '../errors.js';
import { dayNumberOfDate } from './localCalendar.js';
import { resolveLocalTime } from './resolveLocalTime.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function toDayNumber(day: string | number): number {
  return typeof day === 'number' ? day : dayNumberOfDate(day);
}

/**
 * Epoch-ms starts of the intervals of one local day, aligned in local wall-clock time: the slots
 * 00:00, 00:15, ... of that date, each resolved in `timeZone`. A slot skipped by a spring-forward
 * change is absent and a slot repeated by a fall-back change appears twice, so a 15-minute day
 * has 92 intervals on a spring-forward day, 100 on a fall-back day and 96 otherwise. Sorted
 * ascending. O(1440 / intervalMinutes).
 *
 * @param day local date `YYYY-MM-DD` or local day number (`localDayNumber`).
 * @throws StaffcastError `INVALID_INPUT` when `intervalMinutes` does not divide 1440.
 * @example
 * localDayIntervals('2024-03-31', 'Europe/Madrid', 15).length; // 92
 * localDayIntervals('2024-10-27', 'Europe/Madrid', 15).length; // 100
 * localDayIntervals('2024-05-06', 'UTC', 60)[7] === Date.UTC(2024, 4, 6, 7); // true
 */
export function localDayIntervals(
  day: string | number,
  timeZone: string,
  intervalMinutes: number,
): Float64Array {
  checkInterval('localDayIntervals', intervalMinutes);
  const dayWall = toDayNumber(day) * DAY_MS;
  const out: number[] = [];
  for (let minute = 0; minute < 1440; minute += intervalMinutes) {
    const r = resolveLocalTime(dayWall + minute * MINUTE_MS, timeZone);
    if (r.kind === 'unique') out.push(r.epochMs);
    else if (r.kind === 'ambiguous') out.push(r.earlierMs, r.laterMs);
  }
  const starts = Float64Array.from(out);
  starts.sort();
  return starts;
}

/**
 * The first instant of a local date in `timeZone`: local midnight, or, where midnight is skipped
 * by a DST change, the instant the clock jumped; the earlier one where midnight repeats. O(1).
 *
 * @internal
 * @example
 * startOfLocalDay('2003-05-05', 'America/New_York') === Date.UTC(2003, 4, 5, 4); // true
 */
export function startOfLocalDay(day: string | number, timeZone: string): number {
  const r = resolveLocalTime(toDayNumber(day) * DAY_MS, timeZone);
  if (r.kind === 'unique') return r.epochMs;
  return r.kind === 'ambiguous' ? r.earlierMs : r.transitionMs;
}

/**
 * `true` when `intervalMinutes` is a whole number of minutes dividing a day (5, 6, 10, 15, 30, 60 ...).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` otherwise, naming `fn`.
 * @example
 * checkInterval('aggregateRecords', 30); // true
 */
export function checkInterval(fn: string, intervalMinutes: number): true {
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || 1440 % intervalMinutes !== 0) {
    invalidInput(fn, 'intervalMinutes', 'must be a whole number of minutes dividing 1440', intervalMinutes);
  }
  return true;
}
