import { StaffcastError } from '../errors.js';
import type { Forecast } from '../forecast/types.js';
import { echoValue, escapeControl } from '../messageText.js';
import { formatInstant } from '../time/formatInstant.js';
import { localWallMs } from '../time/localCalendar.js';
import { mostCommonSpacing } from '../time/mostCommonSpacing.js';
import { assertTimeZone, zoneOffsetMinutes } from '../time/zoneOffset.js';
import {
  assertDataRows,
  assertUniqueColumns,
  type CsvInput,
  csvRecords,
  inputName,
  missingColumnError,
} from './csvSource.js';
import { GrowableF64 } from './growable.js';
import { parseNumberField } from './parseNumberField.js';
import { parseTimestamp } from './parseTimestamp.js';
import type { ReadReport } from './readReport.js';

/** Options of `readForecastCsv` and `readForecastCsvByQueue`. */
export interface ReadForecastOptions {
  /** IANA zone of the forecast grid (and of timestamps without offset). Default `'UTC'`. */
  timeZone?: string;
  /** Interval length in minutes. Default: the most common spacing of consecutive rows. */
  intervalMinutes?: number;
  /** Name for messages when `input` is a stream. */
  fileName?: string;
}

/** A forecast read from a CSV, with what the reader did. */
export interface ForecastRead {
  forecast: Forecast;
  report: ReadReport;
}

const QUANTILE = /^calls_p(\d+(?:_\d+)?)$/;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Reads a forecast CSV (DESIGN.md section 5, as written by `writeForecastCsv`) back into a
 * `Forecast`: `interval_start` (ISO-8601; with an offset it is that instant), `calls`, optional
 * `aht_seconds` (absent column: `ahtSeconds` undefined; blank field: NaN) and `calls_pNN` quantile
 * columns (`calls_p10` is probability 0.1). A forecast must be complete, so the first bad row,
 * an unsorted or duplicate start throws. Timestamps whose offset differs from `timeZone`'s at
 * that instant are reported in `report.warnings` (the grid zone is probably not the one meant).
 * Streams with csv-parse. O(rows).
 *
 * @throws StaffcastError `CSV_ROW` (missing column, bad row, rows out of order), `NO_DATA` (no
 * rows), `FILE_READ`, `INVALID_INPUT` (bad zone).
 * @example
 * import { Readable } from 'node:stream';
 * const text = 'interval_start,calls\n2024-01-01T09:00:00-05:00,3\n2024-01-01T09:30:00-05:00,4\n';
 * const { forecast } = await readForecastCsv(Readable.from([text]), { timeZone: 'America/New_York' });
 * forecast.calls.length; // 2 (rows of the file)
 */
export async function readForecastCsv(
  input: CsvInput,
  options: ReadForecastOptions = {},
): Promise<ForecastRead> {
  const [read] = (await readForecasts(input, options, undefined)).values();
  return read!;
}

/**
 * `readForecastCsv` for a file with a `queue` column (several queues, rows in any order of
 * queues): one forecast per queue, in the order queues first appear, read in one pass. Each
 * queue's rows are checked as a forecast of their own and named `<file> (queue <name>):<line>`
 * with the line of the file. Without a `queue` column the one forecast is keyed `''`. O(rows).
 *
 * @throws StaffcastError as `readForecastCsv`; `CSV_ROW` "<file>:<line>:queue: empty queue name
 *   (every row of a multi-queue forecast names its queue)".
 * @example
 * import { Readable } from 'node:stream';
 * const text = 'interval_start,queue,calls\n2024-01-01T09:00:00Z,a,3\n2024-01-01T09:00:00Z,b,4\n' +
 *   '2024-01-01T09:30:00Z,a,5\n2024-01-01T09:30:00Z,b,6\n';
 * const byQueue = await readForecastCsvByQueue(Readable.from([text]));
 * [...byQueue.keys()]; // ['a', 'b']
 * byQueue.get('b')!.forecast.calls; // Float64Array [4, 6]
 */
export function readForecastCsvByQueue(
  input: CsvInput,
  options: ReadForecastOptions = {},
): Promise<Map<string, ForecastRead>> {
  return readForecasts(input, options, 'queue');
}

/** Where the columns of a forecast CSV are, from its header. Internal to `io`. */
export interface ForecastCsvLayout {
  header: string[];
  startIndex: number;
  callsIndex: number;
  ahtIndex: number;
  quantiles: { probability: number; index: number; name: string }[];
  ignoredColumns: string[];
}

