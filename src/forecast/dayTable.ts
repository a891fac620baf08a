import { TZDate, tzOffset } from '@date-fns/tz';
import { invalidInput } from '../errors.js';
import type { History } from '../time/history.js';
import type { Series } from '../time/series.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Time-zone transitions fall on quarter hours, so offsets are cached per 15-minute bucket. */
const OFFSET_BUCKET_MS = 900_000;

/**
 * History rearranged as one row per local calendar day and one column per local slot of day:
 * the shape every seasonal model works on. Rows exist only for days with at least one interval;
 * a cell is `present` when the series has that interval (open), and its value is NaN when the
 * interval is missing or absent (closed).
 */
export interface DayTable {
  /** IANA zone of the series. */
  timeZone: string;
  /** Interval length in minutes. */
  intervalMinutes: number;
  /** Slots per local day, `1440 / intervalMinutes`. */
  slotsPerDay: number;
  /** Local day number of each row (days since 1970-01-01 in local wall-clock time), increasing. */
  dayNumbers: Int32Array;
  /** Local weekday of each row, 0 = Sunday ... 6 = Saturday. */
  weekdays: Uint8Array;
  /** Calls per cell, row-major `row * slotsPerDay + slot`; NaN = missing or closed. */
  values: Float64Array;
  /** 1 where the series has the interval (open), row-major. */
  present: Uint8Array;
  /** Mean handle time per cell in seconds when the history has it (NaN where unknown). */
  ahtSeconds?: Float64Array;
}

/**
 * Local day number (days since 1970-01-01, local wall clock) and minute of day of an instant,
 * using the zone offset from `@date-fns/tz`. O(1).
 *
 * @example
 * localDayMinute('UTC', Date.UTC(2024, 0, 2, 7, 30)); // { dayNumber: 19724, minuteOfDay: 450 }
 */
export function localDayMinute(
  timeZone: string,
  epochMs: number,
): { dayNumber: number; minuteOfDay: number } {
  const wall = epochMs + tzOffset(timeZone, new Date(epochMs)) * MINUTE_MS;
  const dayNumber = Math.floor(wall / DAY_MS);
  return { dayNumber, minuteOfDay: Math.round((wall - dayNumber * DAY_MS) / MINUTE_MS) };
}

/**
 * Weekday of a local day number: 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). O(1).
 *
 * @example
 * weekdayOfDayNumber(0); // 4
 */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * `YYYY-MM-DD` of a local day number. O(1).
 *
 * @example
 * dateOfDayNumber(19724); // '2024-01-02'
 */
export function dateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Local day number of a `YYYY-MM-DD` date, or NaN when it is not a valid date. O(1).
 *
 * @example
 * dayNumberOfDate('2024-01-02'); // 19724
 */
export function dayNumberOfDate(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return Number.NaN;
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return Number.NaN;
  return ms / DAY_MS;
}

/**
 * Arranges a history into a `DayTable`. Two intervals on the same local slot (the repeated hour
 * of a fall-back day) are averaged, so a cell is always a per-interval rate. O(n).
 *
 * @throws StaffcastError `INVALID_INPUT` when the AHT series is not on the calls grid.
 * @example
 * const s = createSeries('UTC', 720, [0, 43_200_000], [3, 4]);
 * Array.from(buildDayTable({ calls: s }).values); // [3, 4]
 */
export function buildDayTable(history: History): DayTable {
  const calls: Series = history.calls;
  const { timeZone, intervalMinutes, starts } = calls;
  const aht = history.ahtSeconds;
  if (aht && aht.values.length !== starts.length) {
    invalidInput('buildDayTable', 'ahtSeconds', 'must be on the same grid as calls', aht.values.length);
  }
  const slotsPerDay = 1440 / intervalMinutes;
  const n = starts.length;
  const dayOf = new Int32Array(n);
  const slotOf = new Int32Array(n);
  let bucket = Number.NaN;
  let offsetMs = 0;
  for (let i = 0; i < n; i++) {
    const ms = starts[i]!;
    const b = Math.floor(ms / OFFSET_BUCKET_MS);
    if (b !== bucket) {
      bucket = b;
      offsetMs = tzOffset(timeZone, new Date(ms)) * MINUTE_MS;
    }
    const wall = ms + offsetMs;
    const day = Math.floor(wall / DAY_MS);
    dayOf[i] = day;
    slotOf[i] = Math.floor((wall - day * DAY_MS) / (intervalMinutes * MINUTE_MS));
  }
  const days: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || dayOf[i] !== dayOf[i - 1]) days.push(dayOf[i]!);
  const rows = days.length;
  const values = new Float64Array(rows * slotsPerDay).fill(Number.NaN);
  const present = new Uint8Array(rows * slotsPerDay);
  const ahtSeconds = aht ? new Float64Array(rows * slotsPerDay).fill(Number.NaN) : undefined;
  let row = -1;
  for (let i = 0; i < n; i++) {
    if (i === 0 || dayOf[i] !== dayOf[i - 1]) row++;
    const cell = row * slotsPerDay + slotOf[i]!;
    const v = calls.values[i]!;
    if (present[cell] === 1) {
      const prev = values[cell]!;
      values[cell] = (prev + v) / 2;
      if (ahtSeconds && aht) {
        const a = aht.values[i]!;
        const p = ahtSeconds[cell]!;
        ahtSeconds[cell] = Number.isNaN(p) ? a : Number.isNaN(a) ? p : (p + a) / 2;
      }
      continue;
    }
    present[cell] = 1;
    values[cell] = v;
    if (ahtSeconds && aht) ahtSeconds[cell] = aht.values[i]!;
  }
  const dayNumbers = Int32Array.from(days);
  const weekdays = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) weekdays[r] = weekdayOfDayNumber(dayNumbers[r]!);
  const table: DayTable = { timeZone, intervalMinutes, slotsPerDay, dayNumbers, weekdays, values, present };
  if (ahtSeconds) table.ahtSeconds = ahtSeconds;
  return table;
}

/**
 * The epoch-ms starts of every interval of one local day with its slot of day, stepping in real
 * time from local midnight to the next local midnight (92 quarter-hours on a spring-forward day,
 * 100 on a fall-back day). O(slots).
 *
 * @example
 * localDayIntervals('UTC', 0, 720); // { starts: [0, 43200000], slots: [0, 1] }
 */
export function localDayIntervals(
  timeZone: string,
  dayNumber: number,
  intervalMinutes: number,
): { starts: number[]; slots: number[] } {
  const date = new Date(dayNumber * DAY_MS);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  const from = new TZDate(y, m, d, 0, 0, timeZone).getTime();
  const to = new TZDate(y, m, d + 1, 0, 0, timeZone).getTime();
  const stepMs = intervalMinutes * MINUTE_MS;
  const starts: number[] = [];
  const slots: number[] = [];
  for (let t = from; t < to; t += stepMs) {
    const local = localDayMinute(timeZone, t);
    if (local.dayNumber !== dayNumber) continue;
    starts.push(t);
    slots.push(Math.floor(local.minuteOfDay / intervalMinutes));
  }
  return { starts, slots };
}
