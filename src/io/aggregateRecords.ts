import { z } from 'zod';
import { StaffcastError } from '../errors.js';
import { echoValue } from '../messageText.js';
import { formatInstant } from '../time/formatInstant.js';
import type { History } from '../time/history.js';
import { localWallMs } from '../time/localCalendar.js';
import { checkInterval, localDayIntervals } from '../time/localDayIntervals.js';
import { assertTimeZone } from '../time/zoneOffset.js';
import {
  assertDataRows,
  assertUniqueColumns,
  type CsvInput,
  type CsvRecordsOptions,
  csvRecords,
  inputName,
  missingColumnError,
} from './csvSource.js';
import { type DateFormatOption, DateOrder } from './dateOrder.js';
import { parseNumberField } from './parseNumberField.js';
import { parseTimestamp } from './parseTimestamp.js';
import { ProblemList, type ReadReport, type RecordClasses } from './readReport.js';

/** A test on one column of a record: its (trimmed) text is one of `values`, ignoring case. */
export interface RecordCondition {
  column: string;
  values: readonly string[];
}

/** Options of `aggregateRecords`. */
export interface AggregateRecordsOptions {
  /** Interval length in minutes, dividing 1440 (5, 6, 10, 15, 30, 60 ...). */
  intervalMinutes: number;
  /** IANA zone of arrival times without offset, and of the grid. Default `'UTC'`. */
  timeZone?: string;
  /** Column names: `arrival` (default `arrival`), `serviceSeconds` (default `service_seconds`, optional). */
  columns?: { arrival?: string; serviceSeconds?: string };
  /**
   * Conditions (all must hold) that make a record handled. Default: `outcome` is `AGENT`.
   * A default condition whose column the file lacks is dropped; a rule left empty is off.
   */
  handled?: readonly RecordCondition[];
  /** Conditions for abandoned. Default: `outcome` is `HANG` and, when the file has it, `queued` is `1`. */
  abandoned?: readonly RecordCondition[];
  /** Conditions for records left out of every count. Default: `outcome` is `PHANTOM`. */
  excluded?: readonly RecordCondition[];
  /**
   * The outcome column (default `outcome`): when the file has it, every record's value must be
   * one a condition on this column names (in `handled`, `abandoned`, `excluded`) or one of
   * `otherOutcomes`, ignoring case; any other value rejects the file, so no record is dropped
   * for an outcome nobody mapped.
   */
  outcomeColumn?: string;
  /** Outcome values counted as offered contacts but neither handled nor abandoned. Default none. */
  otherOutcomes?: readonly string[];
  /**
   * Most intervals the grid from the first to the last record may have. Default 1,000,000
   * (about 28 years of 15-minute intervals, 1.9 years of 1-minute ones); a file spanning more is
   * an error naming its first and last arrival (a stray year typo would otherwise make the
   * work and memory grow with the span, not the file).
   */
  maxIntervals?: number;
  /**
   * How arrival times are written: `iso`, `dmy`, `mdy`, or `auto` (default; see `DateOrder`). The
   * separator (`,` `;` tab) is detected; with `;` or tab, service seconds may have a decimal comma.
   */
  dateFormat?: DateFormatOption;
  /** Name for messages when `input` is a stream. */
  fileName?: string;
  /** How many rejection messages the report keeps. Default 10. */
  maxReportedErrors?: number;
  /** `'skip'` (default) reports and skips bad records; `'throw'` throws on the first. */
  rejectBadRows?: 'skip' | 'throw';
}

const conditionSchema = z.strictObject({ column: z.string().min(1), values: z.array(z.string()).min(1) });
const optionsSchema = z.strictObject({
  intervalMinutes: z.number(),
  timeZone: z.string().optional(),
  columns: z
    .strictObject({ arrival: z.string().min(1).optional(), serviceSeconds: z.string().min(1).optional() })
    .optional(),
  handled: z.array(conditionSchema).optional(),
  abandoned: z.array(conditionSchema).optional(),
  excluded: z.array(conditionSchema).optional(),
  outcomeColumn: z.string().min(1).optional(),
  otherOutcomes: z.array(z.string()).optional(),
  maxIntervals: z.number().int().positive().optional(),
  dateFormat: z.enum(['iso', 'dmy', 'mdy', 'auto']).optional(),
  fileName: z.string().optional(),
  maxReportedErrors: z.number().int().nonnegative().optional(),
  rejectBadRows: z.enum(['skip', 'throw']).optional(),
});

