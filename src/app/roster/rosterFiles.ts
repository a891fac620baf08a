import { writeAgentStatsCsv } from '../../io/agentStatsCsv.js';
import { writeRosterCsv } from '../../io/rosterCsv.js';
import { writeRosterIcs } from '../../io/rosterIcs.js';
import type { Agent, Roster } from '../../rostering/types.js';

// What `staffcast roster` and `staffcast plan` (with `agents`) write for a roster: one place for both.

/**
 * The output files of a roster by name: `roster.csv` (`writeRosterCsv`: one row per agent-shift),
 * `agents.csv` (`writeAgentStatsCsv`: the per-agent view: shifts, hours, weekends off, late
 * shifts, wishes and preferences granted, cost), `team.ics` (`writeRosterIcs`: every shift) and
 * `<agent id>.ics` per agent with shifts (characters other than `A-Z a-z 0-9 _ . -` in the id
 * become `_`). O(agents x assignments).
 *
 * @internal
 * @example
 * const contract = { name: 'full', minHoursPerWeek: 0, maxHoursPerWeek: 40, minDaysPerWeek: 0,
 *   maxDaysPerWeek: 5, maxConsecutiveDays: 5, minRestHours: 11, costPerHour: 1 };
 * const agents = ['ann', 'bob/2'].map((id) => ({ id, name: id, contract, skills: ['s'], site: '', timeZone: 'UTC',
 *   fixedDaysOff: [], timeOff: [], shiftPreferences: [], seniority: 0 }));
 * const shift = { id: 'x', shiftType: 'day', queue: 's', startMs: 0, endMs: 28_800_000, paidMinutes: 480, breaks: [] };
 * Object.keys(rosterFileContents({ assignments: [{ ...shift, agentId: 'bob/2' }], agentStats: [],
 *   totals: { agents: 2, assignedShifts: 1, unfilledShifts: 0, paidHours: 8, cost: 8, penalty: 0 }, unfilled: [] }, agents));
 * // ['roster.csv', 'agents.csv', 'team.ics', 'bob_2.ics']
 */
export function rosterFileContents(roster: Roster, agents: readonly Agent[]): Record<string, string> {
  const files: Record<string, string> = {
    'roster.csv': writeRosterCsv(roster, agents),
    'agents.csv': writeAgentStatsCsv(roster, agents),
    'team.ics': writeRosterIcs(roster, agents),
  };
  for (const a of agents)
    if (roster.assignments.some((x) => x.agentId === a.id))
      files[`${a.id.replace(/[^A-Za-z0-9_.-]/g, '_')}.ics`] = writeRosterIcs(roster, agents, {
        agentId: a.id,
      });
  return files;
}
