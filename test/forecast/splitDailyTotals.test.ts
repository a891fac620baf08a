import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDayTable } from '../../src/forecast/dayTable.js';
import { type IntradayShares, learnIntradayShares } from '../../src/forecast/intradayShares.js';
import { type DailyTotal, largestRemainder, splitDailyTotals } from '../../src/forecast/splitDailyTotals.js';
import { readHistoryCsv } from '../../src/io/readHistoryCsv.js';
import type { History } from '../../src/time/history.js';
import { dateOfDayNumber, localDayNumber } from '../../src/time/localCalendar.js';
import { makeHistory } from './helpers.js';

/** Every day open 00:00-24:00 hourly, share proportional to hour + 1 (weekday 6 missing when `noSaturday`). */
function hourlyProfile(noSaturday = false): IntradayShares {
  const shares = new Float64Array(7 * 24);
  const open = new Uint8Array(7 * 24);
  for (let w = 0; w < 7; w++) {
    if (noSaturday && w === 6) continue;
    for (let h = 0; h < 24; h++) {
      shares[w * 24 + h] = (h + 1) / 300;
      open[w * 24 + h] = 1;
    }
  }
  return { intervalMinutes: 60, shares, open };
}

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

describe('learnIntradayShares', () => {
  it('gives each open slot its mean calls over the sum of the means, per weekday', () => {
    // Mondays 09:00 and 10:00 with [1, 3] then [3, 5]
    const h = makeHistory(8, 60, (day, w, slot) =>
      w === 1 && (slot === 9 || slot === 10) ? (day === 0 ? [1, 3] : [3, 5])[slot - 9] : undefined,
    );
    const p = learnIntradayShares(h);
    expect(p.shares[1 * 24 + 9]).toBeCloseTo(2 / 6, 12);
    expect(p.shares[1 * 24 + 10]).toBeCloseTo(4 / 6, 12);
    expect(p.open[1 * 24 + 8]).toBe(0);
    expect(sum(p.open.subarray(2 * 24, 3 * 24))).toBe(0); // Tuesday: no data, missing
  });
});

