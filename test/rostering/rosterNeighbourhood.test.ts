import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRosterProblem } from '../../src/rostering/buildRosterProblem.js';
import { greedyRoster } from '../../src/rostering/greedyRoster.js';
import { rosterViolations } from '../../src/rostering/rosterCheck.js';
import {
  rosterWindows,
  unfilledWindows,
  weekendWindows,
  windowModel,
} from '../../src/rostering/rosterNeighbourhood.js';
import { solveCoveringMip } from '../../src/scheduling/solveMip.js';
import { arbSeats, arbTeam, MONDAY } from './arbitraries.js';
import { agent, RULES, seat } from './fixtures.js';

const rules = {
  ...RULES,
  minRestHours: 11,
  weekendsOff: { minFreeWeekends: 1, perWeeks: 2 },
  shiftTypeLimits: { late: { maxAgentsPerDay: 1 } },
};

/** Whether x keeps the model's column and row bounds (to 1e-9). */
function withinBounds(model: ReturnType<typeof windowModel>['model'], x: Float64Array): boolean {
  const activity = new Float64Array(model.numRows);
  for (let c = 0; c < model.numCols; c++) {
    const v = x[c] ?? 0;
    if (v < (model.colLower[c] ?? 0) - 1e-9 || v > (model.colUpper[c] ?? 0) + 1e-9) return false;
    for (let k = model.matrix.starts[c] ?? 0; k < (model.matrix.starts[c + 1] ?? 0); k++) {
      const r = model.matrix.rows[k] ?? 0;
      activity[r] = (activity[r] ?? 0) + (model.matrix.values[k] ?? 0) * v;
    }
  }
  for (let r = 0; r < model.numRows; r++)
    if (
      (activity[r] ?? 0) < (model.rowLower[r] ?? 0) - 1e-9 ||
      (activity[r] ?? 0) > (model.rowUpper[r] ?? 0) + 1e-9
    )
      return false;
  return true;
}

