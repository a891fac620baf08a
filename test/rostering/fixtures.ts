import type { Agent, Contract, RosterRules, RosterShift } from '../../src/rostering/types.js';

/** A contract with no minimums, 40 h and 5 days a week, 5 days in a row, 11 h rest. */
export const CONTRACT: Contract = {
  name: 'full-time',
  minHoursPerWeek: 0,
  maxHoursPerWeek: 40,
  minDaysPerWeek: 0,
  maxDaysPerWeek: 5,
  maxConsecutiveDays: 5,
  minRestHours: 11,
  costPerHour: 1,
};

export const RULES: RosterRules = {
  weekendDays: ['sat', 'sun'],
  minRestHours: 0,
  shiftTypeLimits: {},
  earlyStartBeforeMinutes: 540,
  lateStartFromMinutes: 720,
};

export function agent(id: string, over: Partial<Agent> = {}): Agent {
  return {
    id,
    name: id,
    contract: CONTRACT,
    skills: ['sales'],
    site: 'hq',
    timeZone: 'UTC',
    fixedDaysOff: [],
    timeOff: [],
    shiftPreferences: [],
    seniority: 0,
    ...over,
  };
}

/** A seat on 2024-01-`day` (Monday 1 January 2024) from `hour` UTC for `hours` hours. */
export function seat(
  id: string,
  day: number,
  hour: number,
  hours = 8,
  over: Partial<RosterShift> = {},
): RosterShift {
  const startMs = Date.UTC(2024, 0, day, hour);
  return {
    id,
    shiftType: hour >= 12 ? 'late' : 'early',
    queue: 'sales',
    startMs,
    endMs: startMs + hours * 3_600_000,
    paidMinutes: hours * 60,
    breaks: [],
    ...over,
  };
}
