import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABANDONED_OUTCOME, ANSWERED_OUTCOME, WAITING } from '../../src/simulation/runReplication.js';
import { simulate, simulateOnce } from '../../src/simulation/simulate.js';
import type { SimulationInput, SimulationQueue } from '../../src/simulation/types.js';

const INTERVAL_SECONDS = 60;

/** Small replayed scenarios: 1-4 one-minute intervals, 0-3 agents each, 0-12 calls per queue. */
const scenario = (withPatience: boolean, queues: number) =>
  fc.integer({ min: 1, max: 4 }).chain((intervals) =>
    fc.record({
      agents: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: intervals, maxLength: intervals }),
      queues: fc.array(
        fc.array(
          fc.record({
            arrival: fc.integer({ min: 0, max: intervals * INTERVAL_SECONDS - 1 }),
            handle: fc.integer({ min: 0, max: 150 }),
            patience: withPatience
              ? fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.integer({ min: 0, max: 90 }))
              : fc.constant(Number.POSITIVE_INFINITY),
          }),
          { maxLength: 12 },
        ),
        { minLength: queues, maxLength: queues },
      ),
      routing: fc.constantFrom<'fcfs' | 'priority'>('fcfs', 'priority'),
    }),
  );

type Scenario = {
  agents: number[];
  queues: { arrival: number; handle: number; patience: number }[][];
  routing: 'fcfs' | 'priority';
};

function toInput(s: Scenario, agents = s.agents): SimulationInput {
  const queues: SimulationQueue[] = s.queues.map((calls) => {
    const sorted = [...calls].sort((a, b) => a.arrival - b.arrival);
    return {
      arrivals: { kind: 'replayed', arrivalSeconds: sorted.map((c) => c.arrival) },
      handleTime: { kind: 'replayed', handleSeconds: sorted.map((c) => c.handle) },
      patience: { kind: 'replayed', patienceSeconds: sorted.map((c) => c.patience) },
    };
  });
  return { intervalMinutes: 1, agents, queues, dayIndex: agents.map(() => 0), routing: s.routing };
}

