import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { InvalidArgumentError, Option } from 'commander';
import { StaffcastError } from '../errors.js';
import type { Forecast } from '../forecast/types.js';
import { openAtomicTextWriter } from '../io/atomicTextWriter.js';
import { readForecastCsvByQueue } from '../io/readForecastCsv.js';
import { inputLabel, readTextInput } from '../io/readTextInput.js';
import { writeRequirementCsv } from '../io/requirementCsv.js';
import { createRequirementSpill, type RequirementSpill } from '../io/requirementSpill.js';
import { writeTextFile } from '../io/writeTextFile.js';
import { DEFAULT_MAX_AGENTS } from '../queueing/requiredAgents.js';
import type { StaffingTarget } from '../queueing/types.js';
import { type CalibrationParams, calibrationParamsSchema } from '../schemas/calibrationParams.js';
import { readStaffingConfig, type StaffingConfig } from '../schemas/staffingConfig.js';
import { parseJsonText, validateConfig } from '../schemas/validateConfig.js';
import { fteBasis } from '../staffing/fte.js';
import {
  type MultiQueueEachOptions,
  multiQueuePlanEach,
  type PlanTotals,
  planTotalsAccumulator,
  usesFittedParams,
  withFittedInputs,
} from '../staffing/multiQueuePlan.js';
import {
  DEFAULT_INTERVAL_FLOOR_SHARE,
  type StaffingOptions,
  type StaffingScope,
  staffingPlan,
} from '../staffing/staffingPlan.js';
import { type StaffingSummary, staffingSummary } from '../staffing/staffingSummary.js';
import type { Requirement } from '../staffing/types.js';
import { formatInstant } from '../time/formatInstant.js';
import type { CliContext, CommandRegistrar } from './context.js';
import { writeOutput } from './output.js';
import {
  addTargetOptions,
  parseAhtSeconds,
  parseConcurrency,
  type TargetFlags,
  targetFromFlags,
} from './targetFlags.js';
import {
  defaultTimeZone,
  parseFraction,
  parseNonNegativeInt,
  parsePositive,
  parsePositiveInt,
  parseTimeZone,
} from './usage.js';

interface StaffFlags extends TargetFlags {
  aht?: number;
  scope: StaffingScope;
  minIntervalSl?: number;
  quantile?: number;
  minAgents?: number;
  concurrency?: number;
  config?: string;
  params?: string;
  tz: string;
  interval?: number;
  paidHours: number;
  horizonDays?: number;
  output?: string;
  summary?: string;
}

/** `--min-agents`: a whole number 0..`DEFAULT_MAX_AGENTS` (a floor above it could never be staffed). */
function parseMinAgents(value: string): number {
  const n = parseNonNegativeInt(value);
  if (n > DEFAULT_MAX_AGENTS)
    throw new InvalidArgumentError(`'${value}' must be at most ${DEFAULT_MAX_AGENTS} agents.`);
  return n;
}

function usage(message: string): never {
  throw new StaffcastError('USAGE', `staff: ${message}`);
}

/** The target the flags describe, or undefined when no flag names one. */
function targetOf(flags: StaffFlags): StaffingTarget | undefined {
  const target = targetFromFlags(flags, 'staff');
  return Object.keys(target).length === 0 ? undefined : target;
}

function readText(ctx: CliContext, file: string, kind = 'CSV'): Promise<string> {
  return readTextInput(file, { baseDir: ctx.cwd, stdin: ctx.stdin, kind });
}

/**
 * Forecasts by queue: one (named '') without a `queue` column, else one per queue value. A file is
 * streamed from disk (never held whole as text); stdin is read as text.
 */
async function readForecasts(
  input: string | Readable,
  name: string,
  timeZone: string,
  intervalMinutes: number | undefined,
): Promise<Map<string, Forecast>> {
  const byQueue = await readForecastCsvByQueue(input, {
    timeZone,
    fileName: name,
    ...(intervalMinutes === undefined ? {} : { intervalMinutes }),
  });
  return new Map([...byQueue].map(([queue, { forecast }]) => [queue, forecast]));
}

async function readParams(ctx: CliContext, file: string) {
  return validateConfig(
    calibrationParamsSchema,
    parseJsonText(await readText(ctx, file, 'JSON'), file),
    file,
  );
}

/**
 * Intervals in total from which a multi-queue `--config` plan runs on worker threads (when it has
 * two or more voice/chat queues): below it, starting the threads costs more than it saves.
 */
