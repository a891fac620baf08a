import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotCalendar } from '../../src/scheduling/calendar.js';
import { generateCandidates } from '../../src/scheduling/candidates.js';
import { implicitBreakModel, implicitStart, recoverBreaks } from '../../src/scheduling/implicitBreaks.js';
import { buildCoveringModel } from '../../src/scheduling/model.js';
import { scheduleShifts } from '../../src/scheduling/scheduleShifts.js';
import { parseShiftRules, type ShiftRulesInput } from '../../src/schemas/shiftRules.js';

const oneType: ShiftRulesInput = {
  shiftTypes: [
    {
      name: 'd',
      earliestStart: '00:00',
      latestStart: '01:00',
      startStepMinutes: 60,
      lengthsMinutes: [480],
      breaks: [{ name: 'b', durationMinutes: 60, earliestStartMinutes: 120, latestStartMinutes: 180 }],
    },
  ],
};

describe('implicitBreakModel', () => {
  it('adds one break count and one queue column per slot of the union of break windows', () => {
    const cal = slotCalendar({ intervalMinutes: 60, required: new Array(8).fill(1) });
    const rules = parseShiftRules(oneType);
    const c = generateCandidates(cal, rules, { breakMethod: 'afterwards' });
    const m = implicitBreakModel(buildCoveringModel(c, cal, rules), c, cal, rules);
    // shifts at slots 0 and 1, windows [2, 3] and [3, 4]: union {2, 3, 4}
    expect(m?.breakClasses).toHaveLength(1);
    expect(Array.from(m?.breakClasses[0]?.times ?? [])).toEqual([2, 3, 4]);
    expect(m?.numCols).toBe(2 + 8 + 6);
    expect(m?.numRows).toBe(8 + 3 + 3);
  });

  it('declines break rules whose windows can overlap within one shift', () => {
    const cal = slotCalendar({ intervalMinutes: 60, required: new Array(8).fill(1) });
    const rules = parseShiftRules({
      shiftTypes: [
        {
          name: 'd',
          earliestStart: '00:00',
          latestStart: '00:00',
          lengthsMinutes: [480],
          breaks: [
            { name: 'a', durationMinutes: 60, earliestStartMinutes: 60, latestStartMinutes: 180 },
            { name: 'b', durationMinutes: 60, earliestStartMinutes: 120, latestStartMinutes: 240 },
          ],
        },
      ],
    });
    const c = generateCandidates(cal, rules, { breakMethod: 'afterwards' });
    expect(implicitBreakModel(buildCoveringModel(c, cal, rules), c, cal, rules)).toBeUndefined();
  });

  it('makes auto fall back to explicit break columns when break windows of a shift type overlap', async () => {
    const s = await scheduleShifts(
      { intervalMinutes: 60, required: [1, 1, 2, 2, 2, 2, 1, 1] },
      {
        shiftTypes: [
          {
            name: 'd',
            earliestStart: '00:00',
            latestStart: '00:00',
            lengthsMinutes: [480],
            breaks: [
              { name: 'a', durationMinutes: 60, earliestStartMinutes: 60, latestStartMinutes: 180 },
              { name: 'b', durationMinutes: 60, earliestStartMinutes: 120, latestStartMinutes: 240 },
            ],
          },
        ],
      },
    );
    expect(s.breakMethod).toBe('explicit');
    expect(s.shifts.length).toBeGreaterThan(0);
    for (const sh of s.shifts) {
      const [a, b] = sh.breaks.map((x) => x.startSlot);
      expect(a === undefined || b === undefined || Math.abs(a - b) >= 1).toBe(true);
    }
    expect(s.coverage.onBreak.reduce((x, y) => x + y, 0)).toBe(2 * s.shifts.reduce((x, y) => x + y.count, 0));
  });

  it('matches break counts to shifts first in, first out, inside every window', () => {
    const cal = slotCalendar({ intervalMinutes: 60, required: new Array(8).fill(1) });
    const rules = parseShiftRules(oneType);
    const c = generateCandidates(cal, rules, { breakMethod: 'afterwards' });
    const m = implicitBreakModel(buildCoveringModel(c, cal, rules), c, cal, rules);
    if (m === undefined) throw new Error('no model');
    const k = m.breakClasses[0];
    const v = new Float64Array(m.numCols);
    v[0] = 1; // start 0, window [2, 3]
    v[1] = 1; // start 1, window [3, 4]
    v[k?.columnOf[1] ?? 0] = 2; // both breaks at slot 3
    expect(recoverBreaks(m, c, [1, 1], v)).toEqual([
      { column: 0, breakOffsets: [3] },
      { column: 1, breakOffsets: [2] },
    ]);
    // two breaks at slot 4: the shift starting at 0 cannot take one
    v[k?.columnOf[1] ?? 0] = 0;
    v[k?.columnOf[2] ?? 0] = 2;
    expect(recoverBreaks(m, c, [1, 1], v)).toBeUndefined();
  });

  it('gives a warm start that satisfies every row for placed breaks', () => {
    const cal = slotCalendar({ intervalMinutes: 60, required: [0, 1, 2, 2, 2, 2, 2, 2] });
    const rules = parseShiftRules(oneType);
    const c = generateCandidates(cal, rules, { breakMethod: 'afterwards' });
    const m = implicitBreakModel(buildCoveringModel(c, cal, rules), c, cal, rules);
    if (m === undefined) throw new Error('no model');
    const instances = [
      { column: 0, breakOffsets: [2] },
      { column: 0, breakOffsets: [3] },
      { column: 1, breakOffsets: [3] },
    ];
    const v = implicitStart(m, c, cal, rules, instances, []);
    if (v === undefined) throw new Error('no start');
    const activity = new Float64Array(m.numRows);
    for (let j = 0; j < m.numCols; j++)
      for (let e = m.matrix.starts[j] ?? 0; e < (m.matrix.starts[j + 1] ?? 0); e++)
        activity[m.matrix.rows[e] ?? 0] =
          (activity[m.matrix.rows[e] ?? 0] ?? 0) + (v[j] ?? 0) * (m.matrix.values[e] ?? 0);
    for (let r = 0; r < m.numRows; r++) {
      expect(activity[r]).toBeGreaterThanOrEqual((m.rowLower[r] ?? 0) - 1e-9);
      expect(activity[r]).toBeLessThanOrEqual((m.rowUpper[r] ?? 0) + 1e-9);
    }
  });

  it('reaches the same proven optimum as explicit break columns on random small days', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 16, maxLength: 16 }),
        fc.integer({ min: 0, max: 2 }),
        async (required, lunchSlack) => {
          const rules: ShiftRulesInput = {
            shiftTypes: [
              {
                name: 'full',
                earliestStart: '00:00',
                latestStart: '08:00',
                startStepMinutes: 60,
                lengthsMinutes: [420, 480],
                breaks: [
                  { name: 'b', durationMinutes: 60, earliestStartMinutes: 60, latestStartMinutes: 120 },
                  {
                    name: 'lunch',
                    durationMinutes: 60,
                    earliestStartMinutes: 180,
                    latestStartMinutes: 180 + 60 * lunchSlack,
                    paid: false,
                  },
                ],
              },
              {
                name: 'part',
                earliestStart: '00:00',
                latestStart: '12:00',
                startStepMinutes: 60,
                lengthsMinutes: [240],
                costPerPaidHour: 1.2,
                breaks: [
                  { name: 'b', durationMinutes: 60, earliestStartMinutes: 60, latestStartMinutes: 120 },
                ],
              },
            ],
            coverage: { underPenaltyPerAgentInterval: 10, overPenaltyPerAgentInterval: 0.5 },
          };
          const req = { intervalMinutes: 60, required };
          const ex = await scheduleShifts(req, { ...rules, breakMethod: 'explicit' });
          const im = await scheduleShifts(req, { ...rules, breakMethod: 'implicit' });
          expect(ex.status).toBe('optimal');
          expect(im.status).toBe('optimal');
          expect(im.breakMethod).toBe('implicit');
          expect(im.objective).toBeCloseTo(ex.objective, 6);
        },
      ),
      { numRuns: 6, seed: 5 },
    );
  });
});
