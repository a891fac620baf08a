import { invalidInput } from '../errors.js';
import type { GridOptions } from '../time/gridOptions.js';

/** Options of `outboundCapacity` (`intervalMinutes`: the interval length, > 0). */
export interface OutboundCapacityOptions extends Required<Pick<GridOptions, 'intervalMinutes'>> {
  /** Mean handle time of one outbound call in seconds (> 0), dialling and wrap-up included. */
  ahtSeconds: number;
  /**
   * Shrinkage of the scheduled agents in [0, 1): scheduled heads x (1 - shrinkage) are on the
   * phones. Default 0: `scheduled` already counts productive agents.
   */
  shrinkage?: number;
  /** Share of spare time usable for outbound (dialling efficiency, breathing room), in (0, 1]. Default 1. */
  maxOccupancy?: number;
}

/**
 * @deprecated Use {@link OutboundCapacityOptions} (the `<function>Options` name of `outboundCapacity`); kept for existing
 * imports of the public API.
 */
export type OutboundOptions = OutboundCapacityOptions;

/** Outbound capacity per interval and in total. */
export interface OutboundCapacity {
  /** Productive agents beyond what inbound needs: max(0, scheduled x (1 - shrinkage) - required). */
  spareAgents: Float64Array;
  /** Spare agent-seconds usable for outbound: spareAgents x interval seconds x maxOccupancy. */
  spareAgentSeconds: Float64Array;
  /** Whole outbound calls that fit: floor(spareAgentSeconds / ahtSeconds). */
  calls: Float64Array;
  /** Agents missing for inbound where scheduled x (1 - shrinkage) < required (else 0). */
  shortAgents: Float64Array;
  /** Sum of `calls` over the intervals (calls do not span intervals). */
  totalCalls: number;
  /** Sum of `spareAgentSeconds` / 3600. */
  totalSpareAgentHours: number;
}

/**
 * Outbound capacity in quiet periods: the agent-time scheduled beyond what inbound needs for its
 * target, and how many outbound calls of `ahtSeconds` fit into it, per interval and in total.
 * Per interval i: spare_i = max(0, scheduled_i (1 - shrinkage) - required_i);
 * calls_i = floor(spare_i x 60 x intervalMinutes x maxOccupancy / ahtSeconds). Cost O(n).
 *
 * @throws StaffcastError `INVALID_INPUT` for arrays of different lengths, a negative or
 *   non-finite agent count, a non-positive handle time or interval, or fractions out of range.
 * @example
 * outboundCapacity([3, 5], [5, 5], { ahtSeconds: 300, intervalMinutes: 30 }).calls;
 * // Float64Array [12, 0] (2 spare agents x 1800 s / 300 s)
 */
export function outboundCapacity(
  requiredAgents: ArrayLike<number>,
  scheduledAgents: ArrayLike<number>,
  options: OutboundCapacityOptions,
): OutboundCapacity {
  const fn = 'outboundCapacity';
  const { ahtSeconds, intervalMinutes } = options;
  const shrinkage = options.shrinkage ?? 0;
  const maxOccupancy = options.maxOccupancy ?? 1;
  if (!(ahtSeconds > 0) || !Number.isFinite(ahtSeconds))
    invalidInput(fn, 'ahtSeconds', 'must be a number > 0', ahtSeconds);
  if (!(intervalMinutes > 0) || !Number.isFinite(intervalMinutes))
    invalidInput(fn, 'intervalMinutes', 'must be a number > 0', intervalMinutes);
  if (!(shrinkage >= 0 && shrinkage < 1))
    invalidInput(fn, 'shrinkage', 'must be a fraction in [0, 1)', shrinkage);
  if (!(maxOccupancy > 0 && maxOccupancy <= 1))
    invalidInput(fn, 'maxOccupancy', 'must be a fraction in (0, 1]', maxOccupancy);
  const n = requiredAgents.length;
  if (scheduledAgents.length !== n)
    invalidInput(fn, 'scheduledAgents', `must have one value per interval (${n})`, scheduledAgents.length);
  const spareAgents = new Float64Array(n);
  const spareAgentSeconds = new Float64Array(n);
  const calls = new Float64Array(n);
  const shortAgents = new Float64Array(n);
  const seconds = intervalMinutes * 60 * maxOccupancy;
  let totalCalls = 0;
  let totalSeconds = 0;
  for (let i = 0; i < n; i++) {
    const need = requiredAgents[i]!;
    const have = scheduledAgents[i]!;
    if (!(need >= 0) || !Number.isFinite(need))
      invalidInput(fn, `requiredAgents[${i}]`, 'must be a finite number >= 0', need);
    if (!(have >= 0) || !Number.isFinite(have))
      invalidInput(fn, `scheduledAgents[${i}]`, 'must be a finite number >= 0', have);
    const diff = have * (1 - shrinkage) - need;
    const spare = Math.max(0, diff);
    spareAgents[i] = spare;
    shortAgents[i] = Math.max(0, -diff);
    const s = spare * seconds;
    spareAgentSeconds[i] = s;
    // tolerance: 2 spare agents x 1800 s / 300 s is 12 calls even after rounding noise
    const c = Math.floor(s / ahtSeconds + 1e-9);
    calls[i] = c;
    totalCalls += c;
    totalSeconds += s;
  }
  return {
    spareAgents,
    spareAgentSeconds,
    calls,
    shortAgents,
    totalCalls,
    totalSpareAgentHours: totalSeconds / 3600,
  };
}
