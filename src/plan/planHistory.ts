import { resampleHistory } from '../forecast/resample.js';
import { type HistoryColumns, type ReadHistoryOptions, readHistoryCsv } from '../io/readHistoryCsv.js';
import type { ReadReport } from '../io/readReport.js';
import type { History } from '../time/history.js';
import type { PlanConfig } from './planConfig.js';
import { resolvePlanPath, withConfigKey } from './planFiles.js';

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
 * @throws StaffcastError `FILE_READ` naming the config key (`plan.json: history.file: cannot read
 *   x.csv: no such file`); `CSV_ROW`, `NO_DATA` from the reader; `INVALID_INPUT` from resampling.
 * @example
 * const cfg = parsePlanConfig(JSON.parse(readFileSync('examples/plan.json', 'utf8')));
 * const r = await readPlanHistory(cfg.history, { baseDir: 'examples', source: 'plan.json', key: 'history',
 *   outputIntervalMinutes: cfg.outputIntervalMinutes });
 * r.history.calls.intervalMinutes; // 15 (the file's 5-minute rows re-aggregated)
 * r.report.rowsUsed; // 27716
 */
export async function readPlanHistory(
  history: PlanConfig['history'],
  options: PlanHistoryOptions,
): Promise<PlanHistory> {
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
