import { InvalidArgumentError, Option } from 'commander';
import { StaffcastError } from '../errors.js';
import { meetsTarget } from '../queueing/meetsTarget.js';
import { queueMetrics } from '../queueing/queueMetrics.js';
import { requiredAgents } from '../queueing/requiredAgents.js';
import { applyShrinkage } from '../queueing/shrinkage.js';
import type { QueueDemand, QueueMetrics, ServiceLevelBasis, StaffingTarget } from '../queueing/types.js';
import type { CommandRegistrar } from './program.js';
import {
  parseFraction,
  parseNonNegative,
  parseNonNegativeInt,
  parsePositive,
  parsePositiveInt,
} from './usage.js';

/** A parsed `--sl`: `80/20` (percent / seconds) or `0.8` (fraction, threshold from `--threshold`). */
interface ServiceLevelFlag {
  level: number;
  thresholdSeconds?: number;
  text: string;
}

interface ErlangFlags {
  calls: number;
  interval: number;
  aht: number;
  sl?: ServiceLevelFlag;
  threshold?: number;
  patience?: number;
  maxOccupancy?: number;
  maxAbandon?: number;
  maxAsa?: number;
  shrinkage?: number;
  agents?: number;
  basis?: ServiceLevelBasis;
  concurrency?: number;
  json?: boolean;
}

const DEFAULT_THRESHOLD_SECONDS = 20;
const TABLE_SPAN = 3;

/**
 * Commander parser of `--sl`: `80/20` = 80% answered within 20 s; a plain `0.8` is a fraction whose
 * threshold comes from `--threshold`.
 *
 * @throws InvalidArgumentError (a usage error naming the flag)
 * @example
 * parseServiceLevel('80/20'); // { level: 0.8, thresholdSeconds: 20, text: '80/20' }
 */
export function parseServiceLevel(value: string): ServiceLevelFlag {
  const slash = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
  if (slash !== null) {
    const percent = Number(slash[1]);
    const seconds = Number(slash[2]);
    if (percent > 100) throw new InvalidArgumentError(`'${value}': the percentage must be 0..100.`);
    return { level: percent / 100, thresholdSeconds: seconds, text: value };
  }
  const level = Number(value);
  if (value.trim() === '' || !Number.isFinite(level) || level < 0 || level > 1)
    throw new InvalidArgumentError(
      `'${value}' must be PERCENT/SECONDS (80/20) or a fraction 0..1 with --threshold.`,
    );
  return { level, text: value };
}

function parseShrinkage(value: string): number {
  const s = parseNumberStrict(value);
  if (!(s >= 0 && s < 1)) throw new InvalidArgumentError(`'${value}' must be a fraction in [0, 1).`);
  return s;
}

function parseNumberStrict(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new InvalidArgumentError(`'${value}' is not a number.`);
  return n;
}

function usage(message: string): never {
  throw new StaffcastError('USAGE', `erlang: ${message}`);
}

/** The staffing target and reporting threshold the flags describe (cross-flag checks here). */
function targetOf(flags: ErlangFlags): StaffingTarget & { thresholdSeconds: number } {
  const sl = flags.sl;
  let threshold = flags.threshold;
  if (sl?.thresholdSeconds !== undefined) {
    if (threshold !== undefined && threshold !== sl.thresholdSeconds)
      usage(`--threshold ${threshold} contradicts --sl ${sl.text} (threshold ${sl.thresholdSeconds} s)`);
    threshold = sl.thresholdSeconds;
  } else if (sl !== undefined && threshold === undefined) {
    usage(`--sl ${sl.text} needs --threshold <seconds> (or write --sl ${Math.round(sl.level * 100)}/20)`);
  }
  const target: StaffingTarget & { thresholdSeconds: number } = {
    thresholdSeconds: threshold ?? DEFAULT_THRESHOLD_SECONDS,
  };
  if (sl !== undefined) target.serviceLevel = sl.level;
  if (flags.basis !== undefined) target.serviceLevelBasis = flags.basis;
  if (flags.maxAsa !== undefined) target.maxAsaSeconds = flags.maxAsa;
  if (flags.maxAbandon !== undefined) target.maxAbandonRate = flags.maxAbandon;
  if (flags.maxOccupancy !== undefined) target.maxOccupancy = flags.maxOccupancy;
  return target;
}

