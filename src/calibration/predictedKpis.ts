import { queueMetrics } from '../queueing/queueMetrics.js';
import type { QueueDemand } from '../queueing/types.js';

/** The three KPIs a model predicts for one interval. */
export interface PredictedKpis {
  /** Service level (fraction) on the 'offered' basis. */
  serviceLevel: number;
  /** Mean wait of answered calls (s); Infinity for an unstable Erlang C queue. */
  asaSeconds: number;
  /** Fraction of offered calls that abandon (0 for Erlang C). */
  abandonRate: number;
}

/**
 * `queueMetrics` at a fractional agent count: linear interpolation between `floor(agents)` and
 * `ceil(agents)` (effective agents = availability factor x agents present are rarely whole).
 * An infinite ASA at either end with positive weight stays infinite. Cost: two `queueMetrics` calls.
 *
 * @internal
 * @example
 * predictKpis({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 }, 12, 20).serviceLevel;
 * // 0.6401580403740066 (Erlang C, 12 agents)
 */
export function predictKpis(
  demand: QueueDemand,
  agents: number,
  thresholdSeconds: number,
  serviceLevelBasis: 'offered' | 'excludeShortAbandons' = 'offered',
): PredictedKpis {
  const low = Math.max(0, Math.floor(agents));
  const weight = Math.max(0, agents) - low;
  const options = { thresholdSeconds, serviceLevelBasis };
  const a = queueMetrics(demand, low, options);
  if (weight === 0)
    return { serviceLevel: a.serviceLevel, asaSeconds: a.asaSeconds, abandonRate: a.abandonRate };
  const b = queueMetrics(demand, low + 1, options);
  const mix = (x: number, y: number): number =>
    x === Number.POSITIVE_INFINITY || y === Number.POSITIVE_INFINITY
      ? Number.POSITIVE_INFINITY
      : x + weight * (y - x);
  return {
    serviceLevel: mix(a.serviceLevel, b.serviceLevel),
    asaSeconds: mix(a.asaSeconds, b.asaSeconds),
    abandonRate: mix(a.abandonRate, b.abandonRate),
  };
}
