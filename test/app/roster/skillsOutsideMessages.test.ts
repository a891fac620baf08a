import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { skillsOutsideMessages } from '../../../src/app/roster/skillsOutsideMessages.js';

const agent = (id: string, skills: string[]) => ({ id, skills });

describe('skillsOutsideMessages', () => {
  it('counts the agents with skills outside the rostered queues and names the first five with none inside', () => {
    const team = [
      agent('a1', ['general', 'sales']),
      ...['s1', 's2', 's3', 's4', 's5', 's6', 's7'].map((id) => agent(id, ['sales', 'loans'])),
      agent('g1', ['general']),
    ];
    expect(skillsOutsideMessages(team, ['general'])).toEqual([
      'roster: 8 agents have skills outside the rostered queues (general), not used in this run; 7 of them have no rostered skill and get no shift: s1, s2, s3, s4, s5 and 2 more\n',
    ]);
  });

  it('says nothing while every agent has a skill of a rostered queue (property)', () => {
    const queues = ['sales', 'care', 'loans', 'general'];
    fc.assert(
      fc.property(
        fc.array(fc.subarray(queues, { minLength: 1 }), { maxLength: 12 }),
        fc.subarray(queues, { minLength: 1 }),
        (skills, rostered) => {
          const team = skills.map((s, i) => agent(`a${i}`, s));
          const idle = team.filter((a) => !a.skills.some((s) => rostered.includes(s)));
          const lines = skillsOutsideMessages(team, rostered);
          expect(lines.length).toBe(idle.length === 0 ? 0 : 1);
          if (idle.length > 0) expect(lines[0]).toContain(`; ${idle.length} of them`);
        },
      ),
    );
  });
});
