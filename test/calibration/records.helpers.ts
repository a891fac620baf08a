import type { CallRecord } from '../../src/calibration/records.js';

/** A call record at a UTC wall-clock time on 1999-02-01, with sensible defaults for the rest. */
export function call(time: string, fields: Partial<CallRecord> = {}): CallRecord {
  const [h, m, s] = time.split(':').map(Number) as [number, number, number];
  return {
    arrivalMs: Date.UTC(1999, 1, 1, h, m, s),
    serviceType: 'PS',
    priority: 0,
    outcome: 'AGENT',
    vruSeconds: 0,
    queued: false,
    queueSeconds: 0,
    servedByAgent: true,
    serviceSeconds: 100,
    agent: 'A01',
    ...fields,
  };
}
