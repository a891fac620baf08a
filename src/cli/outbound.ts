import { runOutbound } from '../app/outbound.js';
import type { CommandRegistrar } from './context.js';
import { writeOutput } from './output.js';
import { parseShrinkage } from './targetFlags.js';
import { defaultTimeZone, parseFraction, parsePositive, parseTimeZone } from './usage.js';

interface OutboundFlags {
  scheduled: string;
  aht: number;
  shrinkage?: number;
  column?: string;
  maxOccupancy: number;
  tz: string;
  output?: string;
}

/**
 * `staffcast outbound <requirements.csv|-> --scheduled coverage.csv --aht 300 [--shrinkage 0.3]
 * [--column net] [--max-occupancy 1] [--tz UTC] [-o outbound.csv]`: the outbound calls that fit
 * into the agent time scheduled beyond the inbound requirement (`outboundCapacity`).
 *
 * - requirements.csv: the output of `staff` (`interval_start`, `agents`; rows of several queues
 *   at the same start are added).
 * - coverage.csv: `interval_start` (ISO-8601 with offset) and the agents free to take calls: the
 *   column `on_phone` (plan's coverage.csv: after breaks and shrinkage; `--shrinkage` must then be
 *   absent or 0) or else `net` (plan's and `schedule --coverage`: after breaks, before shrinkage;
 *   `--shrinkage` is required, `--shrinkage 0` when nothing else takes agents off the phones).
 *   A file with only a gross column (`scheduled`, `scheduled_agents`, `agents`: agents at lunch
 *   included) is a data error unless `--column` names it. The column and shrinkage used are
 *   printed on stderr. A requirement interval the schedule does not list has 0 scheduled agents;
 *   schedule rows outside the requirement are ignored (counted on stderr).
 *
 * Writes `interval_start,required_agents,scheduled_agents,spare_agents,outbound_calls,short_agents`
 * to `-o` or stdout, and the total to stderr. Flags -> `runOutbound` (every rule above) -> write.
 *
 * @example
 * // (not run: a shell command)
 * // staffcast staff forecast.csv --sl 80/20 --aht 200 -o req.csv
 * // staffcast outbound req.csv --scheduled coverage.csv --aht 300 -o outbound.csv
 */
export const registerOutbound: CommandRegistrar = (program, ctx) => {
  program
    .command('outbound')
    .description('outbound calls that fit into scheduled agent time beyond the inbound requirement')
    .argument('<requirements>', 'requirement CSV written by `staffcast staff`, or - for stdin')
    .requiredOption(
      '--scheduled <file>',
      'coverage CSV of the schedule: interval_start and on_phone (after shrinkage) or net (after breaks)',
    )
    .requiredOption('--aht <seconds>', 'handle time of one outbound call in seconds', parsePositive)
    .option(
      '--shrinkage <fraction>',
      'share of the net agents not on the phones, 0 <= s < 1 (required unless reading on_phone)',
      parseShrinkage,
    )
    .option(
      '--column <name>',
      'column of --scheduled to read (default on_phone, else net); a gross column only when named',
    )
    .option('--max-occupancy <fraction>', 'share of spare time usable for outbound', parseFraction, 1)
    .option('--tz <zone>', 'IANA zone of the output times', parseTimeZone, defaultTimeZone(ctx.env))
    .option('-o, --output <file>', 'write the CSV here instead of stdout')
    .action(async (file: string, flags: OutboundFlags) => {
      const result = await runOutbound({
        requirement: file,
        scheduled: flags.scheduled,
        baseDir: ctx.cwd,
        stdin: ctx.stdin,
        ahtSeconds: flags.aht,
        shrinkage: flags.shrinkage,
        column: flags.column,
        maxOccupancy: flags.maxOccupancy,
        timeZone: flags.tz,
      });
      await writeOutput(ctx, flags.output, result.csv);
      for (const line of result.lines) ctx.stderr.write(`${line}\n`);
    });
};
