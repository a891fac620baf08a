import { describe, expect, it } from 'vitest';
import { StaffcastError } from '../../src/errors.js';
import { createSeries } from '../../src/time/series.js';

describe('createSeries', () => {
  it('copies starts and values into typed arrays', () => {
    const s = createSeries('UTC', 30, [0, 1_800_000], [4, Number.NaN]);
    expect(s.starts).toBeInstanceOf(Float64Array);
    expect(Array.from(s.values)).toEqual([4, Number.NaN]);
  });

  it('rejects an interval length that does not divide a day', () => {
    expect(() => createSeries('UTC', 7, [], [])).toThrow(
      'createSeries: intervalMinutes must be a whole number of minutes dividing 1440 (got 7)',
    );
  });

  it('rejects starts that do not increase', () => {
    try {
      createSeries('UTC', 15, [10, 10], [1, 2]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StaffcastError);
      expect((e as StaffcastError).code).toBe('INVALID_INPUT');
      expect((e as StaffcastError).message).toBe(
        'createSeries: starts[1] must be strictly increasing (got 10)',
      );
    }
  });

  it('rejects mismatched lengths', () => {
    expect(() => createSeries('UTC', 15, [1], [])).toThrow(/one value per start/);
  });
});
