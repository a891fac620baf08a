import { runScenario } from '../app/scenario.js';
import { writeTextFile } from '../io/writeTextFile.js';
import type { CommandRegistrar } from './context.js';
import { deprecatedOption, warnDeprecated } from './deprecatedAlias.js';
import { progressPrinter } from './progress.js';
import { parsePositiveInt } from './usage.js';

interface ScenarioFlags {
  base?: string;
  sweep?: string;
  json?: boolean;
  csv?: boolean;
  /** Deprecated: `--format csv` is `--csv`, `--format json` is `--json`. */
  format?: 'table' | 'csv' | 'json';
  schedule: boolean;
  report?: string;
  workers?: number;
  /** Deprecated spelling of `workers`. */
  concurrency?: number;
  quiet?: boolean;
}

/**
 * `staffcast scenario scenarios.json [--json | --csv] [--no-schedule] [--report out.html]
 * [--workers n] [-q]` and `staffcast scenario --base plan.json --sweep volume=0.9:1.2:0.05` (also
 * aht-factor=, aht-seconds=, sl=, shrinkage=, confidence=): runs `runScenario` (`compareScenarios`) and prints
 * one row per scenario (base first): calls, agent-hours, FTE, peak agents, schedule cost, service
 * level, ASA, abandonment, outbound calls that fit (--json and --csv also the schedule's solve
 * status, why the solver stopped and the gap). In the table a schedule cost ending in `*` (work
 * budget) or `!` (wall-clock safety net) marks a schedule not proven optimal, explained by a
 * legend line at the end of the table. `--report` also writes the base plan's HTML report with the
 * scenario comparison (needs scheduling). Scenarios done of the total show as a bar on a terminal
 * (not with --quiet). Deprecated aliases: `--format table|csv|json`, `--concurrency n` (threads).
 *
 * @example
 * // (not run: a shell command)
 * // staffcast scenario examples/scenarios.json --no-schedule
 */
export const registerScenario: CommandRegistrar = (program, ctx) => {
  program
    .command('scenario')
    .description('compare what-if variants of a plan side by side (`staffcast schema scenario`)')
    .argument('[file]', 'scenario file JSON (- for stdin); its paths are relative to its folder')
    .option('--base <plan>', 'plan config to sweep (with --sweep)')
    .option(
      '--sweep <spec>',
      'sweep one parameter: volume|aht-factor|aht-seconds|sl|shrinkage|confidence=<from>:<to>:<step>',
    )
    .option('--json', 'print the rows as JSON')
    .option('--csv', 'print the rows as CSV')
    .addOption(deprecatedOption('--format <format>').choices(['table', 'csv', 'json']))
    .option('--no-schedule', 'skip scheduling: figures of the requirement (fast)')
    .option('--report <file>', "write the base plan's HTML report with the scenario comparison")
    .option(
      '--workers <n>',
      'scenarios planned at once, each in its own worker thread (default: available cores; 1: one after another)',
      parsePositiveInt,
    )
    .addOption(deprecatedOption('--concurrency <n>').argParser(parsePositiveInt))
    .option('-q, --quiet', 'no progress')
    .action(async (file: string | undefined, flags: ScenarioFlags) => {
      warnDeprecated(ctx, flags.format !== undefined, '--format', '--json or --csv');
      warnDeprecated(ctx, flags.concurrency !== undefined, '--concurrency', '--workers');
      const format =
        flags.json === true || flags.format === 'json'
          ? 'json'
          : flags.csv === true || flags.format === 'csv'
            ? 'csv'
            : 'table';
      const printer = progressPrinter(ctx, { command: 'scenario', quiet: flags.quiet === true });
      let run: Awaited<ReturnType<typeof runScenario>>;
      try {
        run = await runScenario({
          input: { file, base: flags.base, sweep: flags.sweep },
          cwd: ctx.cwd,
          stdin: ctx.stdin,
          schedule: flags.schedule,
          workers: flags.workers ?? flags.concurrency,
          format,
          report: flags.report !== undefined,
          onProgress: printer.onProgress,
        });
      } catch (error) {
        printer.close();
        throw error;
      }
      if (flags.report !== undefined && run.reportHtml !== null)
        await writeTextFile(flags.report, run.reportHtml, { baseDir: ctx.cwd });
      ctx.stdout.write(run.output);
      for (const line of run.messages) ctx.stderr.write(line);
    });
};