function layoutOf(names: string[], file: string, line: number, queueIndex: number): ForecastCsvLayout {
  assertUniqueColumns(file, line, names);
  const startIndex = names.indexOf('interval_start');
  const callsIndex = names.indexOf('calls');
  const ahtIndex = names.indexOf('aht_seconds');
  for (const [name, index] of [
    ['interval_start', startIndex],
    ['calls', callsIndex],
  ] as const) {
    if (index < 0) throw missingColumnError(file, line, name, names);
  }
  const quantiles = names.flatMap((name, index) => {
    const m = QUANTILE.exec(name);
    if (m === null) return [];
    const probability = Number(m[1]!.replace('_', '.')) / 100;
    if (!(probability > 0 && probability < 1)) return [];
    return [{ probability, index, name }];
  });
  const used = new Set([startIndex, callsIndex, ahtIndex, queueIndex, ...quantiles.map((q) => q.index)]);
  const ignoredColumns = names.filter((_, i) => !used.has(i));
  return { header: names, startIndex, callsIndex, ahtIndex, quantiles, ignoredColumns };
}

/** The forecasts of `input`: one per value of `queueColumn` when the header has it, else one keyed ''. */
async function readForecasts(
  input: CsvInput,
  options: ReadForecastOptions,
  queueColumn: string | undefined,
): Promise<Map<string, ForecastRead>> {
  const kept = new Map<ForecastRowCheck, GrowableF64[]>();
  const scan = await scanForecastCsv(input, options, queueColumn, (check, values) => {
    let columns = kept.get(check);
    if (columns === undefined) {
      columns = Array.from(values, () => new GrowableF64());
      kept.set(check, columns);
    }
    for (let k = 0; k < values.length; k++) columns[k]!.push(values[k]!);
  });
  const out = new Map<string, ForecastRead>();
  for (const [queue, check] of scan.queues) {
    const columns = kept.get(check)!.map((c) => c.toArray());
    kept.delete(check);
    out.set(queue, forecastReadOf(check, columns));
  }
  return out;
}

/**
 * Where the values of one row are in the `values` array `scanForecastCsv` hands on: the start
 * (epoch ms), calls, then `aht_seconds` when the header has it, then each quantile column.
 */
export interface ForecastRowShape {
  /** Index of `aht_seconds` in the values, or -1 without that column. */
  ahtAt: number;
  /** Index of the first quantile column in the values (they follow in header order). */
  quantilesAt: number;
  /** Values per row. */
  width: number;
}

/** What `scanForecastCsv` found: the layout and each queue's checked rows (counts, warnings, grid). */
export interface ForecastScan {
  /** Values per row and where each column is. */
  shape: ForecastRowShape;
  /** Per queue ('' without a queue column), in the order queues first appear. */
  queues: Map<string, ForecastRowCheck>;
}

/**
 * The one pass over a forecast CSV shared by `readForecastCsvByQueue` (keeps the rows) and
 * `spillForecastCsvByQueue` (writes them to disk): checks the header and every row (the first bad
 * one throws, named `<file>:<line>:<column>` or `<file> (queue <name>):<line>:<column>`), hands each
 * row's numbers to `onRow` with the check of its queue (the values array is reused: copy it), and
 * at the end fixes every queue's interval length (`options.intervalMinutes`, else detected from
 * the spacing of its rows: the first queue in order whose spacing cannot be detected throws).
 * Memory: O(queues) plus the CSV parser's buffer. Internal to `io`.
 *
 * @throws StaffcastError as `readForecastCsvByQueue`.
 * @example
 * import { Readable } from 'node:stream';
 * const scan = await scanForecastCsv(Readable.from(['interval_start,calls\n2024-01-01T09:00:00Z,3\n']),
 *   { intervalMinutes: 30 }, undefined, () => {});
 * scan.queues.get('')!.rowsRead; // 1
 */
