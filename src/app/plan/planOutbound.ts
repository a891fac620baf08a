import type { PlanConfig } from '../../schemas/planConfig.js';
import { type OutboundCapacity, outboundCapacity } from '../../staffing/outboundCapacity.js';
import type { StaffingPlan } from '../../staffing/staffingPlan.js';

/**
 * The outbound work of a plan: with the config's `outbound` (handle time, usable share), the
 * on-phone agent-time the schedule gives beyond the requirement of each interval and the outbound
 * calls that fit into it, `outboundCapacity(requirement.agents, onPhoneAgents)`; null without
 * `outbound`. Cost O(intervals).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` from `outboundCapacity` (arrays of different lengths).
 * @example
 * // r: plan of examples/plan-queues.json (no outbound in the config)
 * planOutbound({ ...r.config, outbound: { ahtSeconds: 300, maxOccupancy: 1 } }, r.requirement, r.onPhoneAgents)
 *   ?.totalCalls; // 2593 (per 30-minute interval, floor(spare agents x 1800 / 300))
 * planOutbound(r.config, r.requirement, r.onPhoneAgents); // null
 */
export function planOutbound(
  cfg: PlanConfig,
  requirement: StaffingPlan,
  onPhoneAgents: ArrayLike<number>,
): OutboundCapacity | null {
  if (cfg.outbound === undefined) return null;
  return outboundCapacity(requirement.agents, onPhoneAgents, {
    ahtSeconds: cfg.outbound.ahtSeconds,
    intervalMinutes: requirement.intervalMinutes,
    maxOccupancy: cfg.outbound.maxOccupancy,
  });
}
