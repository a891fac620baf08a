import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/forecast/forecast.js';
import { readSpecialDaysCsv } from '../../src/io/specialDaysCsv.js';
import { holidaySpecialDays, mergeSpecialDays } from '../../src/time/specialDays.js';
import { makeHistory, officeHours } from './helpers.js';

describe('holidaySpecialDays', () => {
  it('lists US public holidays of 2003 from date-holidays', () => {
    const days = holidaySpecialDays('US', 2003, 2003);
    expect(days.find((d) => d.date === '2003-07-04')?.label).toBe('Independence Day');
    expect(days.find((d) => d.date === '2003-09-01')?.label).toBe('Labour Day');
  });

  it('lists Yom Kippur 1999 for Israel', () => {
    expect(holidaySpecialDays('IL', 1999, 1999).map((d) => d.date)).toContain('1999-09-20');
  });

  it('rejects an unknown region', () => {
    expect(() => holidaySpecialDays('US-ZZ', 2003, 2003)).toThrow(/holidaySpecialDays: region must be/);
  });
});

describe('mergeSpecialDays', () => {
  it('lets a later list override a date', () => {
    expect(
      mergeSpecialDays(
        [{ date: '2024-12-25', label: 'Xmas' }],
        [{ date: '2024-12-25', label: 'X', factor: 0 }],
      ),
    ).toEqual([{ date: '2024-12-25', label: 'X', factor: 0 }]);
  });

  it('rejects 2024-02-30', () => {
    expect(() => mergeSpecialDays([{ date: '2024-02-30', label: 'x' }])).toThrow(
      'mergeSpecialDays: [0].date must be a real date YYYY-MM-DD (got 2024-02-30)',
    );
  });
});

describe('readSpecialDaysCsv', () => {
  it('reads dates, labels and optional factors (BOM, CRLF)', () => {
    expect(
      readSpecialDaysCsv('\uFEFFdate,label,factor\r\n2024-12-25,Christmas,0\r\n2024-11-29,Black Friday,\r\n'),
    ).toEqual([
      { date: '2024-12-25', label: 'Christmas', factor: 0 },
      { date: '2024-11-29', label: 'Black Friday' },
    ]);
  });

  it('names file, row and column of a bad factor', () => {
    expect(() => readSpecialDaysCsv('date,label,factor\n2024-12-25,Christmas,-1\n', 'days.csv')).toThrow(
      "days.csv:2:factor: must be a number >= 0 (got '-1')",
    );
  });

  it('rejects a missing label column and an empty file', () => {
    expect(() => readSpecialDaysCsv('date\n2024-12-25\n', 'd.csv')).toThrow(
      "d.csv:1: missing column 'label'",
    );
    expect(() => readSpecialDaysCsv('', 'd.csv')).toThrow('d.csv: empty file');
  });

  it('rejects a repeated date', () => {
    expect(() => readSpecialDaysCsv('date,label\n2024-12-25,a\n2024-12-25,b\n', 'd.csv')).toThrow(
      'd.csv:3:date: repeated date 2024-12-25',
    );
  });
});

describe('special days in forecast', () => {
  // 10 weeks from Monday 2024-01-01, office hours, 10 per hour; Wednesday 2024-01-31 (day 30) a sale at 30
  const history = makeHistory(70, 60, (day, w, s) =>
    officeHours(w, s) ? (day === 30 ? 30 : 10) : undefined,
  );
  const sale = { date: '2024-01-31', label: 'Sale' };

  it('forecasts a special day from the last day with the same label', () => {
    const f = forecast(history, {
      horizonDays: 7,
      method: 'historical-average',
      specialDays: [sale, { date: '2024-03-13', label: 'Sale' }],
    });
    // history ends Sunday 2024-03-10; Wednesday 13 March is the sale: 30 per hour
    expect(Array.from(f.calls.slice(6, 9))).toEqual([30, 30, 30]);
    expect(Array.from(f.calls.slice(0, 6))).toEqual([10, 10, 10, 10, 10, 10]);
  });

  it('keeps special days out of the training of normal days', () => {
    const sep = forecast(history, { horizonDays: 7, method: 'historical-average', specialDays: [sale] });
    expect(sep.calls[6]).toBe(10);
  });

  it('closes a day with factor 0 and scales by a factor', () => {
    const f = forecast(history, {
      horizonDays: 7,
      method: 'historical-average',
      specialDays: [
        { date: '2024-03-11', label: 'Closed', factor: 0 },
        { date: '2024-03-12', label: 'Half', factor: 0.5 },
      ],
    });
    expect(f.calls.length).toBe(12);
    expect(Array.from(f.calls.slice(0, 3))).toEqual([5, 5, 5]);
  });
});
