import { StaffcastError } from '../errors.js';
import type { Forecast } from '../forecast/types.js';
import { formatInstant } from '../time/formatInstant.js';
import { localWallMs } from '../time/localCalendar.js';
import { assertTimeZone, zoneOffsetMinutes } from '../time/zoneOffset.js';
import { type CsvInput, csvRecords, inputName, missingColumnError } from './csvSource.js';
import { GrowableF64 } from './growable.js';
import { parseNumberField } from './parseNumberField.js';
import { parseTimestamp } from './parseTimestamp.js';
import type { ReadReport } from './readReport.js';
import { escapeControl } from './textCheck.js';

/** Options of `readForecastCsv`. */
export interface ReadForecastOptions {
  /** IANA zone of the forecast grid (and of timestamps without offset). Default `'UTC'`. */
  timeZone?: string;
  /** Interval length in minutes. Default: the most common spacing of consecutive rows. */
  intervalMinutes?: number;
  /** Name for messages when `input` is a stream. */
  fileName?: string;
  /**
   * Maps a line number of `input` to the line of the file it was cut from, for messages (e.g. the
   * rows of one queue taken out of a multi-queue file). Default: the identity.
   */
  lineOf?: (line: number) => number;
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
 * const { forecast } = await readForecastCsv('forecast.csv', { timeZone: 'America/New_York' });
 * forecast.calls.length; // rows of the file
 */
export async function readForecastCsv(
  input: CsvInput,
  options: ReadForecastOptions = {},
): Promise<{ forecast: Forecast; report: ReadReport }> {
  const timeZone = assertTimeZone('readForecastCsv', options.timeZone ?? 'UTC');
  const file = inputName(input, options.fileName);
  let header: string[] | undefined;
  let startIndex = -1;
  let callsIndex = -1;
  let ahtIndex = -1;
  let quantiles: { probability: number; index: number; name: string; values: GrowableF64 }[] = [];
  let ignoredColumns: string[] = [];
  const starts = new GrowableF64();
  const calls = new GrowableF64();
  const aht = new GrowableF64();
  const warnings: string[] = [];
  let offsetMismatches = 0;
  let rowsRead = 0;
  let previousLine = 0;

  const lineOf = options.lineOf ?? ((line: number) => line);
  const fail = (inputLine: number, column: string | undefined, what: string): never => {
    const line = lineOf(inputLine);
    throw new StaffcastError(
      'CSV_ROW',
      `${file}:${line}:${column === undefined ? '' : `${column}:`} ${escapeControl(what)}`,
      {
        file,
        row: line,
        column,
      },
    );
  };

  for await (const { line, fields } of csvRecords(input, file)) {
    if (header === undefined) {
      const names = fields.map((f) => f.trim());
      header = names;
      startIndex = names.indexOf('interval_start');
      callsIndex = names.indexOf('calls');
      ahtIndex = names.indexOf('aht_seconds');
      for (const [name, index] of [
        ['interval_start', startIndex],
        ['calls', callsIndex],
      ] as const) {
        if (index < 0) throw missingColumnError(file, lineOf(line), name, names);
      }
      quantiles = names.flatMap((name, index) => {
        const m = QUANTILE.exec(name);
        if (m === null) return [];
        const probability = Number(m[1]!.replace('_', '.')) / 100;
        if (!(probability > 0 && probability < 1)) return [];
        return [{ probability, index, name, values: new GrowableF64() }];
      });
      const used = new Set([startIndex, callsIndex, ahtIndex, ...quantiles.map((q) => q.index)]);
      ignoredColumns = names.filter((_, i) => !used.has(i));
      continue;
    }
    rowsRead++;
    if (fields.length !== header.length)
      fail(line, undefined, `${fields.length} fields, but the header has ${header.length}`);
    const text = fields[startIndex]!;
    const time = parseTimestamp(text, timeZone);
    if (!time.ok) fail(line, 'interval_start', time.problem);
    const t = (time as { epochMs: number }).epochMs;
    if (starts.length > 0 && t <= starts.get(starts.length - 1)) {
      fail(
        line,
        'interval_start',
        `${t === starts.get(starts.length - 1) ? 'repeats' : 'is earlier than'} the start of line ${lineOf(previousLine)}; a forecast must be sorted without duplicates`,
      );
    }
    const offset = /(Z|[+-]\d{2}(?::?\d{2})?)\s*$/i.exec(text);
    // zoneOffsetMinutes is cached per hour: 1 µs a row where formatting the instant costs 11 µs
    if (offset !== null && zoneOffsetMinutes(timeZone, t) !== offsetMinutes(offset[1]!)) {
      offsetMismatches++;
      if (offsetMismatches === 1) {
        warnings.push(
          `${file}:${lineOf(line)}:interval_start: offset ${offset[1]} differs from ${timeZone}'s at that instant (${formatInstant(t, timeZone)}); is --tz right?`,
        );
      }
    }
    const value = (index: number, name: string, required: boolean): number => {
      const v = parseNumberField(fields[index]!, name === 'aht_seconds' ? 'duration' : 'count', required);
      return typeof v === 'string' ? fail(line, name, v) : v;
    };
    starts.push(t);
    calls.push(value(callsIndex, 'calls', true));
    if (ahtIndex >= 0) aht.push(value(ahtIndex, 'aht_seconds', false));
    for (const q of quantiles) q.values.push(value(q.index, q.name, true));
    previousLine = line;
  }
  if (header === undefined)
    throw new StaffcastError('NO_DATA', `${file}: empty file (no header row)`, { file });
  if (rowsRead === 0) throw new StaffcastError('NO_DATA', `${file}: no data rows after the header`, { file });

  const intervalMinutes = options.intervalMinutes ?? detectSpacing(starts, file);
  const forecast: Forecast = { timeZone, intervalMinutes, starts: starts.toArray(), calls: calls.toArray() };
  if (ahtIndex >= 0) forecast.ahtSeconds = aht.toArray();
  if (quantiles.length > 0) {
    forecast.quantiles = quantiles.map((q) => ({ probability: q.probability, calls: q.values.toArray() }));
  }
  if (offsetMismatches > 1)
    warnings.push(`${file}: ${offsetMismatches} timestamps have an offset other than ${timeZone}'s`);
  const days = new Set<number>();
  for (const t of forecast.starts) days.add(Math.floor(localWallMs(t, timeZone) / DAY_MS));
  const report: ReadReport = {
    file,
    rowsRead,
    rowsUsed: rowsRead,
    rowsRejected: 0,
    rowsExcluded: 0,
    errors: [],
    warnings,
    timeZone,
    intervalMinutes,
    intervalDetected: options.intervalMinutes === undefined,
    duplicateIntervals: 0,
    unsortedRows: 0,
    fractionalCounts: 0,
    gapIntervals: 0,
    gaps: [],
    openDays: days.size,
    closedWeekdays: [],
    closedDays: [],
    closedIntervals: 0,
    ignoredColumns,
    firstStart: forecast.starts[0]!,
    lastStart: forecast.starts[forecast.starts.length - 1]!,
  };
  return { forecast, report };
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
  let best = Number.NaN;
  let bestCount = 0;
  for (const [minutes, count] of counts) {
    if (count > bestCount || (count === bestCount && minutes < best)) {
      best = minutes;
      bestCount = count;
    }
  }
  if (!Number.isInteger(best) || best <= 0 || 1440 % best !== 0) {
    throw new StaffcastError(
      'CSV_ROW',
      `${file}: cannot detect the interval length (${Number.isNaN(best) ? 'a single row' : `rows ${best} minutes apart`}); give intervalMinutes (--interval)`,
      { file },
    );
  }
  return best;
}
