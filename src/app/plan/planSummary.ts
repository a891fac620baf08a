import type { ShiftSchedule } from '../../scheduling/scheduleShifts.js';
import { describeUncovered, uncoveredRanges } from '../../scheduling/uncoveredRanges.js';
import type { ScheduleEvaluation } from '../../service/evaluateSchedule.js';
import { fteBasis, fteOf } from '../../staffing/fte.js';
import type { OutboundCapacity } from '../../staffing/outboundCapacity.js';
import type { StaffingPlan } from '../../staffing/staffingPlan.js';
import { formatInstant } from '../../time/formatInstant.js';
import { localDate } from '../../time/localCalendar.js';
import type { PlanQueueSummary } from './evaluateQueues.js';
import type { PlanConfidenceSummary } from './planConfidence.js';
import type { PlanRosterSummary } from './planRoster.js';
import type { PlanSimulationSummary } from './simulatePlan.js';
import type { PlanSimulationCheck } from './simulationCheck.js';

/** Figures of one local day of a plan. */
export interface PlanDay {
  /** Local date `yyyy-MM-dd`. */
  date: string;
  /** Forecast contacts that day. */
  calls: number;
  /** Agent-hours needed on the phones that day. */
  requiredAgentHours: number;
  /** Agent-hours on the phones the schedule gives that day (net of breaks and shrinkage). */
  onPhoneAgentHours: number;
  /** Contact-weighted service level, ASA (s) and abandonment the schedule gives that day. */
  serviceLevel: number;
  asaSeconds: number;
  abandonRate: number;
}

/** Headline figures of a plan (hours are agent-hours; agents on the phones unless said otherwise). */
export interface PlanSummary {
  /** Forecast contacts over the horizon. */
  forecastCalls: number;
  /** Agent-hours needed on the phones (sum of required agents x interval hours). */
  requiredAgentHours: number;
  /** Agent-hours to schedule after shrinkage (the requirement the schedule covers). */
  requiredScheduledAgentHours: number;
  /** Agent-hours of agents on shift (breaks included, before shrinkage). */
  scheduledAgentHours: number;
  /** Agent-hours on the phones the schedule gives: net coverage x (1 - shrinkage). */
  onPhoneAgentHours: number;
  /** Paid hours of all scheduled shifts. */
  paidHours: number;
  /**
   * Full-time equivalents (`fteOf`): paid hours per week of the horizon (calendar days, closed
   * days included) / paid hours of one FTE per week.
   */
  fte: number;
  /** What `fte` divides, in words (`fteBasis`), e.g. `'paid hours per week / 40 h'`. */
  fteBasis: string;
  /** Most agents needed on the phones in one interval. */
  peakRequiredAgents: number;
  /**
   * Most agents on the phones the schedule gives in one interval: the peak of `onPhoneAgents`
   * (net coverage x (1 - shrinkage), expected heads, may be fractional).
   */
  peakOnPhoneAgents: number;
  /** Most agents on shift in one interval. */
  peakScheduledAgents: number;
  /** Sum over shifts of count x paid hours x costPerPaidHour of the shift type. */
  scheduleCost: number;
  /** Contact-weighted service level the schedule gives over the horizon, 0..1. */
  serviceLevel: number;
  /** Contact-weighted mean wait of answered contacts, seconds (Infinity when an interval is unstable). */
  asaSeconds: number;
  /** Share of contacts abandoning (0 for Erlang C). */
  abandonRate: number;
  /** Schedule solve status and relative gap (null without a proven bound). */
  scheduleStatus: ShiftSchedule['status'];
  scheduleGap: number | null;
  /** Intervals with forecast contacts but nobody on the phones (e.g. outside the rules' opening hours). */
  unstaffedIntervals: number;
  /**
   * Intervals the schedule leaves uncovered (`uncoveredRanges` of the coverage: agents required
   * to schedule vs agents on shift and not on break), merged into local time ranges.
   */
  uncovered: PlanUncovered;
  /** Intervals with agents required that no shift of the rules can cover (`ShiftSchedule.uncoverable`). */
  uncoverableIntervals: number;
  /**
   * Loud problems for the planner, one line each: the schedule's warnings (uncoverable intervals)
   * and the uncovered runs (`uncovered.lines`, e.g. "2 intervals with no agents: 27 Oct 05:00-06:00").
   */
  warnings: string[];
  /** Agent-intervals below and above the scheduled requirement. */
  underAgentIntervals: number;
  overAgentIntervals: number;
  /**
   * Outbound work that fits into the quiet periods of the schedule (`outboundCapacity` of the
   * required and the on-phone agents): whole calls of `ahtSeconds` and the spare agent-hours they
   * may use (after `outbound.maxOccupancy`). `null` when the config has no `outbound`.
   */
  outbound: PlanOutboundSummary | null;
  /**
   * A config with `queues`: the figures of each queue (its own requirement and its share of the
   * pool); the figures above are then the totals. `null` for a single-queue plan.
   */
  queues: PlanQueueSummary[] | null;
  /** Per local day. */
  days: PlanDay[];
  /**
   * The service level the plan promises: the simulated one with its 95% interval when the schedule
   * was simulated (`source: 'simulation'`), else the per-interval Erlang figure `serviceLevel`
   * (`source: 'erlang'`, no interval).
   */
  promise: PlanPromise;
  /**
   * The schedule simulated as one continuous queue (`schedule.simulation`): horizon, days and the
   * intervals where the Erlang figure is most optimistic; null when not simulated (`simulationSkipped`).
   */
  simulation: PlanSimulationSummary | null;
  /** Why the schedule was not simulated (`'off'`, several queues, varying patience); null when it was. */
  simulationSkipped: string | null;
  /** The simulation-checked loop (`schedule.simulationCheck`): rounds, cost and service before and after; null when off. */
  simulationCheck: PlanSimulationCheck | null;
  /** With `target.confidence`: the premium over mean staffing and the cost-vs-confidence curve. */
  confidence?: PlanConfidenceSummary;
  /**
   * With `agents` in the config: the roster's figures (totals, gap, under-coverage per queue,
   * unfilled shifts, weekends off); absent without agents.
   */
  roster?: PlanRosterSummary;
}

