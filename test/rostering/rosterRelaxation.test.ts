import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignShifts } from '../../src/rostering/assignShifts.js';
import { buildRosterProblem } from '../../src/rostering/buildRosterProblem.js';
import { greedyRoster } from '../../src/rostering/greedyRoster.js';
import { improveRoster } from '../../src/rostering/improveRoster.js';
import { rosterObjective, rosterViolations } from '../../src/rostering/rosterCheck.js';
import { buildRosterModel } from '../../src/rostering/rosterModel.js';
import {
  relaxRosterProblem,
  restrictToClasses,
  restrictToDaysAndLengths,
} from '../../src/rostering/rosterRelaxation.js';
import { solveCoveringMip } from '../../src/scheduling/solveMip.js';
import { arbSeats, arbTeam, MONDAY } from './arbitraries.js';
import { agent, CONTRACT, RULES, seat } from './fixtures.js';

const arbRules = fc.record({
  minRestHours: fc.integer({ min: 0, max: 14 }),
  maxStartVariationHours: fc.option(fc.integer({ min: 0, max: 8 })),
  weekends: fc.boolean(),
  maxLate: fc.option(fc.integer({ min: 0, max: 2 })),
});

function rulesOf(r: {
  minRestHours: number;
  maxStartVariationHours: number | null;
  weekends: boolean;
  maxLate: number | null;
}) {
  return {
    ...RULES,
    minRestHours: r.minRestHours,
    ...(r.maxStartVariationHours === null ? {} : { maxStartVariationHours: r.maxStartVariationHours }),
    ...(r.weekends ? { weekendsOff: { minFreeWeekends: 1, perWeeks: 2 } } : {}),
    shiftTypeLimits: r.maxLate === null ? {} : { late: { maxAgentsPerDay: r.maxLate } },
  };
}

/** A random instance, its relaxation, the repair heuristic's roster and that roster's classes. */
function heuristicClasses(
  agents: Parameters<typeof buildRosterProblem>[1],
  seats: Parameters<typeof buildRosterProblem>[0],
  r: Parameters<typeof rulesOf>[0],
) {
  const problem = buildRosterProblem(seats, agents, rulesOf(r), { timeZone: 'UTC', horizonStartMs: MONDAY });
  const relaxation = relaxRosterProblem(problem);
  const state = greedyRoster(problem);
  const classes = state.byAgent().map((list) => list.map((s) => relaxation.classOf[s] ?? -1));
  return { problem, relaxation, state, classes };
}

/** The optimum of a roster problem's MIP, proven (relative gap 0). */
async function optimum(model: ReturnType<typeof buildRosterModel>): Promise<number> {
  const r = await solveCoveringMip(model, { timeLimitSeconds: 60, relativeGap: 0 });
  expect(r.outcome).toBe('optimal');
  return r.objective ?? Number.NaN;
}

