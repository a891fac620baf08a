import { runIntraday } from '../app/intraday.js';
import type { CommandRegistrar } from './context.js';
import { writeOutput } from './output.js';
import { progressPrinter } from './progress.js';
import { parseFraction } from './usage.js';

interface IntradayFlags {
  config: string;
  actuals: string;
  at: string;
  schedule?: string;
  flex: number;
  release?: boolean;
  json?: boolean;
  output?: string;
  quiet?: boolean;
}

/**
 * `staffcast intraday --config plan.json --actuals today.csv --at 11:30 [--schedule schedule.csv]
 * [--flex 0.05] [--release] [--json] [-o file] [-q]`: runs `runIntraday` (re-forecast the rest of the day
 * from the actuals, re-staff it, compare with the schedule, and the overtime or release within
 * the flexibility) and writes the table (or JSON) to stdout or `-o`; notes go to stderr. Without
 * `--schedule` the plan is run to get its schedule (progress on a terminal unless `-q`).
 *
 * @example
 * // adds `staffcast intraday --config plan.json --actuals today.csv --at 11:30`
 * import { Command } from 'commander';
 * import { processContext } from './context.js';
 * const program = new Command();
 * registerIntraday(program, processContext());
 * program.commands.map((command) => command.name()); // ['intraday']
 */
export const registerIntraday: CommandRegistrar = (program, ctx) => {
  program
    .command('intraday')
    .description(
      're-forecast the rest of a day from its actuals, and the overtime or release that closes the gap',
    )
    .requiredOption('--config <file>', 'plan config JSON; its paths are relative to its folder')
    .requiredOption('--actuals <file>', "the day's calls so far (interval_start,calls), rows ending by --at")
    .requiredOption('--at <HH:MM>', "decision time, local in the config's zone, on the plan's interval grid")
    .option('--schedule <file>', "a schedule.csv of 'staffcast plan' for this config (default: run the plan)")
    .option(
      '--flex <fraction>',
      'largest change per interval, a fraction of its scheduled agents',
      parseFraction,
      0.05,
    )
    .option(
      '--release',
      'also release spare agents where over (early leave, off-phone work); replay measured it to lose days',
    )
    .option('--json', 'print the result as JSON')
    .option('-o, --output <file>', 'write the table (or JSON) to this file instead of stdout')
    .option('-q, --quiet', 'no progress on stderr')
    .action(async (flags: IntradayFlags) => {
      const progress = progressPrinter(ctx, { command: 'intraday', quiet: flags.quiet === true });
      const run = await runIntraday({
        configFile: flags.config,
        cwd: ctx.cwd,
        actualsFile: flags.actuals,
        at: flags.at,
        scheduleFile: flags.schedule,
        flex: flags.flex,
        release: flags.release === true,
        onProgress: progress.onProgress,
      }).finally(() => progress.close());
      for (const note of run.notes) ctx.stderr.write(`${note}\n`);
      await writeOutput(ctx, flags.output, flags.json === true ? run.json : run.text);
    });
};
