import type { CalibrationGrid } from '../grid.js';
import { type CallRecord, classifyCall, queueEntryMs, waitSeconds } from '../records.js';
import type { AgentSession } from './presence.js';

/**
 * What the calls show about the agents working the queue in each grid interval, split by whether a
 * caller was waiting (see {@link queueAgentProfile}).
 *
 * @internal
 */
export interface QueueAgentProfile {
  /** Interval length in seconds (the grid's). */
  intervalSeconds: number;
  /** Seconds of each interval with at least one caller waiting in the agent queue. */
  congestedSeconds: Float64Array;
  /** Agent-seconds of talk during the congested seconds (integral of agents busy). */
  busyAgentSecondsCongested: Float64Array;
  /** Agent-seconds of inferred presence (sessions) during the congested seconds. */
  presentAgentSecondsCongested: Float64Array;
  /**
   * The seconds with nobody waiting, per interval, grouped by (agents busy, sessions present):
   * `[busy, present, seconds]` triples, so that `max(busy, factor x present)` can be integrated for
   * any factor without another pass over the calls.
   */
  idle: [number, number, number][][];
}

/**
 * Measures, from the calls alone, how many agents worked the queue in every grid interval. While a
 * caller waits in the agent queue, every agent able to take a call is talking (the queue is
 * work-conserving: a free agent would have taken the caller), so the number of agents busy at
 * those moments IS the number of agents available; when nobody waits, busy <= available and only
 * the inferred sessions (`agentSessions`) bound it. A sweep over the events of the month: callers
 * entering and leaving the queue (queue entry, entry + wait, for answered and abandoned callers
 * with a wait > 0), services starting and ending (entry + wait, + talk time), sessions starting and
 * ending; each stretch between events is credited to its grid interval(s). Only answered and
 * abandoned callers count (`classifyCall`). O((records + sessions) log).
 *
 * @internal
 * @example
 * import { calibrationGrid } from '../grid.js';
 * import { agentSessions } from './presence.js';
 * // a served (service > 0) or abandoned call of agent A01, arriving at `at` after no IVR
 * const call = (at: string, waitSeconds: number, serviceSeconds: number) => ({ arrivalMs: Date.parse(at),
 *   serviceType: 'PS', priority: 0, outcome: serviceSeconds > 0 ? 'AGENT' : 'HANG', vruSeconds: 0, queued: waitSeconds > 0,
 *   queueSeconds: waitSeconds, servedByAgent: serviceSeconds > 0, serviceSeconds, agent: 'A01' }) as CallRecord;
 * // 10:00-10:30 grid, one agent: a call served 10:00:00-10:05:00 while a second caller waits
 * // 10:01:00-10:05:00 and is then served until 10:08:00
 * const records = [call('2024-01-01T10:00:00Z', 0, 300), call('2024-01-01T10:01:00Z', 240, 180)];
 * const grid30 = calibrationGrid(Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1), 'UTC', 30);
 * const p = queueAgentProfile(records, agentSessions(records), grid30);
 * [p.congestedSeconds[20], p.busyAgentSecondsCongested[20]]; // [240, 240]
 */
export function queueAgentProfile(
  records: readonly CallRecord[],
  sessions: readonly AgentSession[],
  grid: CalibrationGrid,
): QueueAgentProfile {
  const n = grid.starts.length;
  const lengthMs = grid.intervalMinutes * 60_000;
  // events as [timeMs, dQueue, dBusy, dPresent]
  const events: [number, number, number, number][] = [];
  for (const r of records) {
    const cls = classifyCall(r);
    if (cls !== 'answered' && cls !== 'abandoned') continue;
    const entry = queueEntryMs(r);
    const wait = waitSeconds(r) * 1000;
    if (wait > 0) events.push([entry, 1, 0, 0], [entry + wait, -1, 0, 0]);
    if (cls === 'answered' && r.serviceSeconds > 0)
      events.push([entry + wait, 0, 1, 0], [entry + wait + r.serviceSeconds * 1000, 0, -1, 0]);
  }
  for (const s of sessions) if (s.endMs > s.startMs) events.push([s.startMs, 0, 0, 1], [s.endMs, 0, 0, -1]);
  events.sort((a, b) => a[0] - b[0]);
  const profile: QueueAgentProfile = {
    intervalSeconds: lengthMs / 1000,
    congestedSeconds: new Float64Array(n),
    busyAgentSecondsCongested: new Float64Array(n),
    presentAgentSecondsCongested: new Float64Array(n),
    idle: Array.from({ length: n }, () => []),
  };
  const idleMaps = Array.from({ length: n }, () => new Map<number, [number, number, number]>());
  const gridEnd = grid.starts[n - 1]! + lengthMs;
  let queue = 0;
  let busy = 0;
  let present = 0;
  let i = 0; // grid interval of the current time
  const credit = (from: number, to: number): void => {
    // [from, to) with constant counts, split at interval ends
    let t = Math.max(from, grid.starts[0]!);
    const end = Math.min(to, gridEnd);
    while (t < end) {
      while (i + 1 < n && grid.starts[i + 1]! <= t) i++;
      const stop = Math.min(end, i + 1 < n ? grid.starts[i + 1]! : gridEnd);
      const seconds = (stop - t) / 1000;
      if (queue > 0) {
        profile.congestedSeconds[i]! += seconds;
        profile.busyAgentSecondsCongested[i]! += busy * seconds;
        profile.presentAgentSecondsCongested[i]! += present * seconds;
      } else {
        const key = busy * 65_536 + present;
        const cell = idleMaps[i]!.get(key);
        if (cell === undefined) idleMaps[i]!.set(key, [busy, present, seconds]);
        else cell[2] += seconds;
      }
      t = stop;
    }
  };
  // nothing happens before the first event or after the last: those stretches are idle and empty
  let previous = Math.min(grid.starts[0]!, events[0]?.[0] ?? grid.starts[0]!);
  for (const [time, dq, db, dp] of events) {
    if (time > previous) credit(previous, time);
    previous = Math.max(previous, time);
    queue += dq;
    busy += db;
    present += dp;
  }
  if (gridEnd > previous) credit(previous, gridEnd);
  for (let k = 0; k < n; k++) profile.idle[k] = [...idleMaps[k]!.values()];
  return profile;
}

/**
 * Agents working the queue in interval `i` (time average over the interval), for an availability
 * factor f: (agent-seconds busy while callers waited + sum over the seconds nobody waited of
 * max(agents busy, f x sessions present)) / interval seconds. During congestion the busy count is
 * the measurement; otherwise the session-based estimate f x present, never below the agents seen
 * talking. The factor only acts on the uncongested time, and is fitted on the training half like
 * the session-only factor. O(distinct (busy, present) pairs of the interval).
 *
 * @internal
 * @example
 * // 1800 s interval: 600 s congested with 5 agents talking; 1200 s idle with 3 busy and 6 present
 * const profile = { intervalSeconds: 1800, congestedSeconds: Float64Array.of(600),
 *   busyAgentSecondsCongested: Float64Array.of(3000), idle: [[[3, 6, 1200]]] } as QueueAgentProfile;
 * queueAgents(profile, 0, 0.8); // 4.8667 ((3000 + 1200 x max(3, 4.8)) / 1800)
 */
export function queueAgents(profile: QueueAgentProfile, i: number, availabilityFactor: number): number {
  let agentSeconds = profile.busyAgentSecondsCongested[i]!;
  for (const [busy, present, seconds] of profile.idle[i]!)
    agentSeconds += seconds * Math.max(busy, availabilityFactor * present);
  return agentSeconds / profile.intervalSeconds;
}
