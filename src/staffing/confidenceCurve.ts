import { invalidInput } from '../errors.js';
import type { Forecast } from '../forecast/types.js';
import { type ConfidenceStaffingPlan, confidenceStaffing } from './confidenceStaffing.js';
import type { StaffingPlanOptions } from './staffingPlan.js';

/** The cost of one confidence level. */
export interface ConfidencePoint {
  /** The confidence (probability that each day meets the service-level target). */
  confidence: number;
  /** Agent-hours on the phones. */
  agentHours: number;
  /** Scheduled agent-hours (after shrinkage): what shifts must cover, the driver of paid hours. */
  scheduledAgentHours: number;
  /** scheduledAgentHours / mean staffing's - 1 (0.068 = +6.8 %). */
  premium: number;
  /** The lowest P(day service level >= target) over the days of the horizon. */
  worstDayProbability: number;
}

/**
 * The premium of staffing to each of several confidences over mean staffing (the cost-vs-confidence
 * curve of the report): `confidenceStaffing` at every level, ascending, reusing `plan` (one of
 * them already computed, e.g. the plan's own level) when its level is among them. Requirement
 * only: shifts are not re-solved, so the premium is in scheduled agent-hours (paid hours follow
 * them up to the shift rules' efficiency). Cost: one `confidenceStaffing` per level.
 *
 * @throws StaffcastError `INVALID_INPUT` for an empty or invalid level; those of `confidenceStaffing`.
 * @example
 * // 4 half-hours of 100 calls, a day effect of s = 0.1, 80/20 at 180 s handle time, no shrinkage
 * const forecast = { timeZone: 'UTC', intervalMinutes: 30, starts: Float64Array.from([0, 1, 2, 3], (i) => 9 * 3600e3 + i * 1800e3),
 *   calls: Float64Array.of(100, 100, 100, 100), dayLogSd: Float64Array.of(0.1, 0.1, 0.1, 0.1) };
 * confidenceCurve(forecast, { target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 180 }, [0.9, 0.5])
 *   .map((p) => [p.confidence, p.scheduledAgentHours, p.premium]);
 * // [[0.5, 26, -0.0714285714285714], [0.9, 30, 0.0714285714285714]] (the mean plan: 14 agents x 2 h; 13 at 50 %, the median day still meets 80/20; 15 at 90 %)
 */
export function confidenceCurve(
  forecast: Forecast,
  options: StaffingPlanOptions,
  levels: readonly number[],
  plan?: ConfidenceStaffingPlan,
): ConfidencePoint[] {
  if (levels.length === 0)
    invalidInput('confidenceCurve', 'levels', 'must name at least one confidence', '[]');
  const sorted = [...new Set(levels)].sort((a, b) => a - b);
  return sorted.map((confidence) => {
    const p =
      plan !== undefined && plan.confidence.level === confidence
        ? plan
        : confidenceStaffing(forecast, { ...options, confidence });
    const c = p.confidence;
    return {
      confidence,
      agentHours: p.agentHours,
      scheduledAgentHours: c.scheduledAgentHours,
      premium: c.meanScheduledAgentHours > 0 ? c.scheduledAgentHours / c.meanScheduledAgentHours - 1 : 0,
      worstDayProbability: c.days.reduce((w, d) => Math.min(w, d.probability), 1),
    };
  });
}
