import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodStaffing } from '../../src/staffing/periodStaffing.js';

/** Erlang C service level (test-local, Erlang B recursion), 0 when unstable. */
function erlangCServiceLevel(
  agents: number,
  erlangs: number,
  ahtSeconds: number,
  thresholdSeconds: number,
): number {
  if (erlangs === 0) return 1;
  if (agents <= erlangs) return 0;
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (erlangs * b) / (k + erlangs * b);
  const c = (agents * b) / (agents - erlangs * (1 - b));
  return 1 - c * Math.exp((-(agents - erlangs) * thresholdSeconds) / ahtSeconds);
}

/** Fewest total agents meeting the target, by enumerating every combination in floor..upper. */
function bruteForce(
  calls: number[],
  floor: number[],
  upper: number[],
  sl: (i: number, n: number) => number,
  target: number,
): number {
  const weight = calls.reduce((s, c) => s + c, 0);
  const table = calls.map((_c, i) => Array.from({ length: upper[i]! + 1 }, (_x, n) => sl(i, n)));
  let best = Number.POSITIVE_INFINITY;
  const current = [...floor];
  const walk = (i: number): void => {
    if (i === calls.length) {
      let answered = 0;
      for (let j = 0; j < calls.length; j++) answered += calls[j]! * table[j]![current[j]!]!;
      if (answered >= target * weight * (1 - 1e-12))
        best = Math.min(
          best,
          current.reduce((s, a) => s + a, 0),
        );
      return;
    }
    for (let a = floor[i]!; a <= upper[i]!; a++) {
      current[i] = a;
      walk(i + 1);
    }
  };
  walk(0);
  return best;
}

const caseArb = fc.record({
  calls: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 2, maxLength: 3 }),
  ahtSeconds: fc.integer({ min: 60, max: 400 }),
  target: fc.constantFrom(0.6, 0.7, 0.8, 0.9),
});

describe('periodStaffing', () => {
  it('puts agents where the calls are: 10 calls and 1 call, SL = n / 4, target 80%', () => {
    const r = periodStaffing({
      calls: [10, 1],
      floor: [0, 0],
      ceiling: [4, 4],
      serviceLevel: (_i, n) => Math.min(1, n / 4),
      target: 0.8,
    });
    expect([...r.agents]).toEqual([4, 0]);
    expect(r.serviceLevel).toBeCloseTo(10 / 11, 12);
  });

  it('matches brute force on small Erlang C days (fewest agents meeting the volume-weighted target)', () => {
    fc.assert(
      fc.property(caseArb, ({ calls, ahtSeconds, target }) => {
        const erlangs = calls.map((c) => (c * ahtSeconds) / 1800);
        const sl = (i: number, n: number) => erlangCServiceLevel(n, erlangs[i]!, ahtSeconds, 20);
        const floor = erlangs.map((a) => (a === 0 ? 0 : Math.floor(a) + 1));
        const ceiling = erlangs.map((_a, i) => {
          let n = floor[i]!;
          while (sl(i, n) < target) n++;
          return n;
        });
        const r = periodStaffing({ calls, floor, ceiling, serviceLevel: sl, target });
        const total = r.agents.reduce((s, a) => s + a, 0);
        const brute = bruteForce(
          calls,
          floor,
          ceiling.map((c) => c + 12),
          sl,
          target,
        );
        expect(total).toBe(brute);
        expect(r.serviceLevel).toBeGreaterThanOrEqual(target * (1 - 1e-12));
        expect(total).toBeLessThanOrEqual(ceiling.reduce((s, a) => s + a, 0));
      }),
      { numRuns: 150 },
    );
  });

  it('is within one agent of brute force, and exact in 90% of cases, with S-shaped service levels from zero agents', () => {
    let exact = 0;
    let runs = 0;
    fc.assert(
      fc.property(caseArb, ({ calls, ahtSeconds, target }) => {
        const load = calls.map((c) => (c * ahtSeconds) / 1800);
        // logistic in agents around the load: convex then concave
        const sl = (i: number, n: number) =>
          calls[i] === 0 ? 1 : 1 / (1 + Math.exp(-(n - load[i]!) / Math.max(0.7, Math.sqrt(load[i]!) / 2)));
        const floor = calls.map(() => 0);
        const ceiling = calls.map((_c, i) => {
          let n = 0;
          while (sl(i, n) < target) n++;
          return n;
        });
        const r = periodStaffing({ calls, floor, ceiling, serviceLevel: sl, target });
        const total = r.agents.reduce((s, a) => s + a, 0);
        const brute = bruteForce(
          calls,
          floor,
          ceiling.map((c) => c + 12),
          sl,
          target,
        );
        expect(total).toBeGreaterThanOrEqual(brute);
        expect(total).toBeLessThanOrEqual(brute + 1);
        runs++;
        if (total === brute) exact++;
      }),
      { numRuns: 200, seed: 42 },
    );
    console.info(`periodStaffing S-shaped: exact in ${exact} of ${runs} cases`);
    expect(exact / runs).toBeGreaterThanOrEqual(0.9);
  });

  it('crosses a region where the service level is exactly 0 (far below the load): within one agent of brute force, exact in 90%', () => {
    let exact = 0;
    let runs = 0;
    fc.assert(
      fc.property(caseArb, ({ calls, ahtSeconds, target }) => {
        const load = calls.map((c) => (c * ahtSeconds) / 1800);
        // 0 until 3 agents below the load, then rising steeply and concave
        const sl = (i: number, n: number) =>
          calls[i] === 0 ? 1 : n < load[i]! - 3 ? 0 : Math.min(1, ((n - load[i]! + 3) / 6) ** 0.5);
        const floor = calls.map(() => 0);
        const ceiling = calls.map((_c, i) => {
          let n = 0;
          while (sl(i, n) < target) n++;
          return n;
        });
        const r = periodStaffing({ calls, floor, ceiling, serviceLevel: sl, target });
        const total = r.agents.reduce((s, a) => s + a, 0);
        const brute = bruteForce(
          calls,
          floor,
          ceiling.map((c) => c + 12),
          sl,
          target,
        );
        expect(total).toBeGreaterThanOrEqual(brute);
        expect(total).toBeLessThanOrEqual(brute + 1);
        expect(r.serviceLevel).toBeGreaterThanOrEqual(target * (1 - 1e-12));
        runs++;
        if (total === brute) exact++;
      }),
      { numRuns: 200, seed: 7 },
    );
    console.info(`periodStaffing zero region: exact in ${exact} of ${runs} cases`);
    expect(exact / runs).toBeGreaterThanOrEqual(0.9);
  });

  it('rejects a floor above the ceiling and a target above 1', () => {
    const sl = () => 1;
    expect(() =>
      periodStaffing({ calls: [1], floor: [3], ceiling: [2], serviceLevel: sl, target: 0.8 }),
    ).toThrow('periodStaffing: floor[0] must not exceed the ceiling (2) (got 3)');
    expect(() =>
      periodStaffing({ calls: [1], floor: [0], ceiling: [2], serviceLevel: sl, target: 1.2 }),
    ).toThrow('periodStaffing: target must be a fraction in [0, 1] (got 1.2)');
  });
});
