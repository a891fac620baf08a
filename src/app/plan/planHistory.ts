import { StaffcastError } from '../../errors.js';
import { resampleHistory } from '../../forecast/resample.js';
import { dailyTotalsHistory, readIntradayProfile } from '../../io/dailyTotalsHistory.js';
import { type HistoryColumns, type ReadHistoryOptions, readHistoryCsv } from '../../io/readHistoryCsv.js';
import type { ReadReport } from '../../io/readReport.js';
import type { PlanConfig } from '../../schemas/planConfig.js';
import type { History } from '../../time/history.js';
import { readPlanText, resolvePlanPath, withConfigKey } from './planFiles.js';

/** Where a plan's history comes from and how to read it. */
export interface PlanHistoryOptions {
  /** Folder the config's relative paths are resolved against. */
  baseDir: string;
  /** Name of the config for messages. */
  source: string;
  /** Config key of the history, for messages: `'history'` or `'queues[1].history'`. */
  key: string;
  /** Re-aggregate to this interval length (the config's `outputIntervalMinutes`). */
  outputIntervalMinutes?: number | undefined;
  /** Value of the file's `queue` column to read (a queue's `historyQueue`). */
  queue?: string | undefined;
}

/** A plan history as read. */
export interface PlanHistory {
  /** The history, re-aggregated to `outputIntervalMinutes` when given. */
  history: History;
  /** Row accounting of the file. */
  report: ReadReport;
}

/**
 * Reads the history CSV a plan (or one queue of it) names with `readHistoryCsv` (in the config's
 * zone, with its interval length and column names; only the rows of `queue` when given) and
 * re-aggregates it to `outputIntervalMinutes` with `resampleHistory`. O(rows).
 *
 * With `dailyTotals`, the file holds daily totals split into intervals by `profile` (a profile CSV
 * or an interval history, `readIntradayProfile`) with `splitDailyTotals`.
 *
 * @throws StaffcastError `FILE_READ` naming the config key (`plan.json: history.file: cannot read
 *   x.csv: no such file`); `CSV_ROW`, `NO_DATA` from the reader; `INVALID_INPUT` from resampling;
 *   `CONFIG` for `dailyTotals` without `profile` or `profile` without `dailyTotals`.
 * @example
 * // three weeks of a US bank's calls per 5 minutes (a test fixture: 15 weekdays x 169 rows)
 * const r = await readPlanHistory({ file: 'bank_3weeks_5min.csv', timeZone: 'America/New_York' },
 *   { baseDir: 'test/fixtures/plan', source: 'plan.json', key: 'history', outputIntervalMinutes: 15 });
 * r.history.calls.intervalMinutes; // 15 (the file's 5-minute rows re-aggregated)
 * r.report.rowsUsed; // 2535
 */
export async function readPlanHistory(
  history: PlanConfig['history'],
  options: PlanHistoryOptions,
): Promise<PlanHistory> {
  if (history.dailyTotals === true) return readPlanDailyTotals(history, options);
  if (history.profile !== undefined) {
    throw new StaffcastError(
      'CONFIG',
      `${options.source}: ${options.key}.profile needs ${options.key}.dailyTotals: true`,
    );
  }
  const readOptions: ReadHistoryOptions = { timeZone: history.timeZone, fileName: history.file };
  if (history.intervalMinutes !== undefined) readOptions.intervalMinutes = history.intervalMinutes;
  if (history.dateFormat !== undefined) readOptions.dateFormat = history.dateFormat;
  if (history.columns !== undefined) readOptions.columns = history.columns as HistoryColumns;
  if (options.queue !== undefined) readOptions.queue = options.queue;
  const r = await withConfigKey(options.source, `${options.key}.file`, () =>
    readHistoryCsv(resolvePlanPath(options.baseDir, history.file), readOptions),
  );
  return {
    history:
      options.outputIntervalMinutes === undefined
        ? r.history
        : resampleHistory(r.history, options.outputIntervalMinutes),
    report: r.report,
  };
}

/** `readPlanHistory` for a daily-totals file: split by the profile, with a row report. */
async function readPlanDailyTotals(
  history: PlanConfig['history'],
  options: PlanHistoryOptions,
): Promise<PlanHistory> {
  if (history.profile === undefined) {
    throw new StaffcastError(
      'CONFIG',
      `${options.source}: ${options.key}.dailyTotals needs ${options.key}.profile`,
    );
  }
  const profileFile = history.profile;
  const profileText = await withConfigKey(options.source, `${options.key}.profile`, () =>
    readPlanText(options.baseDir, profileFile),
  );
  const profile = await readIntradayProfile(profileText, profileFile, history.timeZone);
  const text = await withConfigKey(options.source, `${options.key}.file`, () =>
    readPlanText(options.baseDir, history.file),
  );
  const { history: split, days } = dailyTotalsHistory(
    text,
    history.file,
    profile,
    profileFile,
    history.timeZone,
  );
  const calls = split.calls;
  const report: ReadReport = {
    file: history.file,
    rowsRead: days,
    rowsUsed: days,
    rowsRejected: 0,
    rowsExcluded: 0,
    errors: [],
    warnings: [],
    timeZone: history.timeZone,
    intervalMinutes: calls.intervalMinutes,
    intervalDetected: true,
    duplicateIntervals: 0,
    unsortedRows: 0,
    fractionalCounts: 0,
    gapIntervals: calls.values.filter((v) => Number.isNaN(v)).length,
    gaps: [],
    openDays: days,
    closedWeekdays: [],
    closedDays: [],
    closedIntervals: 0,
    ignoredColumns: [],
    firstStart: calls.starts[0] ?? Number.NaN,
    lastStart: calls.starts[calls.starts.length - 1] ?? Number.NaN,
  };
  return {
    history:
      options.outputIntervalMinutes === undefined
        ? split
        : resampleHistory(split, options.outputIntervalMinutes),
    report,
  };
}
