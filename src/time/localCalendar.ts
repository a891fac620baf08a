import { invalidInput } from '../errors.js';
import { zoneOffsetMinutes } from './zoneOffset.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The local wall-clock time of an instant, written as if it were UTC: `epochMs` plus the zone's
 * offset at that instant (from `@date-fns/tz` via `zoneOffsetMinutes`). The building block of the
 * other local-calendar helpers. O(1).
 *
 * @internal
 * @example
 * localWallMs(Date.UTC(2003, 4, 5, 11), 'America/New_York') === Date.UTC(2003, 4, 5, 7); // true
 */
export function localWallMs(epochMs: number, timeZone: string): number {
  return epochMs + zoneOffsetMinutes(timeZone, epochMs) * MINUTE_MS;
}

/**
 * Local day number of an instant: whole days from 1970-01-01 to the instant's local date
 * in `timeZone` (so consecutive local dates differ by 1 across DST changes). O(1).
 *
 * @internal
 * @example
 * localDayNumber(Date.UTC(2003, 4, 5, 3), 'America/New_York'); // 12176 (2003-05-04 local)
 */
export function localDayNumber(epochMs: number, timeZone: string): number {
  return Math.floor(localWallMs(epochMs, timeZone) / DAY_MS);
}

/**
 * Local calendar date `YYYY-MM-DD` of an instant in `timeZone`. O(1).
 *
 * @example
 * localDate(Date.UTC(2003, 4, 5, 3), 'America/New_York'); // '2003-05-04'
 */
export function localDate(epochMs: number, timeZone: string): string {
  return dateOfDayNumber(localDayNumber(epochMs, timeZone));
}

/**
 * Local minute of the day (0..1439, fractional when the instant has seconds) of an instant.
 * On a fall-back day the repeated hour gives the same minutes twice. O(1).
 *
 * @example
 * localMinuteOfDay(Date.UTC(2003, 4, 5, 11, 15), 'America/New_York'); // 435 (07:15)
 */
export function localMinuteOfDay(epochMs: number, timeZone: string): number {
  const wall = localWallMs(epochMs, timeZone);
  return (wall - Math.floor(wall / DAY_MS) * DAY_MS) / MINUTE_MS;
}

/**
 * Local weekday of an instant: 0 = Sunday ... 6 = Saturday (the `Date#getDay` convention).
 * O(1).
 *
 * @example
 * localWeekday(Date.UTC(2003, 4, 5, 11), 'America/New_York'); // 1 (Monday)
 */
export function localWeekday(epochMs: number, timeZone: string): number {
  return weekdayOfDayNumber(localDayNumber(epochMs, timeZone));
}

/**
 * Weekday (0 = Sunday ... 6 = Saturday) of a local day number (1970-01-01, day 0, was a Thursday).
 * O(1).
 *
 * @internal
 * @example
 * weekdayOfDayNumber(0); // 4
 */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * `YYYY-MM-DD` of a local day number. O(1).
 *
 * @internal
 * @example
 * dateOfDayNumber(12176); // '2003-05-04'
 */
export function dateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Local day number of a `YYYY-MM-DD` date. O(1).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` when the text is not a real calendar date.
 * @example
 * dayNumberOfDate('2003-05-04'); // 12176
 */
export function dayNumberOfDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m !== null) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (new Date(ms).toISOString().slice(0, 10) === date) return ms / DAY_MS;
  }
  return invalidInput('dayNumberOfDate', 'date', 'must be a calendar date YYYY-MM-DD', date);
}
