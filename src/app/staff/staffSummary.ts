import type { StaffingTarget } from '../../queueing/types.js';
import { fteBasis } from '../../staffing/fte.js';
import { DEFAULT_INTERVAL_FLOOR_SHARE, type StaffingScope } from '../../staffing/staffingPlan.js';
import { type StaffingSummary, staffingSummary } from '../../staffing/staffingSummary.js';
import type { Requirement } from '../../staffing/types.js';
import { formatInstant } from '../../time/formatInstant.js';

/** How FTE is counted: paid hours of one FTE per week, calendar days of the horizon (default: whole weeks). */
export interface FteBasisOptions {
  /** Paid hours of one FTE per week (e.g. 40). */
  paidHoursPerWeek: number;
  /** Calendar days of the horizon, closed days included; undefined: the dates spanned, in whole weeks. */
  horizonDays: number | undefined;
}

/** The columns of a requirement (or of multi-queue totals) a staffing summary reads. */
export type Summarised = Pick<
  Requirement,
  'starts' | 'agents' | 'scheduledAgents' | 'timeZone' | 'intervalMinutes'
> & {
  serviceLevel?: Float64Array;
  abandonRate?: Float64Array;
};

/** `x` as written in summaries: whole numbers as they are, others with `digits` decimals. */
export function fmt(x: number, digits = 1): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

/** staffingSummary of the agents on the phones, FTE of the scheduled agents (after shrinkage). */
function summarise(req: Summarised, fte: FteBasisOptions): StaffingSummary {
  return staffingSummary(req.starts, req.agents, {
    timeZone: req.timeZone,
    intervalMinutes: req.intervalMinutes,
    paidHoursPerWeek: fte.paidHoursPerWeek,
    ...(fte.horizonDays === undefined ? {} : { horizonDays: fte.horizonDays }),
    scheduledAgents: req.scheduledAgents,
    ...(req.serviceLevel === undefined ? {} : { serviceLevel: req.serviceLevel }),
  });
}

/**
 * The `staffingSummary` of a requirement as JSON-safe values (`staff --summary`): agent-hours on
 * the phones and scheduled, FTE (scheduled agent-hours per week / `paidHoursPerWeek`, with its
 * basis in words), the horizon in days, the peak (agents and ISO start), the worst interval's
 * service level and start (null without service levels), per day and per week. NaN becomes null.
 * Cost O(n).
 *
 * @example
 * const req = { timeZone: 'UTC', intervalMinutes: 60, starts: Float64Array.of(Date.UTC(2024, 0, 1, 9)),
 *   agents: Float64Array.of(10), scheduledAgents: Float64Array.of(14) };
 * staffSummaryJson(req, { paidHoursPerWeek: 40, horizonDays: 7 }).scheduledAgentHours; // 14
 */
export function staffSummaryJson(req: Summarised, fte: FteBasisOptions): Record<string, unknown> {
  const s = summarise(req, fte);
  const finite = s.worstServiceLevel !== undefined && Number.isFinite(s.worstServiceLevel);
  return {
    agentHours: s.agentHours,
    scheduledAgentHours: s.scheduledAgentHours,
    fte: s.fte,
    fteBasis: fteBasis({ paidHoursPerWeek: fte.paidHoursPerWeek, source: 'requirement' }),
    paidHoursPerWeek: fte.paidHoursPerWeek,
    horizonDays: s.horizonDays,
    peakAgents: s.peakAgents,
    peakStart: Number.isNaN(s.peakStart) ? null : formatInstant(s.peakStart, req.timeZone),
    worstServiceLevel: finite ? s.worstServiceLevel : null,
    worstStart: finite ? formatInstant(s.worstStart!, req.timeZone) : null,
    days: s.days,
    weeks: s.weeks,
  };
}

/**
 * One summary line of a requirement for stderr: `label`, agent-hours on the phones, FTE with its
 * basis and horizon, the peak, and the worst interval (service level; abandonment and agents when
 * the requirement has abandonment rates). Cost O(n).
 *
 * @example
 * const req = { timeZone: 'UTC', intervalMinutes: 60, starts: Float64Array.of(Date.UTC(2024, 0, 1, 9)),
 *   agents: Float64Array.of(10), scheduledAgents: Float64Array.of(14) };
 * staffSummaryLine('staff: ', req, { paidHoursPerWeek: 40, horizonDays: 7 }).startsWith('staff: 10 agent-hours'); // true
 */
export function staffSummaryLine(label: string, req: Summarised, fte: FteBasisOptions): string {
  const s = summarise(req, fte);
  let line =
    `${label}${fmt(s.agentHours)} agent-hours on the phones, ${s.fte.toFixed(1)} FTE ` +
    `(${fteBasis({ paidHoursPerWeek: fte.paidHoursPerWeek, source: 'requirement' })}, ${s.horizonDays}-day horizon), ` +
    `peak ${s.peakAgents} agents at ${Number.isNaN(s.peakStart) ? '-' : formatInstant(s.peakStart, req.timeZone)}`;
  if (s.worstServiceLevel !== undefined && Number.isFinite(s.worstServiceLevel)) {
    line += `, worst interval ${formatInstant(s.worstStart!, req.timeZone)}: SL ${(100 * s.worstServiceLevel).toFixed(1)}%`;
    const at = req.starts.indexOf(s.worstStart!);
    const abandon = at < 0 ? undefined : req.abandonRate?.[at];
    if (abandon !== undefined && Number.isFinite(abandon))
      line += `, abandonment ${(100 * abandon).toFixed(1)}%, ${req.agents[at]} agents`;
  }
  return line;
}

/**
 * The line that states the per-interval floor of a day/week scope as applied: the level given
 * (`--min-interval-sl`) or the default, `DEFAULT_INTERVAL_FLOOR_SHARE` of the target's service
 * level, and why. Cost O(1).
 *
 * @example
 * staffFloorLine('day', undefined, { serviceLevel: 0.8, thresholdSeconds: 20 });
 * // 'staff: day scope: every interval keeps at least 40.0% within 20 s (default: half the day target; --min-interval-sl changes it, 0 drops it)'
 */
export function staffFloorLine(
  scope: StaffingScope,
  given: number | undefined,
  target: StaffingTarget,
): string {
  const level = given ?? (target.serviceLevel ?? 0) * DEFAULT_INTERVAL_FLOOR_SHARE;
  const within = target.thresholdSeconds === undefined ? '' : ` within ${target.thresholdSeconds} s`;
  const why =
    given === undefined
      ? `default: half the ${scope} target; --min-interval-sl changes it, 0 drops it`
      : '--min-interval-sl';
  return `staff: ${scope} scope: every interval keeps at least ${(100 * level).toFixed(1)}%${within} (${why})`;
}