function demandOf(flags: ErlangFlags): QueueDemand {
  const demand: QueueDemand = {
    callsPerInterval: flags.calls,
    intervalMinutes: flags.interval,
    ahtSeconds: flags.aht,
  };
  if (flags.patience !== undefined) demand.patienceSeconds = flags.patience;
  if (flags.concurrency !== undefined) demand.concurrency = flags.concurrency;
  return demand;
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

/** Metrics as JSON-safe values: Infinity becomes null (the `stable` flag says why). */
function jsonMetrics(m: QueueMetrics): Record<string, unknown> {
  return { ...m, asaSeconds: Number.isFinite(m.asaSeconds) ? m.asaSeconds : null };
}

/**
 * `staffcast erlang --calls 100 --interval 30 --aht 180 --sl 80/20 [--threshold 20] [--patience 120]
 * [--max-occupancy 0.85] [--max-abandon 0.05] [--max-asa 30] [--shrinkage 0.3] [--agents N]
 * [--basis offered|excludeShortAbandons|virtualWait] [--concurrency 2] [--json]`: the required
 * agents (raw and after shrinkage) with their metrics and a table for n-3..n+3, or with `--agents`
 * the metrics of that staffing. Unreachable targets exit 1 (TARGET_UNREACHABLE).
 */
export const registerErlang: CommandRegistrar = (program, ctx) => {
  program
    .command('erlang')
    .description('Erlang C / Erlang A calculator: agents needed for a target, or the service of a staffing')
    .requiredOption('--calls <n>', 'contacts offered in one interval', parseNonNegative)
    .requiredOption('--interval <minutes>', 'interval length in minutes', parsePositive)
    .requiredOption('--aht <seconds>', 'mean handle time in seconds', parsePositive)
    .option(
      '--sl <target>',
      'service-level target: 80/20 (80% within 20 s) or 0.8 with --threshold',
      parseServiceLevel,
    )
    .option('--threshold <seconds>', 'service-level threshold in seconds (default 20)', parseNonNegative)
    .option('--patience <seconds>', 'mean patience in seconds: Erlang A (default Erlang C)', parsePositive)
    .option('--max-occupancy <fraction>', 'maximum occupancy, e.g. 0.85', parseFraction)
    .option('--max-abandon <fraction>', 'maximum abandonment rate, e.g. 0.05', parseFraction)
    .option('--max-asa <seconds>', 'maximum mean wait of answered contacts', parseNonNegative)
    .option('--shrinkage <fraction>', 'fraction of paid time off the phones, 0 <= s < 1', parseShrinkage)
    .option('--agents <n>', 'evaluate this staffing instead of finding the minimum', parseNonNegativeInt)
    .addOption(
      new Option('--basis <basis>', 'service-level basis (default offered)').choices([
        'offered',
        'excludeShortAbandons',
        'virtualWait',
      ]),
    )
    .option('--concurrency <n>', 'contacts one agent handles at once (chat)', parsePositiveInt)
    .option('--json', 'print one JSON document')
    .action((flags: ErlangFlags) => {
      const target = targetOf(flags);
      const demand = demandOf(flags);
      const options = {
        thresholdSeconds: target.thresholdSeconds,
        serviceLevelBasis: target.serviceLevelBasis ?? 'offered',
      };
      const metrics =
        flags.agents !== undefined
          ? queueMetrics(demand, flags.agents, options)
          : requiredAgents(demand, target);
      const n = metrics.agents;
      const scheduled = applyShrinkage(n, flags.shrinkage ?? 0);
      const rows: QueueMetrics[] = [];
      for (let k = Math.max(0, n - TABLE_SPAN); k <= n + TABLE_SPAN; k++)
        rows.push(queueMetrics(demand, k, options));
      const meets = meetsTarget(metrics, target);
      if (flags.json) {
        const doc = {
          model: metrics.model,
          demand,
          target,
          mode: flags.agents !== undefined ? 'evaluate' : 'required',
          agents: n,
          shrinkage: flags.shrinkage ?? 0,
          scheduledAgents: scheduled,
          meetsTarget: meets,
          metrics: jsonMetrics(metrics),
          table: rows.map(jsonMetrics),
        };
        ctx.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        return;
      }
      const model = metrics.model === 'erlang-a' ? `Erlang A (patience ${flags.patience} s)` : 'Erlang C';
      const chat =
        flags.concurrency !== undefined && flags.concurrency > 1
          ? `, ${flags.concurrency} contacts per agent`
          : '';
      const shrink =
        flags.shrinkage !== undefined
          ? `${scheduled} scheduled with ${pct(flags.shrinkage)} shrinkage`
          : 'no shrinkage';
      const out = [
        `${model}: ${flags.calls} contacts per ${flags.interval} min, AHT ${flags.aht} s, ${metrics.offeredErlangs.toFixed(2)} Erlangs offered${chat}`,
        `target: ${describeTarget(target)}`,
        flags.agents !== undefined
          ? `agents: ${n} (${shrink}); meets target: ${meets ? 'yes' : 'no'}`
          : `required agents: ${n} (${shrink})`,
        ...metricLines(metrics),
        '',
        ...tableLines(rows, n),
      ];
      ctx.stdout.write(`${out.join('\n')}\n`);
    });
};
