import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { StaffcastError } from '../errors.js';
import type { Forecast } from '../forecast/types.js';
import { spillForecastCsvByQueue } from '../io/forecastSpill.js';
import { readForecastCsvByQueue } from '../io/readForecastCsv.js';
import { inputLabel, readTextInput } from '../io/readTextInput.js';
import { writeRequirementCsv } from '../io/requirementCsv.js';
import type { StaffingTarget } from '../queueing/types.js';
import { type CalibrationParams, calibrationParamsSchema } from '../schemas/calibrationParams.js';
import { readStaffingConfig, type StaffingConfig } from '../schemas/staffingConfig.js';
import { parseJsonText, validateConfig } from '../schemas/validateConfig.js';
import { handleTimeSource } from '../staffing/handleTimeSource.js';
import { usesFittedParams, withFittedInputs } from '../staffing/multiQueuePlan.js';
import type { Shrinkage } from '../staffing/shrinkage.js';
import {
  type StaffingOptions,
  type StaffingPlan,
  type StaffingScope,
  staffingPlan,
} from '../staffing/staffingPlan.js';
import { type OnProgress, progressStep } from './progress.js';
import { staffQueuesStreamed } from './staff/staffQueues.js';
import {
  type FteBasisOptions,
  fmt,
  staffFloorLine,
  staffSummaryJson,
  staffSummaryLine,
} from './staff/staffSummary.js';

/** Options of `runStaff` (the `staff` command's flags, in library terms). */
export interface StaffOptions {
  /** The forecast CSV: a file name (relative to `baseDir`), or `'-'` for `stdin`. */
  forecast: string;
  /** Folder relative file names are resolved against. */
  baseDir: string;
  /** Standard input, for `'-'` (the forecast, config or params). */
  stdin?: NodeJS.ReadableStream;
  /** The staffing target; default the config's `target`. One of the two is required. */
  target?: StaffingTarget | undefined;
  /** Period the service level must hold over. Default `'interval'`. */
  scope?: StaffingScope;
  /** Day/week scope: no interval below this service level (0..1). Default half the target. */
  minIntervalServiceLevel?: number | undefined;
  /** Staff to this forecast quantile (needs `calls_pNN` columns), 0..1. Default the mean. */
  riskQuantile?: number | undefined;
  /** Agents in every interval at least. Default none. */
  minAgents?: number | undefined;
  /** Contacts one agent handles at once (chat). Default 1. */
  concurrency?: number | undefined;
  /** Handle time in seconds; overrides the forecast's `aht_seconds` (with a warning). */
  ahtSeconds?: number | undefined;
  /** Mean patience in seconds (Erlang A). Default Erlang C (or the fitted patience). */
  patienceSeconds?: number | undefined;
  /** Shrinkage, 0 <= s < 1. Default 0. */
  shrinkage?: number | undefined;
  /** Per-queue parameters (a staffing config JSON file): plans every queue of a `queue` column. */
  config?: string | undefined;
  /** Fitted parameters (`calibrate --params-out` JSON file). */
  params?: string | undefined;
  /** IANA zone of the forecast (timestamps without offset). Default `'UTC'`. */
  timeZone?: string;
  /** Interval length in minutes. Default: detected from the rows. */
  intervalMinutes?: number | undefined;
  /** Paid hours of one FTE per week; the config's `paidHoursPerWeek` wins. Default 40. */
  paidHoursPerWeek?: number;
  /** Calendar days of the horizon for FTE per week. Default: the dates spanned, in whole weeks. */
  horizonDays?: number | undefined;
  /** Worker threads of a `config` plan: undefined = automatic (`staffThreadPolicy`), 1 = none. */
  workers?: number | undefined;
  /** Folder of temporary files (a `config` plan spills forecast and rows there). Default `os.tmpdir()`. */
  tempDir?: string | undefined;
  /** Receives the requirement CSV, in pieces, in order (awaited). */
  write: (text: string) => Promise<void> | void;
  /** Progress events (`read`, `staff` or `queues` advanced per queue, `write`). */
  onProgress?: OnProgress | undefined;
  /** Warnings as they arise (e.g. `ahtSeconds` overriding a forecast column). */
  onWarning?: ((message: string) => void) | undefined;
}

/** What `runStaff` returns besides the CSV it wrote. */
export interface StaffResult {
  /**
   * The summary as JSON-safe values (`staff --summary`): one queue: model, scope, the
   * `staffSummaryJson` figures, interval-scope and saved agent-hours, periods; with a config:
   * scope, `total`, saved agent-hours and per queue its figures.
   */
  summary: Record<string, unknown>;
  /** The summary as lines for a terminal (each without its newline). */
  lines: string[];
  /** One queue: its plan; with a config: null (the queues' rows went to `write`). */
  plan: StaffingPlan | null;
}

function usage(message: string): never {
  throw new StaffcastError('USAGE', `staff: ${message}`);
}

