import { InvalidArgumentError } from 'commander';
import { StaffcastError } from '../errors.js';
import { backtest } from '../forecast/backtest.js';
import { formatBacktestTable } from '../forecast/backtestTable.js';
import { type ForecastMethod, MODEL_NAMES } from '../forecast/engine.js';
import { dateFormatOption } from './dateFormatOption.js';
import {
  addDailyTotalsOptions,
  checkDailyTotalsFlags,
  checkForecastFlags,
  type HistoryArgumentFlags,
  loadSpecialDays,
  readHistoryArgument,
} from './forecast.js';
import type { CommandRegistrar } from './program.js';
import { defaultTimeZone, parseFraction, parseNumberList, parsePositiveInt, parseTimeZone } from './usage.js';

/** `--origins`: a whole number >= 1 or `all`. */
function parseOrigins(value: string): number | 'all' {
  return value === 'all' ? 'all' : parsePositiveInt(value);
}

/** `--origin-dates`: comma-separated `YYYY-MM-DD` dates. */
function parseDates(value: string): string[] {
  const dates = value.split(',').map((d) => d.trim());
  for (const d of dates) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new InvalidArgumentError(`'${d}' is not a YYYY-MM-DD date.`);
  }
  return dates;
}

interface BacktestFlags extends HistoryArgumentFlags {
  horizon: number;
  origins: number | 'all';
  originDates?: string[];
  originsFrom?: number;
  methods?: string;
  quantiles: number[];
  specialDays?: string;
  holidays?: string;
  json?: boolean;
}

/**
 * `staffcast backtest <history.csv|-> --horizon 7 [--origins 8|all] [--origins-from 0.75]
 * [--origin-dates d1,d2] [--methods a,b] [--quantiles 0.1,0.9] [--tz UTC] [--special-days days.csv]
 * [--holidays US] [--interval 30] [--json]`: prints the rolling-origin accuracy table (per method
 * and lead in open days) or the result as JSON.
 *
 * @example
 * // (not run: a shell command)
 * // staffcast backtest data/us_bank_calls_5min.csv --horizon 7 --origins all --interval 30
 */
export const registerBacktest: CommandRegistrar = (program, ctx) => {
  const command = program
    .command('backtest')
    .description('rolling-origin backtest of the forecasting models over the last quarter of a history')
    .argument('<history>', 'interval history CSV, or - for stdin')
    .requiredOption(
      '--horizon <days>',
      'open days scored after each origin (lead 1 = the next day with data)',
      parsePositiveInt,
    )
    .option(
      '--origins <n|all>',
      "rolling origins spread over the window, or 'all' open days",
      parseOrigins,
      8,
    )
    .option(
      '--origins-from <fraction>',
      'origins from this fraction of the history on (default 0.75)',
      parseFraction,
    )
    .option('--origin-dates <list>', 'explicit origins, comma-separated YYYY-MM-DD', parseDates)
    .option('--methods <list>', `comma-separated: auto,${MODEL_NAMES.join(',')} (default all)`)
    .option(
      '--quantiles <list>',
      'quantile probabilities whose coverage is reported',
      parseNumberList,
      [0.1, 0.9],
    )
    .option('--tz <zone>', 'IANA zone of wall-clock timestamps', parseTimeZone, defaultTimeZone(ctx.env))
    .option('--special-days <file>', 'CSV of special days: date,label[,factor]')
    .option('--holidays <region>', "public holidays via date-holidays, e.g. 'US', 'IL'")
    .option('--interval <minutes>', 're-aggregate the history to this interval first', parsePositiveInt)
    .addOption(dateFormatOption())
    .option('--json', 'print the result as JSON');
  addDailyTotalsOptions(command).action(async (file: string, flags: BacktestFlags) => {
    checkForecastFlags('backtest', flags);
    checkDailyTotalsFlags('backtest', flags);
    let methods: ForecastMethod[] | undefined;
    if (flags.methods !== undefined) {
      methods = flags.methods.split(',').map((m) => m.trim()) as ForecastMethod[];
      for (const m of methods) {
        if (m !== 'auto' && !MODEL_NAMES.includes(m)) {
          throw new StaffcastError(
            'USAGE',
            `backtest: --methods '${m}' is not one of auto, ${MODEL_NAMES.join(', ')}`,
          );
        }
      }
    }
    const specialDays = await loadSpecialDays(ctx, flags.specialDays);
    const history = await readHistoryArgument(ctx, file, flags);
    const result = backtest(history, {
      horizonDays: flags.horizon,
      origins: flags.origins,
      ...(flags.originsFrom !== undefined ? { originsFrom: flags.originsFrom } : {}),
      ...(flags.originDates !== undefined ? { originDates: flags.originDates } : {}),
      quantiles: flags.quantiles,
      specialDays,
      ...(methods ? { methods } : {}),
      ...(flags.holidays !== undefined ? { holidays: flags.holidays } : {}),
    });
    ctx.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatBacktestTable(result));
  });
};
