import { StaffcastError } from '../errors.js';
import { isProblem, timeOffBound } from '../io/agentCells.js';
import type { LeaveChange, TeamChanges } from '../rostering/teamChanges.js';
import type { Agent } from '../rostering/types.js';
import type { TeamChangesInput } from '../schemas/scenarioFile.js';

/**
 * A scenario's team changes as written (`teamChangesSchema`) as the domain takes them
 * (`TeamChanges`): leave `start` and `end` become instants, a date `YYYY-MM-DD` a whole local day
 * of the agent (`timeOffBound`: from local midnight of `start` to local midnight after `end`), a
 * date-time local in the agent's zone unless it has an offset; an unknown agent's leave is read
 * in UTC (`applyTeamChanges` then names the unknown id). Pure; O(changes x agents).
 *
 * @internal
 * @throws StaffcastError `CONFIG` "<source>: leave[i].start: <problem>" for a date that cannot be read.
 * @example
 * scenarioTeamChanges({ leave: [{ agent: 'a1', start: '2024-03-04', end: '2024-03-05' }] }, [], 'team')
 *   .leave?.[0];
 * // { agent: 'a1', startMs: Date.UTC(2024, 2, 4), endMs: Date.UTC(2024, 2, 6) }
 */
export function scenarioTeamChanges(
  team: TeamChangesInput,
  agents: readonly Agent[],
  source: string,
): TeamChanges {
  const leave = (team.leave ?? []).map((l, i): LeaveChange => {
    const zone = agents.find((a) => a.id === l.agent)?.timeZone ?? 'UTC';
    const bound = (side: 'start' | 'end') => {
      const v = timeOffBound(l[side], zone, side);
      if (isProblem(v))
        throw new StaffcastError('CONFIG', `${source}: leave[${i}].${side}: ${v.problem}`, {
          field: `leave[${i}].${side}`,
        });
      return v;
    };
    return {
      agent: l.agent,
      startMs: bound('start'),
      endMs: bound('end'),
      ...(l.note === undefined ? {} : { note: l.note }),
    };
  });
  return {
    ...(team.hire === undefined ? {} : { hire: team.hire }),
    ...(team.attrition === undefined ? {} : { attrition: team.attrition }),
    ...(team.leave === undefined ? {} : { leave }),
  };
}
