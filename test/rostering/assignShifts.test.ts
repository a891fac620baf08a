import { describe, expect, it } from 'vitest';
import { assignShifts } from '../../src/rostering/assignShifts.js';
import type { Agent, RosterRules, RosterShift } from '../../src/rostering/types.js';
import { agent, CONTRACT, RULES, seat } from './fixtures.js';

async function roster(seats: RosterShift[], agents: Agent[], rules: RosterRules = RULES, useSolver = true) {
  return assignShifts(seats, agents, rules, { timeZone: 'UTC', useSolver });
}

/** Agent id per seat id ('' when unfilled). */
function who(r: Awaited<ReturnType<typeof roster>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of r.assignments) out[a.id] = a.agentId;
  for (const u of r.unfilled) out[u.shift.id] = '';
  return out;
}

describe('assignShifts: each hard rule, by hand (heuristic and MIP)', () => {
  for (const useSolver of [false, true]) {
    const mode = useSolver ? 'MIP' : 'heuristic';

    it(`${mode}: an agent without the shift's skill is not rostered on it`, async () => {
      const r = await roster([seat('s', 1, 8)], [agent('ann', { skills: ['stocks'] })], RULES, useSolver);
      expect(who(r)).toEqual({ s: '' });
      expect(r.unfilled[0]?.reasons).toEqual([
        "Monday 2024-01-01 08:00 early needs 1 agent with skill 'sales'; 0 are rostered",
        "lacks skill 'sales': ann",
      ]);
    });

    it(`${mode}: approved leave blocks the shifts it overlaps, a soft wish only costs`, async () => {
      const leave = {
        kind: 'hard' as const,
        startMs: Date.UTC(2024, 0, 2),
        endMs: Date.UTC(2024, 0, 3),
        weight: 0,
      };
      const r = await roster(
        [seat('mon', 1, 8), seat('tue', 2, 8), seat('wed', 3, 8)],
        [
          agent('ann', {
            timeOff: [
              leave,
              { kind: 'soft', startMs: Date.UTC(2024, 0, 3), endMs: Date.UTC(2024, 0, 4), weight: 5 },
            ],
          }),
        ],
        RULES,
        useSolver,
      );
      expect(who(r)).toEqual({ mon: 'ann', tue: '', wed: 'ann' });
      expect(r.agentStats[0]?.wishesGranted).toBe(0);
      expect(r.agentStats[0]?.penalty).toBe(5);
    });

    it(`${mode}: a fixed day off and a shift type the contract does not allow are never worked`, async () => {
      const r = await roster(
        [seat('mon', 1, 8), seat('tue', 2, 8), seat('wedLate', 3, 14)],
        [agent('ann', { fixedDaysOff: ['tue'], contract: { ...CONTRACT, shiftTypes: ['early'] } })],
        RULES,
        useSolver,
      );
      expect(who(r)).toEqual({ mon: 'ann', tue: '', wedLate: '' });
      expect(r.unfilled.map((u) => u.reasons[1])).toEqual([
        'fixed day off (tue): ann',
        "contract 'full-time' does not allow shift type 'late': ann",
      ]);
    });

    it(`${mode}: availability windows cross midnight and follow DST (Europe/London)`, async () => {
      const night = { mon: [], sat: [{ startMinutes: 22 * 60, endMinutes: 30 * 60 }] };
      // Saturday 30 March 2024 22:00 GMT to Sunday 06:00 BST: 7 real hours, inside 22:00-06:00
      const fits = seat('fits', 1, 0, 7, {
        shiftType: 'night',
        startMs: Date.UTC(2024, 2, 30, 22),
        endMs: Date.UTC(2024, 2, 31, 5),
        paidMinutes: 420,
      });
      // the same on Saturday 23 March (no DST): 22:00-07:00 GMT is past the window's 06:00
      const late = seat('past', 1, 0, 9, {
        shiftType: 'night',
        startMs: Date.UTC(2024, 2, 23, 22),
        endMs: Date.UTC(2024, 2, 24, 7),
        paidMinutes: 540,
      });
      const r = await assignShifts(
        [late, fits],
        [agent('ann', { timeZone: 'Europe/London', availability: night })],
        RULES,
        { timeZone: 'Europe/London', useSolver },
      );
      expect(who(r)).toEqual({ past: '', fits: 'ann' });
      expect(r.unfilled[0]?.reasons[1]).toBe('available sat 22:00-06:00 only: ann');
    });

    it(`${mode}: the rest between shifts (no quick return from a late to an early shift)`, async () => {
      // late Monday 14:00-22:00, early Tuesday 07:00: 9 h rest < 11 h
      const r = await roster([seat('late', 1, 14), seat('early', 2, 7)], [agent('ann')], RULES, useSolver);
      expect(Object.values(who(r)).filter((a) => a === 'ann')).toHaveLength(1);
      expect(r.unfilled[0]?.reasons[1]).toMatch(/^needs 11 h rest around 2024-01-0[12] (14|07):00: ann$/);
    });

    it(`${mode}: at most the contract's paid hours and days a week, days in a row and one shift a day`, async () => {
      const seats = [1, 2, 3, 4, 5, 6].map((d) => seat(`d${d}`, d, 8));
      seats.push(seat('d1b', 1, 16, 4));
      const hours = await roster(
        seats,
        [agent('ann', { contract: { ...CONTRACT, maxHoursPerWeek: 24 } })],
        RULES,
        useSolver,
      );
      expect(hours.assignments).toHaveLength(3);
      const days = await roster(
        seats,
        [agent('ann', { contract: { ...CONTRACT, maxDaysPerWeek: 2 } })],
        RULES,
        useSolver,
      );
      expect(days.assignments).toHaveLength(2);
      const row = await roster(
        seats,
        [agent('ann', { contract: { ...CONTRACT, maxConsecutiveDays: 2, maxDaysPerWeek: 7 } })],
        RULES,
        useSolver,
      );
      // days 1, 2, (off), 4, 5, (off): at most 4 of 6 days with 2 in a row
      expect(row.assignments).toHaveLength(4);
      expect(new Set(row.assignments.map((a) => new Date(a.startMs).getUTCDate())).size).toBe(4);
    });

    it(`${mode}: starts within one week vary by at most maxStartVariationHours`, async () => {
      const seats = [seat('mon', 1, 7), seat('tue', 2, 12), seat('wed', 3, 8)];
      const r = await roster(seats, [agent('ann')], { ...RULES, maxStartVariationHours: 2 }, useSolver);
      expect(who(r)).toEqual({ mon: 'ann', tue: '', wed: 'ann' });
    });
  }
});

