import { invalidInput } from '../errors.js';
import type { GridOptions } from '../time/gridOptions.js';
import { dateOfDayNumber, localDayNumber, weekdayOfDayNumber } from '../time/localCalendar.js';
import { DEFAULT_PAID_HOURS_PER_WEEK, fteOf, horizonDaysOf } from './fte.js';

export { DEFAULT_PAID_HOURS_PER_WEEK };

/**
 * Options of `staffingSummary`: the zone whose local dates and weeks (Monday to Sunday) group the
 * intervals and the interval length (> 0), and the FTE basis.
 */
export interface StaffingSummaryOptions extends Required<GridOptions> {
  /** Paid hours of one full-time equivalent per week (> 0). Default 40 (`DEFAULT_PAID_HOURS_PER_WEEK`). */
  paidHoursPerWeek?: number;
  /**
   * Agents to schedule (after shrinkage) per interval, the paid agents FTE counts; default
   * `agents` (pass the requirement's `scheduledAgents` here when `agents` are on the phones).
   */
  scheduledAgents?: ArrayLike<number>;
  /**
   * Calendar days of the horizon, closed days included, for FTE per week (`fteOf`). Default:
   * `horizonDaysOf(starts)` (the local dates spanned, rounded up to whole weeks).
   */
  horizonDays?: number;
  /** Service level per interval; when given, the worst interval is reported. */
  serviceLevel?: ArrayLike<number>;
}

/**
 * @deprecated Use {@link StaffingSummaryOptions} (the `<function>Options` name of `staffingSummary`); kept for existing
 * imports of the public API.
 */
export type SummaryOptions = StaffingSummaryOptions;

/** Agent-hours of one local day or week. */
export interface PeriodHours {
  /** Local date `YYYY-MM-DD` (for a week: its Monday). */
  start: string;
  /** Agent-hours in the period. */
  agentHours: number;
  /**
   * `fteOf` the period's scheduled agent-hours over its calendar days in the horizon (a day: 1,
   * i.e. the FTE that day's rate needs over a week; a week: its days inside the horizon).
   */
  fte: number;
}

/** Totals of a staffing requirement. */
export interface StaffingSummary {
  /** Sum of agents x interval length, in hours. */
  agentHours: number;
  /** Per local day. */
  days: PeriodHours[];
  /** Per local week starting Monday. */
  weeks: PeriodHours[];
  /** Agent-hours of `scheduledAgents` (= `agentHours` when they are not given). */
  scheduledAgentHours: number;
  /** Calendar days of the horizon FTE is counted over. */
  horizonDays: number;
  /**
   * Full-time equivalents (`fteOf`): scheduled agent-hours per week of the horizon / paid hours
   * of one FTE per week.
   */
  fte: number;
  /** Largest agent count and the start (epoch ms) of its first interval; 0 and NaN when empty. */
  peakAgents: number;
  peakStart: number;
  /** Lowest service level and its interval start (epoch ms), when `serviceLevel` is given. */
  worstServiceLevel?: number;
  worstStart?: number;
}

/**
 * Agent-hours per local day and week, FTE, peak agents and the worst interval.
 * FTE = `fteOf(scheduled agent-hours, { horizonDays, paidHoursPerWeek })` = scheduled agent-hours
 * per week of the horizon (calendar days, closed days included) / paidHoursPerWeek: the
 * full-timers the requirement needs before the losses of a real schedule. Sums are compensated
 * (Kahan). Cost O(n).
 *
 * @throws StaffcastError `INVALID_INPUT` for arrays of different lengths, negative or
 *   non-finite agents, non-positive paid hours, or a horizon shorter than the dates spanned.
 * @example
 * const s = staffingSummary(Float64Array.of(0, 3_600_000), Float64Array.of(2, 4),
 *   { timeZone: 'UTC', intervalMinutes: 60 });
 * s.agentHours; // 6
 * s.fte; // 0.15 (6 h in a 7-day horizon / 40)
 * s.days[0].fte; // 1.05 (6 h a day x 7 / 40)
 * s.peakAgents; // 4
 */
