import { invalidInput } from '../errors.js';

/**
 * P(|T| <= t) for Student's t with an integer number of degrees of freedom, by the finite series of
 * Abramowitz and Stegun 26.7.3 and 26.7.4 (theta = atan(t / sqrt(df))): odd df,
 * (2 / pi) (theta + sin theta (cos theta + 2/3 cos^3 theta + ... )); even df,
 * sin theta (1 + 1/2 cos^2 theta + 3/8 cos^4 theta + ...). Exact up to rounding; cost O(df).
 */
function centralProbability(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const c2 = Math.cos(theta) ** 2;
  const s = Math.sin(theta);
  if (df % 2 === 1) {
    if (df === 1) return (2 / Math.PI) * theta;
    let term = Math.cos(theta);
    let sum = term;
    for (let k = 3; k <= df - 2; k += 2) {
      term *= (c2 * (k - 1)) / k;
      sum += term;
    }
    return (2 / Math.PI) * (theta + s * sum);
  }
  let term = 1;
  let sum = 1;
  for (let k = 2; k <= df - 2; k += 2) {
    term *= (c2 * (k - 1)) / k;
    sum += term;
  }
  return s * sum;
}

/**
 * The `probability` quantile of Student's t distribution with `degreesOfFreedom` (a positive
 * integer): the t with P(T <= t) = probability. The CDF is the exact finite series of Abramowitz and
 * Stegun 26.7.3-4, inverted by bisection to full double precision. Cost O(df) per step, about 60
 * steps.
 *
 * @throws StaffcastError INVALID_INPUT naming `studentTQuantile` when probability is not in (0, 1)
 *   or degreesOfFreedom is not an integer in 1..10000000
 * @example
 * studentTQuantile(0.975, 1); // 12.706204736174676 (scipy: 12.706204736174694)
 * studentTQuantile(0.975, 39); // 2.0226909200367604 (scipy: 2.022690920036761)
 *
 * @internal
 */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  const fn = 'studentTQuantile';
  if (!(probability > 0 && probability < 1))
    invalidInput(fn, 'probability', 'must be in (0, 1)', probability);
  if (!(Number.isInteger(degreesOfFreedom) && degreesOfFreedom >= 1 && degreesOfFreedom <= 1e7))
    invalidInput(fn, 'degreesOfFreedom', 'must be an integer in 1..10000000', degreesOfFreedom);
  if (probability === 0.5) return 0;
  const central = Math.abs(2 * probability - 1);
  let lo = 0;
  let hi = 1;
  while (centralProbability(hi, degreesOfFreedom) < central) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (centralProbability(mid, degreesOfFreedom) < central) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return probability > 0.5 ? t : -t;
}
