import { invalidInput } from '../errors.js';

/**
 * Splits `total` whole agents among queues in proportion to `weights` (their required agents) by
 * the largest-remainder (Hamilton) method: queue q first gets floor(total x w_q / sum(w)), then
 * the agents left over go one each to the largest remainders (ties: the earlier queue). When
 * every weight is 0 the agents are split equally the same way. The shares are whole numbers
 * that add up to `total`, and a queue with weight 0 gets nothing while another has weight > 0.
 * O(queues log queues).
 *
 * This is how `plan` evaluates one pool of multi-skilled agents per queue: an approximation of
 * skill-based routing (the real split depends on the router; agents idle in one queue do not
 * help another within the interval here).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` when `total` is not a whole number >= 0 or a weight is
 *   negative or not finite, or when there are agents but no queue.
 * @example
 * splitAgents(10, [3, 1]); // Float64Array [8, 2] (7.5 and 2.5: the tie goes to the first queue)
 * splitAgents(3, [0, 0, 0]); // Float64Array [1, 1, 1]
 */
export function splitAgents(total: number, weights: ArrayLike<number>): Float64Array {
  const fn = 'splitAgents';
  if (!Number.isInteger(total) || total < 0) invalidInput(fn, 'total', 'must be a whole number >= 0', total);
  const n = weights.length;
  if (n === 0 && total > 0) invalidInput(fn, 'weights', 'must name at least one queue', n);
  let sum = 0;
  for (let q = 0; q < n; q++) {
    const w = weights[q]!;
    if (!(w >= 0) || !Number.isFinite(w))
      invalidInput(fn, `weights[${q}]`, 'must be a finite number >= 0', w);
    sum += w;
  }
  const share = new Float64Array(n);
  if (n === 0) return share;
  const remainders: Array<[number, number]> = [];
  let given = 0;
  for (let q = 0; q < n; q++) {
    const exact = sum > 0 ? (total * weights[q]!) / sum : total / n;
    // tolerance: 10 x 0.3 / 0.3 must be 10 whole agents, not 9 plus a remainder
    const whole = Math.floor(exact + 1e-9);
    share[q] = whole;
    given += whole;
    remainders.push([exact - whole, q]);
  }
  remainders.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; given < total; k++) {
    const q = remainders[k % n]![1];
    share[q] = share[q]! + 1;
    given++;
  }
  return share;
}
