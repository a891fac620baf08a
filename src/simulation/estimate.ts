import { invalidInput } from '../errors.js';
import { studentTQuantile } from './studentT.js';
import type { Estimate } from './types.js';

// the last quantile asked for: summaries ask for the same one thousands of times
let lastProbability = Number.NaN;
let lastDf = 0;
let lastQuantile = Number.NaN;

function tQuantile(probability: number, df: number): number {
  if (probability !== lastProbability || df !== lastDf) {
    lastQuantile = studentTQuantile(probability, df);
    lastProbability = probability;
    lastDf = df;
  }
  return lastQuantile;
}

/**
 * Mean, standard error and Student-t confidence interval of the defined (non-NaN) values among
 * `values[offset .. offset + count)`: mean = sum / n, standardError = s / sqrt(n) with s the sample
 * standard deviation (two-pass), interval mean +- t_{(1 + confidence) / 2, n - 1} standardError.
 * n = 0 gives NaN everywhere; n = 1 a NaN error and interval. Cost O(count) plus the t quantile.
 *
 * @throws StaffcastError INVALID_INPUT when confidence is not in (0, 1)
 * @example
 * estimate(Float64Array.of(1, 2, 3, Number.NaN), 0.95);
 * // { mean: 2, standardError: 0.5773502691896257, lower: -0.48413771175032805,
 * //   upper: 4.4841377117503285, replications: 3 }
 *
 * @internal
 */
export function estimate(
  values: Float64Array,
  confidence: number,
  offset = 0,
  count = values.length,
): Estimate {
  if (!(confidence > 0 && confidence < 1))
    invalidInput('estimate', 'confidence', 'must be in (0, 1)', confidence);
  let n = 0;
  let sum = 0;
  for (let i = offset; i < offset + count; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) {
      n++;
      sum += v;
    }
  }
  if (n === 0)
    return {
      mean: Number.NaN,
      standardError: Number.NaN,
      lower: Number.NaN,
      upper: Number.NaN,
      replications: 0,
    };
  const mean = sum / n;
  if (n === 1)
    return { mean, standardError: Number.NaN, lower: Number.NaN, upper: Number.NaN, replications: 1 };
  let squares = 0;
  for (let i = offset; i < offset + count; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) squares += (v - mean) * (v - mean);
  }
  const standardError = Math.sqrt(squares / (n - 1) / n);
  const half = tQuantile((1 + confidence) / 2, n - 1) * standardError;
  return { mean, standardError, lower: mean - half, upper: mean + half, replications: n };
}
