import { InvalidArgumentError } from 'commander';
import { backtestFromFile } from '../app/backtest.js';
import { StaffcastError } from '../errors.js';
import { type ForecastMethod, MODEL_NAMES } from '../forecast/engine.js';
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

/** `--methods a,b`: model names or `auto`; anything else is a usage error (exit 2). */
function parseMethods(list: string): ForecastMethod[] {
  const methods = list.split(',').map((m) => m.trim()) as ForecastMethod[];
  for (const m of methods) {
    if (m !== 'auto' && !MODEL_NAMES.includes(m)) {
      throw new StaffcastError(
        'USAGE',
        `backtest: --methods '${m}' is not one of auto, ${MODEL_NAMES.join(', ')}`,
      );
    }
  }
  return methods;
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
  output?: string;
  quiet?: boolean;
}

/**
 * `staffcast backtest <history.csv|-> --horizon 7 [--origins 8|all] [--origins-from 0.75]
 * [--origin-dates d1,d2] [--methods a,b] [--quantiles 0.1,0.9] [--tz UTC] [--special-days days.csv]
 * [--holidays US] [--interval 30] [--date-format auto] [--daily-totals --profile p.csv |
 * --profile-from h.csv] [--json] [-o out] [-q]`: runs `backtestFromFile` and writes the
 * rolling-origin accuracy table (per method and lead in open days), or the result as JSON, to
 * stdout or `-o`; the reading report goes to stderr, and on a terminal (unless `-q`) a bar of the
 * origins scored with an ETA.
 *
 * @example
 * // (not run: a command line)
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
    .option('--json', 'print the result as JSON')
    .option('-o, --output <file>', 'write the table (or JSON) to this file instead of stdout')
    .option('-q, --quiet', 'no progress on stderr');
  addDailyTotalsOptions(command).action(async (file: string, flags: BacktestFlags) => {
    checkForecastFlags('backtest', flags);
    checkDailyTotalsFlags('backtest', flags);
    const methods = flags.methods === undefined ? undefined : parseMethods(flags.methods);
    const progress = progressPrinter(ctx, { command: 'backtest', quiet: flags.quiet === true });
    const run = await backtestFromFile(file, {
      baseDir: ctx.cwd,
      stdin: ctx.stdin,
      ...historyReadFlags(flags),
      horizonDays: flags.horizon,
      origins: flags.origins,
      ...(flags.originsFrom !== undefined ? { originsFrom: flags.originsFrom } : {}),
      ...(flags.originDates !== undefined ? { originDates: flags.originDates } : {}),
      quantiles: flags.quantiles,
      ...(methods ? { methods } : {}),
      ...(flags.holidays !== undefined ? { holidays: flags.holidays } : {}),
      ...(flags.specialDays !== undefined ? { specialDaysFile: flags.specialDays } : {}),
      json: flags.json === true,
      onProgress: progress.onProgress,
      onMessage: (text) => ctx.stderr.write(text),
    }).finally(() => progress.close());
    await writeOutput(ctx, flags.output, run.text);
  });
};