export function staffingSummary(
  starts: ArrayLike<number>,
  agents: ArrayLike<number>,
  options: StaffingSummaryOptions,
): StaffingSummary {
  const fn = 'staffingSummary';
  const paid = options.paidHoursPerWeek ?? DEFAULT_PAID_HOURS_PER_WEEK;
  if (!(paid > 0) || !Number.isFinite(paid))
    invalidInput(fn, 'paidHoursPerWeek', 'must be a number > 0', paid);
  const n = starts.length;
  if (agents.length !== n)
    invalidInput(fn, 'agents', `must have one value per interval (${n})`, agents.length);
  const paidAgents = options.scheduledAgents ?? agents;
  if (paidAgents.length !== n)
    invalidInput(fn, 'scheduledAgents', `must have one value per interval (${n})`, paidAgents.length);
  const sl = options.serviceLevel;
  if (sl !== undefined && sl.length !== n)
    invalidInput(fn, 'serviceLevel', `must have one value per interval (${n})`, sl.length);
  const hoursPer = options.intervalMinutes / 60;
  const days = new Map<number, [Kahan, Kahan]>();
  const weeks = new Map<number, [Kahan, Kahan]>();
  const total = new Kahan();
  const paidTotal = new Kahan();
  let peakAgents = 0;
  let peakStart = Number.NaN;
  let worst = Number.POSITIVE_INFINITY;
  let worstStart = Number.NaN;
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const a = agents[i]!;
    if (!(a >= 0) || !Number.isFinite(a)) invalidInput(fn, `agents[${i}]`, 'must be a finite number >= 0', a);
    const p = paidAgents[i]!;
    if (!(p >= 0) || !Number.isFinite(p))
      invalidInput(fn, `scheduledAgents[${i}]`, 'must be a finite number >= 0', p);
    const t = starts[i]!;
    const day = localDayNumber(t, options.timeZone);
    const monday = day - ((weekdayOfDayNumber(day) + 6) % 7);
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
    const h = a * hoursPer;
    const ph = p * hoursPer;
    total.add(h);
    paidTotal.add(ph);
    for (const [k0, k1] of [bucket(days, day), bucket(weeks, monday)]) {
      k0.add(h);
      k1.add(ph);
    }
    if (a > peakAgents || i === 0) {
      peakAgents = a;
      peakStart = t;
    }
    if (sl !== undefined && sl[i]! < worst) {
      worst = sl[i]!;
      worstStart = t;
    }
  }
  const spanDays = n === 0 ? 0 : lastDay - firstDay + 1;
  const horizonDays = options.horizonDays ?? horizonDaysOf(starts, options.timeZone);
  if (options.horizonDays !== undefined && !(horizonDays >= spanDays && Number.isFinite(horizonDays)))
    invalidInput(fn, 'horizonDays', `must cover the ${spanDays} local dates of the intervals`, horizonDays);
  // calendar days of the horizon [firstDay, firstDay + horizonDays) inside [from, from + length)
  const daysIn = (from: number, length: number): number =>
    Math.min(from + length, firstDay + horizonDays) - Math.max(from, firstDay);
  const list = (map: Map<number, [Kahan, Kahan]>, length: number): PeriodHours[] =>
    [...map.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([d, [k0, k1]]) => ({
        start: dateOfDayNumber(d),
        agentHours: k0.sum,
        fte: fteOf(k1.sum, { horizonDays: daysIn(d, length), paidHoursPerWeek: paid }),
      }));
  const summary: StaffingSummary = {
    agentHours: total.sum,
    scheduledAgentHours: paidTotal.sum,
    horizonDays,
    days: list(days, 1),
    weeks: list(weeks, 7),
    fte: n === 0 ? 0 : fteOf(paidTotal.sum, { horizonDays, paidHoursPerWeek: paid }),
    peakAgents,
    peakStart,
  };
  if (sl !== undefined && n > 0) {
    summary.worstServiceLevel = worst;
    summary.worstStart = worstStart;
  }
  return summary;
}

function bucket(map: Map<number, [Kahan, Kahan]>, key: number): [Kahan, Kahan] {
  let k = map.get(key);
  if (k === undefined) {
    k = [new Kahan(), new Kahan()];
    map.set(key, k);
  }
  return k;
}

/** Compensated (Kahan-Neumaier) running sum. */
class Kahan {
  private s = 0;
  private c = 0;
  add(x: number): void {
    const t = this.s + x;
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
  }
  get sum(): number {
    return this.s + this.c;
  }
}