const DEFAULT_HANDLED: readonly RecordCondition[] = [{ column: 'outcome', values: ['AGENT'] }];
const DEFAULT_ABANDONED: readonly RecordCondition[] = [
  { column: 'outcome', values: ['HANG'] },
  { column: 'queued', values: ['1'] },
];
const DEFAULT_EXCLUDED: readonly RecordCondition[] = [{ column: 'outcome', values: ['PHANTOM'] }];

const DAY_MS = 86_400_000;
// accumulator layout per interval: calls, handled, abandoned, service sum, service count
const FIELDS = 5;

type Compiled = { index: number; values: Set<string> }[] | null;

/** Default `maxIntervals`. */
const MAX_INTERVALS = 1_000_000;

/** The key values are compared by: trimmed, upper case. */
const key = (value: string): string => value.trim().toUpperCase();

/**
 * Aggregates per-contact records (one row per call: an arrival time, optional service seconds and
 * an outcome) into a `History` of `intervalMinutes` intervals aligned in local time:
 * `calls` = records not excluded, `handled` / `abandoned` = records meeting those conditions,
 * `ahtSeconds` = mean service seconds of handled records that have one (NaN where none).
 * The grid is every interval of every local day from the first to the last record's day, zeros
 * included (no record in an interval is a real zero). Streams the file; memory grows with the
 * number of days, not records, and the span is bounded by `maxIntervals` (checked as records
 * arrive). Records need not be sorted. O(records + days * intervals). Every record is counted:
 * outcomes are matched ignoring case, an outcome no rule names rejects the file, and
 * `report.recordClasses` says how many records were handled, abandoned, neither or excluded.
 *
 * Defaults fit the Israeli bank's records (`anonymous_bank_feb1999_calls.csv`): PHANTOM excluded,
 * AGENT handled, HANG after queueing abandoned.
 *
 * @throws StaffcastError `FILE_READ`, `CSV_ROW` (missing or repeated column; an unknown outcome;
 * a span over `maxIntervals`; a bad record with `rejectBadRows: 'throw'`), `NO_DATA` (no usable record), `INVALID_INPUT` (bad options).
 * @example
 * import { Readable } from 'node:stream';
 * const calls = Readable.from(['arrival,outcome,queued,service_seconds\n2024-05-06T09:01:00,AGENT,1,100\n']);
 * const { history, report } = await aggregateRecords(calls, { intervalMinutes: 30, timeZone: 'Asia/Jerusalem' });
 * history.calls.values.length; // 48 (per day of records)
 * report.rowsUsed; // 1
 */