const PARALLEL_MIN_INTERVALS = 20_000;

/** What `staffQueuesStreamed` keeps of a multi-queue plan: the summaries, never the rows. */
interface StreamedPlan {
  queues: Array<{ json: Record<string, unknown>; line: string }>;
  totals: PlanTotals;
  savedAgentHours: number;
}

/**
 * The multi-queue plan of `--config`, one queue at a time (`multiQueuePlanEach`; on worker threads
 * for several large queues, same result either way): each queue's summary is kept, its rows are
 * spilled to a temporary folder (`TMPDIR`, else the system one) and the queue's plan and forecast
 * are dropped; then the rows of every queue are merged by start into the requirement CSV, written
 * to stdout or atomically to `-o`. Memory: one queue's plan (a batch on threads) plus the totals
 * grid, not every queue's rows. The temporary folder is removed on success, error and signal.
 */
async function staffQueuesStreamed(
  ctx: CliContext,
  forecasts: Map<string, Forecast>,
  config: StaffingConfig,
  options: StaffingOptions,
  fitted: CalibrationParams | undefined,
  how: { configName: string; forecastName: string; output: string | undefined; paid: FteFlags },
): Promise<StreamedPlan> {
  let intervals = 0;
  for (const forecast of forecasts.values()) intervals += forecast.starts.length;
  const staffed = config.queues.filter((q) => q.channel !== 'email').length;
  const each: MultiQueueEachOptions = {
    configName: how.configName,
    forecastName: how.forecastName,
    parallel: staffed >= 2 && intervals > PARALLEL_MIN_INTERVALS,
    ...(fitted === undefined ? {} : { fitted }),
  };
  const totals = planTotalsAccumulator([...forecasts.values()], 'UTC');
  const queues: StreamedPlan['queues'] = [];
  let savedAgentHours = 0;
  let timeZone = 'UTC';
  let spill: RequirementSpill | undefined;
  const dir = ctx.env.TMPDIR || tmpdir();
  try {
    for await (const q of multiQueuePlanEach(forecasts, config, options, each)) {
      if (spill === undefined) {
        timeZone = q.plan.timeZone;
        spill = await createRequirementSpill({ dir, timeZone });
      }
      totals.add(q.plan);
      savedAgentHours += q.plan.savedAgentHours;
      queues.push({
        json: {
          name: q.name,
          channel: q.channel,
          model: q.plan.model,
          ...summaryJson(q.plan, how.paid),
          savedAgentHours: q.plan.savedAgentHours,
        },
        line: summaryLine(`staff: queue ${q.name} (${q.channel}): `, q.plan, how.paid),
      });
      await spill.add(q.name, q.plan);
      forecasts.delete(q.name);
    }
    spill ??= await createRequirementSpill({ dir, timeZone });
    if (how.output === undefined) await spill.merge((text) => writeStdout(ctx, text));
    else {
      const out = await openAtomicTextWriter(how.output, { baseDir: ctx.cwd });
      try {
        await spill.merge((text) => out.write(text));
        await out.commit();
      } catch (error) {
        await out.abort();
        throw error;
      }
    }
  } finally {
    await spill?.remove();
  }
  return { queues, totals: { ...totals.totals(), timeZone }, savedAgentHours };
}

/** Writes to the context's stdout, waiting for 'drain' when the stream asks for it. */
function writeStdout(ctx: CliContext, text: string): Promise<void> | undefined {
  const out = ctx.stdout as {
    write(chunk: string): unknown;
    once?: (event: 'drain', listener: () => void) => unknown;
  };
  if (out.write(text) !== false || out.once === undefined) return undefined;
  return new Promise((done) => out.once!('drain', done));
}

/** The per-interval floor of a day/week scope, as applied (`--min-interval-sl` or the default). */
function floorLine(scope: StaffingScope, given: number | undefined, target: StaffingTarget): string {
  const level = given ?? (target.serviceLevel ?? 0) * DEFAULT_INTERVAL_FLOOR_SHARE;
  const within = target.thresholdSeconds === undefined ? '' : ` within ${target.thresholdSeconds} s`;
  const why =
    given === undefined
      ? `default: half the ${scope} target; --min-interval-sl changes it, 0 drops it`
      : '--min-interval-sl';
  return `staff: ${scope} scope: every interval keeps at least ${(100 * level).toFixed(1)}%${within} (${why})`;
}

function fmt(x: number, digits = 1): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

