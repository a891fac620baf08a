import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StaffcastError } from '../../src/errors.js';
import { meetsTarget } from '../../src/queueing/meetsTarget.js';
import { queueMetrics } from '../../src/queueing/queueMetrics.js';
import { requiredAgents } from '../../src/queueing/requiredAgents.js';
import type { QueueDemand, StaffingTarget } from '../../src/queueing/types.js';
import { cases, vectors } from './reference.js';

const ahtOfCase = (name: string): number => {
  const c = cases.erlang_a.find((x) => x.case === name);
  if (c === undefined) throw new Error(`no erlang_a case ${name}`);
  return c.aht;
};

describe('requiredAgents', () => {
  it('returns exactly the reference agent count for every vector', () => {
    for (const v of vectors.required) {
      expect(requiredAgents(v.demand, v.target).agents, JSON.stringify(v)).toBe(v.agents);
    }
  });

  it('returns exactly the minimum agents of every worked case (Erlang C, occupancy cap, Erlang A, abandonment cap)', () => {
    for (const m of cases.min_agents) {
      const aht = ahtOfCase(m.case);
      const d: QueueDemand = { callsPerInterval: (m.A * 1800) / aht, intervalMinutes: 30, ahtSeconds: aht };
      const t: StaffingTarget = { serviceLevel: m.target, thresholdSeconds: m.t };
      const need = (demand: QueueDemand, target: StaffingTarget) => requiredAgents(demand, target).agents;
      expect(need(d, t), `${m.case} erlang_c`).toBe(m.erlang_c);
      expect(need(d, { ...t, maxOccupancy: 0.85 }), `${m.case} maxocc85`).toBe(m.erlang_c_maxocc85);
      expect(need({ ...d, patienceSeconds: 60 }, t), `${m.case} pat60`).toBe(m.erlang_a_pat60);
      expect(need({ ...d, patienceSeconds: 300 }, t), `${m.case} pat300`).toBe(m.erlang_a_pat300);
      expect(
        need({ ...d, patienceSeconds: 60 }, { ...t, maxAbandonRate: 0.02 }),
        `${m.case} pat60 ab2%`,
      ).toBe(m.erlang_a_pat60_ab2pct);
      expect(
        need({ ...d, patienceSeconds: 300 }, { ...t, maxAbandonRate: 0.02 }),
        `${m.case} pat300 ab2%`,
      ).toBe(m.erlang_a_pat300_ab2pct);
    }
  });

  it('finds Erlang A answers below the offered load (it never starts at load + 1)', () => {
    // 10,000 Erlangs with 60 s patience: 8,001 agents meet 80/20 on the offered basis
    const m = requiredAgents(
      { callsPerInterval: 60000, intervalMinutes: 30, ahtSeconds: 300, patienceSeconds: 60 },
      { serviceLevel: 0.8, thresholdSeconds: 20 },
    );
    expect(m.agents).toBe(8001);
    expect(m.agents).toBeLessThan(m.offeredErlangs);
  });

  it('returns the metrics of the answer on the target threshold and basis', () => {
    const demand = { callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180, patienceSeconds: 120 };
    const target: StaffingTarget = {
      serviceLevel: 0.9,
      thresholdSeconds: 15,
      serviceLevelBasis: 'virtualWait',
    };
    const m = requiredAgents(demand, target);
    expect(m).toEqual(
      queueMetrics(demand, m.agents, { thresholdSeconds: 15, serviceLevelBasis: 'virtualWait' }),
    );
    expect(m.serviceLevel).toBeGreaterThanOrEqual(0.9);
  });

  it('needs 0 agents for zero volume', () => {
    const m = requiredAgents(
      { callsPerInterval: 0, intervalMinutes: 15, ahtSeconds: 300 },
      { serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: 0.85 },
    );
    expect(m).toMatchObject({ agents: 0, serviceLevel: 1, probWait: 0, stable: true });
  });

  it('needs at least one agent and a stable queue for any load', () => {
    expect(requiredAgents({ callsPerInterval: 0.01, intervalMinutes: 60, ahtSeconds: 60 }, {}).agents).toBe(
      1,
    );
    expect(requiredAgents({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 }, {}).agents).toBe(
      11,
    );
  });

  it('meets every target at once, and agents - 1 misses at least one (random demands and targets)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 3000, noNaN: true }),
        fc.integer({ min: 20, max: 900 }),
        fc.option(fc.integer({ min: 10, max: 900 }), { nil: undefined }),
        fc.integer({ min: 1, max: 3 }),
        fc.record(
          {
            serviceLevel: fc.double({ min: 0.5, max: 0.95, noNaN: true }),
            maxAsaSeconds: fc.integer({ min: 5, max: 120 }),
            maxAbandonRate: fc.double({ min: 0.01, max: 0.2, noNaN: true }),
            maxOccupancy: fc.double({ min: 0.6, max: 0.98, noNaN: true }),
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom('offered', 'excludeShortAbandons', 'virtualWait') as fc.Arbitrary<
          'offered' | 'excludeShortAbandons' | 'virtualWait'
        >,
        (erlangs, aht, patience, concurrency, partial, basis) => {
          const demand: QueueDemand = {
            callsPerInterval: (erlangs * 1800) / aht,
            intervalMinutes: 30,
            ahtSeconds: aht,
            concurrency,
          };
          if (patience !== undefined) demand.patienceSeconds = patience;
          const target: StaffingTarget = { ...partial, thresholdSeconds: 20, serviceLevelBasis: basis };
          const m = requiredAgents(demand, target);
          const options = { thresholdSeconds: 20, serviceLevelBasis: basis };
          if (!meetsTarget(queueMetrics(demand, m.agents, options), target)) return false;
          return m.agents === 0 || !meetsTarget(queueMetrics(demand, m.agents - 1, options), target);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('staffs 20,000 Erlangs exactly for Erlang C and Erlang A', () => {
    for (const patienceSeconds of [undefined, 180]) {
      const demand: QueueDemand = { callsPerInterval: 60000, intervalMinutes: 15, ahtSeconds: 300 };
      if (patienceSeconds !== undefined) demand.patienceSeconds = patienceSeconds;
      const target: StaffingTarget = { serviceLevel: 0.9, thresholdSeconds: 10, maxAbandonRate: 0.01 };
      const m = requiredAgents(demand, target);
      const options = { thresholdSeconds: 10 };
      expect(m.offeredErlangs).toBeCloseTo(20000, 6);
      expect(meetsTarget(queueMetrics(demand, m.agents, options), target)).toBe(true);
      expect(meetsTarget(queueMetrics(demand, m.agents - 1, options), target)).toBe(false);
    }
  });

  it('staffs chat with concurrency c as ceil(servers needed / c) agents', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        fc.integer({ min: 2, max: 4 }),
        fc.option(fc.integer({ min: 30, max: 600 }), { nil: undefined }),
        (erlangs, c, patience) => {
          const demand: QueueDemand = { callsPerInterval: erlangs * 6, intervalMinutes: 30, ahtSeconds: 300 };
          if (patience !== undefined) demand.patienceSeconds = patience;
          const target: StaffingTarget = { serviceLevel: 0.8, thresholdSeconds: 30 };
          const servers = requiredAgents(demand, target).agents;
          return requiredAgents({ ...demand, concurrency: c }, target).agents === Math.ceil(servers / c);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('throws TARGET_UNREACHABLE beyond maxAgents', () => {
    const demand = { callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 };
    expect(() => requiredAgents(demand, { serviceLevel: 0.8, thresholdSeconds: 20, maxAgents: 13 })).toThrow(
      'requiredAgents: no agent count up to maxAgents 13 meets the target (load 10.0000 Erlangs)',
    );
    try {
      requiredAgents({ ...demand, patienceSeconds: 60 }, { maxOccupancy: 0, maxAgents: 500 });
      expect.unreachable();
    } catch (e) {
      expect((e as StaffcastError).code).toBe('TARGET_UNREACHABLE');
    }
    expect(requiredAgents(demand, { serviceLevel: 0.8, thresholdSeconds: 20, maxAgents: 14 }).agents).toBe(
      14,
    );
  });

  it('rejects invalid targets with a message naming requiredAgents and the field', () => {
    const d = { callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 };
    expect(() => requiredAgents(d, { serviceLevel: 0.8 })).toThrow(
      'requiredAgents: target.thresholdSeconds is required with target.serviceLevel (got undefined)',
    );
    expect(() => requiredAgents(d, { serviceLevel: 80, thresholdSeconds: 20 })).toThrow(
      'requiredAgents: target.serviceLevel must be a fraction in 0..1 (got 80)',
    );
    expect(() => requiredAgents(d, { serviceLevel: 0.8, thresholdSeconds: -5 })).toThrow(
      'requiredAgents: target.thresholdSeconds must be a finite number >= 0 (got -5)',
    );
    expect(() => requiredAgents(d, { maxOccupancy: 1.2 })).toThrow(
      'requiredAgents: target.maxOccupancy must be a fraction in 0..1 (got 1.2)',
    );
    expect(() => requiredAgents(d, { maxAbandonRate: Number.NaN })).toThrow(
      'requiredAgents: target.maxAbandonRate must be a fraction in 0..1 (got NaN)',
    );
    expect(() => requiredAgents(d, { maxAsaSeconds: -1 })).toThrow(
      'requiredAgents: target.maxAsaSeconds must be a finite number >= 0 (got -1)',
    );
    expect(() => requiredAgents(d, { maxAgents: 10.5 })).toThrow(
      'requiredAgents: target.maxAgents must be a non-negative integer (got 10.5)',
    );
    expect(() => requiredAgents({ ...d, ahtSeconds: -1 }, {})).toThrow(
      'requiredAgents: demand.ahtSeconds must be a finite number > 0 (got -1)',
    );
  });
});
