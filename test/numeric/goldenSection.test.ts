import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goldenSectionMinimum } from '../../src/numeric/goldenSection.js';

describe('goldenSectionMinimum', () => {
  it('finds the minimum of a parabola to within the tolerance', () => {
    expect(Math.abs(goldenSectionMinimum((x) => (x - 2) ** 2, 0, 5, 1e-6) - 2)).toBeLessThan(1e-6);
  });

  it('finds the vertex of any convex parabola inside the bracket', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (c, a) => {
          const x = goldenSectionMinimum((v) => a * (v - c) ** 2, -100, 100, 1e-6);
          expect(Math.abs(x - c)).toBeLessThan(1e-5);
        },
      ),
    );
  });

  it('returns the bracket end nearest a minimum outside the bracket', () => {
    expect(goldenSectionMinimum((x) => x, 3, 4, 1e-9)).toBeCloseTo(3, 6);
  });
});
