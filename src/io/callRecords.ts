import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { CallRecord } from '../calibration/records.js';
import { StaffcastError } from '../errors.js';
import { echoValue, escapeControl } from '../messageText.js';
import { assertUniqueColumns, csvRecords, inputName, missingColumnError } from './csvSource.js';
import { MAX_FIELD_VALUE } from './parseNumberField.js';
import { MAX_TIMESTAMP_CHARS, parseTimestamp } from './parseTimestamp.js';

/** The `CallRecord` fields a per-call CSV provides, each with its default column name. */
export const CALL_RECORD_COLUMNS = {
  arrival: 'arrival',
  serviceType: 'service_type',
  priority: 'priority',
  outcome: 'outcome',
  vruSeconds: 'vru_seconds',
  queued: 'queued',
  queueSeconds: 'queue_seconds',
  servedByAgent: 'served_by_agent',
  serviceSeconds: 'service_seconds',
  agent: 'agent',
} as const;

/** Column-name overrides: `{ arrival: 'vru_entry' }` reads the arrival from column `vru_entry`. */
export type CallRecordColumns = Partial<Record<keyof typeof CALL_RECORD_COLUMNS, string>>;

/** Options of {@link readCallRecords}. */
export interface ReadCallRecordsOptions {
  /** IANA zone of arrival times written without an offset (wall clock). Default `'UTC'`. */
  timeZone?: string;
  /** Column names, when they differ from {@link CALL_RECORD_COLUMNS}. */
  columns?: CallRecordColumns;
  /** Name used for the source in messages (default: the path, or `'stdin'` for a stream). */
  fileLabel?: string;
  /** Throw on the first bad row instead of rejecting it. Default false. */
  strict?: boolean;
}

/** What reading a per-call file produced. */
export interface CallRecordsRead {
  /** The valid records, in file order. */
  records: CallRecord[];
  /** Data rows read (the header excluded). */
  rowsRead: number;
  /** Rows turned into records. */
  rowsUsed: number;
  /** Rows rejected (each with a message in `errors`). */
  rowsRejected: number;
  /** One message per rejected row, `file:line:column: problem` (line 1 is the header). */
  errors: string[];
}

const ARRIVAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Outcomes of a per-call file, compared case-insensitively (`hang` is `HANG`). */
const OUTCOMES = ['AGENT', 'HANG', 'PHANTOM'] as const;

const flag = z
  .enum(['0', '1', 'true', 'false'], { error: 'must be 0 or 1' })
  .transform((s) => s === '1' || s === 'true');
const seconds = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'must be a number of seconds >= 0')
  .transform(Number)
  .refine(
    (s) => s <= MAX_FIELD_VALUE.duration,
    `must be at most ${MAX_FIELD_VALUE.duration} seconds (one day)`,
  );
const rowSchema = z.object({
  arrival: z
    .string()
    .max(MAX_TIMESTAMP_CHARS, 'must be an ISO-8601 time like 1999-02-01T08:00:00')
    .regex(ARRIVAL, 'must be an ISO-8601 time like 1999-02-01T08:00:00'),
  serviceType: z.string(),
  priority: z.string().regex(/^\d+$/, 'must be a whole number >= 0').transform(Number),
  outcome: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(OUTCOMES, { error: 'must be AGENT, HANG or PHANTOM' })),
  vruSeconds: seconds,
  queued: flag,
  queueSeconds: seconds,
  servedByAgent: flag,
  serviceSeconds: z.union([z.literal('').transform(() => Number.NaN), seconds]),
  agent: z.string(),
});