describe('rosterWindows', () => {
  it('splits every week into blocks of consecutive agents, each agent once a week, under the column limit unless alone', () => {
    fc.assert(
      fc.property(arbTeam, arbSeats, fc.integer({ min: 1, max: 60 }), (agents, seats, maxColumns) => {
        const problem = buildRosterProblem(seats, agents, rules, { timeZone: 'UTC', horizonStartMs: MONDAY });
        const windows = rosterWindows(problem, maxColumns);
        for (let w = 0; w < problem.weeks; w++) {
          const mine = windows.filter((x) => x.fromDay === 7 * w);
          expect(mine.flatMap((x) => x.agents)).toEqual(agents.map((_, a) => a));
          for (const x of mine) {
            expect(x.toDay).toBe(Math.min(problem.days, 7 * w + 7));
            const columns = x.agents.reduce(
              (n, a) =>
                n +
                [...(problem.eligible[a] ?? [])].filter((s) => {
                  const d = problem.shifts[s]?.dayIndex ?? -1;
                  return d >= x.fromDay && d < x.toDay;
                }).length,
              0,
            );
            if (x.agents.length > 1) expect(columns).toBeLessThanOrEqual(maxColumns);
          }
        }
        expect(windows.length).toBeGreaterThanOrEqual(problem.weeks);
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});

describe('rosterWindows with an offset, a span and a first day', () => {
  it('covers every span of days from the first day with every agent once, and no day before it', () => {
    fc.assert(
      fc.property(
        arbTeam,
        arbSeats,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom(1, 2, 7, 14),
        fc.integer({ min: 0, max: 8 }),
        (agents, seats, maxColumns, offset, spanDays, firstDay) => {
          const problem = buildRosterProblem(seats, agents, rules, {
            timeZone: 'UTC',
            horizonStartMs: MONDAY,
          });
          const windows = rosterWindows(problem, maxColumns, offset, spanDays, firstDay);
          for (let from = firstDay; from < problem.days; from += spanDays) {
            const mine = windows.filter((x) => x.fromDay === from);
            expect(mine.every((x) => x.toDay === Math.min(problem.days, from + spanDays))).toBe(true);
            const order = agents.map((_, k) => (k + offset) % agents.length);
            expect(mine.flatMap((x) => x.agents)).toEqual(order);
          }
          expect(windows.every((x) => x.fromDay >= firstDay && (x.fromDay - firstDay) % spanDays === 0)).toBe(
            true,
          );
        },
      ),
      { numRuns: 200, seed: 13 },
    );
  });
});

describe('weekendWindows', () => {
  // three weeks from Monday 1 January 2024, one seat on each Saturday; at least one free weekend in two
  const team = ['ann', 'bob', 'cat', 'dan'].map((id) => agent(id));
  const saturdays = [6, 13, 20].map((day) => seat(`sat${day}`, day, 8));
  const problem = buildRosterProblem(saturdays, team, rules, { timeZone: 'UTC', horizonStartMs: MONDAY });

  it('opens each worked weekend of an agent short of free weekends to the agents free on and around it', () => {
    // ann works the Saturdays of weeks 1 and 2 (short); the others none, then bob week 3
    const roster = [[0, 1], [], [], []];
    const otherRoster = [[0, 1], [2], [], []];
    expect(weekendWindows(problem, roster, 1000)).toEqual([
      { fromDay: 0, toDay: 7, agents: [0, 1, 2, 3] },
      { fromDay: 7, toDay: 14, agents: [0, 1, 2, 3] },
    ]);
    // bob, who works the weekend after week 2, comes after those free on both sides
    expect(weekendWindows(problem, otherRoster, 1000)[1]?.agents).toEqual([0, 2, 3, 1]);
  });

  it('gives no window to a roster whose weekends-off windows are all met', () => {
    expect(weekendWindows(problem, [[0, 2], [1], [], []], 1000)).toEqual([]);
  });

  it('stops adding agents at the column limit', () => {
    const windows = weekendWindows(problem, [[0, 1], [], [], []], 2);
    expect(windows.every((x) => x.agents.length === 2)).toBe(true);
  });
});

describe('unfilledWindows', () => {
  it('opens the week of every empty seat to the agents who may take it, those free that day first, under the column limit unless alone (one window per week and agents)', () => {
    fc.assert(
      fc.property(arbTeam, arbSeats, fc.integer({ min: 1, max: 60 }), (agents, seats, maxColumns) => {
        const problem = buildRosterProblem(seats, agents, rules, { timeZone: 'UTC', horizonStartMs: MONDAY });
        // the greedy roster with every other agent's shifts dropped, so that seats are empty
        const roster = greedyRoster(problem)
          .byAgent()
          .map((list, a) => (a % 2 === 0 ? [] : list));
        const held = new Map<number, number>();
        for (const list of roster) for (const s of list) held.set(s, (held.get(s) ?? 0) + 1);
        const windows = unfilledWindows(problem, roster, maxColumns);
        const columns = (a: number, w: (typeof windows)[number]) =>
          [...(problem.eligible[a] ?? [])].filter((s) => {
            const d = problem.shifts[s]?.dayIndex ?? -1;
            return d >= w.fromDay && d < w.toDay;
          }).length;
        for (const w of windows) {
          expect(w.fromDay % 7).toBe(0);
          expect(w.toDay).toBe(Math.min(problem.days, w.fromDay + 7));
          const total = w.agents.reduce((n, a) => n + columns(a, w), 0);
          expect(w.agents.length === 1 || total <= maxColumns).toBe(true);
          expect(new Set(w.agents).size).toBe(w.agents.length);
        }
        // every empty group has a window of its week whose agents may all work it, free ones first
        for (const g of problem.shifts) {
          if ((held.get(g.index) ?? 0) >= g.seats.length) continue;
          const able = agents.map((_, a) => a).filter((a) => problem.eligible[a]?.includes(g.index));
          if (able.length === 0) continue;
          const free = (a: number) =>
            !(roster[a] ?? []).some((s) => problem.shifts[s]?.dayIndex === g.dayIndex);
          const expected: number[] = [];
          let total = 0;
          for (const a of [...able.filter(free), ...able.filter((a) => !free(a))]) {
            const n = [...(problem.eligible[a] ?? [])].filter(
              (s) => Math.floor((problem.shifts[s]?.dayIndex ?? -1) / 7) === Math.floor(g.dayIndex / 7),
            ).length;
            if (expected.length > 0 && total + n > maxColumns) break;
            expected.push(a);
            total += n;
          }
          const week = 7 * Math.floor(g.dayIndex / 7);
          // the same week and agents (a window met before for another seat is not repeated)
          const sorted = (list: readonly number[]) => [...list].sort((p, q) => p - q).join(',');
          expect(windows.some((w) => w.fromDay === week && sorted(w.agents) === sorted(expected))).toBe(true);
        }
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it('gives no window to a roster that fills every seat', () => {
    const problem = buildRosterProblem([seat('a', 1, 8)], [agent('ann')], rules, {
      timeZone: 'UTC',
      horizonStartMs: MONDAY,
    });
    expect(unfilledWindows(problem, [[0]], 100)).toEqual([]);
    expect(unfilledWindows(problem, [[]], 100)).toEqual([{ fromDay: 0, toDay: problem.days, agents: [0] }]);
  });
});

describe('windowModel', () => {
  it('has the current roster as a start within its bounds, read back unchanged', () => {
    fc.assert(
      fc.property(arbTeam, arbSeats, fc.integer({ min: 1, max: 40 }), (agents, seats, maxColumns) => {
        const problem = buildRosterProblem(seats, agents, rules, { timeZone: 'UTC', horizonStartMs: MONDAY });
        const roster = greedyRoster(problem).byAgent();
        for (const window of rosterWindows(problem, maxColumns)) {
          const sub = windowModel(problem, roster, window);
          expect(withinBounds(sub.model, sub.start)).toBe(true);
          expect(sub.rosterOf(sub.start)).toEqual(roster);
        }
      }),
      { numRuns: 100, seed: 13 },
    );
  });

  it('changes the roster only inside the window and keeps every hard rule', async () => {
    await fc.assert(
      fc.asyncProperty(arbTeam, arbSeats, async (agents, seats) => {
        const problem = buildRosterProblem(seats, agents, rules, { timeZone: 'UTC', horizonStartMs: MONDAY });
        const roster = greedyRoster(problem).byAgent();
        const window = rosterWindows(problem, 10)[0];
        if (window === undefined) return;
        const sub = windowModel(problem, roster, window);
        const r = await solveCoveringMip(sub.model, { timeLimitSeconds: 60, start: sub.start });
        expect(r.x).toBeDefined();
        const solved = sub.rosterOf(r.x ?? new Float64Array());
        expect(rosterViolations(problem, solved)).toEqual([]);
        const outside = (list: readonly number[], a: number) =>
          list.filter((s) => {
            const d = problem.shifts[s]?.dayIndex ?? -1;
            return !window.agents.includes(a) || d < window.fromDay || d >= window.toDay;
          });
        expect(solved.map(outside)).toEqual(roster.map(outside));
      }),
      { numRuns: 10, seed: 13 },
    );
  }, 120_000);
});
