/**
 * One per-call record of a call centre (the SEE / "Anonymous Bank" layout), as `calibrate` uses it.
 * Instants are epoch milliseconds; durations are whole or fractional seconds.
 */
export interface CallRecord {
  /** Epoch ms when the call entered the voice menu (VRU). */
  arrivalMs: number;
  /** Service type code (PS, PE, IN, NE, NW, TT ...); kept for reporting, not used by the models. */
  serviceType: string;
  /** Priority class (0/1 regular, 2 priority in the bank data); not used by the models. */
  priority: number;
  /** Final outcome: served by an agent, hung up, or a phantom record. */
  outcome: 'AGENT' | 'HANG' | 'PHANTOM';
  /** Seconds spent in the voice menu before the agent queue (or before hanging up in it). */
  vruSeconds: number;
  /** True when the call joined the agent queue. */
  queued: boolean;
  /** Seconds spent in the agent queue (0 when not queued). */
  queueSeconds: number;
  /** True when a named agent served the call. */
  servedByAgent: boolean;
  /** Talk time in seconds when served by an agent; NaN otherwise. */
  serviceSeconds: number;
  /** Agent pseudonym; '' when none (the source's NO_SERVER). */
  agent: string;
}

/**
 * How a record counts in the centre's KPIs:
 * - `answered`: reached the agent queue (or an agent directly) and was served by a named agent;
 * - `abandoned`: joined the agent queue and hung up before service;
 * - `vruOnly`: hung up in the voice menu without queueing (never offered to agents);
 * - `phantom`: a PHANTOM record (a switch artefact, not a caller): ignored;
 * - `noServer`: outcome AGENT but no named agent and no talk time (the source's NO_SERVER);
 *   no agent time was used and the caller neither waited for nor got an agent we can see: ignored.
 *
 * @internal
 */
export type CallClass = 'answered' | 'abandoned' | 'vruOnly' | 'phantom' | 'noServer';

/**
 * Classifies one record for the KPIs (see {@link CallClass} for the rules and why). O(1).
 *
 * @internal
 * @example
 * classifyCall({ arrivalMs: 0, serviceType: 'PS', priority: 0, outcome: 'HANG', vruSeconds: 9,
 *   queued: true, queueSeconds: 40, servedByAgent: false, serviceSeconds: NaN, agent: '' });
 * // 'abandoned'
 */
export function classifyCall(record: CallRecord): CallClass {
  if (record.outcome === 'PHANTOM') return 'phantom';
  if (record.outcome === 'AGENT') {
    return record.servedByAgent && record.agent !== '' && Number.isFinite(record.serviceSeconds)
      ? 'answered'
      : 'noServer';
  }
  return record.queued ? 'abandoned' : 'vruOnly';
}

/**
 * Epoch ms when the call reached the agent queue: arrival + time in the voice menu. O(1).
 *
 * @internal
 * @example
 * queueEntryMs({ arrivalMs: 1000, vruSeconds: 5 } as CallRecord); // 6000
 */
export function queueEntryMs(record: CallRecord): number {
  return record.arrivalMs + record.vruSeconds * 1000;
}

/**
 * Seconds the caller waited in the agent queue: `queueSeconds` when queued, 0 when an agent took the
 * call straight away. O(1).
 *
 * @internal
 * @example
 * waitSeconds({ queued: false, queueSeconds: 0 } as CallRecord); // 0
 */
export function waitSeconds(record: CallRecord): number {
  return record.queued ? record.queueSeconds : 0;
}
