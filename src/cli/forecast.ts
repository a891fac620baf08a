import { type Command, Option } from 'commander';
import { StaffcastError } from '../errors.js';
import { type ForecastMethod, MODEL_NAMES } from '../forecast/engine.js';
import { forecast } from '../forecast/forecast.js';
import { type IntradayShares, learnIntradayShares } from '../forecast/intradayShares.js';
import { resampleHistory } from '../forecast/resample.js';
import { dailyTotalsHistory } from '../io/dailyTotalsHistory.js';
import type { DateFormatOption } from '../io/dateOrder.js';
import { formatReadReport } from '../io/formatReadReport.js';
import { readIntradaySharesCsv } from '../io/intradaySharesCsv.js';
import { readHistoryCsv } from '../io/readHistoryCsv.js';
import { inputLabel, readTextInput } from '../io/readTextInput.js';
import { readSpecialDaysCsv } from '../io/specialDaysCsv.js';
import { writeForecastCsv } from '../io/writeForecastCsv.js';
import type { History } from '../time/history.js';
import type { SpecialDay } from '../time/specialDays.js';
import { type CliContext, openInput } from './context.js';
import { dateFormatOption } from './dateFormatOption.js';
import { writeOutput } from './output.js';
import type { CommandRegistrar } from './program.js';
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
}

/**
 * Reads a special-days CSV for a command (`FILE_READ` when it cannot be read).
 *
 * @example
 * await loadSpecialDays(ctx, 'days.csv'); // [{ date: '2024-12-25', label: 'Christmas', factor: 0 }]
 */
export async function loadSpecialDays(ctx: CliContext, file: string | undefined): Promise<SpecialDay[]> {
  if (file === undefined) return [];
  const text = await readTextInput(file, { baseDir: ctx.cwd });
  return readSpecialDaysCsv(text, file);
}

/**
 * Checks the flags shared by forecast and backtest; USAGE errors exit 2.
 *
 * @example
 * checkForecastFlags('forecast', { interval: 7 }); // throws USAGE 'forecast: --interval must divide 1440 (got 7)'
 */
export function checkForecastFlags(
  command: string,
  flags: { quantiles?: number[]; interval?: number },
): void {
  for (const p of flags.quantiles ?? []) {
    if (!(p > 0 && p < 1)) {
      throw new StaffcastError(
        'USAGE',
        `${command}: --quantiles must be probabilities between 0 and 1 (got ${p})`,
      );
    }
  }
  if (flags.interval !== undefined && 1440 % flags.interval !== 0) {
    throw new StaffcastError('USAGE', `${command}: --interval must divide 1440 (got ${flags.interval})`);
  }
}

/**
 * `staffcast forecast <history.csv|-> --horizon 7 [--tz UTC] [--method auto] [--quantiles
 * 0.1,0.5,0.9] [--special-days days.csv] [--holidays US] [--interval 30] [-o forecast.csv]`:
 * writes the forecast CSV (DESIGN.md section 5) to stdout or `-o`; the reading report and the
 * method used go to stderr.
 */
/** Flags of `forecast` and `backtest` that say how to read the history argument. */
export interface HistoryArgumentFlags {
  tz: string;
  interval?: number;
  /** Date order of the history's timestamps (`--date-format`, default `'auto'`). */
  dateFormat?: DateFormatOption;
  /** The argument is a daily-totals CSV (`date,calls`) to split into intervals. */
  dailyTotals?: boolean;
  /** Intraday profile CSV (`weekday,time,share`) for `--daily-totals`. */
  profile?: string;
  /** Interval history whose intraday profile splits the `--daily-totals`. */
  profileFrom?: string;
  /** Zone of the `--profile-from` history (default `--tz`). */
  profileTz?: string;
}

/**
 * Checks the daily-totals flags: `--daily-totals` needs exactly one of `--profile` and
 * `--profile-from`, and those need `--daily-totals`; USAGE errors exit 2.
 *
 * @example
 * checkDailyTotalsFlags('forecast', { tz: 'UTC', dailyTotals: true }); // throws USAGE
 */
export function checkDailyTotalsFlags(command: string, flags: HistoryArgumentFlags): void {
  const given = [flags.profile, flags.profileFrom].filter((x) => x !== undefined).length;
  if (flags.dailyTotals === true && given !== 1) {
    throw new StaffcastError(
      'USAGE',
      `${command}: --daily-totals needs one of --profile <profile.csv> or --profile-from <history.csv>`,
    );
  }
  if (flags.dailyTotals !== true && (given > 0 || flags.profileTz !== undefined)) {
    throw new StaffcastError(
      'USAGE',
      `${command}: --profile, --profile-from and --profile-tz need --daily-totals`,
    );
  }
}

