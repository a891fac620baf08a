/** What kind of number a field holds; decides the wording of its problems. */
export type NumberFieldKind = 'count' | 'duration';

const NUMBER = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * Parses a non-negative number from a CSV field (hand-checked rather than zod: this runs once per
 * field on files of millions of rows). Returns the number, `NaN` for a blank optional field, or
 * the problem text. O(length of the field).
 *
 * @example
 * parseNumberField('12', 'count', true); // 12
 * parseNumberField('', 'duration', false); // NaN
 * parseNumberField('-2', 'count', true); // 'negative count (got -2)'
 * parseNumberField('x', 'count', true); // "not a number (got 'x')"
 */
export function parseNumberField(text: string, kind: NumberFieldKind, required: boolean): number | string {
  if (text.trim() === '') return required ? 'empty (a number is required)' : Number.NaN;
  if (!NUMBER.test(text)) return `not a number (got '${text}')`;
  const value = Number(text);
  if (!Number.isFinite(value)) return `not a finite number (got '${text}')`;
  if (value < 0) return `negative ${kind} (got ${text.trim()})`;
  return value === 0 ? 0 : value; // no -0
}
