import { type BacktestOptions, type BacktestResult, backtest } from '../forecast/backtest.js';
import { formatBacktestTable } from '../forecast/backtestTable.js';
import { forecastOptionsOf } from './forecastOptionsOf.js';
import { type ReadHistoryInputOptions, readHistoryInput, readSpecialDaysFile } from './readHistory.js';

/**
 * Options of `backtestFromFile`: how to read the history (`ReadHistoryInputOptions`), the
 * backtest's options (`BacktestOptions`: `horizonDays`, `origins`, `methods`, `quantiles` ...), a
 * special-days CSV, and the output form.
 */
export interface BacktestFromFileOptions
  extends ReadHistoryInputOptions,
    Omit<BacktestOptions, 'specialDays' | 'onOrigin'> {
  /** Special-days CSV (`date,label[,factor]`) relative to `baseDir`. Default: none. */
  specialDaysFile?: string;
  /** `text` is the result as JSON instead of the accuracy table. Default false. */
  json?: boolean;
}

/** What `backtestFromFile` returns. */
export interface BacktestFromFileResult {
  result: BacktestResult;
  /** The accuracy table (`formatBacktestTable`) or, with `json`, the result as indented JSON. */
  text: string;
}

/**
 * The `backtest` use case: reads the special days and the history (`readHistoryInput`, as for
 * `forecastFromFile`), runs the rolling-origin `backtest` and formats the accuracy table per method
 * and lead day (or JSON). Progress steps: `read` (and `profile`), then `origins` with a bar of the
 * origins scored (`advance` events, `done` of `total`). Reading reports go to `onMessage`.
 * Cost: origins x methods x one forecast.
 *
 * @throws StaffcastError the readers' `FILE_READ` / `CSV_ROW` / `NO_DATA`; `backtest`'s
 *   `INVALID_INPUT` and `NO_DATA` (no origin qualifies).
 * @example
 * // (not run: reads a file)
 * const { result } = await backtestFromFile('data/us_bank_calls_5min.csv', {
 *   baseDir: process.cwd(), timeZone: 'America/New_York', horizonDays: 7, origins: 'all', intervalMinutes: 30,
 * });
 * result.rows.filter((r) => r.leadDay === 0).length; // one pooled row per method
 */
export async function backtestFromFile(
  file: string,
  options: BacktestFromFileOptions,
): Promise<BacktestFromFileResult> {
  const specialDays = await readSpecialDaysFile(options.specialDaysFile, options);
  const history = await readHistoryInput(file, options);
  const onProgress = options.onProgress;
  const t0 = performance.now();
  onProgress?.({ step: 'origins', phase: 'start' });
  const result = backtest(history, {
    horizonDays: options.horizonDays,
    ...(options.origins === undefined ? {} : { origins: options.origins }),
    ...(options.originsFrom === undefined ? {} : { originsFrom: options.originsFrom }),
    ...(options.originDates === undefined ? {} : { originDates: options.originDates }),
    ...(options.methods === undefined ? {} : { methods: options.methods }),
    ...forecastOptionsOf(options),
    specialDays,
    ...(onProgress === undefined
      ? {}
      : {
          onOrigin: (done: number, total: number) =>
            onProgress({ step: 'origins', phase: 'advance', done, total }),
        }),
  });
  onProgress?.({
    step: 'origins',
    phase: 'done',
    seconds: (performance.now() - t0) / 1000,
    detail: `${result.origins.length} origins`,
  });
  const text = options.json === true ? `${JSON.stringify(result, null, 2)}\n` : formatBacktestTable(result);
  return { result, text };
}
