import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agent, Contract } from '../../src/rostering/types.js';
import { agentProblems } from '../../src/rostering/validateAgents.js';

const CONTRACT: Contract = {
  name: 'full-time',
  minHoursPerWeek: 36,
  maxHoursPerWeek: 43,
  minDaysPerWeek: 5,
  maxDaysPerWeek: 5,
  maxConsecutiveDays: 6,
  minRestHours: 11,
  costPerHour: 1,
};

function agent(over: Partial<Agent> = {}, contract: Partial<Contract> = {}): Agent {
  return {
    id: 'a1',
    name: 'A. Cohen',
    contract: { ...CONTRACT, ...contract },
    skills: ['regular'],
    site: '',
    timeZone: 'Asia/Jerusalem',
    fixedDaysOff: [],
    timeOff: [],
    shiftPreferences: [],
    seniority: 0,
    ...over,
  };
}

const OPTIONS = { queues: ['regular', 'stocks'], shiftTypes: [{ name: 'day', maxPaidMinutes: 480 }] };
const fields = (a: Agent) => agentProblems([a], OPTIONS).map((p) => p.field);

/** The most working days in 7 consecutive days with at most `c` in a row, by trying all 128 weeks. */
function bruteMaxDays(c: number): number {
  let best = 0;
  for (let mask = 0; mask < 128; mask++) {
    let run = 0;
    let ok = true;
    for (let d = 0; d < 7; d++) {
      run = (mask >> d) & 1 ? run + 1 : 0;
      if (run > c) ok = false;
    }
    if (ok) best = Math.max(best, [...mask.toString(2)].filter((b) => b === '1').length);
  }
  return best;
}

describe('agentProblems', () => {
  it('accepts a workable full-time agent', () => {
    expect(agentProblems([agent()], OPTIONS)).toEqual([]);
  });

  it('flags min days per week exactly when max consecutive days make them unworkable in any week', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 7 }), (c, minDays) => {
        const a = agent(
          {},
          { maxConsecutiveDays: c, minDaysPerWeek: minDays, maxDaysPerWeek: 7, minHoursPerWeek: 0 },
        );
        expect(fields(a).includes('contract.maxConsecutiveDays')).toBe(minDays > bruteMaxDays(c));
      }),
    );
  });

  it('flags min hours above max days x the longest paid shift of the allowed types, and not at the limit', () => {
    expect(fields(agent({}, { minHoursPerWeek: 40 }))).toEqual([]);
    expect(fields(agent({}, { minHoursPerWeek: 40.5 }))).toEqual(['contract.minHoursPerWeek']);
  });

  it('counts fixed days off and unavailable weekdays against min days per week', () => {
    const a = agent({
      fixedDaysOff: ['fri', 'sat'],
      availability: {
        sun: [{ startMinutes: 420, endMinutes: 1140 }],
        mon: [{ startMinutes: 420, endMinutes: 1140 }],
        tue: [{ startMinutes: 420, endMinutes: 1140 }],
        wed: [{ startMinutes: 420, endMinutes: 1140 }],
        fri: [{ startMinutes: 420, endMinutes: 900 }],
      },
    });
    expect(agentProblems([a], OPTIONS).map((p) => p.message)).toEqual([
      'min days per week 5 is more than the 4 weekdays the agent is available (mon tue wed sun)',
      'min hours per week 36 cannot be worked: at most 4 days x 8 paid hours (longest allowed shift) = 32 h',
    ]);
  });

  it('flags an unknown shift type of the contract', () => {
    expect(agentProblems([agent({}, { shiftTypes: ['night'] })], OPTIONS)[0]?.message).toBe(
      "unknown shift type 'night' (known: day)",
    );
  });

  it('flags overlapping windows of one weekday and a window longer than a day', () => {
    const a = agent(
      {
        availability: {
          mon: [
            { startMinutes: 420, endMinutes: 800 },
            { startMinutes: 780, endMinutes: 900 },
          ],
          tue: [{ startMinutes: 360, endMinutes: 1800 }],
        },
      },
      { minDaysPerWeek: 0, minHoursPerWeek: 0 },
    );
    expect(agentProblems([a], OPTIONS).map((p) => p.message)).toEqual([
      'mon: windows 1 and 2 overlap',
      'tue: window 360..1800 min must start in 0..1439 and last 1 min to under 24 h (0..1440 for a whole day)',
    ]);
  });

  it('flags overlapping time off once per later request, and not requests that only touch', () => {
    const day = 86_400_000;
    const t0 = Date.UTC(2026, 0, 1);
    const a = agent({
      timeOff: [
        { kind: 'hard', startMs: t0, endMs: t0 + 3 * day, weight: 1 },
        { kind: 'soft', startMs: t0 + 3 * day, endMs: t0 + 4 * day, weight: 2 },
        { kind: 'soft', startMs: t0 + day, endMs: t0 + 2 * day, weight: 2 },
      ],
    });
    const problems = agentProblems([a], OPTIONS);
    expect(problems.map((p) => [p.field, p.timeOff])).toEqual([['timeOff', 2]]);
  });

  it('flags a preference kind given twice and a negative seniority', () => {
    const a = agent({
      shiftPreferences: [
        { kind: 'early', weight: 1 },
        { kind: 'early', weight: 2 },
      ],
      seniority: -1,
    });
    expect(fields(a)).toEqual(['shiftPreferences', 'seniority']);
  });
});
