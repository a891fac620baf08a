import { forecast } from '../../forecast/forecast.js';
import type { Forecast } from '../../forecast/types.js';
import { readSpecialDaysCsv } from '../../io/specialDaysCsv.js';
import type { PlanConfig } from '../../schemas/planConfig.js';
import type { History } from '../../time/history.js';
import type { SpecialDay } from '../../time/specialDays.js';
import { readPlanText, withConfigKey } from './planFiles.js';

/** The forecast options of a plan config (or of one queue), as validated. */
export type PlanForecastConfig = PlanConfig['forecast'];

/**
 * Reads the special-days CSV a plan's forecast options name (none: `[]`). O(size).
 *
 * @throws StaffcastError `FILE_READ` naming the config key (`<key>.specialDaysFile`); `CSV_ROW`
 *   for a bad row.
 * @example
 * await readPlanSpecialDays(undefined, { baseDir: '.', source: 'plan.json', key: 'forecast' }); // []
 */
export async function readPlanSpecialDays(
  options: PlanForecastConfig,
  where: { baseDir: string; source: string; key: string },
): Promise<SpecialDay[]> {
  const file = options?.specialDaysFile;
  if (file === undefined) return [];
  const text = await withConfigKey(where.source, `${where.key}.specialDaysFile`, () =>
    readPlanText(where.baseDir, file),
  );
  return readSpecialDaysCsv(text, file);
}

/**
 * Forecasts `horizonDays` after a plan history with the config's forecast options (`forecast`:
 * method, default 'auto'; quantiles, holidays and special days when given). Cost: that of
 * `forecast` (the 'auto' backtest dominates).
 *
 * @throws StaffcastError from `forecast` (`NO_DATA`, `INVALID_INPUT`).
 * @example
 * // five weeks of daily totals, the same each week (Monday 20 ... Sunday 5) plus 2 calls a week more
 * const days = Array.from({ length: 35 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const history = { calls: createSeries('UTC', 1440, days,
 *   days.map((_, d) => [20, 30, 30, 30, 30, 10, 5][d % 7] + 2 * Math.floor(d / 7))) };
 * planForecast(history, undefined, 7, []).method; // 'auto:holt-winters' (the method auto's backtest chose)
 * Array.from(planForecast(history, { method: 'seasonal-naive' }, 7, []).calls);
 * // [28, 38, 38, 38, 38, 18, 13] (the last week again)
 */
export function planForecast(
  history: History,
  options: PlanForecastConfig,
  horizonDays: number,
  specialDays: SpecialDay[],
): Forecast {
  return forecast(history, {
    horizonDays,
    method: options?.method ?? 'auto',
    ...(options?.quantiles ? { quantiles: options.quantiles } : {}),
    ...(options?.holidays !== undefined ? { holidays: options.holidays } : {}),
    specialDays,
  });
}
