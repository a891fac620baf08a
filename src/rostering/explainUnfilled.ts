import { blockedReason, type RosterState } from './greedyRoster.js';
import type { ShiftGroup } from './shiftGroups.js';

const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHOWN = 6;

/** `A, B, C and 4 more`. */
function names(list: readonly string[]): string {
  const shown = list.slice(0, SHOWN).join(', ');
  return list.length > SHOWN ? `${shown} and ${list.length - SHOWN} more` : shown;
}

/**
 * Why the seats of shift `s` left empty in the roster `state` could not be filled, in a planner's
 * words: a headline (`"Tuesday 2024-01-02 07:00 early needs 12 agents with skill 'stocks'; 9 are
 * rostered"`), then every agent who is not on it grouped by the reason (on leave, lacks the skill,
 * not available, fixed day off, contract type, works another shift that day, rest, weekly hours or
 * days full, days in a row ...), names in input order. O(agents).
 *
 * @internal
 */
export function explainUnfilled(state: RosterState, s: number): string[] {
  const p = state.problem;
  const g = p.shifts[s] as ShiftGroup;
  const weekday = WEEKDAY[new Date(`${g.date}T00:00:00Z`).getUTCDay()] ?? '';
  const need = g.seats.length;
  const filled = state.filled[s] ?? 0;
  const skill = g.queue === undefined ? '' : ` with skill '${g.queue}'`;
  const lines = [
    `${weekday} ${g.date} ${g.startTime} ${g.type} needs ${need} agent${need === 1 ? '' : 's'}${skill}; ${filled} ${filled === 1 ? 'is' : 'are'} rostered`,
  ];
  const groups = new Map<string, string[]>();
  p.agents.forEach((agent, a) => {
    if ((state.dayShift[a]?.[g.dayIndex] ?? -1) === s) return;
    const why = p.whyNot(a, s) ?? blockedReason(state, a, s) ?? 'could work it (left open by the search)';
    const list = groups.get(why) ?? [];
    list.push(agent.name);
    groups.set(why, list);
  });
  for (const [why, list] of groups) lines.push(`${why}: ${names(list)}`);
  return lines;
}
