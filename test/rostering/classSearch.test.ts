import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRosterProblem } from '../../src/rostering/buildRosterProblem.js';
import { CLASS_WINDOW_GAP, searchShiftClasses } from '../../src/rostering/classSearch.js';
import { greedyRoster } from '../../src/rostering/greedyRoster.js';
import { rosterObjective, rosterViolations } from '../../src/rostering/rosterCheck.js';
import { buildRosterModel } from '../../src/rostering/rosterModel.js';
import { relaxRosterProblem } from '../../src/rostering/rosterRelaxation.js';
import { solveCoveringMip } from '../../src/scheduling/solveMip.js';
import { arbSeats, arbTeam, MONDAY } from './arbitraries.js';
import { RULES } from './fixtures.js';

const rules = { ...RULES, minRestHours: 11, weekendsOff: { minFreeWeekends: 1, perWeeks: 2 } };

describe('searchShiftClasses', () => {
  it('reaches the relaxation optimum on a horizon of two weeks (one window of the whole team), and realises it as a roster keeping every hard rule', async () => {
    await fc.assert(
      fc.asyncProperty(arbTeam, arbSeats, async (agents, seats) => {
        const problem = buildRosterProblem(seats, agents, rules, { timeZone: 'UTC', horizonStartMs: MONDAY });
        const relaxation = relaxRosterProblem(problem);
        const start = greedyRoster(problem).byAgent();
        const startClasses = start.map((list) => list.map((s) => relaxation.classOf[s] ?? 0));
        const startObjective = rosterObjective(relaxation.problem, startClasses).objective;
        const found = await searchShiftClasses(problem, relaxation, start, {
          workLimit: 1e7,
          secondsLeft: () => 60,
          run: (model, seconds, x0, o) =>
            solveCoveringMip(model, {
              timeLimitSeconds: seconds,
              start: x0,
              relativeGap: o.relativeGap ?? 0,
              ...(o.workLimit === undefined ? {} : { workLimit: o.workLimit }),
              ...(o.rootLpMethod === undefined ? {} : { rootLpMethod: o.rootLpMethod }),
            }),
        });
        const best = await solveCoveringMip(buildRosterModel(relaxation.problem), {
          timeLimitSeconds: 60,
          relativeGap: 0,
        });
        const optimum = best.objective ?? Number.NaN;
        expect(found.stoppedByTime).toBe(false);
        expect(found.classObjective).toBeLessThanOrEqual(startObjective + 1e-9);
        expect(found.classObjective).toBeGreaterThanOrEqual(optimum - 1e-6);
        expect(found.classObjective).toBeLessThanOrEqual(
          optimum + CLASS_WINDOW_GAP * Math.abs(optimum) + 1e-6,
        );
        // a roster only when the classes improved on the start; it keeps every hard rule and is
        // never below the relaxation's optimum
        expect(found.byAgent === undefined).toBe(found.classObjective >= startObjective - 1e-9);
        if (found.byAgent !== undefined) {
          expect(rosterViolations(problem, found.byAgent)).toEqual([]);
          expect(rosterObjective(problem, found.byAgent).objective).toBeGreaterThanOrEqual(optimum - 1e-6);
        }
      }),
      { numRuns: 12, seed: 13 },
    );
  }, 240_000);

  it('stops before any MIP when no time is left, and says so', async () => {
    const agents = fc.sample(arbTeam, { numRuns: 1, seed: 5 })[0] ?? [];
    const seats = fc.sample(arbSeats, { numRuns: 1, seed: 5 })[0] ?? [];
    const problem = buildRosterProblem(seats, agents, rules, { timeZone: 'UTC', horizonStartMs: MONDAY });
    let runs = 0;
    const found = await searchShiftClasses(
      problem,
      relaxRosterProblem(problem),
      greedyRoster(problem).byAgent(),
      {
        workLimit: 1e7,
        secondsLeft: () => 0,
        run: async () => {
          runs++;
          throw new Error('no MIP may run');
        },
      },
    );
    expect(runs).toBe(0);
    expect(found).toMatchObject({ byAgent: undefined, stoppedByTime: true });
  });
});
