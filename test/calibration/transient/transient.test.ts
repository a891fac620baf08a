import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predictKpis } from '../../../src/calibration/predictedKpis.js';
import {
  transientKpis,
  transientModel,
  transientProfileKpis,
} from '../../../src/calibration/transient/transient.js';

const empty = { busyAgents: 0, waitingCallers: 0 };
const halfHour = { callsPerInterval: 60, intervalMinutes: 30, ahtSeconds: 200, patienceSeconds: 300 };

describe('transientKpis', () => {
  it('over a long interval converges to the steady state of Erlang A (12 h, 6 agents)', () => {
    const demand = { ...halfHour, callsPerInterval: 60 * 24, intervalMinutes: 720 };
    const t = transientKpis(demand, 6, { busyAgents: 6, waitingCallers: 0 }, 20);
    const s = predictKpis(demand, 6, 20);
    // steady state: SL 0.3732, abandonment 0.1896, ASA 54.5 s
    expect(t.serviceLevel).toBeCloseTo(s.serviceLevel, 2);
    expect(t.abandonRate).toBeCloseTo(s.abandonRate, 2);
    expect(Math.abs(t.asaSeconds - s.asaSeconds)).toBeLessThan(1);
  });

  it('over a long interval converges to the steady state of Erlang C (12 h, 7 agents, no patience)', () => {
    const demand = { callsPerInterval: 50 * 24, intervalMinutes: 720, ahtSeconds: 200 };
    const t = transientKpis(demand, 7, empty, 20);
    // measured 0.5978 against 0.5909: the empty start relaxes over about 40 minutes at this load
    expect(Math.abs(t.serviceLevel - predictKpis(demand, 7, 20).serviceLevel)).toBeLessThan(0.01);
    expect(t.abandonRate).toBeLessThan(1e-9);
  });

  it('stays finite for Erlang C at load above the agents over one half hour', () => {
    const t = transientKpis({ callsPerInterval: 60, intervalMinutes: 30, ahtSeconds: 200 }, 5, empty, 20);
    expect(Number.isFinite(t.asaSeconds)).toBe(true);
    expect(t.serviceLevel).toBeGreaterThan(0);
    expect(
      predictKpis({ callsPerInterval: 60, intervalMinutes: 30, ahtSeconds: 200 }, 5, 20).asaSeconds,
    ).toBe(Number.POSITIVE_INFINITY);
  });

  it('a queue at the start lowers SL and raises abandonment and ASA (measured: SL 0.494 empty, 0.308 with 6 busy + 5 waiting)', () => {
    const fromEmpty = transientKpis(halfHour, 6, empty, 20);
    const loaded = transientKpis(halfHour, 6, { busyAgents: 6, waitingCallers: 5 }, 20);
    expect(fromEmpty.serviceLevel).toBeCloseTo(0.494, 2);
    expect(loaded.serviceLevel).toBeCloseTo(0.308, 2);
    expect(loaded.abandonRate).toBeGreaterThan(fromEmpty.abandonRate);
    expect(loaded.asaSeconds).toBeGreaterThan(fromEmpty.asaSeconds);
  });

  it('more callers waiting at the start never raise the service level (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 3, max: 8 }), (waiting, agents) => {
        const a = transientKpis(halfHour, agents, { busyAgents: agents, waitingCallers: waiting }, 20);
        const b = transientKpis(halfHour, agents, { busyAgents: agents, waitingCallers: waiting + 3 }, 20);
        expect(b.serviceLevel).toBeLessThanOrEqual(a.serviceLevel + 1e-9);
        expect(b.abandonRate).toBeGreaterThanOrEqual(a.abandonRate - 1e-9);
      }),
      { numRuns: 15 },
    );
  });

  it('interpolates SL and abandonment linearly between floor and ceil agents', () => {
    const start = { busyAgents: 5, waitingCallers: 2 };
    const a = transientKpis(halfHour, 5, start, 20);
    const b = transientKpis(halfHour, 6, start, 20);
    const mid = transientKpis(halfHour, 5.25, start, 20);
    expect(mid.serviceLevel).toBeCloseTo(a.serviceLevel + 0.25 * (b.serviceLevel - a.serviceLevel), 12);
    expect(mid.abandonRate).toBeCloseTo(a.abandonRate + 0.25 * (b.abandonRate - a.abandonRate), 12);
  });

  it('rejects a fractional or negative start and negative agents', () => {
    expect(() => transientKpis(halfHour, 6, { busyAgents: 1.5, waitingCallers: 0 }, 20)).toThrow(
      /start.busyAgents must be a whole number >= 0/,
    );
    expect(() => transientKpis(halfHour, -1, empty, 20)).toThrow(/agents/);
  });
});

describe('transientModel', () => {
  it('gives exactly transientKpis for any demand and fractional agents, however often it is asked (property)', () => {
    const start = { busyAgents: 5, waitingCallers: 2 };
    const at = transientModel(start, 20);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80 }),
        fc.double({ min: 3, max: 8, noNaN: true }),
        fc.constantFrom(undefined, 120, 300),
        (calls, agents, patienceSeconds) => {
          const demand = {
            callsPerInterval: calls,
            intervalMinutes: 30,
            ahtSeconds: 200,
            ...(patienceSeconds === undefined ? {} : { patienceSeconds }),
          };
          expect(at(demand, agents)).toEqual(transientKpis(demand, agents, start, 20));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('rejects a bad start at once and negative agents when called', () => {
    expect(() => transientModel({ busyAgents: -1, waitingCallers: 0 }, 20)).toThrow(/start.busyAgents/);
    expect(() => transientModel(empty, 20)(halfHour, -1)).toThrow(/transientModel: agents/);
  });
});

describe('transientProfileKpis', () => {
  it('one stretch at whole agents equals transientKpis', () => {
    const one = transientProfileKpis([{ seconds: 1800, calls: 60, agents: 6 }], 200, 300, empty, 20);
    const whole = transientKpis(halfHour, 6, empty, 20);
    expect(one.serviceLevel).toBeCloseTo(whole.serviceLevel, 12);
    expect(one.asaSeconds).toBeCloseTo(whole.asaSeconds, 9);
  });

  it('carries the queue across stretches: two identical quarter hours equal one half hour', () => {
    const quarter = { seconds: 900, calls: 30, agents: 6 };
    const two = transientProfileKpis([quarter, quarter], 200, 300, { busyAgents: 6, waitingCallers: 3 }, 20);
    const one = transientProfileKpis(
      [{ seconds: 1800, calls: 60, agents: 6 }],
      200,
      300,
      {
        busyAgents: 6,
        waitingCallers: 3,
      },
      20,
    );
    expect(two.serviceLevel).toBeCloseTo(one.serviceLevel, 6);
    expect(two.abandonRate).toBeCloseTo(one.abandonRate, 6);
  });

  it('reads a fractional agent count as a time share of floor and ceil agents', () => {
    const shared = transientProfileKpis([{ seconds: 1800, calls: 60, agents: 5.5 }], 200, 300, empty, 20);
    const split = transientProfileKpis(
      [
        { seconds: 900, calls: 30, agents: 5 },
        { seconds: 900, calls: 30, agents: 6 },
      ],
      200,
      300,
      empty,
      20,
    );
    expect(shared.serviceLevel).toBeCloseTo(split.serviceLevel, 12);
  });

  it('rejects an empty profile', () => {
    expect(() => transientProfileKpis([], 200, 300, empty, 20)).toThrow(/parts must not be empty/);
  });
});
