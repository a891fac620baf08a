import { dayMultiplierQuantile } from './dayMultiplier.js';
import { fitQuantileModel } from './quantiles.js';

/**
 * Forecast and actual calls of one validation day: the intervals of one target day forecast from
 * one rolling origin, with its lead (open days after the origin, 1 = the next day with data).
 */
export interface DayPairs {
  /** Open days after the origin (1 = the next day with data). */
  leadDays: number;
  /** Days with data from the target day to the last day of history (0 = the last day); default 0. */
  daysBeforeEnd?: number;
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
 *   Y = D mu + e,   log D = logLocation + s Z,   s = sqrt((c + d (leadDays - 1))^2 - noise), c, d >= 0
 *   var(e | D) = a (D mu) + b (D mu)^2, e / sd(e | D) distributed as the empirical `zGrid`,
 *
 * with D shared by every interval of the day (the misses run in the same direction all day) and
 * the interval noises independent given D (Poisson-like when a = 1, b = 0; over-dispersed above).
 * logLocation is the median log ratio actual / forecast of the validation days (recent days
 * weighted more: the bias drifts with the level) and Z is distributed as their standardised log
 * ratios (`logShape`, median 0, skew kept): a forecast that runs high on a typical day gets a
 * median multiplier below 1, and rare busy days a long right tail. The forecast itself (the mean staffing is planned on) is not corrected.
 *
 * @internal
 */
export interface DayEffectModel {
  /**
   * Median log ratio actual / forecast of the validation days, recent days weighted more (a
   * half-life of 10 days with data): the log of the median multiplier.
   */
  logLocation: number;
  /**
   * Standardised log day ratios (log R - m) / (c + d (lead - 1)) of the validation days, m their
   * plain median, ascending, at probabilities (k + 0.5) / length; empty: standard normal (the
   * fallback).
   */
  logShape: Float64Array;
  /** Scale of the observed log day ratio around logLocation at lead 1 (noise included). */
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
/** Half-life, in days with data before the end of the history, of a validation day's weight in the location. */
const LOCATION_HALF_LIFE_DAYS = 10;
/** Fallback standard deviation of log D (10 %) when there are too few validation days. */
const FALLBACK_LOG_SD = 0.1;

/**
 * Fits a `DayEffectModel` on validation days (all from before the forecast origin): the day
 * multiplier of each day is its actual total over its forecast total, R = sum y / sum mu (days
 * with both totals > 0); the location of log D is the weighted median of log R over the days,
 * weight 2^(-age / 10) for a day `daysBeforeEnd` = age days with data before the end of the
 * history (the forecast's bias drifts with the level: the last two weeks count most), pooled over
 * leads (a median per lead would rest on a few dozen days each); around m, the plain median of
 * log R, the scale of log D at lead l comes
 * from the least-squares line c + d (l - 1) (c, d >= 0) through |log R - m| sqrt(pi / 2)
 * (the mean absolute deviation of a normal, scaled to its standard deviation: less swayed by one
 * odd day than squares), squared, less the variance the interval noise adds to log R,
 * (a sum mu + b sum mu^2) / (sum mu)^2 averaged over the days; the shape of log D is the empirical
 * distribution of (log R - m) / (c + d (l - 1)) (the noise is taken off by the scale
 * alone); the within-day noise is `fitQuantileModel` on the pairs (R mu, y), i.e. the interval
 * residuals once the day's own level is known. Fewer than 10 usable days: the documented fallback,
 * a lognormal with mean 1 and s = 0.1 at every lead (location -s^2 / 2, normal shape) and the
 * within-day fallback of `fitQuantileModel`. O(n log n) in the intervals.
 *
 * @internal
 * @example
 * dayLogSdAt(fitDayEffect([]), 1); // ≈ 0.1 (the fallback)
 */
export function fitDayEffect(days: readonly DayPairs[]): DayEffectModel {
  const leads: number[] = [];
  const logR: number[] = [];
  const weights: number[] = [];
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
    logR.push(Math.log(r));
    weights.push(2 ** (-Math.max(0, d.daysBeforeEnd ?? 0) / LOCATION_HALF_LIFE_DAYS));
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
      logLocation: -(FALLBACK_LOG_SD * FALLBACK_LOG_SD) / 2,
      logShape: new Float64Array(0),
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
  const centre = weightedMedian(
    logR,
    logR.map(() => 1),
  );
  const line = nonNegativeLine(
    leads,
    logR.map((v) => Math.abs(v - centre) * Math.sqrt(Math.PI / 2)),
  );
  const shape = Float64Array.from(logR, (v, k) => {
    const sd = line.intercept + line.slope * (leads[k]! - 1);
    return sd > 0 ? (v - centre) / sd : 0;
  }).sort();
  const location = weightedMedian(logR, weights);
  return {
    logLocation: location,
    logShape: shape,
    logSdIntercept: line.intercept,
    logSdSlope: line.slope,
    noiseLogVar: noise,
    a: q.a,
    b: q.b,
    zGrid: Float64Array.from(q.z),
    days: leads.length,
  };
}

/**
 * Weighted median of a non-empty list (weights > 0): the value where the cumulative weight of the
 * sorted values reaches half the total, the mean of the two values when it lands exactly between.
 */
function weightedMedian(v: readonly number[], w: readonly number[]): number {
  const order = v.map((_, i) => i).sort((a, b) => v[a]! - v[b]!);
  const half = w.reduce((a, b) => a + b, 0) / 2;
  let cum = 0;
  for (let k = 0; k < order.length; k++) {
    cum += w[order[k]!]!;
    if (Math.abs(cum - half) <= 1e-12 * half && k + 1 < order.length)
      return (v[order[k]!]! + v[order[k + 1]!]!) / 2;
    if (cum > half) return v[order[k]!]!;
  }
  return v[order[order.length - 1]!]!;
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
 * dayLogSdAt({ logLocation: 0, logShape: new Float64Array(0), logSdIntercept: 0.05, logSdSlope: 0.01, noiseLogVar: 0.0009, a: 1, b: 0,
 *   zGrid: new Float64Array(0), days: 30 }, 1); // ≈ 0.04 (sqrt(0.05^2 - 0.0009))
 */
export function dayLogSdAt(model: DayEffectModel, leadDays: number): number {
  const sd = model.logSdIntercept + model.logSdSlope * Math.max(0, leadDays - 1);
  return Math.sqrt(Math.max(0, sd * sd - model.noiseLogVar));
}

/** Nodes of the day multiplier: K equal-probability quantiles of its distribution. */
const DAY_NODES = 48;

/**
 * The day multipliers D_k at probabilities (k + 0.5) / K of the model's day multiplier at scale
 * `logSd` (`dayMultiplierQuantile` with the model's `logLocation` and `logShape`), K = 48, equally
 * weighted: the quadrature of the day effect. O(K) the first time for a model and scale, then O(1)
 * (the same array is returned: callers must not change it).
 *
 * @internal
 * @example
 * dayMultiplierNodes(fitDayEffect([]), 0).every((d) => d === 1); // true (no day effect, the fallback's location 0 at s = 0)
 */
export function dayMultiplierNodes(model: DayEffectModel, logSd: number): Float64Array {
  let byScale = nodeCache.get(model);
  if (byScale === undefined) {
    byScale = new Map();
    nodeCache.set(model, byScale);
  }
  const cached = byScale.get(logSd);
  if (cached !== undefined) return cached;
  const out = new Float64Array(DAY_NODES);
  const day = {
    logSd,
    logLocation: model.days === 0 ? -(logSd * logSd) / 2 : model.logLocation,
    shape: model.logShape,
  };
  for (let k = 0; k < DAY_NODES; k++) out[k] = dayMultiplierQuantile(day, (k + 0.5) / DAY_NODES);
  byScale.set(logSd, out);
  return out;
}

/**
 * The nodes already computed per model and scale: a model's scale takes one value per lead, and a
 * backtest asks for the nodes of every interval, so this turns O(K) quantile searches per interval
 * into one per lead. Keyed weakly by the (never mutated) fitted model.
 */
const nodeCache = new WeakMap<DayEffectModel, Map<number, Float64Array>>();

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
 * Predictive CDF of an interval's calls under a `DayEffectModel`, P(Y <= y) =
 * mean_k G((y - D_k mu) / sqrt(a D_k mu + b (D_k mu)^2)) (the function `predictiveQuantile`
 * inverts): 0 below 0, 1 at and above 0 for mu = 0 (a closed interval), NaN for a non-finite mu.
 * At the integers it is the CDF of the count. O(K log grid).
 *
 * @internal
 * @example
 * predictiveCdf(fitDayEffect([]), 0, 0.1, 0); // 1 (nothing forecast: all mass at 0)
 */
export function predictiveCdf(model: DayEffectModel, mu: number, logSd: number, y: number): number {
  if (!Number.isFinite(mu)) return Number.NaN;
  if (y < 0) return 0;
  if (!(mu > 0)) return 1;
  const nodes = dayMultiplierNodes(model, logSd);
  let s = 0;
  for (let k = 0; k < nodes.length; k++) {
    const m = nodes[k]! * mu;
    const sd = Math.sqrt(model.a * m + model.b * m * m);
    s += sd > 0 ? zCdf(model.zGrid, (y - m) / sd) : y >= m ? 1 : 0;
  }
  return s / nodes.length;
}

/**
 * Predictive quantile of an interval's calls under a `DayEffectModel`: the y with
 * mean_k G((y - D_k mu) / sqrt(a D_k mu + b (D_k mu)^2)) = p, G the within-day residual CDF and
 * D_k the nodes of `dayMultiplierNodes(model, logSd)`, found by bisection (to 1e-6 of the scale); 0 for
 * mu = 0, NaN for a non-finite mu. Monotone in p. O(K log grid x 60). `predictiveQuantiles` with
 * one probability.
 *
 * @internal
 * @example
 * const model = fitDayEffect([]);
 * predictiveQuantile(model, 100, 0, 0.5) > 95; // true
 */
export function predictiveQuantile(model: DayEffectModel, mu: number, logSd: number, p: number): number {
  return predictiveQuantiles(model, mu, logSd, [p])[0]!;
}

/**
 * `predictiveQuantile` at each probability, the same numbers: the bisections of the
 * probabilities start on the same bracket and share their first points (where the CDF is near 0 or
 * 1) until they part, so each CDF value is computed once for all of them.
 * O(K log grid x 60 x probabilities) at worst.
 *
 * @internal
 * @example
 * const model = fitDayEffect([]);
 * const [p10, p90] = predictiveQuantiles(model, 100, 0.1, [0.1, 0.9]);
 * p10 === predictiveQuantile(model, 100, 0.1, 0.1) && p90 === predictiveQuantile(model, 100, 0.1, 0.9); // true
 */
export function predictiveQuantiles(
  model: DayEffectModel,
  mu: number,
  logSd: number,
  probabilities: readonly number[],
): number[] {
  if (!Number.isFinite(mu)) return probabilities.map(() => Number.NaN);
  if (!(mu > 0)) return probabilities.map(() => 0);
  const nodes = dayMultiplierNodes(model, logSd);
  const sds = Float64Array.from(nodes, (d) => Math.sqrt(model.a * d * mu + model.b * d * d * mu * mu));
  const known = new Map<number, number>();
  const cdf = (y: number): number => {
    const seen = known.get(y);
    if (seen !== undefined) return seen;
    let s = 0;
    for (let k = 0; k < nodes.length; k++) {
      const sd = sds[k]!;
      s += sd > 0 ? zCdf(model.zGrid, (y - nodes[k]! * mu) / sd) : y >= nodes[k]! * mu ? 1 : 0;
    }
    const value = s / nodes.length;
    known.set(y, value);
    return value;
  };
  const top = mu * nodes[nodes.length - 1]! + 20 * Math.max(...sds) + 1;
  const tol = 1e-6 * (mu + 1);
  return probabilities.map((p) => {
    let lo = 0;
    let hi = top;
    if (cdf(lo) >= p) return 0;
    for (let it = 0; it < 80 && hi - lo > tol; it++) {
      const mid = (lo + hi) / 2;
      if (cdf(mid) >= p) hi = mid;
      else lo = mid;
    }
    return hi;
  });
}
