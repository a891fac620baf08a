import { invalidInput } from '../errors.js';

/**
 * Agents to schedule so that `agents` remain on the phones after shrinkage (breaks, training,
 * absence): ceil(agents / (1 - shrinkage)). The quotient is reduced by a relative 1e-9 before the
 * ceiling so that floating-point noise does not add an agent (2 / (1 - 0.8) = 10.000000000000002
 * gives 10). Cost O(1).
 *
 * @param agents agents needed on the phones (finite, >= 0)
 * @param shrinkage fraction of paid time not on the phones, 0 <= shrinkage < 1
 * @throws StaffcastError INVALID_INPUT "applyShrinkage: shrinkage must be a fraction in [0, 1) (got 1)" and likewise for agents
 * @example
 * applyShrinkage(10, 0.3); // 15
 * applyShrinkage(2, 0.8); // 10
 */
export function applyShrinkage(agents: number, shrinkage: number): number {
  if (typeof agents !== 'number' || !Number.isFinite(agents) || agents < 0)
    invalidInput('applyShrinkage', 'agents', 'must be a finite number >= 0', agents);
  if (typeof shrinkage !== 'number' || !(shrinkage >= 0 && shrinkage < 1))
    invalidInput('applyShrinkage', 'shrinkage', 'must be a fraction in [0, 1)', shrinkage);
  const q = agents / (1 - shrinkage);
  return Math.max(0, Math.ceil(q - 1e-9 * Math.max(1, q)));
}
