import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_SIGNIFICANT_DIGITS, csvText, formatCsvNumber } from '../../src/io/csvText.js';

describe('formatCsvNumber', () => {
  it('removes float noise, keeps integers whole and writes -0 as 0', () => {
    expect([21062.299999999996, 0.1 + 0.2, 1 / 3, 42, -0.5, -0, 2 ** 53].map(formatCsvNumber)).toEqual([
      '21062.3',
      '0.3',
      '0.333333333333',
      '42',
      '-0.5',
      '0',
      '9007199254740992',
    ]);
  });

  it('writes NaN and +-Infinity as an empty cell', () => {
    expect([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map(formatCsvNumber)).toEqual([
      '',
      '',
      '',
    ]);
  });

  it('keeps 12 significant digits and is a fixed point (property over finite doubles)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const text = formatCsvNumber(v);
        const back = Number(text);
        expect(text).not.toBe('');
        expect(Math.abs(back - v)).toBeLessThanOrEqual(Math.abs(v) * 10 ** (1 - CSV_SIGNIFICANT_DIGITS));
        expect(formatCsvNumber(back)).toBe(text);
      }),
    );
  });
});

describe('csvText', () => {
  it('prefixes text a spreadsheet would run as a formula with a quote, not negative numbers', () => {
    const text = csvText([
      ['name', 'value'],
      ['=SUM(A1:A2)', -1.5],
      ['+1', '@a'],
      ['-sales', '\tq'],
      ['\rx', null],
      ['sales-east', undefined],
    ]);
    expect(text).toBe("name,value\n'=SUM(A1:A2),-1.5\n'+1,'@a\n'-sales,'\tq\n\"'\rx\",\nsales-east,\n");
  });

  it('writes object records with a header in the order of columns', () => {
    expect(csvText([{ b: 0.1 + 0.2, a: '=x' }], { header: true, columns: ['a', 'b'] })).toBe(
      "a,b\n'=x,0.3\n",
    );
  });

  it('reads back every text cell as written, with a quote before a formula start (property)', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('=1+1', '+', '-x', '@', '\tt', '\rr', 'a,b', '"q"'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1 }), (rows) => {
        const back = parse(csvText(rows), { relax_column_count: false }) as string[][];
        expect(back).toEqual(rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))));
      }),
    );
  });

  it('never writes Infinity or NaN, and numbers read back to 12 significant digits (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { minLength: 1, maxLength: 20 }), (values) => {
        const text = csvText([values]);
        expect(text).not.toMatch(/Infinity|NaN/);
        const back = (parse(text) as string[][])[0]!;
        expect(back).toHaveLength(values.length);
        back.forEach((c, i) => {
          const v = values[i]!;
          if (!Number.isFinite(v)) expect(c).toBe('');
          else if (Number.isInteger(v))
            expect(Number(c)).toBe(v === 0 ? 0 : v); // -0 is written 0
          else expect(Number(c)).toBe(Number(v.toPrecision(CSV_SIGNIFICANT_DIGITS)));
        });
      }),
    );
  });
});