/**
 * The `staff` use case: reads the forecast CSV (and the staffing config and fitted parameters
 * when named), staffs every interval to the target (`staffingPlan`; with a config, every queue
 * with its own parameters through `multiQueuePlanEach`) and writes the requirement CSV (DESIGN.md
 * section 5; a `queue` column with a config) to `options.write`; returns the summary. Rules, all
 * here so the CLI only parses flags and writes:
 *
 * - the target is `options.target`, else the config's (neither: USAGE);
 * - each queue needs a handle time (`handleTimeSource`; none: USAGE naming `--aht`);
 *   `ahtSeconds` given with an `aht_seconds` column overrides it, with a warning;
 * - fitted parameters fill only what the options, the config and the forecast leave open
 *   (`withFittedInputs`), for the queues `usesFittedParams` selects;
 * - a forecast with a `queue` column needs a config and a config needs a `queue` column (USAGE);
 * - with a config the forecast is read once into a temporary spill and planned queue by queue
 *   (threads per `staffThreadPolicy`): memory does not grow with the number of queues.
 *
 * Temporary files under `tempDir` are removed on success, error and signal.
 *
 * @throws StaffcastError `USAGE` for the rules above; `CSV_ROW`, `NO_DATA`, `FILE_READ`, `CONFIG`,
 *   `TARGET_UNREACHABLE`, `INVALID_INPUT` from reading and staffing; whatever `write` throws.
 * @example
 * const parts: string[] = [];
 * const result = await runStaff({ forecast: 'bank_feb1999_forecast_week.csv', baseDir: 'test/fixtures/staffing',
 *   timeZone: 'Asia/Jerusalem', target: { serviceLevel: 0.8, thresholdSeconds: 20 },
 *   write: (text) => { parts.push(text); } });
 * result.plan.starts.length; // 336 (7 days x 48 half hours)
 * result.lines[0].slice(0, 63); // 'staff: 336 intervals, erlang-c, scope interval: 638 agent-hours'
 */
export async function runStaff(options: StaffOptions): Promise<StaffResult> {
  const { baseDir, onProgress } = options;
  const readText = (file: string, kind = 'CSV') =>
    readTextInput(file, { baseDir, ...(options.stdin === undefined ? {} : { stdin: options.stdin }), kind });
  let config: StaffingConfig | undefined;
  if (options.config !== undefined)
    config = readStaffingConfig(await readText(options.config, 'JSON'), options.config);
  const target = options.target ?? config?.target;
  if (target === undefined)
    usage('give a target: --sl 80/20, --max-asa, --max-abandon or --max-occupancy (or a target in --config)');
  const params =
    options.params === undefined
      ? undefined
      : validateConfig(
          calibrationParamsSchema,
          parseJsonText(await readText(options.params, 'JSON'), options.params),
          options.params,
        );
  const name = inputLabel(options.forecast);
  const input =
    options.forecast === '-'
      ? Readable.from([await readText(options.forecast)])
      : resolve(baseDir, options.forecast);
  const base = baseOptions(options, target as StaffingTarget);
  const paid: FteBasisOptions = {
    paidHoursPerWeek: config?.paidHoursPerWeek ?? options.paidHoursPerWeek ?? 40,
    horizonDays: options.horizonDays,
  };
  const readOptions = {
    timeZone: options.timeZone ?? 'UTC',
    fileName: name,
    ...(options.intervalMinutes === undefined ? {} : { intervalMinutes: options.intervalMinutes }),
  };
  if (config === undefined) {
    const byQueue = await progressStep(
      onProgress,
      'read',
      () => readForecastCsvByQueue(input, readOptions),
      (r) => `${[...r.values()].reduce((n, q) => n + q.report.rowsRead, 0)} rows`,
    );
    const forecasts = new Map([...byQueue].map(([queue, { forecast }]) => [queue, forecast]));
    checkHandleTimes(
      options,
      name,
      config,
      params,
      [...forecasts.keys()],
      (q) => forecasts.get(q)!.ahtSeconds !== undefined,
    );
    if (!forecasts.has(''))
      usage(`${name} has a queue column: give the per-queue parameters with --config <file>`);
    return staffOneQueue(forecasts.get('')!, base, params, paid, options);
  }
  const tempDir = options.tempDir ?? tmpdir();
  const spill = await progressStep(
    onProgress,
    'read',
    () => spillForecastCsvByQueue(input, { ...readOptions, dir: tempDir }),
    (s) => `${s.rows} rows, ${s.queues.length} queues`,
  );
  try {
    checkHandleTimes(options, name, config, params, spill.queues, () => spill.hasAhtSeconds);
    if (spill.queues.includes(''))
      usage(`--config needs a queue column in ${name} naming the queues of the config`);
    const lines: string[] = [];
    if (params !== undefined) {
      const using = config.queues.filter(usesFittedParams).map((q) => q.name);
      const not = config.queues.filter((q) => !usesFittedParams(q)).map((q) => q.name);
      lines.push(
        `staff: --params ${options.params}: fitted inputs for queues ${using.join(', ') || '(none)'}${not.length > 0 ? `; not for ${not.join(', ')} (not voice; set useParams in the config to change)` : ''}`,
      );
    }
    const multi = await staffQueuesStreamed(
      { names: spill.queues, load: async (queue) => (await spill.load(queue)).forecast },
      config,
      base,
      {
        configName: options.config!,
        forecastName: name,
        fitted: params,
        paid,
        grids: spill.queues.map((queue) => spill.grid(queue)),
        intervals: spill.rows,
        workers: options.workers,
        tempDir,
        write: options.write,
        onProgress,
      },
    );
    const scope = base.scope ?? 'interval';
    const summary = {
      scope,
      total: staffSummaryJson(multi.totals, paid),
      savedAgentHours: multi.savedAgentHours,
      queues: multi.queues.map((q) => q.json),
    };
    for (const q of multi.queues) lines.push(q.line);
    lines.push(staffSummaryLine('staff: total: ', multi.totals, paid));
    if (scope !== 'interval') {
      lines.push(staffFloorLine(scope, options.minIntervalServiceLevel, base.target));
      lines.push(`staff: ${scope} scope saves ${fmt(multi.savedAgentHours)} agent-hours`);
    }
    return { summary, lines, plan: null };
  } finally {
    await spill.remove();
  }
}

