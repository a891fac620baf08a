import { describe, expect, it } from 'vitest';
import { StaffcastError } from '../../src/errors.js';
import {
  assertDataRows,
  assertUniqueColumns,
  malformedCsvError,
  missingColumnError,
  parseCsvText,
} from '../../src/io/csvSource.js';

describe('parseCsvText', () => {
  it('numbers records by file line, counting the header (after a BOM) and blank lines, CRLF ends', () => {
    expect(parseCsvText('\uFEFFa,b\r\n\r\n1, 2\r\n3,4,5\r\n', 'x.csv')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', ' 2'] },
      { line: 4, fields: ['3', '4', '5'] },
    ]);
    expect(parseCsvText('a,b\n1, 2\n', 'x.csv', { trim: true })[1]!.fields).toEqual(['1', '2']);
  });

  it('counts a line break inside a quoted field towards the next record', () => {
    expect(parseCsvText('a,b\n"x\ny",1\n2,3\n', 'x.csv').map((r) => r.line)).toEqual([1, 3, 4]);
  });

  it('names file and line of malformed CSV (CSV_ROW) and never quotes a control character raw', () => {
    let error: unknown;
    try {
      parseCsvText('a,b\n1,"2\u001b\n', 'q.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StaffcastError);
    expect((error as StaffcastError).code).toBe('CSV_ROW');
    expect((error as StaffcastError).message).toMatch(/^q\.csv:2: malformed CSV: Quote Not Closed/);
    expect((error as StaffcastError).message).not.toContain('\u001b');
  });

  it('rejects binary text before parsing', () => {
    expect(() => parseCsvText('a,b\n1,\0\n', 'n.csv')).toThrow(
      'n.csv: not a text CSV file (binary data at byte 7: 0x00)',
    );
  });
});

describe('missingColumnError and malformedCsvError', () => {
  it('write the one-line messages every reader uses', () => {
    const missing = missingColumnError('h.csv', 1, 'calls', ['time', 'count'], 'the offered calls column');
    expect(missing.message).toBe(
      "h.csv:1: missing column 'calls' (the offered calls column; header has: time, count)",
    );
    expect(missing.details).toEqual({ file: 'h.csv', row: 1, column: 'calls' });
    expect(missingColumnError('h.csv', 2, 'agents', ['a\u0007']).message).toBe(
      "h.csv:2: missing column 'agents' (header has: a\\x07)",
    );
    expect(
      malformedCsvError('x.csv', Object.assign(new Error('Quote Not Closed'), { lines: 3 })).message,
    ).toBe('x.csv:3: malformed CSV: Quote Not Closed');
    expect(malformedCsvError('x.csv', new Error('odd')).message).toBe('x.csv:?: malformed CSV: odd');
  });
});

describe('assertDataRows', () => {
  it('tells an empty file from a header without rows and passes a file with rows', () => {
    expect(() => assertDataRows('e.csv', undefined, 0)).toThrow('e.csv: empty file (no header row)');
    expect(() => assertDataRows('h.csv', ['a'], 0)).toThrow('h.csv: no data rows after the header');
    expect(() => assertDataRows('r.csv', ['a'], 1)).not.toThrow();
  });
});

describe('assertUniqueColumns', () => {
  it('names a repeated column and both positions, counted from 1', () => {
    expect(() => assertUniqueColumns('h.csv', 1, ['interval_start', 'calls', 'x', ' calls'])).toThrow(
      "h.csv:1: column 'calls' appears twice in the header (columns 2 and 4)",
    );
    expect(() => assertUniqueColumns('h.csv', 1, ['a', 'A'])).not.toThrow();
    expect(() => assertUniqueColumns('h.csv', 1, ['a', 'A'], { caseInsensitive: true })).toThrow(
      "h.csv:1: column 'A' appears twice in the header (columns 1 and 2)",
    );
  });
});

describe('missingColumnError', () => {
  it('lists at most 20 header names, each cut and escaped', () => {
    const header = ['x'.repeat(100), 'a\u001bb', ...Array.from({ length: 30 }, (_, i) => `c${i}`)];
    const message = missingColumnError('h.csv', 1, 'calls', header).message;
    expect(message).toBe(
      `h.csv:1: missing column 'calls' (header has: ${'x'.repeat(80)}…, a\\x1bb, ${Array.from({ length: 18 }, (_, i) => `c${i}`).join(', ')}, ... (32 columns))`,
    );
  });
});

describe('malformedCsvError on a huge field', () => {
  it('cuts the parser message that quotes a 100 KB field to one short line', () => {
    let message = '';
    try {
      parseCsvText(`a,b\n${'y'.repeat(100_000)}"z,1\n`, 'x.csv');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.startsWith('x.csv:2: malformed CSV: Invalid Opening Quote')).toBe(true);
    expect(message.endsWith('…')).toBe(true);
    expect(message.length).toBeLessThan(120);
  });
});
