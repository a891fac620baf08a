import { StaffcastError } from '../errors.js';
import { echoValue } from '../messageText.js';
import type { Requirement } from '../staffing/types.js';
import { formatInstant } from '../time/formatInstant.js';
import { assertDataRows, assertUniqueColumns, missingColumnError, parseCsvText } from './csvSource.js';
import { type CsvCell, csvText } from './csvText.js';
import { MAX_FIELD_VALUE, type NumberFieldKind, parseNumberField } from './parseNumberField.js';
import { MAX_TIMESTAMP_CHARS, parseTimestamp } from './parseTimestamp.js';

/**
 * The numeric columns of a requirement CSV, in file order, with their `Requirement` field.
 *
 * @internal
 */
export const REQUIREMENT_COLUMNS = [
  ['calls', 'calls'],
  ['aht_seconds', 'ahtSeconds'],
  ['agents', 'agents'],
  ['scheduled_agents', 'scheduledAgents'],
  ['service_level', 'serviceLevel'],
  ['asa_seconds', 'asaSeconds'],
  ['abandon_rate', 'abandonRate'],
  ['occupancy', 'occupancy'],
] as const;

/** The UTC offset of an ISO-8601 time as `+hh:mm` (`Z` = `+00:00`). */
function offsetText(iso: string): string {
  const m = OFFSET_RE.exec(iso.trim())?.[1] ?? '';
  if (m === 'Z' || m === 'z') return '+00:00';
  const digits = m.slice(1).replace(':', '');
  return `${m[0]}${digits.slice(0, 2)}:${digits.slice(2, 4)}`.replace('-00:00', '+00:00');
}

/**
 * Numeric `Requirement` fields.
 *
 * @internal
 */
export type RequirementColumn = (typeof REQUIREMENT_COLUMNS)[number][1];

/** Options of `readRequirementCsv`. */
export interface ReadRequirementOptions {
  /** Zone the requirement is reported in (rows must carry an offset). Default `'UTC'`. */
  timeZone?: string;
  /** Interval length in minutes; default: the smallest gap between consecutive starts of a queue. */
  intervalMinutes?: number;
  /** Name used in error messages (the file path). Default `'requirement CSV'`. */
  source?: string;
  /**
   * Column read into `agents` (required on every row). Default `'agents'`; e.g. `'scheduled_agents'`
   * to read a schedule's coverage. A list names alternatives: the first of them the header has.
   */
  agentsColumn?: string | readonly string[];
  /**
   * `true`: a row whose UTC offset is not the offset of `timeZone` at that instant is an error
   * (the file was written in another zone, so its local times would be shifted). Default false.
   */
  offsetsMatchZone?: boolean;
}

const OFFSET_RE = /(Z|[+-]\d{2}:?\d{2})$/i;

/** The bound each numeric column is checked against (`MAX_FIELD_VALUE`). */
const COLUMN_KIND: Record<RequirementColumn, NumberFieldKind> = {
  calls: 'count',
  ahtSeconds: 'duration',
  agents: 'agents',
  scheduledAgents: 'agents',
  serviceLevel: 'fraction',
  asaSeconds: 'count', // the ASA of a nearly unstable queue may exceed a day: bounded like a count
  abandonRate: 'fraction',
  occupancy: 'fraction',
};

/**
 * Parses a requirement CSV (DESIGN.md section 5): a header row with `interval_start` (ISO-8601
 * with offset) and `agents` (or `options.agentsColumn`), optionally `queue`, `calls`, `aht_seconds`, `scheduled_agents`,
 * `service_level`, `asa_seconds`, `abandon_rate`, `occupancy`. Other columns are ignored. Absent
 * columns and empty cells read as `NaN`; `agents` must be present and >= 0 on every row;
 * `scheduled_agents` is given on every row or on none (a column left blank throughout, as the
 * writer leaves an unknown column, is absent). Values are decimal numbers within
 * `MAX_FIELD_VALUE` (agents at most 100,000; fractions at most 1); `asa_seconds` may be `Infinity`.
 * Cost O(rows).
 *
 * @throws StaffcastError `NO_DATA` for a file without rows; `FILE_READ` for binary text
 *   (`assertText`); `CSV_ROW` "`<source>:<line>:<column>: <problem> (got '<value>')`" (line = line
 *   of the file, header = line 1, as every CSV reader of `io/` counts) for a bad value, a start
 *   without offset (or with an impossible one), a start not after the previous start of the same
 *   queue, a blank `scheduled_agents` cell where other rows have one, a column named twice;
 *   "`<source>:1: missing column 'agents' (header has: ...)`"; malformed CSV; an interval length
 *   that does not divide a day.
 * @example
 * readRequirementCsv('interval_start,agents\n2024-01-01T09:00:00Z,3\n2024-01-01T09:15:00Z,4\n')
 *   .agents; // Float64Array [3, 4] (intervalMinutes 15)
 */
