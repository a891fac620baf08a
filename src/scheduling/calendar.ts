import { TZDate } from '@date-fns/tz';
import { invalidInput } from '../errors.js';
import type { GridOptions } from '../time/gridOptions.js';

/**
 * The requirement a schedule must cover: required agents per interval on a regular grid of
 * `intervalMinutes` (15, 30, 60 ...); `timeZone` is the zone of the local times the rules speak of
 * (default `'UTC'`). Slots are numbered 0..n-1 from the first interval; the solver works in slot
 * indexes.
 */
export interface ShiftRequirement
  extends Pick<GridOptions, 'timeZone'>,
    Required<Pick<GridOptions, 'intervalMinutes'>> {
  /** Agents required on the phones in each interval (>= 0, may be fractional). */
  required: ArrayLike<number>;
  /** Epoch ms of each interval start (optional). With them, weekdays and times of day come from `timeZone`. */
  starts?: ArrayLike<number>;
  /** Without `starts`: weekday of slot 0, 0 = Monday ... 6 = Sunday (default 0). */
  firstWeekday?: number;
  /** Without `starts`: local minute of day of slot 0 (default 0). */
  firstMinuteOfDay?: number;
}

/**
 * Per-slot calendar of a requirement on its complete local grid (internal). With `starts`, the
 * slots are every interval of the local days the requirement touches, midnight to midnight in
 * `timeZone` (92 or 100 quarter hours on DST days), so consecutive slots are consecutive real
 * intervals; the requirement's rows are `present`, the others (closed or absent) require 0.
 */
export interface SlotCalendar {
  /** Slots of the complete grid. */
  slots: number;
  intervalMinutes: number;
  /** Required agents per grid slot (0 where the requirement has no row). */
  required: Float64Array;
  /** 0 = Monday ... 6 = Sunday. */
  weekday: Uint8Array;
  /** Local minute of day of the slot start. */
  minuteOfDay: Int16Array;
  /** Calendar day of the horizon the slot falls on (0 = the first local day). */
  dayIndex: Int32Array;
  days: number;
  /** Epoch ms of each grid slot start (undefined without `starts`). */
  starts: Float64Array | undefined;
  timeZone: string;
  /** 1 where the requirement has a row for the slot. */
  present: Uint8Array;
  /** Grid slot of each requirement row (length = the requirement's rows). */
  rowSlot: Int32Array;
}

/** Options of {@link slotCalendar}. */
export interface SlotCalendarOptions {
  /** With `starts`: extend the grid to at least this many local days (a cyclic week: 7). */
  minDays?: number;
}

/** Epoch ms of local midnight of `date + addDays` (the day of epoch ms `t`) in `timeZone`. */
function localMidnight(t: number, timeZone: string, addDays: number): number {
  const d = new TZDate(t, timeZone);
  return new TZDate(d.getFullYear(), d.getMonth(), d.getDate() + addDays, timeZone).getTime();
}

/**
 * Builds the complete local grid of a requirement and labels every slot with its local weekday,
 * minute of day and horizon day. With `starts`, the grid runs from local midnight of the first
 * row's day to local midnight after the last row's day in `timeZone` (at least `minDays` days),
 * one slot every `intervalMinutes` real minutes (DST-correct via `TZDate`); each row must start
 * on that grid. Without `starts`, the rows are the grid: slot i is `firstMinuteOfDay + i *
 * intervalMinutes` minutes after `firstWeekday` 00:00. Cost O(slots).
 *
 * @throws StaffcastError `INVALID_INPUT` for a bad interval length, a negative or NaN requirement,
 *   `starts` of the wrong length, not increasing, or off the local grid
 * @example
 * slotCalendar({ intervalMinutes: 60, required: new Array(48).fill(1) }).weekday[30]; // 1 (Tuesday)
 * // two rows, Monday 07:00 and 08:00 in New York: the whole local day, 24 hourly slots
 * slotCalendar({ intervalMinutes: 60, required: [3, 4], timeZone: 'America/New_York',
 *   starts: [Date.parse('2003-10-27T07:00:00-05:00'), Date.parse('2003-10-27T08:00:00-05:00')] }).rowSlot;
 * // Int32Array [7, 8]
 */
