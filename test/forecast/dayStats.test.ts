import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { intradayProfile, recentRows, rowTotals } from '../../src/forecast/dayStats.js';
import { buildDayTable, type DayTable } from '../../src/forecast/dayTable.js';
import { readHistoryCsv } from '../../src/io/readHistoryCsv.js';
import type { History } from '../../src/time/history.js';

const fixture = fileURLToPath(new URL('../fixtures/forecast/bank_calls_5min.csv', import.meta.url));

/** True when the two arrays hold the same doubles bit for bit (NaN and -0 included). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}

describe('intradayProfile: a remembered profile is the profile computed afresh', () => {
  let history: History;
  let table: DayTable;
  beforeAll(async () => {
    history = (await readHistoryCsv(fixture, { timeZone: 'America/New_York' })).history;
    table = buildDayTable(history);
  });

  // one question: the last `weeks` rows of a weekday before row `end`, the totals of rows [0, end)
  // (optionally one row's total scaled: the same rows with other totals), a trim and smoothing passes
  const question = fc.record({
    end: fc.integer({ min: 20, max: 160 }),
    weekday: fc.integer({ min: 1, max: 5 }),
    weeks: fc.integer({ min: 1, max: 16 }),
    scaleRow: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
    trimFraction: fc.constantFrom(0, 0.25),
    passes: fc.integer({ min: 0, max: 3 }),
  });

  it('answers every question in a sequence (repeats included) as a table never asked before (property)', () => {
    fc.assert(
      fc.property(
        fc.array(question, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        (questions, picks) => {
          for (const k of picks) {
            const q = questions[k % questions.length]!;
            const rows = recentRows(table, q.end, q.weekday, q.weeks, () => false);
            const plain = rowTotals(table, q.end);
            // the rows' plain totals, then (the same rows) with one total scaled
            const variants = [plain];
            const scaled = q.scaleRow === undefined ? undefined : rows[q.scaleRow % rows.length];
            if (scaled !== undefined)
              variants.push(Float64Array.from(plain, (t, r) => (r === scaled ? t * 1.5 : t)));
            for (const totals of variants) {
              const remembered = intradayProfile(table, rows, totals, q.trimFraction, q.passes);
              const fresh = intradayProfile(buildDayTable(history), rows, totals, q.trimFraction, q.passes);
              expect(sameBits(remembered, fresh)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('gives the same rows with other totals, trim or passes their own profile', () => {
    const rows = recentRows(table, 120, 2, 16, () => false);
    const totals = rowTotals(table, 120);
    const first = intradayProfile(table, rows, totals, 0.25, 2);
    const otherTotals = Float64Array.from(totals, (t, r) => (r === rows[0] ? t * 2 : t));
    expect(sameBits(intradayProfile(table, rows, otherTotals, 0.25, 2), first)).toBe(false);
    expect(sameBits(intradayProfile(table, rows, totals, 0, 2), first)).toBe(false);
    expect(sameBits(intradayProfile(table, rows, totals, 0.25, 0), first)).toBe(false);
    expect(sameBits(intradayProfile(table, rows, totals, 0.25, 2), first)).toBe(true);
  });

  it('hands each caller its own array: changing one leaves the next answer as it was', () => {
    const rows = recentRows(table, 100, 3, 8, () => false);
    const totals = rowTotals(table, 100);
    const first = intradayProfile(table, rows, totals, 0.25, 2);
    const kept = first.slice();
    first.fill(7);
    expect(sameBits(intradayProfile(table, rows, totals, 0.25, 2), kept)).toBe(true);
  });
});
