import { erlangBUnchecked } from './erlangB.js';
import { evaluateMetrics } from './evaluate.js';
import { MAX_AHT_SECONDS, MAX_ARRIVALS_PER_PATIENCE, MAX_CALLS_PER_SECOND } from './limits.js';
import { meetsTarget } from './meetsTarget.js';
import { DEFAULT_THRESHOLD_SECONDS } from './requiredAgents.js';
import type { QueueDemand, StaffingTarget } from './types.js';
import { checkAgents, checkDemand, checkTarget, toParams } from './validate.js';

const RELATIVE_TOLERANCE = 1e-10;
/** Erlang A: a target still met at this load per server (Erlangs) counts as never broken. */
const MAX_LOAD_PER_SERVER = 1e4;

/**
 * The most contacts per interval that `agents` agents take while meeting every target (service
 * level, max ASA, max abandonment, max occupancy): the inverse of `requiredAgents`.
 *
 * Every metric worsens as volume grows, so the answer is found by bisection on callsPerInterval
 * (to 1e-10 relative, well inside the promised 1e-6) between 0 and the first failing volume
 * (Erlang C: the stability limit agents * concurrency * intervalMinutes * 60 / ahtSeconds; Erlang A:
 * found by doubling). Cost about 40 evaluations, each O(agents * concurrency).
 *
 * @param agents agents on the phones (non-negative integer)
 * @param demand the demand without `callsPerInterval`
 * @param target what must hold (as in `requiredAgents`; `maxAgents` is ignored)
 * @returns calls per interval; 0 with no agents; `Infinity` when, with patience, the target still holds
 *   at 10,000 Erlangs per server or at the highest volume the queueing functions accept
 *   (`MAX_CALLS_PER_SECOND`, `MAX_ARRIVALS_PER_PATIENCE`; only an ASA target, or none, can be so)
 * @throws StaffcastError INVALID_INPUT naming `maxCallsPerInterval` and the field
 * @example
 * maxCallsPerInterval(14, { intervalMinutes: 30, ahtSeconds: 180 }, { serviceLevel: 0.8, thresholdSeconds: 20 });
 * // 108.68491355795413 (40-digit reference 108.68491355955685)
 */
export function maxCallsPerInterval(
  agents: number,
  demand: Omit<QueueDemand, 'callsPerInterval'>,
  target: StaffingTarget,
): number {
  const fn = 'maxCallsPerInterval';
  checkDemand(fn, demand, 'callsPerInterval');
  checkAgents(fn, agents);
  checkTarget(fn, target);
  const servers = agents * (demand.concurrency ?? 1);
  const ok = (calls: number): boolean => passes({ ...demand, callsPerInterval: calls }, agents, target);
  const capacity = (demand.intervalMinutes * 60) / demand.ahtSeconds; // calls per interval per server
  const start = servers * capacity;
  if (demand.patienceSeconds === undefined) return supremum(ok, start, start);
  const seconds = demand.intervalMinutes * 60;
  const admissible =
    Math.min(MAX_CALLS_PER_SECOND, MAX_ARRIVALS_PER_PATIENCE / demand.patienceSeconds) * seconds;
  const limit = Math.min(MAX_LOAD_PER_SERVER * Math.max(1, servers) * capacity, admissible / 2);
  return supremum(ok, Math.min(Math.max(1, start), limit), limit);
}

/**
 * The longest mean handle time (seconds) with which `agents` agents meet every target at the given
 * volume: bisection on ahtSeconds as in `maxCallsPerInterval` (to 1e-10 relative). Cost about 40
 * evaluations, each O(agents * concurrency).
 *
 * @param agents agents on the phones (non-negative integer)
 * @param demand the demand without `ahtSeconds`
 * @param target what must hold (as in `requiredAgents`)
 * @returns seconds; `Infinity` with zero volume or when, with patience, the target still holds at
 *   10,000 Erlangs per server or at `MAX_AHT_SECONDS`; 0 with no agents
 * @throws StaffcastError INVALID_INPUT naming `maxAhtSeconds` and the field
 * @example
 * maxAhtSeconds(14, { callsPerInterval: 100, intervalMinutes: 30 }, { serviceLevel: 0.8, thresholdSeconds: 20 });
 * // 194.86430533672683
 */
export function maxAhtSeconds(
  agents: number,
  demand: Omit<QueueDemand, 'ahtSeconds'>,
  target: StaffingTarget,
): number {
  const fn = 'maxAhtSeconds';
  checkDemand(fn, demand, 'ahtSeconds');
  checkAgents(fn, agents);
  checkTarget(fn, target);
  if (demand.callsPerInterval === 0) return Number.POSITIVE_INFINITY;
  const servers = agents * (demand.concurrency ?? 1);
  const ok = (aht: number): boolean => passes({ ...demand, ahtSeconds: aht }, agents, target);
  const ahtAtLoadOne = (demand.intervalMinutes * 60) / demand.callsPerInterval; // seconds per Erlang
  const start = servers * ahtAtLoadOne;
  if (demand.patienceSeconds === undefined) return supremum(ok, start, start);
  const limit = Math.min(MAX_LOAD_PER_SERVER * Math.max(1, servers) * ahtAtLoadOne, MAX_AHT_SECONDS / 2);
  return supremum(ok, Math.min(Math.max(1, start), limit), limit);
}

function passes(demand: QueueDemand, agents: number, target: StaffingTarget): boolean {
  const p = toParams(demand);
  const threshold = target.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS;
  const m = evaluateMetrics(
    p,
    agents,
    erlangBUnchecked(agents * p.concurrency, p.offeredErlangs),
    threshold,
    target.serviceLevelBasis ?? 'offered',
  );
  return meetsTarget(m, target);
}

/**
 * sup { v > 0 : ok(v) } for a predicate true near 0 and false from some point on: doubles from `start`
 * until ok fails (Infinity if it still holds beyond `limit`), then bisects.
 */
function supremum(ok: (v: number) => boolean, start: number, limit: number): number {
  if (!(start > 0)) return 0;
  let lo = 0;
  let hi = start;
  while (ok(hi)) {
    if (hi >= limit) return Number.POSITIVE_INFINITY;
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > RELATIVE_TOLERANCE * hi) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
