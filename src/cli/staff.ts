import { InvalidArgumentError, Option } from 'commander';
import { PARALLEL_MIN_INTERVALS } from '../app/staff/staffQueues.js';
import { runStaff } from '../app/staff.js';
import { type AtomicTextWriter, openAtomicTextWriter } from '../io/atomicTextWriter.js';
import { writeTextFile } from '../io/writeTextFile.js';
import { DEFAULT_MAX_AGENTS } from '../queueing/requiredAgents.js';
import type { StaffingScope } from '../staffing/staffingPlan.js';
import type { CliContext, CommandRegistrar } from './context.js';
import { progressPrinter } from './progress.js';
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
  workers?: number;
  output?: string;
  summary?: string;
  quiet?: boolean;
}

/** `--min-agents`: a whole number 0..`DEFAULT_MAX_AGENTS` (a floor above it could never be staffed). */
function parseMinAgents(value: string): number {
  const n = parseNonNegativeInt(value);
  if (n > DEFAULT_MAX_AGENTS)
    throw new InvalidArgumentError(`'${value}' must be at most ${DEFAULT_MAX_AGENTS} agents.`);
  return n;
}

/** Most worker threads `--workers` accepts (more than the cores only adds switching). */
const MAX_WORKERS = 64;

/** `--workers`: a whole number 1..`MAX_WORKERS`. */
function parseWorkers(value: string): number {
  const n = parsePositiveInt(value);
  if (n > MAX_WORKERS) throw new InvalidArgumentError(`'${value}' must be at most ${MAX_WORKERS} threads.`);
  return n;
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

/**
 * Where the requirement CSV goes: stdout, or `-o` through an atomic writer opened at the first
 * piece (so a run that fails before writing leaves no temporary file and reports its own error).
 */
function requirementOutput(ctx: CliContext, output: string | undefined) {
  let out: AtomicTextWriter | undefined;
  return {
    write: async (text: string): Promise<void> => {
      if (output === undefined) return writeStdout(ctx, text);
      out ??= await openAtomicTextWriter(output, { baseDir: ctx.cwd });
      await out.write(text);
    },
    commit: async () => out?.commit(),
    abort: async () => out?.abort(),
  };
}

/**
 * `staffcast staff <forecast.csv|-> --sl 80/20 [--threshold 20] [--patience 180] [--aht 240]
 * [--shrinkage 0.3] [--max-occupancy 0.85] [--max-abandon 0.05] [--max-asa 30]
 * [--scope interval|day|week] [--min-interval-sl 0.5] [--quantile 0.8] [--min-agents 1]
 * [--concurrency 2] [--config staffing.json] [--params params.json] [--tz UTC] [--interval 15] [--paid-hours 40] [--horizon-days 7]
 * [--workers n] [-o requirements.csv] [--summary summary.json] [-q]`: flags -> `runStaff` (which
 * holds every rule below) -> the CSV to stdout or atomically to `-o`, the summary to stderr. It
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
 * the flags and the forecast leave open (`withFittedInputs`). A multi-queue plan reads the
 * forecast once into a temporary spill (TMPDIR) and plans queue by queue (memory independent of
 * the number of queues); with two or more voice/chat queues and more than
 * `PARALLEL_MIN_INTERVALS` intervals it runs on worker threads (`--workers` sets how many, 1
 * none; same result), with progress per queue on a terminal (`-q` turns it off).
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
    .option(
      '--workers <n>',
      `worker threads for a --config plan (default: the cores, from ${PARALLEL_MIN_INTERVALS} intervals and 2 voice/chat queues; 1: none)`,
      parseWorkers,
    )
    .option('-o, --output <file>', 'write the requirement CSV here instead of stdout')
    .option('--summary <file>', 'write agent-hours per day and week, FTE, peak and worst interval as JSON')
    .option('-q, --quiet', 'no progress on a terminal')
    .action(async (file: string, flags: StaffFlags) => {
      const target = targetFromFlags(flags, 'staff');
      const progress = progressPrinter(ctx, { command: 'staff', quiet: flags.quiet === true });
      const output = requirementOutput(ctx, flags.output);
      let result: Awaited<ReturnType<typeof runStaff>>;
      try {
        result = await runStaff({
          forecast: file,
          baseDir: ctx.cwd,
          stdin: ctx.stdin,
          target: Object.keys(target).length === 0 ? undefined : target,
          scope: flags.scope,
          minIntervalServiceLevel: flags.minIntervalSl,
          riskQuantile: flags.quantile,
          minAgents: flags.minAgents,
          concurrency: flags.concurrency,
          ahtSeconds: flags.aht,
          patienceSeconds: flags.patience,
          shrinkage: flags.shrinkage,
          config: flags.config,
          params: flags.params,
          timeZone: flags.tz,
          intervalMinutes: flags.interval,
          paidHoursPerWeek: flags.paidHours,
          horizonDays: flags.horizonDays,
          workers: flags.workers,
          tempDir: ctx.env.TMPDIR || undefined,
          write: output.write,
          onProgress: progress.onProgress,
          onWarning: (message) => ctx.stderr.write(`${message}\n`),
        });
        await output.commit();
      } catch (error) {
        progress.close();
        await output.abort();
        throw error;
      }
      if (flags.summary !== undefined)
        await writeTextFile(flags.summary, `${JSON.stringify(result.summary, null, 2)}\n`, {
          baseDir: ctx.cwd,
        });
      for (const line of result.lines) ctx.stderr.write(`${line}\n`);
    });
};
