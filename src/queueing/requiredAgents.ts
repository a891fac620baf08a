import { StaffcastError } from '../errors.js';
import { erlangBStep, erlangBUnchecked } from './erlangB.js';
import { evaluateMetrics } from './evaluate.js';
import { meetsTarget } from './meetsTarget.js';
import type { QueueDemand, QueueMetrics, ServiceLevelBasis, StaffingTarget } from './types.js';
import { checkDemand, checkTarget, type QueueParams, toParams } from './validate.js';

/** Default `StaffingTarget.maxAgents`. */
export const DEFAULT_MAX_AGENTS = 100000;
/** Threshold used for the reported service level when the target names none. */
export const DEFAULT_THRESHOLD_SECONDS = 20;

/**
 * The smallest number of agents meeting every target at once (service level on its basis,
 * max ASA, max abandonment, max occupancy), with its metrics. Erlang C needs a stable queue
 * (agents * concurrency > load); any load > 0 needs at least one agent; zero volume needs 0.
 *
 * Every metric is monotone in the agent count, so the search starts at a bound proven not to
 * exceed the answer (Erlang C: the smallest stable count and A / maxOccupancy; Erlang A: A * serviceLevel
 * on the 'offered' basis and A (1 - maxAbandonRate), both because the carried load A (1 - P(abandon))
 * cannot exceed the servers) and never skips the answer. Erlang C walks upwards carrying the
 * Erlang B recursion (O(1) per step after an O(bound) start); Erlang A tests the Erlang C answer as a
 * first guess, gallops upwards from the last failure if needed, then bisects over a table of Erlang B
 * values built incrementally. Cost: O(n) plus O(log n) Erlang A evaluations. A load whose lower
 * bound already exceeds `maxAgents` is TARGET_UNREACHABLE in O(1), so the work is bounded by
 * `maxAgents` x concurrency whatever the volume.
 *
 * @throws StaffcastError INVALID_INPUT for an invalid demand or target (naming `requiredAgents` and the field)
 * @throws StaffcastError TARGET_UNREACHABLE when no count up to `target.maxAgents` (default 100000) meets the target
 * @example
 * requiredAgents({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 },
 *   { serviceLevel: 0.8, thresholdSeconds: 20 }).agents; // 14
 */
export function requiredAgents(demand: QueueDemand, target: StaffingTarget): QueueMetrics {
  const fn = 'requiredAgents';
  checkDemand(fn, demand);
  checkTarget(fn, target);
  return requiredAgentsUnchecked(toParams(demand), target);
}

/**
 * `requiredAgents` for validated parameters (used by the inverse problems and staffing loops).
 *
 * @throws StaffcastError TARGET_UNREACHABLE
 * @example
 * import { toParams } from './validate.js';
 * requiredAgentsUnchecked(toParams({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 }),
 *   { serviceLevel: 0.8, thresholdSeconds: 20 }).agents; // 14
 */
export function requiredAgentsUnchecked(params: QueueParams, target: StaffingTarget): QueueMetrics {
  const threshold = target.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS;
  const basis: ServiceLevelBasis = target.serviceLevelBasis ?? 'offered';
  const maxAgents = target.maxAgents ?? DEFAULT_MAX_AGENTS;
  const a = params.offeredErlangs;
  if (a === 0) return evaluateMetrics(params, 0, 1, threshold, basis);
  const found: Found = { agents: -1 };
  if (params.patienceSeconds === undefined)
    searchErlangC(params, target, maxAgents, (servers) => erlangBUnchecked(servers, a), found);
  else searchErlangA(params, target, maxAgents, found);
  if (found.agents < 0) {
    throw new StaffcastError(
      'TARGET_UNREACHABLE',
      `requiredAgents: no agent count up to maxAgents ${maxAgents} meets the target (load ${a.toPrecision(6)} Erlangs)`,
      { maxAgents, offeredErlangs: a },
    );
  }
  // Erlang B afresh (O(n)), so the result equals queueMetrics(demand, agents) to the last bit
  const agents = found.agents;
  return evaluateMetrics(params, agents, erlangBUnchecked(agents * params.concurrency, a), threshold, basis);
}

/** How far above its start the Erlang B table is extended for the Erlang C guess. */
const TABLE_REACH = 100000;

/** A search result: the smallest agents meeting the target (-1: none). */
interface Found {
  agents: number;
}

