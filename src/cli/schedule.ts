import { runSchedule } from '../app/schedule.js';
import { StaffcastError } from '../errors.js';
import { writeTextFile } from '../io/writeTextFile.js';
import type { CommandRegistrar } from './context.js';
import { deprecatedOption, warnDeprecated } from './deprecatedAlias.js';
import { writeOutput } from './output.js';
import { progressPrinter } from './progress.js';
import { defaultTimeZone, parsePositive, parsePositiveInt, parseTimeZone } from './usage.js';

interface ScheduleFlags {
  rules: string;
  timeLimit: number;
  workLimit?: number;
  json?: boolean;
  /** Deprecated: `--format json` is `--json`, `--format csv` the default. */
  format?: string;
  coverage?: string;
  output?: string;
  tz: string;
  column?: string;
  quiet?: boolean;
}

function usage(message: string): never {
  throw new StaffcastError('USAGE', `schedule: ${message}`);
}

/**
 * `staffcast schedule <requirements.csv|-> --rules rules.json [--work-limit n] [--time-limit 600] [--json]
 * [--coverage coverage.csv] [-o schedule.csv] [--tz UTC] [--column agents|scheduled_agents] [-q]`:
 * runs `runSchedule` (reads a requirement CSV, DESIGN.md 5, and shift rules, builds the schedule
 * with `scheduleShifts`) and writes the shifts in the one `schedule.csv` format (one row per shift
 * start with count and break times; `plan` writes the same), or, with tours, the tours, or with
 * `--json` one JSON document; status, why the solver stopped (gap, work budget or wall-clock
 * safety net), gap and efficiency figures, and a warning naming the intervals no shift can cover,
 * go to stderr, with the steps' progress on a terminal (not with --quiet). A row whose UTC offset
 * is not `--tz`'s at that instant is an error (the opening hours and shift times are read in
 * `--tz`, so they would be shifted silently). `--coverage` writes the coverage.csv format of `plan`
 * (`writeCoverageCsv`; the columns a schedule cannot know are empty). `--format csv|json` is a
 * deprecated alias of `--json`.
 *
 * @example
 * // (not run: a shell command)
 * // staffcast schedule requirement.csv --rules rules.json --work-limit 50000 --coverage cov.csv -o shifts.csv
 */
export const registerSchedule: CommandRegistrar = (program, ctx) => {
  program
    .command('schedule')
    .description('cover a requirement with shifts, breaks and tours (HiGHS MIP with a greedy fallback)')
    .argument(
      '<requirements>',
      'requirement CSV (interval_start, agents, scheduled_agents ...), or - for stdin',
    )
    .requiredOption('--rules <file>', 'shift rules JSON (`staffcast schema rules` prints its schema)')
    .option(
      '--work-limit <iterations>',
      'deterministic work budget of the MIP solver in simplex iterations (default: scaled to the model)',
      parsePositiveInt,
    )
    .option(
      '--time-limit <seconds>',
      'wall-clock safety net of the MIP solver (a schedule stopped by it depends on machine load)',
      parsePositive,
      600,
    )
    .option('--json', 'write the schedule as one JSON document (with the coverage per interval)')
    .addOption(deprecatedOption('--format <format>'))
    .option(
      '--coverage <file>',
      'also write the coverage per interval as CSV (the coverage.csv format of plan)',
    )
    .option('-o, --output <file>', 'write the schedule here instead of stdout')
    .option(
      '--tz <zone>',
      'IANA zone of the rules (weekdays, times of day) and of the output',
      parseTimeZone,
      defaultTimeZone(ctx.env),
    )
    .option(
      '--column <name>',
      'requirement column to cover: scheduled_agents (default when present) or agents',
    )
    .option('-q, --quiet', 'no progress')
    .action(async (file: string, flags: ScheduleFlags) => {
      if (flags.format !== undefined && flags.format !== 'csv' && flags.format !== 'json')
        usage(`--format must be csv or json (got '${flags.format}')`);
      if (flags.column !== undefined && flags.column !== 'agents' && flags.column !== 'scheduled_agents')
        usage(`--column must be agents or scheduled_agents (got '${flags.column}')`);
      warnDeprecated(ctx, flags.format !== undefined, '--format', '--json');
      const printer = progressPrinter(ctx, { command: 'schedule', quiet: flags.quiet === true });
      let run: Awaited<ReturnType<typeof runSchedule>>;
      try {
        run = await runSchedule({
          requirementFile: file,
          rulesFile: flags.rules,
          cwd: ctx.cwd,
          stdin: ctx.stdin,
          timeZone: flags.tz,
          column: flags.column as 'agents' | 'scheduled_agents' | undefined,
          timeLimitSeconds: flags.timeLimit,
          workLimit: flags.workLimit,
          format: flags.json === true || flags.format === 'json' ? 'json' : 'csv',
          onProgress: printer.onProgress,
        });
      } catch (error) {
        printer.close();
        throw error;
      }
      await writeOutput(ctx, flags.output, run.output);
      if (flags.coverage !== undefined)
        await writeTextFile(flags.coverage, run.coverageCsv, { baseDir: ctx.cwd });
      for (const line of run.messages) ctx.stderr.write(line);
    });
};
