import { zoneOffsetMinutes } from './zoneOffset.js';

/** How a local wall-clock time maps to instants in a zone. */
export type LocalTimeResolution =
  /** Exactly one instant has this wall-clock time. */
  | { kind: 'unique'; epochMs: number }
  /** The wall-clock time was skipped (spring-forward gap); `transitionMs` is when the clock jumped. */
  | { kind: 'gap'; transitionMs: number }
  /** The wall-clock time happened twice (fall-back overlap). */
  | { kind: 'ambiguous'; earlierMs: number; laterMs: number };

const MINUTE_MS = 60_000;
const BEFORE_MS = 15 * 3_600_000; // offsets lie within -12h..+14h, so every candidate instant
const AFTER_MS = 13 * 3_600_000; // lies in [wall - 14h, wall + 12h]

/**
 * Resolves a local wall-clock time in `timeZone` to the instant(s) that show it.
 * `wallMs` is the wall-clock time written as if it were UTC (`Date.UTC(y, m - 1, d, h, min)`).
 * The candidate offsets are the zone's offsets (via `zoneOffsetMinutes`, i.e. `@date-fns/tz`)
 * just before and after the window where the instant can lie; a candidate `wall - offset` is
 * kept when the zone really has that offset at that instant. None kept: a gap; two: an overlap.
 * Assumes at most one offset change within 28 hours (true of every IANA zone since 1900
 * except a handful of one-off historical days). O(1) with the offset cache.
 *
 * @example
 * resolveLocalTime(Date.UTC(2003, 3, 6, 2, 30), 'America/New_York'); // { kind: 'gap', transitionMs: Date.UTC(2003, 3, 6, 7) }
 * resolveLocalTime(Date.UTC(2003, 9, 26, 1, 30), 'America/New_York');
 * // { kind: 'ambiguous', earlierMs: Date.UTC(2003, 9, 26, 5, 30), laterMs: Date.UTC(2003, 9, 26, 6, 30) }
 * resolveLocalTime(Date.UTC(2003, 4, 5, 7), 'America/New_York'); // { kind: 'unique', epochMs: Date.UTC(2003, 4, 5, 11) }
 */
export function resolveLocalTime(wallMs: number, timeZone: string): LocalTimeResolution {
  const before = zoneOffsetMinutes(timeZone, wallMs - BEFORE_MS);
  const after = zoneOffsetMinutes(timeZone, wallMs + AFTER_MS);
  const first = wallMs - before * MINUTE_MS;
  const firstOk = zoneOffsetMinutes(timeZone, first) === before;
  if (before === after) {
    if (firstOk) return { kind: 'unique', epochMs: first };
  }
  const second = wallMs - after * MINUTE_MS;
  const secondOk = before !== after && zoneOffsetMinutes(timeZone, second) === after;
  if (firstOk && secondOk) {
    return { kind: 'ambiguous', earlierMs: Math.min(first, second), laterMs: Math.max(first, second) };
  }
  if (firstOk) return { kind: 'unique', epochMs: first };
  if (secondOk) return { kind: 'unique', epochMs: second };
  // the clock jumped between `second` (still the old offset) and `first`: bisect to the minute
  let lo = Math.min(first, second);
  let hi = Math.max(first, second);
  while (hi - lo > MINUTE_MS) {
    const mid = Math.floor((lo + hi) / 2 / MINUTE_MS) * MINUTE_MS;
    if (zoneOffsetMinutes(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return { kind: 'gap', transitionMs: hi };
}
