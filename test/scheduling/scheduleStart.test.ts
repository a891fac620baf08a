import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotCalendar } from '../../src/scheduling/calendar.js';
import { type Candidates, generateCandidates } from '../../src/scheduling/candidates.js';
import { scheduleShifts } from '../../src/scheduling/scheduleShifts.js';
import { mapScheduleStart, type StartShift } from '../../src/scheduling/scheduleStart.js';
import { parseShiftRules, type ShiftRulesInput } from '../../src/schemas/shiftRules.js';

/** The column of a type index, start slot and length (first one; -1 when none). */
const columnOf = (c: Candidates, type: number, start: number, len: number, offsets?: number[]) => {
  for (let j = 0; j < c.count; j++) {
    if (c.type[j] !== type || c.start[j] !== start || c.lengthSlots[j] !== len) continue;
    if (offsets === undefined) return j;
    const offs: number[] = [];
    for (let b = c.breakStart[j] ?? 0; b < (c.breakStart[j + 1] ?? 0); b++) offs.push(c.breakOffset[b] ?? 0);
    if (offs.join(',') === offsets.join(',')) return j;
  }
  return -1;
};

const shift = (
  type: string,
  startSlot: number,
  hours: number,
  count: number,
  breaks: number[] = [],
): StartShift => ({
  type,
  dayIndex: 0,
  startSlot,
  startTime: `${String(startSlot).padStart(2, '0')}:00`,
  lengthMinutes: hours * 60,
  breaks: breaks.map((b) => ({ startSlot: startSlot + b })),
  count,
});

describe('mapScheduleStart', () => {
  it("maps shifts by type, start and length onto another model's columns and drops those it lacks", () => {
    // the earlier schedule had 'early' at 08:00 and 10:00 and 'late' at 14:00; the new rules
    // start 'early' 07:00-09:00 only, in another order, and have no 'late'
    const cal = slotCalendar({ intervalMinutes: 60, required: new Array(24).fill(1) });
    const rules = parseShiftRules({
      shiftTypes: [
        {
          name: 'mid',
          earliestStart: '11:00',
          latestStart: '12:00',
          startStepMinutes: 60,
          lengthsMinutes: [240],
        },
        {
          name: 'early',
          earliestStart: '07:00',
          latestStart: '09:00',
          startStepMinutes: 60,
          lengthsMinutes: [240, 360],
        },
      ],
    });
    const c = generateCandidates(cal, rules, { breakMethod: 'explicit' });
    const m = mapScheduleStart(
      {
        intervalMinutes: 60,
        shifts: [
          shift('early', 8, 4, 3),
          shift('early', 8, 6, 1),
          shift('early', 10, 4, 2),
          shift('late', 14, 4, 5),
        ],
      },
      c,
      cal,
      rules,
    );
    expect(m.mapped).toBe(4);
    expect(m.dropped).toBe(7);
    const early4 = columnOf(c, 1, 8, 4);
    const early6 = columnOf(c, 1, 8, 6);
    expect(m.sol.x[early4]).toBe(3);
    expect(m.sol.x[early6]).toBe(1);
    expect(m.sol.x.reduce((a, b) => a + b, 0)).toBe(4);
    expect(m.instances.map((i) => i.column)).toEqual([early4, early4, early4, early6]);
  });

  it('maps break patterns onto the explicit break columns and drops a break position the new rules do not allow', () => {
    const cal = slotCalendar({ intervalMinutes: 60, required: new Array(24).fill(1) });
    const rules = parseShiftRules({
      shiftTypes: [
        {
          name: 'd',
          earliestStart: '08:00',
          latestStart: '08:00',
          startStepMinutes: 60,
          lengthsMinutes: [480],
          breaks: [
            {
              name: 'lunch',
              durationMinutes: 60,
              earliestStartMinutes: 180,
              latestStartMinutes: 240,
              paid: false,
            },
          ],
        },
      ],
    });
    const explicit = generateCandidates(cal, rules, { breakMethod: 'explicit' });
    const start = { intervalMinutes: 60, shifts: [shift('d', 8, 8, 2, [4]), shift('d', 8, 8, 1, [5])] };
    const m = mapScheduleStart(start, explicit, cal, rules);
    expect(m.mapped).toBe(2);
    expect(m.dropped).toBe(1);
    expect(m.sol.x[columnOf(explicit, 0, 8, 8, [4])]).toBe(2);
    expect(m.instances[0]?.breakOffsets).toEqual([4]);
    // breaks placed after solving: one column per shift, the offsets travel with the agents
    const afterwards = generateCandidates(cal, rules, { breakMethod: 'afterwards' });
    const a = mapScheduleStart(start, afterwards, cal, rules);
    expect(a.mapped).toBe(2);
    expect(a.sol.x[columnOf(afterwards, 0, 8, 8)]).toBe(2);
  });

  it('matches starts by instant on the real clock, whatever day the new horizon begins on', () => {
    const day = 86_400_000;
    const t0 = Date.UTC(2026, 0, 5); // Monday
    const grid = (from: number, days: number) =>
      Array.from({ length: days * 24 }, (_, i) => from + i * 3_600_000);
    const rules = parseShiftRules({
      shiftTypes: [
        {
          name: 'd',
          earliestStart: '08:00',
          latestStart: '10:00',
          startStepMinutes: 60,
          lengthsMinutes: [240],
        },
      ],
    });
    // the earlier schedule ran Tuesday-Wednesday; the new horizon Monday-Wednesday
    const cal = slotCalendar({
      intervalMinutes: 60,
      required: new Array(72).fill(1),
      starts: grid(t0, 3),
      timeZone: 'UTC',
    });
    const c = generateCandidates(cal, rules, { breakMethod: 'explicit' });
    const tuesday9 = t0 + day + 9 * 3_600_000;
    const m = mapScheduleStart(
      { intervalMinutes: 60, shifts: [{ ...shift('d', 9, 4, 2), dayIndex: 0, startMs: tuesday9 }] },
      c,
      cal,
      rules,
    );
    expect(m.dropped).toBe(0);
    expect(m.sol.x[columnOf(c, 0, 24 + 9, 4)]).toBe(2);
  });

  it('maps every agent of a schedule back onto the columns it came from, with the same coverage (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 24, maxLength: 24 }),
        fc.constantFrom('explicit' as const, 'afterwards' as const),
        fc.boolean(),
        async (required, breakMethod, lunch) => {
          const input: ShiftRulesInput = {
            shiftTypes: [
              {
                name: 'd',
                earliestStart: '00:00',
                latestStart: '16:00',
                startStepMinutes: 60,
                lengthsMinutes: [240, 480],
                breaks: lunch
                  ? [
                      {
                        name: 'lunch',
                        durationMinutes: 60,
                        earliestStartMinutes: 120,
                        latestStartMinutes: 180,
                        paid: false,
                      },
                    ]
                  : [],
              },
            ],
            breakMethod,
          };
          const s = await scheduleShifts({ intervalMinutes: 60, required }, input, { useSolver: false });
          const rules = parseShiftRules(input);
          const cal = slotCalendar({ intervalMinutes: 60, required });
          const c = generateCandidates(cal, rules, {
            breakMethod: s.breakMethod === 'explicit' ? 'explicit' : 'afterwards',
          });
          const m = mapScheduleStart(s, c, cal, rules);
          const agents = s.shifts.reduce((a, b) => a + b.count, 0);
          expect(m.dropped).toBe(0);
          expect(m.mapped).toBe(agents);
          const onShift = new Array<number>(24).fill(0);
          for (const inst of m.instances)
            for (
              let t = c.start[inst.column] ?? 0;
              t < (c.start[inst.column] ?? 0) + (c.lengthSlots[inst.column] ?? 0);
              t++
            )
              onShift[t] = (onShift[t] ?? 0) + 1;
          expect(onShift).toEqual(Array.from(s.coverage.scheduled));
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });
});

