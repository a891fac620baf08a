import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDayTable, type DayTable } from '../../src/forecast/dayTable.js';
import { ValidationMemo } from '../../src/forecast/validationMemo.js';
import { makeHistory } from './helpers.js';

/** Four weeks of hourly calls 09:00-17:00 every day, calls = day + slot. */
const base = (): DayTable =>
  buildDayTable(makeHistory(28, 60, (d, _w, j) => (j >= 9 && j < 17 ? d + j : undefined)));

describe('ValidationMemo', () => {
  it('counts the leading rows a table shares with the reference: the first changed cell ends them (property)', () => {
    const reference = base();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom('calls', 'NaN', 'open'),
        (row, slot, change) => {
          const table = base();
          const c = row * table.slotsPerDay + slot;
          const v = table.values[c]!;
          if (change === 'calls') table.values[c] = Number.isNaN(v) ? 1 : v + 0.5;
          else if (change === 'NaN') table.values[c] = Number.isNaN(v) ? 1 : Number.NaN;
          else table.present[c] = table.present[c] === 1 ? 0 : 1;
          expect(new ValidationMemo(reference).sharedRows(table)).toBe(row);
          expect(new ValidationMemo(reference).sharedRows(base())).toBe(28);
        },
      ),
    );
  });

  it('counts a shorter table with the same days as sharing all its rows, and other days as none', () => {
    const reference = base();
    const shorter = buildDayTable(makeHistory(20, 60, (d, _w, j) => (j >= 9 && j < 17 ? d + j : undefined)));
    expect(new ValidationMemo(reference).sharedRows(shorter)).toBe(20);
    const hourLater = buildDayTable(makeHistory(28, 30, (d, _w, j) => (j >= 18 && j < 34 ? d : undefined)));
    expect(new ValidationMemo(reference).sharedRows(hourLater)).toBe(0);
  });

  it('hands a remembered forecast only to a table whose rows up to the validation row are the reference', () => {
    const reference = base();
    const memo = new ValidationMemo(reference);
    let computed = 0;
    const compute = () => Float64Array.of(++computed);
    expect(memo.forecast(reference, 10, 'a', compute)).toEqual(Float64Array.of(1));
    // the same row and key from an equal table: remembered
    expect(memo.forecast(base(), 10, 'a', compute)).toEqual(Float64Array.of(1));
    // another key: computed
    expect(memo.forecast(base(), 10, 'b', compute)).toEqual(Float64Array.of(2));
    // a table that differs at row 10: computed, and not remembered for the reference
    const changed = base();
    changed.values[10 * changed.slotsPerDay + 12] = 0;
    expect(memo.forecast(changed, 10, 'a', compute)).toEqual(Float64Array.of(3));
    expect(memo.forecast(changed, 10, 'a', compute)).toEqual(Float64Array.of(4));
    expect(memo.forecast(reference, 10, 'a', compute)).toEqual(Float64Array.of(1));
    // ... while its rows before 10 still share the reference's forecasts
    expect(memo.forecast(reference, 9, 'a', compute)).toEqual(Float64Array.of(5));
    expect(memo.forecast(changed, 9, 'a', compute)).toEqual(Float64Array.of(5));
  });

  it('drops, at the end of an origin, the rows before the lowest one that origin asked for', () => {
    const reference = base();
    const memo = new ValidationMemo(reference);
    let computed = 0;
    const compute = () => Float64Array.of(++computed);
    memo.forecast(reference, 5, 'a', compute);
    memo.forecast(reference, 7, 'a', compute);
    memo.endOrigin();
    memo.forecast(reference, 7, 'a', compute); // remembered: 2
    memo.forecast(reference, 9, 'a', compute); // 3
    memo.endOrigin(); // drops row 5
    expect(memo.forecast(reference, 7, 'a', compute)).toEqual(Float64Array.of(2));
    expect(memo.forecast(reference, 5, 'a', compute)).toEqual(Float64Array.of(4));
  });
});
