import { resolve } from 'node:path';
import { runPlan } from '../app/plan.js';
import { progressStep } from '../app/progress.js';
import { writeFilesAtomically } from '../io/writeFilesAtomically.js';
import type { CommandRegistrar } from './context.js';
import { deprecatedOption, warnDeprecated } from './deprecatedAlias.js';
import { progressPrinter } from './progress.js';

interface PlanFlags {
  config: string;
  output?: string;
  /** Deprecated spelling of `output`. */
  out?: string;
  quiet?: boolean;
  /** false with --no-simulate. */
  simulate?: boolean;
}

/** The plan's steps as the progress lines name them. */
const STEP_LABELS: Record<string, string> = {
  read: 'read history',
  write: 'write files',
};

/**
 * `staffcast plan --config plan.json [-o out] [--quiet] [--no-simulate]`: runs `runPlan` (history -> forecast ->
 * staffing -> schedule -> evaluation) and writes forecast.csv, requirements.csv, schedule.csv,
 * coverage.csv, summary.json and report.html into the output folder (`-o/--output`, default
 * `out`; `--out` is a deprecated alias), all or nothing. Step lines with timings go to stderr
 * when it is a terminal (`progressPrinter`; not with --quiet); a compact summary with a chart of
 * the busiest day goes to stdout unless --quiet (coloured on a terminal without NO_COLOR); it
 * shows the coverage warnings (intervals no shift can cover, no agents, under-coverage), which go
 * to stderr with --quiet.
 * The config's `fittedParams` (the JSON of `calibrate --params-out`) is read by `plan` itself.
 * With `agents` in the config the folder also gets the roster's files (roster.csv, agents.csv,
 * team.ics, one .ics per agent) and the roster's lines (how it was solved, under-coverage,
 * unfilled shifts and why) go to stderr.
 *
 * @example
 * // adds `staffcast plan --config examples/plan.json -o out`
 * import { Command } from 'commander';
 * import { processContext } from './context.js';
 * const program = new Command();
 * registerPlan(program, processContext());
 * program.commands.map((command) => command.name()); // ['plan']
 */
export const registerPlan: CommandRegistrar = (program, ctx) => {
  program
    .command('plan')
    .description('history -> forecast -> staffing -> schedule -> report in one run (`staffcast schema plan`)')
    .requiredOption('--config <file>', 'plan config JSON; its paths are relative to its folder')
    .option('-o, --output <dir>', 'output folder (default: out)')
    .addOption(deprecatedOption('--out <dir>'))
    .option('-q, --quiet', 'no progress and no summary')
    .option(
      '--no-simulate',
      "skip the schedule's simulation and the simulation check (faster; the promise is then the Erlang figure)",
    )
    .action(async (flags: PlanFlags) => {
      warnDeprecated(ctx, flags.out !== undefined, '--out', '-o/--output');
      const folder = flags.output ?? flags.out ?? 'out';
      const printer = progressPrinter(ctx, { command: 'plan', quiet: flags.quiet === true });
      const onProgress = (e: Parameters<typeof printer.onProgress>[0]) =>
        printer.onProgress({ ...e, step: STEP_LABELS[e.step] ?? e.step });
      let run: Awaited<ReturnType<typeof runPlan>>;
      try {
        run = await runPlan({
          configFile: flags.config,
          cwd: ctx.cwd,
          onProgress,
          ...(flags.simulate === false ? { simulate: false } : {}),
          color: ctx.stderrIsTTY && (ctx.env.NO_COLOR ?? '') === '',
        });
        const files = { ...run.files, ...run.rosterFiles };
        await progressStep(
          onProgress,
          'write',
          () => writeFilesAtomically(resolve(ctx.cwd, folder), files),
          () => `${Object.keys(files).length} files in ${folder}`,
        );
      } catch (error) {
        printer.close(); // end the open progress line before the error
        throw error;
      }
      for (const line of run.messages) ctx.stderr.write(line);
      if (flags.quiet !== true) {
        ctx.stderr.write(run.readReportText);
        ctx.stdout.write(`${run.terminalSummary}\n`);
      }
      // the summary shows the warnings; without it they still reach the planner on stderr
      else for (const w of run.result.summary.warnings) ctx.stderr.write(`plan: warning: ${w}\n`);
    });
};
