import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abandonmentHazard } from '../../../src/calibration/patience/abandonHazard.js';
import { patienceMle } from '../../../src/calibration/patience/patience.js';

describe('abandonmentHazard', () => {
  it('divides the abandonments of each band by the waiting seconds spent inside it', () => {
    const bands = abandonmentHazard([10, 30, 50], [true, false, true], [0, 20]);
    expect(bands.map((b) => [b.abandoned, b.exposureSeconds])).toEqual([
      [1, 50],
      [1, 40],
    ]);
    expect(bands.map((b) => b.hazardPerSecond)).toEqual([1 / 50, 1 / 40]);
    expect(bands[1]!.toSeconds).toBe(Number.POSITIVE_INFINITY);
  });

  it('has NaN hazard in a band nobody waited into', () => {
    expect(abandonmentHazard([5], [true], [0, 60])[1]!.hazardPerSecond).toBeNaN();
  });

  it('with one band equals the exponential MLE of patienceMle', () => {
    const waits = [3, 40, 0, 120, 65];
    const flags = [true, false, false, true, true];
    const [band] = abandonmentHazard(waits, flags, [0]);
    expect(band!.hazardPerSecond).toBe(patienceMle(3, 228).ratePerSecond);
  });

  it('splits total exposure and positive-wait abandonments across bands without loss (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 900 }), fc.boolean()), { maxLength: 60 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 600 }), { maxLength: 6 }),
        (calls, inner) => {
          const edges = [0, ...inner.sort((a, b) => a - b)];
          const bands = abandonmentHazard(
            calls.map((c) => c[0]),
            calls.map((c) => c[1]),
            edges,
          );
          const exposure = bands.reduce((s, b) => s + b.exposureSeconds, 0);
          const abandoned = bands.reduce((s, b) => s + b.abandoned, 0);
          expect(exposure).toBe(calls.reduce((s, c) => s + c[0], 0));
          expect(abandoned).toBe(calls.filter((c) => c[1] && c[0] > 0).length);
        },
      ),
    );
  });

  it('rejects mismatched lengths, bad edges and negative waits with the field named', () => {
    expect(() => abandonmentHazard([1, 2], [true], [0])).toThrow(/abandonedFlags/);
    expect(() => abandonmentHazard([1], [true], [5, 10])).toThrow(/edgesSeconds/);
    expect(() => abandonmentHazard([1], [true], [0, 10, 10])).toThrow(/edgesSeconds/);
    expect(() => abandonmentHazard([-1], [true], [0])).toThrow(/waitsSeconds\[0\]/);
  });
});
