import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowTotals } from '../../src/forecast/dayStats.js';
import { buildDayTable } from '../../src/forecast/dayTable.js';
import { forecast } from '../../src/forecast/forecast.js';
import { DEFAULT_MODEL_PARAMETERS } from '../../src/forecast/model.js';
import { levelWindow } from '../../src/forecast/robustProfile.js';
import { makeHistory } from './helpers.js';

const DAYS = 210; // 30 weeks, open 09:00-12:00 every day
const weeksBack = (day: number) => Math.floor((DAYS - 1 - day) / 7); // 0 = the last week
const history = (dayTotal: (weeksBack: number) => number) =>
  makeHistory(DAYS, 60, (day, _weekday, slot) =>
    slot >= 9 && slot <= 11 ? dayTotal(weeksBack(day)) / 3 : undefined,
  );
const windowOf = (h: ReturnType<typeof history>) => {
  const table = buildDayTable(h);
  const end = table.dayNumbers.length;
  return levelWindow(table, end, rowTotals(table, end), () => false, DEFAULT_MODEL_PARAMETERS);
};

describe('robust-profile day-total window (levelWindow)', () => {
  // every day 30 calls, but 45 in the five weeks 4..8 weeks back: the 16-week trimmed mean (middle 8
  // of 16) keeps one of those days, the 24-week one (middle 12 of 24) drops all five
  const burst = history((wb) => (wb >= 4 && wb <= 8 ? 45 : 30));

  it('takes 1.5 x profileWeeks when the longer window fits the recent days better', () => {
    expect(windowOf(burst)).toBe(24);
  });

  it('keeps profileWeeks when the weekday level stepped up 10 weeks ago', () => {
    expect(windowOf(history((wb) => (wb < 10 ? 200 : 100)))).toBe(16);
  });

  it('forecasts the stable level exactly when the longer window trims a past burst away', () => {
    // with 16 weeks the level would be (7 x 30 + 45) / 8 = 31.875, only partly pulled back by the
    // recent-level and yesterday's-deviation corrections (10.125 an hour)
    const f = forecast(burst, { horizonDays: 7, method: 'robust-profile' });
    expect(f.calls.length).toBe(21);
    for (const v of f.calls) expect(v).toBeCloseTo(10, 9);
  });

  it('uses only the rows before end and returns one of the two windows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 50, max: 150 }), { minLength: DAYS, maxLength: DAYS }),
        fc.integer({ min: 100, max: DAYS - 1 }),
        fc.integer({ min: 0, max: 1000 }),
        (dayTotals, end, later) => {
          const table = buildDayTable(history(() => 0));
          const totals = Float64Array.from(dayTotals);
          const before = levelWindow(table, end, totals, () => false, DEFAULT_MODEL_PARAMETERS);
          totals.fill(later, end);
          expect(levelWindow(table, end, totals, () => false, DEFAULT_MODEL_PARAMETERS)).toBe(before);
          expect([16, 24]).toContain(before);
        },
      ),
      { numRuns: 50 },
    );
  });
});
