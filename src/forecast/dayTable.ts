import { invalidInput } from '../errors.js';
import type { History } from '../time/history.js';
import { weekdayOfDayNumber } from '../time/localCalendar.js';
import type { Series } from '../time/series.js';
import { zoneOffsetMinutes } from '../time/zoneOffset.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

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
  for (let i = 0; i < n; i++) {
    const ms = starts[i]!;
    const wall = ms + zoneOffsetMinutes(timeZone, ms) * MINUTE_MS;
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