describe('splitDailyTotals', () => {
  it('spreads a total by the shares of the weekday and keeps closed slots closed', () => {
    const shares = new Float64Array(7 * 24);
    const open = new Uint8Array(7 * 24);
    shares[1 * 24 + 9] = 0.25;
    shares[1 * 24 + 10] = 0.75;
    open[1 * 24 + 9] = 1;
    open[1 * 24 + 10] = 1;
    open[1 * 24 + 11] = 1; // open with share 0
    const h = splitDailyTotals(
      [{ date: '2024-01-01', calls: 8 }],
      { intervalMinutes: 60, shares, open },
      {
        timeZone: 'UTC',
      },
    );
    expect(Array.from(h.calls.starts)).toEqual([9, 10, 11].map((x) => Date.UTC(2024, 0, 1, x)));
    expect(Array.from(h.calls.values)).toEqual([2, 6, 0]);
  });

  it('gives DST days their own grid and keeps their totals (23 and 25 hours in New York)', () => {
    const days: DailyTotal[] = [
      { date: '2024-03-10', calls: 1000 },
      { date: '2024-11-03', calls: 1000 },
    ];
    const h = splitDailyTotals(days, hourlyProfile(), { timeZone: 'America/New_York' });
    const spring = Array.from(h.calls.values.subarray(0, 23));
    const fall = Array.from(h.calls.values.subarray(23));
    expect(h.calls.values.length).toBe(23 + 25);
    expect(sum(spring)).toBeCloseTo(1000, 9);
    expect(sum(fall)).toBeCloseTo(1000, 9);
  });

  it('makes an unknown total a gap (NaN) on the open intervals', () => {
    const h = splitDailyTotals([{ date: '2024-01-01', calls: Number.NaN }], hourlyProfile(), {
      timeZone: 'UTC',
    });
    expect(h.calls.values.length).toBe(24);
    expect(h.calls.values.every((v) => Number.isNaN(v))).toBe(true);
  });

  it('rejects calls on a weekday the profile lacks, and lets a zero total there be a closed day', () => {
    // 2024-01-06 is a Saturday
    expect(() =>
      splitDailyTotals([{ date: '2024-01-06', calls: 5 }], hourlyProfile(true), { timeZone: 'UTC' }),
    ).toThrow('splitDailyTotals: profile has no Saturday (2024-01-06 has 5 calls)');
    const h = splitDailyTotals([{ date: '2024-01-06', calls: 0 }], hourlyProfile(true), { timeZone: 'UTC' });
    expect(h.calls.values.length).toBe(0);
  });

  it('rejects repeated dates, negative totals and fractions with largest-remainder rounding', () => {
    const p = hourlyProfile();
    const opts = { timeZone: 'UTC' };
    expect(() =>
      splitDailyTotals(
        [
          { date: '2024-01-02', calls: 1 },
          { date: '2024-01-02', calls: 1 },
        ],
        p,
        opts,
      ),
    ).toThrow('splitDailyTotals: date must be increasing without repeats (got 2024-01-02)');
    expect(() => splitDailyTotals([{ date: '2024-01-02', calls: -1 }], p, opts)).toThrow(
      'splitDailyTotals: calls of 2024-01-02 must be >= 0 (got -1)',
    );
    expect(() =>
      splitDailyTotals([{ date: '2024-01-02', calls: 1.5 }], p, { ...opts, rounding: 'largest-remainder' }),
    ).toThrow(
      "splitDailyTotals: calls of 2024-01-02 must be a whole number with rounding 'largest-remainder' (got 1.5)",
    );
  });

  it('keeps every daily total (fractional to 1e-9, whole numbers exactly with largest-remainder)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('UTC', 'America/New_York', 'Europe/Madrid', 'Australia/Lord_Howe'),
        fc.integer({ min: 0, max: 3000 }),
        (counts, timeZone, offset) => {
          const start = 19_700 + offset; // days around 2023-2031, DST days included
          const days = counts.map((calls, i) => ({ date: dateOfDayNumber(start + i), calls }));
          for (const rounding of ['none', 'largest-remainder'] as const) {
            const h = splitDailyTotals(days, hourlyProfile(), { timeZone, rounding });
            // sum per local day straight from the series (a day table would average the repeated
            // fall-back hour)
            const byDay = new Map<number, number>();
            h.calls.starts.forEach((start, i) => {
              const d = localDayNumber(start, timeZone);
              byDay.set(d, (byDay.get(d) ?? 0) + h.calls.values[i]!);
            });
            for (let r = 0; r < counts.length; r++) {
              const got = byDay.get(start + r) ?? 0;
              expect(Math.abs(got - counts[r]!)).toBeLessThanOrEqual(1e-9 * (1 + counts[r]!));
            }
            if (rounding === 'largest-remainder') {
              expect(h.calls.values.every((v) => Number.isInteger(v))).toBe(true);
              expect(sum(h.calls.values)).toBe(sum(counts));
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('largestRemainder keeps the total and moves each part by less than 1', () => {
    expect(largestRemainder([2.5, 2.5, 5], 10)).toEqual([3, 2, 5]);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 0, max: 10_000 }),
        (w, total) => {
          const s = sum(w);
          const parts = w.map((x) => (s > 0 ? (total * x) / s : total / w.length));
          const out = largestRemainder(parts, total);
          expect(sum(out)).toBe(total);
          for (let i = 0; i < out.length; i++) expect(Math.abs(out[i]! - parts[i]!)).toBeLessThan(1 + 1e-9);
        },
      ),
    );
  });
});

describe('daily totals of the US bank split with its own profile', () => {
  let history: History;
  beforeAll(async () => {
    const file = fileURLToPath(new URL('../fixtures/forecast/bank_calls_5min.csv', import.meta.url));
    history = (await readHistoryCsv(file, { timeZone: 'America/New_York' })).history;
  });

  it('keeps the intervals, the daily totals and the intraday shares, and follows each interval closely', () => {
    const table = buildDayTable(history);
    const s = table.slotsPerDay;
    const totals: DailyTotal[] = Array.from(table.dayNumbers, (d, r) => ({
      date: dateOfDayNumber(d),
      calls: sum(table.values.subarray(r * s, r * s + s).filter((v) => !Number.isNaN(v))),
    }));
    const profile = learnIntradayShares(history);
    const split = splitDailyTotals(totals, profile, {
      timeZone: 'America/New_York',
      rounding: 'largest-remainder',
    });
    // closed intervals stay closed: exactly the original grid (07:00-21:05 on the original weekdays)
    expect(Array.from(split.calls.starts)).toEqual(Array.from(history.calls.starts));
    expect(sum(split.calls.values)).toBe(sum(history.calls.values));
    // learning the profile back from the split gives the same shares (to the rounding to whole calls)
    const back = learnIntradayShares(split);
    let maxDiff = 0;
    for (let k = 0; k < back.shares.length; k++)
      maxDiff = Math.max(maxDiff, Math.abs(back.shares[k]! - profile.shares[k]!));
    expect(maxDiff).toBeLessThan(1e-5);
    // per interval the split is an average day: it misses the original by its day-to-day shape noise
    let abs = 0;
    for (let i = 0; i < split.calls.values.length; i++)
      abs += Math.abs(split.calls.values[i]! - history.calls.values[i]!);
    const wape = abs / sum(history.calls.values);
    expect(wape).toBeGreaterThan(0);
    expect(wape).toBeLessThan(0.08); // 0.062 measured
  });
});
