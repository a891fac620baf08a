import { InvalidArgumentError } from 'commander';
import { StaffcastError } from '../errors.js';
import { assertTimeZone } from '../time/zoneOffset.js';

/**
 * Commander argument parsers shared by the commands. Each throws commander's
 * `InvalidArgumentError`, which the program turns into a one-line usage error (exit 2)
 * naming the flag.
 */

/**
 * A finite number.
 *
 * @throws InvalidArgumentError "'abc' is not a number."
 * @example
 * parseNumber('-2.5'); // -2.5
 */
export function parseNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new InvalidArgumentError(`'${value}' is not a number.`);
  return n;
}

/**
 * A finite number > 0.
 *
 * @throws InvalidArgumentError "'0' must be greater than 0."
 * @example
 * parsePositive('180'); // 180
 */
export function parsePositive(value: string): number {
  const n = parseNumber(value);
  if (!(n > 0)) throw new InvalidArgumentError(`'${value}' must be greater than 0.`);
  return n;
}

/**
 * A finite number >= 0.
 *
 * @throws InvalidArgumentError "'-1' must be 0 or more."
 * @example
 * parseNonNegative('0'); // 0
 */
export function parseNonNegative(value: string): number {
  const n = parseNumber(value);
  if (!(n >= 0)) throw new InvalidArgumentError(`'${value}' must be 0 or more.`);
  return n;
}

/**
 * An integer >= 0.
 *
 * @throws InvalidArgumentError "'1.5' must be a whole number >= 0."
 * @example
 * parseNonNegativeInt('200'); // 200
 */
export function parseNonNegativeInt(value: string): number {
  const n = parseNumber(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`'${value}' must be a whole number >= 0.`);
  return n;
}

/**
 * An integer >= 1.
 *
 * @throws InvalidArgumentError "'0' must be a whole number >= 1."
 * @example
 * parsePositiveInt('30'); // 30
 */
export function parsePositiveInt(value: string): number {
  const n = parseNumber(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`'${value}' must be a whole number >= 1.`);
  return n;
}

/**
 * A fraction in [0, 1]. A whole number from 2 to 100 is most likely a percentage, and the message
 * says how to write it.
 *
 * @throws InvalidArgumentError "'30' must be a fraction between 0 and 1 (write 0.3 for 30%)."
 * @example
 * parseFraction('0.3'); // 0.3
 */
export function parseFraction(value: string): number {
  const n = parseNumber(value);
  if (n < 0 || n > 1) {
    const percent = Number.isInteger(n) && n >= 2 && n <= 100 ? ` (write ${n / 100} for ${n}%)` : '';
    throw new InvalidArgumentError(`'${value}' must be a fraction between 0 and 1${percent}.`);
  }
  return n;
}

/**
 * A comma-separated list of numbers.
 *
 * @throws InvalidArgumentError "'x' is not a number." for any item
 * @example
 * parseNumberList('0.1, 0.5,0.9'); // [0.1, 0.5, 0.9]
 */
export function parseNumberList(value: string): number[] {
  return value.split(',').map((part) => parseNumber(part.trim()));
}

/**
 * An IANA time-zone name (or `UTC`) the runtime knows, checked by `assertTimeZone`: one rule
 * for the `--tz` flag of every command, a usage error (exit 2) naming the flag.
 *
 * @throws InvalidArgumentError "'Mars/Base' is not an IANA time zone (e.g. Europe/Madrid)."
 * @example
 * parseTimeZone('America/New_York'); // 'America/New_York'
 */
export function parseTimeZone(value: string): string {
  try {
    return assertTimeZone('--tz', value);
  } catch {
    throw new InvalidArgumentError(`'${value}' is not an IANA time zone (e.g. Europe/Madrid).`);
  }
}

/** Environment variable giving the default of every `--tz` flag (pipes then need no `--tz` per step). */
export const TIME_ZONE_ENV = 'STAFFCAST_TZ';

/**
 * The default of the `--tz` flags: `STAFFCAST_TZ` when set (checked before any command runs by
 * `checkTimeZoneEnv`), else `UTC`.
 *
 * @example
 * defaultTimeZone({ STAFFCAST_TZ: 'America/New_York' }); // 'America/New_York'
 * defaultTimeZone({}); // 'UTC'
 */
export function defaultTimeZone(env: Record<string, string | undefined>): string {
  const zone = env[TIME_ZONE_ENV];
  return zone === undefined || zone === '' ? 'UTC' : zone;
}

/**
 * Checks `STAFFCAST_TZ` when it is set: a zone the runtime does not know is a usage error (exit 2)
 * naming the variable, before a command uses it as its `--tz` default.
 *
 * @throws StaffcastError `USAGE` "STAFFCAST_TZ 'Mars/Base' is not an IANA time zone (e.g. Europe/Madrid)".
 * @example
 * checkTimeZoneEnv({ STAFFCAST_TZ: 'Europe/Madrid' }); // returns undefined
 * checkTimeZoneEnv({ STAFFCAST_TZ: 'Mars/Base' }); // throws USAGE
 */
export function checkTimeZoneEnv(env: Record<string, string | undefined>): void {
  const zone = defaultTimeZone(env);
  try {
    parseTimeZone(zone);
  } catch {
    throw new StaffcastError(
      'USAGE',
      `${TIME_ZONE_ENV} '${zone}' is not an IANA time zone (e.g. Europe/Madrid)`,
    );
  }
}
