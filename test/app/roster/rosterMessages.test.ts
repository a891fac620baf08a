import { describe, expect, it } from 'vitest';
import { rosterMessages } from '../../../src/app/roster/rosterMessages.js';
import type { AssignedRoster } from '../../../src/rostering/assignShifts.js';

const roster = (stoppedBy: AssignedRoster['stoppedBy']) =>
  ({
    solve: { method: 'mip', objective: 12, gap: 0.05, bound: 11.4 },
    stoppedBy,
    totals: { agents: 2, assignedShifts: 3, unfilledShifts: 1, paidHours: 24, cost: 480, penalty: 0 },
    unfilled: [],
  }) as const;

describe('rosterMessages', () => {
  it('names the setting the user gave when the wall-clock safety net stopped the MIP', () => {
    expect(rosterMessages(roster('time'), 0, { timeLimitName: '--time-limit' })[0]).toBe(
      'roster: mip (stopped by the wall-clock safety net --time-limit: depends on machine load), objective 12.00, gap 5.00% (bound 11.40); 3 of 4 shifts filled by 2 agents, 24.0 paid hours, cost 480.00\n',
    );
    const plan = rosterMessages(roster('time'), 0, { timeLimitName: 'roster.timeLimitSeconds' })[0];
    expect(plan).toContain(
      '(stopped by the wall-clock safety net roster.timeLimitSeconds: depends on machine load)',
    );
    expect(plan).not.toContain('--time-limit');
  });

  it('names no time-limit setting when the work budget or the gap stopped the MIP', () => {
    expect(rosterMessages(roster('work'), 0, { timeLimitName: '--time-limit' })[0]).toMatch(
      /^roster: mip \(stopped by the work budget: the same on every run\), objective/,
    );
    expect(rosterMessages(roster('gap'), 0, { timeLimitName: '--time-limit' })[0]).toMatch(
      /^roster: mip, objective/,
    );
  });
});
