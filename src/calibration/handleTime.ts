import type { CalibrationFrame } from './frame.js';
import { type HourlyTable, hourCell, hourCellValue, hourlyRatio } from './hourlyTable.js';
import type { ResolvedCalibrateOptions } from './options.js';

/** The handle time given to the models: the fitted hourly table and the value of each interval. */
export interface HandleTimes {
  /** Talk seconds / answered calls by local hour and day type, over the training days. */
  byHour: HourlyTable;
  /** Handle time of each grid interval (s): its own mean talk time, or the hourly value. */
  seconds: Float64Array;
}

/**
 * Step 2 of `calibrate`: the handle time of every interval. The hourly table pools talk seconds /
 * answered calls of the training days by local hour and day type (a cell needs 20 answered calls,
 * see `hourlyRatio`); with `ahtSource` 'interval' an interval with answered calls takes its own
 * mean talk time (measured, as a planner reports it), otherwise the table's value. O(intervals).
 *
 * @example
 * // the February 1999 bank month on half hours
 * handleTimes(frame, { busyWeekdays: [0, 1, 2, 3, 4], ahtSource: 'interval' }).byHour.workweek[10]; // 188 (rounded)
 */
export function handleTimes(
  frame: CalibrationFrame,
  options: Pick<ResolvedCalibrateOptions, 'busyWeekdays' | 'ahtSource'>,
): HandleTimes {
  const { grid, kpis, isTrain } = frame;
  const { busyWeekdays, ahtSource } = options;
  const byHour = hourlyRatio(kpis.serviceSecondsTotal, kpis.answered, grid, isTrain, busyWeekdays, 20);
  const seconds = new Float64Array(grid.starts.length);
  for (let i = 0; i < seconds.length; i++) {
    const hourly = hourCellValue(byHour, hourCell(grid, busyWeekdays, i));
    seconds[i] = ahtSource === 'interval' && kpis.answered[i]! > 0 ? kpis.ahtSeconds[i]! : hourly;
  }
  return { byHour, seconds };
}
