import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse';
import { StaffcastError } from '../errors.js';
import { readFailureReason } from './readTextInput.js';
import { escapeControl, textGuard } from './textCheck.js';

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

/**
 * The name used in messages for an input: the path itself, else `fileName`, else `stdin`.
 *
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
 *
 * @throws StaffcastError `FILE_READ` when the file cannot be opened or read, or is not UTF-8 text
 * ("<file>: not a text CSV file (binary data at byte N: 0xNN)", see `textGuard`); `CSV_ROW` for
 * malformed CSV (an unclosed quote ...), naming file and line, control characters escaped.
 * @example
 * for await (const { line, fields } of csvRecords('h.csv', 'h.csv')) console.log(line, fields);
 */
export async function* csvRecords(input: CsvInput, file: string): AsyncGenerator<CsvRecord> {
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
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false });
  source.on('error', (error: unknown) => {
    parser.destroy(
      new StaffcastError('FILE_READ', `cannot read ${file}: ${readFailureReason(error)}`, { file }),
    );
  });
  // binary input fails before csv-parse sees it (its messages would quote the raw bytes)
  const guard = textGuard(file);
  guard.on('error', (error: unknown) => parser.destroy(error as Error));
  source.pipe(guard).pipe(parser);
  try {
    let line = 0;
    for await (const fields of parser as AsyncIterable<string[]>) {
      line++;
      if (fields.length === 1 && fields[0]!.trim() === '') continue; // blank line
      yield { line, fields };
    }
  } catch (error) {
    if (error instanceof StaffcastError) throw error;
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new StaffcastError(
        'CSV_ROW',
        `${file}:${line ?? '?'}: malformed CSV: ${escapeControl(error.message)}`,
        {
          file,
          row: line,
        },
      );
    }
    throw new StaffcastError('FILE_READ', `cannot read ${file}: ${readFailureReason(error)}`, { file });
  } finally {
    if (typeof input === 'string') (source as NodeJS.ReadableStream & { destroy(): void }).destroy();
  }
}
