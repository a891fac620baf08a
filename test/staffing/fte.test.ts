import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fteBasis, fteOf, horizonDaysOf } from '../../src/staffing/fte.js';

describe('fteOf', () => {
  it('divides the paid hours per calendar week of the horizon by the paid hours of one FTE', () => {
    expect(fteOf(18_886.5, { horizonDays: 7 })).toBe(472.1625);
    expect(fteOf(600, { horizonDays: 14, paidHoursPerWeek: 37.5 })).toBe(8);
    // one day's hours over a 1-day horizon: that day's rate over a week
    expect(fteOf(80, { horizonDays: 1 })).toBe(14);
  });

  it('counts closed days: the same hours over 7 calendar days, not over the 5 open ones', () => {
    // the old staff summary divided by the 5 dates spanned: 12,962.75 x 7 / 5 / 40 = 453.7
    expect(fteOf(12_962.75, { horizonDays: 7 })).toBeCloseTo(324.07, 2);
  });

  it('is additive over disjoint periods weighted by their days', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        (h1, h2, d1, d2) => {
          const whole = fteOf(h1 + h2, { horizonDays: d1 + d2 });
          const parts =
            (fteOf(h1, { horizonDays: d1 }) * d1 + fteOf(h2, { horizonDays: d2 }) * d2) / (d1 + d2);
          expect(whole).toBeCloseTo(parts, 6);
        },
      ),
    );
  });

  it('rejects negative hours, a non-positive horizon and non-positive paid hours, naming the field', () => {
    expect(() => fteOf(-1, { horizonDays: 7 })).toThrow(
      'fteOf: paidHours must be a finite number >= 0 (got -1)',
    );
    expect(() => fteOf(1, { horizonDays: 0 })).toThrow('fteOf: horizonDays must be a number > 0 (got 0)');
    expect(() => fteOf(1, { horizonDays: 7, paidHoursPerWeek: 0 })).toThrow(
      'fteOf: paidHoursPerWeek must be a number > 0 (got 0)',
    );
  });
});

describe('fteBasis', () => {
  it('names what is divided: paid hours of a schedule, or scheduled agent-hours of a requirement', () => {
    expect(fteBasis({ source: 'schedule' })).toBe('paid hours per week / 40 h');
    expect(fteBasis({ paidHoursPerWeek: 37.5, source: 'requirement' })).toBe(
      'scheduled agent-hours per week / 37.5 h',
    );
  });
});

describe('horizonDaysOf', () => {
  it('rounds the local dates spanned up to whole weeks (a Monday-to-Friday week is 7 days)', () => {
    const ny = 'America/New_York';
    // Mon 27 Oct 2003 07:00 to Fri 31 Oct 2003 18:00 local
    expect(horizonDaysOf([Date.UTC(2003, 9, 27, 12), Date.UTC(2003, 9, 31, 23)], ny)).toBe(7);
    // across the fall-back change (Sun 26 Oct 2003): Sat 25 to Fri 31 is 7 dates
    expect(horizonDaysOf([Date.UTC(2003, 9, 25, 12), Date.UTC(2003, 9, 31, 23)], ny)).toBe(7);
    // 8 dates: two weeks
    expect(horizonDaysOf([Date.UTC(2003, 9, 24, 12), Date.UTC(2003, 9, 31, 23)], ny)).toBe(14);
    expect(horizonDaysOf([], ny)).toBe(0);
  });
});
