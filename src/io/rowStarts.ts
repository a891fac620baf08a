import { parseCsvText } from './csvSource.js';
import { type DateFormat, parseTimestamp } from './parseTimestamp.js';

/** A data row's file line and the instant its start column names. */
export interface RowStart {
  /** File line (header = line 1; blank lines count). */
  line: number;
  /** Epoch ms of the row's start. */
  startMs: number;
}

/**
 * The file line and start instant of every data row of a CSV held in memory (an interval
 * history a reader has already validated), so that a later check can name the row it rejects:
 * `file:line:column`. Rows whose start does not parse, and a file without the column, give no
 * entry. Cost O(size).
 *
 * @internal
 * @throws StaffcastError `FILE_READ` for binary text; `CSV_ROW` for malformed CSV.
 * @example
 * rowStarts('interval_start,calls\n2024-01-01T09:00:00Z,3\n\n2024-01-01T09:15:00Z,4\n', 'h.csv', 'UTC');
 * // [{ line: 2, startMs: Date.UTC(2024, 0, 1, 9) }, { line: 4, startMs: Date.UTC(2024, 0, 1, 9, 15) }]
 */
export function rowStarts(
  text: string,
  file: string,
  timeZone: string,
  options: { column?: string | undefined; dateFormat?: DateFormat | undefined } = {},
): RowStart[] {
  const records = parseCsvText(text, file, { trim: true });
  const header = records[0]?.fields ?? [];
  const name = (options.column ?? 'interval_start').toLowerCase();
  const col = header.findIndex((h) => h.toLowerCase() === name);
  if (col < 0) return [];
  const out: RowStart[] = [];
  for (const { line, fields } of records.slice(1)) {
    const r = parseTimestamp(
      fields[col] ?? '',
      timeZone,
      options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat },
    );
    if (r.ok) out.push({ line, startMs: r.epochMs });
  }
  return out;
}
