import type { CalibrationGrid } from './grid.js';

/**
 * A value per local hour of day (index 0..23) for each of the two day types.
 *
 * @internal
 */
export interface HourlyTable {
  /** The centre's working days (`busyWeekdays`, Sunday to Thursday in the bank data). */
  workweek: number[];
  /** The other days (Friday and Saturday in the bank data). */
  weekend: number[];
}

/**
 * Pools a ratio `sum(numerator) / sum(denominator)` over the selected intervals by local hour of
 * day and day type. A cell whose pooled denominator is below `minDenominator` (too little data)
 * takes the pool of its whole day type, and that, if still too small, the pool of all selected
 * intervals; with no data at all the cell is `numerator / 0` (Infinity or NaN), which callers
 * treat as "not estimated". Used for handle time (talk seconds / answered calls) and patience
 * (waiting seconds / abandonments, the exponential maximum likelihood). O(intervals).
 *
 * @internal
 * @example
 * import { calibrationGrid } from './grid.js';
 * // two weekday 10:00 half hours (Monday 1 January 2024, UTC): 1000 s over 5 calls and 800 s over 5 calls
 * const grid = calibrationGrid(Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1), 'UTC', 30);
 * const talk = new Float64Array(48);
 * const answered = new Float64Array(48);
 * talk.set([1000, 800], 20);
 * answered.set([5, 5], 20);
 * const table = hourlyRatio(talk, answered, grid, () => true, [0, 1, 2, 3, 4], 1);
 * table.workweek[10]; // 180
 * table.weekend[10]; // 180 (no weekend data: the pool of all intervals)
 */
export function hourlyRatio(
  numerator: ArrayLike<number>,
  denominator: ArrayLike<number>,
  grid: CalibrationGrid,
  include: (i: number) => boolean,
  busyWeekdays: readonly number[],
  minDenominator: number,
): HourlyTable {
  const num = [new Float64Array(24), new Float64Array(24)];
  const den = [new Float64Array(24), new Float64Array(24)];
  for (let i = 0; i < grid.starts.length; i++) {
    if (!include(i)) continue;
    const type = busyWeekdays.includes(grid.weekday[i]!) ? 0 : 1;
    const hour = Math.floor(grid.minuteOfDay[i]! / 60);
    num[type]![hour]! += numerator[i]!;
    den[type]![hour]! += denominator[i]!;
  }
  const total = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);
  const allNum = total(num[0]!) + total(num[1]!);
  const allDen = total(den[0]!) + total(den[1]!);
  const table = (type: 0 | 1): number[] => {
    const typeNum = total(num[type]!);
    const typeDen = total(den[type]!);
    return Array.from({ length: 24 }, (_, h) => {
      if (den[type]![h]! >= minDenominator) return num[type]![h]! / den[type]![h]!;
      if (typeDen >= minDenominator) return typeNum / typeDen;
      return allNum / allDen;
    });
  };
  return { workweek: table(0), weekend: table(1) };
}

/**
 * The (day type, local hour) cell of grid interval i: 0-23 for the hours of a working weekday
 * (`busyWeekdays`), 24-47 for the hours of the other days. O(weekdays).
 *
 * @example
 * import { calibrationGrid } from './grid.js';
 * // on a half-hour grid starting on a Sunday, interval 21 is Sunday 10:30 (busy weekdays Sunday to Thursday)
 * const grid = calibrationGrid(Date.UTC(2024, 0, 7), Date.UTC(2024, 0, 7), 'UTC', 30);
 * hourCell(grid, [0, 1, 2, 3, 4], 21); // 10
 */
export function hourCell(grid: CalibrationGrid, busyWeekdays: readonly number[], i: number): number {
  return (busyWeekdays.includes(grid.weekday[i]!) ? 0 : 24) + Math.floor(grid.minuteOfDay[i]! / 60);
}

/**
 * The value of a table at a cell of {@link hourCell} (0-23 workweek, 24-47 weekend). O(1).
 *
 * @example
 * hourCellValue({ workweek: Array(24).fill(180), weekend: Array(24).fill(200) }, 30); // 200
 */
export function hourCellValue(table: HourlyTable, cell: number): number {
  return cell < 24 ? table.workweek[cell]! : table.weekend[cell - 24]!;
}
