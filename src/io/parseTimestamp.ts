import { resolveLocalTime } from '../time/resolveLocalTime.js';

/** Result of `parseTimestamp`: the instant, or what is wrong with the text. */
export type TimestampResult = { ok: true; epochMs: number } | { ok: false; problem: string };

const ISO =
  /^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$/i;
const MINUTE_MS = 60_000;

/**
 * Parses an ISO-8601 date-time from a file. With an offset (`Z`, `+02:00`, `-0400`, `+02`) it is
 * that instant; without one it is a local wall-clock time in `timeZone`, resolved through the zone
 * data (`resolveLocalTime`), and a time skipped or repeated by a DST change is a problem, not a
 * guess. A space may replace the `T`; seconds and fractions are optional. O(1).
 *
 * @example
 * parseTimestamp('2003-05-05T07:00:00', 'America/New_York'); // { ok: true, epochMs: Date.UTC(2003, 4, 5, 11) }
 * parseTimestamp('2003-05-05T07:00:00-04:00', 'UTC'); // { ok: true, epochMs: Date.UTC(2003, 4, 5, 11) }
 * parseTimestamp('2024-03-31T02:15:00', 'Europe/Madrid').ok; // false
 */
export function parseTimestamp(text: string, timeZone: string): TimestampResult {
  const m = ISO.exec(text);
  if (m === null) return { ok: false, problem: `not an ISO-8601 date-time (got '${text}')` };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second) + fraction;
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { ok: false, problem: `not a real date-time (got '${text}')` };
  }
  const zone = m[8];
  if (zone !== undefined) {
    if (zone === 'Z' || zone === 'z') return { ok: true, epochMs: wall };
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    return { ok: true, epochMs: wall - sign * offsetMinutes * MINUTE_MS };
  }
  const r = resolveLocalTime(wall, timeZone);
  if (r.kind === 'unique') return { ok: true, epochMs: r.epochMs };
  const local = text.trim();
  if (r.kind === 'gap') {
    return {
      ok: false,
      problem: `local time ${local} does not exist in ${timeZone} (skipped by a DST change); give a UTC offset`,
    };
  }
  return {
    ok: false,
    problem: `local time ${local} is ambiguous in ${timeZone} (occurs at ${offsetText(wall - r.earlierMs)} and ${offsetText(wall - r.laterMs)}); give a UTC offset`,
  };
}

function offsetText(offsetMs: number): string {
  const minutes = Math.round(offsetMs / MINUTE_MS);
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}
