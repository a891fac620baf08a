import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FIELD_VALUE, parseNumberField } from '../../src/io/parseNumberField.js';

describe('parseNumberField', () => {
  it('reads decimal numbers and a blank optional field as NaN', () => {
    expect(parseNumberField(' 12.5 ', 'count', true)).toBe(12.5);
    expect(parseNumberField('1e3', 'count', true)).toBe(1000);
    expect(parseNumberField('', 'duration', false)).toBeNaN();
    expect(parseNumberField('', 'duration', true)).toBe('empty (a number is required)');
  });

  it('rejects hex, binary, octal and Infinity as not decimal numbers', () => {
    for (const text of ['0x10', '0b101', '0o17', 'Infinity', '-Infinity', 'NaN'])
      expect(parseNumberField(text, 'count', true)).toBe(`not a decimal number (got '${text}')`);
  });

  it('rejects values above the documented bound of their kind (1e308 calls, a handle time over a day)', () => {
    expect(parseNumberField('1e308', 'count', true)).toBe('count too large (got 1e308; at most 1000000)');
    expect(parseNumberField('1e309', 'count', true)).toBe('count too large (got 1e309; at most 1000000)');
    expect(parseNumberField('86401', 'duration', true)).toBe('duration too large (got 86401; at most 86400)');
    expect(parseNumberField('100001', 'agents', true)).toBe('agents too large (got 100001; at most 100000)');
    expect(parseNumberField('86400', 'duration', true)).toBe(86_400);
  });

  it('every finite result is within 0..MAX_FIELD_VALUE of its kind', () => {
    const kinds = ['count', 'duration', 'agents', 'fraction'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.double({ noNaN: true }), (kind, x) => {
        const r = parseNumberField(String(x), kind, true);
        return typeof r === 'string' || (r >= 0 && r <= MAX_FIELD_VALUE[kind]);
      }),
    );
  });

  it('reads a decimal comma only when asked', () => {
    expect(parseNumberField('12,5', 'duration', true, { decimalComma: true })).toBe(12.5);
    expect(parseNumberField('12.5', 'duration', true, { decimalComma: true })).toBe(12.5);
    expect(parseNumberField('12,5', 'duration', true)).toBe("not a number (got '12,5')");
    expect(parseNumberField('1,2,3', 'duration', true, { decimalComma: true })).toBe(
      "not a number (got '1,2,3')",
    );
  });

  it('cuts a long echoed field and escapes control characters', () => {
    expect(parseNumberField(`1\u001b[31m${'x'.repeat(200)}`, 'count', true)).toBe(
      `not a number (got '1\\x1b[31m${'x'.repeat(74)}…')`,
    );
  });
});
