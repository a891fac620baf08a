import {
  type AggregateRecordsOptions,
  aggregateRecords,
  type RecordCondition,
} from '../io/aggregateRecords.js';
import type { DateFormatOption } from '../io/dateOrder.js';
import { formatReadReport } from '../io/formatReadReport.js';
import type { ReadReport } from '../io/readReport.js';
import { inputLabel } from '../io/readTextInput.js';
import { writeHistoryCsv } from '../io/writeHistoryCsv.js';
import type { History } from '../time/history.js';
import { type InputFileOptions, inputSource } from './inputFile.js';
import { type OnProgress, progressStep } from './progress.js';

/**
 * Options of `aggregateFromFile`, as the `aggregate` command takes them. The outcome rules: by
 * default `aggregateRecords`' own (outcome AGENT handled, HANG and queued=1 abandoned, PHANTOM
 * excluded); giving `outcomeColumn`, `handled`, `abandoned` or `excluded` replaces them with one
 * condition per class on the outcome column (values not given default to AGENT, HANG, PHANTOM).
 * `handledIf` / `abandonedIf` add conditions that must hold too.
 */
export interface AggregateFromFileOptions extends InputFileOptions {
  /** Interval length in minutes, dividing 1440. */
  intervalMinutes: number;
  /** IANA zone of arrival times without offset, and of the output. */
  timeZone: string;
  /** Arrival time column. Default `arrival`. */
  timeColumn?: string;
  /** Service (talk) seconds column. Default `service_seconds`. */
  serviceColumn?: string;
  /** Outcome column (default `outcome`); giving it replaces the default rules. */
  outcomeColumn?: string;
  /** Outcome values that mean handled (replaces the default rules; default AGENT). */
  handled?: readonly string[];
  /** Outcome values that mean abandoned (replaces the default rules; default HANG). */
  abandoned?: readonly string[];
  /** Outcome values left out of every count (replaces the default rules; default PHANTOM). */
  excluded?: readonly string[];
  /** Outcome values counted as offered, neither handled nor abandoned. Default none. */
  otherOutcomes?: readonly string[];
  /** Extra conditions for handled, e.g. `served_by_agent=1`. */
  handledIf?: readonly RecordCondition[];
  /** Extra conditions for abandoned, e.g. `queued=1`. */
  abandonedIf?: readonly RecordCondition[];
  /** Most intervals from the first to the last record. Default 1,000,000. */
  maxIntervals?: number;
  /** How arrival times are written. Default `'auto'`. */
  dateFormat?: DateFormatOption;
  /** Progress step `read` (the streaming read and count of the file). */
  onProgress?: OnProgress;
}

/** What `aggregateFromFile` returns. */
export interface AggregateFromFileResult {
  /** The interval history (calls, handled, abandoned, ahtSeconds). */
  history: History;
  /** Accounting of every record (read, used, rejected, excluded, and the outcome classes). */
  report: ReadReport;
  /** The interval CSV (`writeHistoryCsv`): `interval_start,calls,handled,abandoned[,aht_seconds]`. */
  csv: string;
  /** The reading report in words (`formatReadReport`), for stderr. */
  message: string;
}

/**
 * The `aggregateRecords` options of `aggregateFromFile`'s options: the command's outcome rules
 * (see `AggregateFromFileOptions`), columns and limits, the file named as given (`stdin` for `-`).
 * O(conditions).
 *
 * @example
 * aggregateRecordsOptions('c.csv', { baseDir: '.', intervalMinutes: 60, timeZone: 'UTC', handled: ['OK'] }).excluded;
 * // [{ column: 'outcome', values: ['PHANTOM'] }]
 */
export function aggregateRecordsOptions(
  file: string,
  options: AggregateFromFileOptions,
): AggregateRecordsOptions {
  const out: AggregateRecordsOptions = {
    intervalMinutes: options.intervalMinutes,
    timeZone: options.timeZone,
    columns: { arrival: options.timeColumn ?? 'arrival' },
    fileName: inputLabel(file),
    dateFormat: options.dateFormat ?? 'auto',
  };
  if (options.outcomeColumn !== undefined) out.outcomeColumn = options.outcomeColumn;
  if (options.otherOutcomes !== undefined) out.otherOutcomes = options.otherOutcomes;
  if (options.maxIntervals !== undefined) out.maxIntervals = options.maxIntervals;
  if (options.serviceColumn !== undefined && options.serviceColumn !== 'service_seconds')
    out.columns = { ...out.columns, serviceSeconds: options.serviceColumn };
  const handledIf = options.handledIf ?? [];
  const abandonedIf = options.abandonedIf ?? [];
  const explicit =
    options.outcomeColumn !== undefined ||
    options.handled !== undefined ||
    options.abandoned !== undefined ||
    options.excluded !== undefined;
  if (explicit) {
    const column = options.outcomeColumn ?? 'outcome';
    out.handled = [{ column, values: options.handled ?? ['AGENT'] }, ...handledIf];
    out.abandoned = [{ column, values: options.abandoned ?? ['HANG'] }, ...abandonedIf];
    out.excluded = [{ column, values: options.excluded ?? ['PHANTOM'] }];
  } else {
    if (handledIf.length > 0) out.handled = [{ column: 'outcome', values: ['AGENT'] }, ...handledIf];
    if (abandonedIf.length > 0) out.abandoned = [{ column: 'outcome', values: ['HANG'] }, ...abandonedIf];
  }
  return out;
}

/**
 * The `aggregate` use case: streams per-contact records (a path, or `-` for stdin) into an
 * interval history (`aggregateRecords`, bounded memory) under the command's outcome rules
 * (`aggregateRecordsOptions`), and writes the interval CSV. Every record is counted: an outcome no
 * rule names rejects the file. Progress step: `read`. O(records + days x intervals).
 *
 * @throws StaffcastError `FILE_READ`, `CSV_ROW` (missing or repeated column, an unknown outcome, a
 *   span over `maxIntervals`), `NO_DATA` (no usable record), `INVALID_INPUT` (bad options).
 * @example
 * // (not run: reads a file)
 * const { csv } = await aggregateFromFile('calls.csv', { baseDir: '.', intervalMinutes: 30, timeZone: 'Asia/Jerusalem' });
 * csv.split('\n')[0]; // 'interval_start,calls,handled,abandoned,aht_seconds'
 */
export async function aggregateFromFile(
  file: string,
  options: AggregateFromFileOptions,
): Promise<AggregateFromFileResult> {
  const { history, report } = await progressStep(
    options.onProgress,
    'read',
    () => aggregateRecords(inputSource(file, options), aggregateRecordsOptions(file, options)),
    (r) => `${r.report.rowsUsed} records`,
  );
  return { history, report, csv: writeHistoryCsv(history), message: formatReadReport(report) };
}
