import { invalidInput } from '../errors.js';
import { dateOfDayNumber, localDayNumber, weekdayOfDayNumber } from '../time/localCalendar.js';

/** Paid hours in one full-time week used for FTE when none is given. */
export const DEFAULT_PAID_HOURS_PER_WEEK = 40;

/** Options of `staffingSummary`. */
export interface SummaryOptions {
  /** IANA zone whose local dates and weeks (Monday to Sunday) group the intervals. */
  timeZone: string;
  /** Interval length in minutes (> 0). */
  intervalMinutes: number;
  /** Paid hours of one full-time equivalent per week (> 0). Default 40 (`DEFAULT_PAID_HOURS_PER_WEEK`). */
  paidHoursPerWeek?: number;
  /** Service level per interval; when given, the worst interval is reported. */
  serviceLevel?: ArrayLike<number>;
}

/** Agent-hours of one local day or week. */
export interface PeriodHours {
  /** Local date `YYYY-MM-DD` (for a week: its Monday). */
  start: string;
  /** Agent-hours in the period. */
  agentHours: number;
  /** agentHours / paidHoursPerWeek (for a day: x 7, the FTE that day's rate needs over a week). */
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
  /** Full-time equivalents: agent-hours per week (over the calendar days spanned) / paid hours. */
  fte: number;
  /** Largest agent count and the start (epoch ms) of its first interval; 0 and NaN when empty. */
  peakAgents: number;
  peakStart: number;
  /** Lowest service level and its interval start (epoch ms), when `serviceLevel` is given. */
  worstServiceLevel?: number;
  worstStart?: number;
}

/**
 * Agent-hours per local day and week, FTE for a paid-hours week, peak agents and the worst
 * interval. FTE = agentHours / (calendar days from the first to the last local date / 7) /
 * paidHoursPerWeek: the head count of full-timers the requirement needs before scheduling
 * losses. Sums are compensated (Kahan). Cost O(n).
 *
 * @throws StaffcastError `INVALID_INPUT` for arrays of different lengths, negative or
 *   non-finite agents, or non-positive paid hours.
 * @example
 * const s = staffingSummary(Float64Array.of(0, 3_600_000), Float64Array.of(2, 4),
 *   { timeZone: 'UTC', intervalMinutes: 60 });
 * s.agentHours; // 6
 * s.fte; // 1.05 (6 h a day x 7 / 40)
 * s.peakAgents; // 4
 */
export function staffingSummary(
  starts: ArrayLike<number>,
  agents: ArrayLike<number>,
  options: SummaryOptions,
): StaffingSummary {
  const fn = 'staffingSummary';
  const paid = options.paidHoursPerWeek ?? DEFAULT_PAID_HOURS_PER_WEEK;
  if (!(paid > 0) || !Number.isFinite(paid))
    invalidInput(fn, 'paidHoursPerWeek', 'must be a number > 0', paid);
  const n = starts.length;
  if (agents.length !== n)
    invalidInput(fn, 'agents', `must have one value per interval (${n})`, agents.length);
  const sl = options.serviceLevel;
  if (sl !== undefined && sl.length !== n)
    invalidInput(fn, 'serviceLevel', `must have one value per interval (${n})`, sl.length);
  const hoursPer = options.intervalMinutes / 60;
  const days = new Map<number, Kahan>();
  const weeks = new Map<number, Kahan>();
  const total = new Kahan();
  let peakAgents = 0;
  let peakStart = Number.NaN;
  let worst = Number.POSITIVE_INFINITY;
  let worstStart = Number.NaN;
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const a = agents[i]!;
    if (!(a >= 0) || !Number.isFinite(a)) invalidInput(fn, `agents[${i}]`, 'must be a finite number >= 0', a);
    const t = starts[i]!;
    const day = localDayNumber(t, options.timeZone);
    const monday = day - ((weekdayOfDayNumber(day) + 6) % 7);
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
    const h = a * hoursPer;
    total.add(h);
    bucket(days, day).add(h);
    bucket(weeks, monday).add(h);
    if (a > peakAgents || i === 0) {
      peakAgents = a;
      peakStart = t;
    }
    if (sl !== undefined && sl[i]! < worst) {
      worst = sl[i]!;
      worstStart = t;
    }
  }
  const list = (map: Map<number, Kahan>, scale: number): PeriodHours[] =>
    [...map.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([d, k]) => ({ start: dateOfDayNumber(d), agentHours: k.sum, fte: (k.sum * scale) / paid }));
  const spanDays = n === 0 ? 0 : lastDay - firstDay + 1;
  const summary: StaffingSummary = {
    agentHours: total.sum,
    days: list(days, 7),
    weeks: list(weeks, 1),
    fte: spanDays === 0 ? 0 : (total.sum * 7) / spanDays / paid,
    peakAgents,
    peakStart,
  };
  if (sl !== undefined && n > 0) {
    summary.worstServiceLevel = worst;
    summary.worstStart = worstStart;
  }
  return summary;
}

function bucket(map: Map<number, Kahan>, key: number): Kahan {
  let k = map.get(key);
  if (k === undefined) {
    k = new Kahan();
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
