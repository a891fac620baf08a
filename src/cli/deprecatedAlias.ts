import { Option } from 'commander';
import type { CliContext } from './context.js';

/**
 * A hidden option kept for an old flag spelling (`plan --out`, `scenario --format`, `scenario
 * --concurrency`): accepted with the same argument as before, absent from `--help`. Pair it with
 * `warnDeprecated` when the command runs.
 *
 * @example
 * // `plan --out x` still works, but --help does not list it
 * deprecatedOption('--out <dir>').hidden; // true
 */
export function deprecatedOption(flags: string, description = 'deprecated alias'): Option {
  return new Option(flags, description).hideHelp();
}

/**
 * Prints the one-line deprecation warning of an old flag on stderr when it was given:
 * `staffcast: --out is deprecated, use -o/--output`. Returns whether it was given.
 *
 * @example
 * const stderr = [];
 * warnDeprecated({ stderr: { write: (text) => stderr.push(text) } }, true, '--out', '-o/--output'); // true
 * stderr; // ['staffcast: --out is deprecated, use -o/--output\n']
 */
export function warnDeprecated(
  ctx: Pick<CliContext, 'stderr'>,
  given: boolean,
  flag: string,
  replacement: string,
): boolean {
  if (given) ctx.stderr.write(`staffcast: ${flag} is deprecated, use ${replacement}\n`);
  return given;
}
