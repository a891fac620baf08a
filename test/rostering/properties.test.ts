import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignShifts } from '../../src/rostering/assignShifts.js';
import type { Agent, RosterAssignment, RosterShift } from '../../src/rostering/types.js';
import { agent, CONTRACT, RULES, seat } from './fixtures.js';

const H = 3_600_000;
const DAY = 24 * H;
const MONDAY = Date.UTC(2024, 0, 1);
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * Every hard rule, checked on the assignments from the agents' raw data (UTC, horizon from Monday
 * 1 January 2024): skill, shift type, fixed day off, availability, leave, one shift a day, rest,
 * weekly hours and days, days in a row, each seat once.
 */
function hardRuleBreaks(
  assignments: readonly RosterAssignment[],
  agents: readonly Agent[],
  restHours: number,
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const x of assignments) {
    if (seen.has(x.id)) out.push(`${x.id} twice`);
    seen.add(x.id);
  }
  for (const a of agents) {
    const mine = assignments.filter((x) => x.agentId === a.id).sort((p, q) => p.startMs - q.startMs);
    const weekMinutes = new Map<number, number>();
    const weekDays = new Map<number, number>();
    const days = new Set<number>();
    for (const x of mine) {
      const day = Math.floor((x.startMs - MONDAY) / DAY);
      const wd = WEEKDAYS[new Date(x.startMs).getUTCDay()] ?? 'mon';
      if (x.queue !== undefined && !a.skills.includes(x.queue)) out.push(`${a.id} lacks ${x.queue}`);
      if (a.contract.shiftTypes !== undefined && !a.contract.shiftTypes.includes(x.shiftType))
        out.push(`${a.id} type ${x.shiftType}`);
      if (a.fixedDaysOff.includes(wd)) out.push(`${a.id} fixed day off ${wd}`);
      const start = (x.startMs - MONDAY - day * DAY) / 60_000;
      const end = start + (x.endMs - x.startMs) / 60_000;
      if (
        a.availability !== undefined &&
        !(a.availability[wd] ?? []).some((w) => w.startMinutes <= start && end <= w.endMinutes)
      )
        out.push(`${a.id} unavailable ${x.id}`);
      if (a.timeOff.some((t) => t.kind === 'hard' && t.startMs < x.endMs && x.startMs < t.endMs))
        out.push(`${a.id} on leave ${x.id}`);
      if (days.has(day)) out.push(`${a.id} two shifts on day ${day}`);
      days.add(day);
      const w = Math.floor(day / 7);
      weekMinutes.set(w, (weekMinutes.get(w) ?? 0) + x.paidMinutes);
      weekDays.set(w, (weekDays.get(w) ?? 0) + 1);
    }
    for (let i = 1; i < mine.length; i++) {
      const rest = Math.max(a.contract.minRestHours, restHours) * H;
      if ((mine[i]?.startMs ?? 0) - (mine[i - 1]?.endMs ?? 0) < rest)
        out.push(`${a.id} rest before ${mine[i]?.id}`);
    }
    for (const [w, m] of weekMinutes)
      if (m > a.contract.maxHoursPerWeek * 60) out.push(`${a.id} week ${w} hours ${m / 60}`);
    for (const [w, d] of weekDays) if (d > a.contract.maxDaysPerWeek) out.push(`${a.id} week ${w} days ${d}`);
    let run = 0;
    for (let d = 0; d < 28; d++) {
      run = days.has(d) ? run + 1 : 0;
      if (run > a.contract.maxConsecutiveDays) out.push(`${a.id} ${run} days in a row`);
    }
  }
  return out;
}

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
          expect(hardRuleBreaks(r.assignments, agents, restHours)).toEqual([]);
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
        expect(hardRuleBreaks(r.assignments, agents, 0)).toEqual([]);
      }),
      { numRuns: 10, seed: 13 },
    );
  }, 120_000);
});
