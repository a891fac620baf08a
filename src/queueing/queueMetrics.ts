import { erlangBUnchecked } from './erlangB.js';
import { evaluateMetrics } from './evaluate.js';
import type { QueueDemand, QueueMetrics, QueueMetricsOptions } from './types.js';
import { checkAgents, checkBasis, checkDemand, checkThreshold, toParams } from './validate.js';

/**
 * The service a queue gives with `agents` agents: Erlang C without `demand.patienceSeconds`,
 * Erlang A (M/M/n+M, Palm; Garnett, Mandelbaum and Reiman 2002) with it.
 *
 * Offered load A = callsPerInterval / (intervalMinutes * 60) * ahtSeconds. Erlang C:
 * P(wait) = C(n, A), SL = 1 - C e^{-(n - A) t / aht}, ASA = C aht / (n - A), occupancy A / n.
 * Erlang A: exact birth-death sums (see `erlangAUnchecked`); occupancy = A (1 - P(abandon)) / n;
 * the service level follows `options.serviceLevelBasis` (default `'offered'`). Chat: with
 * `demand.concurrency` c, the n agents are n c servers with the same handle time per contact.
 * Stable for any agents and load (no factorials, no overflow). Cost O(n c) for the Erlang B
 * recursion plus, for Erlang A, about the mean queue length in terms.
 *
 * @throws StaffcastError INVALID_INPUT naming `queueMetrics` and the field (negative or NaN demand,
 *   ahtSeconds <= 0, non-integer agents, threshold < 0, unknown basis ...)
 * @example
 * queueMetrics({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 }, 14, { thresholdSeconds: 20 });
 * // { model: 'erlang-c', agents: 14, offeredErlangs: 10, probWait: 0.17413193359504978,
 * //   serviceLevel: 0.8883500191794669, asaSeconds: 7.83593701177724, abandonRate: 0,
 * //   occupancy: 0.7142857142857143, stable: true }
 */
export function queueMetrics(
  demand: QueueDemand,
  agents: number,
  options: QueueMetricsOptions,
): QueueMetrics {
  const fn = 'queueMetrics';
  checkDemand(fn, demand);
  checkAgents(fn, agents);
  if (typeof options !== 'object' || options === null)
    checkThreshold(fn, 'options.thresholdSeconds', undefined);
  checkThreshold(fn, 'options.thresholdSeconds', options.thresholdSeconds);
  checkBasis(fn, 'options.serviceLevelBasis', options.serviceLevelBasis);
  const params = toParams(demand);
  const b = erlangBUnchecked(agents * params.concurrency, params.offeredErlangs);
  return evaluateMetrics(params, agents, b, options.thresholdSeconds, options.serviceLevelBasis ?? 'offered');
}
