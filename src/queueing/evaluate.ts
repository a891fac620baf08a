import { erlangAUnchecked } from './erlangA.js';
import { erlangCFromB } from './erlangC.js';
import type { QueueMetrics, ServiceLevelBasis } from './types.js';
import type { QueueParams } from './validate.js';

/**
 * The metrics of `agents` agents for validated parameters, given the Erlang B value of
 * (agents * concurrency servers, offered load). No validation: the inner step of `queueMetrics`,
 * `requiredAgents` and the inverse problems. Cost O(1) for Erlang C, O(terms) for Erlang A
 * (see `erlangAUnchecked`).
 *
 * Erlang C (servers m > A): P(wait) = C, SL = 1 - C e^{-(m - A) t / aht}, ASA = C aht / (m - A),
 * occupancy = A / m; unstable (m <= A): P(wait) = 1, SL = 0, ASA = Infinity, occupancy = 1.
 * Zero load: P(wait) = 0, SL = 1, ASA = 0, occupancy = 0, stable.
 *
 * @example
 * evaluateMetrics({ lambda: 1 / 18, ahtSeconds: 180, patienceSeconds: undefined, concurrency: 1, offeredErlangs: 10 },
 *   14, 0.05681914338652086, 20, 'offered').serviceLevel; // 0.8883500191794669
 */
export function evaluateMetrics(
  params: QueueParams,
  agents: number,
  erlangB: number,
  thresholdSeconds: number,
  basis: ServiceLevelBasis,
): QueueMetrics {
  const servers = agents * params.concurrency;
  const a = params.offeredErlangs;
  const patience = params.patienceSeconds;
  if (patience === undefined) {
    if (a === 0) return clean('erlang-c', agents, a);
    if (servers <= a) {
      return {
        model: 'erlang-c',
        agents,
        offeredErlangs: a,
        probWait: 1,
        serviceLevel: 0,
        asaSeconds: Number.POSITIVE_INFINITY,
        abandonRate: 0,
        occupancy: servers > 0 ? 1 : 0,
        stable: false,
      };
    }
    const c = erlangCFromB(servers, a, erlangB);
    const gap = servers - a;
    return {
      model: 'erlang-c',
      agents,
      offeredErlangs: a,
      probWait: c,
      serviceLevel: Math.max(0, 1 - c * Math.exp((-gap * thresholdSeconds) / params.ahtSeconds)),
      asaSeconds: (c * params.ahtSeconds) / gap,
      abandonRate: 0,
      occupancy: a / servers,
      stable: true,
    };
  }
  if (a === 0) return clean('erlang-a', agents, a);
  const r = erlangAUnchecked(servers, params.lambda, params.ahtSeconds, patience, thresholdSeconds, erlangB);
  const serviceLevel =
    basis === 'offered'
      ? r.serviceLevelOffered
      : basis === 'virtualWait'
        ? r.serviceLevelVirtualWait
        : r.serviceLevelExcludeShortAbandons;
  const occupancy = servers > 0 ? Math.min(1, (a * (1 - r.abandonRate)) / servers) : 0;
  return {
    model: 'erlang-a',
    agents,
    offeredErlangs: a,
    probWait: r.probWait,
    serviceLevel,
    asaSeconds: r.asaSeconds,
    abandonRate: r.abandonRate,
    occupancy,
    stable: true,
  };
}

function clean(model: QueueMetrics['model'], agents: number, a: number): QueueMetrics {
  return {
    model,
    agents,
    offeredErlangs: a,
    probWait: 0,
    serviceLevel: 1,
    asaSeconds: 0,
    abandonRate: 0,
    occupancy: 0,
    stable: true,
  };
}
