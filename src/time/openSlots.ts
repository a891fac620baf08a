import { invalidInput } from '../errors.js';
import { gridPositions } from './gridPositions.js';
import type { Series } from './series.js';

/**
 * Options of `openSlots`.
 *
 * @internal
 */
export interface OpenSlotsOptions {
  /** How many recent weeks (counted back from the series' last local day) to learn from. Default 8. */
  weeks?: number;
  /** Share (0..1) of a weekday's recent days with data on which a slot must be present to be open. Default 0.5. */
  minShare?: number;
}

/**
 * Opening hours learned from a series: which (weekday, slot) pairs are open.
 *
 * @internal
 */
export interface LearnedOpenSlots {
  /** Slots in a day (1440 / intervalMinutes). */
  slotsPerDay: number;
  /** True when slot `slot` of weekday `weekday` (0 = Sunday) is open. */
  isOpen(weekday: number, slot: number): boolean;
  /** The open pairs `[weekday, slot]`, ordered by weekday then slot (feeds `futureGrid`). */
  pairs: [weekday: number, slot: number][];
  /** Weekdays with no data in the window: closed every week (never assume Saturday/Sunday). */
  closedWeekdays: number[];
}

/**
 * Learns opening hours from the recent part of a series: over the last `weeks` weeks of local days,
 * slot s of weekday w is open when the series has that interval (a value or a NaN gap: gaps are
 * open intervals with missing data; closed intervals are absent) on at least `minShare` of the
 * days of weekday w that have any interval. A weekday with no day in the window is closed.
 * O(n).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` for weeks < 1 or minShare outside (0, 1].
 * @example
 * // two weeks of hourly history, open Mon-Fri 09:00-11:00 (1 January 2024 is a Monday)
 * const starts = Array.from({ length: 14 }, (_, d) => d).filter((d) => d % 7 < 5)
 *   .flatMap((d) => [Date.UTC(2024, 0, 1 + d, 9), Date.UTC(2024, 0, 1 + d, 10)]);
 * openSlots(createSeries('UTC', 60, starts, starts.map(() => 5))).closedWeekdays; // [0, 6]
 */
export function openSlots(series: Series, options: OpenSlotsOptions = {}): LearnedOpenSlots {
  const weeks = options.weeks ?? 8;
  const minShare = options.minShare ?? 0.5;
  if (!Number.isInteger(weeks) || weeks < 1)
    invalidInput('openSlots', 'weeks', 'must be a whole number >= 1', weeks);
  if (!(minShare > 0 && minShare <= 1)) invalidInput('openSlots', 'minShare', 'must be in (0, 1]', minShare);
  const positions = gridPositions(series);
  const { slotsPerDay } = positions;
  const n = series.starts.length;
  const counts = new Int32Array(7 * slotsPerDay);
  const daysPerWeekday = new Int32Array(7);
  if (n > 0) {
    const lastDay = positions.dayNumbers[n - 1]!;
    const firstDay = lastDay - weeks * 7 + 1;
    let previousDay = Number.NaN;
    let previousSlot = -1;
    for (let i = 0; i < n; i++) {
      const day = positions.dayNumbers[i]!;
      if (day < firstDay) continue;
      const weekday = positions.weekdays[i]!;
      const slot = positions.slots[i]!;
      if (day !== previousDay) {
        daysPerWeekday[weekday]!++;
        previousSlot = -1;
      }
      if (slot !== previousSlot) counts[weekday * slotsPerDay + slot]!++;
      previousDay = day;
      previousSlot = slot;
    }
  }
  const open = new Uint8Array(7 * slotsPerDay);
  const pairs: [number, number][] = [];
  const closedWeekdays: number[] = [];
  for (let w = 0; w < 7; w++) {
    const days = daysPerWeekday[w]!;
    if (days === 0) closedWeekdays.push(w);
    for (let s = 0; s < slotsPerDay; s++) {
      if (days > 0 && counts[w * slotsPerDay + s]! >= minShare * days) {
        open[w * slotsPerDay + s] = 1;
        pairs.push([w, s]);
      }
    }
  }
  return {
    slotsPerDay,
    isOpen: (weekday, slot) => open[weekday * slotsPerDay + slot] === 1,
    pairs,
    closedWeekdays,
  };
}
