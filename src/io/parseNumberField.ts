import { echoValue } from '../messageText.js';

/**
 * What kind of number a field holds; decides the wording and the upper bound of its problems.
 *
 * @internal
 */
export type NumberFieldKind = 'count' | 'duration' | 'agents' | 'fraction';

/**
 * The largest values a reader accepts, by kind (documented bounds; larger values are typing or
 * export errors, and `Infinity` or `1e308` would poison every sum downstream):
 * - `count` (contacts per interval, handled, abandoned): 1,000,000 — two orders of magnitude above
 *   the busiest interval of the largest contact centres;
 * - `duration` (handle time, service time in seconds): 86,400 — one day;
 * - `agents` (agents per interval): 100,000 — the default `maxAgents` of `requiredAgents`;
 * - `fraction` (service level, occupancy, abandonment): 1.
 *
 * @internal
 */
export const MAX_FIELD_VALUE: Readonly<Record<NumberFieldKind, number>> = {
  count: 1_000_000,
  duration: 86_400,
  agents: 100_000,
  fraction: 1,
};

/** Decimal numbers only: no hex (`0x10`), binary (`0b1`), octal (`0o7`), `Infinity` or `NaN`. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** The same with a decimal comma (`12,5`), as spreadsheets in most locales export with `;` separators. */
const NUMBER_COMMA = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;
/** Longest field looked at: no decimal number within the bounds needs more. */
const MAX_NUMBER_CHARS = 64;

/**
 * Options of `parseNumberField`.
 *
 * @internal
 */
export interface ParseNumberOptions {
  /** Accept a decimal comma (`12,5` = 12.5) as well as a point. Default false. */
  decimalComma?: boolean;
}

/**
 * Parses a non-negative decimal number from a CSV field (hand-checked rather than zod: this runs
 * once per field on files of millions of rows). Returns the number, `NaN` for a blank optional
 * field, or the problem text. Only decimal notation is a number (hex `0x10`, binary, `Infinity`
 * are not), and values above `MAX_FIELD_VALUE[kind]` are problems. With `decimalComma`, `12,5` is
 * 12.5. Echoed text is cut and escaped (`echoValue`). O(1): fields longer than 64 characters are
 * rejected without being matched.
 *
 * @internal
 * @example
 * parseNumberField('12', 'count', true); // 12
 * parseNumberField('', 'duration', false); // NaN
 * parseNumberField('-2', 'count', true); // 'negative count (got -2)'
 * parseNumberField('x', 'count', true); // "not a number (got 'x')"
 * parseNumberField('0x10', 'count', true); // "not a decimal number (got '0x10')"
 * parseNumberField('90000', 'duration', true); // 'duration too large (got 90000; at most 86400)'
 * parseNumberField('12,5', 'duration', true, { decimalComma: true }); // 12.5
 */
export function parseNumberField(
  text: string,
  kind: NumberFieldKind,
  required: boolean,
  options: ParseNumberOptions = {},
): number | string {
  const trimmed = text.length > MAX_NUMBER_CHARS ? text : text.trim();
  if (trimmed === '') return required ? 'empty (a number is required)' : Number.NaN;
  const comma = options.decimalComma === true;
  if (trimmed.length > MAX_NUMBER_CHARS || !(comma ? NUMBER_COMMA : NUMBER).test(trimmed)) {
    const word = /^[+-]?(?:0[xXbBoO]|Infinity$|NaN$)/.test(trimmed) ? 'not a decimal number' : 'not a number';
    return `${word} (got '${echoValue(text)}')`;
  }
  const value = Number(comma ? trimmed.replace(',', '.') : trimmed);
  if (value < 0) return `negative ${kind} (got ${echoValue(trimmed)})`;
  const max = MAX_FIELD_VALUE[kind];
  if (!(value <= max)) return `${kind} too large (got ${echoValue(trimmed)}; at most ${max})`;
  return value === 0 ? 0 : value; // no -0
}