/** The headline service level of a plan (see `PlanSummary.promise`). */
export interface PlanPromise {
  /** Service level over the horizon, 0..1. */
  serviceLevel: number;
  /** Its 95% interval (simulation only; null for the Erlang figure). */
  lower: number | null;
  upper: number | null;
  source: 'simulation' | 'erlang';
}

/** The intervals a plan's schedule leaves uncovered. */
export interface PlanUncovered {
  /** Intervals with agents required but nobody on the phones. */
  noAgentIntervals: number;
  /** Intervals with some agents on the phones but fewer than required. */
  underCoveredIntervals: number;
  /** Largest shortfall (agents required - agents on the phones) of any interval; 0 when covered. */
  worstShortfall: number;
  /** The runs of consecutive uncovered intervals, start and end (exclusive) ISO-8601 with offset. */
  ranges: Array<{
    kind: 'none' | 'short';
    start: string;
    end: string;
    intervals: number;
    maxShortfall: number;
  }>;
  /** The same in words (`describeUncovered`), e.g. `'2 intervals with no agents: 27 Oct 05:00-06:00'`. */
  lines: string[];
}

/**
 * The uncovered intervals of a schedule: `uncoveredRanges` of `coverage.required` vs
 * `coverage.net` on the schedule's interval starts (those of `requirement` when the schedule has
 * none), counted and described. O(intervals).
 *
 * @internal
 * @example
 * // four hours from Monday 27 October 2003 05:00 in New York: 2 agents required each, 0-3 on the phones
 * const starts = Float64Array.from([0, 1, 2, 3], (k) => Date.parse('2003-10-27T10:00:00Z') + k * 3_600_000);
 * const schedule = { starts, coverage: { required: Float64Array.of(2, 2, 2, 2), net: Float64Array.of(0, 1, 2, 3) } };
 * const u = planUncovered(schedule, { starts, timeZone: 'America/New_York', intervalMinutes: 60 });
 * [u.noAgentIntervals, u.underCoveredIntervals, u.worstShortfall]; // [1, 1, 2]
 * u.ranges[1]; // { kind: 'short', start: '2003-10-27T06:00:00-05:00', end: '2003-10-27T07:00:00-05:00',
 * //   intervals: 1, maxShortfall: 1 }
 * u.lines[0]; // '1 interval with no agents: 27 Oct 05:00-06:00'
 */