type Summarised = Pick<
  Requirement,
  'starts' | 'agents' | 'scheduledAgents' | 'timeZone' | 'intervalMinutes'
> & {
  serviceLevel?: Float64Array;
  abandonRate?: Float64Array;
};

/** How FTE is counted: paid hours of one FTE per week, calendar days of the horizon (default: whole weeks). */
interface FteFlags {
  paidHoursPerWeek: number;
  horizonDays: number | undefined;
}

/** staffingSummary of the agents on the phones, FTE of the scheduled agents (after shrinkage). */
function summarise(req: Summarised, fte: FteFlags): StaffingSummary {
  return staffingSummary(req.starts, req.agents, {
    timeZone: req.timeZone,
    intervalMinutes: req.intervalMinutes,
    paidHoursPerWeek: fte.paidHoursPerWeek,
    ...(fte.horizonDays === undefined ? {} : { horizonDays: fte.horizonDays }),
    scheduledAgents: req.scheduledAgents,
    ...(req.serviceLevel === undefined ? {} : { serviceLevel: req.serviceLevel }),
  });
}

/** The staffingSummary of a requirement as JSON-safe values (ISO times, no NaN). */
function summaryJson(req: Summarised, fte: FteFlags): Record<string, unknown> {
  const s = summarise(req, fte);
  const finite = s.worstServiceLevel !== undefined && Number.isFinite(s.worstServiceLevel);
  return {
    agentHours: s.agentHours,
    scheduledAgentHours: s.scheduledAgentHours,
    fte: s.fte,
    fteBasis: fteBasis({ paidHoursPerWeek: fte.paidHoursPerWeek, source: 'requirement' }),
    paidHoursPerWeek: fte.paidHoursPerWeek,
    horizonDays: s.horizonDays,
    peakAgents: s.peakAgents,
    peakStart: Number.isNaN(s.peakStart) ? null : formatInstant(s.peakStart, req.timeZone),
    worstServiceLevel: finite ? s.worstServiceLevel : null,
    worstStart: finite ? formatInstant(s.worstStart!, req.timeZone) : null,
    days: s.days,
    weeks: s.weeks,
  };
}

function summaryLine(label: string, req: Summarised, fte: FteFlags): string {
  const s = summarise(req, fte);
  let line =
    `${label}${fmt(s.agentHours)} agent-hours on the phones, ${s.fte.toFixed(1)} FTE ` +
    `(${fteBasis({ paidHoursPerWeek: fte.paidHoursPerWeek, source: 'requirement' })}, ${s.horizonDays}-day horizon), ` +
    `peak ${s.peakAgents} agents at ${Number.isNaN(s.peakStart) ? '-' : formatInstant(s.peakStart, req.timeZone)}`;
  if (s.worstServiceLevel !== undefined && Number.isFinite(s.worstServiceLevel)) {
    line += `, worst interval ${formatInstant(s.worstStart!, req.timeZone)}: SL ${(100 * s.worstServiceLevel).toFixed(1)}%`;
    const at = req.starts.indexOf(s.worstStart!);
    const abandon = at < 0 ? undefined : req.abandonRate?.[at];
    if (abandon !== undefined && Number.isFinite(abandon))
      line += `, abandonment ${(100 * abandon).toFixed(1)}%, ${req.agents[at]} agents`;
  }
  return line;
}

/**
 * `staffcast staff <forecast.csv|-> --sl 80/20 [--threshold 20] [--patience 180] [--aht 240]
 * [--shrinkage 0.3] [--max-occupancy 0.85] [--max-abandon 0.05] [--max-asa 30]
 * [--scope interval|day|week] [--min-interval-sl 0.5] [--quantile 0.8] [--min-agents 1]
 * [--concurrency 2] [--config staffing.json] [--params params.json] [--tz UTC] [--interval 15] [--paid-hours 40] [--horizon-days 7]
 * [-o requirements.csv] [--summary summary.json]`:
 * writes the requirement CSV (DESIGN.md section 5; a `queue` column with `--config`) to `-o` or
 * stdout and a summary (agent-hours, FTE = `fteOf` of the scheduled agent-hours after shrinkage
 * over `--horizon-days`, peak, worst interval, hours saved by day/week scope) to
 * stderr (`--summary`: the same plus agent-hours and FTE per local day and week, as JSON).
 * `--aht` is for a forecast without `aht_seconds`; given with one, it overrides it with a
 * warning. No handle time at all is a usage error (exit 2). `--params` (the output of
 * `calibrate --params-out`) supplies handle time by local hour where the forecast has none (hours
 * not fitted take the mean of the fitted ones), patience by hour (Erlang C where none was fitted)
 * unless `--patience` is given, and the availability factor (scheduled = agents / factor, then
 * shrinkage). With `--config`, `--params` goes to the voice queues (the parameters are fitted on
 * phone calls; a queue's `useParams` overrides that) and fills only what the queue's config,
 * the flags and the forecast leave open (`withFittedInputs`). A multi-queue plan with two or more
 * voice/chat queues and more than `PARALLEL_MIN_INTERVALS` intervals runs on worker threads
 * (`multiQueuePlanParallel`, same result).
 *
 * @example
 * // (not run: a shell command)
 * // staffcast forecast history.csv --horizon 7 | staffcast staff - --sl 80/20 --aht 200 -o requirements.csv
 * // staffcast staff forecast.csv --sl 80/20 --config staffing.json --params params.json
 */
