import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRoster, type RosterDemand } from '../../src/rostering/buildRoster.js';
import { fixedBreakOffsets } from '../../src/rostering/candidateShifts.js';
import { rosterCoverage } from '../../src/rostering/rosterCoverage.js';
import type { Agent, RosterAssignment } from '../../src/rostering/types.js';
import { parseShiftRules } from '../../src/schemas/shiftRules.js';
import { agent, CONTRACT, RULES } from './fixtures.js';
import { hardRuleBreaks } from './hardRuleBreaks.js';

const H = 3_600_000;
const DAY = 24 * H;
const MONDAY = Date.UTC(2024, 0, 1);
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Hourly UTC grid of `days` days from Monday 1 January 2024. */
const hourly = (days: number) => Array.from({ length: 24 * days }, (_, i) => MONDAY + i * H);

/** Required agents per hour: `need(day, hour)`. */
const demandOf = (days: number, queues: Record<string, (day: number, hour: number) => number>) => {
  const starts = hourly(days);
  const required: Record<string, number[]> = {};
  for (const [q, need] of Object.entries(queues))
    required[q] = starts.map((t) => need(Math.floor((t - MONDAY) / DAY), ((t - MONDAY) % DAY) / H));
  return { starts, intervalMinutes: 60, required } satisfies RosterDemand;
};

const dayShifts = (earliest = '06:00', latest = '12:00', lengths = [480]) =>
  parseShiftRules({
    shiftTypes: [
      {
        name: 'day',
        earliestStart: earliest,
        latestStart: latest,
        startStepMinutes: 60,
        lengthsMinutes: lengths,
      },
    ],
  });

const summary = (r: { assignments: readonly RosterAssignment[] }) =>
  r.assignments.map((a) => `${a.agentId} ${new Date(a.startMs).toISOString().slice(5, 16)} ${a.queue}`);

