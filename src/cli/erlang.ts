import { InvalidArgumentError, Option } from 'commander';
import { erlangCalculator, erlangJson } from '../app/erlang.js';
import { MAX_AGENTS_LIMIT } from '../queueing/limits.js';
import type { QueueMetrics, StaffingTarget } from '../queueing/types.js';
import type { CommandRegistrar } from './context.js';
import {
  addTargetOptions,
  parseAhtSeconds,
  parseConcurrency,
  type TargetFlags,
  targetFromFlags,
} from './targetFlags.js';
import { parseNonNegative, parseNonNegativeInt, parsePositive } from './usage.js';

interface ErlangFlags extends TargetFlags {
  calls: number;
  interval: number;
  aht: number;
  agents?: number;
  concurrency?: number;
  json?: boolean;
}

/** `--agents`: a whole number 0..`MAX_AGENTS_LIMIT`. */
function parseAgents(value: string): number {
  const n = parseNonNegativeInt(value);
  if (n > MAX_AGENTS_LIMIT)
    throw new InvalidArgumentError(`'${value}' must be at most ${MAX_AGENTS_LIMIT} agents.`);
  return n;
}
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const secs = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(1)} s` : 'inf');

function describeTarget(t: StaffingTarget & { thresholdSeconds: number }): string {
  const parts: string[] = [];
  if (t.serviceLevel !== undefined)
    parts.push(`${pct(t.serviceLevel)} within ${t.thresholdSeconds} s (${t.serviceLevelBasis ?? 'offered'})`);
  if (t.maxAsaSeconds !== undefined) parts.push(`ASA <= ${t.maxAsaSeconds} s`);
  if (t.maxAbandonRate !== undefined) parts.push(`abandonment <= ${pct(t.maxAbandonRate)}`);
  if (t.maxOccupancy !== undefined) parts.push(`occupancy <= ${pct(t.maxOccupancy)}`);
  return parts.length > 0 ? parts.join(', ') : 'none (smallest staffing that answers the calls)';
}

function metricLines(m: QueueMetrics): string[] {
  return [
    `  service level  ${pct(m.serviceLevel)}`,
    `  P(wait)        ${pct(m.probWait)}`,
    `  ASA            ${secs(m.asaSeconds)}`,
    `  abandoned      ${pct(m.abandonRate)}`,
    `  occupancy      ${pct(m.occupancy)}`,
    `  stable         ${m.stable ? 'yes' : 'no (agents <= load: the queue grows without bound)'}`,
  ];
}

function tableLines(rows: QueueMetrics[], mark: number): string[] {
  const header = ['agents', 'service level', 'P(wait)', 'ASA', 'abandoned', 'occupancy'];
  const cells = rows.map((m) => [
    `${m.agents}${m.agents === mark ? ' *' : ''}`,
    pct(m.serviceLevel),
    pct(m.probWait),
    secs(m.asaSeconds),
    pct(m.abandonRate),
    pct(m.occupancy),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padStart(widths[i]!)).join('  ');
  return [line(header), ...cells.map(line)];
}

/**
 * `staffcast erlang --calls 100 --interval 30 --aht 180 --sl 80/20 [--threshold 20] [--patience 120]
 * [--max-occupancy 0.85] [--max-abandon 0.05] [--max-asa 30] [--shrinkage 0.3] [--agents N]
 * [--basis offered|excludeShortAbandons|virtualWait] [--concurrency 2] [--json]`: the required
 * agents (raw and after shrinkage) with their metrics and a table for n-3..n+3, or with `--agents`
 * the metrics of that staffing: flags -> `erlangCalculator` -> the text (or `erlangJson`) on
 * stdout. Unreachable targets exit 1 (TARGET_UNREACHABLE).
 *
 * @example
 * // (not run: a shell command)
 * // staffcast erlang --calls 100 --interval 30 --aht 180 --sl 80/20 prints, among the table:
 * // Erlang C: 100 contacts per 30 min, AHT 180 s, 10.00 Erlangs offered
 * // required agents: 14 (no shrinkage)
 * //   service level  88.8%
 */
export const registerErlang: CommandRegistrar = (program, ctx) => {
  const command = program
    .command('erlang')
    .description('Erlang C / Erlang A calculator: agents needed for a target, or the service of a staffing')
    .requiredOption('--calls <n>', 'contacts offered in one interval', parseNonNegative)
    .requiredOption('--interval <minutes>', 'interval length in minutes', parsePositive)
    .requiredOption('--aht <seconds>', 'mean handle time in seconds (at most 86400)', parseAhtSeconds);
  addTargetOptions(command)
    .option('--agents <n>', 'evaluate this staffing instead of finding the minimum', parseAgents)
    .addOption(
      new Option('--basis <basis>', 'service-level basis (default offered)').choices([
        'offered',
        'excludeShortAbandons',
        'virtualWait',
      ]),
    )
    .option('--concurrency <n>', 'contacts one agent handles at once (chat), 1..100', parseConcurrency)
    .option('--json', 'print one JSON document')
    .action((flags: ErlangFlags) => {
      const result = erlangCalculator({
        calls: flags.calls,
        intervalMinutes: flags.interval,
        ahtSeconds: flags.aht,
        patienceSeconds: flags.patience,
        concurrency: flags.concurrency,
        target: targetFromFlags(flags, 'erlang'),
        agents: flags.agents,
        shrinkage: flags.shrinkage,
      });
      if (flags.json) {
        ctx.stdout.write(`${JSON.stringify(erlangJson(result), null, 2)}\n`);
        return;
      }
      const { metrics, target } = result;
      const n = metrics.agents;
      const model = metrics.model === 'erlang-a' ? `Erlang A (patience ${flags.patience} s)` : 'Erlang C';
      const chat =
        flags.concurrency !== undefined && flags.concurrency > 1
          ? `, ${flags.concurrency} contacts per agent`
          : '';
      const shrink =
        flags.shrinkage !== undefined
          ? `${result.scheduledAgents} scheduled with ${pct(flags.shrinkage)} shrinkage`
          : 'no shrinkage';
      const out = [
        `${model}: ${flags.calls} contacts per ${flags.interval} min, AHT ${flags.aht} s, ${metrics.offeredErlangs.toFixed(2)} Erlangs offered${chat}`,
        `target: ${describeTarget(target)}`,
        result.mode === 'evaluate'
          ? `agents: ${n} (${shrink}); meets target: ${result.meetsTarget ? 'yes' : 'no'}`
          : `required agents: ${n} (${shrink})`,
        ...metricLines(metrics),
        '',
        ...tableLines(result.table, n),
      ];
      ctx.stdout.write(`${out.join('\n')}\n`);
    });
};
