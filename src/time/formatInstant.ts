import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns';

/**
 * ISO-8601 text of an instant with the offset of `timeZone` at that instant
 * (`2003-05-05T07:00:00-04:00`; `Z` where the offset is zero), via `TZDate` and `formatISO`.
 * Whole seconds are written; parsing the text back gives the same instant when it has no
 * sub-second part. O(1).
 *
 * @example
 * formatInstant(Date.UTC(2003, 4, 5, 11), 'America/New_York'); // '2003-05-05T07:00:00-04:00'
 * formatInstant(0, 'UTC'); // '1970-01-01T00:00:00Z'
 */
export function formatInstant(epochMs: number, timeZone: string): string {
  return formatISO(new TZDate(epochMs, timeZone));
}