describe('buildRoster', () => {
  it('finds the known optimum of a small instance: 3 agents, 2 days, one queue, requirement exactly coverable', async () => {
    // Monday 08-12: 2, 12-16: 3, 16-20: 1; Tuesday 08-16: 1 -> two at 08:00 and one at 12:00 on
    // Monday, one at 08:00 on Tuesday. ann works one day a week at most, cy costs 2 an hour: Monday
    // needs all three, Tuesday goes to bob. Cost 8 + 8 + 16 + 8 = 40, nothing short.
    const demand = demandOf(2, {
      sales: (d, h) =>
        d === 0
          ? h >= 8 && h < 12
            ? 2
            : h >= 12 && h < 16
              ? 3
              : h >= 16 && h < 20
                ? 1
                : 0
          : h >= 8 && h < 16
            ? 1
            : 0,
    });
    const agents = [
      agent('ann', { contract: { ...CONTRACT, maxDaysPerWeek: 1 } }),
      agent('bob'),
      agent('cy', { contract: { ...CONTRACT, costPerHour: 2 } }),
    ];
    const r = await buildRoster(demand, dayShifts(), agents, RULES, { timeZone: 'UTC' });
    expect(r.underAgentIntervals).toBe(0);
    expect(r.solve?.objective).toBeCloseTo(40, 9);
    expect(r.solve?.gap).toBeCloseTo(0, 9);
    expect(r.totals.paidHours).toBe(32);
    expect(r.totals.cost).toBe(40);
    expect(r.assignments.filter((a) => a.startMs >= MONDAY + DAY).map((a) => a.agentId)).toEqual(['bob']);
    const monday = r.assignments.filter((a) => a.startMs < MONDAY + DAY).map((a) => (a.startMs - MONDAY) / H);
    expect(monday.sort((p, q) => p - q)).toEqual([8, 8, 12]);
    expect(r.coverage.sales?.under.every((u) => u === 0)).toBe(true);
    expect(r.unfilled).toEqual([]);
  });

  it('weighs under-coverage: a requirement worth covering is covered, one cheaper left short is not', async () => {
    const demand = demandOf(1, { sales: (_, h) => (h >= 8 && h < 16 ? 1 : 0) });
    const agents = [agent('ann')];
    const covered = await buildRoster(demand, dayShifts(), agents, RULES, { timeZone: 'UTC' });
    expect(summary(covered)).toEqual(['ann 01-01T08:00 sales']);
    expect(covered.underAgentIntervals).toBe(0);
    // an agent-interval short costs 0.5, an hour of ann costs 1: leaving it short is cheaper
    const cheap = await buildRoster(demand, dayShifts(), agents, RULES, {
      timeZone: 'UTC',
      penalties: { underAgentInterval: 0.5 },
    });
    expect(cheap.assignments).toEqual([]);
    expect(cheap.underAgentIntervals).toBe(8);
    expect(cheap.solve?.objective).toBeCloseTo(4, 9);
  });

  it('puts an agent only on queues among their skills, leaving a queue nobody can serve short', async () => {
    const demand = demandOf(1, {
      a: (_, h) => (h >= 8 && h < 16 ? 1 : 0),
      b: (_, h) => (h >= 8 && h < 16 ? 1 : 0),
      c: (_, h) => (h >= 8 && h < 16 ? 1 : 0),
    });
    const agents = [agent('ann', { skills: ['a'] }), agent('bob', { skills: ['a', 'b'] })];
    const r = await buildRoster(demand, dayShifts(), agents, RULES, { timeZone: 'UTC' });
    expect(summary(r)).toEqual(['ann 01-01T08:00 a', 'bob 01-01T08:00 b']);
    expect(r.coverage.c?.under.reduce((s, u) => s + u, 0)).toBe(8);
    expect(r.underAgentIntervals).toBe(8);
  });

  it('takes fixed breaks out of the coverage (the break at the middle of its window)', async () => {
    const demand = demandOf(1, { sales: (_, h) => (h >= 8 && h < 16 ? 1 : 0) });
    const rules = parseShiftRules({
      shiftTypes: [
        {
          name: 'day',
          earliestStart: '08:00',
          latestStart: '08:00',
          lengthsMinutes: [480],
          breaks: [
            { name: 'lunch', durationMinutes: 60, earliestStartMinutes: 180, latestStartMinutes: 300 },
          ],
        },
      ],
    });
    const r = await buildRoster(demand, rules, [agent('ann')], RULES, { timeZone: 'UTC' });
    expect(r.assignments[0]?.breaks.map((b) => new Date(b.startMs).toISOString())).toEqual([
      '2024-01-01T12:00:00.000Z',
    ]);
    expect(r.assignments[0]?.paidMinutes).toBe(420);
    expect(r.coverage.sales?.rostered.slice(8, 16)).toEqual([1, 1, 1, 1, 0, 1, 1, 1]);
    expect(r.underAgentIntervals).toBe(1);
  });

  it('places a break at the allowed start nearest its window middle, clear of the breaks before it', () => {
    const rule = (earliest: number, latest: number) => ({
      name: 'b',
      durationMinutes: 60,
      earliestStartMinutes: earliest,
      latestStartMinutes: latest,
      relativeTo: 'start' as const,
      paid: false,
    });
    expect(fixedBreakOffsets([rule(120, 240), rule(180, 180)], 8, 60)).toEqual([2, 3]);
    expect(fixedBreakOffsets([rule(180, 180), rule(180, 180)], 8, 60)).toBeUndefined();
  });

  it('rosters a night shift across the spring-forward night on the real grid (Europe/London, 31 March 2024)', async () => {
    const zone = 'Europe/London';
    const first = new TZDate(2024, 2, 30, 0, 0, 0, zone).getTime();
    const end = new TZDate(2024, 3, 1, 0, 0, 0, zone).getTime();
    const starts: number[] = [];
    for (let t = first; t < end; t += 15 * 60_000) starts.push(t);
    expect(starts.length).toBe(96 + 92);
    const local = (t: number) => {
      const d = new TZDate(t, zone);
      return d.getHours() * 60 + d.getMinutes();
    };
    // Saturday night 22:00 to Sunday 06:00 local needs one agent
    const required = starts.map((t) =>
      (t < first + DAY && local(t) >= 22 * 60) || (t >= first + DAY && local(t) < 360) ? 1 : 0,
    );
    const rules = parseShiftRules({
      shiftTypes: [{ name: 'night', earliestStart: '22:00', latestStart: '22:00', lengthsMinutes: [480] }],
      coverage: { shiftsOutsideOpeningHours: true },
    });
    const r = await buildRoster(
      { starts, intervalMinutes: 15, required: { sales: required } },
      rules,
      [agent('ann', { timeZone: zone })],
      RULES,
      { timeZone: zone },
    );
    expect(r.assignments).toHaveLength(1);
    const shift = r.assignments[0] as RosterAssignment;
    expect(new Date(shift.startMs).toISOString()).toBe('2024-03-30T22:00:00.000Z');
    expect(new Date(shift.endMs).toISOString()).toBe('2024-03-31T05:00:00.000Z'); // 07:00 BST: 7 real hours
    expect(shift.paidMinutes).toBe(420);
    expect(r.underAgentIntervals).toBe(0);
    expect(r.coverage.sales?.rostered.reduce((s, v) => s + v, 0)).toBe(28);
    expect(r.agentStats[0]?.paidHours).toBe(7);
  });

  it('lets the MIP repair what the greedy start misses: the flexible agent moved to the scarce skill', async () => {
    // ann serves a and b, bob only a; the greedy start gives ann queue a first and leaves b short
    const demand = demandOf(1, {
      a: (_, h) => (h >= 8 && h < 16 ? 1 : 0),
      b: (_, h) => (h >= 8 && h < 16 ? 1 : 0),
    });
    const agents = [agent('ann', { skills: ['a', 'b'] }), agent('bob', { skills: ['a'] })];
    const greedy = await buildRoster(demand, dayShifts(), agents, RULES, {
      timeZone: 'UTC',
      useSolver: false,
    });
    expect(summary(greedy)).toEqual(['ann 01-01T08:00 a']);
    expect(greedy.solve).toEqual({ method: 'heuristic', objective: 808 });
    const r = await buildRoster(demand, dayShifts(), agents, RULES, { timeZone: 'UTC' });
    expect(summary(r)).toEqual(['ann 01-01T08:00 b', 'bob 01-01T08:00 a']);
    expect(r.greedyObjective).toBe(808);
    expect(r.solve).toMatchObject({ method: 'mip', objective: 16, gap: 0 });
    expect(r.underAgentIntervals).toBe(0);
  });

  it('gives the same roster on every run with a work budget', async () => {
    const demand = demandOf(7, {
      a: (d, h) => (h >= 7 && h < 20 ? 1 + ((d + h) % 3) : 0),
      b: (d, h) => (h >= 9 && h < 17 && d < 5 ? 1 : 0),
    });
    const agents = Array.from({ length: 6 }, (_, i) =>
      agent(`ag${i}`, {
        skills: i % 2 === 0 ? ['a', 'b'] : ['a'],
        contract: { ...CONTRACT, minHoursPerWeek: 16, costPerHour: 1 + (i % 3) },
      }),
    );
    const rules = { ...RULES, minRestHours: 11, weekendsOff: { minFreeWeekends: 1, perWeeks: 1 } };
    const once = () =>
      buildRoster(demand, dayShifts('06:00', '14:00', [240, 480]), agents, rules, {
        timeZone: 'UTC',
        workLimit: 200,
      });
    const [p, q] = [await once(), await once()];
    expect(p.stoppedBy).toBe('work');
    expect(summary(q)).toEqual(summary(p));
    expect(q.solve).toEqual(p.solve);
    expect(q.lpIterations).toBe(p.lpIterations);
  });

  it('rejects a demand whose queue has another number of intervals than starts', async () => {
    const demand = { starts: hourly(1), intervalMinutes: 60, required: { sales: [1, 2] } };
    await expect(
      buildRoster(demand, dayShifts(), [agent('ann')], RULES, { timeZone: 'UTC' }),
    ).rejects.toThrow("buildRoster: demand.required['sales'] must have 24 entries, one per start (got 2)");
  });
});

