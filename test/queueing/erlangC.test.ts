import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/queueing/erlangC.js';
import { queueMetrics } from '../../src/queueing/queueMetrics.js';
import { cases, expectClose, vectors } from './reference.js';

describe('erlangC', () => {
  it('matches every 40-digit reference vector to 1e-9 relative (1 when agents <= load)', () => {
    for (const v of vectors.erlang)
      expectClose(erlangC(v.agents, v.erlangs), v.erlangC, `C(${v.agents}, ${v.erlangs})`);
  });

  it('gives C(1, A) = A and C(2, 1) = 1/3', () => {
    expect(erlangC(1, 0.25)).toBeCloseTo(0.25, 15);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 15);
  });

  it('is 1 when agents <= load, including no agents', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(0, 0)).toBe(1);
    expect(erlangC(3, 7.5)).toBe(1);
    expect(erlangC(5, 0)).toBe(0);
  });

  it('stays finite in 0..1 for 0..20,000 agents and 0..20,000 Erlangs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20000 }),
        fc.double({ min: 0, max: 20000, noNaN: true }),
        (n, a) => {
          const c = erlangC(n, a);
          return Number.isFinite(c) && c >= 0 && c <= 1;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects invalid input naming erlangC', () => {
    expect(() => erlangC(-1, 2)).toThrow('erlangC: agents must be a non-negative integer (got -1)');
    expect(() => erlangC(3, Number.POSITIVE_INFINITY)).toThrow(
      'erlangC: erlangs must be a finite number >= 0 (got Infinity)',
    );
  });
});

describe('queueMetrics with Erlang C (worked cases)', () => {
  it('reproduces P(wait), service level, ASA, occupancy and stability of every worked case', () => {
    for (const c of cases.erlang_c) {
      const aht = c.aht ?? 120;
      const demand = { callsPerInterval: (c.A * 1800) / aht, intervalMinutes: 30, ahtSeconds: aht };
      const m = queueMetrics(demand, c.n, { thresholdSeconds: c.t ?? 20 });
      const label = `${c.case} n=${c.n}`;
      expect(m.stable, label).toBe(c.stable);
      expect(m.model).toBe('erlang-c');
      expect(m.abandonRate).toBe(0);
      if (!c.stable) {
        expect(m.probWait).toBe(1);
        expect(m.serviceLevel).toBe(0);
        expect(m.asaSeconds).toBe(Number.POSITIVE_INFINITY);
        expect(m.occupancy).toBe(1);
        continue;
      }
      expectClose(m.probWait, c.Pwait!, `${label} Pwait`);
      expectClose(m.serviceLevel, c.SL!, `${label} SL`);
      expectClose(m.asaSeconds, c.ASA!, `${label} ASA`);
      expectClose(m.occupancy, c.occ!, `${label} occ`);
    }
  });

  it('gives the same service level on all three bases', () => {
    const demand = { callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 };
    const sl = (basis: 'offered' | 'excludeShortAbandons' | 'virtualWait') =>
      queueMetrics(demand, 13, { thresholdSeconds: 20, serviceLevelBasis: basis }).serviceLevel;
    expect(sl('excludeShortAbandons')).toBe(sl('offered'));
    expect(sl('virtualWait')).toBe(sl('offered'));
  });
});
