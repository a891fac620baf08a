import { describe, expect, it } from 'vitest';
import { ABANDONED_OUTCOME, ANSWERED_OUTCOME, WAITING } from '../../src/simulation/runReplication.js';
import { simulateOnce } from '../../src/simulation/simulate.js';
import type { SimulationInput, SimulationQueue } from '../../src/simulation/types.js';

/** A queue of replayed calls: arrival, handle and (optional) patience seconds per call. */
function replayed(arrivals: number[], handles: number[], patience?: number[]): SimulationQueue {
  const q: SimulationQueue = {
    arrivals: { kind: 'replayed', arrivalSeconds: arrivals },
    handleTime: { kind: 'replayed', handleSeconds: handles },
  };
  if (patience !== undefined) q.patience = { kind: 'replayed', patienceSeconds: patience };
  return q;
}

/** One-minute intervals, so boundaries fall at 60, 120 ... seconds. */
function input(agents: number[], queues: SimulationQueue[], routing?: 'fcfs' | 'priority'): SimulationInput {
  const i: SimulationInput = { intervalMinutes: 1, agents, queues, dayIndex: agents.map(() => 0) };
  if (routing !== undefined) i.routing = routing;
  return i;
}

describe('simulateOnce: hand-worked transient cases (replayed calls, no randomness)', () => {
  it('one agent, calls at 0, 10 and 20 s of 60 s each wait 0, 50 and 100 s', () => {
    const { calls, result } = simulateOnce(
      { intervalMinutes: 60, agents: [1], queues: [replayed([0, 10, 20], [60, 60, 60])] },
      { thresholdSeconds: 20 },
    );
    expect(Array.from(calls.waitSeconds)).toEqual([0, 50, 100]);
    expect(Array.from(calls.answeredAtSeconds)).toEqual([0, 60, 120]);
    expect(result.horizon.asaSeconds.mean).toBe(50);
    expect(result.horizon.serviceLevel.offered.mean).toBeCloseTo(1 / 3, 15);
    // busy 180 s of 3600 present agent-seconds
    expect(result.horizon.occupancy.mean).toBeCloseTo(180 / 3600, 15);
  });

  it('an agent whose shift ends mid-call finishes the call, then leaves; the overtime is counted', () => {
    // one agent in [0, 60), none after; call 0 at 30 s takes 60 s (ends at 90), call 1 at 40 s
    const { calls, result } = simulateOnce(input([1, 0], [replayed([30, 40], [60, 5])]), {
      thresholdSeconds: 20,
    });
    expect(calls.outcome[0]).toBe(ANSWERED_OUTCOME);
    expect(calls.answeredAtSeconds[0]).toBe(30);
    // the leaving agent does not take call 1 at 90 s: it is still waiting at the end (120 s)
    expect(calls.outcome[1]).toBe(WAITING);
    expect(calls.waitSeconds[1]).toBe(80);
    expect(result.intervals[1]!.overtimeAgentSeconds.mean).toBe(30);
    expect(result.intervals[1]!.occupancy.mean).toBe(1);
    expect(result.horizon.waitingAtEnd.mean).toBe(1);
  });

  it('when the count drops, idle agents leave first and the busy one stays on its call', () => {
    // two agents in [0, 60), one after; call 0 at 0 s takes 100 s; call 1 arrives at 70 s
    const { calls, result } = simulateOnce(input([2, 1], [replayed([0, 70], [100, 10])]), {
      thresholdSeconds: 20,
    });
    expect(calls.answeredAtSeconds[0]).toBe(0);
    // the idle agent left at 60 s, so call 1 waits for the busy one (free at 100 s)
    expect(calls.answeredAtSeconds[1]).toBe(100);
    expect(calls.waitSeconds[1]).toBe(30);
    expect(result.horizon.overtimeAgentSeconds.mean).toBe(0);
  });

  it('a call waiting across an interval boundary is answered by the next interval agents, scored where it arrived', () => {
    const { calls, result } = simulateOnce(input([0, 1], [replayed([10], [30])]), { thresholdSeconds: 20 });
    expect(calls.answeredAtSeconds[0]).toBe(60);
    expect(calls.waitSeconds[0]).toBe(50);
    expect(result.intervals[0]!.answered.mean).toBe(1);
    expect(result.intervals[0]!.asaSeconds.mean).toBe(50);
    expect(result.intervals[1]!.offered.mean).toBe(0);
    expect(result.intervals[1]!.serviceLevel.offered.mean).toBeNaN();
  });

  it('agents joining at a boundary cancel a pending departure before new agents are counted', () => {
    // 1 agent busy from 0 to 150 s; count 1 -> 0 at 60 s (he owes a departure), back to 1 at 120 s:
    // the same agent stays, so no one is idle at 120 s and the call at 125 s waits until 150 s
    const { calls } = simulateOnce(input([1, 0, 1], [replayed([0, 125], [150, 10])]), {
      thresholdSeconds: 20,
    });
    expect(calls.answeredAtSeconds[1]).toBe(150);
  });

  it('a caller abandons at arrival + patience; his virtual wait is when the agent would have taken him', () => {
    // agent busy 0..100; call 1 at 10 s with patience 30 abandons at 40 s; call 2 at 20 s waits
    const { calls, result } = simulateOnce(
      {
        intervalMinutes: 60,
        agents: [1],
        queues: [replayed([0, 10, 20], [100, 10, 10], [Infinity, 30, Infinity])],
      },
      { thresholdSeconds: 30 },
    );
    expect(calls.outcome[1]).toBe(ABANDONED_OUTCOME);
    expect(calls.waitSeconds[1]).toBe(30);
    expect(calls.virtualWaitSeconds[1]).toBe(90);
    expect(calls.answeredAtSeconds[2]).toBe(100);
    const h = result.horizon;
    expect(h.abandonRate.mean).toBeCloseTo(1 / 3, 15);
    // answered within 30 s: call 0 only; short abandons (patience <= 30 s): call 1
    expect(h.serviceLevel.offered.mean).toBeCloseTo(1 / 3, 15);
    expect(h.serviceLevel.excludeShortAbandons.mean).toBeCloseTo(1 / 2, 15);
    expect(h.serviceLevel.virtualWait.mean).toBeCloseTo(1 / 3, 15);
  });

  it('a caller whose patience ends exactly when an agent frees abandons; one who finds an agent free never does', () => {
    const { calls } = simulateOnce(
      { intervalMinutes: 60, agents: [1], queues: [replayed([0, 10, 200], [50, 10, 10], [0, 40, 0])] },
      { thresholdSeconds: 20 },
    );
    expect(Array.from(calls.outcome)).toEqual([ANSWERED_OUTCOME, ABANDONED_OUTCOME, ANSWERED_OUTCOME]);
  });

  it('strict priority: a free agent takes the first queue first, even a later caller', () => {
    // agent busy 0..100 with a queue-0 call; queue 1 caller at 10 s, queue 0 caller at 20 s
    const high = replayed([0, 20], [100, 30]);
    const low = replayed([10], [30]);
    const p = simulateOnce(input([1, 1, 1], [high, low], 'priority'), { thresholdSeconds: 20 }).calls;
    // calls in queue order: queue 0 (0, 20 s) then queue 1 (10 s)
    expect(Array.from(p.queue)).toEqual([0, 0, 1]);
    expect(Array.from(p.answeredAtSeconds)).toEqual([0, 100, 130]);
    const f = simulateOnce(input([1, 1, 1], [high, low], 'fcfs'), { thresholdSeconds: 20 }).calls;
    expect(Array.from(f.answeredAtSeconds)).toEqual([0, 130, 100]);
  });

  it('counts every queue into the pooled figures and each into its own', () => {
    const { result } = simulateOnce(
      input([1, 1, 1], [replayed([0, 20], [100, 30]), replayed([10], [30])], 'priority'),
      {
        thresholdSeconds: 20,
      },
    );
    expect(result.horizon.offered.mean).toBe(3);
    expect(result.queues[0]!.horizon.offered.mean).toBe(2);
    expect(result.queues[1]!.horizon.asaSeconds.mean).toBe(120);
    expect(result.queues[0]!.horizon.asaSeconds.mean).toBe(40);
    expect(result.queues[1]!.name).toBe('queue 1');
  });
});
