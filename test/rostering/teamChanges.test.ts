import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTeamChanges } from '../../src/rostering/teamChanges.js';
import type { Agent } from '../../src/rostering/types.js';
import { agent, CONTRACT } from './fixtures.js';

const DAY = 86_400_000;
const JAN1 = Date.UTC(2024, 0, 1);

const team: Agent[] = [
  agent('ann', { seniority: 5, skills: ['sales', 'care'], site: 'north', fixedDaysOff: ['sat'] }),
  agent('bob', { seniority: 1 }),
  agent('cy', { seniority: 3 }),
  agent('dee', { seniority: 1 }),
];

const thrown = (f: () => unknown): { code?: string; message?: string } => {
  try {
    f();
  } catch (error) {
    return error as { code: string; message: string };
  }
  return {};
};

describe('applyTeamChanges', () => {
  it('hires agents like an existing one: contract, skills, site, days off; no time off, seniority 0', () => {
    const out = applyTeamChanges(team, { hire: [{ count: 2, like: 'ann' }] });
    expect(out.map((a) => a.id)).toEqual(['ann', 'bob', 'cy', 'dee', 'hire-1', 'hire-2']);
    const h = out[4] as Agent;
    expect(h.contract).toEqual(CONTRACT);
    expect(h.skills).toEqual(['sales', 'care']);
    expect(h.site).toBe('north');
    expect(h.fixedDaysOff).toEqual(['sat']);
    expect(h.timeOff).toEqual([]);
    expect(h.seniority).toBe(0);
  });

  it('hires from a contract and skills, with the agents-file defaults for the rest', () => {
    const out = applyTeamChanges(team, {
      hire: [
        { count: 1, contract: { maxHoursPerWeek: 20, maxDaysPerWeek: 4 }, skills: ['care'], idPrefix: 'pt' },
      ],
    });
    expect(out[4]?.id).toBe('pt-1');
    expect(out[4]?.contract).toEqual({
      name: 'hire',
      minHoursPerWeek: 0,
      maxHoursPerWeek: 20,
      minDaysPerWeek: 0,
      maxDaysPerWeek: 4,
      maxConsecutiveDays: 6,
      minRestHours: 11,
      costPerHour: 1,
    });
    expect(out[4]?.skills).toEqual(['care']);
  });

  it('attrition by count removes the most junior agents, the one listed last first among equals', () => {
    expect(applyTeamChanges(team, { attrition: { count: 1 } }).map((a) => a.id)).toEqual([
      'ann',
      'bob',
      'cy',
    ]);
    expect(applyTeamChanges(team, { attrition: { count: 3 } }).map((a) => a.id)).toEqual(['ann']);
  });

  it('attrition by id removes exactly those agents', () => {
    expect(applyTeamChanges(team, { attrition: { agents: ['cy', 'ann'] } }).map((a) => a.id)).toEqual([
      'bob',
      'dee',
    ]);
  });

  it('approved leave becomes hard time off and grants the soft wishes it overlaps', () => {
    const withWish = [
      agent('ann', {
        timeOff: [
          { kind: 'soft', startMs: JAN1 + DAY, endMs: JAN1 + 2 * DAY, weight: 3 },
          { kind: 'soft', startMs: JAN1 + 9 * DAY, endMs: JAN1 + 10 * DAY, weight: 3 },
        ],
      }),
    ];
    const out = applyTeamChanges(withWish, {
      leave: [{ agent: 'ann', startMs: JAN1, endMs: JAN1 + 3 * DAY }],
    });
    expect(out[0]?.timeOff).toEqual([
      { kind: 'hard', startMs: JAN1, endMs: JAN1 + 3 * DAY, weight: 1, note: 'approved leave (scenario)' },
      { kind: 'soft', startMs: JAN1 + 9 * DAY, endMs: JAN1 + 10 * DAY, weight: 3 },
    ]);
    expect(withWish[0]?.timeOff).toHaveLength(2); // the input is not changed
  });

  it('names the source and the field of an unknown agent id', () => {
    const e = thrown(() =>
      applyTeamChanges(team, { attrition: { agents: ['bob', 'zed'] } }, { source: 's.json: lean: team' }),
    );
    expect(e.code).toBe('CONFIG');
    expect(e.message).toBe(
      "s.json: lean: team: attrition.agents[1]: unknown agent 'zed' (team: ann, bob, cy, dee)",
    );
    expect(
      thrown(() => applyTeamChanges(team, { leave: [{ agent: 'x', startMs: 0, endMs: DAY }] })).message,
    ).toBe("team changes: leave[0].agent: unknown agent 'x' (team: ann, bob, cy, dee)");
    expect(thrown(() => applyTeamChanges(team, { hire: [{ count: 1, like: 'y' }] })).message).toBe(
      "team changes: hire[0].like: unknown agent 'y' (team: ann, bob, cy, dee)",
    );
  });

  it('rejects leave for an agent who left, leave ending before it starts, overlapping approved leave', () => {
    expect(
      thrown(() =>
        applyTeamChanges(team, {
          attrition: { agents: ['bob'] },
          leave: [{ agent: 'bob', startMs: 0, endMs: DAY }],
        }),
      ).message,
    ).toBe("team changes: leave[0].agent: agent 'bob' left the team in this scenario's attrition");
    expect(
      thrown(() => applyTeamChanges(team, { leave: [{ agent: 'bob', startMs: DAY, endMs: DAY }] })).message,
    ).toBe('team changes: leave[0].end: must be after start');
    const onLeave = [
      agent('ann', { timeOff: [{ kind: 'hard', startMs: JAN1, endMs: JAN1 + DAY, weight: 1 }] }),
    ];
    expect(
      thrown(() =>
        applyTeamChanges(onLeave, {
          leave: [{ agent: 'ann', startMs: JAN1 + 3_600_000, endMs: JAN1 + 2 * DAY }],
        }),
      ).message,
    ).toBe(
      "team changes: leave[0]: overlaps approved leave of agent 'ann' (2024-01-01T00:00:00.000Z to 2024-01-02T00:00:00.000Z)",
    );
  });

  it('rejects attrition beyond the team, a bad count, a hire without skills or maximums, a taken id', () => {
    expect(thrown(() => applyTeamChanges(team, { attrition: { count: 5 } })).message).toBe(
      'team changes: attrition.count: 5 agents cannot leave a team of 4',
    );
    expect(thrown(() => applyTeamChanges(team, { hire: [{ count: 1.5, like: 'ann' }] })).message).toBe(
      'team changes: hire[0].count: must be an integer >= 1 (got 1.5)',
    );
    expect(
      thrown(() => applyTeamChanges(team, { hire: [{ count: 1, contract: { maxHoursPerWeek: 20 } }] }))
        .message,
    ).toBe('team changes: hire[0].skills: required without like (the queues the new agents serve)');
    expect(
      thrown(() =>
        applyTeamChanges(team, { hire: [{ count: 1, skills: ['x'], contract: { maxHoursPerWeek: 20 } }] }),
      ).message,
    ).toBe('team changes: hire[0].contract.maxDaysPerWeek: required without like');
    expect(
      thrown(() => applyTeamChanges([...team, agent('hire-2')], { hire: [{ count: 2, like: 'bob' }] }))
        .message,
    ).toBe("team changes: hire[0].idPrefix: new agent id 'hire-2' is taken; give another idPrefix");
  });

  it('property: hiring agents, then the attrition of the hired ids, gives back the original team', () => {
    const arbTeam = fc
      .uniqueArray(
        fc.string({ minLength: 1, maxLength: 4 }).filter((s) => !s.startsWith('hire')),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .chain((ids) =>
        fc.tuple(
          fc.constant(ids),
          fc.array(fc.integer({ min: 0, max: 5 }), { minLength: ids.length, maxLength: ids.length }),
        ),
      )
      .map(([ids, sen]) => ids.map((id, i) => agent(id, { seniority: sen[i] ?? 0 })));
    const arbHires = fc.array(fc.record({ count: fc.integer({ min: 1, max: 4 }), likeIndex: fc.nat() }), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(arbTeam, arbHires, (original, hires) => {
        const hired = applyTeamChanges(original, {
          hire: hires.map((h) => ({ count: h.count, like: original[h.likeIndex % original.length]?.id })),
        });
        const newIds = hired.slice(original.length).map((a) => a.id);
        expect(newIds).toHaveLength(hires.reduce((s, h) => s + h.count, 0));
        expect(applyTeamChanges(hired, { attrition: { agents: newIds } })).toEqual(original);
      }),
    );
  });
});
