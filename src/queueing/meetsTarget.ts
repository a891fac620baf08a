import type { QueueMetrics, StaffingTarget } from './types.js';

/**
 * True when `metrics` meet every target given in `target`: zero load always does; otherwise at least
 * one agent and a stable queue, serviceLevel >= target.serviceLevel, asaSeconds <= maxAsaSeconds,
 * abandonRate <= maxAbandonRate and occupancy <= maxOccupancy. No validation. Cost O(1).
 *
 * @example
 * meetsTarget({ model: 'erlang-c', agents: 14, offeredErlangs: 10, probWait: 0.17, serviceLevel: 0.89,
 *   asaSeconds: 7.8, abandonRate: 0, occupancy: 0.71, stable: true }, { serviceLevel: 0.8, thresholdSeconds: 20 }); // true
 */
export function meetsTarget(metrics: QueueMetrics, target: StaffingTarget): boolean {
  if (metrics.offeredErlangs === 0) return true;
  if (!metrics.stable || metrics.agents < 1) return false;
  if (target.serviceLevel !== undefined && !(metrics.serviceLevel >= target.serviceLevel)) return false;
  if (target.maxAsaSeconds !== undefined && !(metrics.asaSeconds <= target.maxAsaSeconds)) return false;
  if (target.maxAbandonRate !== undefined && !(metrics.abandonRate <= target.maxAbandonRate)) return false;
  if (target.maxOccupancy !== undefined && !(metrics.occupancy <= target.maxOccupancy)) return false;
  return true;
}
