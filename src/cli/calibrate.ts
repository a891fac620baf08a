import { type Command, Option } from 'commander';
import { calibrateFromFile } from '../app/calibrate.js';
import type { AgentsSource } from '../calibration/options.js';
import { StaffcastError } from '../errors.js';
import { writeTextFile } from '../io/writeTextFile.js';
import type { CommandRegistrar } from './context.js';
import { writeOutput } from './output.js';
import { progressPrinter } from './progress.js';
import {
  defaultTimeZone,
  parseNonNegative,
  parseNonNegativeInt,
  parsePositiveInt,
  parseTimeZone,
} from './usage.js';

interface CalibrateFlags {
  interval: number;
  threshold: number;
  tz: string;
  gap?: number;
  pad?: number;
  json?: boolean;
  output?: string;
  paramsOut?: string;
  agentsSource: AgentsSource;
  /** Deprecated name of `agentsSource` (hidden). */
  agents?: AgentsSource;
  patienceFrom: 'train' | 'evaluated';
  patienceModel: 'exponential' | 'hazard';
  start: 'observed' | 'steady';
  subInterval?: number;
  noiseFloor: number;
  quiet?: boolean;
}

function usage(message: string): never {
  throw new StaffcastError('USAGE', `calibrate: ${message}`);
}

const AGENTS_SOURCES: AgentsSource[] = ['sessions', 'queue'];

/**
 * The agents source of the flags: `--agents-source`, or its deprecated name `--agents` (hidden; a
 * one-line warning on stderr). Both on one command line is a usage error.
 */
function agentsSource(flags: CalibrateFlags, command: Command, warn: (line: string) => void): AgentsSource {
  if (flags.agents === undefined) return flags.agentsSource;
  if (command.getOptionValueSource('agentsSource') === 'cli')
    usage('give --agents-source only (--agents is its deprecated name)');
  warn('staffcast: --agents is deprecated, use --agents-source\n');
  return flags.agents;
}

/**
 * `staffcast calibrate <records.csv|-> [--interval 30] [--threshold 20] [--tz UTC] [--gap 30]
 * [--pad 2.5] [--agents-source sessions|queue] [--patience-from train|evaluated]
 * [--patience-model exponential|hazard] [--start observed|steady] [--sub-interval 10]
 * [--noise-floor 200] [--json] [-o out] [--params-out params.json] [-q]`: runs `calibrateFromFile`
 * (per-call records -> the Erlang A / Erlang C error table and the fitted parameters) and writes
 * the table (or the whole result as JSON) to stdout or `-o`, the parameters for `staff` / `plan`
 * to `--params-out` when asked; rows read / used / rejected go to stderr, progress (read,
 * calibrate) too on a terminal unless `-q`. `-` reads stdin (named `stdin` in messages). The old
 * `--agents <source>` still works, with a deprecation warning: `--agents` is a number of agents in
 * `erlang`.
 *
 * @example
 * // (not run: a command line)
 * // staffcast calibrate anonymous_bank_feb1999_calls.csv --params-out params.json prints, among
 * // the table (test Erlang A: SL MAE 11.7, bias 4.5; abandonment 5.7, 2.5; ASA 22.2, -4.3 s):
 * // Availability factor 0.846 (effective agents = factor x agents present; fitted on
 * // 1999-02-01T00:00:00Z .. 1999-02-15T00:00:00Z, 140 busy intervals)
 */
