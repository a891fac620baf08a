import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { StaffcastError } from '../errors.js';
import { echoValue, escapeControl } from '../messageText.js';
import { readFailureReason } from './readTextInput.js';
import { assertText, textGuard } from './textCheck.js';

/**
 * One CSV record with its 1-based line number (the header is line 1; blank lines count). Exact
 * unless an earlier quoted field contains a line break.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A CSV input: a file path or a readable stream (stdin ...). */
export type CsvInput = string | NodeJS.ReadableStream;

/** A field separator: comma, semicolon (spreadsheets in decimal-comma locales) or tab. */
export type CsvDelimiter = ',' | ';' | '\t';

/** Options of `csvRecords`. */
export interface CsvRecordsOptions {
  /** The field separator, or `'auto'` (default): detected on the header line (`detectDelimiter`). */
  delimiter?: CsvDelimiter | 'auto';
  /** Called once, before the first record, with the separator used. */
  onDelimiter?: (delimiter: CsvDelimiter) => void;
}

/** Bytes of the head of a stream looked at for the header line when detecting the separator. */
const HEADER_PEEK_BYTES = 1 << 20;

/**
 * The field separator of a CSV from its header line: whichever of `,`, `;` and tab occurs most
 * (outside double quotes); a comma when none does or on a tie with a comma. A spreadsheet saved
 * in a decimal-comma locale writes `interval_start;calls;aht_seconds`. O(length of the line).
 *
 * @internal
 * @example
 * detectDelimiter('interval_start;calls;aht_seconds'); // ';'
 * detectDelimiter('interval_start,calls'); // ','
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  let best: CsvDelimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/** The source stream with its head read until the first line break (or 1 MiB), and that head. */
async function peekHead(source: NodeJS.ReadableStream): Promise<{ head: Buffer; rest: Readable }> {
  const iterator = (source as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < HEADER_PEEK_BYTES) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    chunks.push(chunk);
    size += chunk.length;
    if (chunk.includes(0x0a)) break;
  }
  const head = Buffer.concat(chunks);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  return { head, rest: Readable.from(all(), { objectMode: false }) };
}

/**
 * The name used in messages for an input: the path itself, else `fileName`, else `stdin`.
 *
 * @internal
 * @example
 * inputName('h.csv'); // 'h.csv'
 */
export function inputName(input: CsvInput, fileName?: string): string {
  return fileName ?? (typeof input === 'string' ? input : 'stdin');
}

/**
 * Streams the records of a CSV file or stream with csv-parse (bounded memory: one record at a
 * time), handling a UTF-8 byte-order mark, CRLF or LF line ends and blank lines (skipped; line
 * numbers still count them). About 1 µs per short record. Records may have any number of fields; the caller checks them.
 * The field separator is given or detected on the header line (`detectDelimiter`; `;` and tab
 * for spreadsheet exports).
 *
 * @throws StaffcastError `FILE_READ` when the file cannot be opened or read, or is not UTF-8 text
 * ("<file>: not a text CSV file (binary data at byte N: 0xNN)", see `textGuard`); `CSV_ROW` for
 * malformed CSV (an unclosed quote ...), naming file and line, control characters escaped.
 * @example
 * import { Readable } from 'node:stream';
 * const rows = [];
 * for await (const { line, fields } of csvRecords(Readable.from(['a,b\n\n1,2\n']), 'h.csv')) rows.push([line, fields]);
 * rows; // [[1, ['a', 'b']], [3, ['1', '2']]]
 */
export async function* csvRecords(
  input: CsvInput,
  file: string,
  options: CsvRecordsOptions = {},
): AsyncGenerator<CsvRecord> {
  let source: NodeJS.ReadableStream;
  if (typeof input === 'string') {
    try {
      const info = await stat(input);
      if (info.isDirectory()) throw new Error('is a directory');
    } catch (error) {
      throw new StaffcastError('FILE_READ', `cannot read ${file}: ${readFailureReason(error)}`, { file });
    }
    source = createReadStream(input);
  } else {
    source = input;
  }
  // `info: true` would give exact line numbers but costs 3-4x the parse time; records are counted
  // instead (blank lines included), which equals the line number unless a quoted field holds a line break
  const readError = (error: unknown): StaffcastError =>
    error instanceof StaffcastError
      ? error
      : new StaffcastError('FILE_READ', `cannot read ${file}: ${readFailureReason(error)}`, { file });
  // binary input fails before csv-parse sees it (its messages would quote the raw bytes)
  const guard = textGuard(file);
  source.on('error', (error: unknown) => guard.destroy(readError(error)));
  source.pipe(guard);
  let text: NodeJS.ReadableStream = guard;
  let delimiter: CsvDelimiter = ',';
  if (options.delimiter === undefined || options.delimiter === 'auto') {
    let peeked: { head: Buffer; rest: Readable };
    try {
      peeked = await peekHead(guard);
    } catch (error) {
      if (typeof input === 'string') (source as NodeJS.ReadableStream & { destroy(): void }).destroy();
      throw readError(error);
    }
    const end = peeked.head.indexOf(0x0a);
    delimiter = detectDelimiter(peeked.head.subarray(0, end < 0 ? peeked.head.length : end).toString('utf8'));
    text = peeked.rest;
  } else {
    delimiter = options.delimiter;
  }
  options.onDelimiter?.(delimiter);
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false, delimiter });
  text.on('error', (error: unknown) => parser.destroy(readError(error)));
  text.pipe(parser);
  try {
    let line = 0;
    for await (const fields of parser as AsyncIterable<string[]>) {
      line++;
      if (fields.length === 1 && fields[0]!.trim() === '') continue; // blank line
      yield { line, fields };
    }
  } catch (error) {
    if (error instanceof StaffcastError) throw error;
    if (error instanceof CsvError) throw malformedCsvError(file, error);
    throw new StaffcastError('FILE_READ', `cannot read ${file}: ${readFailureReason(error)}`, { file });
  } finally {
    if (typeof input === 'string') (source as NodeJS.ReadableStream & { destroy(): void }).destroy();
  }
}