export async function scanForecastCsv(
  input: CsvInput,
  options: ReadForecastOptions,
  queueColumn: string | undefined,
  onRow: (check: ForecastRowCheck, values: Float64Array) => void | Promise<void>,
): Promise<ForecastScan> {
  const timeZone = assertTimeZone('readForecastCsv', options.timeZone ?? 'UTC');
  const file = inputName(input, options.fileName);
  let layout: ForecastCsvLayout | undefined;
  let queueIndex = -1;
  let values = new Float64Array(0);
  const queues = new Map<string, ForecastRowCheck>();
  for await (const { line, fields } of csvRecords(input, file)) {
    if (layout === undefined) {
      const names = fields.map((f) => f.trim());
      queueIndex = queueColumn === undefined ? -1 : names.indexOf(queueColumn);
      layout = layoutOf(names, file, line, queueIndex);
      values = new Float64Array(shapeOf(layout).width);
      continue;
    }
    const queue = queueIndex < 0 ? '' : (fields[queueIndex] ?? '').trim();
    if (queueIndex >= 0 && queue === '')
      throw new StaffcastError(
        'CSV_ROW',
        `${file}:${line}:${queueColumn}: empty queue name (every row of a multi-queue forecast names its queue)`,
        { file, row: line, column: queueColumn },
      );
    let check = queues.get(queue);
    if (check === undefined) {
      check = new ForecastRowCheck(
        queueIndex < 0 ? file : `${file} (queue ${echoValue(queue)})`,
        layout,
        timeZone,
      );
      queues.set(queue, check);
    }
    check.check(line, fields, values);
    const waiting = onRow(check, values);
    if (waiting !== undefined) await waiting;
  }
  assertDataRows(file, layout?.header, queues.size);
  for (const check of queues.values()) check.fixInterval(options.intervalMinutes);
  return { shape: shapeOf(layout!), queues };
}

function shapeOf(layout: ForecastCsvLayout): ForecastRowShape {
  const ahtAt = layout.ahtIndex >= 0 ? 2 : -1;
  const quantilesAt = ahtAt >= 0 ? 3 : 2;
  return { ahtAt, quantilesAt, width: quantilesAt + layout.quantiles.length };
}

/**
 * The checks of one forecast (one queue) as its rows are read, without the rows: the count, the
 * last start and line (order), offset warnings, the first and last start, the spacing of
 * consecutive rows (interval detection) and the gcd of the starts' minutes from the first.
 * Internal to `io` (`scanForecastCsv`).
 */
export class ForecastRowCheck {
  /** Rows checked so far. */
  rowsRead = 0;
  /** Epoch ms of the first and of the last row (NaN before the first row). */
  firstStart = Number.NaN;
  lastStart = Number.NaN;
  /** Greatest common divisor of every start's whole minutes after the first (0: one row). */
  offsetMinutesGcd = 0;
  /** The interval length, fixed by `fixInterval` once every row is read (NaN before). */
  intervalMinutes = Number.NaN;
  /** Whether `intervalMinutes` was detected from the rows rather than given. */
  intervalDetected = false;
  private readonly warnings: string[] = [];
  private readonly spacings = new Map<number, number>();
  private offsetMismatches = 0;
  private previousLine = 0;

  constructor(
    /** Name of the forecast in messages (`<file> (queue <name>)` for one queue of several). */
    readonly file: string,
    private readonly layout: ForecastCsvLayout,
    /** IANA zone of the forecast grid. */
    readonly timeZone: string,
  ) {}

  private fail(line: number, column: string | undefined, what: string): never {
    const file = this.file;
    throw new StaffcastError(
      'CSV_ROW',
      `${file}:${line}:${column === undefined ? '' : `${column}:`} ${escapeControl(what)}`,
      { file, row: line, column },
    );
  }

  /** Checks one data row (file line `line`) and writes its numbers into `values` (`ForecastRowShape`). */
  check(line: number, fields: string[], values: Float64Array): void {
    const { layout, timeZone, file } = this;
    this.rowsRead++;
    if (fields.length !== layout.header.length)
      this.fail(line, undefined, `${fields.length} fields, but the header has ${layout.header.length}`);
    const text = fields[layout.startIndex]!;
    const time = parseTimestamp(text, timeZone);
    if (!time.ok) this.fail(line, 'interval_start', time.problem);
    const t = (time as { epochMs: number }).epochMs;
    const last = this.lastStart;
    if (t <= last) {
      this.fail(
        line,
        'interval_start',
        `${t === last ? 'repeats' : 'is earlier than'} the start of line ${this.previousLine}; a forecast must be sorted without duplicates`,
      );
    }
    const offset = /(Z|[+-]\d{2}(?::?\d{2})?)\s*$/i.exec(text);
    // zoneOffsetMinutes is cached per hour: 1 µs a row where formatting the instant costs 11 µs
    if (offset !== null && zoneOffsetMinutes(timeZone, t) !== offsetMinutes(offset[1]!)) {
      this.offsetMismatches++;
      if (this.offsetMismatches === 1) {
        this.warnings.push(
          `${file}:${line}:interval_start: offset ${offset[1]} differs from ${timeZone}'s at that instant (${formatInstant(t, timeZone)}); is --tz right?`,
        );
      }
    }
    const value = (index: number, name: string, required: boolean): number => {
      const v = parseNumberField(fields[index]!, name === 'aht_seconds' ? 'duration' : 'count', required);
      return typeof v === 'string' ? this.fail(line, name, v) : v;
    };
    values[0] = t;
    values[1] = value(layout.callsIndex, 'calls', true);
    let k = 2;
    if (layout.ahtIndex >= 0) values[k++] = value(layout.ahtIndex, 'aht_seconds', false);
    for (const q of layout.quantiles) values[k++] = value(q.index, q.name, true);
    if (Number.isNaN(last)) this.firstStart = t;
    else {
      const minutes = (t - last) / MINUTE_MS;
      this.spacings.set(minutes, (this.spacings.get(minutes) ?? 0) + 1);
      this.offsetMinutesGcd = gcd(this.offsetMinutesGcd, Math.round((t - this.firstStart) / MINUTE_MS));
    }
    this.lastStart = t;
    this.previousLine = line;
  }

