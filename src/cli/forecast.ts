import { Option } from 'commander';
import { forecastFromFile } from '../app/forecast.js';
import { type ForecastMethod, MODEL_NAMES } from '../forecast/engine.js';
import type { DateFormatOption } from '../io/dateOrder.js';
import type { CommandRegistrar } from './context.js';
import { dateFormatOption } from './dateFormatOption.js';
import {
  addDailyTotalsOptions,
  checkDailyTotalsFlags,
  checkForecastFlags,
  type HistoryArgumentFlags,
  historyReadFlags,
} from './forecastFlags.js';
import { writeOutput } from './output.js';
import { progressPrinter } from './progress.js';
import { defaultTimeZone, parseNumberList, parsePositiveInt, parseTimeZone } from './usage.js';

interface ForecastFlags extends HistoryArgumentFlags {
  horizon: number;
  tz: string;
  method: ForecastMethod;
  quantiles?: number[];
  specialDays?: string;
  holidays?: string;
  interval?: number;
  dateFormat: DateFormatOption;
  output?: string;
  quiet?: boolean;
}

/**
 * `staffcast forecast <history.csv|-> --horizon 7 [--tz UTC] [--method auto|...] [--quantiles
 * 0.1,0.9] [--special-days days.csv] [--holidays US] [--interval 30] [--date-format auto]
 * [--daily-totals --profile p.csv | --profile-from h.csv] [-o forecast.csv] [-q]`: runs
 * `forecastFromFile` (read the history, forecast the open intervals of the next `--horizon` local
 * days) and writes the forecast CSV (DESIGN.md section 5) to `-o` or stdout; the reading report
 * and the method used go to stderr, progress (read, forecast) too on a terminal unless `-q`.
 *
 * @example
 * // (not run: a command line)
 * // staffcast forecast data/us_bank_calls_5min.csv --horizon 7 --interval 30 --quantiles 0.1,0.9 -o forecast.csv
 */
export const registerForecast: CommandRegistrar = (program, ctx) => {
  const command = program
    .command('forecast')
    .description('forecast interval volumes (and AHT) for the open intervals of the next days')
    .argument('<history>', 'interval history CSV (interval_start, calls[, aht_seconds ...]), or - for stdin')
    .requiredOption('--horizon <days>', 'local calendar days to forecast', parsePositiveInt)
    .option('--tz <zone>', 'IANA zone of wall-clock timestamps', parseTimeZone, defaultTimeZone(ctx.env))
    .addOption(
      new Option('--method <name>', 'forecasting model').choices(['auto', ...MODEL_NAMES]).default('auto'),
    )
    .option('--quantiles <list>', 'quantile probabilities, e.g. 0.1,0.5,0.9', parseNumberList)
    .option('--special-days <file>', 'CSV of special days: date,label[,factor]')
    .option('--holidays <region>', "public holidays via date-holidays, e.g. 'US', 'IL', 'US-CA'")
    .option('--interval <minutes>', 're-aggregate the history to this interval first', parsePositiveInt)
    .addOption(dateFormatOption())
    .option('-o, --output <file>', 'write the forecast CSV here instead of stdout')
    .option('-q, --quiet', 'no progress on stderr');
  addDailyTotalsOptions(command).action(async (file: string, flags: ForecastFlags) => {
    checkForecastFlags('forecast', flags);
    checkDailyTotalsFlags('forecast', flags);
    const progress = progressPrinter(ctx, { command: 'forecast', quiet: flags.quiet === true });
    const run = await forecastFromFile(file, {
      baseDir: ctx.cwd,
      stdin: ctx.stdin,
      ...historyReadFlags(flags),
      horizonDays: flags.horizon,
      method: flags.method,
      ...(flags.quantiles ? { quantiles: flags.quantiles } : {}),
      ...(flags.holidays !== undefined ? { holidays: flags.holidays } : {}),
      ...(flags.specialDays !== undefined ? { specialDaysFile: flags.specialDays } : {}),
      onProgress: progress.onProgress,
      onMessage: (text) => ctx.stderr.write(text),
    }).finally(() => progress.close());
    ctx.stderr.write(`forecast: ${run.forecast.starts.length} intervals by ${run.forecast.method}\n`);
    await writeOutput(ctx, flags.output, run.csv);
  });
};
