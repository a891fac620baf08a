import { normalCdf, normalQuantile } from './quantiles.js';

/**
 * The distribution of a day's volume multiplier D (actual day total over forecast day total):
 * log D = logLocation + logSd Z, with Z distributed as `shape` (see `dayMultiplierQuantile`).
 * Without `logLocation` and `shape` it is the lognormal with mean 1, log D ~ Normal(-s^2 / 2, s^2).
 */
export interface DayMultiplierDistribution {
  /** Scale s of log D (its standard deviation for a normal shape). */
  logSd: number;
  /** Median of log D; default -logSd^2 / 2 (the lognormal with mean 1). */
  logLocation?: number;
  /**
   * Standardised quantiles of Z, ascending, at probabilities (k + 0.5) / length (an empirical
   * sample, e.g. `Forecast.dayLogShape`); empty or absent: the standard normal.
   */
  shape?: ArrayLike<number>;
}

/**
 * Quantile of the standardised shape at p: linear between the values at probabilities
 * (k + 0.5) / n; beyond the first and the last value, the normal's tail shifted to meet them
 * (z_0 + Phi^-1(p) - Phi^-1(0.5 / n) below, likewise above), so every p in (0, 1) has a finite
 * quantile and small samples get normal tails; the standard normal for an empty shape.
 */
function shapeQuantile(shape: ArrayLike<number>, p: number): number {
  const n = shape.length;
  if (n === 0) return normalQuantile(p);
  const pos = p * n - 0.5;
  if (pos <= 0) return shape[0]! + normalQuantile(p) - normalQuantile(0.5 / n);
  if (pos >= n - 1) return shape[n - 1]! + normalQuantile(p) - normalQuantile(1 - 0.5 / n);
  const lo = Math.floor(pos);
  return shape[lo]! + (pos - lo) * (shape[lo + 1]! - shape[lo]!);
}

/** CDF of the standardised shape at z, the inverse of `shapeQuantile`. */
function shapeCdf(shape: ArrayLike<number>, z: number): number {
  const n = shape.length;
  if (n === 0) return normalCdf(z);
  if (z < shape[0]!) return normalCdf(z - shape[0]! + normalQuantile(0.5 / n));
  if (z >= shape[n - 1]!) return normalCdf(z - shape[n - 1]! + normalQuantile(1 - 0.5 / n));
  // the last k with shape[k] <= z (then shape[k + 1] > z)
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (shape[mid]! <= z) lo = mid;
    else hi = mid;
  }
  const span = shape[hi]! - shape[lo]!;
  return (lo + 0.5 + (span > 0 ? (z - shape[lo]!) / span : 0)) / n;
}

/**
 * The p-quantile of the day multiplier: exp(logLocation + logSd q(p)), q the shape's quantile
 * (linear between its values at probabilities (k + 0.5) / n, normal tails beyond the first and
 * the last). O(1). Nondecreasing in p; p in (0, 1).
 *
 * @internal
 * @example
 * dayMultiplierQuantile({ logSd: 0.1, logLocation: -0.03, shape: [-1, 0, 2] }, 0.5); // ≈ 0.970446 (exp(-0.03), the median)
 * dayMultiplierQuantile({ logSd: 0.1, logLocation: -0.03, shape: [-1, 0, 2] }, 2 / 3); // ≈ 1.072508 (exp(-0.03 + 0.1 x 1), halfway from 0 to the top value 2)
 */
export function dayMultiplierQuantile(day: DayMultiplierDistribution, p: number): number {
  const s = day.logSd;
  const location = day.logLocation ?? -(s * s) / 2;
  return Math.exp(location + s * shapeQuantile(day.shape ?? [], p));
}

/**
 * P(D <= d) for the day multiplier: the shape's CDF at (ln d - logLocation) / logSd (a step at
 * exp(logLocation) when logSd = 0). The inverse of `dayMultiplierQuantile`. O(log n).
 *
 * @internal
 * @example
 * dayMultiplierCdf({ logSd: 0.1 }, 1); // ≈ 0.519939 (the lognormal with mean 1 has its median below 1)
 * dayMultiplierCdf({ logSd: 0.1, logLocation: -0.03, shape: [-1, 0, 2] }, Math.exp(0.07)); // ≈ 0.666667
 */
export function dayMultiplierCdf(day: DayMultiplierDistribution, d: number): number {
  const s = day.logSd;
  const location = day.logLocation ?? -(s * s) / 2;
  if (!(d > 0)) return 0;
  const x = Math.log(d) - location;
  if (!(s > 0)) return x >= 0 ? 1 : 0;
  return shapeCdf(day.shape ?? [], x / s);
}
