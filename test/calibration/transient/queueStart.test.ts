import { describe, expect, it } from 'vitest';
import { calibrationGrid } from '../../../src/calibration/grid.js';
import { queueAtStarts } from '../../../src/calibration/transient/queueStart.js';
import { call } from '../records.helpers.js';

describe('queueAtStarts', () => {
  it('counts callers waiting and agents talking at each interval start', () => {
    const grid = calibrationGrid(Date.UTC(1999, 1, 1), Date.UTC(1999, 1, 1), 'UTC', 30);
    const records = [
      // waits 09:50-10:05, then A01 talks 10:05-10:10
      call('09:50:00', { queued: true, queueSeconds: 900, serviceSeconds: 300 }),
      // A02 talks 09:55-10:10
      call('09:55:00', { agent: 'A02', serviceSeconds: 900 }),
      // abandons after waiting 10:25-10:40
      call('10:25:00', {
        outcome: 'HANG',
        queued: true,
        queueSeconds: 900,
        servedByAgent: false,
        agent: '',
        serviceSeconds: Number.NaN,
      }),
      // A03 starts talking exactly at 11:00
      call('11:00:00', { agent: 'A03', serviceSeconds: 60 }),
    ];
    const s = queueAtStarts(records, grid);
    expect([s.waitingCallers[20], s.busyAgents[20]]).toEqual([1, 1]); // 10:00
    expect([s.waitingCallers[21], s.busyAgents[21]]).toEqual([1, 0]); // 10:30
    expect([s.waitingCallers[22], s.busyAgents[22]]).toEqual([0, 1]); // 11:00
    expect([s.waitingCallers[19], s.busyAgents[19]]).toEqual([0, 0]); // 09:30
  });
});
