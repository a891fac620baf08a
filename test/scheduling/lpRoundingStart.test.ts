import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotCalendar } from '../../src/scheduling/calendar.js';
import { generateCandidates } from '../../src/scheduling/candidates.js';
import { satisfiesModelBounds } from '../../src/scheduling/checkStart.js';
import { type CoverSolution, coverageOf, coverObjective, greedyCover } from '../../src/scheduling/greedy.js';
import { lpNeighbourhood, lpRelaxation, roundLpSolution } from '../../src/scheduling/lpRoundingStart.js';
import { buildCoveringModel, type CoveringModel } from '../../src/scheduling/model.js';
import { type ShiftSchedule, scheduleShifts } from '../../src/scheduling/scheduleShifts.js';
import { solveCoveringMip } from '../../src/scheduling/solveMip.js';
import { parseShiftRules, type ShiftRulesInput } from '../../src/schemas/shiftRules.js';

/** The covering model of an hourly requirement, its LP solution and the rounded start. */
async function roundedCase(required: number[], input: ShiftRulesInput) {
  const rules = parseShiftRules(input);
  const cal = slotCalendar({ intervalMinutes: 60, required });
  const c = generateCandidates(cal, rules, { breakMethod: 'afterwards' });
  const model = buildCoveringModel(c, cal, rules);
  const lp = await solveCoveringMip(lpRelaxation(model), { timeLimitSeconds: 600 });
  if (lp.outcome !== 'optimal' || lp.x === undefined) return undefined;
  const lpx = lp.x;
  const rounded = roundLpSolution(model, c, cal, rules, lpx);
  const ceil: CoverSolution = {
    x: Float64Array.from({ length: model.shiftColumns }, (_, j) => Math.ceil((lpx[j] ?? 0) - 1e-6)),
    w: new Float64Array(0),
  };
  return { rules, cal, c, model, rounded, ceil };
}

/** Dense vector of shift counts x for a model without tours: x, then the under-coverage. */
function dense(model: CoveringModel, required: number[], x: Float64Array): Float64Array {
  const v = new Float64Array(model.numCols);
  v.set(x, 0);
  const cov = coverageOf(model, required.length, x);
  required.forEach((r, t) => {
    v[model.shiftColumns + t] = Math.max(0, r - (cov[t] ?? 0));
  });
  return v;
}

const instanceArb = fc.record({
  required: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 24, maxLength: 24 }),
  types: fc.array(
    fc.record({
      lengths: fc.uniqueArray(fc.integer({ min: 2, max: 9 }), { minLength: 1, maxLength: 2 }),
      step: fc.constantFrom(1, 2),
      cost: fc.constantFrom(1, 1.1, 1.3),
      maxShare: fc.option(fc.constantFrom(0.25, 0.5), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
  cap: fc.option(fc.integer({ min: 5, max: 9 }), { nil: undefined }),
  allowUnder: fc.boolean(),
});

describe('roundLpSolution', () => {
  it('meets every covering row, and when ceil(LP) meets every row bound it does too at no higher cost', async () => {
    // runs that reach each guarded check: each must be reached at least once
    let roundedRuns = 0;
    let coveringRuns = 0;
    let comparedRuns = 0;
    await fc.assert(
      fc.asyncProperty(instanceArb, async (k) => {
        const input: ShiftRulesInput = {
          coverage: { allowUnderCoverage: k.allowUnder },
          shiftTypes: k.types.map((t, i) => ({
            name: `t${i}`,
            earliestStart: '00:00',
            latestStart: '23:00',
            startStepMinutes: 60 * t.step,
            lengthsMinutes: t.lengths.map((h) => 60 * h),
            costPerPaidHour: t.cost,
            ...(t.maxShare !== undefined && i > 0 ? { maxShare: t.maxShare } : {}),
          })),
          ...(k.cap === undefined ? {} : { caps: { maxAgentsPerInterval: k.cap } }),
        };
        const r = await roundedCase(k.required, input);
        if (r === undefined) return; // the LP is infeasible (full coverage under a cap): no start
        const { model, cal, rules, rounded, ceil } = r;
        roundedRuns++;
        expect(rounded.x.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
        if (!k.allowUnder) {
          coveringRuns++;
          // every covering row satisfied: the LP covered every interval and no drop uncovers one
          const cov = coverageOf(model, 24, rounded.x);
          k.required.forEach((req, t) => {
            expect(cov[t] ?? 0).toBeGreaterThanOrEqual(req - 1e-9);
          });
        }
        if (satisfiesModelBounds(model, dense(model, k.required, ceil.x))) {
          comparedRuns++;
          expect(satisfiesModelBounds(model, dense(model, k.required, rounded.x))).toBe(true);
          expect(coverObjective(model, cal, rounded, rules).objective).toBeLessThanOrEqual(
            coverObjective(model, cal, ceil, rules).objective + 1e-9,
          );
        }
      }),
      { numRuns: 25, seed: 20261203 },
    );
    expect(roundedRuns).toBeGreaterThan(0);
    expect(coveringRuns).toBeGreaterThan(0);
    expect(comparedRuns).toBeGreaterThan(0);
  }, 120_000);

  it('rounds a peak the greedy covers badly to the optimum (32 against greedy 40.05)', async () => {
    // 4-hour shifts, 2 agents required 00:00-04:00 and 08:00-12:00, 4 between: greedy over-covers
    const required = [2, 2, 2, 2, 4, 4, 4, 4, 2, 2, 2, 2];
    const input: ShiftRulesInput = {
      shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '23:00', lengthsMinutes: [240] }],
    };
    const r = await roundedCase(required, input);
    expect(r).toBeDefined();
    if (r === undefined) return;
    const greedy = greedyCover(r.c, r.cal, r.rules, r.model);
    expect(greedy).toBeDefined();
    if (greedy === undefined) return;
    expect(coverObjective(r.model, r.cal, greedy, r.rules).objective).toBeCloseTo(40.05, 9);
    expect(coverObjective(r.model, r.cal, r.rounded, r.rules).objective).toBeCloseTo(32, 9);
  });
});

describe('lpNeighbourhood', () => {
  it('bounds each shift column to the integers around its LP value and leaves the other columns free', async () => {
    const required = [1, 1, 1, 1];
    const rules = parseShiftRules({
      shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '02:00', lengthsMinutes: [120] }],
    });
    const cal = slotCalendar({ intervalMinutes: 60, required });
    const c = generateCandidates(cal, rules, { breakMethod: 'afterwards' });
    const model = buildCoveringModel(c, cal, rules);
    const lp = new Float64Array(model.numCols);
    lp[0] = 0.4;
    lp[1] = 2;
    lp[2] = 1.5;
    const m = lpNeighbourhood(model, lp);
    expect(Array.from(m.colLower.slice(0, 3))).toEqual([0, 2, 1]);
    expect(Array.from(m.colUpper.slice(0, 3))).toEqual([1, 2, 2]);
    expect(Array.from(m.colUpper.slice(3))).toEqual(Array.from(model.colUpper.slice(3)));
    expect(Array.from(model.colLower.slice(0, 3))).toEqual([0, 0, 0]); // the model is not changed
  });
});

