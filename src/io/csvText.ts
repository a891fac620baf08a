import { stringify } from 'csv-stringify/sync';

/**
 * One cell of a CSV output: text, a number, or nothing (`null`/`undefined`: an empty cell).
 *
 * @internal
 */
export type CsvCell = string | number | null | undefined;

/**
 * One record of a CSV output: cells in column order, or named cells (with `columns`).
 *
 * @internal
 */
export type CsvRecord = readonly CsvCell[] | Readonly<Record<string, CsvCell>>;

/**
 * Options of `csvText`.
 *
 * @internal
 */
export interface CsvTextOptions {
  /** Write a header row of the column names (object records). Default false. */
  header?: boolean;
  /** Column names, in file order, of object records. */
  columns?: readonly string[];
}

/**
 * Significant digits of a non-integer number in a CSV output (`formatCsvNumber`).
 *
 * @internal
 */
export const CSV_SIGNIFICANT_DIGITS = 12;

/**
 * The text of a number in a CSV output: an integer in full; any other finite number rounded to
 * `CSV_SIGNIFICANT_DIGITS` (12) significant digits and written in its shortest form, which removes
 * binary floating-point noise (`21062.299999999996` -> `21062.3`, `0.1 + 0.2` -> `0.3`; the noise
 * of double arithmetic is near the 16th digit, the data - counts, seconds, fractions - has far fewer
 * than 12); `-0` as `0`. A number that is not finite (NaN: a missing value; +-Infinity: e.g. the
 * unbounded mean wait of an unstable Erlang C queue) is an empty cell: spreadsheets and CSV
 * readers take an empty cell as "no value", while `Infinity` would be read as text (or as a
 * number by some and as a string by others).
 *
 * @internal
 * @example
 * [21062.299999999996, 1 / 3, 42, -0.5, Number.POSITIVE_INFINITY].map(formatCsvNumber);
 * // ['21062.3', '0.333333333333', '42', '-0.5', '']
 */
export function formatCsvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return String(value === 0 ? 0 : value);
  return String(Number(value.toPrecision(CSV_SIGNIFICANT_DIGITS)));
}

/**
 * CSV text of records, the one cell formatter of every CSV staffcast writes (csv-stringify, `\n`
 * line ends): numbers through `formatCsvNumber`; `null`/`undefined` as empty cells; text that a
 * spreadsheet would run as a formula - a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return, e.g. a queue, shift or scenario name - prefixed with `'` (the OWASP CSV-injection rule,
 * csv-stringify's `escape_formulas`), so it shows as text. Negative numbers, passed as numbers,
 * are not prefixed. A cell holding a line break (`\n` or `\r`), a comma or a quote is quoted. Cost
 * O(cells).
 *
 * @internal
 * @example
 * csvText([['queue', 'calls'], ['=HYPERLINK("x")', -1.5], ['sales', 0.1 + 0.2]]);
 * // 'queue,calls\n"\'=HYPERLINK(""x"")",-1.5\nsales,0.3\n'
 */
export function csvText(records: readonly CsvRecord[], options: CsvTextOptions = {}): string {
  return stringify(records as CsvRecord[] as unknown[], {
    escape_formulas: true,
    record_delimiter: 'unix',
    quoted_match: /\r/, // csv-stringify quotes \n but not a lone \r, which readers take for a line end
    cast: { number: formatCsvNumber },
    ...(options.header === undefined ? {} : { header: options.header }),
    ...(options.columns === undefined ? {} : { columns: [...options.columns] }),
  });
}
