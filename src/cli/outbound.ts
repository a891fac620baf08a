import { StaffcastError } from '../errors.js';
import { missingColumnError, parseCsvText } from '../io/csvSource.js';
import { csvText } from '../io/csvText.js';
import { inputLabel, readTextInput } from '../io/readTextInput.js';
import { readRequirementCsv } from '../io/requirementCsv.js';
import { escapeControl } from '../messageText.js';
import { outboundCapacity } from '../staffing/outboundCapacity.js';
import type { Requirement } from '../staffing/types.js';
import { formatInstant } from '../time/formatInstant.js';
import type { CliContext, CommandRegistrar } from './context.js';
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

function readText(ctx: CliContext, file: string): Promise<string> {
  return readTextInput(file, { baseDir: ctx.cwd, stdin: ctx.stdin });
}

/**
 * Columns of a schedule's coverage that count agents free to take calls, in the order they are
 * looked for: `on_phone` (plan's coverage.csv: net of breaks and of shrinkage) and `net` (plan's
 * and `schedule --coverage`: on shift and not on break, before shrinkage).
 */
const NET_COLUMNS = ['on_phone', 'net'] as const;
/** Columns that count every scheduled head, agents at lunch included: read only when named. */
const GROSS_COLUMNS = ['scheduled', 'scheduled_agents', 'agents'] as const;
/** The column already net of shrinkage: no `--shrinkage` on top. */
const AFTER_SHRINKAGE_COLUMN = 'on_phone';

function usage(message: string): never {
  throw new StaffcastError('USAGE', `outbound: ${message}`);
}

/**
 * The column of the schedule file to read: `--column`, else the first of `NET_COLUMNS` in the
 * header. A file with only a gross column is a data error naming the flag that reads it anyway.
 */
function scheduleColumn(text: string, source: string, column: string | undefined): string {
  const first = parseCsvText(text, source, { trim: true })[0];
  if (first === undefined || column !== undefined) return column ?? NET_COLUMNS[0];
  const header = first.fields;
  const has = (name: string) => header.some((h) => h.toLowerCase() === name);
  const net = NET_COLUMNS.find(has);
  if (net !== undefined) return net;
  const gross = GROSS_COLUMNS.find(has);
  if (gross === undefined)
    throw missingColumnError(source, first.line, NET_COLUMNS[0], header, `or '${NET_COLUMNS[1]}'`);
  throw new StaffcastError(
    'CSV_ROW',
    `${source}:${first.line}: no net column 'on_phone' or 'net' (header has: ${escapeControl(header.join(', '))}): '${gross}' counts agents on break too; if it counts only agents free to take calls, give --column ${gross}`,
    { source, row: first.line, column: gross },
  );
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
 * to `-o` or stdout, and the total to stderr.
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
      const requirement = readRequirementCsv(await readText(ctx, file), {
        source: inputLabel(file),
        timeZone: flags.tz,
      });
      const scheduleText = await readText(ctx, flags.scheduled);
      const column = scheduleColumn(scheduleText, flags.scheduled, flags.column);
      let shrinkage: number;
      if (column.toLowerCase() === AFTER_SHRINKAGE_COLUMN) {
        if (flags.shrinkage !== undefined && flags.shrinkage > 0)
          usage(
            `--shrinkage ${flags.shrinkage}: column '${column}' of ${flags.scheduled} is already after shrinkage; drop --shrinkage, or read the net column with --column net`,
          );
        shrinkage = 0;
      } else {
        if (flags.shrinkage === undefined)
          usage(
            `give --shrinkage <fraction>: the share of the agents in column '${column}' of ${flags.scheduled} not on the phones (meetings, training, absence; --shrinkage 0 if none)`,
          );
        shrinkage = flags.shrinkage;
      }
      const schedule = readRequirementCsv(scheduleText, {
        source: flags.scheduled,
        agentsColumn: column,
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
        shrinkage,
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
      ctx.stderr.write(
        `outbound: agents from column '${column}' of ${flags.scheduled}, shrinkage ${shrinkage}${column.toLowerCase() === AFTER_SHRINKAGE_COLUMN ? ' (the column is after shrinkage)' : ''}\n`,
      );
      const short = result.shortAgents.filter((s) => s > 0).length;
      ctx.stderr.write(
        `outbound: ${result.totalCalls} calls of ${flags.aht} s fit into ${result.totalSpareAgentHours.toFixed(1)} ` +
          `spare agent-hours over ${starts.length} intervals` +
          `${short > 0 ? `; ${short} intervals are short of the inbound requirement` : ''}` +
          `${ignored > 0 ? `; ${ignored} schedule rows outside the requirement ignored` : ''}\n`,
      );
    });
};