  /** Fixes the interval length: the one given, else the most common spacing of the rows. */
  fixInterval(given: number | undefined): void {
    this.intervalDetected = given === undefined;
    this.intervalMinutes = given ?? detectSpacing(this.spacings, this.file);
  }

  /** Warnings of the rows (the first offset mismatch, then how many there were). */
  readWarnings(): string[] {
    const warnings = [...this.warnings];
    if (this.offsetMismatches > 1)
      warnings.push(
        `${this.file}: ${this.offsetMismatches} timestamps have an offset other than ${this.timeZone}'s`,
      );
    return warnings;
  }

  /** The layout of the header the rows were checked against. */
  get columns(): ForecastCsvLayout {
    return this.layout;
  }
}

/**
 * The forecast and read report of one queue from its checked rows (`check`, after `fixInterval`)
 * and its values by column (`ForecastRowShape`: starts, calls, [aht], quantiles). Internal to `io`.
 *
 * @example
 * import { Readable } from 'node:stream';
 * // the check of a one-row file, then the columns its rows filled
 * let check;
 * await scanForecastCsv(Readable.from(['interval_start,calls\n2024-01-01T09:00:00Z,3\n']),
 *   { intervalMinutes: 30 }, undefined, (rowCheck) => { check = rowCheck; });
 * const starts = new Float64Array([Date.UTC(2024, 0, 1, 9)]);
 * const calls = new Float64Array([3]);
 * forecastReadOf(check, [starts, calls]).forecast.calls === calls; // true
 */
export function forecastReadOf(check: ForecastRowCheck, columns: Float64Array[]): ForecastRead {
  const layout = check.columns;
  const { file, intervalMinutes } = check;
  const { timeZone } = check;
  const forecast: Forecast = {
    timeZone,
    intervalMinutes,
    starts: columns[0]!,
    calls: columns[1]!,
  };
  let k = 2;
  if (layout.ahtIndex >= 0) forecast.ahtSeconds = columns[k++]!;
  if (layout.quantiles.length > 0) {
    forecast.quantiles = layout.quantiles.map((q) => ({ probability: q.probability, calls: columns[k++]! }));
  }
  const days = new Set<number>();
  for (const t of forecast.starts) days.add(Math.floor(localWallMs(t, timeZone) / DAY_MS));
  const report: ReadReport = {
    file,
    rowsRead: check.rowsRead,
    rowsUsed: check.rowsRead,
    rowsRejected: 0,
    rowsExcluded: 0,
    errors: [],
    warnings: check.readWarnings(),
    timeZone,
    intervalMinutes,
    intervalDetected: check.intervalDetected,
    duplicateIntervals: 0,
    unsortedRows: 0,
    fractionalCounts: 0,
    gapIntervals: 0,
    gaps: [],
    openDays: days.size,
    closedWeekdays: [],
    closedDays: [],
    closedIntervals: 0,
    ignoredColumns: layout.ignoredColumns,
    firstStart: forecast.starts[0]!,
    lastStart: forecast.starts[forecast.starts.length - 1]!,
  };
  return { forecast, report };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}

/** Minutes east of UTC of an offset text: `Z`, `+02`, `+0530`, `-04:00`. */
function offsetMinutes(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const digits = text.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return text[0] === '-' ? -minutes : minutes;
}

function detectSpacing(counts: ReadonlyMap<number, number>, file: string): number {
  const { minutes: best } = mostCommonSpacing(counts);
  if (!Number.isInteger(best) || best <= 0 || 1440 % best !== 0) {
    throw new StaffcastError(
      'CSV_ROW',
      `${file}: cannot detect the interval length (${Number.isNaN(best) ? 'a single row' : `rows ${best} minutes apart`}); give intervalMinutes (--interval)`,
      { file },
    );
  }
  return best;
}
