import { describe, expect, it } from 'vitest';
import { calibrationGrid } from '../../../src/calibration/grid.js';
import { agentSessions, presentAgents } from '../../../src/calibration/presence/presence.js';
import { choosePresenceRule, PRESENCE_RULES } from '../../../src/calibration/presence/presenceRule.js';
import { call } from '../records.helpers.js';

// two agents answer a call every 6 minutes from 10:00 to 11:54; A02 pauses 10:30-11:00
const records = Array.from({ length: 20 }, (_, k) => {
  const minute = 6 * k;
  const time = (agent: string) =>
    call(`${10 + Math.floor(minute / 60)}:${minute % 60}:00`, { agent, serviceSeconds: 120 });
  return minute >= 30 && minute < 60 ? [time('A01')] : [time('A01'), time('A02')];
}).flat();
const grid = calibrationGrid(Date.UTC(1999, 1, 1, 10), Date.UTC(1999, 1, 1, 11, 59), 'UTC', 30);
const train = [20, 21, 22, 23].map((interval) => ({
  interval,
  demand: { callsPerInterval: 10, intervalMinutes: 30, ahtSeconds: 120, patienceSeconds: 300 },
  serviceLevel: 0.9,
  abandonRate: 0.01,
}));

describe('choosePresenceRule', () => {
  it('keeps the rule with the lowest training loss and the presence it measures', () => {
    const rules = [
      { maxGapMinutes: 5, padMinutes: 0 },
      { maxGapMinutes: 60, padMinutes: 0 },
    ];
    const chosen = choosePresenceRule(records, grid, rules, 'sessions', train, 20);
    expect(chosen.searched.map((r) => r.maxGapMinutes)).toEqual([5, 60]);
    const best = Math.min(...chosen.searched.map((r) => r.meanSquaredError));
    expect(chosen.rule.meanSquaredError).toBe(best);
    expect(chosen.fit.availabilityFactor).toBe(chosen.rule.availabilityFactor);
    const sessions = agentSessions(records, chosen.rule);
    expect(chosen.sessions).toEqual(sessions);
    expect(chosen.present).toEqual(presentAgents(sessions, grid));
    expect(chosen.profile).toBeUndefined();
  });

  it('takes the first of equally good rules and measures the queue profile with agentsSource queue', () => {
    const twice = [PRESENCE_RULES[0]!, PRESENCE_RULES[0]!];
    const chosen = choosePresenceRule(records, grid, twice, 'queue', train, 20);
    expect(chosen.rule).toBe(chosen.searched[0]);
    expect(chosen.profile?.congestedSeconds).toHaveLength(grid.starts.length);
  });

  it('rejects an empty list of rules', () => {
    expect(() => choosePresenceRule(records, grid, [], 'sessions', train, 20)).toThrow(
      /rules must not be empty/,
    );
  });
});
