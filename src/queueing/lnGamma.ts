const HALF_LOG_TWO_PI = 0.9189385332046728;

/**
 * ln Gamma(z) for z > 0: Stirling's series with five correction terms after shifting z to >= 15 by
 * the recurrence Gamma(z + 1) = z Gamma(z) (Abramowitz and Stegun 6.1.40). Absolute error about
 * 1e-16 * |ln Gamma(z)| (relative 1e-15). Cost O(1). Internal: used to start Erlang A sums far out.
 *
 * @example
 * lnGamma(5); // 3.1780538303479466 (ln 24 = 3.1780538303479458)
 */
export function lnGamma(z: number): number {
  let shift = 0;
  while (z < 15) {
    shift -= Math.log(z);
    z += 1;
  }
  const inv = 1 / z;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return shift + (z - 0.5) * Math.log(z) - z + HALF_LOG_TWO_PI + series;
}