/** Erlang C: walks up from the smallest stable count carrying the Erlang B recursion. */
function searchErlangC(
  p: QueueParams,
  target: StaffingTarget,
  maxAgents: number,
  erlangBAt: (servers: number) => number,
  found: Found,
): void {
  found.agents = -1;
  const a = p.offeredErlangs;
  const c = p.concurrency;
  // occupancy a / servers > 0 never meets a cap of 0
  if (target.maxOccupancy === 0) return;
  // stability needs servers > a; the occupancy cap servers >= a / maxOccupancy (one below, for rounding)
  let lo = Math.max(1, Math.floor(a / c));
  if (target.maxOccupancy !== undefined) lo = Math.max(lo, Math.floor(a / (c * target.maxOccupancy)) - 1);
  // the answer is at least lo: beyond maxAgents, unreachable without any Erlang B step
  if (lo > maxAgents) return;
  const threshold = target.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS;
  const s = target.serviceLevel;
  const asaMax = target.maxAsaSeconds;
  const occMax = target.maxOccupancy;
  let servers = lo * c;
  let b = erlangBAt(servers);
  for (let n = lo; n <= maxAgents; n++) {
    if (n > lo) for (let k = 0; k < c; k++) b = erlangBStep(b, ++servers, a);
    if (servers <= a) continue;
    if (occMax !== undefined && !(a / servers <= occMax)) continue;
    const gap = servers - a;
    let pw = (servers * b) / (servers - a * (1 - b));
    if (pw > 1) pw = 1;
    if (s !== undefined && !(1 - pw * Math.exp((-gap * threshold) / p.ahtSeconds) >= s)) continue;
    if (asaMax !== undefined && !((pw * p.ahtSeconds) / gap <= asaMax)) continue;
    found.agents = n;
    return;
  }
}

/**
 * Erlang A: from a proven lower bound, tries the Erlang C answer, gallops up from the last failure if
 * needed, then bisects; Erlang B values come from one incremental table.
 */
function searchErlangA(p: QueueParams, target: StaffingTarget, maxAgents: number, found: Found): void {
  found.agents = -1;
  const a = p.offeredErlangs;
  const c = p.concurrency;
  const threshold = target.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS;
  const basis: ServiceLevelBasis = target.serviceLevelBasis ?? 'offered';
  // carried load A (1 - P(ab)) <= servers gives SL_offered <= servers / A and P(ab) >= 1 - servers / A
  let bound = 0;
  if (target.serviceLevel !== undefined && basis === 'offered')
    bound = Math.max(bound, (a * target.serviceLevel) / c);
  if (target.maxAbandonRate !== undefined) bound = Math.max(bound, (a * (1 - target.maxAbandonRate)) / c);
  const lo = Math.max(1, Math.floor(bound * (1 - 1e-12)));
  if (lo > maxAgents) return;
  // Erlang B table over servers lo*c .. , extended on demand
  const table = new BTable(lo * c, a);
  const test = (n: number): boolean =>
    meetsTarget(evaluateMetrics(p, n, table.at(n * c), threshold, basis), target);
  if (test(lo)) {
    found.agents = lo;
    return;
  }
  let fail = lo;
  let step = 1;
  let pass = -1;
  // a first guess: the Erlang C answer (patience only helps the service level, so it usually passes);
  // its start (servers >= load >= lo * c) is read from the same table unless far above it
  const fromTable = (servers: number): number =>
    servers - lo * c <= TABLE_REACH ? table.at(servers) : erlangBUnchecked(servers, a);
  searchErlangC(p, target, maxAgents, fromTable, found);
  const guess = found.agents;
  found.agents = -1;
  if (guess > fail) {
    if (test(guess)) pass = guess;
    else fail = guess;
  }
  while (pass < 0) {
    const n = Math.min(maxAgents, fail + step);
    if (n <= fail) return;
    if (test(n)) pass = n;
    else {
      fail = n;
      step *= 2;
    }
  }
  while (pass - fail > 1) {
    const mid = fail + Math.floor((pass - fail) / 2);
    if (test(mid)) pass = mid;
    else fail = mid;
  }
  found.agents = pass;
}

/** Erlang B values for servers first.., computed incrementally and kept for bisection. */
class BTable {
  private values: Float64Array;
  private count = 1;
  constructor(
    private readonly first: number,
    private readonly erlangs: number,
  ) {
    this.values = new Float64Array(64);
    this.values[0] = erlangBUnchecked(first, erlangs);
  }
  at(servers: number): number {
    const i = servers - this.first;
    while (this.count <= i) {
      if (this.count === this.values.length) {
        const grown = new Float64Array(this.values.length * 2);
        grown.set(this.values);
        this.values = grown;
      }
      this.values[this.count] = erlangBStep(
        this.values[this.count - 1]!,
        this.first + this.count,
        this.erlangs,
      );
      this.count++;
    }
    return this.values[i]!;
  }
}
