import ical from 'ical-generator';
import type { Agent, Roster, RosterAssignment } from '../rostering/types.js';
import { formatInstant } from '../time/formatInstant.js';

/** Options of `writeRosterIcs`. */
export interface RosterIcsOptions {
  /** Only this agent's shifts (a personal calendar); default: every agent (a team calendar). */
  agentId?: string;
  /** Calendar name (`X-WR-CALNAME`); default `"<agent name> shifts"` or `"Team roster"`. */
  calendarName?: string;
  /**
   * `DTSTAMP` of every event (epoch ms): when the roster was published. Default: the earliest shift
   * start of the calendar (0 when it has none), so the same roster always gives the same file.
   */
  stampMs?: number;
}

/** Local `HH:MM` of an instant in a zone (from `formatInstant`'s ISO text). */
function hhmm(ms: number, timeZone: string): string {
  return formatInstant(ms, timeZone).slice(11, 16);
}

/**
 * An iCalendar file (RFC 5545, written by the `ical-generator` library) of a roster: one event per
 * assignment, for one agent (`options.agentId`) or the whole team. Times are UTC instants
 * (`DTSTART:19990301T050000Z`), which every calendar shows at the right local time, across DST
 * changes too; the description gives the local times in the agent's zone and the breaks. Event
 * `UID`s are `<shift id>.<agent id>@staffcast` (stable: re-publishing a roster updates events
 * instead of duplicating them). Summary: shift type and queue (`day (stocks)`), with the agent's
 * name first in a team calendar. O(assignments).
 *
 * @throws Error from ical-generator only for invalid dates (non-finite `startMs`/`endMs`)
 * @example
 * const agents = [{ id: 'a1', name: 'A. Cohen', timeZone: 'Asia/Jerusalem' }];
 * const ics = writeRosterIcs({ assignments: [{ agentId: 'a1', id: 's1', shiftType: 'day', queue: 'stocks',
 *   startMs: Date.UTC(1999, 2, 1, 5), endMs: Date.UTC(1999, 2, 1, 13), paidMinutes: 480, breaks: [] }] }, agents,
 *   { agentId: 'a1' });
 * ics.split('\r\n').filter((l) => /^(DTSTART|DTEND|SUMMARY|UID)/.test(l));
 * // ['UID:s1.a1@staffcast', 'DTSTART:19990301T050000Z', 'DTEND:19990301T130000Z', 'SUMMARY:day (stocks)']
 */
export function writeRosterIcs(
  roster: Pick<Roster, 'assignments'>,
  agents: readonly Pick<Agent, 'id' | 'name' | 'timeZone'>[],
  options: RosterIcsOptions = {},
): string {
  const byId = new Map(agents.map((a) => [a.id, a]));
  const one = options.agentId === undefined ? undefined : byId.get(options.agentId);
  const shifts: RosterAssignment[] = roster.assignments.filter(
    (s) => options.agentId === undefined || s.agentId === options.agentId,
  );
  const stamp = options.stampMs ?? shifts.reduce((m, s) => Math.min(m, s.startMs), Number.POSITIVE_INFINITY);
  const calendar = ical({
    name: options.calendarName ?? (one === undefined ? 'Team roster' : `${one.name} shifts`),
    prodId: { company: 'staffcast', product: 'roster', language: 'EN' },
  });
  for (const s of shifts) {
    const a = byId.get(s.agentId);
    const zone = a?.timeZone ?? 'UTC';
    const what = `${s.shiftType}${s.queue === undefined ? '' : ` (${s.queue})`}`;
    const breaks = s.breaks.map(
      (b) => `${b.name} ${hhmm(b.startMs, zone)} ${b.durationMinutes} min${b.paid ? ' paid' : ''}`,
    );
    calendar.createEvent({
      id: `${s.id}.${s.agentId}@staffcast`,
      start: new Date(s.startMs),
      end: new Date(s.endMs),
      stamp: new Date(Number.isFinite(stamp) ? stamp : 0),
      summary: one === undefined ? `${a?.name ?? s.agentId}: ${what}` : what,
      description: [
        `${hhmm(s.startMs, zone)}-${hhmm(s.endMs, zone)} ${zone}, ${s.paidMinutes} paid min`,
        ...(breaks.length > 0 ? [`breaks: ${breaks.join('; ')}`] : []),
      ].join('\n'),
    });
  }
  return calendar.toString();
}