/**
 * Reads the history argument of `forecast` and `backtest` (a path or `-` for stdin) in `--tz`,
 * prints the reading report to stderr and re-aggregates to `--interval` when given. With
 * `--daily-totals` the argument is a daily-totals CSV, split into intervals (`splitDailyTotals`)
 * by the profile of `--profile` or the one learned from the `--profile-from` history (read in
 * `--profile-tz`, default `--tz`); a line on stderr says how many days and intervals.
 *
 * @example
 * import { processContext } from './context.js';
 * const report: string[] = [];
 * const ctx = { ...processContext(), stderr: { write: (text: string) => report.push(text) } } as unknown as CliContext;
 * (await readHistoryArgument(ctx, 'data/us_bank_calls_5min.csv', { tz: 'America/New_York' })).calls.intervalMinutes;
 * // 5 (the History on 5-minute intervals)
 * report[0]?.split('\n')[0]; // 'read 27,716 rows from data/us_bank_calls_5min.csv: 27,716 used, 0 rejected'
 */
export async function readHistoryArgument(
  ctx: CliContext,
  file: string,
  flags: HistoryArgumentFlags,
): Promise<History> {
  let history: History;
  if (flags.dailyTotals === true) {
    const text = await readTextInput(file, { baseDir: ctx.cwd, stdin: ctx.stdin });
    let profile: IntradayShares;
    if (flags.profile !== undefined) {
      profile = readIntradaySharesCsv(
        await readTextInput(flags.profile, { baseDir: ctx.cwd }),
        flags.profile,
      );
    } else {
      const from = flags.profileFrom!;
      const read = await readHistoryCsv(openInput(ctx, from), {
        timeZone: flags.profileTz ?? flags.tz,
        fileName: inputLabel(from),
        dateFormat: flags.dateFormat ?? 'auto',
      });
      ctx.stderr.write(formatReadReport(read.report));
      profile = learnIntradayShares(read.history);
    }
    const split = dailyTotalsHistory(
      text,
      inputLabel(file),
      profile,
      inputLabel(flags.profile ?? flags.profileFrom!),
      flags.tz,
    );
    history = split.history;
    ctx.stderr.write(
      `${inputLabel(file)}: ${split.days} daily totals split into ${history.calls.starts.length} intervals of ${profile.intervalMinutes} min\n`,
    );
  } else {
    const read = await readHistoryCsv(openInput(ctx, file), {
      timeZone: flags.tz,
      fileName: inputLabel(file),
      dateFormat: flags.dateFormat ?? 'auto',
    });
    ctx.stderr.write(formatReadReport(read.report));
    history = read.history;
  }
  return flags.interval === undefined ? history : resampleHistory(history, flags.interval);
}

/**
 * Adds the daily-totals options shared by `forecast` and `backtest`.
 *
 * @example
 * import { Command } from 'commander';
 * addDailyTotalsOptions(new Command('forecast')).options.map((o) => o.long);
 * // ['--daily-totals', '--profile', '--profile-from', '--profile-tz']
 */
export function addDailyTotalsOptions(command: Command): Command {
  return command
    .option('--daily-totals', 'the history is a daily-totals CSV (date,calls) to split into intervals')
    .option('--profile <file>', 'intraday profile CSV (weekday,time,share) splitting --daily-totals')
    .option('--profile-from <history>', 'interval history CSV whose intraday profile splits --daily-totals')
    .option('--profile-tz <zone>', 'IANA zone of the --profile-from history (default --tz)', parseTimeZone);
}

/**
 * `staffcast forecast <history.csv|-> --horizon 7 [--tz UTC] [--method auto|...] [--quantiles
 * 0.1,0.9] [--special-days days.csv] [--holidays US] [--interval 30] [-o forecast.csv]`: reads the
 * history (`readHistoryArgument`: its read report on stderr), forecasts the open intervals of the
 * next `--horizon` local days and writes the forecast CSV (DESIGN.md section 5) to `-o` or stdout.
 *
 * @example
 * // (not run: a shell command)
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
    .option('-o, --output <file>', 'write the forecast CSV here instead of stdout');
  addDailyTotalsOptions(command).action(async (file: string, flags: ForecastFlags) => {
    checkForecastFlags('forecast', flags);
    checkDailyTotalsFlags('forecast', flags);
    const specialDays = await loadSpecialDays(ctx, flags.specialDays);
    const history = await readHistoryArgument(ctx, file, flags);
    const result = forecast(history, {
      horizonDays: flags.horizon,
      method: flags.method,
      ...(flags.quantiles ? { quantiles: flags.quantiles } : {}),
      ...(flags.holidays !== undefined ? { holidays: flags.holidays } : {}),
      specialDays,
    });
    if (result.starts.length === 0) {
      throw new StaffcastError(
        'NO_DATA',
        `forecast: no open interval in the ${flags.horizon} day(s) after the history ends (the history is too short to learn opening hours, or the centre is closed then)`,
      );
    }
    ctx.stderr.write(`forecast: ${result.starts.length} intervals by ${result.method}\n`);
    const csv = writeForecastCsv(result);
    await writeOutput(ctx, flags.output, csv);
  });
};
