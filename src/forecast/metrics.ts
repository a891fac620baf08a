/** Accuracy of forecasts against actuals, pooled over intervals. */
export interface AccuracyMetrics {
  /** Intervals compared. */
  n: number;
  /** Weighted absolute percentage error, sum|y - f| / sum y (a fraction). */
  wape: number;
  /** Mean absolute error, calls per interval. */
  mae: number;
  /** Root mean squared error, calls per interval. */
  rmse: number;
  /**
   * Mean of |y - f| / scale, scale the in-sample MAE of the weekly seasonal naive at the interval's
   * origin (Hyndman & Koehler 2006); NaN when a scale is 0 or unknown.
   */
  mase: number;
  /** Mean of f - y, calls per interval (positive = over-forecast). */
  bias: number;
  /**
   * Fraction of actuals inside [lowest, highest] quantile, when quantiles were forecast: with the
   * predictive CDF, the randomized PIT's (a count y's PIT is uniform on [F(y - 1), F(y)]) expected
   * share inside [lowest, highest] probability, so a discrete count on the band's edge counts in
   * part; without it, y inside the quantiles.
   */
  coverage?: number;
  /** Per forecast quantile probability, the fraction of actuals at or below it. */
  quantileHits?: Array<{ probability: number; fraction: number }>;
}

/**
 * Accumulates pairs of actual and forecast for `AccuracyMetrics`.
 *
 * @internal
 */
export class MetricsAccumulator {
  private n = 0;
  private sumY = 0;
  private sumAbs = 0;
  private sumSq = 0;
  private sumErr = 0;
  private sumScaled = 0;
  private covered = 0;
  private hits: number[];

  constructor(private readonly probabilities: readonly number[] = []) {
    this.hits = probabilities.map(() => 0);
  }

  /**
   * Adds one interval: actual `y`, forecast `f`, the seasonal-naive MAE `scale` of its origin, the
   * forecast quantiles (same order as the constructor's probabilities) and, optionally, the
   * predictive CDF at the actual, `pit` = [P(Y < y), P(Y <= y)] ([F(y - 1), F(y)] for a count):
   * the randomized PIT is uniform on it (Czado, Gneiting and Held 2009), and the band's coverage
   * counts the expected share of it inside [lowest, highest] probability (the whole of it in or
   * out when the two are equal). Non-finite pairs are ignored. O(quantiles).
   */
  add(
    y: number,
    f: number,
    scale: number,
    quantiles?: ArrayLike<number>,
    pit?: readonly [number, number],
  ): void {
    if (!Number.isFinite(y) || !Number.isFinite(f)) return;
    const e = f - y;
    this.n++;
    this.sumY += y;
    this.sumAbs += Math.abs(e);
    this.sumSq += e * e;
    this.sumErr += e;
    this.sumScaled += scale > 0 ? Math.abs(e) / scale : Number.NaN;
    if (quantiles && quantiles.length > 0) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < quantiles.length; k++) {
        const q = quantiles[k]!;
        lo = Math.min(lo, q);
        hi = Math.max(hi, q);
        if (y <= q) this.hits[k] = this.hits[k]! + 1;
      }
      if (pit !== undefined && Number.isFinite(pit[0]) && Number.isFinite(pit[1])) {
        const [u0, u1] = pit;
        const pLo = Math.min(...this.probabilities);
        const pHi = Math.max(...this.probabilities);
        if (u1 > u0) this.covered += Math.max(0, Math.min(u1, pHi) - Math.max(u0, pLo)) / (u1 - u0);
        else if (u1 >= pLo && u1 <= pHi) this.covered++;
      } else if (y >= lo && y <= hi) this.covered++;
    }
  }

  /**
   * The metrics so far; NaN fields when nothing was added.
   *
   * @example
   * const m = new MetricsAccumulator(); m.add(10, 12, 2); m.add(10, 8, 2);
   * m.result(); // { n: 2, wape: 0.2, mae: 2, rmse: 2, mase: 1, bias: 0 }
   * const c = new MetricsAccumulator([0.1, 0.9]); c.add(0, 0, 1, [0, 2], [0, 0.4]);
   * c.result().coverage; // ≈ 0.75 (the PIT of the count 0 is uniform on [0, 0.4]: 3/4 of it inside [0.1, 0.9])
   */
  result(): AccuracyMetrics {
    const n = this.n;
    const out: AccuracyMetrics = {
      n,
      wape: this.sumY > 0 ? this.sumAbs / this.sumY : Number.NaN,
      mae: n > 0 ? this.sumAbs / n : Number.NaN,
      rmse: n > 0 ? Math.sqrt(this.sumSq / n) : Number.NaN,
      mase: n > 0 ? this.sumScaled / n : Number.NaN,
      bias: n > 0 ? this.sumErr / n : Number.NaN,
    };
    if (this.probabilities.length > 0 && n > 0) {
      out.coverage = this.covered / n;
      out.quantileHits = this.probabilities.map((probability, k) => ({
        probability,
        fraction: this.hits[k]! / n,
      }));
    }
    return out;
  }
}
