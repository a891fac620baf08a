import { tzOffset } from '@date-fns/tz';
import { invalidInput } from '../errors.js';

const HOUR_MS = 3_600_000;
/** Per zone: UTC hour bucket -> offset in minutes, or NaN when the offset changes inside that hour. */
const bucketCache = new Map<string, Map<number, number>>();

/**
 * UTC offset in minutes of `timeZone` at the instant `epochMs` (positive east of Greenwich:
 * `America/New_York` in summer gives -240). Reads the zone data through `tzOffset` of
 * `@date-fns/tz` (Intl); never derives offsets from rules. Results are cached per UTC hour
 * (an hour whose two ends disagree is not cached and is asked again per instant), so a long
 * series costs about one Intl call per hour it spans. O(1) amortised.
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` when `timeZone` is not an IANA zone the runtime knows.
 * @example
 * zoneOffsetMinutes('America/New_York', Date.UTC(2003, 4, 5, 11)); // -240
 * zoneOffsetMinutes('UTC', 0); // 0
 */
export function zoneOffsetMinutes(timeZone: string, epochMs: number): number {
  let cache = bucketCache.get(timeZone);
  if (cache === undefined) {
    assertTimeZone('zoneOffsetMinutes', timeZone);
    cache = new Map();
    bucketCache.set(timeZone, cache);
  }
  const bucket = Math.floor(epochMs / HOUR_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    const atStart = tzOffset(timeZone, new Date(bucket * HOUR_MS));
    const atEnd = tzOffset(timeZone, new Date(bucket * HOUR_MS + HOUR_MS - 1));
    offset = atStart === atEnd ? atStart : Number.NaN;
    cache.set(bucket, offset);
  }
  return Number.isNaN(offset) ? tzOffset(timeZone, new Date(epochMs)) : offset;
}

/**
 * True when `timeZone` is a non-empty string the runtime's Intl data accepts as a zone name (an
 * IANA name or `UTC`); never throws. O(1).
 *
 * @internal
 * @example
 * isKnownTimeZone('Asia/Jerusalem'); // true
 * isKnownTimeZone('Mars/Olympus'); // false
 */
export function isKnownTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks that `timeZone` is an IANA zone name (or `UTC`) the runtime's Intl data knows.
 * O(1).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` "<fn>: timeZone must be an IANA time-zone name such as Europe/Madrid (got X)".
 * @example
 * assertTimeZone('readHistoryCsv', 'Europe/Madrid'); // returns 'Europe/Madrid'
 */
export function assertTimeZone(fn: string, timeZone: string): string {
  let ok = false;
  try {
    ok =
      isKnownTimeZone(timeZone) && timeZone.trim() !== '' && !Number.isNaN(tzOffset(timeZone, new Date(0)));
  } catch {
    ok = false;
  }
  if (!ok) invalidInput(fn, 'timeZone', 'must be an IANA time-zone name such as Europe/Madrid', timeZone);
  return timeZone;
}
