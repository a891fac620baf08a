import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ShiftSchedule, scheduleShifts } from '../../src/scheduling/scheduleShifts.js';
import type { ShiftRulesInput, Weekday } from '../../src/schemas/shiftRules.js';

const WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

const typeArb = fc.record({
  earliestHour: fc.integer({ min: 0, max: 20 }),
  spanHours: fc.integer({ min: 0, max: 4 }),
  step: fc.constantFrom(60, 120),
  lengths: fc.uniqueArray(fc.integer({ min: 2, max: 8 }), { minLength: 1, maxLength: 2 }),
  days: fc.subarray(WEEK, { minLength: 1 }),
  lunch: fc.option(
    fc.record({ earliest: fc.integer({ min: 1, max: 2 }), extra: fc.integer({ min: 0, max: 2 }) }),
    {
      nil: undefined,
    },
  ),
  maxShare: fc.option(fc.constantFrom(0.25, 0.5), { nil: undefined }),
  cost: fc.constantFrom(1, 1.2),
});

const caseArb = fc.record({
  days: fc.constantFrom(1, 2),
  seedRequired: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 48, maxLength: 48 }),
  types: fc.array(typeArb, { minLength: 1, maxLength: 2 }),
  opening: fc.option(
    fc.record({ open: fc.integer({ min: 0, max: 10 }), hours: fc.integer({ min: 6, max: 14 }) }),
    {
      nil: undefined,
    },
  ),
  cap: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  cyclic: fc.boolean(),
  breakMethod: fc.constantFrom('explicit' as const, 'implicit' as const, 'afterwards' as const),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function rulesOf(c: Case): ShiftRulesInput {
  const rules: ShiftRulesInput = {
    cyclicWeek: c.cyclic,
    breakMethod: c.breakMethod,
    // a lunch must fit every length of its type (rules reject it otherwise): lengths too short for
    // it are left out, and a type none of whose lengths holds it has no lunch
    shiftTypes: c.types
      .map((t0) => {
        const fits = t0.lengths.filter((h) => t0.lunch === undefined || h >= t0.lunch.earliest + 1);
        return fits.length > 0 ? { ...t0, lengths: fits } : { ...t0, lunch: undefined };
      })
      .map((t, k) => ({
        name: `t${k}`,
        days: t.days,
        earliestStart: hhmm(t.earliestHour * 60),
        latestStart: hhmm(Math.min(23, t.earliestHour + t.spanHours) * 60),
        startStepMinutes: t.step,
        lengthsMinutes: t.lengths.map((h) => h * 60),
        costPerPaidHour: t.cost,
        ...(t.maxShare !== undefined && k > 0 ? { maxShare: t.maxShare } : {}),
        breaks:
          t.lunch === undefined
            ? []
            : [
                {
                  name: 'lunch',
                  durationMinutes: 60,
                  earliestStartMinutes: t.lunch.earliest * 60,
                  latestStartMinutes: (t.lunch.earliest + t.lunch.extra) * 60,
                },
              ],
      })),
  };
  if (c.opening !== undefined) {
    const p = {
      open: hhmm(c.opening.open * 60),
      close: hhmm(Math.min(24, c.opening.open + c.opening.hours) * 60),
    };
    rules.openingHours = { mon: [p], tue: [p] };
  }
  if (c.cap !== undefined) rules.caps = { maxAgentsPerInterval: c.cap };
  return rules;
}