describe('scheduleShifts with an earlier schedule as a start', () => {
  const required = [0, 1, 2, 3, 3, 4, 4, 3, 2, 3, 4, 4, 3, 2, 1, 1, 2, 3, 2, 1, 0, 0, 0, 0];
  const rules: ShiftRulesInput = {
    shiftTypes: [
      {
        name: 'full',
        earliestStart: '00:00',
        latestStart: '16:00',
        startStepMinutes: 60,
        lengthsMinutes: [480],
      },
      {
        name: 'part',
        earliestStart: '00:00',
        latestStart: '20:00',
        startStepMinutes: 60,
        lengthsMinutes: [240],
        costPerPaidHour: 1.2,
      },
    ],
  };

  it("starts from the earlier schedule of the same inputs ('given') and keeps its proven optimum", async () => {
    const first = await scheduleShifts({ intervalMinutes: 60, required }, rules);
    expect(first.status).toBe('optimal');
    const again = await scheduleShifts({ intervalMinutes: 60, required }, rules, { start: first });
    expect(again.startSource).toBe('given');
    expect(again.status).toBe('optimal');
    expect(again.objective).toBeCloseTo(first.objective, 9);
  });

  it('rejects a start that no longer meets a hard rule (full coverage after dropping a shift type)', async () => {
    const first = await scheduleShifts({ intervalMinutes: 60, required }, rules);
    expect(first.shifts.some((s) => s.type === 'part')).toBe(true);
    const fullOnly: ShiftRulesInput = {
      shiftTypes: [rules.shiftTypes[0]!],
      coverage: { allowUnderCoverage: false },
    };
    const s = await scheduleShifts({ intervalMinutes: 60, required }, fullOnly, { start: first });
    expect(s.startSource).not.toBe('given');
    expect(s.underAgentIntervals).toBe(0);
  });
});
