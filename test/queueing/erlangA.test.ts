import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangAUnchecked } from '../../src/queueing/erlangA.js';
import { erlangBUnchecked } from '../../src/queueing/erlangB.js';
import { queueMetrics } from '../../src/queueing/queueMetrics.js';
import type { ServiceLevelBasis } from '../../src/queueing/types.js';
import { cases, expectClose, extreme, vectors } from './reference.js';

const metrics = (
  c: { lam_per_s: number; aht: number; patience: number; t: number; n: number },
  basis: ServiceLevelBasis,
) =>
  queueMetrics(
    {
      callsPerInterval: c.lam_per_s * 1800,
      intervalMinutes: 30,
      ahtSeconds: c.aht,
      patienceSeconds: c.patience,
    },
    c.n,
    { thresholdSeconds: c.t, serviceLevelBasis: basis },
  );

describe('queueMetrics with Erlang A (M/M/n+M)', () => {
  it('reproduces every worked case: P(wait), P(abandon), ASA of answered, occupancy', () => {
    for (const c of cases.erlang_a) {
      const m = metrics(c, 'offered');
      const label = `${c.case} patience ${c.patience} n=${c.n}`;
      expect(m.model).toBe('erlang-a');
      expect(m.stable).toBe(true);
      expectClose(m.probWait, c.Pwait, `${label} Pwait`);
      expectClose(m.abandonRate, c.Pab, `${label} Pab`);
      expectClose(m.asaSeconds, c.ASA_answered, `${label} ASA`);
      expectClose(m.occupancy, c.occ, `${label} occ`);
      // Little's law with abandonment: mean wait of all callers = P(abandon) * mean patience
      expectClose(m.abandonRate * c.patience, c.EW_all, `${label} EW_all`);
    }
  });

  it('reproduces the three service-level bases of every worked case', () => {
    for (const c of cases.erlang_a) {
      const label = `${c.case} patience ${c.patience} n=${c.n}`;
      expectClose(metrics(c, 'offered').serviceLevel, c.SL_answered, `${label} SL_answered`);
      expectClose(metrics(c, 'virtualWait').serviceLevel, c.SL_virtual, `${label} SL_virtual`);
      expectClose(metrics(c, 'excludeShortAbandons').serviceLevel, c.SL_excl_short_ab, `${label} SL_excl`);
    }
  });

  it('matches every Erlang A reference vector on all three bases', () => {
    const withPatience = vectors.metrics.filter((v) => v.demand.patienceSeconds !== undefined);
    expect(withPatience.length).toBeGreaterThan(10);
    for (const v of withPatience) {
      const label = `${JSON.stringify(v.demand)} n=${v.agents}`;
      const at = (basis: ServiceLevelBasis) =>
        queueMetrics(v.demand, v.agents, { thresholdSeconds: v.thresholdSeconds, serviceLevelBasis: basis });
      expectClose(
        at('excludeShortAbandons').serviceLevel,
        v.expected.serviceLevelExcludeShortAbandons!,
        label,
      );
      expectClose(at('virtualWait').serviceLevel, v.expected.serviceLevelVirtualWait!, label);
    }
  });

  it('is defined with fewer agents than the load (abandonment keeps it stable)', () => {
    const m = queueMetrics(
      { callsPerInterval: 2000, intervalMinutes: 30, ahtSeconds: 300, patienceSeconds: 60 },
      200,
      {
        thresholdSeconds: 20,
      },
    );
    // 333 Erlangs offered to 200 agents: at least 40% must abandon, the agents are nearly always busy
    expect(m.stable).toBe(true);
    expect(m.abandonRate).toBeGreaterThan(0.39);
    expect(m.abandonRate).toBeLessThan(1);
    expect(m.occupancy).toBeGreaterThan(0.99);
    expect(m.occupancy).toBeLessThanOrEqual(1);
    expect(m.probWait).toBeGreaterThan(0.99);
  });

  it('with no agents everyone abandons and nobody is answered', () => {
    const m = queueMetrics(
      { callsPerInterval: 10, intervalMinutes: 30, ahtSeconds: 300, patienceSeconds: 60 },
      0,
      {
        thresholdSeconds: 20,
      },
    );
    expect(m).toMatchObject({ probWait: 1, abandonRate: 1, serviceLevel: 0, occupancy: 0 });
    expect(m.asaSeconds).toBe(Number.POSITIVE_INFINITY);
  });

  it('tends to Erlang C as patience grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.integer({ min: 30, max: 600 }),
        (n, rho, aht) => {
          const demand = { callsPerInterval: (n * rho * 1800) / aht, intervalMinutes: 30, ahtSeconds: aht };
          const c = queueMetrics(demand, n, { thresholdSeconds: 20 });
          const a = queueMetrics({ ...demand, patienceSeconds: aht * 1e6 }, n, { thresholdSeconds: 20 });
          // the gap shrinks like 1 / patience; with patience 1e6 AHT (the most calls per second x
          // patience accepted is 1e9) it is below 1e-4
          return (
            Math.abs(a.probWait - c.probWait) < 1e-4 &&
            Math.abs(a.serviceLevel - c.serviceLevel) < 1e-4 &&
            a.abandonRate < 1e-4
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('converges monotonically towards Erlang C: abandonment falls as patience grows', () => {
    const demand = { callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 };
    const c = queueMetrics(demand, 12, { thresholdSeconds: 20 });
    let previousGap = Number.POSITIVE_INFINITY;
    for (const patience of [60, 600, 6000, 60000, 600000]) {
      const a = queueMetrics({ ...demand, patienceSeconds: patience }, 12, { thresholdSeconds: 20 });
      const gap = Math.abs(a.probWait - c.probWait);
      expect(gap).toBeLessThan(previousGap);
      previousGap = gap;
    }
    expect(previousGap).toBeLessThan(1e-3);
  });
});

describe('erlangAUnchecked in heavy overload', () => {
  it('gives the same result when the queue-state sum starts near its mode as when it starts at 0', () => {
    const cases: [number, number, number, number, number][] = [
      // servers, Erlangs, AHT, patience, threshold
      [100, 2000, 100, 300, 20],
      [100, 2000, 100, 300, 300],
      [1000, 5000, 300, 600, 20],
      [50, 20000, 30, 600, 0],
      [1, 20000, 5, 1200, 20],
    ];
    for (const [n, a, aht, patience, t] of cases) {
      const b = erlangBUnchecked(n, a);
      const full = erlangAUnchecked(n, a / aht, aht, patience, t, b, Number.POSITIVE_INFINITY);
      const skipped = erlangAUnchecked(n, a / aht, aht, patience, t, b, 0);
      for (const key of Object.keys(full) as (keyof typeof full)[]) {
        const scale = Math.max(1e-3, Math.abs(full[key]));
        expect(Math.abs(full[key] - skipped[key]) / scale, `${n} ${a} ${key}`).toBeLessThan(1e-9);
      }
    }
  });
});

describe('queueMetrics with Erlang A in extreme regimes', () => {
  it('matches independent closed-form values (incomplete gamma, 40 digits) to 1e-9 on every field', () => {
    for (const c of extreme) {
      const demand = {
        callsPerInterval: (c.erlangs * 900) / c.ahtSeconds,
        intervalMinutes: 15,
        ahtSeconds: c.ahtSeconds,
        patienceSeconds: c.patienceSeconds,
      };
      const at = (basis: ServiceLevelBasis) =>
        queueMetrics(demand, c.agents, { thresholdSeconds: c.thresholdSeconds, serviceLevelBasis: basis });
      const m = at('offered');
      const label = `${c.agents} agents, ${c.erlangs} Erlangs (${c.note})`;
      expectClose(m.probWait, c.expected.probWait, `${label} probWait`);
      expectClose(m.abandonRate, c.expected.abandonRate, `${label} abandonRate`);
      expectClose(m.serviceLevel, c.expected.serviceLevel, `${label} serviceLevel`);
      expectClose(m.asaSeconds, c.expected.asaSeconds, `${label} asaSeconds`);
      expectClose(m.occupancy, c.expected.occupancy, `${label} occupancy`);
      expectClose(at('virtualWait').serviceLevel, c.expected.serviceLevelVirtualWait, `${label} virtualWait`);
      expectClose(
        at('excludeShortAbandons').serviceLevel,
        c.expected.serviceLevelExcludeShortAbandons,
        `${label} excludeShortAbandons`,
      );
    }
  });
});
