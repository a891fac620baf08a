import { invalidInput } from '../errors.js';
import type { GridOptions } from './gridOptions.js';
import { dayNumberOfDate, localWallMs, weekdayOfDayNumber } from './localCalendar.js';
import { checkInterval, localDayIntervals } from './localDayIntervals.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Which (weekday, slot) pairs are open: a predicate, or a list of `[weekday, slot]` pairs.
 *
 * @internal
 */
export type OpenSlots =
  | ((weekday: number, slot: number, dayNumber: number) => boolean)
  | Iterable<readonly [weekday: number, slot: number]>;

/**
 * Options of `futureGrid`: the grid's zone and interval length (dividing 1440) and the days.
 *
 * @internal
 */
export interface FutureGridOptions extends Required<GridOptions> {
  /** First local day: `YYYY-MM-DD` or a local day number. */
  firstDay: string | number;
  /** Number of consecutive local days (>= 0). */
  days: number;
  /** Open (weekday 0 = Sunday, slot = local minute of day / intervalMinutes) pairs. */
  open: OpenSlots;
}

/**
 * A future interval grid: starts plus each interval's local position.
 *
 * @internal
 */
export interface FutureGrid {
  /** Epoch-ms starts of the open intervals, strictly increasing. */
  starts: Float64Array;
  /** Local day number of each interval. */
  dayNumbers: Int32Array;
  /** Local weekday of each interval (0 = Sunday). */
  weekdays: Uint8Array;
  /** Slot of each interval within its local day. */
  slots: Int32Array;
}

/**
 * The open intervals of `days` consecutive local days from `firstDay`, aligned in local time
 * (DST-aware through `localDayIntervals`: a skipped slot is absent, a repeated slot appears twice).
 * An interval is kept when its (weekday, slot) is open. O(days * 1440 / intervalMinutes).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` for a bad interval length or a negative day count.
 * @example
 * futureGrid({ timeZone: 'UTC', intervalMinutes: 60, firstDay: '2024-05-06', days: 2, open: [[1, 9], [2, 10]] }).starts;
 * // Float64Array [Date.UTC(2024, 4, 6, 9), Date.UTC(2024, 4, 7, 10)]
 */
export function futureGrid(options: FutureGridOptions): FutureGrid {
  const { timeZone, intervalMinutes, days } = options;
  checkInterval('futureGrid', intervalMinutes);
  if (!Number.isInteger(days) || days < 0)
    invalidInput('futureGrid', 'days', 'must be a whole number >= 0', days);
  const first = typeof options.firstDay === 'number' ? options.firstDay : dayNumberOfDate(options.firstDay);
  const isOpen = openPredicate(options.open, 1440 / intervalMinutes);
  const starts: number[] = [];
  const dayNumbers: number[] = [];
  const weekdays: number[] = [];
  const slots: number[] = [];
  const intervalMs = intervalMinutes * MINUTE_MS;
  for (let day = first; day < first + days; day++) {
    const weekday = weekdayOfDayNumber(day);
    for (const start of localDayIntervals(day, timeZone, intervalMinutes)) {
      const slot = Math.floor((localWallMs(start, timeZone) - day * DAY_MS) / intervalMs);
      if (!isOpen(weekday, slot, day)) continue;
      starts.push(start);
      dayNumbers.push(day);
      weekdays.push(weekday);
      slots.push(slot);
    }
  }
  return {
    starts: Float64Array.from(starts),
    dayNumbers: Int32Array.from(dayNumbers),
    weekdays: Uint8Array.from(weekdays),
    slots: Int32Array.from(slots),
  };
}

function openPredicate(open: OpenSlots, slotsPerDay: number): (w: number, s: number, d: number) => boolean {
  if (typeof open === 'function') return open;
  const set = new Set<number>();
  for (const [weekday, slot] of open) set.add(weekday * slotsPerDay + slot);
  return (w, s) => set.has(w * slotsPerDay + s);
}
