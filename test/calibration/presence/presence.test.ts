import { describe, expect, it } from 'vitest';
import { calibrationGrid, intervalIndex } from '../../../src/calibration/grid.js';
import { agentSessions, presentAgents } from '../../../src/calibration/presence/presence.js';
import { call } from '../records.helpers.js';

const MIN = 60_000;
const t = (h: number, m: number): number => Date.UTC(1999, 1, 1, h, m);
// service start = arrival + VRU + wait
const records = [
  call('08:59:50', { vruSeconds: 10, serviceSeconds: 300 }), // A01 09:00-09:05
  call('09:19:00', { vruSeconds: 30, queued: true, queueSeconds: 30, serviceSeconds: 600 }), // A01 09:20-09:30
  call('11:00:00', { serviceSeconds: 600 }), // A01 11:00-11:10
  call('09:10:00', { agent: 'A02', serviceSeconds: 1800 }), // A02 09:10-09:40
  call('09:15:00', { outcome: 'HANG', queued: true, queueSeconds: 40, servedByAgent: false, agent: '' }),
];

describe('agentSessions', () => {
  it("joins an agent's calls separated by less than the gap and splits at longer gaps", () => {
    expect(agentSessions(records, { maxGapMinutes: 30 })).toEqual([
      { agent: 'A01', startMs: t(9, 0), endMs: t(9, 30), calls: 2 },
      { agent: 'A01', startMs: t(11, 0), endMs: t(11, 10), calls: 1 },
      { agent: 'A02', startMs: t(9, 10), endMs: t(9, 40), calls: 1 },
    ]);
  });

  it('splits the 15-minute idle gap with a 10-minute gap limit', () => {
    const sessions = agentSessions(records, { maxGapMinutes: 10 }).filter((s) => s.agent === 'A01');
    expect(sessions.map((s) => [(s.startMs - t(9, 0)) / MIN, (s.endMs - t(9, 0)) / MIN])).toEqual([
      [0, 5],
      [20, 30],
      [120, 130],
    ]);
  });

  it('widens every session by the padding at both ends', () => {
    const sessions = agentSessions(records, { maxGapMinutes: 30, padMinutes: 2.5 });
    expect(sessions.map((s) => [(s.startMs - t(9, 0)) / MIN, (s.endMs - t(9, 0)) / MIN])).toEqual([
      [-2.5, 32.5],
      [117.5, 132.5],
      [7.5, 42.5],
    ]);
  });

  it('rejects a padding over half the gap (one agent would be present twice)', () => {
    expect(() => agentSessions(records, { maxGapMinutes: 10, padMinutes: 6 })).toThrow(
      'agentSessions: padMinutes must be in [0, maxGapMinutes / 2 = 5] (got 6)',
    );
  });

  it('rejects a negative gap', () => {
    expect(() => agentSessions(records, { maxGapMinutes: -1 })).toThrow(
      'agentSessions: maxGapMinutes must be a finite number >= 0 (got -1)',
    );
  });
});

describe('presentAgents', () => {
  it('sums the fraction of each interval every session covers', () => {
    const grid = calibrationGrid(t(0, 0), t(23, 0), 'UTC', 30);
    const present = presentAgents(agentSessions(records), grid);
    expect(present[intervalIndex(grid, t(9, 0))]).toBeCloseTo(1 + 20 / 30, 12);
    expect(present[intervalIndex(grid, t(9, 30))]).toBeCloseTo(10 / 30, 12);
    expect(present[intervalIndex(grid, t(11, 0))]).toBeCloseTo(10 / 30, 12);
    expect(present[intervalIndex(grid, t(10, 0))]).toBe(0);
    // total presence = total session time / interval length: 30 + 10 + 30 minutes
    expect(present.reduce((s, v) => s + v, 0)).toBeCloseTo(70 / 30, 12);
  });
});
