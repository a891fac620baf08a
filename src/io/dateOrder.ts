import { StaffcastError } from '../errors.js';
import { echoValue } from '../messageText.js';
import { type DateFormat, slashedDate } from './parseTimestamp.js';

/** How a reader is told dates are written: a `DateFormat`, or `'auto'` to detect it. */
export type DateFormatOption = DateFormat | 'auto';

/**
 * Settles the date order of a file as its rows stream by (internal to the readers). With `'auto'`,
 * ISO-8601 rows pass straight through; the first `dd/mm/yyyy` (or `mm/dd/yyyy`) date whose first
 * number is above 12 settles day first (`dmy`), whose second is above 12 month first (`mdy`).
 * Rows met before the order is settled (dates whose day and month are both at most 12, and the
 * rows after them) are held back and released in file order once it is; a sorted file settles
 * within its first 13 days, so few rows wait. At the end, rows still held mean the order is
 * ambiguous: `finish` throws naming the first such date and the flag that settles it. O(1) per
 * row, plus the rows held.
 *
 * @internal
 * @example
 * const order = new DateOrder<number>('auto');
 * order.push('03/04/2026 08:00', 2, 2); // [] (held: 3 April or 4 March?)
 * order.push('13/04/2026 08:00', 3, 3); // [2, 3] (day first)
 * order.format; // 'dmy'
 */
export class DateOrder<Row> {
  /** The settled format; `undefined` while an `'auto'` file has shown no deciding date. */
  format: DateFormat | undefined;
  private readonly held: Row[] = [];
  private firstHeld: { line: number; text: string } | undefined;

  constructor(option: DateFormatOption) {
    this.format = option === 'auto' ? undefined : option;
  }

  /** The format to parse with now (`iso` until settled; no held row is parsed before then). */
  get parseFormat(): DateFormat {
    return this.format ?? 'iso';
  }

  /** Offers a row with its date text; returns the rows to process now, in file order. */
  push(text: string, line: number, row: Row): Row[] {
    if (this.format !== undefined) return [row];
    const date = slashedDate(text);
    if (date !== undefined) {
      if (date.first > 12 && date.second <= 12) this.format = 'dmy';
      else if (date.second > 12 && date.first <= 12) this.format = 'mdy';
      else if (date.first <= 12 && date.second <= 12) {
        this.firstHeld ??= { line, text: text.trim() };
        this.held.push(row);
        return [];
      }
    }
    if (this.held.length === 0) return [row];
    if (this.format === undefined) {
      this.held.push(row);
      return [];
    }
    const out = [...this.held, row];
    this.held.length = 0;
    return out;
  }

  /**
   * Ends the file.
   *
   * @throws StaffcastError `CSV_ROW` "<file>:<line>:<column>: ambiguous date order: no date has a
   *   day above 12 (first '03/04/2026 08:00'); give --date-format dmy (day first) or mdy (month first)"
   */
  finish(file: string, column: string): void {
    if (this.held.length === 0 || this.firstHeld === undefined) return;
    const { line, text } = this.firstHeld;
    throw new StaffcastError(
      'CSV_ROW',
      `${file}:${line}:${column}: ambiguous date order: no date has a day above 12 (first '${echoValue(text)}'); give --date-format dmy (day first) or mdy (month first)`,
      { file, row: line, column },
    );
  }
}
