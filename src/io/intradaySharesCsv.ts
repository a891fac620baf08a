import { StaffcastError } from '../errors.js';
import type { IntradayShares } from '../forecast/intradayShares.js';
import { escapeControl } from '../messageText.js';
import { assertDataRows, missingColumnError, parseCsvText } from './csvSource.js';
import { parseNumberField } from './parseNumberField.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const TIME = /^(\d{2}):(\d{2})$/;

/** `CSV_ROW` error at file:line[:column]. */
function csvError(file: string, line: number, column: string | undefined, problem: string): StaffcastError {
  const at = column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
  return new StaffcastError('CSV_ROW', `${at}: ${escapeControl(problem)}`, {
    file,
    row: line,
    ...(column === undefined ? {} : { column }),
  });
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Parses an intraday-profile CSV for `splitDailyTotals`: header `weekday,time,share`, one row per
 * open (weekday, local time of day) slot: weekday as an English name or its first three letters
 * (`Mon`, `monday`), time `HH:MM` (the slot's start), share >= 0. Slots not listed are closed; a
 * weekday with no row is missing (a total on it is an error). The interval is the greatest common
 * divisor of 1440 and every time's minute of day (09:00, 09:30 ... -> 30). Each weekday's shares
 * must sum to 1 within 0.001 and are then divided by their sum, so they sum to 1. O(rows).
 *
 * @throws StaffcastError `CSV_ROW` "`<file>:<line>[:<column>]: <problem>`" (header = line 1) for a
 * missing column, an unknown weekday, a bad time, a negative or non-numeric share, a repeated
 * slot, or a weekday whose shares do not sum to 1 (named at its first row); `NO_DATA` when there
 * is no row.
 * @example
 * readIntradaySharesCsv('weekday,time,share\nMon,09:00,0.25\nMon,10:00,0.75\n', 'p.csv').intervalMinutes; // 60
 */
export function readIntradaySharesCsv(text: string, fileName = 'profile'): IntradayShares {
  const rows = parseCsvText(text, fileName, { trim: true });
  const header = rows[0]?.fields;
  assertDataRows(fileName, header, rows.length - 1);
  const col = (name: string) => header.findIndex((h) => h.toLowerCase() === name);
  const cols = { weekday: col('weekday'), time: col('time'), share: col('share') };
  for (const [name, idx] of Object.entries(cols)) {
    if (idx < 0) throw missingColumnError(fileName, rows[0]!.line, name, header);
  }
  const parsed: Array<{ line: number; weekday: number; minute: number; share: number }> = [];
  let step = 1440;
  for (let i = 1; i < rows.length; i++) {
    const { fields, line } = rows[i]!;
    const name = (fields[cols.weekday] ?? '').toLowerCase();
    const weekday = WEEKDAYS.findIndex((w) => w === name || (name.length === 3 && w.startsWith(name)));
    if (weekday < 0)
      throw csvError(
        fileName,
        line,
        'weekday',
        `not a weekday such as Mon or Monday (got '${fields[cols.weekday] ?? ''}')`,
      );
    const time = fields[cols.time] ?? '';
    const m = TIME.exec(time);
    const minute = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
    if (!m || Number(m[2]) > 59 || !(minute < 1440))
      throw csvError(fileName, line, 'time', `not a time of day HH:MM (got '${time}')`);
    const share = parseNumberField(fields[cols.share] ?? '', 'count', true);
    if (typeof share === 'string')
      throw csvError(fileName, line, 'share', share.replace('negative count', 'negative share'));
    parsed.push({ line, weekday, minute, share });
    step = gcd(step, minute);
  }
  const slots = 1440 / step;
  const shares = new Float64Array(7 * slots);
  const open = new Uint8Array(7 * slots);
  const seen = new Map<number, number>();
  const firstLine = new Map<number, number>();
  const sums = new Float64Array(7);
  for (const r of parsed) {
    const k = r.weekday * slots + r.minute / step;
    const before = seen.get(k);
    if (before !== undefined)
      throw csvError(fileName, r.line, 'time', `repeated slot (first at line ${before})`);
    seen.set(k, r.line);
    if (!firstLine.has(r.weekday)) firstLine.set(r.weekday, r.line);
    open[k] = 1;
    shares[k] = r.share;
    sums[r.weekday] = sums[r.weekday]! + r.share;
  }
  for (const [w, line] of firstLine) {
    const total = sums[w]!;
    if (!(Math.abs(total - 1) <= 1e-3)) {
      const name = WEEKDAYS[w]!;
      throw csvError(
        fileName,
        line,
        undefined,
        `the shares of ${name[0]!.toUpperCase()}${name.slice(1)} sum to ${+total.toFixed(6)} (must be 1)`,
      );
    }
    for (let j = 0; j < slots; j++) shares[w * slots + j] = shares[w * slots + j]! / total;
  }
  return { intervalMinutes: step, shares, open };
}
