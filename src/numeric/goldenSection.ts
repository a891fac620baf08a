/**
 * Golden-section search for the minimum of a unimodal function on [lo, hi], stopping when the
 * bracket is narrower than `tolerance`; returns the bracket's midpoint. Needs about
 * log(tolerance / (hi - lo)) / log(0.618) evaluations (Kiefer 1953).
 *
 * @example
 * goldenSectionMinimum((x) => (x - 2) ** 2, 0, 5, 1e-6); // 2.0000000 (to within 1e-6)
 */
export function goldenSectionMinimum(
  loss: (x: number) => number,
  lo: number,
  hi: number,
  tolerance: number,
): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let l1 = loss(x1);
  let l2 = loss(x2);
  while (hi - lo > tolerance) {
    if (l1 < l2) {
      hi = x2;
      x2 = x1;
      l2 = l1;
      x1 = hi - g * (hi - lo);
      l1 = loss(x1);
    } else {
      lo = x1;
      x1 = x2;
      l1 = l2;
      x2 = lo + g * (hi - lo);
      l2 = loss(x2);
    }
  }
  return (lo + hi) / 2;
}
