import { fitQuantileModel, normalQuantile } from './quantiles.js';

/**
 * Forecast and actual calls of one validation day: the intervals of one target day forecast from
 * one rolling origin, with its lead (open days after the origin, 1 = the next day with data).
 */
export interface DayPairs {
  /** Open days after the origin (1 = the next day with data). */
  leadDays: number;
  /** Forecast calls per interval. */
  mu: readonly number[];
  /** Actual calls per interval (same order). */
  y: readonly number[];
}

/**
 * The predictive distribution of interval calls as a day-level random effect on top of interval
 * noise (Ibrahim, Ye, L'Ecuyer and Shen 2016, section 3: a "day effect" multiplies the day's
 * arrival rates). For a day `leadDays` ahead with forecast `mu` per interval:
 *
 *   Y = D mu + e,   log D ~ Normal(-s^2 / 2, s^2) (so E[D] = 1),   s = sqrt((c + d (leadDays - 1))^2 - noise), c, d >= 0
 *   var(e | D) = a (D mu) + b (D mu)^2, e / sd(e | D) distributed as the empirical `zGrid`,
 *
 * with D shared by every interval of the day (the misses run in the same direction all day) and
 * the interval noises independent given D (Poisson-like when a = 1, b = 0; over-dispersed above).
 * The mean of Y is the forecast: the model adds uncertainty, never bias.
 *
 * @internal
 */
export interface DayEffectModel {
  /** Standard deviation of the observed log day ratio at lead 1 (noise included). */
  logSdIntercept: number;
  /** Growth of that standard deviation per open day of lead (>= 0). */
  logSdSlope: number;
  /** Part of the observed log-ratio variance due to the interval noise (subtracted). */
  noiseLogVar: number;
  /** Linear within-day variance coefficient a. */
  a: number;
  /** Quadratic within-day variance coefficient b. */
  b: number;
  /** Standardised within-day residual quantiles at probabilities (k + 0.5) / zGrid.length, ascending. */
  zGrid: Float64Array;
  /** Validation days the model was fitted on (0: the documented fallback). */
  days: number;
}

/** Probabilities of the within-day residual grid. */
const Z_GRID_SIZE = 200;
/** Days below which the fallback day variance is used. */
const MIN_DAYS = 10;
/** Fallback standard deviation of log D (10 %) when there are too few validation days. */
const FALLBACK_LOG_SD = 0.1;

/**
 * Fits a `DayEffectModel` on validation days: the day multiplier of each day is its actual total
 * over its forecast total, R = sum y / sum mu (days with both totals > 0); the variance of log D
 * at lead l comes from the least-squares line c + d (l - 1) (c, d >= 0) through |log R| sqrt(pi / 2)
 * (the mean absolute deviation of a normal, scaled to its standard deviation: less swayed by one
 * odd day than squares; uncentred, so a forecast bias counts as uncertainty), squared, less the
 * variance the interval noise adds to log R, (a sum mu + b sum mu^2) / (sum mu)^2 averaged over the days; the within-day noise is
 * `fitQuantileModel` on the pairs (R mu, y), i.e. the interval residuals once the day's own level
 * is known. Fewer than 10 usable days: s = 0.1 at every lead and the within-day fallback of
 * `fitQuantileModel`. O(n log n) in the intervals.
 *
 * @internal
 * @example
 * dayLogSdAt(fitDayEffect([]), 1); // ≈ 0.1 (the fallback)
 */
export function fitDayEffect(days: readonly DayPairs[]): DayEffectModel {
  const leads: number[] = [];
  const logR2: number[] = [];
  const muAdj: number[] = [];
  const yAll: number[] = [];
  for (const d of days) {
    let sm = 0;
    let sy = 0;
    for (let i = 0; i < d.mu.length; i++) {
      const m = d.mu[i]!;
      const v = d.y[i]!;
      if (!Number.isFinite(m) || !Number.isFinite(v) || m < 0) continue;
      sm += m;
      sy += v;
    }
    if (!(sm > 0 && sy > 0)) continue;
    const r = sy / sm;
    leads.push(Math.max(1, d.leadDays));
    logR2.push(Math.abs(Math.log(r)) * Math.sqrt(Math.PI / 2));
    for (let i = 0; i < d.mu.length; i++) {
      const m = d.mu[i]!;
      const v = d.y[i]!;
      if (!Number.isFinite(m) || !Number.isFinite(v) || m < 0) continue;
      muAdj.push(r * m);
      yAll.push(v);
    }
  }
  const grid = Array.from({ length: Z_GRID_SIZE }, (_, k) => (k + 0.5) / Z_GRID_SIZE);
  if (leads.length < MIN_DAYS) {
    const q = fitQuantileModel([], [], grid);
    return {
      logSdIntercept: FALLBACK_LOG_SD,
      logSdSlope: 0,
      noiseLogVar: 0,
      a: q.a,
      b: q.b,
      zGrid: Float64Array.from(q.z),
      days: 0,
    };
  }
  const q = fitQuantileModel(muAdj, yAll, grid);
  // the day ratios carry the interval noise too: var(log R) ~ s^2 + (a sum m + b sum m^2) / (sum m)^2
  let noise = 0;
  for (const d of days) {
    let s1 = 0;
    let s2 = 0;
    for (const m of d.mu) {
      if (!(Number.isFinite(m) && m >= 0)) continue;
      s1 += m;
      s2 += m * m;
    }
    if (s1 > 0) noise += (q.a * s1 + q.b * s2) / (s1 * s1);
  }
  noise /= days.length;
  const line = nonNegativeLine(leads, logR2);
  return {
    logSdIntercept: line.intercept,
    logSdSlope: line.slope,
    noiseLogVar: noise,
    a: q.a,
    b: q.b,
    zGrid: Float64Array.from(q.z),
    days: leads.length,
  };
}