/** Checks every rule on the returned shifts and recomputes the coverage from them. */
function checkSchedule(s: ShiftSchedule, rules: ShiftRulesInput, required: number[]): void {
  const n = required.length;
  const cyclic = rules.cyclicWeek === true;
  const scheduled = new Float64Array(n);
  const onBreak = new Float64Array(n);
  const slot = (t: number) => (t < n ? t : cyclic ? t % n : -1);
  let total = 0;
  const perType = new Map<string, number>();
  for (const sh of s.shifts) {
    const k = Number(sh.type.slice(1));
    const st = rules.shiftTypes[k];
    if (st === undefined) throw new Error(`unknown type ${sh.type}`);
    const m = minutes(sh.startTime);
    expect(m).toBeGreaterThanOrEqual(minutes(st.earliestStart));
    expect(m).toBeLessThanOrEqual(minutes(st.latestStart));
    expect((m - minutes(st.earliestStart)) % (st.startStepMinutes ?? 15)).toBe(0);
    expect(st.days ?? WEEK).toContain(sh.day);
    expect(st.lengthsMinutes).toContain(sh.lengthMinutes);
    expect(WEEK[Math.floor(sh.startSlot / 24) % 7]).toBe(sh.day);
    const len = sh.lengthMinutes / 60;
    for (let i = 0; i < len; i++) {
      const t = slot(sh.startSlot + i);
      if (t < 0) continue;
      if (rules.openingHours !== undefined) {
        const wd = WEEK[Math.floor(t / 24) % 7] ?? 'mon';
        const hour = t % 24;
        const periods = rules.openingHours[wd] ?? [];
        expect(periods.some((p) => hour * 60 >= minutes(p.open) && hour * 60 + 60 <= minutes(p.close))).toBe(
          true,
        );
      }
      scheduled[t] = (scheduled[t] ?? 0) + sh.count;
    }
    expect(sh.breaks).toHaveLength(st.breaks?.length ?? 0);
    const used: number[] = [];
    sh.breaks.forEach((b, i) => {
      const rule = st.breaks?.[i];
      if (rule === undefined) throw new Error('break without rule');
      const offset = cyclic ? (b.startSlot - sh.startSlot + n) % n : b.startSlot - sh.startSlot;
      expect(offset * 60).toBeGreaterThanOrEqual(rule.earliestStartMinutes);
      expect(offset * 60).toBeLessThanOrEqual(rule.latestStartMinutes);
      expect(offset + b.durationMinutes / 60).toBeLessThanOrEqual(len);
      for (let o = offset; o < offset + b.durationMinutes / 60; o++) {
        expect(used).not.toContain(o);
        used.push(o);
        const t = slot(sh.startSlot + o);
        if (t >= 0) onBreak[t] = (onBreak[t] ?? 0) + sh.count;
      }
    });
    total += sh.count;
    perType.set(sh.type, (perType.get(sh.type) ?? 0) + sh.count);
  }
  expect(Array.from(s.coverage.scheduled)).toEqual(Array.from(scheduled));
  expect(Array.from(s.coverage.onBreak)).toEqual(Array.from(onBreak));
  let under = 0;
  let over = 0;
  for (let t = 0; t < n; t++) {
    const net = (scheduled[t] ?? 0) - (onBreak[t] ?? 0);
    expect(s.coverage.net[t]).toBe(net);
    expect(s.coverage.required[t]).toBe(required[t]);
    under += Math.max(0, (required[t] ?? 0) - net);
    over += Math.max(0, net - (required[t] ?? 0));
    if (rules.caps?.maxAgentsPerInterval !== undefined)
      expect(scheduled[t]).toBeLessThanOrEqual(rules.caps.maxAgentsPerInterval);
  }
  expect(s.underAgentIntervals).toBeCloseTo(under, 9);
  expect(s.overAgentIntervals).toBeCloseTo(over, 9);
  rules.shiftTypes.forEach((st, k) => {
    if (st.maxShare !== undefined)
      expect(perType.get(`t${k}`) ?? 0).toBeLessThanOrEqual(st.maxShare * total + 1e-9);
  });
  if (s.greedyObjective !== null) expect(s.objective).toBeLessThanOrEqual(s.greedyObjective + 1e-6);
  if (s.bestBound !== null) expect(s.bestBound).toBeLessThanOrEqual(s.objective + 1e-6);
}

describe('scheduleShifts properties (small random instances)', () => {
  it('every schedule respects start windows, days, lengths, opening hours, break windows, caps and shares; coverage recomputed from the shifts equals the reported one; never worse than greedy', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const required = c.seedRequired.slice(0, c.days * 24);
        const rules = rulesOf(c);
        const s = await scheduleShifts({ intervalMinutes: 60, required }, rules);
        checkSchedule(s, rules, required);
      }),
      { numRuns: 20 },
    );
  });

  it('weekly tours have 4..6 working days with the days off together and paid hours within bounds, and add up to the shifts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 7 * 12, maxLength: 7 * 12 }),
        fc.integer({ min: 4, max: 5 }),
        fc.integer({ min: 5, max: 6 }),
        fc.boolean(),
        async (required, minShifts, maxShifts, cyclic) => {
          const rules: ShiftRulesInput = {
            cyclicWeek: cyclic,
            shiftTypes: [
              {
                name: 't0',
                earliestStart: '06:00',
                latestStart: '14:00',
                startStepMinutes: 120,
                lengthsMinutes: [240, 480],
              },
            ],
            tours: {
              minShiftsPerWeek: minShifts,
              maxShiftsPerWeek: maxShifts,
              consecutiveDaysOff: true,
              minPaidHoursPerWeek: 20,
              maxPaidHoursPerWeek: 40,
            },
          };
          const s = await scheduleShifts({ intervalMinutes: 120, required }, rules);
          const tours = s.tours ?? [];
          let shiftsInTours = 0;
          for (const t of tours) {
            expect(t.workDays.length).toBeGreaterThanOrEqual(minShifts);
            expect(t.workDays.length).toBeLessThanOrEqual(maxShifts);
            expect(t.paidHoursPerWeek).toBeGreaterThanOrEqual(20);
            expect(t.paidHoursPerWeek).toBeLessThanOrEqual(40);
            const off = WEEK.map((d) => !t.workDays.includes(d));
            const starts = off.filter((o, i) => o && !(i === 0 ? cyclic && off[6] : off[i - 1])).length;
            expect(starts).toBeLessThanOrEqual(1);
            shiftsInTours += t.count * t.workDays.length;
          }
          expect(s.shifts.reduce((a, b) => a + b.count, 0)).toBe(shiftsInTours);
          if (s.greedyObjective !== null) expect(s.objective).toBeLessThanOrEqual(s.greedyObjective + 1e-6);
        },
      ),
      { numRuns: 6 },
    );
  });
});
