import { lnGamma } from './lnGamma.js';

const LOG_TWO_PI = 1.8378770664093453;

/**
 * ln of the negative-binomial pmf Gamma(x + b) / (Gamma(x) b!) z^x w^b (w = 1 - z; b >= 0 an integer,
 * x > 0), accurate to about 1e-14 relative in the pmf even when x and b are in the millions.
 *
 * Uses Loader's saddle-point form ("Fast and accurate computation of binomial probabilities", 2000,
 * as in R's dnbinom): pmf = x / (x + b) * binom(x; x + b, z) with
 * ln binom = stirlerr(n) - stirlerr(x) - stirlerr(b) - bd0(x, n z) - bd0(b, n w) - ln(2 pi x b / n) / 2,
 * n = x + b, so no large ln Gamma values cancel. Cost O(1) (a few logs).
 *
 * @example
 * logNegativeBinomialPmf(2, 3, 0.5, 0.5); // -1.6739764335716703 (ln 0.1875 = -1.6739764335716716)
 */
export function logNegativeBinomialPmf(b: number, x: number, z: number, w: number): number {
  if (b === 0) return x * Math.log(z);
  if (!(w > 0)) return Number.NEGATIVE_INFINITY;
  const n = x + b;
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(b) - bd0(x, n * z) - bd0(b, n * w);
  const lf = LOG_TWO_PI + Math.log(x) + Math.log(b / n);
  return Math.log(x / n) + lc - 0.5 * lf;
}

/** ln Gamma(n + 1) - (n + 1/2) ln n + n - ln sqrt(2 pi): the error of Stirling's formula. */
function stirlerr(n: number): number {
  if (n <= 15) return lnGamma(n + 1) - (n + 0.5) * Math.log(n) + n - 0.5 * LOG_TWO_PI;
  const nn = n * n;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / nn) / nn) / nn) / nn) / n;
}

/** x ln(x / m) + m - x, without cancellation when x is near m (Loader 2000). */
function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v2;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}
