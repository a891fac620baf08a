import { formatFigure } from '../../report/format.js';
import type {
  ReportInput,
  ReportPeak,
  ReportScenarioTable,
  ReportScheduleStatus,
  ReportShift,
  ReportSimulation,
  ReportSimulationRow,
} from '../../report/types.js';
import { formatInstant } from '../../time/formatInstant.js';
import { localDate } from '../../time/localCalendar.js';
import type { PlanConfidenceSummary } from './planConfidence.js';
import type { PlanResult } from './planResult.js';
import type { PlanSimulatedFigures } from './simulatePlan.js';

/**
 * Days of history shown before the forecast in the report's first chart.
 *
 * @internal
 */
export const REPORT_HISTORY_DAYS = 21;

/** A figure for the report: non-finite values (an unstable interval's ASA) are unknown. */
function finite(value: number | null | undefined): number | undefined {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** The service figures of a summary, day or queue that are known (finite), for the report. */
function serviceFigures(s: { serviceLevel: number; asaSeconds: number; abandonRate: number }): {
  serviceLevel?: number;
  asaSeconds?: number;
  abandonRate?: number;
} {
  const out: { serviceLevel?: number; asaSeconds?: number; abandonRate?: number } = {};
  for (const key of ['serviceLevel', 'asaSeconds', 'abandonRate'] as const) {
    const v = finite(s[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * The headline service figures of a simulated plan: the simulated service level with its 95%
 * interval, ASA and abandonment, the Erlang figure beside, and the simulation check; none when
 * the plan was not simulated.
 */
function simulatedFigures(summary: PlanResult['summary']): Partial<ReportInput['summary']> {
  const sim = summary.simulation;
  if (sim === null) return {};
  const check = summary.simulationCheck;
  const first = check?.history[0];
  return {
    serviceLevel: sim.total.serviceLevel,
    serviceLevelLower: sim.total.serviceLevelLower,
    serviceLevelUpper: sim.total.serviceLevelUpper,
    erlangServiceLevel: sim.total.erlangServiceLevel,
    ...serviceFigures(sim.total),
    ...(check === null || first === undefined
      ? {}
      : {
          simulationCheck: {
            rounds: check.rounds,
            extraPaidHours: check.extraPaidHours,
            paidHoursBefore: first.paidHours,
            serviceLevelBefore: first.serviceLevel,
          },
        }),
  };
}

/** The report's simulation section: the week, each day, the intervals that differ most, the check's rounds. */
function reportSimulation(summary: PlanResult['summary'], timeZone: string): ReportSimulation {
  const sim = summary.simulation!;
  const row = (label: string, f: PlanSimulatedFigures): ReportSimulationRow => ({
    label,
    erlangServiceLevel: f.erlangServiceLevel,
    serviceLevel: f.serviceLevel,
    lower: f.serviceLevelLower,
    upper: f.serviceLevelUpper,
    ...(finite(f.asaSeconds) === undefined ? {} : { asaSeconds: f.asaSeconds }),
    ...(finite(f.abandonRate) === undefined ? {} : { abandonRate: f.abandonRate }),
  });
  const clock = (ms: number) => {
    const iso = formatInstant(ms, timeZone);
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  };
  return {
    replications: sim.replications,
    seed: sim.seed,
    periods: [row('Week', sim.total), ...sim.days.map((d) => row(d.date, d))],
    intervals: sim.largestGaps.map((g) => row(clock(g.start), g)),
    ...(summary.simulationCheck === null ? {} : { rounds: summary.simulationCheck.history }),
  };
}

/**
 * The interval with the most agents required (the first such), with the agents the report shows
 * on the phones there and the heads on shift (coverage.scheduled, breaks included); undefined
 * without intervals or when the schedule has no coverage at that start.
 */
function peakOf(result: PlanResult): ReportPeak | undefined {
  const req = result.requirement;
  let t = -1;
  for (let i = 0; i < req.agents.length; i++) if (t < 0 || req.agents[i]! > req.agents[t]!) t = i;
  if (t < 0) return undefined;
  const start = req.starts[t]!;
  const k = result.schedule.starts === undefined ? t : result.schedule.starts.indexOf(start);
  const onShift = result.schedule.coverage.scheduled[k];
  if (k < 0 || onShift === undefined) return undefined;
  return {
    start,
    requiredAgents: req.agents[t]!,
    onPhoneAgents: result.effectiveAgents[t] ?? 0,
    onShiftHeadcount: onShift,
  };
}

/** The scheduled shifts for the report's shift table: local start date, type, times, count, paid minutes. */
function shiftsOf(result: PlanResult): ReportShift[] {
  const tz = result.schedule.timeZone;
  return result.schedule.shifts.map((s) => ({
    date: s.startMs === undefined ? s.day.charAt(0).toUpperCase() + s.day.slice(1) : localDate(s.startMs, tz),
    type: s.type,
    startTime: s.startTime,
    endTime: s.endTime,
    count: s.count,
    paidMinutes: s.paidMinutes,
  }));
}

/**
 * Maps a plan to the report renderers' input (`renderReportHtml`, `renderTerminalSummary`):
 * the last `REPORT_HISTORY_DAYS` days of history, the forecast (with its P10-P90 band when the
 * forecast has the 0.1 and 0.9 quantiles), required agents on the phones vs the agents on the
 * phones the schedule gives (net coverage x (1 - shrinkage); x the availability factor with
 * fitted params: `effectiveAgents`), the service level per interval with
 * its target, the summary (with paid hours, the FTE basis, the peak's agents on the phones and heads
 * on shift, and the uncovered intervals of `PlanSummary.uncovered`, also listed in the notes), the
 * scheduled shifts and the daily figures. For a multi-queue plan the charts and figures are the
 * totals, plus a per-queue table; the service-level target line is the top-level target.
 * O(intervals).
 *
 * @example
 * import { plan } from '../plan.js';
 * // a one-day plan on the three-week bank fixture (Monday 2003-03-24, quarter-hours, New York)
 * const r = await plan({ history: { file: 'bank_3weeks_5min.csv', timeZone: 'America/New_York' },
 *   outputIntervalMinutes: 15, horizonDays: 3, target: { serviceLevel: 0.8, thresholdSeconds: 20 },
 *   ahtSeconds: 300, rules: 'rules.json' }, { baseDir: 'test/fixtures/plan' });
 * const input = planReportInput(r, { generatedAt: Date.UTC(2024, 0, 1) });
 * input.staffing.requiredAgents === r.requirement.agents; // true
 * input.timeZone; // 'America/New_York'
 */
export function planReportInput(
  result: PlanResult,
  options: { generatedAt: number; title?: string; generator?: string },
): ReportInput {
  const { config, forecast: fc, requirement: req, summary, evaluation } = result;
  const calls = result.history.calls;
  const lastStart = fc.starts[0] ?? Number.POSITIVE_INFINITY;
  const since = lastStart - REPORT_HISTORY_DAYS * 86_400_000;
  let from = 0;
  while (from < calls.starts.length && (calls.starts[from] ?? 0) < since) from++;
  const p10 = fc.quantiles?.find((q) => Math.abs(q.probability - 0.1) < 1e-9)?.calls;
  const p90 = fc.quantiles?.find((q) => Math.abs(q.probability - 0.9) < 1e-9)?.calls;
  const target = config.target;
  const status: ReportScheduleStatus = summary.scheduleStatus === 'optimal' ? 'optimal' : 'feasible';
  const first = summary.days[0]?.date ?? '';
  const peak = peakOf(result);
  const input: ReportInput = {
    title: options.title ?? `Staffing plan from ${first} (${summary.days.length} days)`,
    subtitle:
      (config.description === undefined ? '' : `${config.description} `) +
      `${fc.method ?? 'forecast'}; ${req.model}; target ` +
      (target.serviceLevel !== undefined
        ? `${Math.round(100 * target.serviceLevel)}% in ${target.thresholdSeconds ?? 20} s`
        : 'ASA/abandonment/occupancy') +
      (result.queues === null
        ? `; ${config.history.file}`
        : `; queues ${result.queues.map((q) => `${q.name} (${q.channel})`).join(', ')}`),
    timeZone: req.timeZone,
    intervalMinutes: req.intervalMinutes,
    generatedAt: options.generatedAt,
    generator: options.generator ?? 'staffcast plan',
    history: { starts: calls.starts.subarray(from), calls: calls.values.subarray(from) },
    forecast: {
      starts: fc.starts,
      calls: fc.calls,
      ...(p10 !== undefined && p90 !== undefined ? { p10, p90 } : {}),
    },
    // effective agents (= on-phone agents without fitted params): the unit of the requirement
    staffing: { starts: req.starts, requiredAgents: req.agents, scheduledAgents: result.effectiveAgents },
    summary: {
      forecastCalls: summary.forecastCalls,
      requiredAgentHours: summary.requiredAgentHours,
      scheduledAgentHours: summary.onPhoneAgentHours,
      paidHours: summary.paidHours,
      fte: summary.fte,
      fteBasis: summary.fteBasis,
      ...(peak === undefined ? {} : { peak }),
      noAgentIntervals: summary.uncovered.noAgentIntervals,
      underCoveredIntervals: summary.uncovered.underCoveredIntervals,
      worstShortfall: summary.uncovered.worstShortfall,
      peakRequiredAgents: summary.peakRequiredAgents,
      peakScheduledAgents: summary.peakOnPhoneAgents,
      scheduleCost: summary.scheduleCost,
      scheduleCostUnit: 'cost units',
      ...(summary.outbound === null ? {} : { outboundCallsFit: summary.outbound.calls }),
      ...serviceFigures(summary),
      ...simulatedFigures(summary),
      scheduleStatus: status,
      ...(finite(summary.scheduleGap) !== undefined ? { scheduleGap: summary.scheduleGap as number } : {}),
      ...(summary.confidence === undefined
        ? {}
        : {
            confidence:
              `${Math.round(100 * summary.confidence.level)}%: ` +
              `${summary.confidence.premium >= 0 ? '+' : ''}${(100 * summary.confidence.premium).toFixed(1)}% scheduled hours`,
          }),
    },
    shifts: shiftsOf(result),
    days: summary.days.map((d) => ({
      date: d.date,
      calls: d.calls,
      requiredAgentHours: d.requiredAgentHours,
      scheduledAgentHours: d.onPhoneAgentHours,
      ...serviceFigures(d),
    })),
    ...(result.queues === null
      ? {}
      : {
          queues: result.queues.map((q) => {
            const s = q.summary;
            return {
              name: s.name,
              channel: s.channel,
              forecastCalls: s.forecastCalls,
              requiredAgentHours: s.requiredAgentHours,
              peakRequiredAgents: s.peakRequiredAgents,
              ...serviceFigures(s),
            };
          }),
        }),
    ...(summary.simulation === null ? {} : { simulation: reportSimulation(summary, req.timeZone) }),
    ...(summary.confidence === undefined ? {} : { scenarios: confidenceTable(summary.confidence) }),
    warnings: summary.warnings,
    notes: [
      ...summary.uncovered.lines.map(
        (line) => `${line} (agents to schedule vs agents on shift and not on break).`,
      ),
      `FTE = ${summary.fteBasis}: ${formatFigure(summary.paidHours, 'hours')} paid hours of the shifts over the ` +
        `${config.horizonDays}-day horizon (calendar days, closed days included) are ` +
        `${formatFigure((summary.paidHours * 7) / config.horizonDays, 'hours')} paid hours per week; ` +
        `/ ${config.paidHoursPerWeek} h = ${formatFigure(summary.fte, 'fte')} FTE.`,
      ...(result.queues === null
        ? []
        : [
            'Several queues: each is forecast and staffed on its own; the required agents are summed per interval ' +
              'and one pool of multi-skilled agents is scheduled (conservative: pooling would need fewer). ' +
              "The pool's agents on the phones are split among the queues in proportion to their requirement " +
              'to evaluate each queue (an approximation of skill-based routing). Charts show the totals; ' +
              'the ASA of the totals covers voice and chat only.',
          ]),
      ...(summary.confidence === undefined
        ? []
        : [
            `${summary.confidence.line}: each day is staffed for the smallest volume multiplier (at least 1) whose ` +
              `staffing meets the service-level target on ${Math.round(100 * summary.confidence.level)}% of days, ` +
              'over a lognormal day-level volume multiplier fitted on the forecast errors of the history (its spread grows ' +
              'with the lead); the cost-vs-confidence curve re-staffs at each level without re-solving the shifts, ' +
              'so it is in scheduled agent-hours (paid hours follow them up to the shift rules; ' +
              '`scenario --sweep confidence=...` schedules each level).',
          ]),
      'Agents are agents on the phones: the schedule gives net coverage (on shift, not on break) x (1 - shrinkage), ' +
        'an expected head count that may be fractional; the service figures count the whole agents (rounded down).',
      `Shrinkage ${typeof config.shrinkage === 'number' ? `${Math.round(100 * config.shrinkage)}%` : 'by table'}; ` +
        `schedule ${summary.scheduleStatus}${summary.scheduleGap === null ? '' : `, gap ${(100 * summary.scheduleGap).toFixed(2)}%`}.`,
      ...(summary.outbound === null
        ? []
        : [
            `Outbound: ${summary.outbound.calls} calls of ${summary.outbound.ahtSeconds} s fit into ` +
              `${summary.outbound.spareAgentHours.toFixed(1)} spare agent-hours on the phones (beyond the requirement).`,
          ]),
      ...(summary.unstaffedIntervals > 0
        ? [
            `${summary.unstaffedIntervals} intervals with forecast contacts have nobody on the phones ` +
              '(outside the opening hours or shift windows of the rules?).',
          ]
        : []),
    ],
  };
  if (target.serviceLevel !== undefined)
    input.serviceLevel = {
      starts: req.starts,
      values: evaluation.serviceLevel,
      target: target.serviceLevel,
      thresholdSeconds: target.thresholdSeconds ?? 20,
    };
  return input;
}

/**
 * The cost-vs-confidence table and chart of a plan staffed to a confidence: one row per level of
 * the curve (scheduled agent-hours, premium over mean staffing, the worst day's probability of
 * meeting the target). O(levels).
 */
function confidenceTable(c: PlanConfidenceSummary): ReportScenarioTable {
  return {
    title: 'Cost of confidence',
    caption:
      'Scheduled agent-hours (the requirement the shifts cover) when each day must meet the service-level target ' +
      'with the stated probability; premium over mean staffing; requirement only, shifts not re-solved.',
    columns: [
      { label: 'Scheduled agent-hours', unit: 'hours' },
      { label: 'Premium over mean staffing', unit: 'fraction' },
      { label: 'P(day meets target), worst day', unit: 'fraction' },
    ],
    rows: c.curve.map((p) => ({
      name: `${Math.round(100 * p.confidence)}%${p.confidence === c.level ? ' (plan)' : ''}`,
      values: [p.scheduledAgentHours, p.premium, p.worstDayProbability],
    })),
  };
}
