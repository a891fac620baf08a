import type { RosterShift } from './types.js';

/** Coverage per interval of a roster (see {@link rosterCoverage}). */
export interface RosterCoverage {
  /** Rostered agents on shift in each interval (breaks included), as a share of the interval. */
  scheduled: Float64Array;
  /** Of them, on a break. */
  onBreak: Float64Array;
  /** scheduled - onBreak: agents on the phones. */
  net: Float64Array;
  /** Sum over the intervals of max(0, required - net), when `required` is given (else 0). */
  underAgentIntervals: number;
}

/** Options of {@link rosterCoverage}. */
export interface RosterCoverageOptions {
  /** Epoch ms of each interval start (the requirement's rows). */
  starts: ArrayLike<number>;
  intervalMinutes: number;
  /** Agents required per interval (same order), for `underAgentIntervals`. */
  required?: ArrayLike<number> | undefined;
  /** Count only shifts of this queue (a skill-aware view of one queue). Default: every shift. */
  queue?: string | undefined;
}

/**
 * Coverage per interval from the shifts really rostered (`Roster.assignments`, or any
 * `RosterShift`s): each shift counts for the part of each interval `[start, start + interval)` it
 * overlaps on the real clock, its breaks likewise as `onBreak`; `net` is what is left on the
 * phones. Only shifts of `queue` count when it is given (agents serve the queue of the seat they
 * were rostered on, which their skills allowed). O(intervals + shifts x intervals spanned).
 *
 * @example
 * const h = 3_600_000;
 * const shift = { id: 's', shiftType: 'day', startMs: h, endMs: 3 * h, paidMinutes: 120,
 *   breaks: [{ name: 'b', startMs: 2 * h, durationMinutes: 30, paid: true }] };
 * rosterCoverage([shift], { starts: [0, h, 2 * h, 3 * h], intervalMinutes: 60, required: [1, 1, 1, 1] }).net;
 * // Float64Array [0, 1, 0.5, 0]
 */
export function rosterCoverage(
  shifts: readonly RosterShift[],
  options: RosterCoverageOptions,
): RosterCoverage {
  const { starts, intervalMinutes } = options;
  const n = starts.length;
  const len = intervalMinutes * 60_000;
  const scheduled = new Float64Array(n);
  const onBreak = new Float64Array(n);
  const first = (ms: number) => {
    // the first interval ending after ms
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) + len <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const spread = (into: Float64Array, from: number, to: number) => {
    for (let t = first(from); t < n && (starts[t] ?? 0) < to; t++) {
      const s = starts[t] ?? 0;
      const overlap = Math.min(to, s + len) - Math.max(from, s);
      if (overlap > 0) into[t] = (into[t] ?? 0) + overlap / len;
    }
  };
  for (const shift of shifts) {
    if (options.queue !== undefined && shift.queue !== options.queue) continue;
    spread(scheduled, shift.startMs, shift.endMs);
    for (const b of shift.breaks) spread(onBreak, b.startMs, b.startMs + b.durationMinutes * 60_000);
  }
  const net = scheduled.map((v, t) => v - (onBreak[t] ?? 0));
  let under = 0;
  if (options.required !== undefined)
    for (let t = 0; t < n; t++) under += Math.max(0, (options.required[t] ?? 0) - (net[t] ?? 0));
  return { scheduled, onBreak, net, underAgentIntervals: under };
}
