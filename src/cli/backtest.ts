import { StaffcastError } from '../errors.js';
import { backtest } from '../forecast/backtest.js';
import { formatBacktestTable } from '../forecast/backtestTable.js';
import { type ForecastMethod, MODEL_NAMES } from '../forecast/engine.js';
import type { DateFormatOption } from '../io/dateOrder.js';
import { dateFormatOption } from './dateFormatOption.js';
import { checkForecastFlags, loadSpecialDays, readHistoryArgument } from './forecast.js';
import type { CommandRegistrar } from './program.js';
import { defaultTimeZone, parseNumberList, parsePositiveInt, parseTimeZone } from './usage.js';

interface BacktestFlags {
  dateFormat: DateFormatOption;
  horizon: number;
  origins: number;
  tz: string;
  methods?: string;
  quantiles: number[];
  specialDays?: string;
  holidays?: string;
  interval?: number;
  json?: boolean;
}

/**
 * `staffcast backtest <history.csv|-> --horizon 7 [--origins 8] [--methods a,b] [--quantiles
 * 0.1,0.9] [--tz UTC] [--special-days days.csv] [--holidays US] [--interval 30] [--json]`: prints
 * the rolling-origin accuracy table (per method and lead day) or the result as JSON.
 *
 * @example
 * // staffcast backtest data/us_bank_calls_5min.csv --horizon 7 --origins 4 --interval 30
 */
export const registerBacktest: CommandRegistrar = (program, ctx) => {
  program
    .command('backtest')
    .description('rolling-origin backtest of the forecasting models over the last quarter of a history')
    .argument('<history>', 'interval history CSV, or - for stdin')
    .requiredOption('--horizon <days>', 'local calendar days forecast at each origin', parsePositiveInt)
    .option('--origins <n>', 'rolling origins', parsePositiveInt, 8)
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
    .option('--json', 'print the result as JSON')
    .action(async (file: string, flags: BacktestFlags) => {
      checkForecastFlags('backtest', flags);
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
        quantiles: flags.quantiles,
        specialDays,
        ...(methods ? { methods } : {}),
        ...(flags.holidays !== undefined ? { holidays: flags.holidays } : {}),
      });
      ctx.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatBacktestTable(result));
    });
};
