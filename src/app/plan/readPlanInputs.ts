import { isAbsolute, resolve } from 'node:path';
import { StaffcastError } from '../../errors.js';
import { resampleHistory } from '../../forecast/resample.js';
import { dailyTotalsHistory, readIntradayProfile } from '../../io/dailyTotalsHistory.js';
import { readAgentsFile } from '../../io/readAgentsFile.js';
import { type HistoryColumns, type ReadHistoryOptions, readHistoryCsv } from '../../io/readHistoryCsv.js';
import type { ReadReport } from '../../io/readReport.js';
import { readTextInput } from '../../io/readTextInput.js';
import { readSpecialDaysCsv } from '../../io/specialDaysCsv.js';
import type { Agent } from '../../rostering/types.js';
import { type CalibrationParams, calibrationParamsSchema } from '../../schemas/calibrationParams.js';
import { type PlanConfig, type PlanConfigInput, readPlanConfig } from '../../schemas/planConfig.js';
import type { ShiftRulesConfig } from '../../schemas/shiftRules.js';
import { parseJsonText, validateConfig } from '../../schemas/validateConfig.js';
import type { History } from '../../time/history.js';
import type { SpecialDay } from '../../time/specialDays.js';

// The input step of a plan: every file a plan config names (history, daily totals and their
// profile, special days, fitted params, shift rules) is read here, through io, with its path
// resolved against the config's folder and a read error named by the config key.

/**
 * Resolves a path of a plan config against the config's folder (absolute paths stay as they are).
 *
 * @example
 * resolvePlanPath('/srv/staffcast/examples', '../data/h.csv'); // '/srv/staffcast/data/h.csv'
 */
export function resolvePlanPath(baseDir: string, file: string): string {
  return isAbsolute(file) ? file : resolve(baseDir, file);
}

/**
 * Reads a plan config file (`staffcast plan/replay/intraday --config`) as JSON, not yet validated
 * (`plan` validates it, with `configFile` as the source of its messages); a file that is not JSON
 * gets `readPlanConfig`'s CONFIG message.
 *
 * @throws StaffcastError `FILE_READ` when it cannot be read, `CONFIG` when it is not JSON.
 * @example
 * const json = await readPlanConfigFile('examples/plan.json', '.');
 * (json as { horizonDays: number }).horizonDays; // 7
 */
export async function readPlanConfigFile(configFile: string, cwd: string): Promise<PlanConfigInput> {
  const text = await readTextInput(configFile, { baseDir: cwd });
  try {
    return JSON.parse(text) as PlanConfigInput;
  } catch {
    return readPlanConfig(text, configFile); // throws the CONFIG message
  }
}

/**
 * Reads and parses a JSON file named by a plan config (the shift rules).
 *
 * @throws StaffcastError `FILE_READ` when it cannot be read, `CONFIG` when it is not valid JSON.
 * @example
 * Object.keys(await readPlanJson('examples', 'us-bank-rules.json')); // ['shiftTypes', 'openingHours']
 */
export async function readPlanJson(baseDir: string, file: string): Promise<unknown> {
  const text = await readTextInput(file, { baseDir });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StaffcastError('CONFIG', `${file}: not valid JSON: ${(error as Error).message}`, { file });
  }
}

/**
 * Runs `read` (a read of a file the config names) and prefixes a `FILE_READ` error's message
 * with the config's name and the key that named the file, so the user knows where to look:
 * `plan.json: history.file: cannot read data/x.csv: no such file`. Other errors pass unchanged.
 *
 * @throws StaffcastError `FILE_READ` with the prefixed message (details gain `key`); whatever
 *   else `read` throws.
 * @example
 * import { readTextInput } from '../../io/readTextInput.js';
 * await withConfigKey('plan.json', 'history.file', () => readTextInput('x.csv', { baseDir: '/w' }));
 * // throws FILE_READ 'plan.json: history.file: cannot read x.csv: no such file'
 */
export async function withConfigKey<T>(source: string, key: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof StaffcastError && error.code === 'FILE_READ')
      throw new StaffcastError('FILE_READ', `${source}: ${key}: ${error.message}`, { ...error.details, key });
    throw error;
  }
}

