import { type Command, InvalidArgumentError } from 'commander';
import { StaffcastError } from '../errors.js';
import { MAX_AHT_SECONDS, MAX_CONCURRENCY } from '../queueing/limits.js';
import type { ServiceLevelBasis, StaffingTarget } from '../queueing/types.js';
import { parseFraction, parseNonNegative, parsePositive, parsePositiveInt } from './usage.js';

/** A parsed `--sl`: `80/20` (percent / seconds) or `0.8` (fraction, threshold from `--threshold`). */
export interface ServiceLevelFlag {
  level: number;
  thresholdSeconds?: number;
  text: string;
}

/** The flags `addTargetOptions` adds, as commander hands them to an action. */
export interface TargetFlags {
  sl?: ServiceLevelFlag;
  threshold?: number;
  patience?: number;
  maxOccupancy?: number;
  maxAbandon?: number;
  maxAsa?: number;
  shrinkage?: number;
  basis?: ServiceLevelBasis;
}

/**
 * Commander parser of `--sl`: `80/20` = 80% answered within 20 s; a plain `0.8` is a fraction whose
 * threshold comes from `--threshold`. In the slash form the level is a percentage from 1 to 100: a
 * value below 1 (`0.8/20`) is most likely a fraction written where a percentage belongs (it would
 * mean 0.8%), so it is rejected with the percentage to write instead.
 *
 * @throws InvalidArgumentError (a usage error naming the flag), e.g. "'0.8/20': the percentage must
 *   be 1..100 (write 80/20 for 80% within 20 s)."
 * @example
 * parseServiceLevel('80/20'); // { level: 0.8, thresholdSeconds: 20, text: '80/20' }
 */
export function parseServiceLevel(value: string): ServiceLevelFlag {
  const slash = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
  if (slash !== null) {
    const percent = Number(slash[1]);
    const seconds = Number(slash[2]);
    if (percent > 100) throw new InvalidArgumentError(`'${value}': the percentage must be 1..100.`);
    if (percent < 1) {
      const hint =
        percent > 0
          ? ` (write ${Number((percent * 100).toFixed(6))}/${slash[2]} for ${Number((percent * 100).toFixed(6))}% within ${seconds} s)`
          : '';
      throw new InvalidArgumentError(`'${value}': the percentage must be 1..100${hint}.`);
    }
    return { level: percent / 100, thresholdSeconds: seconds, text: value };
  }
  const level = Number(value);
  if (value.trim() === '' || !Number.isFinite(level) || level < 0 || level > 1)
    throw new InvalidArgumentError(
      `'${value}' must be PERCENT/SECONDS (80/20) or a fraction 0..1 with --threshold.`,
    );
  return { level, text: value };
}

/** Longest mean patience a flag accepts: one day (beyond it Erlang A is Erlang C). */
export const MAX_PATIENCE_FLAG_SECONDS = 86_400;

/**
 * Commander parser of a handle-time flag (`--aht`): seconds in (0, `MAX_AHT_SECONDS`] (one day).
 *
 * @throws InvalidArgumentError "'1e308' must be at most 86400 seconds (one day)."
 * @example
 * parseAhtSeconds('180'); // 180
 */
export function parseAhtSeconds(value: string): number {
  const n = parsePositive(value);
  if (n > MAX_AHT_SECONDS)
    throw new InvalidArgumentError(`'${value}' must be at most ${MAX_AHT_SECONDS} seconds (one day).`);
  return n;
}

/**
 * Commander parser of `--patience`: seconds in (0, `MAX_PATIENCE_FLAG_SECONDS`] (one day).
 *
 * @throws InvalidArgumentError "'1e308' must be at most 86400 seconds (one day; longer is Erlang C: drop --patience)."
 * @example
 * parsePatienceSeconds('120'); // 120
 */
export function parsePatienceSeconds(value: string): number {
  const n = parsePositive(value);
  if (n > MAX_PATIENCE_FLAG_SECONDS)
    throw new InvalidArgumentError(
      `'${value}' must be at most ${MAX_PATIENCE_FLAG_SECONDS} seconds (one day; longer is Erlang C: drop --patience).`,
    );
  return n;
}

