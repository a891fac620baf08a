import { invalidInput } from '../errors.js';
import { MAX_AGENTS_LIMIT, MAX_CONCURRENCY } from './limits.js';

/** Most servers (trunks) the public Erlang functions take: every agent of a staffing search, each with full concurrency. */
const MAX_SERVERS = MAX_AGENTS_LIMIT * MAX_CONCURRENCY;

/**
 * Erlang B: the blocking probability of an M/M/n/n loss system with `agents` servers and
 * `erlangs` offered load.
 *
 * Computed by the stable forward recursion B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)),
 * which never forms a factorial or a power, so it neither overflows nor loses accuracy for
 * any n and A (relative error about n * 1e-16). Cost O(agents).
 *
 * @param agents servers, a non-negative integer
 * @param erlangs offered load in Erlangs (>= 0, finite)
 * @returns blocking probability in 0..1 (1 with no agents)
 * @throws StaffcastError INVALID_INPUT when agents is not a non-negative integer or erlangs is negative or not finite
 * @example
 * erlangB(2, 1); // 0.2
 */
export function erlangB(agents: number, erlangs: number): number {
  checkAgentsAndErlangs('erlangB', agents, erlangs);
  return erlangBUnchecked(agents, erlangs);
}

/**
 * Erlang B without validation, for inner loops (the recursion of `erlangB`, carried on 1/B to avoid a
 * division per step). Cost O(agents).
 *
 * @example
 * erlangBUnchecked(1, 1); // 0.5
 */
export function erlangBUnchecked(agents: number, erlangs: number): number {
  if (agents === 0) return 1;
  if (erlangs === 0) return 0;
  // the same recursion on 1/B: 1/B(k) = 1 + (k / A) / B(k - 1), one multiply-add per step (no division);
  // it may overflow to Infinity only when B < 1e-308, which then correctly gives 0
  const inverseLoad = 1 / erlangs;
  let inverse = 1;
  for (let k = 1; k <= agents; k++) inverse = 1 + inverse * (k * inverseLoad);
  return 1 / inverse;
}

/**
 * One step of the Erlang B recursion: B(k) from B(k - 1). Lets a search over agents carry the
 * recursion instead of restarting it. Cost O(1).
 *
 * @example
 * erlangBStep(1, 1, 1); // 0.5 (B(1) for 1 Erlang)
 */
export function erlangBStep(previous: number, k: number, erlangs: number): number {
  const ab = erlangs * previous;
  return ab / (k + ab);
}

/**
 * Validates the (agents, erlangs) pair of the public Erlang functions: agents (servers) an integer
 * 0..`MAX_AGENTS_LIMIT` x `MAX_CONCURRENCY` (1e8: the most servers any staffing evaluates; the
 * recursion is O(agents)), erlangs finite >= 0.
 *
 * @throws StaffcastError INVALID_INPUT naming `fn` and the field
 * @example
 * checkAgentsAndErlangs('erlangB', 2, 1); // returns undefined
 * checkAgentsAndErlangs('erlangB', -1, 1); // throws "erlangB: agents must be a non-negative integer (got -1)"
 */
export function checkAgentsAndErlangs(fn: string, agents: number, erlangs: number): void {
  if (!Number.isInteger(agents) || agents < 0)
    invalidInput(fn, 'agents', 'must be a non-negative integer', agents);
  if (agents > MAX_SERVERS) invalidInput(fn, 'agents', `must be at most ${MAX_SERVERS}`, agents);
  if (!Number.isFinite(erlangs) || erlangs < 0)
    invalidInput(fn, 'erlangs', 'must be a finite number >= 0', erlangs);
}