describe('relaxRosterProblem', () => {
  // day 1: 06:00-14:00 and 08:00-16:00 (one class), day 2: 06:00-14:00; 16 h rest; ann prefers
  // starts before 07:00
  const seats = [seat('a', 1, 6), seat('b', 1, 8), seat('c', 2, 6)];
  const ann = agent('ann', {
    contract: { ...CONTRACT, minRestHours: 16 },
    shiftPreferences: [{ kind: 'early', weight: 1 }],
  });
  const rules = { ...RULES, earlyStartBeforeMinutes: 420 };

  it('puts the groups of a day with the same queue, length, late flag and start bucket in one class', () => {
    const problem = buildRosterProblem(seats, [ann], rules, { timeZone: 'UTC', horizonStartMs: MONDAY });
    const relaxation = relaxRosterProblem(problem);
    expect([...relaxation.classOf]).toEqual([0, 0, 1]);
    expect(relaxation.problem.shifts.map((c) => c.seats)).toEqual([[0, 1], [2]]);
  });

  it('judges rest on the most favourable pair and costs a class at its cheapest group', () => {
    const problem = buildRosterProblem(seats, [ann], rules, { timeZone: 'UTC', horizonStartMs: MONDAY });
    const relaxation = relaxRosterProblem(problem);
    // 14:00 to 06:00 is 16 h: allowed in the original, so in the relaxation
    expect(rosterViolations(problem, [[0, 2]])).toEqual([]);
    expect(rosterViolations(relaxation.problem, [[0, 1]])).toEqual([]);
    // the 08:00 start breaks the preference, the 06:00 one does not: the class costs 0
    expect([...(problem.cost[0] ?? [])]).toEqual([0, 1, 0]);
    expect([...(relaxation.problem.cost[0] ?? [])]).toEqual([0, 0]);
  });

  it('maps every roster that keeps the hard rules to one of the relaxation that keeps them, at no higher objective', () => {
    fc.assert(
      fc.property(arbTeam, arbSeats, arbRules, (agents, seats, r) => {
        const problem = buildRosterProblem(seats, agents, rulesOf(r), {
          timeZone: 'UTC',
          horizonStartMs: MONDAY,
        });
        const state = greedyRoster(problem);
        improveRoster(state, 10_000);
        const roster = state.byAgent();
        const relaxation = relaxRosterProblem(problem);
        const mapped = roster.map((list) => list.map((s) => relaxation.classOf[s] ?? -1));
        expect(rosterViolations(relaxation.problem, mapped)).toEqual([]);
        expect(rosterObjective(relaxation.problem, mapped).objective).toBeLessThanOrEqual(
          rosterObjective(problem, roster).objective + 1e-9,
        );
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('has an optimum no higher than the roster MIP optimum, and assignShifts reaches the roster MIP optimum', async () => {
    await fc.assert(
      fc.asyncProperty(arbTeam, arbSeats, arbRules, async (agents, seats, r) => {
        const rules = rulesOf(r);
        const problem = buildRosterProblem(seats, agents, rules, { timeZone: 'UTC', horizonStartMs: MONDAY });
        const plain = await optimum(buildRosterModel(problem));
        const relaxed = await optimum(buildRosterModel(relaxRosterProblem(problem).problem));
        expect(relaxed).toBeLessThanOrEqual(plain + 1e-6);
        const assigned = await assignShifts(seats, agents, rules, {
          timeZone: 'UTC',
          horizonStartMs: MONDAY,
          relativeGap: 0,
        });
        expect(assigned.solve?.objective).toBeCloseTo(plain, 6);
        expect(assigned.solve?.bound).toBeLessThanOrEqual((assigned.solve?.objective ?? 0) + 1e-9);
      }),
      { numRuns: 8, seed: 13 },
    );
  }, 240_000);

  it('restricted to the classes of a relaxation roster, lets each agent work exactly the groups of its classes, at their own costs', () => {
    fc.assert(
      fc.property(arbTeam, arbSeats, arbRules, (agents, seats, r) => {
        const { problem, relaxation, state, classes } = heuristicClasses(agents, seats, r);
        const restricted = restrictToClasses(problem, relaxation, classes);
        restricted.eligible.forEach((el, a) => {
          const all = [...(problem.eligible[a] ?? [])];
          const expected = all.filter((s) => classes[a]?.includes(relaxation.classOf[s] ?? -1));
          expect([...el]).toEqual(expected);
          expect([...(restricted.cost[a] ?? [])]).toEqual(
            expected.map((s) => problem.cost[a]?.[all.indexOf(s)] ?? Number.NaN),
          );
        });
        // the heuristic's own roster is a roster of the restricted problem, keeping every hard rule
        expect(rosterViolations(restricted, state.byAgent())).toEqual([]);
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it('turns the optimum of the relaxation into a real roster at the same objective when the rest rule allows', async () => {
    // two days, two agents, 11 h rest: the classes fix who works which day, the MIP picks the start
    const two = [agent('ann'), agent('bob')];
    const shifts = [seat('a', 1, 6), seat('b', 1, 8), seat('c', 2, 6), seat('d', 2, 9)];
    const problem = buildRosterProblem(
      shifts,
      two,
      { ...RULES, minRestHours: 11 },
      {
        timeZone: 'UTC',
        horizonStartMs: MONDAY,
      },
    );
    const relaxation = relaxRosterProblem(problem);
    const relaxedModel = buildRosterModel(relaxation.problem);
    const low = await solveCoveringMip(relaxedModel, { timeLimitSeconds: 60, relativeGap: 0 });
    const x = low.x ?? new Float64Array();
    const classes = relaxation.problem.eligible.map((el, a) =>
      [...el].filter((_, e) => (x[(relaxedModel.xStart[a] ?? 0) + e] ?? 0) > 0.5),
    );
    const restricted = restrictToClasses(problem, relaxation, classes);
    const model = buildRosterModel(restricted);
    const real = await solveCoveringMip(model, { timeLimitSeconds: 60, relativeGap: 0 });
    const y = real.x ?? new Float64Array();
    const roster = restricted.eligible.map((el, a) =>
      [...el].filter((_, e) => (y[(model.xStart[a] ?? 0) + e] ?? 0) > 0.5),
    );
    expect(rosterViolations(problem, roster)).toEqual([]);
    expect(rosterObjective(problem, roster).objective).toBeCloseTo(low.objective ?? Number.NaN, 9);
    expect(rosterObjective(problem, roster).unfilled).toBe(0);
  });

  it('restricted to the days and lengths of a relaxation roster, lets each agent work every group of those days with those paid minutes, and contains the classes', () => {
    fc.assert(
      fc.property(arbTeam, arbSeats, arbRules, (agents, seats, r) => {
        const { problem, relaxation, state, classes } = heuristicClasses(agents, seats, r);
        const loose = restrictToDaysAndLengths(problem, relaxation, classes);
        const exact = restrictToClasses(problem, relaxation, classes);
        loose.eligible.forEach((el, a) => {
          const all = [...(problem.eligible[a] ?? [])];
          const mine = (classes[a] ?? []).map((c) => relaxation.problem.shifts[c]);
          const expected = all.filter((s) =>
            mine.some(
              (k) =>
                k?.dayIndex === problem.shifts[s]?.dayIndex &&
                k?.paidMinutes === problem.shifts[s]?.paidMinutes,
            ),
          );
          expect([...el]).toEqual(expected);
          expect([...(loose.cost[a] ?? [])]).toEqual(
            expected.map((s) => problem.cost[a]?.[all.indexOf(s)] ?? Number.NaN),
          );
          for (const s of exact.eligible[a] ?? []) expect(el.includes(s)).toBe(true);
        });
        expect(rosterViolations(loose, state.byAgent())).toEqual([]);
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it('realises a class roster that the classes alone cannot (rest), by another start of the same length that day', async () => {
    // Monday late 12:00-20:00 and 15:00-23:00, Tuesday early 06:00-14:00 and 10:00-18:00 and late
    // 13:00-21:00; 11 h rest. Both agents on Monday late and Tuesday early: only one pair of those
    // keeps the rest (12:00 then 10:00), so the classes fill three seats; the other agent may take
    // Tuesday 13:00 instead, filling four
    const shifts = [
      seat('m1', 1, 12),
      seat('m2', 1, 15),
      seat('t1', 2, 6),
      seat('t2', 2, 10),
      seat('t3', 2, 13),
    ];
    const problem = buildRosterProblem(
      shifts,
      [agent('ann'), agent('bob')],
      { ...RULES, minRestHours: 11 },
      { timeZone: 'UTC', horizonStartMs: MONDAY },
    );
    const relaxation = relaxRosterProblem(problem);
    const classOfSeat = (id: string) => {
      const k = shifts.findIndex((x) => x.id === id);
      const g = problem.shifts.find((x) => x.seats.includes(k));
      return relaxation.classOf[g?.index ?? -1] ?? -1;
    };
    const classes = [0, 1].map(() => [classOfSeat('m1'), classOfSeat('t1')]);
    expect(classOfSeat('m1')).toBe(classOfSeat('m2'));
    expect(classOfSeat('t1')).toBe(classOfSeat('t2'));
    const solved = async (restricted: ReturnType<typeof restrictToClasses>) => {
      const model = buildRosterModel(restricted);
      const r = await solveCoveringMip(model, { timeLimitSeconds: 60, relativeGap: 0 });
      const y = r.x ?? new Float64Array();
      return restricted.eligible.map((el, a) =>
        [...el].filter((_, e) => (y[(model.xStart[a] ?? 0) + e] ?? 0) > 0.5),
      );
    };
    const exact = await solved(restrictToClasses(problem, relaxation, classes));
    const loose = await solved(restrictToDaysAndLengths(problem, relaxation, classes));
    expect(rosterViolations(problem, exact)).toEqual([]);
    expect(rosterViolations(problem, loose)).toEqual([]);
    expect(rosterObjective(problem, exact).unfilled).toBe(2);
    expect(rosterObjective(problem, loose).unfilled).toBe(1);
  });
});
