import { StaffcastError } from '../errors.js';
import { type IntradayShares, learnIntradayShares } from '../forecast/intradayShares.js';
import { resampleHistory } from '../forecast/resample.js';
import { dailyTotalsHistory } from '../io/dailyTotalsHistory.js';
import type { DateFormatOption } from '../io/dateOrder.js';
import { formatReadReport } from '../io/formatReadReport.js';
import { readIntradaySharesCsv } from '../io/intradaySharesCsv.js';
import { readHistoryCsv } from '../io/readHistoryCsv.js';
import { inputLabel, readTextInput } from '../io/readTextInput.js';
import { readSpecialDaysCsv } from '../io/specialDaysCsv.js';
import type { History } from '../time/history.js';
import type { SpecialDay } from '../time/specialDays.js';
import { type InputFileOptions, inputSource } from './inputFile.js';
import { type OnProgress, progressStep } from './progress.js';

/**
 * How a history argument is split when it holds daily totals (`date,calls`) instead of intervals:
 * by the intraday profile CSV `profile` (`weekday,time,share`), or by the profile learned from the
 * interval history `profileFrom` (read in `profileTimeZone`, default the history's zone). Exactly
 * one of `profile` and `profileFrom`.
 */
export interface DailyTotalsSource {
  profile?: string;
  profileFrom?: string;
  profileTimeZone?: string;
}

/** Options of `readHistoryInput`. */
export interface ReadHistoryInputOptions extends InputFileOptions {
  /** IANA zone of wall-clock timestamps, and of the history's grid. */
  timeZone: string;
  /** Re-aggregate the history to this interval (minutes, dividing 1440). Default: as read. */
  intervalMinutes?: number;
  /** Date order of the timestamps. Default `'auto'`. */
  dateFormat?: DateFormatOption;
  /** The file holds daily totals, split into intervals by this profile. Default: an interval history. */
  dailyTotals?: DailyTotalsSource;
  /** Progress of the reads (`read`, and `profile` for `profileFrom`). */
  onProgress?: OnProgress;
  /** Receives each reading report and the line saying how daily totals were split, as they happen. */
  onMessage?: (text: string) => void;
}

/**
 * Reads the history argument of `forecast` and `backtest` (a path, or `-` for stdin) in
 * `timeZone` and re-aggregates it to `intervalMinutes` when given (`resampleHistory`). The reading
 * report (`formatReadReport`) goes to `onMessage`. With `dailyTotals` the file is a daily-totals
 * CSV split into intervals (`dailyTotalsHistory`) by the profile CSV, or by the profile learned
 * (`learnIntradayShares`) from the `profileFrom` history, whose reading report is passed on too;
 * a line then says how many days and intervals. O(rows).
 *
 * @throws StaffcastError `FILE_READ`, `CSV_ROW`, `NO_DATA` from the readers (naming file, line
 *   and column); `CSV_ROW` for a day the profile cannot split.
 * @example
 * // (not run: reads a file)
 * const messages: string[] = [];
 * const history = await readHistoryInput('data/us_bank_calls_5min.csv', {
 *   baseDir: process.cwd(),
 *   timeZone: 'America/New_York',
 *   intervalMinutes: 30,
 *   onMessage: (text) => messages.push(text),
 * });
 * history.calls.intervalMinutes; // 30
 */
export async function readHistoryInput(file: string, options: ReadHistoryInputOptions): Promise<History> {
  const say = options.onMessage ?? (() => {});
  const dateFormat = options.dateFormat ?? 'auto';
  let history: History;
  const daily = options.dailyTotals;
  if (daily !== undefined) {
    const text = await readTextInput(file, {
      baseDir: options.baseDir,
      ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    });
    let profile: IntradayShares;
    let profileName: string;
    if (daily.profile !== undefined) {
      const name = daily.profile;
      profileName = inputLabel(name);
      profile = readIntradaySharesCsv(await readTextInput(name, { baseDir: options.baseDir }), name);
    } else if (daily.profileFrom !== undefined) {
      const from = daily.profileFrom;
      profileName = inputLabel(from);
      const read = await progressStep(
        options.onProgress,
        'profile',
        () =>
          readHistoryCsv(inputSource(from, options), {
            timeZone: daily.profileTimeZone ?? options.timeZone,
            fileName: inputLabel(from),
            dateFormat,
          }),
        (r) => `${r.history.calls.starts.length} intervals`,
      );
      say(formatReadReport(read.report));
      profile = learnIntradayShares(read.history);
    } else {
      throw new StaffcastError(
        'INVALID_INPUT',
        'readHistoryInput: options.dailyTotals needs a profile or profileFrom',
      );
    }
    const split = dailyTotalsHistory(text, inputLabel(file), profile, profileName, options.timeZone);
    history = split.history;
    say(
      `${inputLabel(file)}: ${split.days} daily totals split into ${history.calls.starts.length} intervals of ${profile.intervalMinutes} min\n`,
    );
  } else {
    const read = await progressStep(
      options.onProgress,
      'read',
      () =>
        readHistoryCsv(inputSource(file, options), {
          timeZone: options.timeZone,
          fileName: inputLabel(file),
          dateFormat,
        }),
      (r) => `${r.report.rowsUsed} rows`,
    );
    say(formatReadReport(read.report));
    history = read.history;
  }
  return options.intervalMinutes === undefined ? history : resampleHistory(history, options.intervalMinutes);
}

/**
 * Reads a special-days CSV (`date,label[,factor]`, `readSpecialDaysCsv`) named relative to
 * `baseDir`; no file is no special day.
 *
 * @throws StaffcastError `FILE_READ` when the file cannot be read, `CSV_ROW` for a bad row.
 * @example
 * await readSpecialDaysFile(undefined, { baseDir: '.' }); // []
 */
export async function readSpecialDaysFile(
  file: string | undefined,
  options: Pick<InputFileOptions, 'baseDir'>,
): Promise<SpecialDay[]> {
  if (file === undefined) return [];
  return readSpecialDaysCsv(await readTextInput(file, { baseDir: options.baseDir }), file);
}
