import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyShrinkage } from '../../src/queueing/shrinkage.js';

describe('applyShrinkage', () => {
  it('schedules ceil(agents / (1 - shrinkage))', () => {
    expect(applyShrinkage(10, 0.3)).toBe(15);
    expect(applyShrinkage(14, 0.35)).toBe(22);
    expect(applyShrinkage(0, 0.5)).toBe(0);
    expect(applyShrinkage(12, 0)).toBe(12);
  });

  it('does not add an agent for floating-point noise (2 / (1 - 0.8) is 10, not 11)', () => {
    expect(2 / (1 - 0.8)).toBeGreaterThan(10); // the noise being guarded against: 10.000000000000002
    expect(applyShrinkage(2, 0.8)).toBe(10);
    expect(applyShrinkage(1, 0.9)).toBe(10);
    expect(applyShrinkage(7, 0.3)).toBe(10);
    expect(applyShrinkage(9, 0.1)).toBe(10);
    expect(applyShrinkage(3, 0.4)).toBe(5);
  });

  it('leaves at least the requested agents after shrinkage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20000 }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (n, s) => {
          const scheduled = applyShrinkage(n, s);
          return scheduled * (1 - s) >= n - 1e-6 * Math.max(1, n) && (scheduled - 1) * (1 - s) < n;
        },
      ),
    );
  });

  it('rejects shrinkage outside [0, 1) and negative agents', () => {
    expect(() => applyShrinkage(10, 1)).toThrow(
      'applyShrinkage: shrinkage must be a fraction in [0, 1) (got 1)',
    );
    expect(() => applyShrinkage(10, -0.1)).toThrow(
      'applyShrinkage: shrinkage must be a fraction in [0, 1) (got -0.1)',
    );
    expect(() => applyShrinkage(-1, 0.3)).toThrow(
      'applyShrinkage: agents must be a finite number >= 0 (got -1)',
    );
  });
});
