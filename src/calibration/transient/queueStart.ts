import type { CalibrationGrid } from '../grid.js';
import { type CallRecord, classifyCall, queueEntryMs, waitSeconds } from '../records.js';

/**
 * The queue found at the start of every grid interval (see {@link queueAtStarts}).
 *
 * @internal
 */
export interface QueueStarts {
  /** Agents talking at each interval start. */
  busyAgents: Int32Array;
  /** Callers waiting in the agent queue at each interval start. */
  waitingCallers: Int32Array;
}

/**
 * Measures the state of the queue at every interval start from the calls: a caller is waiting at
 * instant b when queue entry < b < entry + wait (answered or abandoned), an agent is talking when
 * service start (entry + wait) <= b < service end. These callers and talks belong to earlier
 * intervals: the state carried over, the input of `transientKpis`. O(records x intervals spanned).
 *
 * @internal
 * @example
 * import { calibrationGrid } from '../grid.js';
 * // a served (service > 0) or abandoned call of agent A01, arriving at `at` after no IVR
 * const call = (at: string, waitSeconds: number, serviceSeconds: number) => ({ arrivalMs: Date.parse(at),
 *   serviceType: 'PS', priority: 0, outcome: serviceSeconds > 0 ? 'AGENT' : 'HANG', vruSeconds: 0, queued: waitSeconds > 0,
 *   queueSeconds: waitSeconds, servedByAgent: serviceSeconds > 0, serviceSeconds, agent: 'A01' }) as CallRecord;
 * // 30-minute grid: a caller queues 09:50-10:05, an agent talks 09:55-10:10
 * const records = [call('2024-01-01T09:50:00Z', 900, 300), call('2024-01-01T09:55:00Z', 0, 900)];
 * const s = queueAtStarts(records, calibrationGrid(Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1), 'UTC', 30));
 * [s.waitingCallers[20], s.busyAgents[20]]; // [1, 1] (at 10:00)
 */
export function queueAtStarts(records: readonly CallRecord[], grid: CalibrationGrid): QueueStarts {
  const n = grid.starts.length;
  const busyAgents = new Int32Array(n);
  const waitingCallers = new Int32Array(n);
  const { starts } = grid;
  // first interval start strictly after t (binary search)
  const firstStartAfter = (t: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const r of records) {
    const cls = classifyCall(r);
    if (cls !== 'answered' && cls !== 'abandoned') continue;
    const entry = queueEntryMs(r);
    const serviceStart = entry + waitSeconds(r) * 1000;
    for (let k = firstStartAfter(entry); k < n && starts[k]! < serviceStart; k++) waitingCallers[k]!++;
    if (cls !== 'answered') continue;
    const serviceEnd = serviceStart + r.serviceSeconds * 1000;
    // a talk starting exactly at b counts as talking at b (half a millisecond before it)
    for (let k = firstStartAfter(serviceStart - 0.5); k < n && starts[k]! < serviceEnd; k++) busyAgents[k]!++;
  }
  return { busyAgents, waitingCallers };
}