/**
 * Commander parser of `--concurrency` (chat): a whole number 1..`MAX_CONCURRENCY` (100).
 *
 * @throws InvalidArgumentError "'1000000000' must be a whole number from 1 to 100."
 * @example
 * parseConcurrency('3'); // 3
 */
export function parseConcurrency(value: string): number {
  const n = parsePositiveInt(value);
  if (n > MAX_CONCURRENCY)
    throw new InvalidArgumentError(`'${value}' must be a whole number from 1 to ${MAX_CONCURRENCY}.`);
  return n;
}

/**
 * Commander parser of `--shrinkage`: a fraction in [0, 1).
 *
 * @throws InvalidArgumentError
 * @example
 * parseShrinkage('0.3'); // 0.3
 */
export function parseShrinkage(value: string): number {
  const s = parseFraction(value);
  if (s >= 1) throw new InvalidArgumentError(`'${value}' must be a fraction in [0, 1).`);
  return s;
}

/**
 * Adds the staffing-target flags shared by `erlang` and `staff`: `--sl`, `--threshold`, `--patience`,
 * `--max-occupancy`, `--max-abandon`, `--max-asa` and `--shrinkage`.
 *
 * @example
 * import { Command } from 'commander';
 * // returns the command, for chaining
 * addTargetOptions(new Command('erlang')).options.map((o) => o.long);
 * // ['--sl', '--threshold', '--patience', '--max-occupancy', '--max-abandon', '--max-asa', '--shrinkage']
 */
export function addTargetOptions(command: Command): Command {
  return command
    .option(
      '--sl <target>',
      'service-level target: 80/20 (80% within 20 s) or 0.8 with --threshold',
      parseServiceLevel,
    )
    .option('--threshold <seconds>', 'service-level threshold in seconds (default 20)', parseNonNegative)
    .option(
      '--patience <seconds>',
      'mean patience in seconds, at most 86400: Erlang A (default Erlang C)',
      parsePatienceSeconds,
    )
    .option('--max-occupancy <fraction>', 'maximum occupancy, e.g. 0.85', parseFraction)
    .option('--max-abandon <fraction>', 'maximum abandonment rate, e.g. 0.05', parseFraction)
    .option('--max-asa <seconds>', 'maximum mean wait of answered contacts', parseNonNegative)
    .option('--shrinkage <fraction>', 'fraction of paid time off the phones, 0 <= s < 1', parseShrinkage);
}

/**
 * The `StaffingTarget` the flags describe, with the cross-flag checks: `--sl 80/20` fixes the
 * threshold (a different `--threshold` is a usage error); `--sl 0.8` needs `--threshold`.
 * `thresholdSeconds` is set only when a flag gives it.
 *
 * @throws StaffcastError USAGE, prefixed with the command name
 * @example
 * targetFromFlags({ sl: parseServiceLevel('80/20') }, 'staff'); // { serviceLevel: 0.8, thresholdSeconds: 20 }
 */
export function targetFromFlags(flags: TargetFlags, command: string): StaffingTarget {
  const usage = (message: string): never => {
    throw new StaffcastError('USAGE', `${command}: ${message}`);
  };
  const { sl } = flags;
  let threshold = flags.threshold;
  if (sl?.thresholdSeconds !== undefined) {
    if (threshold !== undefined && threshold !== sl.thresholdSeconds)
      usage(`--threshold ${threshold} contradicts --sl ${sl.text} (threshold ${sl.thresholdSeconds} s)`);
    threshold = sl.thresholdSeconds;
  } else if (sl !== undefined && threshold === undefined) {
    usage(`--sl ${sl.text} needs --threshold <seconds> (or write --sl ${Math.round(sl.level * 100)}/20)`);
  }
  const target: StaffingTarget = {};
  if (sl !== undefined) target.serviceLevel = sl.level;
  if (threshold !== undefined) target.thresholdSeconds = threshold;
  if (flags.basis !== undefined) target.serviceLevelBasis = flags.basis;
  if (flags.maxAsa !== undefined) target.maxAsaSeconds = flags.maxAsa;
  if (flags.maxAbandon !== undefined) target.maxAbandonRate = flags.maxAbandon;
  if (flags.maxOccupancy !== undefined) target.maxOccupancy = flags.maxOccupancy;
  return target;
}
