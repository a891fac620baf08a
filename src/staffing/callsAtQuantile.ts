import { invalidInput } from '../errors.js';
import type { Forecast } from '../forecast/types.js';

/**
 * Offered contacts per interval at forecast probability `probability`: the forecast's quantile
 * of that probability, or a linear interpolation between the two nearest quantiles given
 * (per interval, in probability). Staffing to an upper quantile (`0.8`) instead of the mean
 * protects against over-dispersed arrivals. Cost O(n + q log q).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` when `probability` is not in (0, 1), the forecast has
 *   no quantiles, or `probability` lies outside the forecast's lowest..highest quantile.
 * @example
 * callsAtQuantile({ timeZone: 'UTC', intervalMinutes: 30, starts: Float64Array.of(0),
 *   calls: Float64Array.of(10), quantiles: [{ probability: 0.5, calls: Float64Array.of(10) },
 *   { probability: 0.9, calls: Float64Array.of(14) }] }, 0.8); // Float64Array [13]
 */
export function callsAtQuantile(forecast: Forecast, probability: number): Float64Array {
  const fn = 'callsAtQuantile';
  if (!(probability > 0 && probability < 1))
    invalidInput(fn, 'riskQuantile', 'must be a probability in (0, 1)', probability);
  const quantiles = [...(forecast.quantiles ?? [])].sort((a, b) => a.probability - b.probability);
  const first = quantiles[0];
  const last = quantiles[quantiles.length - 1];
  if (first === undefined || last === undefined)
    invalidInput(
      fn,
      'riskQuantile',
      'needs a forecast with quantiles (calls_p10, calls_p90 ...)',
      probability,
    );
  const eps = 1e-12;
  if (probability < first.probability - eps || probability > last.probability + eps) {
    invalidInput(
      fn,
      'riskQuantile',
      `must lie within the forecast's quantiles ${first.probability}..${last.probability}`,
      probability,
    );
  }
  const n = forecast.calls.length;
  let hi = quantiles.findIndex((q) => q.probability >= probability - eps);
  const upper = quantiles[hi]!;
  if (Math.abs(upper.probability - probability) <= eps || hi === 0) return Float64Array.from(upper.calls);
  const lower = quantiles[--hi]!;
  const w = (probability - lower.probability) / (upper.probability - lower.probability);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = lower.calls[i]! + w * (upper.calls[i]! - lower.calls[i]!);
  return out;
}
