import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patienceMle } from '../../../src/calibration/patience/patience.js';

/** mulberry32: a small seeded uniform generator on [0, 1). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('patienceMle', () => {
  it('is abandonments over total waiting time: 2 over 400 s is 0.005/s, 200 s mean patience', () => {
    expect(patienceMle(2, 400)).toEqual({ ratePerSecond: 0.005, patienceSeconds: 200 });
  });

  it('gives infinite patience when nobody abandoned and NaN with no data', () => {
    expect(patienceMle(0, 300)).toEqual({ ratePerSecond: 0, patienceSeconds: Number.POSITIVE_INFINITY });
    expect(patienceMle(0, 0).patienceSeconds).toBeNaN();
  });

  it('rejects negative inputs', () => {
    expect(() => patienceMle(-1, 10)).toThrow('patienceMle: abandoned must be a finite number >= 0 (got -1)');
  });

  it('recovers the rate of simulated exponential patience censored by service (within 10%)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.double({ min: 30, max: 600, noNaN: true }),
        fc.double({ min: 10, max: 300, noNaN: true }),
        (seed, meanPatience, meanOfferedWait) => {
          const random = seeded(seed);
          let abandoned = 0;
          let waited = 0;
          for (let k = 0; k < 20_000; k++) {
            const patience = -meanPatience * Math.log(1 - random());
            const offeredWait = -meanOfferedWait * Math.log(1 - random());
            if (patience < offeredWait) abandoned++;
            waited += Math.min(patience, offeredWait);
          }
          const estimate = patienceMle(abandoned, waited);
          // the biased alternative (mean wait of abandoners) would be far off when waits are short
          return Math.abs(estimate.patienceSeconds / meanPatience - 1) < 0.1;
        },
      ),
      { numRuns: 30, seed: 4242 },
    );
  });
});
