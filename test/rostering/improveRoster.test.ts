import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignShifts } from '../../src/rostering/assignShifts.js';
import { buildRosterProblem } from '../../src/rostering/buildRosterProblem.js';
import { greedyRoster } from '../../src/rostering/greedyRoster.js';
import { improveRoster } from '../../src/rostering/improveRoster.js';
import { rosterObjective, rosterViolations } from '../../src/rostering/rosterCheck.js';
import { arbSeats, arbTeam, MONDAY } from './arbitraries.js';
import { agent, CONTRACT, RULES, seat } from './fixtures.js';

const RULES_WEEKENDS = { ...RULES, weekendsOff: { minFreeWeekends: 1, perWeeks: 2 } };

describe('improveRoster', () => {
  it('keeps every hard rule, fills no fewer seats and never raises the objective of the repair heuristic', () => {
    fc.assert(
      fc.property(arbTeam, arbSeats, fc.integer({ min: 0, max: 12 }), (agents, seats, restHours) => {
        const problem = buildRosterProblem(
          seats,
          agents,
          { ...RULES_WEEKENDS, minRestHours: restHours },
          {
            timeZone: 'UTC',
            horizonStartMs: MONDAY,
          },
        );
        const state = greedyRoster(problem);
        const before = rosterObjective(problem, state.byAgent());
        improveRoster(state, 100_000);
        const after = rosterObjective(problem, state.byAgent());
        expect(rosterViolations(problem, state.byAgent())).toEqual([]);
        expect(after.objective).toBeLessThanOrEqual(before.objective + 1e-9);
        expect(after.unfilled).toBeLessThanOrEqual(before.unfilled);
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('is deterministic, and evaluates no move with a budget of 0', () => {
    fc.assert(
      fc.property(arbTeam, arbSeats, fc.integer({ min: 1, max: 50 }), (agents, seats, budget) => {
        const run = () => {
          const problem = buildRosterProblem(seats, agents, RULES_WEEKENDS, {
            timeZone: 'UTC',
            horizonStartMs: MONDAY,
          });
          const state = greedyRoster(problem);
          const evaluated = improveRoster(state, budget);
          return { evaluated, roster: state.byAgent() };
        };
        const first = run();
        expect(run()).toEqual(first);
        expect(
          improveRoster(
            greedyRoster(
              buildRosterProblem(seats, agents, RULES_WEEKENDS, { timeZone: 'UTC', horizonStartMs: MONDAY }),
            ),
            0,
          ),
        ).toBe(0);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe('assignShifts: the local search after the repair heuristic', () => {
  // Thursday and Friday early seats; ann may work one day and likes early shifts, bob two days and
  // likes late ones (a short week: no minimum hours). The repair heuristic gives bob both (2
  // preferences broken); a transfer hands one to ann (1).
  const seats = [seat('thu', 4, 6), seat('fri', 5, 6)];
  const agents = [
    agent('ann', {
      contract: { ...CONTRACT, maxDaysPerWeek: 1 },
      shiftPreferences: [{ kind: 'early', weight: 1 }],
    }),
    agent('bob', {
      contract: { ...CONTRACT, minHoursPerWeek: 16, maxDaysPerWeek: 2 },
      shiftPreferences: [{ kind: 'late', weight: 1 }],
    }),
  ];
  const options = { timeZone: 'UTC', horizonStartMs: MONDAY, useSolver: false };

  it('moves a shift to the agent it suits', async () => {
    const r = await assignShifts(seats, agents, RULES, options);
    expect(r.solve?.objective).toBe(1);
    expect(r.assignments.map((a) => a.agentId).sort()).toEqual(['ann', 'bob']);
  });

  it('is off with moveBudget 0 (the repair heuristic alone)', async () => {
    const r = await assignShifts(seats, agents, RULES, { ...options, moveBudget: 0 });
    expect(r.solve?.objective).toBe(2);
    expect(r.assignments.map((a) => a.agentId)).toEqual(['bob', 'bob']);
  });
});
