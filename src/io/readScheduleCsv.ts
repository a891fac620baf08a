import { StaffcastError } from '../errors.js';
import { echoValue } from '../messageText.js';
import { assertDataRows, assertUniqueColumns, missingColumnError, parseCsvText } from './csvSource.js';
import { parseTimestamp } from './parseTimestamp.js';

/** A break of a shift read from `schedule.csv`, on the real clock. */
export interface ScheduleCsvBreak {
  /** Break name (`lunch`, `coffee` ...). */
  name: string;
  /** Epoch ms of the break start. */
  startMs: number;
  /** Length in minutes. */
  minutes: number;
  /** Whether the break is paid (written `<minutes>min paid`). */
  paid: boolean;
}

/** One row of `schedule.csv` (a group of identical shifts), on the real clock. */
export interface ScheduleCsvShift {
  /** File line of the row (header = line 1). */
  line: number;
  /** Shift type name. */
  type: string;
  /** Epoch ms of the shift start and end. */
  startMs: number;
  endMs: number;
  /** Agents working this shift (a whole number >= 0). */
  count: number;
  /** Breaks in the order written. */
  breaks: ScheduleCsvBreak[];
}

/** `<name> <ISO start> <minutes>min[ paid]`, as `writeScheduleCsv` writes each break. */
const BREAK = /^(.*\S) (\S+) (\d+)min( paid)?$/;
const REQUIRED = ['type', 'start', 'end', 'count'] as const;

/**
 * Reads the `schedule.csv` of `staffcast plan` / `staffcast schedule` (`writeScheduleCsv`,
 * `SCHEDULE_CSV_COLUMNS`) back into shifts on the real clock: the columns `type`, `start`,
 * `end` (ISO-8601 instants; a time without offset is local in `timeZone`), `count` and the
 * optional `breaks` (`<name> <start> <minutes>min[ paid]` joined by `; `, starts as instants);
 * other columns are ignored. Cost O(size).
 *
 * @throws StaffcastError `NO_DATA` for a file without rows; `FILE_READ` for binary text;
 *   `CSV_ROW` "`<file>:<line>:<column>: <problem> (got '<value>')`" for an empty or bad
 *   instant (a schedule without real-clock starts cannot be read), an end not after the start,
 *   a count that is not a whole number >= 0, or a break that does not parse or lies outside its
 *   shift; "`<file>:1: missing column 'start' (...)`"; a column named twice.
 * @example
 * const text = 'type,start,end,count,breaks\n' +
 *   'day,2024-01-01T09:00:00Z,2024-01-01T17:00:00Z,3,lunch 2024-01-01T12:00:00Z 30min\n';
 * const [shift] = readScheduleCsv(text, 'schedule.csv', 'UTC');
 * [shift!.count, shift!.breaks[0]!.minutes, shift!.breaks[0]!.paid, shift!.endMs - shift!.startMs];
 * // [3, 30, false, 28800000]
 */
export function readScheduleCsv(text: string, file: string, timeZone: string): ScheduleCsvShift[] {
  const parsed = parseCsvText(text, file, { trim: true });
  const header = parsed[0]?.fields;
  assertDataRows(file, header, parsed.length - 1);
  const headerLine = parsed[0]!.line;
  assertUniqueColumns(file, headerLine, header);
  const index = new Map(header.map((name, i) => [name, i]));
  for (const name of REQUIRED)
    if (!index.has(name))
      throw missingColumnError(file, headerLine, name, header, 'a schedule.csv of staffcast plan');
  const col = (name: (typeof REQUIRED)[number]): number => index.get(name)!;
  const breaksCol = index.get('breaks');
  /** `echo` false: the message already quotes the value (`parseTimestamp`'s problems). */
  const rowError = (line: number, column: string, message: string, value: string, echo = true): never => {
    const got = echo ? ` (got '${echoValue(value)}')` : '';
    throw new StaffcastError('CSV_ROW', `${file}:${line}:${column}: ${message}${got}`, {
      file,
      row: line,
      column,
      value,
    });
  };
  const instant = (line: number, column: string, value: string): number => {
    if (value === '')
      rowError(line, column, 'empty: the schedule must be on the real clock (an instant with offset)', value);
    const r = parseTimestamp(value, timeZone);
    if (!r.ok) return rowError(line, column, r.problem, value, false);
    return r.epochMs;
  };
  return parsed.slice(1).map(({ line, fields }) => {
    const get = (i: number | undefined): string => (i === undefined ? '' : (fields[i] ?? ''));
    const startMs = instant(line, 'start', get(col('start')));
    const endMs = instant(line, 'end', get(col('end')));
    if (!(endMs > startMs)) rowError(line, 'end', 'must be after the start', get(col('end')));
    const countText = get(col('count'));
    const count = /^\d+$/.test(countText) ? Number(countText) : Number.NaN;
    if (!Number.isSafeInteger(count)) rowError(line, 'count', 'must be a whole number >= 0', countText);
    const breaksText = get(breaksCol);
    const breaks = breaksText === '' ? [] : breaksText.split(';').map((b) => b.trim());
    return {
      line,
      type: get(col('type')),
      startMs,
      endMs,
      count,
      breaks: breaks.map((b) => {
        const m = BREAK.exec(b);
        if (m === null) return rowError(line, 'breaks', "a break is '<name> <start> <minutes>min'", b);
        const r = parseTimestamp(m[2]!, timeZone);
        if (!r.ok) return rowError(line, 'breaks', r.problem, b, false);
        const minutes = Number(m[3]);
        if (r.epochMs < startMs || r.epochMs + minutes * 60_000 > endMs)
          rowError(line, 'breaks', 'the break lies outside its shift', b);
        return { name: m[1]!, startMs: r.epochMs, minutes, paid: m[4] !== undefined };
      }),
    };
  });
}
