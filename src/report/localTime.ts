import { TZDate } from '@date-fns/tz';

/** Local calendar fields of an instant in an IANA zone. */
export interface LocalParts {
  /** Local year, e.g. 1999. */
  year: number;
  /** Local month 1..12. */
  month: number;
  /** Local day of the month 1..31. */
  day: number;
  /** Local ISO weekday index 0 = Monday ... 6 = Sunday. */
  weekday: number;
  /** Local minutes since local midnight, 0..1439. */
  minuteOfDay: number;
}

/**
 * Local calendar fields of `epochMs` in `timeZone`, read through `TZDate` from `@date-fns/tz`
 * (no hand-made offsets, so DST days are right). O(1).
 *
 * @example
 * localParts(Date.UTC(1999, 1, 1, 6, 30), 'Asia/Jerusalem');
 * // { year: 1999, month: 2, day: 1, weekday: 0, minuteOfDay: 510 }   (08:30 local, a Monday)
 */
export function localParts(epochMs: number, timeZone: string): LocalParts {
  const d = new TZDate(epochMs, timeZone);
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    weekday: (d.getDay() + 6) % 7,
    minuteOfDay: d.getHours() * 60 + d.getMinutes(),
  };
}

/**
 * The local wall-clock time of `epochMs` in `timeZone`, encoded as if it were UTC
 * (`Date.UTC(localYear, localMonth - 1, localDay, localHour, localMinute)`), for chart axes drawn
 * with a UTC time scale, so the axis shows local clock times whatever the zone of the machine.
 * The fields come from `TZDate`; on a fall-back day the repeated hour maps onto the same positions.
 * O(1).
 *
 * @example
 * wallClockAsUtc(Date.UTC(1999, 1, 1, 6, 30), 'Asia/Jerusalem') === Date.UTC(1999, 1, 1, 8, 30); // true
 */
export function wallClockAsUtc(epochMs: number, timeZone: string): number {
  const d = new TZDate(epochMs, timeZone);
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds());
}

/**
 * The local date `yyyy-MM-dd` of `epochMs` in `timeZone` (via `TZDate`). O(1).
 *
 * @example
 * localDateKey(Date.UTC(1999, 1, 1, 23, 0), 'Asia/Jerusalem'); // '1999-02-02'
 */
export function localDateKey(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** Two-digit zero padding. */
function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