describe('assignShifts: soft goals', () => {
  it('fills every seat before anything else, then grants wishes (the senior agent first) and preferences', async () => {
    const wish = {
      kind: 'soft' as const,
      startMs: Date.UTC(2024, 0, 1),
      endMs: Date.UTC(2024, 0, 2),
      weight: 3,
    };
    const r = await roster(
      [seat('mon', 1, 8), seat('tue', 2, 14)],
      [
        agent('junior', { timeOff: [wish], seniority: 1 }),
        agent('senior', { timeOff: [wish], seniority: 9, shiftPreferences: [{ kind: 'late', weight: 1 }] }),
      ],
    );
    expect(who(r)).toEqual({ mon: 'junior', tue: 'senior' });
    expect(r.solve).toMatchObject({ method: 'mip', gap: 0 });
  });

  for (const useSolver of [false, true])
    it(`gives a weekend off in every two weeks when the seats allow it (${useSolver ? 'MIP' : 'heuristic'})`, async () => {
      // two weekends (6-7 and 13-14 January), two agents
      const seats = [seat('mon', 1, 8), seat('sat1', 6, 8), seat('sat2', 13, 8), seat('sun2', 14, 8)];
      const rules = { ...RULES, weekendsOff: { minFreeWeekends: 1, perWeeks: 2 } };
      const r = await roster(seats, [agent('ann'), agent('bob')], rules, useSolver);
      expect(r.agentStats.map((s) => [s.weekendsOff, s.weekends])).toEqual([
        [1, 2],
        [1, 2],
      ]);
    });
});

describe('assignShifts: results', () => {
  it('are the same on every run', async () => {
    const seats = [];
    for (let d = 1; d <= 14; d++)
      for (const h of [7, 7, 14]) seats.push(seat(`s${d}-${h}-${seats.length}`, d, h));
    const agents = ['a', 'b', 'c', 'd', 'e'].map((id) => agent(id));
    const one = await roster(seats, agents);
    const two = await roster(seats, agents);
    expect(two.assignments).toEqual(one.assignments);
    expect(two.solve).toEqual(one.solve);
  });

  it('explain an unfilled shift with who could not take it and why', async () => {
    const leave = {
      kind: 'hard' as const,
      startMs: Date.UTC(2024, 0, 2),
      endMs: Date.UTC(2024, 0, 3),
      weight: 0,
      note: 'annual leave',
    };
    const seats = [0, 1, 2].map((k) => seat(`tue${k}`, 2, 7, 8, { queue: 'stocks' }));
    seats.push(seat('monLate', 1, 14, 8, { queue: 'stocks' }));
    const agents = [
      agent('A. Cohen', { skills: ['stocks'], timeOff: [leave] }),
      agent('B. Levi', { skills: ['sales'] }),
      agent('C. Mizrahi', { skills: ['stocks'] }),
      agent('D. Katz', { skills: ['stocks'], fixedDaysOff: ['tue'] }),
    ];
    const r = await roster(seats, agents);
    expect(r.unfilled).toHaveLength(2);
    expect(r.unfilled[0]?.reasons).toEqual([
      "Tuesday 2024-01-02 07:00 early needs 3 agents with skill 'stocks'; 1 is rostered",
      'on leave (annual leave): A. Cohen',
      "lacks skill 'stocks': B. Levi",
      'fixed day off (tue): D. Katz',
    ]);
    expect(who(r)).toMatchObject({ tue0: 'C. Mizrahi' });
    expect(r.totals).toMatchObject({ assignedShifts: 2, unfilledShifts: 2, paidHours: 16, cost: 16 });
  });

  it('reject duplicate agent ids', async () => {
    await expect(roster([seat('s', 1, 8)], [agent('ann'), agent('ann')])).rejects.toThrow(
      'assignShifts: agents must have unique ids (got ann)',
    );
  });
});
