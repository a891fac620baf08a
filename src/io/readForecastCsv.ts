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

/** Where the columns of a forecast CSV are, from its header. */
interface Layout {
  header: string[];
  startIndex: number;
  callsIndex: number;
  ahtIndex: number;
  quantiles: { probability: number; index: number; name: string }[];
  ignoredColumns: string[];
}

function layoutOf(names: string[], file: string, line: number, queueIndex: number): Layout {
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
  const timeZone = assertTimeZone('readForecastCsv', options.timeZone ?? 'UTC');
  const file = inputName(input, options.fileName);
  let layout: Layout | undefined;
  let queueIndex = -1;
  const queues = new Map<string, ForecastRows>();
  for await (const { line, fields } of csvRecords(input, file)) {
    if (layout === undefined) {
      const names = fields.map((f) => f.trim());
      queueIndex = queueColumn === undefined ? -1 : names.indexOf(queueColumn);
      layout = layoutOf(names, file, line, queueIndex);
      continue;
    }
    const queue = queueIndex < 0 ? '' : (fields[queueIndex] ?? '').trim();
    if (queueIndex >= 0 && queue === '')
      throw new StaffcastError(
        'CSV_ROW',
        `${file}:${line}:${queueColumn}: empty queue name (every row of a multi-queue forecast names its queue)`,
        { file, row: line, column: queueColumn },
      );
    let rows = queues.get(queue);
    if (rows === undefined) {
      rows = new ForecastRows(
        queueIndex < 0 ? file : `${file} (queue ${echoValue(queue)})`,
        layout,
        timeZone,
      );
      queues.set(queue, rows);
    }
    rows.add(line, fields);
  }
  assertDataRows(file, layout?.header, queues.size);
  const out = new Map<string, ForecastRead>();
  for (const [queue, rows] of queues) out.set(queue, rows.finish(options.intervalMinutes));
  return out;
}

/** The rows of one forecast (one queue) as they are read: columns, warnings, the last line. */
class ForecastRows {
  private readonly starts = new GrowableF64();
  private readonly calls = new GrowableF64();
  private readonly aht = new GrowableF64();
  private readonly quantiles: GrowableF64[];
  private readonly warnings: string[] = [];
  private offsetMismatches = 0;
  private rowsRead = 0;
  private previousLine = 0;

  constructor(
    private readonly file: string,
    private readonly layout: Layout,
    private readonly timeZone: string,
  ) {
    this.quantiles = layout.quantiles.map(() => new GrowableF64());
  }

  private fail(line: number, column: string | undefined, what: string): never {
    const file = this.file;
    throw new StaffcastError(
      'CSV_ROW',
      `${file}:${line}:${column === undefined ? '' : `${column}:`} ${escapeControl(what)}`,
      { file, row: line, column },
    );
  }

  /** Checks one data row (file line `line`) and appends it. */
  add(line: number, fields: string[]): void {
    const { layout, starts, timeZone, file } = this;
    this.rowsRead++;
    if (fields.length !== layout.header.length)
      this.fail(line, undefined, `${fields.length} fields, but the header has ${layout.header.length}`);
    const text = fields[layout.startIndex]!;
    const time = parseTimestamp(text, timeZone);
    if (!time.ok) this.fail(line, 'interval_start', time.problem);
    const t = (time as { epochMs: number }).epochMs;
    if (starts.length > 0 && t <= starts.get(starts.length - 1)) {
      this.fail(
        line,
        'interval_start',
        `${t === starts.get(starts.length - 1) ? 'repeats' : 'is earlier than'} the start of line ${this.previousLine}; a forecast must be sorted without duplicates`,
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
    starts.push(t);
    this.calls.push(value(layout.callsIndex, 'calls', true));
    if (layout.ahtIndex >= 0) this.aht.push(value(layout.ahtIndex, 'aht_seconds', false));
    layout.quantiles.forEach((q, k) => {
      this.quantiles[k]!.push(value(q.index, q.name, true));
    });
    this.previousLine = line;
  }

  /** The forecast and its read report (at least one row was added). */
  finish(intervalMinutesOption: number | undefined): ForecastRead {
    const { file, layout, timeZone, warnings } = this;
    const intervalMinutes = intervalMinutesOption ?? detectSpacing(this.starts, file);
    const forecast: Forecast = {
      timeZone,
      intervalMinutes,
      starts: this.starts.toArray(),
      calls: this.calls.toArray(),
    };
    if (layout.ahtIndex >= 0) forecast.ahtSeconds = this.aht.toArray();
    if (layout.quantiles.length > 0) {
      forecast.quantiles = layout.quantiles.map((q, k) => ({
        probability: q.probability,
        calls: this.quantiles[k]!.toArray(),
      }));
    }
    if (this.offsetMismatches > 1)
      warnings.push(`${file}: ${this.offsetMismatches} timestamps have an offset other than ${timeZone}'s`);
    const days = new Set<number>();
    for (const t of forecast.starts) days.add(Math.floor(localWallMs(t, timeZone) / DAY_MS));
    const report: ReadReport = {
      file,
      rowsRead: this.rowsRead,
      rowsUsed: this.rowsRead,
      rowsRejected: 0,
      rowsExcluded: 0,
      errors: [],
      warnings,
      timeZone,
      intervalMinutes,
      intervalDetected: intervalMinutesOption === undefined,
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
}

/** Minutes east of UTC of an offset text: `Z`, `+02`, `+0530`, `-04:00`. */
function offsetMinutes(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const digits = text.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return text[0] === '-' ? -minutes : minutes;
}

function detectSpacing(starts: GrowableF64, file: string): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < starts.length; i++) {
    const minutes = (starts.get(i) - starts.get(i - 1)) / MINUTE_MS;
    counts.set(minutes, (counts.get(minutes) ?? 0) + 1);
  }
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
