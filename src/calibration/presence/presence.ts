import { invalidInput } from '../../errors.js';
import type { CalibrationGrid } from '../grid.js';
import { type CallRecord, classifyCall, queueEntryMs, waitSeconds } from '../records.js';

/**
 * A stretch of time an agent is taken to be logged in: from a first call to the end of a last one.
 *
 * @internal
 */
export interface AgentSession {
  /** Agent pseudonym. */
  agent: string;
  /** Epoch ms the first call's service started. */
  startMs: number;
  /** Epoch ms the last call's service ended. */
  endMs: number;
  /** Calls served in the session. */
  calls: number;
}

/**
 * Options of {@link agentSessions}.
 *
 * @internal
 */
export interface AgentSessionsOptions {
  /**
   * A gap between the end of one call and the start of the agent's next call shorter than this
   * (minutes) keeps the agent present; a longer gap ends the session (a break, a shift end).
   * Default 30.
   */
  maxGapMinutes?: number;
  /**
   * Minutes added before the first call and after the last call of every session: an agent is
   * logged in and idle a while before the first call reaches them and stays after the last one
   * (wrap-up, log-out), which call spans alone never show. At most `maxGapMinutes / 2`, so that
   * one agent's sessions never overlap. Default 0.
   */
  padMinutes?: number;
}

/**
 * Infers agent presence from the calls each agent served (there are no log-in records): an agent's
 * served calls, ordered by service start (queue entry + wait), form one session while the idle gap
 * between a call's end and the next call's start is under `maxGapMinutes`; the session runs from
 * the first service start to the last service end, widened by `padMinutes` at both ends.
 * O(records log records).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` when `maxGapMinutes` is not a finite number >= 0, or
 *   `padMinutes` is not in [0, maxGapMinutes / 2].
 * @example
 * // a served (service > 0) or abandoned call of agent A01, arriving at `at` after no IVR
 * const call = (at: string, waitSeconds: number, serviceSeconds: number) => ({ arrivalMs: Date.parse(at),
 *   serviceType: 'PS', priority: 0, outcome: serviceSeconds > 0 ? 'AGENT' : 'HANG', vruSeconds: 0, queued: waitSeconds > 0,
 *   queueSeconds: waitSeconds, servedByAgent: serviceSeconds > 0, serviceSeconds, agent: 'A01' }) as CallRecord;
 * // agent A01 serves 09:00-09:05 and 09:20-09:30: one session 09:00-09:30 with 2 calls
 * const records = [call('2024-01-01T09:00:00Z', 0, 300), call('2024-01-01T09:20:00Z', 0, 600)];
 * agentSessions(records, { maxGapMinutes: 30 }).length; // 1
 * agentSessions(records, { maxGapMinutes: 30, padMinutes: 2.5 })[0]!.startMs; // Date.parse('2024-01-01T08:57:30Z')
 */
export function agentSessions(
  records: readonly CallRecord[],
  options: AgentSessionsOptions = {},
): AgentSession[] {
  const gapMinutes = options.maxGapMinutes ?? 30;
  if (!(gapMinutes >= 0 && Number.isFinite(gapMinutes)))
    invalidInput('agentSessions', 'maxGapMinutes', 'must be a finite number >= 0', gapMinutes);
  const padMinutes = options.padMinutes ?? 0;
  if (!(padMinutes >= 0 && padMinutes <= gapMinutes / 2))
    invalidInput(
      'agentSessions',
      'padMinutes',
      `must be in [0, maxGapMinutes / 2 = ${gapMinutes / 2}]`,
      padMinutes,
    );
  const byAgent = new Map<string, [number, number][]>();
  for (const r of records) {
    if (classifyCall(r) !== 'answered') continue;
    const start = queueEntryMs(r) + waitSeconds(r) * 1000;
    const list = byAgent.get(r.agent) ?? [];
    list.push([start, start + r.serviceSeconds * 1000]);
    byAgent.set(r.agent, list);
  }
  const sessions: AgentSession[] = [];
  const gapMs = gapMinutes * 60_000;
  for (const [agent, calls] of [...byAgent].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    calls.sort((a, b) => a[0] - b[0]);
    let current: AgentSession | undefined;
    for (const [start, end] of calls) {
      if (current !== undefined && start - current.endMs < gapMs) {
        current.endMs = Math.max(current.endMs, end);
        current.calls++;
      } else {
        if (current !== undefined) sessions.push(current);
        current = { agent, startMs: start, endMs: end, calls: 1 };
      }
    }
    if (current !== undefined) sessions.push(current);
  }
  if (padMinutes === 0) return sessions;
  const padMs = padMinutes * 60_000;
  return sessions.map((x) => ({ ...x, startMs: x.startMs - padMs, endMs: x.endMs + padMs }));
}

/**
 * Agents present per grid interval: the sum over sessions of the fraction of the interval each
 * session covers (a session 09:10-09:25 adds 0.5 to the 09:00-09:30 interval). O(sessions x
 * intervals spanned + log).
 *
 * @internal
 * @example
 * import { calibrationGrid } from '../grid.js';
 * const grid30 = calibrationGrid(0, 0, 'UTC', 30);
 * presentAgents([{ agent: 'A', startMs: 0, endMs: 900_000, calls: 1 }], grid30)[0]; // 0.5
 */
export function presentAgents(sessions: readonly AgentSession[], grid: CalibrationGrid): Float64Array {
  const { starts } = grid;
  const n = starts.length;
  const lengthMs = grid.intervalMinutes * 60_000;
  const present = new Float64Array(n);
  for (const s of sessions) {
    // first interval whose end is after the session start
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! + lengthMs <= s.startMs) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < n && starts[i]! < s.endMs; i++) {
      const overlap = Math.min(s.endMs, starts[i]! + lengthMs) - Math.max(s.startMs, starts[i]!);
      if (overlap > 0) present[i]! += overlap / lengthMs;
    }
  }
  return present;
}