/**
 * Parses a whole CSV text held in memory (requirement, special-days files; small inputs) with
 * csv-parse into records with their exact 1-based file line numbers (csv-parse's `info`; the header
 * is line 1, blank lines are skipped but counted). A UTF-8 byte-order mark and CRLF line ends are
 * accepted; records may have any number of fields. Cost O(size).
 *
 * @throws StaffcastError `FILE_READ` when the text holds binary data (`assertText`); `CSV_ROW`
 *   "<file>:<line>: malformed CSV: <parser message>" (`malformedCsvError`).
 * @example
 * parseCsvText('a,b\n\n1,2\n', 'x.csv'); // [{ line: 1, fields: ['a', 'b'] }, { line: 3, fields: ['1', '2'] }]
 */
export function parseCsvText(text: string, file: string, options: { trim?: boolean } = {}): CsvRecord[] {
  assertText(text, file);
  try {
    const rows = parseSync(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: options.trim === true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return rows.map(({ record, info }) => ({ line: info.lines, fields: record }));
  } catch (error) {
    throw malformedCsvError(file, error as Error);
  }
}

/**
 * The error for a CSV the parser rejects (an unclosed quote ...): names the file and the line
 * where the parser stopped (`?` when it gave none); control characters of the parser's message,
 * which may quote the input, are escaped.
 *
 * @example
 * malformedCsvError('x.csv', Object.assign(new Error('Quote Not Closed'), { lines: 3 })).message;
 * // 'x.csv:3: malformed CSV: Quote Not Closed'
 */
export function malformedCsvError(file: string, error: Error & { lines?: number }): StaffcastError {
  const line = error.lines;
  return new StaffcastError('CSV_ROW', `${file}:${line ?? '?'}: malformed CSV: ${echoValue(error.message)}`, {
    file,
    row: line,
  });
}

/** How many header names `missingColumnError` lists before `... (N columns)`. */
const MAX_LISTED_COLUMNS = 20;

/**
 * The error for a column the header lacks, in the words every CSV reader uses:
 * `<file>:<line>: missing column '<name>' (<why>; header has: <the header's names>)`, where `why`
 * (optional) says what the column is for; names are echoed through `echoValue` and at most 20 are
 * listed. `details` carry file, row (= line) and column.
 *
 * @example
 * missingColumnError('h.csv', 1, 'calls', ['time', 'count'], 'the offered calls column').message;
 * // "h.csv:1: missing column 'calls' (the offered calls column; header has: time, count)"
 */
export function missingColumnError(
  file: string,
  line: number,
  name: string,
  header: readonly string[],
  why?: string,
): StaffcastError {
  const shown = header.slice(0, MAX_LISTED_COLUMNS).map(echoValue).join(', ');
  const more = header.length > MAX_LISTED_COLUMNS ? `, ... (${header.length} columns)` : '';
  const context = `${why === undefined ? '' : `${escapeControl(why)}; `}header has: ${shown}${more}`;
  return new StaffcastError('CSV_ROW', `${file}:${line}: missing column '${echoValue(name)}' (${context})`, {
    file,
    row: line,
    column: name,
  });
}

/**
 * Throws `NO_DATA` for a CSV without a header row (`<file>: empty file (no header row)`) or without
 * a data row after it (`<file>: no data rows after the header`), in the words every reader uses.
 *
 * @throws StaffcastError `NO_DATA`
 * @example
 * assertDataRows('h.csv', ['interval_start', 'calls'], 0);
 * // throws NO_DATA 'h.csv: no data rows after the header'
 */
export function assertDataRows(
  file: string,
  header: readonly string[] | undefined,
  dataRows: number,
): asserts header is readonly string[] {
  if (header === undefined)
    throw new StaffcastError('NO_DATA', `${file}: empty file (no header row)`, { file });
  if (dataRows === 0) throw new StaffcastError('NO_DATA', `${file}: no data rows after the header`, { file });
}

/**
 * Throws when a header names a column twice (a reader would silently take the first or the last):
 * `<file>:<line>: column 'calls' appears twice in the header (columns 2 and 4)`, columns counted
 * from 1. Names are compared trimmed, and case-insensitively when `caseInsensitive` (for readers
 * that match names that way). Every CSV reader calls it on its header. O(columns).
 *
 * @internal
 * @throws StaffcastError `CSV_ROW`
 * @example
 * assertUniqueColumns('h.csv', 1, ['interval_start', 'calls', 'x', 'calls']);
 * // throws CSV_ROW "h.csv:1: column 'calls' appears twice in the header (columns 2 and 4)"
 */
export function assertUniqueColumns(
  file: string,
  line: number,
  header: readonly string[],
  options: { caseInsensitive?: boolean } = {},
): void {
  const seen = new Map<string, number>();
  header.forEach((raw, i) => {
    const name = options.caseInsensitive === true ? raw.trim().toLowerCase() : raw.trim();
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, i);
      return;
    }
    throw new StaffcastError(
      'CSV_ROW',
      `${file}:${line}: column '${echoValue(raw.trim())}' appears twice in the header (columns ${first + 1} and ${i + 1})`,
      { file, row: line, column: raw.trim() },
    );
  });
}
