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
 * import { resolveCalibrateOptions } from './options.js';
 * import { calibrationFrame } from './frame.js';
 * // two weekdays (Monday 1 and Tuesday 2 January 2024, UTC), a call a minute 10:00-10:59: waits 0-30 s,
 * // talk 120-180 s by agents A0-A2, every fifth caller hangs up after 30 s
 * const call = (day, k) => { const ab = k % 5 === 4, wait = ab ? 30 : (k % 4) * 10;
 *   return { arrivalMs: Date.UTC(2024, 0, 1 + day, 10) + k * 60_000, serviceType: 'PS', priority: 0,
 *     outcome: ab ? 'HANG' : 'AGENT', vruSeconds: 0, queued: wait > 0, queueSeconds: wait,
 *     servedByAgent: !ab, serviceSeconds: ab ? NaN : 120 + (k % 7) * 10, agent: ab ? '' : `A${k % 3}` }; };
 * const records = [0, 1].flatMap((day) => Array.from({ length: 60 }, (_, k) => call(day, k)));
 * const options = resolveCalibrateOptions({ timeZone: 'UTC' });
 * const frame = calibrationFrame(records, options);
 * handleTimes(frame, options).byHour.workweek[10]; // 148.96 (mean talk of the 96 answered calls)
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
