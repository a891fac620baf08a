import { describe, expect, it } from 'vitest';
import { readDailyTotalsCsv } from '../../src/io/dailyTotalsCsv.js';

describe('readDailyTotalsCsv', () => {
  it('reads date,calls rows sorted by date, an empty total as unknown, with their file lines', () => {
    const r = readDailyTotalsCsv('date,calls\n2024-03-05,12\n\n2024-03-04,\n', 'd.csv');
    expect(r.totals).toEqual([
      { date: '2024-03-04', calls: Number.NaN },
      { date: '2024-03-05', calls: 12 },
    ]);
    expect(r.lines).toEqual([4, 2]);
  });

  it('names file, line and column of a bad date, a repeated date and a negative total', () => {
    expect(() => readDailyTotalsCsv('date,calls\n2024-02-30,1\n', 'd.csv')).toThrow(
      "d.csv:2:date: not a date YYYY-MM-DD (got '2024-02-30')",
    );
    expect(() => readDailyTotalsCsv('date,calls\n2024-03-04,1\n2024-03-04,2\n', 'd.csv')).toThrow(
      'd.csv:3:date: repeated date 2024-03-04 (first at line 2)',
    );
    expect(() => readDailyTotalsCsv('date,calls\n2024-03-04,-1\n', 'd.csv')).toThrow(
      'd.csv:2:calls: negative count (got -1)',
    );
    expect(() => readDailyTotalsCsv('day,calls\n2024-03-04,1\n', 'd.csv')).toThrow(
      "d.csv:1: missing column 'date'",
    );
  });
});
