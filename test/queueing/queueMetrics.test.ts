import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queueMetrics } from '../../src/queueing/queueMetrics.js';
import type { QueueDemand } from '../../src/queueing/types.js';
import { expectClose, vectors } from './reference.js';

describe('queueMetrics', () => {
  it('matches every reference vector (Erlang C and A): P(wait), SL, ASA, abandonment, occupancy', () => {
    for (const v of vectors.metrics) {
      const m = queueMetrics(v.demand, v.agents, { thresholdSeconds: v.thresholdSeconds });
      const label = `${JSON.stringify(v.demand)} n=${v.agents}`;
      expect(m.model).toBe(v.demand.patienceSeconds === undefined ? 'erlang-c' : 'erlang-a');
      expect(m.agents).toBe(v.agents);
      expectClose(m.probWait, v.expected.probWait, `${label} probWait`);
      expectClose(m.serviceLevel, v.expected.serviceLevel, `${label} serviceLevel`);
      expectClose(m.asaSeconds, v.expected.asaSeconds, `${label} asaSeconds`);
      expectClose(m.abandonRate, v.expected.abandonRate, `${label} abandonRate`);
      expectClose(m.occupancy, v.expected.occupancy, `${label} occupancy`);
    }
  });

  it('reports the offered load in Erlangs as calls per second times AHT', () => {
    const m = queueMetrics({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 }, 14, {
      thresholdSeconds: 20,
    });
    expect(m.offeredErlangs).toBeCloseTo(10, 12);
  });

  it('gives a clean result for zero volume, with or without agents', () => {
    for (const patienceSeconds of [undefined, 60]) {
      const demand: QueueDemand = { callsPerInterval: 0, intervalMinutes: 15, ahtSeconds: 300 };
      if (patienceSeconds !== undefined) demand.patienceSeconds = patienceSeconds;
      for (const agents of [0, 5]) {
        expect(queueMetrics(demand, agents, { thresholdSeconds: 20 })).toMatchObject({
          agents,
          offeredErlangs: 0,
          probWait: 0,
          serviceLevel: 1,
          asaSeconds: 0,
          abandonRate: 0,
          occupancy: 0,
          stable: true,
        });
      }
    }
  });

  it('marks Erlang C with agents <= load unstable with infinite ASA and full occupancy', () => {
    const m = queueMetrics({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 }, 10, {
      thresholdSeconds: 20,
    });
    expect(m).toMatchObject({ stable: false, probWait: 1, serviceLevel: 0, occupancy: 1 });
    expect(m.asaSeconds).toBe(Number.POSITIVE_INFINITY);
  });

  it('models chat concurrency c as agents * c servers with the same handle time per contact', () => {
    const chat = queueMetrics(
      { callsPerInterval: 200, intervalMinutes: 30, ahtSeconds: 240, concurrency: 3 },
      10,
      {
        thresholdSeconds: 60,
      },
    );
    const servers = queueMetrics({ callsPerInterval: 200, intervalMinutes: 30, ahtSeconds: 240 }, 30, {
      thresholdSeconds: 60,
    });
    expect(chat.agents).toBe(10);
    expect(chat.stable).toBe(true);
    expect(chat.serviceLevel).toBe(servers.serviceLevel);
    expect(chat.probWait).toBe(servers.probWait);
    expect(chat.asaSeconds).toBe(servers.asaSeconds);
    // occupancy is per contact slot: 26.67 Erlangs on 30 slots
    expectClose(chat.occupancy, (200 * 240) / 1800 / 30);
  });

  it('returns finite metrics in range for random inputs over 0..20,000 agents and Erlangs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20000 }),
        fc.double({ min: 0, max: 20000, noNaN: true }),
        fc.integer({ min: 5, max: 1200 }),
        fc.option(fc.integer({ min: 5, max: 1200 }), { nil: undefined }),
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom('offered', 'excludeShortAbandons', 'virtualWait') as fc.Arbitrary<
          'offered' | 'excludeShortAbandons' | 'virtualWait'
        >,
        (agents, erlangs, aht, patience, threshold, basis) => {
          const demand: QueueDemand = {
            callsPerInterval: (erlangs * 900) / aht,
            intervalMinutes: 15,
            ahtSeconds: aht,
          };
          if (patience !== undefined) demand.patienceSeconds = patience;
          const m = queueMetrics(demand, agents, { thresholdSeconds: threshold, serviceLevelBasis: basis });
          const inUnit = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1;
          const asaOk = m.asaSeconds >= 0 && (Number.isFinite(m.asaSeconds) || !m.stable || agents === 0);
          return (
            inUnit(m.probWait) &&
            inUnit(m.serviceLevel) &&
            inUnit(m.abandonRate) &&
            inUnit(m.occupancy) &&
            asaOk
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('rejects invalid input with a message naming queueMetrics and the field', () => {
    const d = { callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 };
    const o = { thresholdSeconds: 20 };
    expect(() => queueMetrics(d, -1, o)).toThrow(
      'queueMetrics: agents must be a non-negative integer (got -1)',
    );
    expect(() => queueMetrics(d, 2.5, o)).toThrow(
      'queueMetrics: agents must be a non-negative integer (got 2.5)',
    );
    expect(() => queueMetrics({ ...d, callsPerInterval: Number.NaN }, 5, o)).toThrow(
      'queueMetrics: demand.callsPerInterval must be a finite number >= 0 (got NaN)',
    );
    expect(() => queueMetrics({ ...d, ahtSeconds: 0 }, 5, o)).toThrow(
      'queueMetrics: demand.ahtSeconds must be a finite number > 0 (got 0)',
    );
    expect(() => queueMetrics({ ...d, intervalMinutes: -15 }, 5, o)).toThrow(
      'queueMetrics: demand.intervalMinutes must be a finite number > 0 (got -15)',
    );
    expect(() => queueMetrics({ ...d, patienceSeconds: 0 }, 5, o)).toThrow(
      'queueMetrics: demand.patienceSeconds must be a finite number > 0 (got 0)',
    );
    expect(() => queueMetrics({ ...d, concurrency: 1.5 }, 5, o)).toThrow(
      'queueMetrics: demand.concurrency must be an integer 1..100 (got 1.5)',
    );
    expect(() => queueMetrics(d, 5, { thresholdSeconds: -1 })).toThrow(
      'queueMetrics: options.thresholdSeconds must be a finite number >= 0 (got -1)',
    );
    expect(() =>
      queueMetrics(d, 5, { thresholdSeconds: 20, serviceLevelBasis: 'answered' as unknown as 'offered' }),
    ).toThrow(
      'queueMetrics: options.serviceLevelBasis must be one of offered, excludeShortAbandons, virtualWait (got answered)',
    );
  });
});
