import { invalidInput } from '../errors.js';
import { localParts } from './localTime.js';

/**
 * One cell of the weekly heat map: a local weekday and a local time-of-day slot.
 *
 * @internal
 */
export interface HeatmapCell {
  /** ISO weekday index 0 = Monday ... 6 = Sunday (local). */
  weekday: number;
  /** Slot of the local day, 0 .. slotsPerDay - 1 (slot = floor(minuteOfDay / intervalMinutes)). */
  slot: number;
  /** Local minute of day at which the slot starts. */
  minuteOfDay: number;
  /** Mean of the values falling in this cell; `NaN` when none (closed or not in the horizon). */
  value: number;
}

/**
 * The weekly heat map: every weekday x every slot of the day, Monday first.
 *
 * @internal
 */
export interface WeeklyHeatmap {
  /** Number of slots in a day: 1440 / intervalMinutes. */
  slotsPerDay: number;
  /** `7 * slotsPerDay` cells, ordered by weekday then slot. */
  cells: HeatmapCell[];
}

/**
 * Folds an interval series onto a week: the mean value per (local weekday, local time-of-day slot),
 * with local fields read in `timeZone` via `@date-fns/tz` (so a DST shift moves nothing). Always
 * returns all `7 * 1440 / intervalMinutes` cells; cells with no finite value are `NaN`. NaN values
 * are skipped. O(n + cells).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` when `intervalMinutes` does not divide 1440 or lengths differ.
 * @example
 * const h = weeklyHeatmap([Date.UTC(1999, 1, 1, 8)], [5], 'UTC', 60); // Monday 08:00
 * h.cells.length;    // 168
 * h.cells[8]!.value; // 5
 */
export function weeklyHeatmap(
  starts: ArrayLike<number>,
  values: ArrayLike<number>,
  timeZone: string,
  intervalMinutes: number,
): WeeklyHeatmap {
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || 1440 % intervalMinutes !== 0) {
    invalidInput(
      'weeklyHeatmap',
      'intervalMinutes',
      'must be a whole number of minutes dividing 1440',
      intervalMinutes,
    );
  }
  if (starts.length !== values.length) {
    invalidInput(
      'weeklyHeatmap',
      'values',
      `must have one value per start (${starts.length})`,
      values.length,
    );
  }
  const slotsPerDay = 1440 / intervalMinutes;
  const sums = new Float64Array(7 * slotsPerDay);
  const counts = new Float64Array(7 * slotsPerDay);
  for (let i = 0; i < starts.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const p = localParts(starts[i]!, timeZone);
    const k = p.weekday * slotsPerDay + Math.floor(p.minuteOfDay / intervalMinutes);
    sums[k]! += v;
    counts[k]! += 1;
  }
  const cells: HeatmapCell[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let slot = 0; slot < slotsPerDay; slot++) {
      const k = weekday * slotsPerDay + slot;
      const n = counts[k]!;
      cells.push({
        weekday,
        slot,
        minuteOfDay: slot * intervalMinutes,
        value: n > 0 ? sums[k]! / n : Number.NaN,
      });
    }
  }
  return { slotsPerDay, cells };
}