export function readRequirementCsv(text: string, options: ReadRequirementOptions = {}): Requirement {
  const source = options.source ?? 'requirement CSV';
  const parsed = parseCsvText(text, source, { trim: true });
  const header = parsed[0]?.fields;
  assertDataRows(source, header, parsed.length - 1);
  const headerLine = parsed[0]!.line;
  assertUniqueColumns(source, headerLine, header, { caseInsensitive: true });
  const index = new Map(header.map((name, i) => [name.toLowerCase(), i]));
  const startCol = index.get('interval_start');
  if (startCol === undefined) throw missingColumnError(source, headerLine, 'interval_start', header);
  const agentsNames =
    typeof options.agentsColumn === 'string' ? [options.agentsColumn] : (options.agentsColumn ?? ['agents']);
  const agentsName = agentsNames.find((name) => index.has(name.toLowerCase()));
  if (agentsName === undefined) {
    const others = agentsNames.slice(1).map((name) => `'${name}'`);
    throw missingColumnError(
      source,
      headerLine,
      agentsNames[0]!,
      header,
      others.length === 0 ? undefined : `or ${others.join(', ')}`,
    );
  }
  const agentsCol = index.get(agentsName.toLowerCase())!;
  const queueCol = index.get('queue');
  const n = parsed.length - 1;
  const starts = new Float64Array(n);
  const queue: string[] = [];
  const columns = {} as Record<RequirementColumn, Float64Array>;
  for (const [, field] of REQUIREMENT_COLUMNS) columns[field] = new Float64Array(n).fill(Number.NaN);
  const rowError = (line: number, column: string, message: string, value: string): never => {
    throw new StaffcastError(
      'CSV_ROW',
      `${source}:${line}:${column}: ${message} (got '${echoValue(value)}')`,
      {
        source,
        row: line,
        column,
        value,
      },
    );
  };
  // scheduled_agents is all or nothing: a blank cell must not make `schedule` cover agents instead
  let firstBlankScheduled: number | undefined;
  let scheduledGiven = false;
  const previousByQueue = new Map<string, number>();
  let gapMs = Number.POSITIVE_INFINITY;
  for (let r = 0; r < n; r++) {
    const { fields: record, line } = parsed[r + 1]!;
    const rawStart = record[startCol] ?? '';
    const time =
      rawStart.length <= MAX_TIMESTAMP_CHARS && OFFSET_RE.test(rawStart)
        ? parseTimestamp(rawStart, 'UTC')
        : undefined;
    const ms =
      time?.ok === true
        ? time.epochMs
        : rowError(line, 'interval_start', 'must be an ISO-8601 time with offset', rawStart);
    if (options.offsetsMatchZone === true) {
      const zone = options.timeZone ?? 'UTC';
      const written = formatInstant(ms, zone);
      if (offsetText(written) !== offsetText(rawStart))
        rowError(
          line,
          'interval_start',
          `offset differs from ${zone}'s at that instant (${written}); give the requirement's zone with --tz`,
          rawStart,
        );
    }
    const q = queueCol === undefined ? '' : (record[queueCol] ?? '');
    if (queueCol !== undefined && q === '') rowError(line, 'queue', 'must not be empty', q);
    const previous = previousByQueue.get(q);
    if (previous !== undefined) {
      if (ms <= previous)
        rowError(line, 'interval_start', 'must be after the previous row of its queue', rawStart);
      gapMs = Math.min(gapMs, ms - previous);
    }
    previousByQueue.set(q, ms);
    starts[r] = ms;
    queue.push(q);
    for (const [column, field] of REQUIREMENT_COLUMNS) {
      const name = field === 'agents' ? agentsName : column;
      const col = field === 'agents' ? agentsCol : index.get(name);
      if (col === undefined) continue;
      const raw = record[col] ?? '';
      if (raw === '') {
        if (field === 'agents') rowError(line, name, 'must not be empty', raw);
        if (field === 'scheduledAgents') firstBlankScheduled ??= line;
        continue;
      }
      if (field === 'scheduledAgents') scheduledGiven = true;
      if (field === 'asaSeconds' && raw === 'Infinity') {
        columns[field][r] = Number.POSITIVE_INFINITY; // an unstable Erlang C queue, as written
        continue;
      }
      const value = parseNumberField(raw, COLUMN_KIND[field], true);
      columns[field][r] =
        typeof value === 'number'
          ? value
          : rowError(
              line,
              name,
              value.includes('too large')
                ? `must be at most ${MAX_FIELD_VALUE[COLUMN_KIND[field]]}`
                : 'must be a number >= 0',
              raw,
            );
    }
  }
  if (scheduledGiven && firstBlankScheduled !== undefined)
    rowError(
      firstBlankScheduled,
      'scheduled_agents',
      'empty cell (other rows have scheduled_agents; give it on every row or on none)',
      '',
    );
  let intervalMinutes = options.intervalMinutes;
  if (intervalMinutes === undefined) {
    if (!Number.isFinite(gapMs)) {
      throw new StaffcastError(
        'CSV_ROW',
        `${source}: cannot infer the interval length from one row per queue; give intervalMinutes`,
        { source },
      );
    }
    intervalMinutes = gapMs / 60_000;
  }
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || 1440 % intervalMinutes !== 0) {
    throw new StaffcastError(
      'CSV_ROW',
      `${source}: interval length ${intervalMinutes} minutes does not divide a day`,
      { source, intervalMinutes },
    );
  }
  const result: Requirement = {
    timeZone: options.timeZone ?? 'UTC',
    intervalMinutes,
    starts,
    ...columns,
  };
  if (queueCol !== undefined) result.queue = queue;
  return result;
}

