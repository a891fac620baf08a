import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RosterRules } from '../../src/rostering/types.js';
import { parseRosterRules, RosterRulesSchema } from '../../src/schemas/rosterRules.js';
import { parseShiftRules, WEEKDAYS } from '../../src/schemas/shiftRules.js';

const DAY = { name: 'day', earliestStart: '07:00', latestStart: '16:00', lengthsMinutes: [480] };

describe('roster rules', () => {
  it('fill the documented defaults and give a RosterRules', () => {
    const rules: RosterRules = parseRosterRules({});
    expect(rules).toEqual({
      weekendDays: ['sat', 'sun'],
      minRestHours: 0,
      shiftTypeLimits: {},
      earlyStartBeforeMinutes: 540,
      lateStartFromMinutes: 720,
    });
  });

  it('accept the weekday keys of the shift rules, no more and no fewer', () => {
    const json = z.toJSONSchema(RosterRulesSchema, { io: 'input' }) as unknown as {
      properties: { weekendDays: { items: { enum: string[] } } };
    };
    expect(json.properties.weekendDays.items.enum).toEqual([...WEEKDAYS]);
  });

  it('are the roster key of the rules file, with an Israeli weekend and a fairness rule', () => {
    const rules = parseShiftRules({
      shiftTypes: [DAY],
      roster: {
        weekendDays: ['fri', 'sat'],
        weekendsOff: { minFreeWeekends: 1, perWeeks: 2 },
        shiftTypeLimits: { day: { maxAgentsPerDay: 9 } },
      },
    });
    expect(rules.roster?.weekendDays).toEqual(['fri', 'sat']);
    expect(rules.roster?.shiftTypeLimits).toEqual({ day: { maxAgentsPerDay: 9 } });
  });

  it('reject limits on a shift type the rules do not have, and min above max', () => {
    expect(() =>
      parseShiftRules({ shiftTypes: [DAY], roster: { shiftTypeLimits: { night: {} } } }, 'r.json'),
    ).toThrow("r.json: roster.shiftTypeLimits.night: unknown shift type 'night' (known: day)");
    expect(() =>
      parseRosterRules({ shiftTypeLimits: { day: { minAgentsPerDay: 3, maxAgentsPerDay: 2 } } }, 'r.json'),
    ).toThrow('r.json: shiftTypeLimits.day: minAgentsPerDay must be <= maxAgentsPerDay');
  });

  it('reject a weekend day listed twice', () => {
    expect(() => parseRosterRules({ weekendDays: ['sat', 'sat'] }, 'r.json')).toThrow(
      'r.json: weekendDays: a weekday is listed twice',
    );
  });
});
