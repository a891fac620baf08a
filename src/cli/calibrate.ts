import { TZDate } from '@date-fns/tz';
import { Option } from 'commander';
import { formatISO } from 'date-fns';
import { StaffcastError } from '../errors.js';
import { readCallRecords } from '../io/callRecords.js';
import { inputLabel } from '../io/readTextInput.js';
import { writeTextFile } from '../io/writeTextFile.js';
import { calibrate } from '../staffing/calibrate.js';
import { formatCalibrationReport } from '../staffing/calibrateReport.js';
import { calibrationTargets } from '../staffing/calibrateTargets.js';
import { openInput } from './context.js';
import type { CommandRegistrar } from './program.js';
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
  paramsOut?: string;
  agents: 'sessions' | 'queue';
  patienceFrom: 'train' | 'evaluated';
  patienceModel: 'exponential' | 'hazard';
  start: 'observed' | 'steady';
  subInterval?: number;
  noiseFloor: number;
}

function usage(message: string): never {
  throw new StaffcastError('USAGE', `calibrate: ${message}`);
}

/**
 * `staffcast calibrate <records.csv|-> [--interval 30] [--threshold 20] [--tz UTC] [--gap 30]
 * [--pad 2.5] [--agents sessions|queue] [--patience-from train|evaluated]
 * [--patience-model exponential|hazard] [--start observed|steady] [--sub-interval 10] [--noise-floor 200]
 * [--json] [--params-out params.json]`: reads per-call records, prints the Erlang A / Erlang C error
 * table and the fitted parameters (or the whole result as JSON), writes the parameters for
 * `staff` / `plan` when asked, and reports rows read / used / rejected on stderr. All computing is
 * `calibrate`; `-` reads stdin (named `stdin` in messages, like the other commands).
 *
 * @example
 * // (not run: a shell command)
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
        '--agents <source>',
        'agents working: session presence x factor, or busy agents while callers wait',
      )
        .choices(['sessions', 'queue'])
        .default('sessions'),
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
    .option('--params-out <file>', 'write the fitted parameters (JSON for staff / plan) to this file')
    .action(async (file: string, flags: CalibrateFlags) => {
      if (1440 % flags.interval !== 0) usage(`--interval must divide 1440 (got ${flags.interval})`);
      if (flags.subInterval !== undefined && flags.interval % flags.subInterval !== 0)
        usage(`--sub-interval must divide --interval ${flags.interval} (got ${flags.subInterval})`);
      if (flags.pad !== undefined && flags.pad > (flags.gap ?? 30) / 2)
        usage(`--pad must be at most half of --gap (${flags.gap ?? 30}) (got ${flags.pad})`);
      const read = await readCallRecords(openInput(ctx, file), {
        timeZone: flags.tz,
        fileLabel: inputLabel(file),
      });
      ctx.stderr.write(
        `calibrate: ${read.rowsRead} rows read, ${read.rowsUsed} used, ${read.rowsRejected} rejected\n`,
      );
      for (const message of read.errors.slice(0, 10)) ctx.stderr.write(`  ${message}\n`);
      if (read.errors.length > 10) ctx.stderr.write(`  ... ${read.errors.length - 10} more\n`);
      const result = calibrate(read.records, {
        intervalMinutes: flags.interval,
        thresholdSeconds: flags.threshold,
        timeZone: flags.tz,
        ...(flags.gap === undefined ? {} : { maxGapMinutes: flags.gap }),
        ...(flags.pad === undefined ? {} : { padMinutes: flags.pad }),
        agentsSource: flags.agents,
        patienceFrom: flags.patienceFrom,
        patienceModel: flags.patienceModel,
        startState: flags.start,
        ...(flags.subInterval === undefined ? {} : { subIntervalMinutes: flags.subInterval }),
        noiseFloorReplications: flags.noiseFloor,
      });
      if (flags.paramsOut !== undefined) {
        await writeTextFile(flags.paramsOut, `${JSON.stringify(result.params, null, 2)}\n`, {
          baseDir: ctx.cwd,
        });
        ctx.stderr.write(`calibrate: parameters written to ${flags.paramsOut}\n`);
      }
      if (flags.json) {
        const intervals = result.intervals.map((v) => ({
          ...v,
          start: formatISO(new TZDate(v.startMs, flags.tz)),
        }));
        const targets = calibrationTargets(result.errors.test.erlangA);
        ctx.stdout.write(`${JSON.stringify({ ...result, targets, intervals }, null, 2)}\n`);
      } else {
        ctx.stdout.write(formatCalibrationReport(result));
      }
    });
};
