import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { slotCalendar } from '../../src/scheduling/calendar.js';
import { generateCandidates } from '../../src/scheduling/candidates.js';
import { implicitBreakModel } from '../../src/scheduling/implicitBreaks.js';
import { buildCoveringModel } from '../../src/scheduling/model.js';
import { type ShiftSchedule, scheduleShifts } from '../../src/scheduling/scheduleShifts.js';
import { defaultWorkLimit, solveCoveringMip } from '../../src/scheduling/solveMip.js';
import { parseShiftRules, type ShiftRulesInput } from '../../src/schemas/shiftRules.js';

/** Two days of 15-minute requirement with a late-morning and an afternoon peak, open 07:00-22:00. */
const required: number[] = [];
for (let d = 0; d < 2; d++)
  for (let q = 0; q < 96; q++) {
    const h = q / 4;
    const shape = Math.exp(-((h - 11) ** 2) / 8) + 0.8 * Math.exp(-((h - 15.5) ** 2) / 10);
    required.push(h >= 7 && h < 22 ? Math.round(3 + 25 * shape + ((d * 7 + q) % 3)) : 0);
  }
const brk = { name: 'break', durationMinutes: 15, earliestStartMinutes: 90, latestStartMinutes: 150 };
const lunch = { name: 'lunch', durationMinutes: 30, earliestStartMinutes: 210, latestStartMinutes: 300 };
/** Full-time with a break and a lunch, part-time with a break: implicit break counts, a real tree search. */
const rules: ShiftRulesInput = {
  openingHours: { mon: [{ open: '07:00', close: '22:00' }], tue: [{ open: '07:00', close: '22:00' }] },
  shiftTypes: [
    {
      name: 'full',
      earliestStart: '07:00',
      latestStart: '14:00',
      lengthsMinutes: [480, 540],
      breaks: [brk, lunch],
    },
    {
      name: 'part',
      earliestStart: '07:00',
      latestStart: '18:00',
      lengthsMinutes: [240],
      breaks: [brk],
      maxShare: 0.3,
    },
  ],
};

/** What must be identical between two runs of the same inputs. */
const answer = (s: ShiftSchedule) => ({
  status: s.status,
  stoppedBy: s.stoppedBy,
  objective: s.objective,
  bestBound: s.bestBound,
  lpIterations: s.lpIterations,
  shifts: s.shifts,
});

/** A worker thread spinning until terminated: machine load for the duration of a solve. */
function busyThread(): Worker {
  return new Worker('for (;;) {}', { eval: true });
}

describe('scheduleShifts work budget', () => {
  it('stops at its work budget with a schedule no worse than greedy, not proven, marked stoppedBy work', async () => {
    // relativeGap 0: the search would go on for thousands of nodes; 1500 simplex iterations stop it
    const s = await scheduleShifts({ intervalMinutes: 15, required }, rules, {
      workLimit: 1500,
      relativeGap: 0,
    });
    expect(s.breakMethod).toBe('implicit');
    expect(s.stoppedBy).toBe('work');
    expect(s.status).toBe('feasible');
    expect(s.lpIterations).toBeGreaterThanOrEqual(1500);
    expect(s.objective).toBeLessThanOrEqual(s.greedyObjective! + 1e-9);
    expect(s.bestBound!).toBeLessThan(s.objective);
    expect(s.gap!).toBeGreaterThan(0);
  });

  it('gives the identical schedule twice, the second time beside a busy thread loading a core', async () => {
    const options = { workLimit: 1500, relativeGap: 0 };
    const first = await scheduleShifts({ intervalMinutes: 15, required }, rules, options);
    const load = busyThread();
    try {
      const second = await scheduleShifts({ intervalMinutes: 15, required }, rules, options);
      expect(answer(second)).toEqual(answer(first));
    } finally {
      await load.terminate();
    }
  }, 180_000);

  it('reports a schedule stopped by the wall-clock safety net as stoppedBy time, not optimal, no worse than greedy', async () => {
    // a millisecond is far below what HiGHS needs to presolve this model on any machine
    const s = await scheduleShifts({ intervalMinutes: 15, required }, rules, {
      timeLimitSeconds: 0.001,
      relativeGap: 0,
    });
    expect(s.stoppedBy).toBe('time');
    expect(s.status).not.toBe('optimal');
    expect(s.objective).toBeLessThanOrEqual(s.greedyObjective! + 1e-9);
  });

  it('has no MIP stop reason without the solver', async () => {
    const s = await scheduleShifts({ intervalMinutes: 15, required }, rules, { useSolver: false });
    expect(s.stoppedBy).toBeNull();
    expect(s.lpIterations).toBe(0);
  });
});

describe('solveCoveringMip', () => {
  const model = {
    numCols: 2,
    numRows: 1,
    colCost: new Float64Array([1, 2]),
    objectiveOffset: 0,
    colLower: new Float64Array([0, 0]),
    colUpper: new Float64Array([Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]),
    rowLower: new Float64Array([3]),
    rowUpper: new Float64Array([Number.POSITIVE_INFINITY]),
    matrix: {
      starts: new Int32Array([0, 1, 2]),
      rows: new Int32Array([0, 0]),
      values: new Float64Array([1, 1]),
    },
    integrality: new Int32Array([1, 1]),
  };

  it('proves min x0 + 2 x1 s.t. x0 + x1 >= 3 optimal at 3, stopped by the gap', async () => {
    const r = await solveCoveringMip(model, { timeLimitSeconds: 600, workLimit: 1000 });
    expect(r.outcome).toBe('optimal');
    expect(r.stoppedBy).toBe('gap');
    expect(r.objective).toBe(3);
  });

  it('stops at the root, stopped by work, once its cut rounds stall (rootStall), the same twice', async () => {
    const parsed = parseShiftRules(rules);
    const cal = slotCalendar({ intervalMinutes: 15, required });
    const c = generateCandidates(cal, parsed, { breakMethod: 'afterwards' });
    const implicit = implicitBreakModel(buildCoveringModel(c, cal, parsed), c, cal, parsed)!;
    // every round counts as stalled (closure above 1): the MIP stops at the root, never branching
    const options = {
      timeLimitSeconds: 600,
      workLimit: 100_000,
      relativeGap: 0,
      rootStall: { closure: 1.01, minGap: 0 },
    };
    const stalled = await solveCoveringMip(implicit, options);
    expect(stalled.stoppedBy).toBe('work');
    expect(stalled.outcome).toBe('limit');
    expect(stalled.nodes).toBe(0);
    expect(stalled.lpIterations).toBeLessThan(100_000);
    const again = await solveCoveringMip(implicit, options);
    expect([again.objective, again.bound, again.lpIterations]).toEqual([
      stalled.objective,
      stalled.bound,
      stalled.lpIterations,
    ]);
    // without it the same search branches
    const free = await solveCoveringMip(implicit, {
      ...options,
      rootStall: undefined,
      workLimit: stalled.lpIterations + 3000,
    });
    expect(free.nodes).toBeGreaterThan(0);
  }, 180_000);

  it('scales the default work budget with the model, never below 200,000 iterations', () => {
    expect(defaultWorkLimit({ numRows: 10, numCols: 10 })).toBe(200_000);
    expect(defaultWorkLimit({ numRows: 3778, numCols: 5080 })).toBe(885_800);
  });
});
