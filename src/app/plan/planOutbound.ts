import type { PlanConfig } from '../../schemas/planConfig.js';
import { type OutboundCapacity, outboundCapacity } from '../../staffing/outboundCapacity.js';
import type { StaffingPlan } from '../../staffing/staffingPlan.js';

/**
 * The outbound work of a plan: with the config's `outbound` (handle time, usable share), the
 * on-phone agent-time the schedule gives beyond the requirement of each interval and the outbound
 * calls that fit into it, `outboundCapacity(requirement.agents, onPhoneAgents)`; null without
 * `outbound`. Cost O(intervals).
 *
 * @throws StaffcastError `INVALID_INPUT` from `outboundCapacity` (arrays of different lengths).
 * @example
 * // two half hours requiring 3 and 5 agents, with 5 on the phones in each
 * const requirement = { agents: Float64Array.of(3, 5), intervalMinutes: 30 };
 * planOutbound({ outbound: { ahtSeconds: 300, maxOccupancy: 1 } }, requirement, [5, 5])?.totalCalls;
 * // 12 (per interval floor(spare agents x 1800 / 300): 12 and 0)
 * planOutbound({}, requirement, [5, 5]); // null (no outbound in the config)
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
