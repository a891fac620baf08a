/**
 * psi(b) - psi(a) = sum_{i=0}^{b-a-1} 1 / (a + i) for b - a a non-negative integer (a > 0), without
 * forming the sum: the difference of the asymptotic series of the digamma function (Abramowitz and
 * Stegun 6.3.18) after shifting both arguments to >= 10, with log1p for the leading term so that
 * nearby large arguments do not cancel. Cost O(1). Internal: the harmonic sum of the Erlang A wait.
 *
 * @example
 * digammaDifference(1, 4); // 1.8333333333333333 (= 1 + 1/2 + 1/3)
 */
export function digammaDifference(a: number, b: number): number {
  let sum = 0;
  while (a < 10 && a < b) {
    sum += 1 / a;
    a += 1;
  }
  if (a >= b) return sum;
  // psi(z) ~ ln z - 1/(2z) - 1/(12 z^2) + 1/(120 z^4) - 1/(252 z^6) + 1/(240 z^8)
  const tail = (z: number): number => {
    const inv = 1 / z;
    const inv2 = inv * inv;
    return -0.5 * inv - inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 / 240)));
  };
  return sum + Math.log1p((b - a) / a) + tail(b) - tail(a);
}