/**
 * Streams a per-call CSV (one row per call: arrival, service type, priority, outcome, VRU time,
 * queued flag, queue time, served flag, talk time, agent) into `CallRecord`s with `csvRecords`,
 * validating every row with zod. A bad row is rejected with a message `file:line:column: problem`
 * (file line numbers: the header is line 1) and reading goes on, unless `strict`. A blank
 * `service_seconds` is NaN; durations are at most one day (`MAX_FIELD_VALUE.duration`); outcomes
 * are matched case-insensitively. Arrival times are read by `parseTimestamp`, as `aggregate`
 * reads them: without an offset they are wall clock in `timeZone`, and a time skipped or repeated
 * by a DST change is rejected (an offset settles it).
 * O(rows) time; the records are held in memory (about 150 bytes each).
 *
 * @throws StaffcastError `FILE_READ` when the file cannot be read or is not UTF-8 text, `CSV_ROW`
 *   on malformed CSV (both as `csvRecords`), when a required column is missing from the header
 *   (`missingColumnError`: `file:1: missing column 'agent' (header has: ...)`) or on the first bad
 *   row when `strict`; `NO_DATA` when no row is usable.
 * @example
 * // (not run: needs the February 1999 bank call records, not shipped in the repo)
 * const read = await readCallRecords('calls.csv');
 * // the February 1999 bank month: rowsRead 33344, rowsUsed 33319, rowsRejected 25
 * read.errors[0]; // "calls.csv:550:vru_seconds: must be a number of seconds >= 0 (got '-65')"
 */
export async function readCallRecords(
  source: string | Readable,
  options: ReadCallRecordsOptions = {},
): Promise<CallRecordsRead> {
  const timeZone = options.timeZone ?? 'UTC';
  const label = inputName(source, options.fileLabel);
  const names = { ...CALL_RECORD_COLUMNS, ...options.columns };
  const fields = Object.keys(CALL_RECORD_COLUMNS) as (keyof typeof CALL_RECORD_COLUMNS)[];
  const out: CallRecordsRead = { records: [], rowsRead: 0, rowsUsed: 0, rowsRejected: 0, errors: [] };
  let index: number[] | undefined;

  const fail = (row: number, column: string, problem: string): void => {
    const message = `${label}:${row}:${column}: ${escapeControl(problem)}`;
    if (options.strict) throw new StaffcastError('CSV_ROW', message, { file: label, row, column });
    out.rowsRejected++;
    out.errors.push(message);
  };

  for await (const { line, fields: cells } of csvRecords(source, label)) {
    const record = cells.map((cell) => cell.trim());
    if (index === undefined) {
      assertUniqueColumns(label, line, record);
      index = fields.map((field) => {
        const at = record.indexOf(names[field]);
        if (at < 0) throw missingColumnError(label, line, names[field], record);
        return at;
      });
      continue;
    }
    out.rowsRead++;
    const raw: Record<string, string | undefined> = {};
    fields.forEach((field, k) => {
      raw[field] = record[index![k]!];
    });
    const missing = fields.find((field) => raw[field] === undefined);
    if (missing !== undefined) {
      fail(line, names[missing], 'missing value (row too short)');
      continue;
    }
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path[0] as keyof typeof CALL_RECORD_COLUMNS;
      fail(line, names[field], `${issue.message} (got '${echoValue(raw[field] ?? '')}')`);
      continue;
    }
    const row = parsed.data;
    // the same reading as `aggregate`: a skipped or repeated local time is rejected, never guessed
    const time = parseTimestamp(row.arrival, timeZone);
    if (!time.ok) {
      fail(line, names.arrival, time.problem);
      continue;
    }
    const ms = time.epochMs;
    if (row.servedByAgent && !Number.isFinite(row.serviceSeconds)) {
      fail(line, names.serviceSeconds, 'must be given when served_by_agent is 1');
      continue;
    }
    out.records.push({
      arrivalMs: ms,
      serviceType: row.serviceType,
      priority: row.priority,
      outcome: row.outcome,
      vruSeconds: row.vruSeconds,
      queued: row.queued,
      queueSeconds: row.queueSeconds,
      servedByAgent: row.servedByAgent,
      serviceSeconds: row.serviceSeconds,
      agent: row.agent === 'NO_SERVER' ? '' : row.agent,
    });
    out.rowsUsed++;
  }
  if (index === undefined || out.rowsUsed === 0)
    throw new StaffcastError('NO_DATA', `${label}: no usable call records (${out.rowsRead} rows read)`, {
      file: label,
    });
  return out;
}