export const registerCalibrate: CommandRegistrar = (program, ctx) => {
  program
    .command('calibrate')
    .description(
      'check Erlang C and Erlang A against per-call records; fit AHT, patience and agent availability',
    )
    .argument('<records>', 'per-call CSV (arrival, outcome, vru_seconds, queued, ...), or - for stdin')
    .option('--interval <minutes>', 'interval length in minutes (divides 1440)', parsePositiveInt, 30)
    .option('--threshold <seconds>', 'service-level answer threshold in seconds', parseNonNegative, 20)
    .option('--tz <zone>', 'IANA zone of wall-clock arrival times', parseTimeZone, defaultTimeZone(ctx.env))
    .option(
      '--gap <minutes>',
      'idle minutes that end an inferred agent session (default: chosen on the training half)',
      parseNonNegative,
    )
    .option(
      '--pad <minutes>',
      'minutes added before the first and after the last call of a session (default: chosen with --gap)',
      parseNonNegative,
    )
    .addOption(
      new Option(
        '--agents-source <source>',
        'agents working: session presence x factor, or busy agents while callers wait',
      )
        .choices(AGENTS_SOURCES)
        .default('sessions'),
    )
    .addOption(
      new Option('--agents <source>', 'deprecated: use --agents-source').choices(AGENTS_SOURCES).hideHelp(),
    )
    .addOption(
      new Option(
        '--patience-from <days>',
        'patience of the held-out half from the training days (strict) or from its own days',
      )
        .choices(['train', 'evaluated'])
        .default('train'),
    )
    .addOption(
      new Option('--patience-model <model>', 'exponential MLE, or matched to the hazard by waiting time')
        .choices(['exponential', 'hazard'])
        .default('exponential'),
    )
    .addOption(
      new Option(
        '--start <state>',
        'each interval starts from the queue measured at its start, or steady state',
      )
        .choices(['observed', 'steady'])
        .default('observed'),
    )
    .option(
      '--sub-interval <minutes>',
      'with --start observed: run the queue through sub-intervals of this length (divides --interval)',
      parsePositiveInt,
    )
    .option(
      '--noise-floor <replications>',
      'replications of the model-noise simulation per busy interval (0 skips it)',
      parseNonNegativeInt,
      200,
    )
    .option('--json', 'print the whole result as JSON instead of the table')
    .option('-o, --output <file>', 'write the table (or JSON) to this file instead of stdout')
    .option('--params-out <file>', 'write the fitted parameters (JSON for staff / plan) to this file')
    .option('-q, --quiet', 'no progress on stderr')
    .action(async (file: string, flags: CalibrateFlags, command: Command) => {
      if (1440 % flags.interval !== 0) usage(`--interval must divide 1440 (got ${flags.interval})`);
      if (flags.subInterval !== undefined && flags.interval % flags.subInterval !== 0)
        usage(`--sub-interval must divide --interval ${flags.interval} (got ${flags.subInterval})`);
      if (flags.pad !== undefined && flags.pad > (flags.gap ?? 30) / 2)
        usage(`--pad must be at most half of --gap (${flags.gap ?? 30}) (got ${flags.pad})`);
      const source = agentsSource(flags, command, (line) => ctx.stderr.write(line));
      const progress = progressPrinter(ctx, { command: 'calibrate', quiet: flags.quiet === true });
      const run = await calibrateFromFile(file, {
        baseDir: ctx.cwd,
        stdin: ctx.stdin,
        intervalMinutes: flags.interval,
        thresholdSeconds: flags.threshold,
        timeZone: flags.tz,
        ...(flags.gap === undefined ? {} : { maxGapMinutes: flags.gap }),
        ...(flags.pad === undefined ? {} : { padMinutes: flags.pad }),
        agentsSource: source,
        patienceFrom: flags.patienceFrom,
        patienceModel: flags.patienceModel,
        startState: flags.start,
        ...(flags.subInterval === undefined ? {} : { subIntervalMinutes: flags.subInterval }),
        noiseFloorReplications: flags.noiseFloor,
        json: flags.json === true,
        onProgress: progress.onProgress,
        onMessage: (text) => ctx.stderr.write(text),
      }).finally(() => progress.close());
      if (flags.paramsOut !== undefined) {
        await writeTextFile(flags.paramsOut, run.paramsJson, { baseDir: ctx.cwd });
        ctx.stderr.write(`calibrate: parameters written to ${flags.paramsOut}\n`);
      }
      await writeOutput(ctx, flags.output, run.text);
    });
};