/**
 * Reads the fitted parameters a plan config names in `fittedParams` (the JSON `staffcast
 * calibrate --params-out` writes), resolved against the config's folder, and validates them
 * with `calibrationParamsSchema`. Cost O(size).
 *
 * @throws StaffcastError `FILE_READ` naming the config key ("plan.json: fittedParams: cannot read
 *   x.json: no such file"); `CONFIG` for invalid JSON or an invalid field, naming the config, the
 *   key and the file ("plan.json: fittedParams: p.json: availabilityFactor: ...").
 * @example
 * (await readPlanParams('test/fixtures/plan', 'bank_params.json', 'plan.json')).availabilityFactor;
 * // 0.8457427527495587
 */
export async function readPlanParams(
  baseDir: string,
  file: string,
  source: string,
): Promise<CalibrationParams> {
  const text = await withConfigKey(source, 'fittedParams', () => readTextInput(file, { baseDir }));
  const where = `${source}: fittedParams: ${file}`;
  return validateConfig(calibrationParamsSchema, parseJsonText(text, where), where);
}

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
    readTextInput(profileFile, { baseDir: options.baseDir }),
  );
  const profile = await readIntradayProfile(profileText, profileFile, history.timeZone);
  const text = await withConfigKey(options.source, `${options.key}.file`, () =>
    readTextInput(history.file, { baseDir: options.baseDir }),
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

/** The forecast options of a plan config (or of one queue), as validated. */
export type PlanForecastConfig = PlanConfig['forecast'];

/**
 * Reads the special-days CSV a plan's forecast options name (none: `[]`). O(size).
 *
 * @throws StaffcastError `FILE_READ` naming the config key (`<key>.specialDaysFile`); `CSV_ROW`
 *   for a bad row.
 * @example
 * await readPlanSpecialDays(undefined, { baseDir: '.', source: 'plan.json', key: 'forecast' }); // []
 */
export async function readPlanSpecialDays(
  options: PlanForecastConfig,
  where: { baseDir: string; source: string; key: string },
): Promise<SpecialDay[]> {
  const file = options?.specialDaysFile;
  if (file === undefined) return [];
  const text = await withConfigKey(where.source, `${where.key}.specialDaysFile`, () =>
    readTextInput(file, { baseDir: where.baseDir }),
  );
  return readSpecialDaysCsv(text, file);
}

/** Where a plan's agents come from and what they are checked against. */
export interface PlanAgentsOptions {
  /** Folder the config's relative paths are resolved against. */
  baseDir: string;
  /** Name of the config for messages. */
  source: string;
  /**
   * Every queue the plan knows (`knownQueues`: the plan's queues and the rules' `roster.queues`):
   * every agent's skills must be among them.
   */
  queues: readonly string[];
  /** The plan's validated shift rules: contracts are checked against their shift types. */
  shiftRules: ShiftRulesConfig;
  /** Zone of agents without a `time_zone` (the plan's zone). */
  timeZone: string;
}

/**
 * Reads the agents file a plan config names in `agents` (CSV, or JSON when it ends in `.json`;
 * `readAgentsFile`) with the time-off CSV of `timeOff`, both relative to the config's folder, and
 * checks them against the known queues and the shift rules. O(size).
 *
 * @throws StaffcastError `FILE_READ` naming the config key (`plan.json: agents: cannot read
 *   x.csv: no such file`, or `timeOff`); `CSV_ROW` / `CONFIG` from the readers, naming file, line
 *   and column.
 * @example
 * import { parseShiftRules } from '../../schemas/shiftRules.js';
 * import { readPlanJson } from './readPlanInputs.js';
 * const shiftRules = parseShiftRules(await readPlanJson('examples', 'il-bank-rules.json'));
 * const agents = await readPlanAgents({ agents: 'il-bank-agents.csv', timeOff: 'il-bank-time-off.csv' },
 *   { baseDir: 'examples', source: 'plan.json', queues: ['regular', 'prospects', 'stocks'], shiftRules,
 *     timeZone: 'Asia/Jerusalem' });
 * agents.length; // 25
 */
export async function readPlanAgents(
  files: { agents: string; timeOff?: string | undefined },
  options: PlanAgentsOptions,
): Promise<Agent[]> {
  const { baseDir, source } = options;
  // read the time-off file first on its own, so its read error names its key
  if (files.timeOff !== undefined) {
    const timeOff = files.timeOff;
    await withConfigKey(source, 'timeOff', () => readTextInput(timeOff, { baseDir, kind: 'CSV' }));
  }
  return withConfigKey(source, 'agents', () =>
    readAgentsFile(files.agents, {
      baseDir,
      queues: options.queues,
      shiftRules: options.shiftRules,
      timeZone: options.timeZone,
      ...(files.timeOff === undefined ? {} : { timeOffFile: files.timeOff }),
    }),
  );
}
