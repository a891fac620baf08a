import { StaffcastError } from '../errors.js';
import type { DailyTotal } from '../forecast/splitDailyTotals.js';
import { escapeControl } from '../messageText.js';
import { assertDataRows, missingColumnError, parseCsvText } from './csvSource.js';
import { parseNumberField } from './parseNumberField.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `CSV_ROW` error at file:line:column. */
function rowError(file: string, line: number, column: string, problem: string): StaffcastError {
  return new StaffcastError('CSV_ROW', `${file}:${line}:${column}: ${escapeControl(problem)}`, {
    file,
    row: line,
    column,
  });
}

/** What `readDailyTotalsCsv` returns. */
export interface DailyTotalsRead {
  /** The totals, sorted by date. */
  totals: DailyTotal[];
  /** File line (header = line 1) of each total, in the same order. */
  lines: number[];
}

/**
 * Parses a daily-totals CSV: header `date,calls` (other columns ignored), one row per local date
 * (`2024-03-04,1520`); rows may come in any order and are returned sorted by date; an empty
 * `calls` is an unknown total (NaN, its intervals become gaps). A BOM and CRLF line ends are
 * accepted. O(rows log rows).
 *
 * @throws StaffcastError `CSV_ROW` "`<file>:<line>:<column>: <problem>`" (header = line 1) for a
 * missing column, a date that is not a real `YYYY-MM-DD` date, a repeated date, a negative or
 * non-numeric total; `NO_DATA` when there is no row.
 * @example
 * readDailyTotalsCsv('date,calls\n2024-03-05,12\n2024-03-04,\n', 'd.csv');
 * // { totals: [{ date: '2024-03-04', calls: NaN }, { date: '2024-03-05', calls: 12 }], lines: [3, 2] }
 */
export function readDailyTotalsCsv(text: string, fileName = 'daily totals'): DailyTotalsRead {
  const rows = parseCsvText(text, fileName, { trim: true });
  const header = rows[0]?.fields;
  assertDataRows(fileName, header, rows.length - 1);
  const dateCol = header.findIndex((h) => h.toLowerCase() === 'date');
  const callsCol = header.findIndex((h) => h.toLowerCase() === 'calls');
  if (dateCol < 0) throw missingColumnError(fileName, rows[0]!.line, 'date', header);
  if (callsCol < 0) throw missingColumnError(fileName, rows[0]!.line, 'calls', header);
  const out: Array<{ total: DailyTotal; line: number }> = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < rows.length; i++) {
    const { fields, line } = rows[i]!;
    const date = fields[dateCol] ?? '';
    const ms = Date.parse(`${date}T00:00:00Z`);
    if (!DATE.test(date) || !Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== date)
      throw rowError(fileName, line, 'date', `not a date YYYY-MM-DD (got '${date}')`);
    const first = seen.get(date);
    if (first !== undefined)
      throw rowError(fileName, line, 'date', `repeated date ${date} (first at line ${first})`);
    seen.set(date, line);
    const calls = parseNumberField(fields[callsCol] ?? '', 'count', false);
    if (typeof calls === 'string') throw rowError(fileName, line, 'calls', calls);
    out.push({ total: { date, calls }, line });
  }
  out.sort((a, b) => (a.total.date < b.total.date ? -1 : 1));
  return { totals: out.map((x) => x.total), lines: out.map((x) => x.line) };
}
