import { csvText } from '../io/csvText.js';
import { inputLabel, readTextInput } from '../io/readTextInput.js';
import { type Requirement, readRequirementCsv } from '../io/requirementCsv.js';
import { outboundCapacity } from '../staffing/outboundCapacity.js';
import { formatInstant } from '../time/formatInstant.js';
import type { CliContext } from './context.js';
import { writeOutput } from './output.js';
import type { CommandRegistrar } from './program.js';
import { parseShrinkage } from './targetFlags.js';
import { defaultTimeZone, parseFraction, parsePositive, parseTimeZone } from './usage.js';

interface OutboundFlags {
  scheduled: string;
  aht: number;
  shrinkage: number;
  maxOccupancy: number;
  tz: string;
  output?: string;
}

function readText(ctx: CliContext, file: string): Promise<string> {
  return readTextInput(file, { baseDir: ctx.cwd, stdin: ctx.stdin });
}

/** Agents summed per interval start (several queues of one requirement add up). */
function byStart(req: Requirement): Map<number, number> {
  const sums = new Map<number, number>();
  for (let i = 0; i < req.starts.length; i++) {
    const t = req.starts[i]!;
    sums.set(t, (sums.get(t) ?? 0) + req.agents[i]!);
  }
  return sums;
}

/**
 * `staffcast outbound <requirements.csv|-> --scheduled scheduled.csv --aht 300 [--shrinkage 0]
 * [--max-occupancy 1] [--tz UTC] [-o outbound.csv]`: the outbound calls that fit into the agent
 * time scheduled beyond the inbound requirement (`outboundCapacity`).
 *
 * - requirements.csv: the output of `staff` (`interval_start`, `agents`; rows of several queues
 *   at the same start are added).
 * - scheduled.csv: `interval_start` (ISO-8601 with offset) and the agents scheduled in that
 *   interval, in a column named `scheduled_agents`, `scheduled` or `agents` (first found).
 *   `--shrinkage` is the share of those scheduled agents not on the phones (0 when the column
 *   already counts productive agents). A requirement interval the schedule does not list has 0
 *   scheduled agents; schedule rows outside the requirement are ignored (counted on stderr).
 *
 * Writes `interval_start,required_agents,scheduled_agents,spare_agents,outbound_calls,short_agents`
 * to `-o` or stdout, and the total to stderr.
 *
 * @example
 * // staffcast staff forecast.csv --sl 80/20 --aht 200 -o req.csv
 * // staffcast outbound req.csv --scheduled coverage.csv --aht 300 -o outbound.csv
 */
export const registerOutbound: CommandRegistrar = (program, ctx) => {
  program
    .command('outbound')
    .description('outbound calls that fit into scheduled agent time beyond the inbound requirement')
    .argument('<requirements>', 'requirement CSV written by `staffcast staff`, or - for stdin')
    .requiredOption('--scheduled <file>', 'CSV of interval_start and scheduled_agents (or scheduled, agents)')
    .requiredOption('--aht <seconds>', 'handle time of one outbound call in seconds', parsePositive)
    .option(
      '--shrinkage <fraction>',
      'share of the scheduled agents not on the phones, 0 <= s < 1',
      parseShrinkage,
      0,
    )
    .option('--max-occupancy <fraction>', 'share of spare time usable for outbound', parseFraction, 1)
    .option('--tz <zone>', 'IANA zone of the output times', parseTimeZone, defaultTimeZone(ctx.env))
    .option('-o, --output <file>', 'write the CSV here instead of stdout')
    .action(async (file: string, flags: OutboundFlags) => {
      const requirement = readRequirementCsv(await readText(ctx, file), {
        source: inputLabel(file),
        timeZone: flags.tz,
      });
      const schedule = readRequirementCsv(await readText(ctx, flags.scheduled), {
        source: flags.scheduled,
        agentsColumn: ['scheduled_agents', 'scheduled', 'agents'],
        intervalMinutes: requirement.intervalMinutes,
      });
      const need = byStart(requirement);
      const have = byStart(schedule);
      const starts = [...need.keys()].sort((a, b) => a - b);
      const ignored = [...have.keys()].filter((t) => !need.has(t)).length;
      const required = starts.map((t) => need.get(t)!);
      const scheduled = starts.map((t) => have.get(t) ?? 0);
      const result = outboundCapacity(required, scheduled, {
        ahtSeconds: flags.aht,
        intervalMinutes: requirement.intervalMinutes,
        shrinkage: flags.shrinkage,
        maxOccupancy: flags.maxOccupancy,
      });
      const round = (x: number) => Math.round(x * 1e4) / 1e4;
      const rows = [
        [
          'interval_start',
          'required_agents',
          'scheduled_agents',
          'spare_agents',
          'outbound_calls',
          'short_agents',
        ],
        ...starts.map((t, i) => [
          formatInstant(t, flags.tz),
          round(required[i]!),
          round(scheduled[i]!),
          round(result.spareAgents[i]!),
          result.calls[i]!,
          round(result.shortAgents[i]!),
        ]),
      ];
      const csv = csvText(rows);
      await writeOutput(ctx, flags.output, csv);
      const short = result.shortAgents.filter((s) => s > 0).length;
      ctx.stderr.write(
        `outbound: ${result.totalCalls} calls of ${flags.aht} s fit into ${result.totalSpareAgentHours.toFixed(1)} ` +
          `spare agent-hours over ${starts.length} intervals` +
          `${short > 0 ? `; ${short} intervals are short of the inbound requirement` : ''}` +
          `${ignored > 0 ? `; ${ignored} schedule rows outside the requirement ignored` : ''}\n`,
      );
    });
};
