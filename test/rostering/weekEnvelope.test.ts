import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRosterProblem } from '../../src/rostering/buildRosterProblem.js';
import { buildRosterModel } from '../../src/rostering/rosterModel.js';
import { type WeekShape, weekPenaltyEnvelope } from '../../src/rostering/weekEnvelope.js';
import { solveCoveringMip } from '../../src/scheduling/solveMip.js';
import { agent, CONTRACT, RULES, seat } from './fixtures.js';

const penalty = (shape: WeekShape, days: number, minutes: number) =>
  (shape.shortHour * Math.max(0, shape.minMinutes - minutes)) / 60 +
  shape.shortDay * Math.max(0, shape.minDays - days);

/** Every (days, paid minutes) a week of the shape can hold, found independently by enumeration. */
function weeks(shape: WeekShape): [number, number][] {
  const out: [number, number][] = [];
  const walk = (days: number, minutes: number, from: number) => {
    out.push([days, minutes]);
    if (days === shape.maxDays) return;
    shape.lengths.forEach((l, i) => {
      if (i >= from && minutes + l <= shape.maxMinutes) walk(days + 1, minutes + l, i);
    });
  };
  walk(0, 0, 0);
  return out;
}

const FULL_TIME: WeekShape = {
  lengths: [480, 240],
  maxDays: 5,
  minMinutes: 2250,
  maxMinutes: 2400,
  minDays: 5,
  shortHour: 10,
  shortDay: 20,
};

const arbShape: fc.Arbitrary<WeekShape> = fc
  .record({
    lengths: fc.uniqueArray(fc.integer({ min: 2, max: 10 }), { minLength: 1, maxLength: 3 }),
    maxDays: fc.integer({ min: 1, max: 6 }),
    minHours: fc.integer({ min: 0, max: 40 }),
    extraHours: fc.integer({ min: 0, max: 12 }),
    minDays: fc.integer({ min: 0, max: 6 }),
    shortHour: fc.integer({ min: 1, max: 30 }),
    shortDay: fc.integer({ min: 0, max: 40 }),
  })
  .map((r) => ({
    lengths: r.lengths.map((h) => 60 * h),
    maxDays: r.maxDays,
    minMinutes: 60 * r.minHours,
    maxMinutes: 60 * (r.minHours + r.extraHours),
    minDays: Math.min(r.minDays, r.maxDays),
    shortHour: r.shortHour,
    shortDay: r.shortDay,
  }));

describe('weekPenaltyEnvelope', () => {
  it('gives a full-time week of 8 h and 4 h shifts the facet through 5 x 8 h, 4 x 8 h + 4 h and 4 x 8 h', () => {
    const planes = weekPenaltyEnvelope(FULL_TIME);
    expect(planes).toHaveLength(1);
    const [alpha, perMinute, perDay] = planes[0] ?? [0, 0, 0];
    expect(alpha).toBeCloseTo(375, 9);
    expect(perMinute).toBeCloseTo(-0.0625, 12);
    expect(perDay).toBeCloseTo(-45, 9);
    for (const [d, m] of [
      [5, 2400],
      [5, 2160],
      [4, 1920],
    ] as const)
      expect(alpha + perMinute * m + perDay * d).toBeCloseTo(penalty(FULL_TIME, d, m), 9);
  });

  it('never lies above the penalty of a week the shape can hold, and each plane touches three of them (two with one length)', () => {
    fc.assert(
      fc.property(arbShape, (shape) => {
        const points = weeks(shape);
        for (const [alpha, perMinute, perDay] of weekPenaltyEnvelope(shape)) {
          let touching = 0;
          for (const [d, m] of points) {
            const gap = penalty(shape, d, m) - (alpha + perMinute * m + perDay * d);
            expect(gap).toBeGreaterThanOrEqual(-1e-6);
            if (gap <= 1e-6) touching++;
          }
          expect(touching).toBeGreaterThanOrEqual(shape.lengths.length === 1 ? 2 : 3);
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('adds nothing where the penalty is already convex over the weeks (one length that meets the minimum)', () => {
    const planes = weekPenaltyEnvelope({ ...FULL_TIME, lengths: [450], minMinutes: 2250 });
    expect(planes).toEqual([]);
  });
});

describe('the roster model with the envelope', () => {
  it('has an LP bound equal to the integer optimum where the plain LP splits days (50 without the envelope)', async () => {
    // two full-time agents (at least 37.5 h and 5 days, at most 40 h and 5 days) and nine 8 h seats
    // in one week: one agent works 5 days and the other 4 (short 5.5 h and a day: 75); the LP
    // without the envelope gives each 4.5 days and 36 h (short 1.5 h and half a day: 25 each)
    const contract = { ...CONTRACT, minHoursPerWeek: 37.5, minDaysPerWeek: 5 };
    const agents = [agent('ann', { contract }), agent('bob', { contract })];
    const seats = [1, 1, 2, 2, 3, 4, 5, 6, 7].map((day, i) => seat(`s${i}`, day, 8));
    const problem = buildRosterProblem(seats, agents, RULES, {
      timeZone: 'UTC',
      horizonStartMs: Date.UTC(2024, 0, 1),
    });
    const model = buildRosterModel(problem);
    const lp = { ...model, integrality: new Int32Array(model.numCols) };
    const relaxed = await solveCoveringMip(lp, { timeLimitSeconds: 60 });
    const integer = await solveCoveringMip(model, { timeLimitSeconds: 60 });
    expect(integer.objective).toBeCloseTo(75, 6);
    expect(relaxed.objective).toBeCloseTo(75, 6);
  });
});
