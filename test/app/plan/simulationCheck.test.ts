import { describe, expect, it } from 'vitest';
import { simulatePlan } from '../../../src/app/plan/simulatePlan.js';
import {
  missedIntervals,
  raisedRequirement,
  scheduleCostOf,
  simulationCheckedSchedule,
} from '../../../src/app/plan/simulationCheck.js';
import type { ShiftSchedule } from '../../../src/scheduling/scheduleShifts.js';
import { evaluateSchedule } from '../../../src/service/evaluateSchedule.js';

// Three quarter-hours from Monday 2024-01-01 09:00 UTC, AHT 180 s, no abandonment. The first is
// busy (70 calls, 14 erlangs on 18 agents), then the staffing steps down to 7: Erlang scores the
// second quarter-hour as if it started empty (4 erlangs on 7 agents: SL 0.90), but at 09:15 the 7
// agents who stay are still busy with the first quarter-hour's calls (idle agents leave first),
// so its callers wait behind them: simulated, about 0.63.
const H = Date.UTC(2024, 0, 1, 9);
const requirement = {
  timeZone: 'UTC',
  intervalMinutes: 15,
  starts: Float64Array.of(H, H + 900_000, H + 1_800_000),
  calls: Float64Array.of(70, 20, 20),
  ahtSeconds: Float64Array.of(180, 180, 180),
  agents: Float64Array.of(18, 7, 7),
  scheduledAgents: Float64Array.of(18, 7, 7),
  shrinkage: Float64Array.of(0, 0, 0),
};

/** A schedule covering `required` exactly (whole agents), as a MIP would with no shift rules. */
function coverExactly(required: Float64Array): ShiftSchedule {
  const net = Float64Array.from(required, (r) => Math.ceil(r - 1e-9));
  return {
    intervalMinutes: 15,
    shifts: [{ type: 'flex', count: net.reduce((a, b) => a + b, 0), paidMinutes: 15 }],
    coverage: { net, dayIndex: Int32Array.of(0, 0, 0) },
  } as unknown as ShiftSchedule;
}

async function assess(schedule: ShiftSchedule) {
  const evaluation = evaluateSchedule(
    schedule,
    { callsPerInterval: requirement.calls, ahtSeconds: 180 },
    { thresholdSeconds: 20 },
  );
  const simulation = await simulatePlan(requirement, evaluation, {
    thresholdSeconds: 20,
    replications: 40,
    seed: 3,
  });
  return {
    evaluation,
    answeringAgents: evaluation.agents,
    simulatedServiceLevel: simulation.serviceLevel,
    serviceLevel: simulation.summary.total.serviceLevel,
    erlangServiceLevel: evaluation.total.serviceLevel,
  };
}

describe('missedIntervals', () => {
  it('lists intervals with calls whose simulated level is below min(target, the level they were staffed to)', () => {
    const calls = Float64Array.of(10, 10, 0, 10);
    const simulated = Float64Array.of(0.79, 0.6, 0, 0.65);
    // interval 3 was staffed (scope day) to 0.6 only: 0.65 keeps it
    expect(missedIntervals(calls, simulated, Float64Array.of(0.85, 0.84, 1, 0.6), 0.8)).toEqual([0, 1]);
  });
});

describe('raisedRequirement', () => {
  it('asks one whole agent more than the schedule gives in each missed interval, after shrinkage and availability', () => {
    const r = raisedRequirement(
      {
        agents: Float64Array.of(5, 5, 5),
        scheduledAgents: Float64Array.of(6.25, 6.25, 6.25),
        shrinkage: Float64Array.of(0.2, 0.2, 0.2),
        availabilityFactor: 0.5,
      },
      Float64Array.of(5, 7, 5),
      [1, 2],
    );
    expect([...r.agents]).toEqual([5, 8, 6]);
    // applyShrinkage(agents / 0.5, 0.2) = 2 agents / 0.8
    expect(r.scheduledAgents[0]).toBe(6.25);
    expect(r.scheduledAgents[1]).toBeCloseTo(20, 12);
    expect(r.scheduledAgents[2]).toBeCloseTo(15, 12);
  });
});

describe('scheduleCostOf', () => {
  it('sums count x paid hours and the cost per paid hour of the type (1 when unknown)', () => {
    const shifts = [
      { type: 'ft', count: 2, paidMinutes: 480 },
      { type: 'pt', count: 3, paidMinutes: 240 },
    ];
    expect(scheduleCostOf({ shifts } as never, new Map([['ft', 20]]))).toEqual({
      paidHours: 28,
      scheduleCost: 2 * 8 * 20 + 12,
    });
  });
});

describe('simulationCheckedSchedule', () => {
  it('raises exactly the interval after the step-down, which carries a queue, until its simulated level meets the target', async () => {
    const schedule = coverExactly(requirement.scheduledAgents);
    const first = await assess(schedule);
    // Erlang promises the step-down interval more than the target; simulated, it misses by far
    const erlang = first.evaluation.serviceLevel;
    expect(erlang[1]).toBeGreaterThan(0.8);
    expect(first.simulatedServiceLevel[1]).toBeLessThan(0.7);
    expect(first.simulatedServiceLevel[2]).toBeGreaterThan(0.8);
    const requiredServiceLevel = Float64Array.from(erlang);
    const solved: Float64Array[] = [];
    const out = await simulationCheckedSchedule(
      {
        requirement: { ...requirement, serviceLevel: requiredServiceLevel },
        target: 0.8,
        rounds: 10,
        schedule,
        assessment: first,
        costPerPaidHour: new Map(),
      },
      {
        solve: async (required, start) => {
          expect(start).toBeDefined();
          solved.push(required);
          return coverExactly(required);
        },
        assess,
      },
    );
    // every round adds one agent in interval 1 and nowhere else
    for (const [k, required] of solved.entries()) expect([...required]).toEqual([18, 8 + k, 7]);
    const { check } = out;
    expect(check.rounds).toBe(solved.length);
    expect(check.rounds).toBeGreaterThan(0);
    expect(check.rounds).toBeLessThan(10);
    expect(check.addedAgentIntervals).toBe(check.rounds);
    expect(check.extraPaidHours).toBe(check.rounds * 0.25);
    expect(check.history.map((h) => h.round)).toEqual([...Array(check.rounds + 1).keys()]);
    expect(check.history[0]!.missedIntervals).toBe(1);
    expect(check.history.at(-1)!.missedIntervals).toBe(0);
    expect(out.assessment.simulatedServiceLevel[1]).toBeGreaterThanOrEqual(0.8);
    expect(check.history.at(-1)!.serviceLevel).toBeGreaterThan(check.history[0]!.serviceLevel);
  });

  it('re-solves nothing when no interval misses', async () => {
    const schedule = coverExactly(Float64Array.of(18, 12, 7));
    const first = await assess(schedule);
    const out = await simulationCheckedSchedule(
      {
        requirement: { ...requirement, serviceLevel: first.evaluation.serviceLevel },
        target: 0.8,
        rounds: 3,
        schedule,
        assessment: first,
        costPerPaidHour: new Map(),
      },
      {
        solve: () => {
          throw new Error('no solve expected');
        },
        assess,
      },
    );
    expect(out.check.rounds).toBe(0);
    expect(out.check.extraPaidHours).toBe(0);
    expect(out.schedule).toBe(schedule);
  });
});