/** Least-squares line v = alpha + beta (x - 1) with alpha, beta >= 0. */
function nonNegativeLine(x: readonly number[], v: readonly number[]): { intercept: number; slope: number } {
  const n = x.length;
  let mx = 0;
  let mv = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]! - 1;
    mv += v[i]!;
  }
  mx /= n;
  mv /= n;
  let sxx = 0;
  let sxv = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - 1 - mx) ** 2;
    sxv += (x[i]! - 1 - mx) * (v[i]! - mv);
  }
  let slope = sxx > 0 ? sxv / sxx : 0;
  let intercept = mv - slope * mx;
  if (slope < 0) {
    slope = 0;
    intercept = mv;
  } else if (intercept < 0) {
    // through the origin: beta = sum (x - 1) v / sum (x - 1)^2
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      num += (x[i]! - 1) * v[i]!;
      den += (x[i]! - 1) ** 2;
    }
    intercept = 0;
    slope = den > 0 ? Math.max(0, num / den) : 0;
  }
  return { intercept, slope };
}

/**
 * Standard deviation s of the log day multiplier `leadDays` open days ahead:
 * sqrt(max(0, (logSdIntercept + logSdSlope (leadDays - 1))^2 - noiseLogVar)). O(1).
 *
 * @internal
 * @example
 * dayLogSdAt({ logSdIntercept: 0.05, logSdSlope: 0.01, noiseLogVar: 0.0009, a: 1, b: 0,
 *   zGrid: new Float64Array(0), days: 30 }, 1); // ≈ 0.04 (sqrt(0.05^2 - 0.0009))
 */
export function dayLogSdAt(model: DayEffectModel, leadDays: number): number {
  const sd = model.logSdIntercept + model.logSdSlope * Math.max(0, leadDays - 1);
  return Math.sqrt(Math.max(0, sd * sd - model.noiseLogVar));
}

/** Nodes of the day multiplier: K equal-probability quantiles of the lognormal with mean 1. */
const DAY_NODES = 48;

/**
 * The day multipliers D_k at probabilities (k + 0.5) / K of log D ~ Normal(-s^2 / 2, s^2)
 * (E[D] = 1), K = 48, equally weighted: the quadrature of the day effect. O(K).
 *
 * @internal
 * @example
 * dayMultiplierNodes(0).every((d) => d === 1); // true (no day effect)
 */
export function dayMultiplierNodes(logSd: number): Float64Array {
  const out = new Float64Array(DAY_NODES);
  for (let k = 0; k < DAY_NODES; k++)
    out[k] = Math.exp(-(logSd * logSd) / 2 + logSd * normalQuantile((k + 0.5) / DAY_NODES));
  return out;
}

/** CDF of the standardised within-day residual at z: linear in the grid, clamped at its ends. */
function zCdf(grid: Float64Array, z: number): number {
  const n = grid.length;
  if (n === 0) return z < 0 ? 0 : 1;
  if (z < grid[0]!) return 0.5 / n / 2;
  if (z >= grid[n - 1]!) return 1 - 0.5 / n / 2;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (grid[mid]! <= z) lo = mid;
    else hi = mid;
  }
  const span = grid[hi]! - grid[lo]!;
  const w = span > 0 ? (z - grid[lo]!) / span : 1;
  return (lo + 0.5 + w) / n;
}

/**
 * Predictive quantile of an interval's calls under a `DayEffectModel`: the y with
 * mean_k G((y - D_k mu) / sqrt(a D_k mu + b (D_k mu)^2)) = p, G the within-day residual CDF and
 * D_k the nodes of `dayMultiplierNodes(logSd)`, found by bisection (to 1e-6 of the scale); 0 for
 * mu = 0, NaN for a non-finite mu. Monotone in p. O(K log grid x 60).
 *
 * @internal
 * @example
 * const model = fitDayEffect([]);
 * predictiveQuantile(model, 100, 0, 0.5) > 95; // true
 */
export function predictiveQuantile(model: DayEffectModel, mu: number, logSd: number, p: number): number {
  if (!Number.isFinite(mu)) return Number.NaN;
  if (!(mu > 0)) return 0;
  const nodes = dayMultiplierNodes(logSd);
  const sds = Float64Array.from(nodes, (d) => Math.sqrt(model.a * d * mu + model.b * d * d * mu * mu));
  const cdf = (y: number): number => {
    let s = 0;
    for (let k = 0; k < nodes.length; k++) {
      const sd = sds[k]!;
      s += sd > 0 ? zCdf(model.zGrid, (y - nodes[k]! * mu) / sd) : y >= nodes[k]! * mu ? 1 : 0;
    }
    return s / nodes.length;
  };
  let lo = 0;
  let hi = mu * nodes[nodes.length - 1]! + 20 * Math.max(...sds) + 1;
  if (cdf(lo) >= p) return 0;
  const tol = 1e-6 * (mu + 1);
  for (let it = 0; it < 80 && hi - lo > tol; it++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) >= p) hi = mid;
    else lo = mid;
  }
  return hi;
}
