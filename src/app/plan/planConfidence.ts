import type { Forecast } from '../../forecast/types.js';
import { type ConfidencePoint, confidenceCurve } from '../../staffing/confidenceCurve.js';
import type { ConfidenceDay, ConfidenceStaffingPlan } from '../../staffing/confidenceStaffing.js';
import type { StaffingPlanOptions } from '../../staffing/staffingPlan.js';

/** The confidences of the report's cost-vs-confidence curve (the plan's own level is added). */
export const CONFIDENCE_CURVE_LEVELS: readonly number[] = [0.5, 0.8, 0.9, 0.95];

/** What a plan with `target.confidence` reports about it (summary.json `summary.confidence`). */
export interface PlanConfidenceSummary {
  /** The confidence of the config. */
  level: number;
  /** Scheduled agent-hours (after shrinkage) of mean staffing. */
  meanScheduledAgentHours: number;
  /** Scheduled agent-hours of the plan's requirement. */
  scheduledAgentHours: number;
  /** scheduledAgentHours / meanScheduledAgentHours - 1. */
  premium: number;
  /** The premium in words, e.g. `'90% confidence: +6.8% scheduled agent-hours over mean staffing'`. */
  line: string;
  /** Per local day: its day uncertainty, the multiplier staffed for and P(day meets the target). */
  days: ConfidenceDay[];
  /** Requirement at each of `CONFIDENCE_CURVE_LEVELS` and the plan's level (shifts not re-solved). */
  curve: ConfidencePoint[];
}

/**
 * The confidence figures of a plan staffed with `confidenceStaffing`: its premium over mean
 * staffing in scheduled agent-hours (the requirement the shifts cover; paid hours follow it up to
 * the shift rules' efficiency) and the curve over `CONFIDENCE_CURVE_LEVELS` (`confidenceCurve`,
 * one staffing per level, no scheduling). Cost: 4 `confidenceStaffing` runs.
 *
 * @internal
 * @example
 * import { confidenceStaffing } from '../../staffing/confidenceStaffing.js';
 * // 4 half-hours of 100 calls, a day effect of s = 0.1, 80/20 at 180 s handle time
 * const forecast = { timeZone: 'UTC', intervalMinutes: 30, starts: Float64Array.from([0, 1, 2, 3], (i) => 9 * 3600e3 + i * 1800e3),
 *   calls: Float64Array.of(100, 100, 100, 100), dayLogSd: Float64Array.of(0.1, 0.1, 0.1, 0.1) };
 * const options = { target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 180 };
 * const s = planConfidence(forecast, options, confidenceStaffing(forecast, { ...options, confidence: 0.9 }));
 * s.line; // '90% confidence: +7.1% scheduled agent-hours over mean staffing'
 * s.curve.map((p) => p.confidence); // [0.5, 0.8, 0.9, 0.95]
 */
export function planConfidence(
  forecast: Forecast,
  options: StaffingPlanOptions,
  plan: ConfidenceStaffingPlan,
): PlanConfidenceSummary {
  const c = plan.confidence;
  const premium = c.meanScheduledAgentHours > 0 ? c.scheduledAgentHours / c.meanScheduledAgentHours - 1 : 0;
  const pct = (v: number) => `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)}%`;
  return {
    level: c.level,
    meanScheduledAgentHours: c.meanScheduledAgentHours,
    scheduledAgentHours: c.scheduledAgentHours,
    premium,
    line:
      premium === 0
        ? `${Math.round(100 * c.level)}% confidence: mean staffing already reaches it`
        : `${Math.round(100 * c.level)}% confidence: ${pct(premium)} scheduled agent-hours over mean staffing`,
    days: c.days,
    curve: confidenceCurve(forecast, options, [...CONFIDENCE_CURVE_LEVELS, c.level], plan),
  };
}
