import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { progressStep } from '../app/progress.js';
import { REPLAY_FILES, type ReplayRun, runReplay } from '../app/replay.js';
import { writeFilesAtomically } from '../io/writeFilesAtomically.js';
import type { CommandRegistrar } from './context.js';
import { progressPrinter } from './progress.js';
import { parseFraction, parseNonNegativeInt, parsePositiveInt } from './usage.js';

interface ReplayFlags {
  config: string;
  weeks: number;
  calls?: string;
  lastDay?: string;
  seed?: number;
  replications?: number;
  intraday?: string[];
  flex: number;
  release?: boolean;
  output?: string;
  json?: boolean;
  quiet?: boolean;
}

/** `--last-day`: a `YYYY-MM-DD` date. */
function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new InvalidArgumentError(`'${value}' is not a YYYY-MM-DD date.`);
  return value;
}

/** `--intraday 11:00,14:00`: local decision times. */
function parseTimes(value: string): string[] {
  const times = value.split(',').map((t) => t.trim());
  for (const t of times)
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(t))
      throw new InvalidArgumentError(`'${t}' is not a time of day (write HH:MM, e.g. 11:00,14:00).`);
  return times;
}

/**
 * `staffcast replay --config plan.json [--weeks 8] [--calls calls.csv] [--last-day YYYY-MM-DD]
 * [--seed 1] [--replications n] [--intraday 11:00,14:00 [--flex 0.05] [--release]] [-o out] [--json] [-q]`: runs `runReplay` (each of the last weeks
 * planned from the history before it with the same config, its schedule simulated against the
 * week's real calls) and writes replay_days.csv, replay_weeks.csv and replay.html into the output
 * folder (`-o/--output`, default `out`), all or nothing. stdout gets the summary (weeks, days
 * meeting the target, the days that missed), or the result as JSON with `--json`; on a terminal
 * stderr shows a bar of the weeks with an ETA (not with `--quiet`, which also drops the summary).
 * The per-call file's row accounting goes to stderr.
 *
 * @example
 * // adds `staffcast replay --config examples/plan.json --weeks 8`
 * import { Command } from 'commander';
 * import { processContext } from './context.js';
 * const program = new Command();
 * registerReplay(program, processContext());
 * program.commands.map((command) => command.name()); // ['replay']
 */
export const registerReplay: CommandRegistrar = (program, ctx) => {
  program
    .command('replay')
    .description(
      'plan each of the last weeks from the history before it and replay its schedule against the real calls',
    )
    .requiredOption('--config <file>', 'plan config JSON (as for plan); its paths are relative to its folder')
    .option('--weeks <n>', 'weeks to replay, the last ones of the history', parsePositiveInt, 8)
    .option('--calls <file>', 'per-call records CSV to replay as they came (arrival, talk time, patience)')
    .option(
      '--last-day <date>',
      'last day replayed, YYYY-MM-DD (default: the last day of the history)',
      parseDate,
    )
    .option('--seed <n>', 'seed of the random draws (default 1)', parseNonNegativeInt)
    .option('--replications <n>', 'simulations per day (default 10; 1 with --calls)', parsePositiveInt)
    .option(
      '--intraday <times>',
      'also replay intraday management at these local times, e.g. 11:00,14:00',
      parseTimes,
    )
    .option(
      '--flex <fraction>',
      'intraday: largest change per interval, a fraction of its agents',
      parseFraction,
      0.05,
    )
    .option('--release', 'intraday: also release spare agents where over')
    .option('-o, --output <dir>', 'output folder (default: out)')
    .option('--json', 'print the result as JSON instead of the summary')
    .option('-q, --quiet', 'no progress and no summary')
    .action(async (flags: ReplayFlags) => {
      const folder = flags.output ?? 'out';
      const printer = progressPrinter(ctx, { command: 'replay', quiet: flags.quiet === true });
      let run: ReplayRun;
      try {
        run = await runReplay({
          configFile: flags.config,
          cwd: ctx.cwd,
          weeks: flags.weeks,
          callsFile: flags.calls,
          lastDay: flags.lastDay,
          seed: flags.seed,
          replications: flags.replications,
          ...(flags.intraday === undefined
            ? {}
            : { intraday: { atTimes: flags.intraday, flex: flags.flex, release: flags.release === true } }),
          onProgress: printer.onProgress,
        });
        const files = run.files;
        await progressStep(
          printer.onProgress,
          'write',
          () => writeFilesAtomically(resolve(ctx.cwd, folder), files),
          () => `${REPLAY_FILES.length} files in ${folder}`,
        );
      } catch (error) {
        printer.close();
        throw error;
      }
      if (flags.quiet !== true) ctx.stderr.write(run.readReportText);
      if (flags.json === true) ctx.stdout.write(run.json);
      else if (flags.quiet !== true) ctx.stdout.write(run.terminalSummary);
    });
};
