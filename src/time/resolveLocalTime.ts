import { zoneOffsetMinutes } from './zoneOffset.js';

/**
 * How a local wall-clock time maps to instants in a zone.
 *
 * @internal
 */
export type LocalTimeResolution =
  /** Exactly one instant has this wall-clock time. */
  | { kind: 'unique'; epochMs: number }
  /** The wall-clock time was skipped (spring-forward gap); `transitionMs` is when the clock jumped. */
  | { kind: 'gap'; transitionMs: number }
  /** The wall-clock time happened twice (fall-back overlap). */
  | { kind: 'ambiguous'; earlierMs: number; laterMs: number };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Per zone: local day number -> its single offset in minutes, or NaN when a change is near. */
const steadyDays = new Map<string, Map<number, number>>();
const BEFORE_MS = 15 * 3_600_000; // offsets lie within -12h..+14h, so every candidate instant
const AFTER_MS = 13 * 3_600_000; // lies in [wall - 14h, wall + 12h]

/**
 * Resolves a local wall-clock time in `timeZone` to the instant(s) that show it.
 * `wallMs` is the wall-clock time written as if it were UTC (`Date.UTC(y, m - 1, d, h, min)`).
 * The candidate offsets are the zone's offsets (via `zoneOffsetMinutes`, i.e. `@date-fns/tz`)
 * just before and after the window where the instant can lie; a candidate `wall - offset` is
 * kept when the zone really has that offset at that instant. None kept: a gap; two: an overlap.
 * Days whose surrounding two days have one offset take a cached fast path. Assumes at most one
 * offset change within two days (true of every IANA zone since 1900
 * except a handful of one-off historical days). O(1) with the offset cache.
 *
 * @internal
 * @example
 * resolveLocalTime(Date.UTC(2003, 3, 6, 2, 30), 'America/New_York'); // { kind: 'gap', transitionMs: Date.UTC(2003, 3, 6, 7) }
 * resolveLocalTime(Date.UTC(2003, 9, 26, 1, 30), 'America/New_York');
 * // { kind: 'ambiguous', earlierMs: Date.UTC(2003, 9, 26, 5, 30), laterMs: Date.UTC(2003, 9, 26, 6, 30) }
 * resolveLocalTime(Date.UTC(2003, 4, 5, 7), 'America/New_York'); // { kind: 'unique', epochMs: Date.UTC(2003, 4, 5, 11) }
 */
export function resolveLocalTime(wallMs: number, timeZone: string): LocalTimeResolution {
  // fast path: one offset for the whole local day and the windows around it
  let days = steadyDays.get(timeZone);
  if (days === undefined) {
    days = new Map();
    steadyDays.set(timeZone, days);
  }
  const day = Math.floor(wallMs / DAY_MS);
  let steady = days.get(day);
  if (steady === undefined) {
    const early = zoneOffsetMinutes(timeZone, day * DAY_MS - BEFORE_MS);
    const late = zoneOffsetMinutes(timeZone, (day + 1) * DAY_MS + AFTER_MS);
    const middle = zoneOffsetMinutes(timeZone, day * DAY_MS + DAY_MS / 2 - early * MINUTE_MS);
    steady = early === late && middle === early ? early : Number.NaN;
    days.set(day, steady);
  }
  if (!Number.isNaN(steady)) return { kind: 'unique', epochMs: wallMs - steady * MINUTE_MS };
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