/** Options of `writeRequirementCsv`. */
export interface WriteRequirementOptions {
  /** Decimal places of fractional columns (calls, aht, service level ...). Default 4. */
  decimals?: number;
}

/**
 * Formats a requirement as CSV text (DESIGN.md section 5): `interval_start` as ISO-8601 with the
 * offset of `requirement.timeZone` (`Z` for UTC), a `queue` column after it when the requirement
 * has queues, then the numeric columns rounded to `decimals` places, through `csvText`: a value
 * that is not finite (`NaN`: not known; `Infinity`: the unbounded mean wait of an unstable Erlang C
 * interval) is an empty cell, which `readRequirementCsv` reads back as `NaN`; a queue name starting
 * with `= + - @` is prefixed with `'` (CSV injection). Agent counts are written as they are (whole
 * numbers stay whole). Cost O(rows).
 *
 * @example
 * writeRequirementCsv({ timeZone: 'UTC', intervalMinutes: 15, starts: Float64Array.of(0),
 *   calls: Float64Array.of(10), ahtSeconds: Float64Array.of(180), agents: Float64Array.of(3),
 *   scheduledAgents: Float64Array.of(4), serviceLevel: Float64Array.of(0.9),
 *   asaSeconds: Float64Array.of(5), abandonRate: Float64Array.of(0), occupancy: Float64Array.of(2 / 3) });
 * // 'interval_start,calls,aht_seconds,agents,scheduled_agents,service_level,asa_seconds,abandon_rate,occupancy\n'
 * // + '1970-01-01T00:00:00Z,10,180,3,4,0.9,5,0,0.6667\n'
 */
export function writeRequirementCsv(requirement: Requirement, options: WriteRequirementOptions = {}): string {
  const decimals = options.decimals ?? 4;
  const header = ['interval_start'];
  if (requirement.queue !== undefined) header.push('queue');
  for (const [name] of REQUIREMENT_COLUMNS) header.push(name);
  const rows: CsvCell[][] = [header];
  // queues share their starts: each distinct start is formatted once (11 µs each through TZDate)
  const startText = new Map<number, string>();
  for (let i = 0; i < requirement.starts.length; i++) {
    const start = requirement.starts[i]!;
    let text = startText.get(start);
    if (text === undefined) {
      text = requirementStartText(start, requirement.timeZone);
      startText.set(start, text);
    }
    const row: CsvCell[] = [text];
    if (requirement.queue !== undefined) row.push(requirement.queue[i] ?? '');
    row.push(...requirementValueCells(requirement, i, decimals));
    rows.push(row);
  }
  return csvText(rows);
}

/**
 * The `interval_start` cell of a requirement CSV: ISO-8601 with the offset of `timeZone` at that
 * instant (`Z` for UTC), as `writeRequirementCsv` writes it (`formatInstant`). Cost: about 11 µs (TZDate).
 *
 * @internal
 * @example
 * requirementStartText(Date.UTC(2024, 6, 1, 8), 'Europe/Paris'); // '2024-07-01T10:00:00+02:00'
 */
export function requirementStartText(startMs: number, timeZone: string): string {
  return formatInstant(startMs, timeZone);
}

/**
 * The numeric cells of row `row` of a requirement, in `REQUIREMENT_COLUMNS` order, rounded to
 * `decimals` places as `writeRequirementCsv` writes them (give them to `csvText`).
 *
 * @internal
 * @example
 * requirementValueCells({ timeZone: 'UTC', intervalMinutes: 15, starts: Float64Array.of(0),
 *   calls: Float64Array.of(10), ahtSeconds: Float64Array.of(180), agents: Float64Array.of(3),
 *   scheduledAgents: Float64Array.of(4), serviceLevel: Float64Array.of(0.9),
 *   asaSeconds: Float64Array.of(5), abandonRate: Float64Array.of(0), occupancy: Float64Array.of(2 / 3) }, 0);
 * // [10, 180, 3, 4, 0.9, 5, 0, 0.6667]
 */
export function requirementValueCells(requirement: Requirement, row: number, decimals = 4): number[] {
  const scale = 10 ** decimals;
  return REQUIREMENT_COLUMNS.map(([, field]) => Math.round(requirement[field][row]! * scale) / scale);
}