export function slotCalendar(req: ShiftRequirement, options: SlotCalendarOptions = {}): SlotCalendar {
  const fn = 'scheduleShifts';
  const { intervalMinutes } = req;
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || 1440 % intervalMinutes !== 0)
    invalidInput(fn, 'intervalMinutes', 'must be a positive whole divisor of 1440', intervalMinutes);
  const rows = req.required.length;
  if (rows === 0) invalidInput(fn, 'required', 'must not be empty');
  const values = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const v = req.required[i] ?? Number.NaN;
    if (!(v >= 0) || !Number.isFinite(v))
      invalidInput(fn, `required[${i}]`, 'must be a finite number >= 0', v);
    values[i] = v;
  }
  const timeZone = req.timeZone ?? 'UTC';
  if (req.starts === undefined) {
    const w0 = req.firstWeekday ?? 0;
    const m0 = req.firstMinuteOfDay ?? 0;
    if (!Number.isInteger(w0) || w0 < 0 || w0 > 6) invalidInput(fn, 'firstWeekday', 'must be 0..6', w0);
    if (!Number.isInteger(m0) || m0 < 0 || m0 >= 1440)
      invalidInput(fn, 'firstMinuteOfDay', 'must be 0..1439', m0);
    const weekday = new Uint8Array(rows);
    const minuteOfDay = new Int16Array(rows);
    const dayIndex = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      const total = m0 + i * intervalMinutes;
      const day = Math.floor(total / 1440);
      dayIndex[i] = day;
      weekday[i] = (w0 + day) % 7;
      minuteOfDay[i] = total - day * 1440;
    }
    return {
      slots: rows,
      intervalMinutes,
      required: values,
      weekday,
      minuteOfDay,
      dayIndex,
      days: (dayIndex[rows - 1] ?? 0) + 1,
      starts: undefined,
      timeZone,
      present: new Uint8Array(rows).fill(1),
      rowSlot: Int32Array.from({ length: rows }, (_, i) => i),
    };
  }
  if (req.starts.length !== rows) invalidInput(fn, 'starts', `must have ${rows} entries`, req.starts.length);
  const rowStarts = Float64Array.from(req.starts);
  for (let i = 0; i < rows; i++) {
    const t = rowStarts[i] ?? Number.NaN;
    if (!Number.isFinite(t)) invalidInput(fn, `starts[${i}]`, 'must be a finite epoch ms', t);
    if (i > 0 && !(t > (rowStarts[i - 1] ?? 0))) invalidInput(fn, 'starts', 'must be strictly increasing', t);
  }
  // the complete local grid: whole local days, midnight to midnight, one slot per interval
  const stepMs = intervalMinutes * 60_000;
  const first = rowStarts[0] ?? 0;
  const last = rowStarts[rows - 1] ?? 0;
  const grid: number[] = [];
  const weekdays: number[] = [];
  const minutes: number[] = [];
  const dayIndexes: number[] = [];
  let day = 0;
  for (let dayStart = localMidnight(first, timeZone, 0); ; day++) {
    if (dayStart > last && day >= (options.minDays ?? 0)) break;
    const next = localMidnight(dayStart, timeZone, 1);
    for (let t = dayStart; t < next; t += stepMs) {
      const d = new TZDate(t, timeZone);
      grid.push(t);
      weekdays.push((d.getDay() + 6) % 7);
      minutes.push(d.getHours() * 60 + d.getMinutes());
      dayIndexes.push(day);
    }
    dayStart = next;
  }
  const n = grid.length;
  const required = new Float64Array(n);
  const present = new Uint8Array(n);
  const rowSlot = new Int32Array(rows);
  let slot = 0;
  for (let i = 0; i < rows; i++) {
    const t = rowStarts[i] ?? 0;
    while (slot < n && (grid[slot] ?? 0) < t) slot++;
    if (grid[slot] !== t)
      invalidInput(
        fn,
        `starts[${i}]`,
        `must start on the local ${intervalMinutes}-minute grid of ${timeZone} (intervals from local midnight)`,
        new Date(t).toISOString(),
      );
    rowSlot[i] = slot;
    present[slot] = 1;
    required[slot] = values[i] ?? 0;
  }
  return {
    slots: n,
    intervalMinutes,
    required,
    weekday: Uint8Array.from(weekdays),
    minuteOfDay: Int16Array.from(minutes),
    dayIndex: Int32Array.from(dayIndexes),
    days: day,
    starts: Float64Array.from(grid),
    timeZone,
    present,
    rowSlot,
  };
}

/**
 * `"HH:MM"` of a minute of day, wrapping past midnight (internal formatting helper). Cost O(1).
 *
 * @example
 * formatMinuteOfDay(1530); // '01:30'
 */
export function formatMinuteOfDay(minute: number): string {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
