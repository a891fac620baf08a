import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mostCommonSpacing } from '../../src/time/mostCommonSpacing.js';

describe('mostCommonSpacing', () => {
  it('gives the most frequent spacing, the shorter one on a tie', () => {
    expect(
      mostCommonSpacing(
        new Map([
          [60, 5],
          [30, 5],
          [90, 1],
        ]),
      ),
    ).toEqual({ minutes: 30, count: 5 });
    expect(
      mostCommonSpacing(
        new Map([
          [15, 2],
          [30, 7],
        ]),
      ),
    ).toEqual({ minutes: 30, count: 7 });
  });

  it('gives NaN minutes and count 0 for an empty tally', () => {
    expect(mostCommonSpacing(new Map())).toEqual({ minutes: Number.NaN, count: 0 });
  });

  it('never returns a spacing that another beats by count (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 1440 }), fc.integer({ min: 1, max: 50 }))),
        (pairs) => {
          const counts = new Map(pairs);
          const { minutes, count } = mostCommonSpacing(counts);
          for (const [m, c] of counts) {
            expect(c <= count).toBe(true);
            if (c === count) expect(minutes <= m).toBe(true);
          }
        },
      ),
    );
  });
});
