import type { Command } from 'commander';
import type { ReadHistoryInputOptions } from '../app/readHistory.js';
import { StaffcastError } from '../errors.js';
import type { DateFormatOption } from '../io/dateOrder.js';
import { parseTimeZone } from './usage.js';

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
 * Checks the flags shared by forecast and backtest; USAGE errors exit 2.
 *
 * @throws StaffcastError `USAGE` for a quantile outside (0, 1) or an interval that does not divide 1440
 * @example
 * checkForecastFlags('forecast', { interval: 30 }); // undefined
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
 * Checks the daily-totals flags: `--daily-totals` needs exactly one of `--profile` and
 * `--profile-from`, and those need `--daily-totals`; USAGE errors exit 2.
 *
 * @throws StaffcastError `USAGE` naming the flags
 * @example
 * checkDailyTotalsFlags('forecast', { tz: 'UTC', dailyTotals: true, profile: 'p.csv' }); // undefined
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
 * The reading options of `readHistoryInput` that the history flags give (`--tz`, `--interval`,
 * `--date-format`, `--daily-totals` with `--profile` / `--profile-from` / `--profile-tz`).
 *
 * @example
 * historyReadFlags({ tz: 'UTC', interval: 30 }); // { timeZone: 'UTC', intervalMinutes: 30 }
 */
export function historyReadFlags(
  flags: HistoryArgumentFlags,
): Pick<ReadHistoryInputOptions, 'timeZone' | 'intervalMinutes' | 'dateFormat' | 'dailyTotals'> {
  return {
    timeZone: flags.tz,
    ...(flags.interval === undefined ? {} : { intervalMinutes: flags.interval }),
    ...(flags.dateFormat === undefined ? {} : { dateFormat: flags.dateFormat }),
    ...(flags.dailyTotals === true
      ? {
          dailyTotals: {
            ...(flags.profile === undefined ? {} : { profile: flags.profile }),
            ...(flags.profileFrom === undefined ? {} : { profileFrom: flags.profileFrom }),
            ...(flags.profileTz === undefined ? {} : { profileTimeZone: flags.profileTz }),
          },
        }
      : {}),
  };
}

/**
 * Adds the daily-totals options shared by `forecast` and `backtest`.
 *
 * @example
 * // (not run: needs a commander program)
 * addDailyTotalsOptions(program.command('forecast')).action(...);
 */
export function addDailyTotalsOptions(command: Command): Command {
  return command
    .option('--daily-totals', 'the history is a daily-totals CSV (date,calls) to split into intervals')
    .option('--profile <file>', 'intraday profile CSV (weekday,time,share) splitting --daily-totals')
    .option('--profile-from <history>', 'interval history CSV whose intraday profile splits --daily-totals')
    .option('--profile-tz <zone>', 'IANA zone of the --profile-from history (default --tz)', parseTimeZone);
}
