import { describe, expect, it } from 'vitest';
import { modelNoiseFloor } from '../../../src/calibration/diagnostics/noiseFloor.js';
import { predictKpis } from '../../../src/calibration/predictedKpis.js';

const halfHour = { callsPerInterval: 60, intervalMinutes: 30, ahtSeconds: 200, patienceSeconds: 300 };

describe('modelNoiseFloor', () => {
  it('gives the same answer for the same seed and a different one for another seed', () => {
    const a = modelNoiseFloor([{ demand: halfHour, agents: 6 }], 20, { replications: 50, seed: 3 });
    const b = modelNoiseFloor([{ demand: halfHour, agents: 6 }], 20, { replications: 50, seed: 3 });
    const c = modelNoiseFloor([{ demand: halfHour, agents: 6 }], 20, { replications: 50, seed: 4 });
    expect(a).toEqual(b);
    expect(c.serviceLevelMae).not.toBe(a.serviceLevelMae);
  });

  it('replays the model itself: over long intervals the simulated KPIs average to Erlang A', () => {
    // 1000 calls over 5 hours, 9 and 10 agents: Erlang A SL 0.524 / 0.640, abandonment 0.192 / 0.137
    const demand = { callsPerInterval: 1000, intervalMinutes: 300, ahtSeconds: 180, patienceSeconds: 120 };
    for (const agents of [9, 10]) {
      const f = modelNoiseFloor([{ demand, agents }], 20, { replications: 60, seed: 7 });
      const p = predictKpis(demand, agents, 20);
      expect(Math.abs(f.serviceLevelSimulated - p.serviceLevel)).toBeLessThan(0.015);
      expect(Math.abs(f.abandonRateSimulated - p.abandonRate)).toBeLessThan(0.01);
      expect(f.serviceLevelPredicted).toBe(p.serviceLevel);
    }
  });

  it('has no floor when every caller is answered at once (40 agents for a load of 6.7)', () => {
    const f = modelNoiseFloor([{ demand: halfHour, agents: 40 }], 20, { replications: 30 });
    expect(f.serviceLevelMae).toBeLessThan(1e-9);
    expect(f.abandonRateMae).toBeLessThan(1e-12);
  });

  it('shrinks as an interval holds more calls at the same rate (30 min against 4 h)', () => {
    const short = modelNoiseFloor([{ demand: halfHour, agents: 6 }], 20, { replications: 150 });
    const long = modelNoiseFloor(
      [{ demand: { ...halfHour, callsPerInterval: 480, intervalMinutes: 240 }, agents: 6 }],
      20,
      { replications: 150 },
    );
    expect(long.serviceLevelMae).toBeLessThan(0.6 * short.serviceLevelMae);
    expect(short.serviceLevelMae).toBeGreaterThan(0.1); // one busy half hour at 6 agents scatters by 10+ points
  });

  it('rejects no interval and a bad replication count', () => {
    expect(() => modelNoiseFloor([], 20)).toThrow(/intervals must not be empty/);
    expect(() => modelNoiseFloor([{ demand: halfHour, agents: 6 }], 20, { replications: 0 })).toThrow(
      /replications must be a whole number >= 1/,
    );
  });
});
