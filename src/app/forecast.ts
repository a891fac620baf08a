import { StaffcastError } from '../errors.js';
import { forecast } from '../forecast/forecast.js';
import type { ForecastOptions } from '../forecast/options.js';
import type { Forecast } from '../forecast/types.js';
import { writeForecastCsv } from '../io/writeForecastCsv.js';
import { forecastOptionsOf } from './forecastOptionsOf.js';
import { progressStep } from './progress.js';
import { type ReadHistoryInputOptions, readHistoryInput, readSpecialDaysFile } from './readHistory.js';

/**
 * Options of `forecastFromFile`: how to read the history (`ReadHistoryInputOptions`), the
 * forecast's options (`ForecastOptions`: `horizonDays`, `method`, `quantiles`, `holidays` ...) and
 * a special-days CSV.
 */
export interface ForecastFromFileOptions
  extends ReadHistoryInputOptions,
    Omit<ForecastOptions, 'specialDays'> {
  /** Special-days CSV (`date,label[,factor]`) relative to `baseDir`. Default: none. */
  specialDaysFile?: string;
}

/** What `forecastFromFile` returns. */
export interface ForecastFromFileResult {
  /** The forecast of the open intervals of the next `horizonDays` local days (never empty). */
  forecast: Forecast;
  /** The forecast CSV (DESIGN.md section 5, `writeForecastCsv`): what `staffcast forecast` writes. */
  csv: string;
}

/**
 * The `forecast` use case: reads the special days (`readSpecialDaysFile`) and the history
 * (`readHistoryInput`: a path or `-`, daily totals split when asked, re-aggregated to
 * `intervalMinutes`), forecasts the open intervals of the next `horizonDays` local days
 * (`forecast`) and writes the forecast CSV. Progress steps: `read` (and `profile`), `forecast`.
 * Reading reports go to `onMessage`. O(history + horizon).
 *
 * @throws StaffcastError `NO_DATA` "forecast: no open interval in the N day(s) after the history
 *   ends ..." when there is nothing to forecast; the readers' `FILE_READ` / `CSV_ROW` / `NO_DATA`;
 *   `INVALID_INPUT` for bad forecast options.
 * @example
 * // (not run: reads a file)
 * const { forecast, csv } = await forecastFromFile('data/us_bank_calls_5min.csv', {
 *   baseDir: process.cwd(), timeZone: 'America/New_York', horizonDays: 7, intervalMinutes: 30,
 * });
 * forecast.method; // 'auto:...' (the model auto chose)
 * csv.split('\n')[0]; // 'interval_start,calls,aht_seconds'
 */
export async function forecastFromFile(
  file: string,
  options: ForecastFromFileOptions,
): Promise<ForecastFromFileResult> {
  const specialDays = await readSpecialDaysFile(options.specialDaysFile, options);
  const history = await readHistoryInput(file, options);
  const result = await progressStep(
    options.onProgress,
    'forecast',
    () =>
      forecast(history, {
        horizonDays: options.horizonDays,
        ...(options.method === undefined ? {} : { method: options.method }),
        ...forecastOptionsOf(options),
        specialDays,
      }),
    (f) => `${f.starts.length} intervals by ${f.method ?? 'forecast'}`,
  );
  if (result.starts.length === 0) {
    throw new StaffcastError(
      'NO_DATA',
      `forecast: no open interval in the ${options.horizonDays} day(s) after the history ends (the history is too short to learn opening hours, or the centre is closed then)`,
    );
  }
  return { forecast: result, csv: writeForecastCsv(result) };
}
