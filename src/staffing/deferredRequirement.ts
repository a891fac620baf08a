import { invalidInput, StaffcastError } from '../errors.js';
import type { GridOptions } from '../time/gridOptions.js';

/** Options of `deferredRequirement` (`intervalMinutes`: the interval length, > 0). */
export interface DeferredRequirementOptions extends Required<Pick<GridOptions, 'intervalMinutes'>> {
  /** Mean handling time of one item in seconds (> 0). */
  ahtSeconds: number;
  /** Time allowed from arrival to completion, in minutes (> 0). */
  deadlineMinutes: number;
  /**
   * How the deadline is counted. `'calendar'` (default): every interval counts, open or not.
   * `'business'`: only open intervals count (a 4-hour business deadline set at 17:30 runs on the
   * next morning).
   */
  deadlineBasis?: 'calendar' | 'business';
  /** Per interval, whether agents may work in it (the centre is open). Default: all open. */
  open?: ArrayLike<boolean>;
}

/**
 * @deprecated Use {@link DeferredRequirementOptions} (the `<function>Options` name of `deferredRequirement`); kept for existing
 * imports of the public API.
 */
export type DeferredOptions = DeferredRequirementOptions;

/** The deferred-work requirement per interval. */
export interface DeferredRequirement {
  /** Agents per interval (whole numbers, 0 when closed or nothing is due soon). */
  agents: Float64Array;
  /** Items handled per interval. */
  handled: Float64Array;
  /** Items waiting at the end of each interval (arrived, not yet handled). */
  backlog: Float64Array;
  /** Index of the interval by whose end the items arriving in each interval must be handled. */
  dueInterval: Int32Array;
  /** The largest `agents` value: the smallest peak that meets every deadline. */
  peakAgents: number;
  /** Total agent-hours: sum of agents x interval length. */
  agentHours: number;
}

const EPS = 1e-9;

/**
 * The deferred-work (email, back office, callbacks) requirement with the smallest peak that clears
 * every item by its deadline, then with as few agents as possible in every interval below that
 * peak.
 *
 * Model (interval level, fluid): the items arriving in interval i (`arrivals[i]`, may be
 * fractional: a forecast) may be worked from interval i on, and are due by the end of interval
 * `dueInterval[i]` = the k-th interval counted from i inclusive (open intervals only for the
 * business basis), k = max(1, floor(deadlineMinutes / intervalMinutes)). Items due beyond the
 * last interval are due by the end of the last interval (nothing spills out of the plan).
 * One agent handles `intervalMinutes * 60 / ahtSeconds` items per open interval.
 *
 * Method: because due intervals never decrease with arrival, earliest-deadline-first is FIFO, and
 * a constant capacity P is feasible iff FIFO processing at P per open interval meets every due
 * interval (classical EDF optimality). Binary search on integer P gives the smallest peak. Then a
 * backward pass computes R(t) = max over u >= t of (work due by u - capacity at P in (t, u]), the
 * least work that must be done by the end of t, and a forward pass gives each interval the
 * fewest whole agents that reach R(t): work is done as late as the peak allows, never later.
 * Cost O(n log(total work)).
 *
 * @throws StaffcastError `INVALID_INPUT` for a negative or non-finite arrival, non-positive
 *   ahtSeconds, intervalMinutes or deadlineMinutes, or an `open` mask of another length;
 *   `INFEASIBLE` when items arrive after the last open interval that could serve them.
 * @example
 * deferredRequirement([10, 0, 0, 0], { intervalMinutes: 60, ahtSeconds: 720, deadlineMinutes: 120 })
 *   .agents; // Float64Array [1, 1, 0, 0] (5 items per agent-hour, 10 items due within 2 hours)
 */
