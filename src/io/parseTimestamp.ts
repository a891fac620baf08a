import { echoValue } from '../messageText.js';
import { resolveLocalTime } from '../time/resolveLocalTime.js';

/**
 * Result of `parseTimestamp`: the instant, or what is wrong with the text.
 *
 * @internal
 */
export type TimestampResult = { ok: true; epochMs: number } | { ok: false; problem: string };

/**
 * How dates are written: `iso` (`2026-03-02T08:00`), `dmy` (`02/03/2026 08:00`, day first, as
 * spreadsheets write them in most of the world) or `mdy` (`03/02/2026 08:00`, month first, US).
 * ISO-8601 text is read in every format.
 */
export type DateFormat = 'iso' | 'dmy' | 'mdy';

/**
 * Options of `parseTimestamp`.
 *
 * @internal
 */
export interface ParseTimestampOptions {
  /** How dates without ISO-8601 form are written. Default `'iso'` (only ISO-8601 is read). */
  dateFormat?: DateFormat;
}

/**
 * Longest text `parseTimestamp` looks at (characters, surrounding spaces included): the longest
 * ISO-8601 form it reads is 35 characters (`2026-03-02T08:00:00.123456789+05:45`); anything longer
 * is rejected before any pattern runs, so the cost of a field is bounded whatever its length.
 *
 * @internal
 */
export const MAX_TIMESTAMP_CHARS = 64;

/** The largest UTC offsets in use (minutes): -12:00 (Baker Island) to +14:00 (Line Islands). */
const MIN_OFFSET_MINUTES = -12 * 60;
const MAX_OFFSET_MINUTES = 14 * 60;

// no two adjacent quantifiers can share characters, and the text is trimmed first: linear time
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s?(Z|[+-]\d{2}(?::?\d{2})?))?$/i;
const SLASHED = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const MINUTE_MS = 60_000;

/**
 * The numeric parts of a `dd/mm/yyyy HH:MM[:SS]` (or `mm/dd/...`) text, before the order is known.
 *
 * @internal
 */
export interface SlashedDate {
  /** First and second number of the date (day and month in some order), and the year. */
  first: number;
  second: number;
  year: number;
}

/**
 * The date parts of a `d/m/yyyy H:MM[:SS]` text (separators `/`, `.` or `-`), or undefined when the
 * text is not of that form: what a reader looks at to settle the date order of a file (a first
 * number above 12 means day first). O(1) (texts longer than `MAX_TIMESTAMP_CHARS` are not read).
 *
 * @internal
 * @example
 * slashedDate('13/03/2026 08:00'); // { first: 13, second: 3, year: 2026 }
 * slashedDate('2026-03-13T08:00'); // undefined
 */
export function slashedDate(text: string): SlashedDate | undefined {
  if (text.length > MAX_TIMESTAMP_CHARS) return undefined;
  const m = SLASHED.exec(text.trim());
  if (m === null) return undefined;
  return { first: Number(m[1]), second: Number(m[3]), year: Number(m[4]) };
}

/**
 * Parses a date-time from a file. ISO-8601 with an offset (`Z`, `+02:00`, `-0400`, `+02`) is that
 * instant; an offset outside -12:00..+14:00 or with minutes above 59 is a problem (`+99:99` would
 * shift the time by four days). Without an offset it is a local wall-clock time in `timeZone`,
 * resolved through the zone data (`resolveLocalTime`), and a time skipped or repeated by a DST
 * change is a problem, not a guess. A space may replace the `T`; seconds and fractions are
 * optional. With `dateFormat` `dmy` or `mdy`, spreadsheet dates `dd/mm/yyyy HH:MM[:SS]` (or
 * `mm/dd/yyyy ...`; separators `/`, `.`, `-`) are local times too. Text longer than
 * `MAX_TIMESTAMP_CHARS` is rejected without being matched, so the cost is O(1) per field; echoed
 * text is cut and escaped (`echoValue`).
 *
 * @internal
 * @example
 * parseTimestamp('2003-05-05T07:00:00', 'America/New_York'); // { ok: true, epochMs: Date.UTC(2003, 4, 5, 11) }
 * parseTimestamp('2003-05-05T07:00:00-04:00', 'UTC'); // { ok: true, epochMs: Date.UTC(2003, 4, 5, 11) }
 * parseTimestamp('05/04/2003 07:00', 'UTC', { dateFormat: 'dmy' }); // { ok: true, epochMs: Date.UTC(2003, 3, 5, 7) }
 * parseTimestamp('2024-03-31T02:15:00', 'Europe/Madrid').ok; // false
 */
export function parseTimestamp(
  text: string,
  timeZone: string,
  options: ParseTimestampOptions = {},
): TimestampResult {
  if (text.length > MAX_TIMESTAMP_CHARS)
    return {
      ok: false,
      problem: `not a date-time: ${text.length} characters, at most ${MAX_TIMESTAMP_CHARS} (got '${echoValue(text)}')`,
    };
  const trimmed = text.trim();
  const format = options.dateFormat ?? 'iso';
  let parts: [number, number, number, number, number, number, number];
  let zone: string | undefined;
  const m = ISO.exec(trimmed);
  if (m !== null) {
    parts = [
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4]),
      Number(m[5]),
      m[6] === undefined ? 0 : Number(m[6]),
      m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000,
    ];
    zone = m[8];
  } else {
    const s = format === 'iso' ? null : SLASHED.exec(trimmed);
    if (s === null) {
      const expected =
        format === 'iso'
          ? 'an ISO-8601 date-time'
          : `a date-time (${format === 'dmy' ? 'dd/mm' : 'mm/dd'}/yyyy HH:MM or ISO-8601)`;
      return { ok: false, problem: `not ${expected} (got '${echoValue(text)}')` };
    }
    const [day, month] = format === 'dmy' ? [s[1], s[3]] : [s[3], s[1]];
    parts = [Number(s[4]), Number(month), Number(day), Number(s[5]), Number(s[6]), Number(s[7] ?? 0), 0];
  }
  const [year, month, day, hour, minute, second, fraction] = parts;
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
    return { ok: false, problem: `not a real date-time (got '${echoValue(text)}')` };
  }
  if (zone !== undefined) {
    if (zone === 'Z' || zone === 'z') return { ok: true, epochMs: wall };
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || '0');
    const offsetMinutes = sign * (hours * 60 + minutes);
    if (minutes > 59 || offsetMinutes < MIN_OFFSET_MINUTES || offsetMinutes > MAX_OFFSET_MINUTES)
      return {
        ok: false,
        problem: `UTC offset ${zone} is not a real offset (-12:00 to +14:00) (got '${echoValue(text)}')`,
      };
    return { ok: true, epochMs: wall - offsetMinutes * MINUTE_MS };
  }
  const r = resolveLocalTime(wall, timeZone);
  if (r.kind === 'unique') return { ok: true, epochMs: r.epochMs };
  const local = echoValue(trimmed);
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
