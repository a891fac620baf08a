import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrationGrid } from '../../../src/calibration/grid.js';
import type { AgentSession } from '../../../src/calibration/presence/presence.js';
import { queueAgentProfile, queueAgents } from '../../../src/calibration/presence/presenceQueue.js';
import { call } from '../records.helpers.js';

const t = (h: number, m: number, s = 0): number => Date.UTC(1999, 1, 1, h, m, s);
const grid = calibrationGrid(t(0, 0), t(0, 0), 'UTC', 30); // Monday 1 February 1999, 48 half hours
const hang = { outcome: 'HANG' as const, servedByAgent: false, agent: '', serviceSeconds: Number.NaN };
const records = [
  call('10:00:00', { serviceSeconds: 300 }), // A01 talks 10:00-10:05
  call('10:01:00', { queued: true, queueSeconds: 240, serviceSeconds: 180 }), // waits 10:01-10:05, talks -10:08
  call('10:20:00', { ...hang, queued: true, queueSeconds: 30 }), // waits 10:20:00-10:20:30, nobody free
  call('10:29:00', { queued: true, queueSeconds: 120, serviceSeconds: 60, agent: 'A02' }), // waits 10:29-10:31
];
const sessions: AgentSession[] = [
  { agent: 'A01', startMs: t(10, 0), endMs: t(10, 8), calls: 2 },
  { agent: 'A02', startMs: t(10, 25), endMs: t(10, 35), calls: 1 },
];

describe('queueAgentProfile', () => {
  const profile = queueAgentProfile(records, sessions, grid);

  it('splits each half hour into time with callers waiting and time without, by agents busy and present', () => {
    // 10:00-10:30: waiting 10:01-10:05 (1 busy, 1 present), 10:20:00-10:20:30 (0, 0), 10:29-10:30 (0, 1)
    expect(profile.congestedSeconds[20]).toBe(330);
    expect(profile.busyAgentSecondsCongested[20]).toBe(240);
    expect(profile.presentAgentSecondsCongested[20]).toBe(300);
    const idle = [...profile.idle[20]!].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    // (0 busy, 0 present) 10:08-10:20 and 10:20:30-10:25; (0, 1) 10:25-10:29; (1, 1) 10:00-10:01 and 10:05-10:08
    expect(idle).toEqual([
      [0, 0, 990],
      [0, 1, 240],
      [1, 1, 240],
    ]);
  });

  it('carries a wait across the interval end into the next interval', () => {
    expect(profile.congestedSeconds[21]).toBe(60); // 10:30-10:31
    expect(profile.busyAgentSecondsCongested[21]).toBe(0);
    expect(profile.presentAgentSecondsCongested[21]).toBe(60);
  });

  it('every second of an interval is either congested or idle', () => {
    for (let i = 0; i < 48; i++) {
      const idle = profile.idle[i]!.reduce((s, [, , seconds]) => s + seconds, 0);
      expect(profile.congestedSeconds[i]! + idle).toBeCloseTo(1800, 9);
    }
  });
});

describe('queueAgents', () => {
  const profile = queueAgentProfile(records, sessions, grid);

  it('counts agents busy while callers wait and max(busy, factor x present) otherwise', () => {
    // (240 + 240 x max(1, 0.5) + 990 x 0 + 240 x max(0, 0.5)) / 1800
    expect(queueAgents(profile, 20, 0.5)).toBeCloseTo(600 / 1800, 12);
    // (240 + 240 x 2 + 240 x 2) / 1800
    expect(queueAgents(profile, 20, 2)).toBeCloseTo(1200 / 1800, 12);
  });

  it('never falls below the agents seen talking and never decreases with the factor (random calls)', () => {
    const recordArb = fc.record({
      minute: fc.integer({ min: 0, max: 179 }),
      wait: fc.integer({ min: 0, max: 600 }),
      talk: fc.integer({ min: 1, max: 900 }),
      agent: fc.constantFrom('A01', 'A02', 'A03'),
      abandoned: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(recordArb, { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0.3, max: 1.5, noNaN: true }),
        (rows, f) => {
          const recs = rows.map((r) => {
            const h = 9 + Math.floor(r.minute / 60);
            const time = `${String(h).padStart(2, '0')}:${String(r.minute % 60).padStart(2, '0')}:00`;
            return r.abandoned
              ? call(time, { ...hang, queued: r.wait > 0, queueSeconds: r.wait })
              : call(time, {
                  queued: r.wait > 0,
                  queueSeconds: r.wait,
                  serviceSeconds: r.talk,
                  agent: r.agent,
                });
          });
          const p = queueAgentProfile(
            recs,
            [{ agent: 'A01', startMs: t(9, 0), endMs: t(12, 0), calls: 1 }],
            grid,
          );
          for (let i = 0; i < 48; i++) {
            const idle = p.idle[i]!.reduce((s, [, , seconds]) => s + seconds, 0);
            expect(p.congestedSeconds[i]! + idle).toBeCloseTo(1800, 6);
            let busySeconds = p.busyAgentSecondsCongested[i]!;
            for (const [busy, , seconds] of p.idle[i]!) busySeconds += busy * seconds;
            expect(queueAgents(p, i, f)).toBeGreaterThanOrEqual(busySeconds / 1800 - 1e-12);
            expect(queueAgents(p, i, f + 0.1)).toBeGreaterThanOrEqual(queueAgents(p, i, f) - 1e-12);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