export function deferredRequirement(
  arrivals: ArrayLike<number>,
  options: DeferredRequirementOptions,
): DeferredRequirement {
  const fn = 'deferredRequirement';
  const { intervalMinutes, ahtSeconds, deadlineMinutes } = options;
  if (!(intervalMinutes > 0) || !Number.isFinite(intervalMinutes))
    invalidInput(fn, 'intervalMinutes', 'must be a number > 0', intervalMinutes);
  if (!(ahtSeconds > 0) || !Number.isFinite(ahtSeconds))
    invalidInput(fn, 'ahtSeconds', 'must be a number > 0', ahtSeconds);
  if (!(deadlineMinutes > 0) || !Number.isFinite(deadlineMinutes))
    invalidInput(fn, 'deadlineMinutes', 'must be a number > 0', deadlineMinutes);
  const n = arrivals.length;
  for (let i = 0; i < n; i++) {
    const a = arrivals[i]!;
    if (!(a >= 0) || !Number.isFinite(a))
      invalidInput(fn, `arrivals[${i}]`, 'must be a finite number >= 0', a);
  }
  const open = options.open;
  if (open !== undefined && open.length !== n)
    invalidInput(fn, 'open', `must have one flag per interval (${n})`, open.length);
  const isOpen = (i: number): boolean => open === undefined || open[i] === true;
  const perAgent = (intervalMinutes * 60) / ahtSeconds;
  const k = Math.max(1, Math.floor(deadlineMinutes / intervalMinutes + EPS));
  const due = dueIntervals(n, k, options.deadlineBasis ?? 'calendar', isOpen);

  // cumulative arrivals A(t) and work due D(t) (work in items)
  const arrivedBy = new Float64Array(n);
  const dueBy = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += arrivals[i]!;
    arrivedBy[i] = total;
    dueBy[due[i]!] = dueBy[due[i]!]! + arrivals[i]!;
  }
  for (let i = 1; i < n; i++) dueBy[i] = dueBy[i]! + dueBy[i - 1]!;
  const tol = EPS * Math.max(1, total);

  const feasible = (peak: number): boolean => {
    let done = 0;
    for (let t = 0; t < n; t++) {
      if (isOpen(t)) done = Math.min(arrivedBy[t]!, done + peak * perAgent);
      if (done < dueBy[t]! - tol) return false;
    }
    return true;
  };
  let hi = Math.max(1, Math.ceil(total / perAgent - EPS));
  if (total > 0 && !feasible(hi)) {
    const t = firstUnservable(n, due, arrivals, isOpen);
    throw new StaffcastError(
      'INFEASIBLE',
      `${fn}: items arriving in interval ${t} cannot be handled by their deadline (no open interval before it)`,
      { function: fn, interval: t },
    );
  }
  let lo = 0; // infeasible unless nothing arrives
  if (total <= 0) hi = 0;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (feasible(mid)) hi = mid;
    else lo = mid;
  }
  const peak = total > 0 ? hi : 0;

  // backward: least work done by the end of t so that peak capacity afterwards meets every deadline
  const required = new Float64Array(n);
  let next = 0;
  for (let t = n - 1; t >= 0; t--) {
    const fromLater = t + 1 < n && isOpen(t + 1) ? next - peak * perAgent : next;
    next = Math.max(dueBy[t]!, fromLater);
    required[t] = next;
  }
  const agents = new Float64Array(n);
  const handled = new Float64Array(n);
  const backlog = new Float64Array(n);
  let done = 0;
  let agentIntervals = 0;
  for (let t = 0; t < n; t++) {
    const gap = required[t]! - done;
    let a = 0;
    if (isOpen(t) && gap > tol) a = Math.min(peak, Math.ceil(gap / perAgent - EPS));
    const did = Math.min(a * perAgent, arrivedBy[t]! - done);
    agents[t] = a;
    agentIntervals += a;
    handled[t] = did;
    done += did;
    backlog[t] = Math.max(0, arrivedBy[t]! - done);
  }
  return {
    agents,
    handled,
    backlog,
    dueInterval: due,
    peakAgents: peak,
    agentHours: (agentIntervals * intervalMinutes) / 60,
  };
}

function dueIntervals(
  n: number,
  k: number,
  basis: 'calendar' | 'business',
  isOpen: (i: number) => boolean,
): Int32Array {
  const due = new Int32Array(n);
  if (basis === 'calendar') {
    for (let i = 0; i < n; i++) due[i] = Math.min(n - 1, i + k - 1);
    return due;
  }
  // business: the k-th open interval at or after i; two pointers over the open intervals
  const openIdx: number[] = [];
  for (let i = 0; i < n; i++) if (isOpen(i)) openIdx.push(i);
  let p = 0; // first open interval >= i
  for (let i = 0; i < n; i++) {
    while (p < openIdx.length && openIdx[p]! < i) p++;
    const q = p + k - 1;
    due[i] = q < openIdx.length ? openIdx[q]! : n - 1;
  }
  return due;
}

function firstUnservable(
  n: number,
  due: Int32Array,
  arrivals: ArrayLike<number>,
  isOpen: (i: number) => boolean,
): number {
  for (let i = 0; i < n; i++) {
    if (!(arrivals[i]! > 0)) continue;
    let any = false;
    for (let t = i; t <= due[i]! && !any; t++) any = isOpen(t);
    if (!any) return i;
  }
  return 0;
}
