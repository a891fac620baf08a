import { StaffcastError } from '../errors.js';
import type { History } from '../time/history.js';
import { localMinuteOfDay } from '../time/localCalendar.js';
import { localDayIntervals } from '../time/localDayIntervals.js';
import { dayLogSdAt } from './dayEffect.js';
import { buildDayTable } from './dayTable.js';
import { forecastDays, indexSpecialDays } from './engine.js';
import { type ForecastOptions, resolveForecastOptions } from './options.js';
import type { Forecast } from './types.js';

/**
 * Forecasts offered calls (and AHT when the history has it) for every open interval of the next
 * `horizonDays` local calendar days after the last day of history.
 *
 * Open weekdays and hours are learned from the last 8 weeks (no weekend is assumed). The model is
 * `options.method`; `'auto'` backtests every candidate over rolling origins in the last weeks of the
 * history and keeps the best only when it beats the 4-week historical average by `autoMargin`,
 * otherwise the baseline. Quantiles (and `dayLogSd`) come from the chosen model's rolling-origin
 * validation days before the end of the history: a day-level volume multiplier with the median,
 * skew and spread (growing with the lead) of the validation days' actual / forecast ratios, on
 * top of over-dispersed interval noise (see
 * `fitDayEffect`, `predictiveQuantile`). Special days are kept out of training and forecast from their own history
 * or factor. Cost: O(validationOrigins * models * days * slots); about 0.2 s for a year of 6-minute data.
 *
 * @throws StaffcastError `INVALID_INPUT` for bad options, `NO_DATA` for an empty history.
 * @example
 * // 4 weeks of hourly history open 09:00-12:00 every day with 10 calls an hour; 'historical-average', horizon 1
 * const starts = Array.from({ length: 28 * 3 }, (_, i) => Date.UTC(2024, 0, 1 + Math.floor(i / 3), 9 + (i % 3)));
 * const history = { calls: createSeries('UTC', 60, starts, starts.map(() => 10)) };
 * forecast(history, { horizonDays: 1, method: 'historical-average' }).calls; // Float64Array [10, 10, 10] (the next day's open hours)
 */
export function forecast(history: History, options: ForecastOptions): Forecast {
  const table = buildDayTable(history);
  const { settings, specialDays } = resolveForecastOptions('forecast', options, table);
  const end = table.dayNumbers.length;
  const special = indexSpecialDays(table, specialDays);
  if (special.excluded.every((x) => x === 1)) {
    throw new StaffcastError('NO_DATA', 'forecast: every day of history is a special day');
  }
  const f = forecastDays(table, end, special, settings);
  const s = table.slotsPerDay;
  const starts: number[] = [];
  const calls: number[] = [];
  const aht: number[] = [];
  const logSd: number[] = [];
  const logLocation: number[] = [];
  const qs: number[][] = f.quantiles.map(() => []);
  f.targets.forEach((t, i) => {
    if (f.closedDays.has(t.dayNumber)) return;
    const grid = localDayIntervals(t.dayNumber, table.timeZone, table.intervalMinutes);
    grid.forEach((start) => {
      const c = i * s + Math.floor(localMinuteOfDay(start, table.timeZone) / table.intervalMinutes);
      const v = f.values[c]!;
      if (!Number.isFinite(v)) return;
      starts.push(start);
      calls.push(v);
      if (f.ahtSeconds) aht.push(f.ahtSeconds[c]!);
      if (f.dayEffect) {
        logSd.push(dayLogSdAt(f.dayEffect, t.openDaysAhead));
        logLocation.push(f.dayEffect.logLocation);
      }
      f.quantiles.forEach((q, j) => {
        qs[j]!.push(q[c]!);
      });
    });
  });
  const out: Forecast = {
    timeZone: table.timeZone,
    intervalMinutes: table.intervalMinutes,
    starts: Float64Array.from(starts),
    calls: Float64Array.from(calls),
    method: f.method,
  };
  if (f.ahtSeconds) out.ahtSeconds = Float64Array.from(aht);
  if (f.dayEffect) {
    out.dayLogSd = Float64Array.from(logSd);
    out.dayLogLocation = Float64Array.from(logLocation);
    out.dayLogShape = Float64Array.from(f.dayEffect.logShape);
  }
  if (settings.probabilities.length > 0) {
    out.quantiles = settings.probabilities.map((probability, j) => ({
      probability,
      calls: Float64Array.from(qs[j]!),
    }));
  }
  return out;
}
