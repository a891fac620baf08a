import { invalidInput } from '../errors.js';
import { checkAgentsAndErlangs, erlangBUnchecked } from './erlangB.js';
import { MAX_AGENTS_LIMIT } from './limits.js';

/** Result of `extendedErlangB`. */
export interface ExtendedErlangBResult {
  /** Blocking probability at the equilibrium load, 0..1. */
  blocking: number;
  /** Offered load including retrials, in Erlangs (>= the fresh load). */
  offeredErlangs: number;
}

/**
 * Extended Erlang B: a loss system whose blocked callers retry with probability `retryFraction`,
 * so the offered load grows until it is self-consistent:
 *
 *   A = A0 + r · A · B(n, A)
 *
 * (Jewett, Shrago and Yomtov, "Designing Optimal Voice Networks", 1980; the "Extended Erlang B"
 * of common traffic tables). `A · B(n, A)` is the lost traffic, whose slope in A is at most 1, so
 * g(A) = A - A0 - r·A·B(n, A) has slope >= 1 - r > 0: the root is unique and lies in
 * [A0, A0 / (1 - r)]. It is found by bisection to full double precision (about 60 halvings, each one
 * Erlang B recursion). Cost O(60 · agents).
 *
 * @param agents trunks or agents, an integer 0..`MAX_AGENTS_LIMIT` (each of the ~60 bisection steps is O(agents))
 * @param baseErlangs fresh offered load in Erlangs (>= 0)
 * @param retryFraction share of blocked callers who retry, 0 <= r < 1
 * @throws StaffcastError INVALID_INPUT when agents, baseErlangs or retryFraction is out of range
 * @example
 * extendedErlangB(1000, 1500, 0.2); // { blocking: 0.3857412094457759, offeredErlangs: 1625.3964808721025 }
 * extendedErlangB(2, 1, 0).blocking; // 0.2 (no retrials: plain Erlang B)
 */
export function extendedErlangB(
  agents: number,
  baseErlangs: number,
  retryFraction: number,
): ExtendedErlangBResult {
  checkAgentsAndErlangs('extendedErlangB', agents, baseErlangs);
  if (agents > MAX_AGENTS_LIMIT)
    invalidInput('extendedErlangB', 'agents', `must be at most ${MAX_AGENTS_LIMIT}`, agents);
  if (!(retryFraction >= 0 && retryFraction < 1)) {
    invalidInput('extendedErlangB', 'retryFraction', 'must be in [0, 1)', retryFraction);
  }
  if (baseErlangs === 0) return { blocking: agents === 0 ? 1 : 0, offeredErlangs: 0 };
  const excess = (load: number) => load - baseErlangs - retryFraction * load * erlangBUnchecked(agents, load);
  let low = baseErlangs;
  let high = baseErlangs / (1 - retryFraction);
  for (let i = 0; i < 200 && high - low > Number.EPSILON * high; i++) {
    const mid = 0.5 * (low + high);
    if (mid <= low || mid >= high) break;
    if (excess(mid) > 0) high = mid;
    else low = mid;
  }
  const offeredErlangs = 0.5 * (low + high);
  return { blocking: erlangBUnchecked(agents, offeredErlangs), offeredErlangs };
}