describe('satisfiesModelBounds', () => {
  // min x0 + 2 x1, row x0 + x1 >= 3, x1 <= 1, both integer
  const model = {
    numCols: 2,
    numRows: 1,
    colLower: new Float64Array([0, 0]),
    colUpper: new Float64Array([Number.POSITIVE_INFINITY, 1]),
    rowLower: new Float64Array([3]),
    rowUpper: new Float64Array([Number.POSITIVE_INFINITY]),
    matrix: {
      starts: new Int32Array([0, 1, 2]),
      rows: new Int32Array([0, 0]),
      values: new Float64Array([1, 1]),
    },
    integrality: new Int32Array([1, 1]),
  };
  it('accepts a point within every row and column bound', () => {
    expect(satisfiesModelBounds(model, Float64Array.of(3, 0))).toBe(true);
    expect(satisfiesModelBounds(model, Float64Array.of(2, 1))).toBe(true);
  });
  it('rejects a violated row, a violated column bound, a fractional integer column and a wrong length', () => {
    expect(satisfiesModelBounds(model, Float64Array.of(1, 1))).toBe(false);
    expect(satisfiesModelBounds(model, Float64Array.of(1, 2))).toBe(false);
    expect(satisfiesModelBounds(model, Float64Array.of(2.5, 0.5))).toBe(false);
    expect(satisfiesModelBounds(model, Float64Array.of(3))).toBe(false);
  });
});

describe('scheduleShifts start selection', () => {
  it('warm-starts the MIP from the rounded LP when it is cheaper than greedy', async () => {
    const s = await scheduleShifts(
      { intervalMinutes: 60, required: [2, 2, 2, 2, 4, 4, 4, 4, 2, 2, 2, 2] },
      { shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '23:00', lengthsMinutes: [240] }] },
    );
    expect(s.greedyObjective).toBeCloseTo(40.05, 9);
    expect(s.startSource).toBe('lp-rounding');
    expect(s.status).toBe('optimal');
    expect(s.objective).toBeCloseTo(32, 9);
  });

  it('keeps greedy as the start when the rounded LP is no cheaper', async () => {
    const s = await scheduleShifts(
      { intervalMinutes: 60, required: [1, 1, 2, 2, 3, 3, 2, 2, 1, 1] },
      {
        shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '23:00', lengthsMinutes: [240, 360] }],
      },
    );
    expect(s.startSource).toBe('greedy');
    expect(s.objective).toBeCloseTo(s.greedyObjective ?? Number.NaN, 9);
  });

  it('has no start without the solver', async () => {
    const s = await scheduleShifts(
      { intervalMinutes: 60, required: [2, 2, 2, 2, 4, 4, 4, 4] },
      { shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '23:00', lengthsMinutes: [240] }] },
      { useSolver: false },
    );
    expect(s.startSource).toBeNull();
  });

  it('gives the same schedule twice with breaks, the LP-rounding start and a work budget', async () => {
    const required: number[] = [];
    for (let q = 0; q < 96; q++) {
      const h = q / 4;
      const shape = Math.exp(-((h - 11) ** 2) / 8) + 0.8 * Math.exp(-((h - 15.5) ** 2) / 10);
      required.push(h >= 7 && h < 22 ? Math.round(3 + 25 * shape + (q % 3)) : 0);
    }
    const brk = { name: 'break', durationMinutes: 15, earliestStartMinutes: 90, latestStartMinutes: 150 };
    const rules: ShiftRulesInput = {
      openingHours: { mon: [{ open: '07:00', close: '22:00' }] },
      shiftTypes: [
        { name: 'full', earliestStart: '07:00', latestStart: '14:00', lengthsMinutes: [480], breaks: [brk] },
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
    const answer = (s: ShiftSchedule) => ({
      status: s.status,
      stoppedBy: s.stoppedBy,
      startSource: s.startSource,
      objective: s.objective,
      bestBound: s.bestBound,
      lpIterations: s.lpIterations,
      shifts: s.shifts,
    });
    const options = { workLimit: 3000, relativeGap: 0 };
    const first = await scheduleShifts({ intervalMinutes: 15, required }, rules, options);
    const second = await scheduleShifts({ intervalMinutes: 15, required }, rules, options);
    expect(answer(second)).toEqual(answer(first));
  }, 120_000);
});