export function planUncovered(
  schedule: ShiftSchedule,
  requirement: Pick<StaffingPlan, 'starts' | 'timeZone' | 'intervalMinutes'>,
): PlanUncovered {
  const cov = schedule.coverage;
  const starts = schedule.starts ?? requirement.starts;
  const tz = requirement.timeZone;
  const ranges = uncoveredRanges(starts, cov.required, cov.net, requirement.intervalMinutes, tz);
  const count = (kind: 'none' | 'short') =>
    ranges.reduce((s, r) => s + (r.kind === kind ? r.intervals : 0), 0);
  return {
    noAgentIntervals: count('none'),
    underCoveredIntervals: count('short'),
    worstShortfall: ranges.reduce((w, r) => Math.max(w, r.maxShortfall), 0),
    ranges: ranges.map((r) => ({
      kind: r.kind,
      start: formatInstant(r.start, tz),
      end: formatInstant(r.end, tz),
      intervals: r.intervals,
      maxShortfall: r.maxShortfall,
    })),
    lines: describeUncovered(ranges, tz),
  };
}

/** Outbound figures of a plan. */
export interface PlanOutboundSummary {
  /** Handle time of one outbound call in seconds (from the config). */
  ahtSeconds: number;
  /** Whole outbound calls that fit over the horizon (`OutboundCapacity.totalCalls`). */
  calls: number;
  /** Spare agent-hours usable for outbound (`OutboundCapacity.totalSpareAgentHours`). */
  spareAgentHours: number;
}

/**
 * What `planSummary` summarises.
 *
 * @internal
 */
export interface PlanSummaryInput {
  requirement: StaffingPlan;
  schedule: ShiftSchedule;
  evaluation: ScheduleEvaluation;
  onPhoneAgents: ArrayLike<number>;
  /** Cost per paid hour by shift type name (missing: 1). */
  costPerPaidHour: ReadonlyMap<string, number>;
  /** Paid hours of one FTE per week. */
  paidHoursPerWeek: number;
  /** Calendar days of the horizon (closed days included), for FTE per week. */
  horizonDays: number;
  /** Outbound capacity of the schedule and the outbound handle time; absent or null: no outbound. */
  outbound?: { ahtSeconds: number; capacity: OutboundCapacity } | null;
  /** Per-queue figures of a multi-queue plan; absent or null: one queue. */
  queues?: PlanQueueSummary[] | null;
  /** The schedule's simulation; absent or null: not simulated. */
  simulation?: PlanSimulationSummary | null;
  /** Why it was not simulated; absent: null. */
  simulationSkipped?: string | null;
  /** The simulation-checked loop; absent or null: off. */
  simulationCheck?: PlanSimulationCheck | null;
  /** The confidence figures of a plan with `target.confidence`; absent: none. */
  confidence?: PlanConfidenceSummary | undefined;
}

function sumHours(values: ArrayLike<number>, from: number, to: number, hours: number): number {
  let s = 0;
  let c = 0; // Kahan compensation
  for (let i = from; i < to; i++) {
    const y = (values[i] ?? 0) * hours - c;
    const t = s + y;
    c = t - s - y;
    s = t;
  }
  return s;
}

function max(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, values[i] ?? 0);
  return m;
}

/**
 * The summary figures of a plan: agent-hours (required, scheduled, on the phones), paid hours,
 * FTE = `fteOf(paidHours, { horizonDays, paidHoursPerWeek })` = paid hours per week of the
 * horizon / paid hours of one FTE (the full-timers the roster pays), peaks,
 * cost (sum of count x paidMinutes / 60 x costPerPaidHour), the contact-weighted service
 * figures of the evaluation, overall and per local day, the outbound totals when given, and the
 * coverage problems: unstaffed intervals (forecast contacts, fewer than 1 agent on the phones) and
 * their periods, intervals below the scheduled requirement, intervals no shift can cover, and one
 * warning line for each kind.
 * O(intervals + shifts).
 *
 * @internal
 * @example
 * import { plan } from '../plan.js';
 * // a one-day plan on the three-week bank fixture (Monday 2003-03-24, quarter-hours, New York)
 * const r = await plan({ history: { file: 'bank_3weeks_5min.csv', timeZone: 'America/New_York' },
 *   outputIntervalMinutes: 15, horizonDays: 3, target: { serviceLevel: 0.8, thresholdSeconds: 20 },
 *   ahtSeconds: 300, rules: 'rules.json' }, { baseDir: 'test/fixtures/plan' });
 * const s = planSummary({ requirement: r.requirement, schedule: r.schedule, evaluation: r.evaluation,
 *   onPhoneAgents: r.onPhoneAgents, costPerPaidHour: new Map(), paidHoursPerWeek: 40, horizonDays: 3 });
 * s.requiredAgentHours; // 3403.5 (sum of required agents x 0.25 h)
 * s.serviceLevel; // 0.8681936692779807
 * s.days.map((d) => d.date); // ['2003-03-24']
 */
