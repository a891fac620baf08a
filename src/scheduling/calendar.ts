import { TZDate } from '@date-fns/tz';
import { invalidInput } from '../errors.js';

/**
 * The requirement a schedule must cover: required agents per interval on a regular grid.
 * Slots are numbered 0..n-1 from the first interval; the solver works in slot indexes.
 */
export interface ShiftRequirement {
  /** Interval length in minutes (15, 30, 60 ...). */
  intervalMinutes: number;
  /** Agents required on the phones in each interval (>= 0, may be fractional). */
  required: ArrayLike<number>;
  /** Epoch ms of each interval start (optional). With them, weekdays and times of day come from `timeZone`. */
  starts?: ArrayLike<number>;
  /** IANA zone of the local times the rules speak of (default `'UTC'`). */
  timeZone?: string;
  /** Without `starts`: weekday of slot 0, 0 = Monday ... 6 = Sunday (default 0). */
  firstWeekday?: number;
  /** Without `starts`: local minute of day of slot 0 (default 0). */
  firstMinuteOfDay?: number;
}

/** Per-slot calendar labels of a requirement (internal). */
export interface SlotCalendar {
  slots: number;
  intervalMinutes: number;
  required: Float64Array;
  /** 0 = Monday ... 6 = Sunday. */
  weekday: Uint8Array;
  /** Local minute of day of the slot start. */
  minuteOfDay: Int16Array;
  /** Calendar day of the horizon the slot falls on (0 = the first day). */
  dayIndex: Int32Array;
  days: number;
  starts: Float64Array | undefined;
  timeZone: string;
}

/**
 * Labels every slot of a requirement with its local weekday, minute of day and horizon day.
 * With `starts`, the labels come from the wall clock in `timeZone` (DST-correct via `TZDate`);
 * without, slot i is `firstMinuteOfDay + i * intervalMinutes` minutes after `firstWeekday` 00:00.
 * Cost O(n).
 *
 * @throws StaffcastError `INVALID_INPUT` for a bad interval length, a negative or NaN requirement
 *   or `starts` of the wrong length
 * @example
 * slotCalendar({ intervalMinutes: 60, required: new Array(48).fill(1) }).weekday[30]; // 1 (Tuesday)
 */
export function slotCalendar(req: ShiftRequirement): SlotCalendar {
  const fn = 'scheduleShifts';
  const { intervalMinutes } = req;
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || 1440 % intervalMinutes !== 0)
    invalidInput(fn, 'intervalMinutes', 'must be a positive whole divisor of 1440', intervalMinutes);
  const n = req.required.length;
  if (n === 0) invalidInput(fn, 'required', 'must not be empty');
  const required = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = req.required[i] ?? Number.NaN;
    if (!(v >= 0) || !Number.isFinite(v))
      invalidInput(fn, `required[${i}]`, 'must be a finite number >= 0', v);
    required[i] = v;
  }
  const weekday = new Uint8Array(n);
  const minuteOfDay = new Int16Array(n);
  const dayIndex = new Int32Array(n);
  const timeZone = req.timeZone ?? 'UTC';
  let starts: Float64Array | undefined;
  if (req.starts !== undefined) {
    if (req.starts.length !== n) invalidInput(fn, 'starts', `must have ${n} entries`, req.starts.length);
    starts = Float64Array.from(req.starts);
    let day = 0;
    let prevKey = '';
    for (let i = 0; i < n; i++) {
      const t = starts[i] ?? 0;
      if (i > 0 && !(t > (starts[i - 1] ?? 0))) invalidInput(fn, 'starts', 'must be strictly increasing', t);
      const d = new TZDate(t, timeZone);
      const key = `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
      if (i > 0 && key !== prevKey) day++;
      prevKey = key;
      weekday[i] = (d.getDay() + 6) % 7;
      minuteOfDay[i] = d.getHours() * 60 + d.getMinutes();
      dayIndex[i] = day;
    }
  } else {
    const w0 = req.firstWeekday ?? 0;
    const m0 = req.firstMinuteOfDay ?? 0;
    if (!Number.isInteger(w0) || w0 < 0 || w0 > 6) invalidInput(fn, 'firstWeekday', 'must be 0..6', w0);
    if (!Number.isInteger(m0) || m0 < 0 || m0 >= 1440)
      invalidInput(fn, 'firstMinuteOfDay', 'must be 0..1439', m0);
    for (let i = 0; i < n; i++) {
      const total = m0 + i * intervalMinutes;
      const day = Math.floor(total / 1440);
      dayIndex[i] = day;
      weekday[i] = (w0 + day) % 7;
      minuteOfDay[i] = total - day * 1440;
    }
  }
  return {
    slots: n,
    intervalMinutes,
    required,
    weekday,
    minuteOfDay,
    dayIndex,
    days: (dayIndex[n - 1] ?? 0) + 1,
    starts,
    timeZone,
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