export async function aggregateRecords(
  input: CsvInput,
  options: AggregateRecordsOptions,
): Promise<{ history: History; report: ReadReport }> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StaffcastError(
      'INVALID_INPUT',
      `aggregateRecords: options.${issue.path.join('.')} ${issue.message}`,
    );
  }
  const { intervalMinutes } = options;
  checkInterval('aggregateRecords', intervalMinutes);
  const timeZone = assertTimeZone('aggregateRecords', options.timeZone ?? 'UTC');
  const file = inputName(input, options.fileName);
  const problems = new ProblemList(options.maxReportedErrors ?? 10);
  const warnings: string[] = [];
  const policy = options.rejectBadRows ?? 'skip';
  const arrivalName = options.columns?.arrival ?? 'arrival';
  const serviceName = options.columns?.serviceSeconds ?? 'service_seconds';

  let header: string[] | undefined;
  let arrivalIndex = -1;
  let serviceIndex = -1;
  let handledRule: Compiled = null;
  let abandonedRule: Compiled = null;
  let excludedRule: Compiled = null;
  let ignoredColumns: string[] = [];
  const days = new Map<number, { starts: Float64Array; sums: Float64Array }>();
  let rowsRead = 0;
  let rowsUsed = 0;
  let rowsExcluded = 0;
  let handledWithoutService = 0;
  const outcomeName = options.outcomeColumn ?? 'outcome';
  let outcomeIndex = -1;
  const knownOutcomes = new Set<string>();
  const classes: RecordClasses = { handled: 0, abandoned: 0, neither: 0, excluded: 0 };
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  let firstLine = 0;
  let lastLine = 0;
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  const maxIntervals = options.maxIntervals ?? MAX_INTERVALS;

  const reject = (line: number, column: string | undefined, what: string): void =>
    problems.reject(file, line, column, what, policy);

  const dateOrder = new DateOrder<{ line: number; fields: string[] }>(options.dateFormat ?? 'auto');
  let decimalComma = false;
  const csvOptions: CsvRecordsOptions = {
    onDelimiter: (d) => {
      decimalComma = d !== ',';
    },
  };

  const processRow = (line: number, fields: string[]): void => {
    const columns = header!.length;
    rowsRead++;
    if (fields.length !== columns) {
      reject(line, undefined, `${fields.length} fields, but the header has ${columns}`);
      return;
    }
    if (outcomeIndex >= 0 && !knownOutcomes.has(key(fields[outcomeIndex]!))) {
      throw new StaffcastError(
        'CSV_ROW',
        `${file}:${line}:${outcomeName}: unknown outcome '${echoValue(fields[outcomeIndex]!.trim())}' (known: ${[...knownOutcomes].join(', ')}); count it with --handled, --abandoned, --other or --exclude`,
        { file, row: line, column: outcomeName },
      );
    }
    if (excludedRule !== null && matches(excludedRule, fields)) {
      rowsExcluded++;
      return;
    }
    const time = parseTimestamp(fields[arrivalIndex]!, timeZone, { dateFormat: dateOrder.parseFormat });
    if (!time.ok) {
      reject(line, arrivalName, time.problem);
      return;
    }
    const service =
      serviceIndex < 0
        ? Number.NaN
        : parseNumberField(fields[serviceIndex]!, 'duration', false, { decimalComma });
    if (typeof service === 'string') {
      reject(line, serviceName, service);
      return;
    }
    if (time.epochMs < firstMs) [firstMs, firstLine] = [time.epochMs, line];
    if (time.epochMs > lastMs) [lastMs, lastLine] = [time.epochMs, line];
    const day = Math.floor(localWallMs(time.epochMs, timeZone) / DAY_MS);
    let slots = days.get(day);
    if (slots === undefined) {
      // checked as days appear, so memory stays bounded by maxIntervals whatever the file holds
      firstDay = Math.min(firstDay, day);
      lastDay = Math.max(lastDay, day);
      const spanIntervals = (lastDay - firstDay + 1) * (1440 / intervalMinutes);
      if (spanIntervals > maxIntervals) {
        throw new StaffcastError(
          'CSV_ROW',
          `${file}: records span ${formatInstant(firstMs, timeZone)} (line ${firstLine}) to ${formatInstant(lastMs, timeZone)} (line ${lastLine}): ${spanIntervals.toLocaleString('en-US')} intervals of ${intervalMinutes} minutes, more than ${maxIntervals.toLocaleString('en-US')}; check those dates, or allow it with --max-intervals`,
          { file, row: line },
        );
      }
      const starts = localDayIntervals(day, timeZone, intervalMinutes);
      slots = { starts, sums: new Float64Array(starts.length * FIELDS) };
      days.set(day, slots);
    }
    const k = lastAtOrBefore(slots.starts, time.epochMs) * FIELDS;
    const sums = slots.sums;
    rowsUsed++;
    sums[k]!++;
    const handled = handledRule !== null && matches(handledRule, fields);
    const abandoned = abandonedRule !== null && matches(abandonedRule, fields);
    if (handled) classes.handled++;
    else if (abandoned) classes.abandoned++;
    else classes.neither++;
    if (handled) {
      sums[k + 1]!++;
      if (Number.isNaN(service)) handledWithoutService++;
      else {
        sums[k + 3]! += service;
        sums[k + 4]!++;
      }
    }
    if (abandoned) sums[k + 2]!++;
  };

  for await (const { line, fields } of csvRecords(input, file, csvOptions)) {
    if (header === undefined) {
      const names = fields.map((f) => f.trim());
      header = names;
      assertUniqueColumns(file, line, names);
      const missing = (name: string, why: string): never => {
        throw missingColumnError(file, line, name, names, why);
      };
      arrivalIndex = names.indexOf(arrivalName);
      if (arrivalIndex < 0) missing(arrivalName, 'the arrival time column');
      serviceIndex = names.indexOf(serviceName);
      if (serviceIndex < 0 && options.columns?.serviceSeconds !== undefined)
        missing(serviceName, 'given for serviceSeconds');
      const compile = (
        given: readonly RecordCondition[] | undefined,
        fallback: readonly RecordCondition[],
        what: string,
      ): Compiled => {
        const rules = (given ?? fallback).flatMap((c) => {
          const index = names.indexOf(c.column);
          if (index < 0 && given !== undefined) missing(c.column, `given for ${what}`);
          return index < 0 ? [] : [{ index, values: new Set(c.values.map(key)) }];
        });
        if (rules.length === 0) {
          warnings.push(`${file}: no '${fallback[0]!.column}' column: ${what} records are not counted`);
          return null;
        }
        return rules;
      };
      handledRule = compile(options.handled, DEFAULT_HANDLED, 'handled');
      abandonedRule = compile(options.abandoned, DEFAULT_ABANDONED, 'abandoned');
      excludedRule = compile(options.excluded, DEFAULT_EXCLUDED, 'excluded');
      outcomeIndex = names.indexOf(outcomeName);
      for (const rule of [handledRule, abandonedRule, excludedRule])
        for (const c of rule ?? [])
          if (c.index === outcomeIndex) for (const v of c.values) knownOutcomes.add(v);
      if (knownOutcomes.size === 0) outcomeIndex = -1; // no rule reads outcomes: nothing to check
      for (const v of options.otherOutcomes ?? []) knownOutcomes.add(key(v));
      const used = new Set<number>([arrivalIndex, serviceIndex, outcomeIndex]);
      for (const rule of [handledRule, abandonedRule, excludedRule])
        for (const c of rule ?? []) used.add(c.index);
      ignoredColumns = names.filter((_, i) => !used.has(i));
      continue;
    }
    for (const row of dateOrder.push(fields[arrivalIndex] ?? '', line, { line, fields }))
      processRow(row.line, row.fields);
  }
  dateOrder.finish(file, arrivalName);

  assertDataRows(file, header, rowsRead);
  if (rowsUsed === 0) {
    const first = problems.messages()[0];
    throw new StaffcastError(
      'NO_DATA',
      `${file}: no usable records (${rowsRead} read, ${problems.count} rejected, ${rowsExcluded} excluded)${first === undefined ? '' : `; first problem: ${first}`}`,
      { file },
    );
  }
  if (handledWithoutService > 0 && serviceIndex >= 0) {
    warnings.push(
      `${file}: ${handledWithoutService} handled records have no ${serviceName}; aht_seconds averages the others`,
    );
  }

  const dayNumbers = [...days.keys()].sort((a, b) => a - b);
  const first = dayNumbers[0]!;
  const last = dayNumbers[dayNumbers.length - 1]!;
  classes.excluded = rowsExcluded;
  const starts: number[] = [];
  const columns: number[][] = [[], [], [], []];
  for (let day = first; day <= last; day++) {
    const slots = days.get(day) ?? { starts: localDayIntervals(day, timeZone, intervalMinutes), sums: null };
    for (let j = 0; j < slots.starts.length; j++) {
      starts.push(slots.starts[j]!);
      const s = slots.sums;
      const at = (f: number): number => (s === null ? 0 : s[j * FIELDS + f]!);
      columns[0]!.push(at(0));
      columns[1]!.push(at(1));
      columns[2]!.push(at(2));
      columns[3]!.push(at(4) > 0 ? at(3) / at(4) : Number.NaN);
    }
  }
  const series = (values: number[]) => ({
    timeZone,
    intervalMinutes,
    starts: Float64Array.from(starts),
    values: Float64Array.from(values),
  });
  const history: History = { calls: series(columns[0]!) };
  if (handledRule !== null) history.handled = series(columns[1]!);
  if (abandonedRule !== null) history.abandoned = series(columns[2]!);
  if (handledRule !== null && serviceIndex >= 0) history.ahtSeconds = series(columns[3]!);

  const report: ReadReport = {
    file,
    rowsRead,
    rowsUsed,
    rowsRejected: rowsRead - rowsUsed - rowsExcluded,
    rowsExcluded,
    errors: problems.messages(),
    warnings,
    timeZone,
    intervalMinutes,
    intervalDetected: false,
    duplicateIntervals: 0,
    unsortedRows: 0,
    fractionalCounts: 0,
    gapIntervals: 0,
    gaps: [],
    openDays: last - first + 1,
    closedWeekdays: [],
    closedDays: [],
    closedIntervals: 0,
    recordClasses: classes,
    ignoredColumns,
    firstStart: starts[0] ?? Number.NaN,
    lastStart: starts[starts.length - 1] ?? Number.NaN,
  };
  return { history, report };
}

function matches(rule: NonNullable<Compiled>, fields: string[]): boolean {
  for (const { index, values } of rule) if (!values.has(key(fields[index]!))) return false;
  return true;
}

/** Index of the last start <= t (t is within the day, so the result is >= 0). */
function lastAtOrBefore(starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
