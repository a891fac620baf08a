import { describe, expect, it } from 'vitest';
import { queueMetrics } from '../../src/queueing/queueMetrics.js';
import type { QueueDemand, ServiceLevelBasis } from '../../src/queueing/types.js';
import { simulate } from '../../src/simulation/simulate.js';
import type { Estimate, SimulationInput, SimulationQueue } from '../../src/simulation/types.js';

// A long constant series: 200 half-hours (100 h) of 100 calls and AHT 180 s (10 Erlangs). Day 0 is
// the first two intervals (warm-up from an empty system), day 2 the last one (calls still waiting at
// the end); day 1, the intervals between, is the steady state compared with the formulas.
function steadyInput(agents: number, queue: Partial<SimulationQueue>, intervals = 200): SimulationInput {
  return {
    intervalMinutes: 30,
    agents: new Array(intervals).fill(agents),
    dayIndex: Array.from({ length: intervals }, (_, k) => (k < 2 ? 0 : k === intervals - 1 ? 2 : 1)),
    queues: [{ callsPerInterval: new Array(intervals).fill(100), ahtSeconds: 180, ...queue }],
  };
}

/**
 * The formula's value lies within the simulation's interval, widened by a rounding slack. Each test
 * makes up to 8 such checks, each at 99.9%, so all hold together with probability >= 99.2%
 * (Bonferroni) when the simulation is right.
 */
function expectWithin(e: Estimate, exact: number, slack: number): void {
  expect(exact).toBeGreaterThanOrEqual(e.lower - slack);
  expect(exact).toBeLessThanOrEqual(e.upper + slack);
}

const options = { thresholdSeconds: 20, replications: 40, seed: 1, confidence: 0.999 };

describe('simulate agrees with the Erlang formulas in steady state (tolerance: its own 99.9% interval)', () => {
  it('Erlang C: 14 agents, 10 Erlangs, no abandonment', async () => {
    const r = await simulate(steadyInput(14, {}), options);
    const exact = queueMetrics({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 }, 14, {
      thresholdSeconds: 20,
    });
    const d = r.days[1]!;
    // the interval must be narrow enough to mean something
    expect(d.serviceLevel.offered.upper - d.serviceLevel.offered.lower).toBeLessThan(0.02);
    expect(d.asaSeconds.upper - d.asaSeconds.lower).toBeLessThan(0.2 * exact.asaSeconds); // +-10%
    expectWithin(d.serviceLevel.offered, exact.serviceLevel, 1e-4);
    expectWithin(d.serviceLevel.virtualWait, exact.serviceLevel, 1e-4);
    expectWithin(d.asaSeconds, exact.asaSeconds, 0.01);
    expectWithin(d.occupancy, exact.occupancy, 1e-4);
    expect(d.abandonRate.mean).toBe(0);
    expect(d.serviceLevel.excludeShortAbandons.mean).toBe(d.serviceLevel.offered.mean);
  });

  it('Erlang A: 11 agents, 10 Erlangs, exponential patience of mean 60 s, on all three bases', async () => {
    const r = await simulate(steadyInput(11, { patience: { kind: 'exponential', meanSeconds: 60 } }), {
      ...options,
      workers: 2,
    });
    const demand: QueueDemand = {
      callsPerInterval: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      patienceSeconds: 60,
    };
    const d = r.days[1]!;
    for (const basis of ['offered', 'excludeShortAbandons', 'virtualWait'] as ServiceLevelBasis[]) {
      const exact = queueMetrics(demand, 11, { thresholdSeconds: 20, serviceLevelBasis: basis });
      expect(d.serviceLevel[basis].upper - d.serviceLevel[basis].lower).toBeLessThan(0.02);
      expectWithin(d.serviceLevel[basis], exact.serviceLevel, 1e-4);
    }
    const exact = queueMetrics(demand, 11, { thresholdSeconds: 20 });
    expect(d.abandonRate.upper - d.abandonRate.lower).toBeLessThan(0.01);
    expectWithin(d.abandonRate, exact.abandonRate, 1e-4);
    expectWithin(d.asaSeconds, exact.asaSeconds, 0.01);
    expectWithin(d.occupancy, exact.occupancy, 1e-4);
  });

  it('lognormal handle times keep the mean handle time (occupancy = load / agents) and their cv moves the waits', async () => {
    // occupancy = load / agents holds for any handle-time law; the waits do not: M/G/n waits grow
    // with the handle time's variability (Allen-Cunneen: about (1 + cv^2) / 2 of Erlang C's)
    const short = { thresholdSeconds: 20, replications: 20, seed: 1 };
    const steady = await simulate(steadyInput(14, { handleTime: { kind: 'lognormal', cv: 2 } }, 100), short);
    const calm = await simulate(steadyInput(14, { handleTime: { kind: 'lognormal', cv: 0.2 } }, 100), short);
    for (const r of [steady, calm]) expectWithin(r.days[1]!.occupancy, 10 / 14, 1e-4);
    const erlangC = queueMetrics({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 }, 14, {
      thresholdSeconds: 20,
    }).asaSeconds;
    expect(calm.days[1]!.asaSeconds.upper).toBeLessThan(erlangC);
    expect(steady.days[1]!.asaSeconds.lower).toBeGreaterThan(erlangC);
  });
});