export function planSummary(input: PlanSummaryInput): PlanSummary {
  const { requirement: req, schedule, evaluation } = input;
  const n = req.starts.length;
  const h = req.intervalMinutes / 60;
  const cov = schedule.coverage;
  let paidHours = 0;
  let scheduleCost = 0;
  for (const s of schedule.shifts) {
    const hours = (s.count * s.paidMinutes) / 60;
    paidHours += hours;
    scheduleCost += hours * (input.costPerPaidHour.get(s.type) ?? 1);
  }
  const fte = fteOf(paidHours, { horizonDays: input.horizonDays, paidHoursPerWeek: input.paidHoursPerWeek });
  let unstaffedIntervals = 0;
  for (let t = 0; t < n; t++)
    if ((req.calls[t] ?? 0) > 0 && (input.onPhoneAgents[t] ?? 0) < 1) unstaffedIntervals++;
  const uncovered = planUncovered(schedule, req);
  const days: PlanDay[] = [];
  let from = 0;
  while (from < n) {
    const day = cov.dayIndex[from] ?? 0;
    let to = from + 1;
    while (to < n && (cov.dayIndex[to] ?? 0) === day) to++;
    const service = evaluation.days[day];
    days.push({
      date: localDate(req.starts[from] ?? 0, req.timeZone),
      calls: sumHours(req.calls, from, to, 1),
      requiredAgentHours: sumHours(req.agents, from, to, h),
      onPhoneAgentHours: sumHours(input.onPhoneAgents, from, to, h),
      serviceLevel: service?.serviceLevel ?? 1,
      asaSeconds: service?.asaSeconds ?? 0,
      abandonRate: service?.abandonRate ?? 0,
    });
    from = to;
  }
  return {
    forecastCalls: sumHours(req.calls, 0, n, 1),
    requiredAgentHours: sumHours(req.agents, 0, n, h),
    requiredScheduledAgentHours: sumHours(req.scheduledAgents, 0, n, h),
    scheduledAgentHours: sumHours(cov.scheduled, 0, n, h),
    onPhoneAgentHours: sumHours(input.onPhoneAgents, 0, n, h),
    paidHours,
    fte,
    fteBasis: fteBasis({ paidHoursPerWeek: input.paidHoursPerWeek, source: 'schedule' }),
    peakRequiredAgents: max(req.agents),
    peakOnPhoneAgents: max(input.onPhoneAgents),
    peakScheduledAgents: max(cov.scheduled),
    scheduleCost,
    serviceLevel: evaluation.total.serviceLevel,
    asaSeconds: evaluation.total.asaSeconds,
    abandonRate: evaluation.total.abandonRate,
    scheduleStatus: schedule.status,
    scheduleGap: schedule.gap,
    unstaffedIntervals,
    uncovered,
    uncoverableIntervals: schedule.uncoverable.length,
    warnings: [...schedule.warnings, ...uncovered.lines],
    underAgentIntervals: schedule.underAgentIntervals,
    overAgentIntervals: schedule.overAgentIntervals,
    outbound:
      input.outbound === undefined || input.outbound === null
        ? null
        : {
            ahtSeconds: input.outbound.ahtSeconds,
            calls: input.outbound.capacity.totalCalls,
            spareAgentHours: input.outbound.capacity.totalSpareAgentHours,
          },
    queues: input.queues ?? null,
    days,
    promise:
      input.simulation === undefined || input.simulation === null
        ? { serviceLevel: evaluation.total.serviceLevel, lower: null, upper: null, source: 'erlang' }
        : {
            serviceLevel: input.simulation.total.serviceLevel,
            lower: input.simulation.total.serviceLevelLower,
            upper: input.simulation.total.serviceLevelUpper,
            source: 'simulation',
          },
    simulation: input.simulation ?? null,
    simulationSkipped: input.simulationSkipped ?? null,
    simulationCheck: input.simulationCheck ?? null,
    ...(input.confidence === undefined ? {} : { confidence: input.confidence }),
  };
}
