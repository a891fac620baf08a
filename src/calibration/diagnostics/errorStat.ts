/** Mean absolute error and mean signed error (predicted - observed) of one metric. */
export interface ErrorStat {
  /** Mean |predicted - observed|; NaN with no pair. */
  mae: number;
  /** Mean (predicted - observed): positive = the model predicts more than happened; NaN with no pair. */
  bias: number;
  /** Pairs compared (finite predicted and observed values). */
  count: number;
  /** Pairs left out because the prediction was infinite (an unstable Erlang C queue). */
  infinite: number;
}

/**
 * MAE and bias over the pairs where both values are numbers; an infinite prediction is counted in
 * `infinite` and left out. Compensated (Kahan) sums. O(n).
 *
 * @internal
 * @example
 * errorStat([0.5, 0.7], [0.6, 0.6]); // { mae: 0.1, bias: 0, count: 2, infinite: 0 } (to 1e-15)
 */
export function errorStat(predicted: ArrayLike<number>, observed: ArrayLike<number>): ErrorStat {
  let abs = 0;
  let absC = 0;
  let sum = 0;
  let sumC = 0;
  let count = 0;
  let infinite = 0;
  for (let i = 0; i < predicted.length; i++) {
    const p = predicted[i]!;
    const o = observed[i]!;
    if (Number.isNaN(p) || Number.isNaN(o)) continue;
    if (!Number.isFinite(p)) {
      infinite++;
      continue;
    }
    const d = p - o;
    let y = Math.abs(d) - absC;
    let t = abs + y;
    absC = t - abs - y;
    abs = t;
    y = d - sumC;
    t = sum + y;
    sumC = t - sum - y;
    sum = t;
    count++;
  }
  return count > 0
    ? { mae: abs / count, bias: sum / count, count, infinite }
    : { mae: Number.NaN, bias: Number.NaN, count, infinite };
}
