import { invalidInput } from '../errors.js';
import { localDayNumber } from '../time/localCalendar.js';
import type { Series } from '../time/series.js';
import type { Forecast } from './types.js';

/** Options of `reforecastDay`. */
export interface ReforecastOptions {
  /**
   * Prior strength in calls: the ratio used is (actual + k) / (forecast + k), so a morning with few
   * calls moves the rest of the day little (a gamma-Poisson posterior mean of the day's scale). [50]
   */
  priorCalls?: number;
}

/**
 * Intraday re-forecast: given actuals for the first part of a day, rescales the rest of that day.
 * The day is the local day of the last actual that falls on the forecast grid; the ratio is
 * r = (sum of actuals + k) / (sum of forecasts + k) over the forecast intervals of that day up to
 * that actual with a finite actual, and every later interval of that day (calls and quantiles) is
 * multiplied by r. Other days and AHT are unchanged. O(n log n).
 *
 * @throws StaffcastError `INVALID_INPUT` when the grids differ in zone or interval, or `priorCalls` < 0.
 * @example
 * // forecast 10 per interval; first two intervals actually 15 and 15; k = 0 -> the rest becomes 15
 * const f = { timeZone: 'UTC', intervalMinutes: 60, starts: Float64Array.from([9, 10, 11, 12], (h) => Date.UTC(2024, 0, 1, h)),
 *   calls: Float64Array.of(10, 10, 10, 10) };
 * const actuals = createSeries('UTC', 60, [Date.UTC(2024, 0, 1, 9), Date.UTC(2024, 0, 1, 10)], [15, 15]);
 * reforecastDay(f, actuals, { priorCalls: 0 }).calls; // [10, 10, 15, 15]
 */
export function reforecastDay(
  forecast: Forecast,
  actuals: Series,
  options: ReforecastOptions = {},
): Forecast {
  const k = options.priorCalls ?? 50;
  if (!(k >= 0 && Number.isFinite(k)))
    invalidInput('reforecastDay', 'priorCalls', 'must be a finite number >= 0', k);
  if (actuals.timeZone !== forecast.timeZone || actuals.intervalMinutes !== forecast.intervalMinutes) {
    invalidInput('reforecastDay', 'actuals', 'must be on the forecast grid (same zone and interval)');
  }
  const index = new Map<number, number>();
  forecast.starts.forEach((s, i) => {
    index.set(s, i);
  });
  let last = -1;
  for (let i = 0; i < actuals.starts.length; i++) {
    const j = index.get(actuals.starts[i]!);
    if (j !== undefined && Number.isFinite(actuals.values[i]!) && j > last) last = j;
  }
  const out: Forecast = { ...forecast, calls: Float64Array.from(forecast.calls) };
  if (forecast.quantiles) {
    out.quantiles = forecast.quantiles.map((q) => ({
      probability: q.probability,
      calls: Float64Array.from(q.calls),
    }));
  }
  if (last < 0) return out;
  const day = localDayNumber(forecast.starts[last]!, forecast.timeZone);
  let sumA = 0;
  let sumF = 0;
  for (let i = 0; i < actuals.starts.length; i++) {
    const j = index.get(actuals.starts[i]!);
    const a = actuals.values[i]!;
    if (j === undefined || j > last || !Number.isFinite(a)) continue;
    if (localDayNumber(forecast.starts[j]!, forecast.timeZone) !== day) continue;
    sumA += a;
    sumF += forecast.calls[j]!;
  }
  const ratio = sumF + k > 0 ? (sumA + k) / (sumF + k) : 1;
  for (let j = last + 1; j < forecast.starts.length; j++) {
    if (localDayNumber(forecast.starts[j]!, forecast.timeZone) !== day) break;
    out.calls[j] = forecast.calls[j]! * ratio;
    for (const q of out.quantiles ?? []) q.calls[j] = q.calls[j]! * ratio;
  }
  if (forecast.method !== undefined) out.method = `${forecast.method}+reforecast`;
  return out;
}
