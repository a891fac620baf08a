import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignShifts } from '../../src/rostering/assignShifts.js';
import type { Agent, RosterShift } from '../../src/rostering/types.js';
import { agent, CONTRACT, RULES, seat } from './fixtures.js';
import { hardRuleBreaks } from './hardRuleBreaks.js';

const H = 3_600_000;
const DAY = 24 * H;
const MONDAY = Date.UTC(2024, 0, 1);
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const arbAgent = (id: string) =>
  fc
    .record({
      maxHours: fc.integer({ min: 8, max: 40 }),
      maxDays: fc.integer({ min: 1, max: 6 }),
      maxConsecutive: fc.integer({ min: 1, max: 6 }),
      rest: fc.integer({ min: 8, max: 14 }),
      skills: fc.subarray(['a', 'b'], { minLength: 1 }),
      earlyOnly: fc.boolean(),
      dayOff: fc.option(fc.constantFrom(...WEEKDAYS)),
      leaveDay: fc.option(fc.integer({ min: 0, max: 13 })),
      window: fc.option(
        fc.record({ from: fc.integer({ min: 0, max: 14 }), hours: fc.integer({ min: 6, max: 16 }) }),
      ),
    })
    .map(
      (r): Agent =>
        agent(id, {
          contract: {
            ...CONTRACT,
            maxHoursPerWeek: r.maxHours,
            maxDaysPerWeek: r.maxDays,
            maxConsecutiveDays: r.maxConsecutive,
            minRestHours: r.rest,
            minHoursPerWeek: Math.min(r.maxHours, 16),
            ...(r.earlyOnly ? { shiftTypes: ['early'] } : {}),
          },
          skills: r.skills,
          fixedDaysOff: r.dayOff === null ? [] : [r.dayOff],
          timeOff:
            r.leaveDay === null
              ? []
              : [
                  {
                    kind: 'hard',
                    startMs: MONDAY + r.leaveDay * DAY,
                    endMs: MONDAY + (r.leaveDay + 2) * DAY,
                    weight: 0,
                  },
                ],
          ...(r.window === null
            ? {}
            : {
                availability: Object.fromEntries(
                  WEEKDAYS.map((d) => [
                    d,
                    [
                      {
                        startMinutes: 60 * (r.window?.from ?? 0),
                        endMinutes: 60 * ((r.window?.from ?? 0) + (r.window?.hours ?? 0)),
                      },
                    ],
                  ]),
                ),
              }),
        }),
    );

const arbSeats = fc
  .array(
    fc.record({
      day: fc.integer({ min: 1, max: 14 }),
      hour: fc.constantFrom(6, 7, 9, 14, 15, 22),
      hours: fc.constantFrom(4, 8),
      queue: fc.constantFrom('a', 'b'),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((list) => list.map((s, i): RosterShift => seat(`s${i}`, s.day, s.hour, s.hours, { queue: s.queue })));

describe('assignShifts properties', () => {
  it('never rosters a shift that breaks a hard rule (random agents, contracts, availability, leave and seats)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbAgent(`ag${i}`)))),
        arbSeats,
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        async (agents, seats, restHours, useSolver) => {
          const rules = { ...RULES, minRestHours: restHours };
          const r = await assignShifts(seats, agents, rules, {
            timeZone: 'UTC',
            horizonStartMs: MONDAY,
            useSolver,
            workLimit: 20_000,
          });
          expect(hardRuleBreaks(r.assignments, agents, { restHours, eachSeatOnce: true })).toEqual([]);
          expect(r.assignments.length + r.unfilled.length).toBe(seats.length);
        },
      ),
      { numRuns: 30, seed: 13 },
    );
  }, 120_000);

  it('fills every seat when a roster filling them all exists (a planted roster)', async () => {
    const planted = fc
      .array(
        fc.record({
          hour: fc.constantFrom(6, 8, 14),
          skill: fc.constantFrom('a', 'b'),
          maxDays: fc.integer({ min: 2, max: 5 }),
          maxConsecutive: fc.integer({ min: 1, max: 5 }),
          work: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
        }),
        { minLength: 2, maxLength: 5 },
      )
      .map((list) => {
        const agents: Agent[] = [];
        const seats: RosterShift[] = [];
        list.forEach((p, i) => {
          const worked: number[] = [];
          let run = 0;
          for (let d = 0; d < 14; d++) {
            const weekDays = worked.filter((w) => Math.floor(w / 7) === Math.floor(d / 7)).length;
            if (p.work[d] && run < p.maxConsecutive && weekDays < p.maxDays) {
              worked.push(d);
              run++;
            } else run = 0;
          }
          for (const d of worked) seats.push(seat(`p${i}-${d}`, d + 1, p.hour, 8, { queue: p.skill }));
          const off = Array.from({ length: 14 }, (_, d) => d).filter((d) => !worked.includes(d));
          agents.push(
            agent(`ag${i}`, {
              skills: [p.skill],
              contract: { ...CONTRACT, maxDaysPerWeek: p.maxDays, maxConsecutiveDays: p.maxConsecutive },
              timeOff: off.slice(0, 2).map((d) => ({
                kind: 'hard',
                startMs: MONDAY + d * DAY,
                endMs: MONDAY + (d + 1) * DAY,
                weight: 0,
              })),
            }),
          );
        });
        return { agents, seats };
      })
      .filter((x) => x.seats.length > 0);
    await fc.assert(
      fc.asyncProperty(planted, async ({ agents, seats }) => {
        const r = await assignShifts(seats, agents, RULES, {
          timeZone: 'UTC',
          horizonStartMs: MONDAY,
          penalties: { shortHour: 0, shortDay: 0, weekendWorked: 0, lateExcess: 0 },
        });
        expect(r.unfilled).toEqual([]);
        expect(hardRuleBreaks(r.assignments, agents, { restHours: 0, eachSeatOnce: true })).toEqual([]);
      }),
      { numRuns: 10, seed: 13 },
    );
  }, 120_000);
});
