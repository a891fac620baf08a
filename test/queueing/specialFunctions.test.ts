import { describe, expect, it } from 'vitest';
import { digammaDifference } from '../../src/queueing/digamma.js';
import { lnGamma } from '../../src/queueing/lnGamma.js';
import { logNegativeBinomialPmf } from '../../src/queueing/negativeBinomial.js';

describe('lnGamma', () => {
  it('matches ln of factorials and Gamma(1/2) = sqrt(pi)', () => {
    let logFactorial = 0;
    for (let k = 1; k <= 170; k++) {
      logFactorial += Math.log(k);
      expect(Math.abs(lnGamma(k + 1) - logFactorial)).toBeLessThan(1e-13 * Math.max(1, logFactorial));
    }
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
  });

  it('matches 30-digit values for large arguments (mpmath loggamma, rounded to doubles)', () => {
    expect(Math.abs(lnGamma(1e6) / 12815504.569147611 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(lnGamma(100.5) / 361.4355404677776 - 1)).toBeLessThan(1e-15);
  });
});

describe('digammaDifference', () => {
  it('equals the harmonic-type sum it replaces, for small and large arguments', () => {
    for (const [a, count] of [
      [1, 3],
      [0.25, 40],
      [3.7, 2000],
      [123456.5, 500],
      [17, 0],
    ] as const) {
      let sum = 0;
      for (let i = 0; i < count; i++) sum += 1 / (a + i);
      expect(Math.abs(digammaDifference(a, a + count) - sum)).toBeLessThan(1e-13 * Math.max(1, sum));
    }
  });
});

describe('logNegativeBinomialPmf', () => {
  it('equals the direct product for small arguments', () => {
    // pmf(b) = Gamma(x + b) / (Gamma(x) b!) z^x (1 - z)^b, built term by term
    for (const [x, z] of [
      [3, 0.5],
      [2.5, 0.3],
      [40.25, 0.9],
    ] as const) {
      let pmf = z ** x;
      for (let b = 0; b <= 60; b++) {
        expect(Math.abs(logNegativeBinomialPmf(b, x, z, 1 - z) - Math.log(pmf))).toBeLessThan(1e-12);
        pmf *= ((1 - z) * (x + b)) / (b + 1);
      }
    }
  });

  it('matches 40-digit values (mpmath loggamma) in the millions without cancellation', () => {
    expect(Math.abs(logNegativeBinomialPmf(123456, 200000.5, 0.6, 0.4) - -234.46724027917583)).toBeLessThan(
      1e-12,
    );
    expect(
      Math.abs(logNegativeBinomialPmf(40, 1e6, 0.99996, 1 - 0.99996) - -2.7654815818037153),
    ).toBeLessThan(1e-11);
  });
});
