import { describe, expect, it } from 'vitest';
import { StaffcastError } from '../../src/errors.js';
import { erlangB } from '../../src/queueing/erlangB.js';
import { extendedErlangB } from '../../src/queueing/extendedErlangB.js';
import { maxAhtSeconds, maxCallsPerInterval } from '../../src/queueing/inverse.js';
import {
  MAX_AGENTS_LIMIT,
  MAX_AHT_SECONDS,
  MAX_ARRIVALS_PER_PATIENCE,
  MAX_CALLS_PER_SECOND,
  MAX_CONCURRENCY,
} from '../../src/queueing/limits.js';
import { queueMetrics } from '../../src/queueing/queueMetrics.js';
import { requiredAgents } from '../../src/queueing/requiredAgents.js';

const SL = { serviceLevel: 0.8, thresholdSeconds: 20 };
const demand = { callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 };

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (error) {
    return error instanceof StaffcastError ? error.code : 'not a StaffcastError';
  }
  return undefined;
}

describe('queueing input bounds (every one used to run for minutes or forever)', () => {
  it('rejects a 1e308 volume up front, naming the field and the bound per interval', () => {
    expect(() => requiredAgents({ ...demand, callsPerInterval: 1e308 }, SL)).toThrow(
      'requiredAgents: demand.callsPerInterval must be at most 100000 per second (180000000 per 30-minute interval) (got 1e+308)',
    );
    expect(codeOf(() => queueMetrics({ ...demand, callsPerInterval: 1e308 }, 10, SL))).toBe('INVALID_INPUT');
  });

  it('rejects a handle time above one day (AHT 1e308)', () => {
    expect(() => requiredAgents({ ...demand, ahtSeconds: 1e308 }, SL)).toThrow(
      'requiredAgents: demand.ahtSeconds must be at most 86400 (one day) (got 1e+308)',
    );
    expect(() => requiredAgents({ ...demand, ahtSeconds: MAX_AHT_SECONDS }, {})).not.toThrow();
  });

  it('rejects a chat concurrency above 100 (1e9 would make 1e9 servers per agent)', () => {
    expect(() => requiredAgents({ ...demand, concurrency: 1e9 }, SL)).toThrow(
      'requiredAgents: demand.concurrency must be an integer 1..100 (got 1000000000)',
    );
    expect(requiredAgents({ ...demand, concurrency: MAX_CONCURRENCY }, SL).agents).toBe(1);
  });

  it('rejects a patience so long that Erlang A would sum more than a billion arrivals (patience 1e308)', () => {
    expect(codeOf(() => requiredAgents({ ...demand, patienceSeconds: 1e308 }, SL))).toBe('INVALID_INPUT');
    expect(() => requiredAgents({ ...demand, patienceSeconds: 1e308 }, SL)).toThrow(
      'requiredAgents: demand.patienceSeconds must be at most 18000000000 at 0.0555556 calls per second (at most 1000000000 arrivals within one mean patience) (got 1e+308)',
    );
    // at the bound itself it is accepted (and is Erlang C in all but name)
    const perSecond = 100 / 1800;
    const m = requiredAgents({ ...demand, patienceSeconds: MAX_ARRIVALS_PER_PATIENCE / perSecond / 2 }, SL);
    expect(m.agents).toBe(requiredAgents(demand, SL).agents);
  });

  it('rejects agent counts and maxAgents above 1,000,000 before any recursion', () => {
    expect(() => queueMetrics(demand, 1e9, SL)).toThrow(
      'queueMetrics: agents must be at most 1000000 (got 1000000000)',
    );
    expect(codeOf(() => requiredAgents(demand, { ...SL, maxAgents: 1e9 }))).toBe('INVALID_INPUT');
    expect(codeOf(() => erlangB(1e12, 5))).toBe('INVALID_INPUT');
    expect(codeOf(() => extendedErlangB(MAX_AGENTS_LIMIT + 1, 5, 0.2))).toBe('INVALID_INPUT');
    expect(codeOf(() => maxCallsPerInterval(1e9, { intervalMinutes: 30, ahtSeconds: 180 }, SL))).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('requiredAgents stops at maxAgents without iterating', () => {
  // the load is 8.64e9 Erlangs: the old search computed Erlang B over 8.64e9 servers first
  const huge = {
    callsPerInterval: MAX_CALLS_PER_SECOND * 1800,
    intervalMinutes: 30,
    ahtSeconds: MAX_AHT_SECONDS,
  };

  it.each([
    ['Erlang C, service level', huge, SL],
    ['Erlang C, ASA only', huge, { maxAsaSeconds: 30 }],
    ['Erlang C, occupancy only', huge, { maxOccupancy: 0.9 }],
    ['Erlang A, service level', { ...huge, patienceSeconds: 1 }, SL],
    ['Erlang A, abandonment', { ...huge, patienceSeconds: 1 }, { maxAbandonRate: 0.5 }],
  ])('%s: TARGET_UNREACHABLE naming maxAgents', (_, d, target) => {
    expect(() => requiredAgents(d, target)).toThrow(
      'requiredAgents: no agent count up to maxAgents 100000 meets the target (load 8.64000e+9 Erlangs)',
    );
    expect(codeOf(() => requiredAgents(d, target))).toBe('TARGET_UNREACHABLE');
  });

  it('honours a small maxAgents: one agent fewer than needed is unreachable, the answer itself is not', () => {
    const need = requiredAgents({ ...demand, callsPerInterval: 5000 }, SL).agents;
    expect(requiredAgents({ ...demand, callsPerInterval: 5000 }, { ...SL, maxAgents: need }).agents).toBe(
      need,
    );
    expect(
      codeOf(() => requiredAgents({ ...demand, callsPerInterval: 5000 }, { ...SL, maxAgents: need - 1 })),
    ).toBe('TARGET_UNREACHABLE');
  });
});

describe('inverse problems stay bounded with long patience', () => {
  it('maxCallsPerInterval is Infinity for an ASA target still met at the highest accepted volume', () => {
    // 1 agent, patience 1 s: answered calls never wait long, so an ASA cap of 10 s holds at any volume
    const v = maxCallsPerInterval(
      1,
      { intervalMinutes: 30, ahtSeconds: 180, patienceSeconds: 1 },
      { maxAsaSeconds: 10 },
    );
    expect(v).toBe(Number.POSITIVE_INFINITY);
  });

  it('maxAhtSeconds never searches beyond one day of handle time', () => {
    const v = maxAhtSeconds(
      1,
      { callsPerInterval: 1, intervalMinutes: 30, patienceSeconds: 1 },
      { maxAsaSeconds: 10 },
    );
    expect(v).toBe(Number.POSITIVE_INFINITY);
  });
});