const arbAgent = (id: string) =>
  fc
    .record({
      maxHours: fc.integer({ min: 8, max: 40 }),
      minHours: fc.integer({ min: 0, max: 24 }),
      maxDays: fc.integer({ min: 1, max: 6 }),
      maxConsecutive: fc.integer({ min: 1, max: 6 }),
      rest: fc.integer({ min: 8, max: 14 }),
      skills: fc.subarray(['a', 'b'], { minLength: 1 }),
      dayOnly: fc.boolean(),
      dayOff: fc.option(fc.constantFrom(...WEEKDAYS)),
      leaveDay: fc.option(fc.integer({ min: 0, max: 8 })),
      window: fc.option(
        fc.record({ from: fc.integer({ min: 0, max: 14 }), hours: fc.integer({ min: 6, max: 16 }) }),
      ),
      costPerHour: fc.integer({ min: 1, max: 3 }),
    })
    .map(
      (r): Agent =>
        agent(id, {
          contract: {
            ...CONTRACT,
            maxHoursPerWeek: r.maxHours,
            minHoursPerWeek: Math.min(r.maxHours, r.minHours),
            maxDaysPerWeek: r.maxDays,
            maxConsecutiveDays: r.maxConsecutive,
            minRestHours: r.rest,
            costPerHour: r.costPerHour,
            ...(r.dayOnly ? { shiftTypes: ['day'] } : {}),
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

const SHIFTS = parseShiftRules({
  shiftTypes: [
    {
      name: 'day',
      earliestStart: '06:00',
      latestStart: '12:00',
      startStepMinutes: 120,
      lengthsMinutes: [240, 480],
    },
    {
      name: 'night',
      earliestStart: '20:00',
      latestStart: '22:00',
      startStepMinutes: 120,
      lengthsMinutes: [480],
      breaks: [{ name: 'b', durationMinutes: 60, earliestStartMinutes: 120, latestStartMinutes: 300 }],
    },
  ],
  coverage: { shiftsOutsideOpeningHours: true },
});

describe('buildRoster properties', () => {
  it('never rosters a shift that breaks a hard rule, and its coverage is a recount of its assignments', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 4 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbAgent(`ag${i}`)))),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 9 * 6, maxLength: 9 * 6 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 9 * 6, maxLength: 9 * 6 }),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        async (agents, needA, needB, restHours, useSolver) => {
          // 9 days, the requirement per 4-hour block of each day
          const demand = demandOf(9, {
            a: (d, h) => needA[d * 6 + Math.floor(h / 4)] ?? 0,
            b: (d, h) => needB[d * 6 + Math.floor(h / 4)] ?? 0,
          });
          const rules = {
            ...RULES,
            minRestHours: restHours,
            weekendsOff: { minFreeWeekends: 1, perWeeks: 2 },
          };
          const r = await buildRoster(demand, SHIFTS, agents, rules, {
            timeZone: 'UTC',
            useSolver,
            workLimit: 20_000,
          });
          expect(hardRuleBreaks(r.assignments, agents, { restHours, queueRequired: true })).toEqual([]);
          let under = 0;
          for (const q of ['a', 'b']) {
            const recount = rosterCoverage(r.assignments, {
              starts: demand.starts,
              intervalMinutes: 60,
              required: demand.required[q],
              queue: q,
            });
            expect(r.coverage[q]?.rostered).toEqual([...recount.net]);
            expect(r.coverage[q]?.under).toEqual(
              (demand.required[q] ?? []).map((v, t) => Math.max(0, v - (recount.net[t] ?? 0))),
            );
            under += recount.underAgentIntervals;
          }
          expect(r.underAgentIntervals).toBeCloseTo(under, 9);
          expect(r.totals.cost).toBeCloseTo(
            r.assignments.reduce(
              (s, x) =>
                s +
                ((agents.find((a) => a.id === x.agentId)?.contract.costPerHour ?? 0) * x.paidMinutes) / 60,
              0,
            ),
            9,
          );
          // the MIP's answer is never worse than the greedy start
          expect(r.solve?.objective ?? Infinity).toBeLessThanOrEqual(r.greedyObjective + 1e-9);
        },
      ),
      { numRuns: 25, seed: 13 },
    );
  }, 240_000);
});