describe('simulation invariants (fast-check)', () => {
  it('every offered call is answered, abandoned or still waiting at the end, per interval and queue', () => {
    fc.assert(
      fc.property(scenario(true, 2), (s) => {
        const { calls, result } = simulateOnce(toInput(s), { thresholdSeconds: 20 });
        const periods = [...result.intervals, result.horizon, ...result.queues.flatMap((q) => q.intervals)];
        for (const p of periods)
          expect(p.answered.mean + p.abandoned.mean + p.waitingAtEnd.mean).toBe(p.offered.mean);
        const count = (o: number) => calls.outcome.filter((x) => x === o).length;
        expect(count(ANSWERED_OUTCOME)).toBe(result.horizon.answered.mean);
        expect(count(ABANDONED_OUTCOME)).toBe(result.horizon.abandoned.mean);
        expect(count(WAITING)).toBe(result.horizon.waitingAtEnd.mean);
        expect(calls.outcome.length).toBe(s.queues.flat().length);
      }),
    );
  });

  it('waits are >= 0, answered callers were answered before their patience ran out, abandoners waited their patience', () => {
    fc.assert(
      fc.property(scenario(true, 2), (s) => {
        const { calls } = simulateOnce(toInput(s), { thresholdSeconds: 20 });
        const input = toInput(s);
        for (let i = 0; i < calls.outcome.length; i++) {
          const q = input.queues[calls.queue[i]!]!;
          const first = calls.queue.indexOf(calls.queue[i]!);
          const patience = (q.patience as { patienceSeconds: ArrayLike<number> }).patienceSeconds[i - first]!;
          const wait = calls.waitSeconds[i]!;
          expect(wait).toBeGreaterThanOrEqual(0);
          if (calls.outcome[i] === ANSWERED_OUTCOME) {
            expect(wait === 0 || wait < patience).toBe(true);
            expect(calls.answeredAtSeconds[i]).toBe(calls.arrivalSeconds[i]! + wait);
          } else if (calls.outcome[i] === ABANDONED_OUTCOME) {
            expect(wait).toBe(patience);
            const v = calls.virtualWaitSeconds[i]!;
            if (!Number.isNaN(v)) expect(v).toBeGreaterThanOrEqual(patience);
          }
          if (calls.outcome[i] === ANSWERED_OUTCOME)
            expect(calls.answeredAtSeconds[i]).toBeLessThan(s.agents.length * INTERVAL_SECONDS);
        }
      }),
    );
  });

  // The invariant, precisely: with infinitely patient callers and the same calls (replayed, or drawn
  // from the same seed: the draws never depend on the agents), FCFS across all queues, raising the
  // agents of any intervals never makes any call's answer time later (a call's start waits only for
  // earlier calls, and each of those starts no later either). So no call's wait grows and no
  // service level (any basis, any period) falls. It does NOT hold with abandonment (an extra agent
  // can answer a caller who would have left, who then holds an agent that a later caller needed) nor
  // for priority routing, so neither is claimed.
  it('with patient callers and FCFS, more agents never delay any call (replayed inputs)', () => {
    fc.assert(
      fc.property(
        scenario(false, 2),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
        (s, extra) => {
          const fcfs: Scenario = { ...s, routing: 'fcfs' };
          const more = s.agents.map((a, k) => a + extra[k]!);
          const a = simulateOnce(toInput(fcfs), { thresholdSeconds: 20 });
          const b = simulateOnce(toInput(fcfs, more), { thresholdSeconds: 20 });
          const late = (x: number) => (Number.isNaN(x) ? Number.POSITIVE_INFINITY : x);
          for (let i = 0; i < a.calls.outcome.length; i++)
            expect(late(b.calls.answeredAtSeconds[i]!)).toBeLessThanOrEqual(
              late(a.calls.answeredAtSeconds[i]!),
            );
          const sl = (r: typeof a) => r.result.horizon.serviceLevel.offered.mean;
          if (a.calls.outcome.length > 0) expect(sl(b)).toBeGreaterThanOrEqual(sl(a));
        },
      ),
    );
  });

  it('with patient callers, more agents never delay any call for the same seed (Poisson arrivals, common random numbers)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 1000 }),
        (agents, extra, seed) => {
          const base: SimulationInput = {
            intervalMinutes: 5,
            agents,
            dayIndex: agents.map(() => 0),
            queues: [
              {
                callsPerInterval: agents.map(() => 20),
                ahtSeconds: 60,
                handleTime: { kind: 'lognormal', cv: 1.5 },
              },
            ],
          };
          const a = simulateOnce(base, { thresholdSeconds: 20, seed });
          const b = simulateOnce(
            { ...base, agents: agents.map((x, k) => x + extra[k]!) },
            { thresholdSeconds: 20, seed },
          );
          expect(b.calls.arrivalSeconds).toEqual(a.calls.arrivalSeconds);
          const late = (x: number) => (Number.isNaN(x) ? Number.POSITIVE_INFINITY : x);
          for (let i = 0; i < a.calls.outcome.length; i++)
            expect(late(b.calls.answeredAtSeconds[i]!)).toBeLessThanOrEqual(
              late(a.calls.answeredAtSeconds[i]!),
            );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('abandonment breaks that monotonicity: an extra agent can lower the service level (why the invariant above excludes it)', () => {
    // 1 vs 2 agents in [0, 60), 2 after. Call A (0 s) takes 100 s; B (1 s, patience 5 s) takes 199 s;
    // C (61 s) and D (62 s) take 10 s. With 1 agent, B abandons at 6 s, the second agent joins at
    // 60 s and answers C at once and D at 71 s: A, C, D within 20 s (3 of 4). With 2 agents, B is
    // answered and holds an agent until 200 s: C waits until 100 s, D until 110 s (2 of 4).
    const queue: SimulationQueue = {
      arrivals: { kind: 'replayed', arrivalSeconds: [0, 1, 61, 62] },
      handleTime: { kind: 'replayed', handleSeconds: [100, 199, 10, 10] },
      patience: {
        kind: 'replayed',
        patienceSeconds: [Number.POSITIVE_INFINITY, 5, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
      },
    };
    const run = (agents: number[]) =>
      simulateOnce(
        { intervalMinutes: 1, agents, dayIndex: [0, 0, 0, 0], queues: [queue] },
        { thresholdSeconds: 20 },
      );
    const one = run([1, 2, 2, 2]);
    const two = run([2, 2, 2, 2]);
    expect(Array.from(one.calls.waitSeconds)).toEqual([0, 5, 0, 9]);
    expect(Array.from(two.calls.waitSeconds)).toEqual([0, 0, 39, 48]);
    expect(one.result.horizon.serviceLevel.offered.mean).toBe(3 / 4);
    expect(two.result.horizon.serviceLevel.offered.mean).toBe(2 / 4);
  });

  it('the same seed gives the same result, in one thread or two workers; another seed does not', async () => {
    const input: SimulationInput = {
      intervalMinutes: 15,
      agents: [3, 5, 6, 4, 2, 0, 1, 3],
      queues: [
        {
          callsPerInterval: [10, 30, 40, 25, 10, 5, 5, 12],
          ahtSeconds: [200, 180, 180, 190, 200, 200, 220, 210],
          arrivals: { kind: 'overdispersed', multiplierCv: 0.1, per: 'interval' },
          handleTime: { kind: 'lognormal', cv: 0.8 },
          patience: { kind: 'exponential', meanSeconds: 90 },
        },
        { callsPerInterval: [2, 5, 5, 5, 3, 1, 1, 2], ahtSeconds: 400 },
      ],
      dayIndex: [0, 0, 0, 0, 1, 1, 1, 1],
      routing: 'priority',
    };
    const options = { thresholdSeconds: 20, replications: 6, seed: 42 };
    const one = await simulate(input, { ...options, workers: 1 });
    const again = await simulate(input, { ...options, workers: 1 });
    const two = await simulate(input, { ...options, workers: 2 });
    expect(again).toEqual(one);
    expect(two).toEqual(one);
    const other = await simulate(input, { ...options, seed: 43, workers: 1 });
    expect(other.horizon.offered.mean).not.toBe(one.horizon.offered.mean);
    // replication r of simulate is simulateOnce's replication r
    const third = simulateOnce(input, { thresholdSeconds: 20, seed: 42, replication: 2 });
    const single = await simulate(input, { ...options, replications: 3, workers: 1 });
    const firstTwo = await simulate(input, { ...options, replications: 2, workers: 1 });
    const total = (r: typeof single) => r.horizon.offered.mean * r.replications;
    expect(total(single) - total(firstTwo)).toBe(third.result.horizon.offered.mean);
  });
});
