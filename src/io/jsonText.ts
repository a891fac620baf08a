/**
 * JSON text of a value for an output file: indented by 2, newline at the end, and a number that
 * is not finite written as its name in a string (`"Infinity"`, `"NaN"`; plain `JSON.stringify`
 * would write `null`, which reads as "no value" rather than "unbounded"). O(size).
 *
 * @example
 * jsonText({ asaSeconds: Infinity, sl: 0.8 }); // '{\n  "asaSeconds": "Infinity",\n  "sl": 0.8\n}\n'
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`;
}
