import { checkAgentsAndErlangs, erlangBUnchecked } from './erlangB.js';

/**
 * Erlang C: P(an arriving contact waits) in an M/M/n queue with `agents` servers and `erlangs`
 * offered load (infinite patience).
 *
 * C = n B / (n - A (1 - B)) with B = Erlang B (stable recursion, no factorials); 1 when
 * agents <= erlangs (the queue is unstable: everyone waits). Cost O(agents).
 *
 * @param agents servers, a non-negative integer
 * @param erlangs offered load in Erlangs (>= 0, finite)
 * @returns probability of waiting, 0..1
 * @throws StaffcastError INVALID_INPUT when agents is not a non-negative integer or erlangs is negative or not finite
 * @example
 * erlangC(2, 1); // 0.33333333333333337
 */
export function erlangC(agents: number, erlangs: number): number {
  checkAgentsAndErlangs('erlangC', agents, erlangs);
  return erlangCFromB(agents, erlangs, erlangBUnchecked(agents, erlangs));
}

/**
 * Erlang C from the Erlang B value of the same (agents, erlangs): n B / (n - A (1 - B)), or 1 when
 * agents <= erlangs. Cost O(1).
 *
 * @example
 * erlangCFromB(2, 1, 0.2); // 0.33333333333333337
 */
export function erlangCFromB(agents: number, erlangs: number, erlangB: number): number {
  if (agents <= erlangs) return 1;
  const c = (agents * erlangB) / (agents - erlangs * (1 - erlangB));
  return Math.min(c, 1);
}