/** The plan-wide staffing options (every queue's defaults). */
function baseOptions(options: StaffOptions, target: StaffingTarget): StaffingOptions {
  const base: StaffingOptions = { target, scope: options.scope ?? 'interval' };
  if (options.patienceSeconds !== undefined) base.patienceSeconds = options.patienceSeconds;
  if (options.shrinkage !== undefined) base.shrinkage = options.shrinkage as Shrinkage;
  if (options.minIntervalServiceLevel !== undefined)
    base.minIntervalServiceLevel = options.minIntervalServiceLevel;
  if (options.riskQuantile !== undefined) base.riskQuantile = options.riskQuantile;
  if (options.minAgents !== undefined) base.minAgents = options.minAgents;
  if (options.concurrency !== undefined) base.concurrency = options.concurrency;
  if (options.ahtSeconds !== undefined) base.ahtSeconds = options.ahtSeconds;
  return base;
}

/**
 * Per queue in forecast order: a warning when `ahtSeconds` overrides the forecast's column, a
 * USAGE error when the queue has no handle time (`handleTimeSource`).
 */
function checkHandleTimes(
  options: StaffOptions,
  name: string,
  config: StaffingConfig | undefined,
  params: CalibrationParams | undefined,
  queues: readonly string[],
  hasAhtColumn: (queue: string) => boolean,
): void {
  for (const queue of queues) {
    const where = queue === '' ? name : `${name} (queue ${queue})`;
    const queueConfig = config?.queues.find((q) => q.name === queue);
    const column = hasAhtColumn(queue);
    if (column && options.ahtSeconds !== undefined)
      options.onWarning?.(
        `staff: warning: --aht ${options.ahtSeconds} overrides the aht_seconds column of ${where}`,
      );
    const source = handleTimeSource({
      ...(queueConfig === undefined ? {} : { queue: queueConfig }),
      planAhtSeconds: options.ahtSeconds,
      dataHasAhtSeconds: column,
      fittedParams: params !== undefined,
    });
    if (source === undefined)
      usage(
        `${where} has no aht_seconds column: give the handle time with --aht <seconds>${params !== undefined && queueConfig !== undefined ? ` (--params applies to voice queues only unless the config sets useParams: true for queue ${queue})` : ''}`,
      );
  }
}

/** The single-queue plan: staffs the forecast, writes its CSV, and summarises it. */
async function staffOneQueue(
  forecast: Forecast,
  base: StaffingOptions,
  params: CalibrationParams | undefined,
  paid: FteBasisOptions,
  options: StaffOptions,
): Promise<StaffResult> {
  const plan = await progressStep(
    options.onProgress,
    'staff',
    () => staffingPlan(forecast, params === undefined ? base : withFittedInputs(forecast, base, params)),
    (p) => `${p.model}, ${fmt(p.agentHours)} agent-hours on the phones`,
  );
  await options.write(writeRequirementCsv(plan));
  const summary = {
    model: plan.model,
    scope: plan.scope,
    ...staffSummaryJson(plan, paid),
    intervalScopeAgentHours: plan.intervalScopeAgentHours,
    savedAgentHours: plan.savedAgentHours,
    periods: plan.periods,
  };
  const lines = [
    staffSummaryLine(
      `staff: ${plan.starts.length} intervals, ${plan.model}, scope ${plan.scope}: `,
      plan,
      paid,
    ),
  ];
  if (plan.scope !== 'interval') {
    lines.push(staffFloorLine(plan.scope, options.minIntervalServiceLevel, base.target));
    lines.push(
      `staff: interval scope would need ${fmt(plan.intervalScopeAgentHours)} agent-hours; ` +
        `${plan.scope} scope saves ${fmt(plan.savedAgentHours)} (${fmt((100 * plan.savedAgentHours) / Math.max(1e-9, plan.intervalScopeAgentHours))}%)`,
    );
  }
  return { summary, lines, plan };
}