export const registerStaff: CommandRegistrar = (program, ctx) => {
  const command = program
    .command('staff')
    .description('agents per interval for a forecast (Erlang C / A), voice, chat and email queues')
    .argument(
      '<forecast>',
      'forecast CSV (interval_start, calls, [aht_seconds], [calls_pNN], [queue]), or - for stdin',
    )
    .option(
      '--aht <seconds>',
      'handle time in seconds when the forecast has no aht_seconds column (at most 86400)',
      parseAhtSeconds,
    );
  addTargetOptions(command)
    .addOption(
      new Option('--scope <scope>', 'period the service level must hold over')
        .choices(['interval', 'day', 'week'])
        .default('interval'),
    )
    .option(
      '--min-interval-sl <fraction>',
      'day/week scope: no interval below this service level (default half the target; 0: none)',
      parseFraction,
    )
    .option('--quantile <p>', 'staff to this forecast quantile (needs calls_pNN columns)', parseFraction)
    .option(
      '--min-agents <n>',
      'agents in every forecast interval at least (24/7 cover), at most 100000',
      parseMinAgents,
    )
    .option('--concurrency <n>', 'contacts one agent handles at once (chat), 1..100', parseConcurrency)
    .option('--config <file>', 'per-queue parameters (JSON; see `staffcast schema staffing`)')
    .option(
      '--params <file>',
      'fitted AHT and patience by hour and availability factor (calibrate --params-out); with --config: for voice queues (useParams)',
    )
    .option(
      '--tz <zone>',
      'IANA zone of the forecast (timestamps without offset)',
      parseTimeZone,
      defaultTimeZone(ctx.env),
    )
    .option('--interval <minutes>', 'interval length (default: detected from the rows)', parsePositiveInt)
    .option('--paid-hours <hours>', 'paid hours of one FTE per week', parsePositive, 40)
    .option(
      '--horizon-days <days>',
      'calendar days of the forecast horizon, closed days included, for FTE per week (default: the dates spanned, rounded up to whole weeks)',
      parsePositiveInt,
    )
    .option('-o, --output <file>', 'write the requirement CSV here instead of stdout')
    .option('--summary <file>', 'write agent-hours per day and week, FTE, peak and worst interval as JSON')
    .action(async (file: string, flags: StaffFlags) => {
      let config: StaffingConfig | undefined;
      if (flags.config !== undefined)
        config = readStaffingConfig(await readText(ctx, flags.config, 'JSON'), flags.config);
      const target = targetOf(flags) ?? config?.target;
      if (target === undefined)
        usage(
          'give a target: --sl 80/20, --max-asa, --max-abandon or --max-occupancy (or a target in --config)',
        );
      const params = flags.params === undefined ? undefined : await readParams(ctx, flags.params);
      const name = inputLabel(file);
      const input = file === '-' ? Readable.from([await readText(ctx, file)]) : resolve(ctx.cwd, file);
      const forecasts = await readForecasts(input, name, flags.tz, flags.interval);
      const options: StaffingOptions = { target: target as StaffingTarget, scope: flags.scope };
      if (flags.patience !== undefined) options.patienceSeconds = flags.patience;
      if (flags.shrinkage !== undefined) options.shrinkage = flags.shrinkage;
      if (flags.minIntervalSl !== undefined) options.minIntervalServiceLevel = flags.minIntervalSl;
      if (flags.quantile !== undefined) options.riskQuantile = flags.quantile;
      if (flags.minAgents !== undefined) options.minAgents = flags.minAgents;
      if (flags.concurrency !== undefined) options.concurrency = flags.concurrency;
      if (flags.aht !== undefined) options.ahtSeconds = flags.aht;
      for (const [queue, forecast] of forecasts) {
        const where = queue === '' ? name : `${name} (queue ${queue})`;
        const queueConfig = config?.queues.find((q) => q.name === queue);
        const fromParams =
          params !== undefined && (queueConfig === undefined || usesFittedParams(queueConfig));
        if (forecast.ahtSeconds !== undefined && flags.aht !== undefined)
          ctx.stderr.write(
            `staff: warning: --aht ${flags.aht} overrides the aht_seconds column of ${where}\n`,
          );
        if (
          forecast.ahtSeconds === undefined &&
          flags.aht === undefined &&
          queueConfig?.ahtSeconds === undefined &&
          !fromParams
        )
          usage(
            `${where} has no aht_seconds column: give the handle time with --aht <seconds>${params !== undefined && queueConfig !== undefined ? ` (--params applies to voice queues only unless the config sets useParams: true for queue ${queue})` : ''}`,
          );
      }
      let csv: string;
      const paid: FteFlags = {
        paidHoursPerWeek: config?.paidHoursPerWeek ?? flags.paidHours,
        horizonDays: flags.horizonDays,
      };
      const lines: string[] = [];
      let summary: Record<string, unknown>;
      if (config === undefined) {
        if (!forecasts.has(''))
          usage(`${name} has a queue column: give the per-queue parameters with --config <file>`);
        const forecast = forecasts.get('')!;
        const plan = staffingPlan(
          forecast,
          params === undefined ? options : withFittedInputs(forecast, options, params),
        );
        csv = writeRequirementCsv(plan);
        summary = {
          model: plan.model,
          scope: plan.scope,
          ...summaryJson(plan, paid),
          intervalScopeAgentHours: plan.intervalScopeAgentHours,
          savedAgentHours: plan.savedAgentHours,
          periods: plan.periods,
        };
        lines.push(
          summaryLine(
            `staff: ${plan.starts.length} intervals, ${plan.model}, scope ${plan.scope}: `,
            plan,
            paid,
          ),
        );
        if (plan.scope !== 'interval') lines.push(floorLine(plan.scope, flags.minIntervalSl, options.target));
        if (plan.scope !== 'interval')
          lines.push(
            `staff: interval scope would need ${fmt(plan.intervalScopeAgentHours)} agent-hours; ` +
              `${plan.scope} scope saves ${fmt(plan.savedAgentHours)} (${fmt((100 * plan.savedAgentHours) / Math.max(1e-9, plan.intervalScopeAgentHours))}%)`,
          );
      } else {
        if (forecasts.has(''))
          usage(`--config needs a queue column in ${name} naming the queues of the config`);
        if (params !== undefined) {
          const using = config.queues.filter(usesFittedParams).map((q) => q.name);
          const not = config.queues.filter((q) => !usesFittedParams(q)).map((q) => q.name);
          lines.push(
            `staff: --params ${flags.params}: fitted inputs for queues ${using.join(', ') || '(none)'}${not.length > 0 ? `; not for ${not.join(', ')} (not voice; set useParams in the config to change)` : ''}`,
          );
        }
        const multi = await staffQueuesStreamed(ctx, forecasts, config, options, params, {
          configName: flags.config!,
          forecastName: name,
          output: flags.output,
          paid,
        });
        csv = '';
        summary = {
          scope: flags.scope,
          total: summaryJson(multi.totals, paid),
          savedAgentHours: multi.savedAgentHours,
          queues: multi.queues.map((q) => q.json),
        };
        for (const q of multi.queues) lines.push(q.line);
        lines.push(summaryLine('staff: total: ', multi.totals, paid));
        if (flags.scope !== 'interval')
          lines.push(floorLine(flags.scope, flags.minIntervalSl, options.target));
        if (flags.scope !== 'interval')
          lines.push(`staff: ${flags.scope} scope saves ${fmt(multi.savedAgentHours)} agent-hours`);
      }
      if (config === undefined) await writeOutput(ctx, flags.output, csv);
      if (flags.summary !== undefined)
        await writeTextFile(flags.summary, `${JSON.stringify(summary, null, 2)}\n`, { baseDir: ctx.cwd });
      for (const line of lines) ctx.stderr.write(`${line}\n`);
    });
};
