import { describe, expect, it } from 'vitest';
import { writeRosterIcs } from '../../src/io/rosterIcs.js';
import type { RosterAssignment } from '../../src/rostering/types.js';

const AGENTS = [
  { id: 'a1', name: 'A. Cohen', timeZone: 'Asia/Jerusalem' },
  { id: 'a2', name: 'J. Smith', timeZone: 'America/New_York' },
];

const NIGHT: RosterAssignment = {
  agentId: 'a2',
  id: 'night-2024-03-09',
  shiftType: 'night',
  queue: 'regular',
  startMs: Date.UTC(2024, 2, 10, 3), // 22:00 EST
  endMs: Date.UTC(2024, 2, 10, 10), // 06:00 EDT, 7 real hours
  paidMinutes: 390,
  breaks: [{ name: 'lunch', startMs: Date.UTC(2024, 2, 10, 7), durationMinutes: 30, paid: false }],
};
const DAY: RosterAssignment = {
  agentId: 'a1',
  id: 'day-1999-03-01',
  shiftType: 'day',
  startMs: Date.UTC(1999, 2, 1, 5),
  endMs: Date.UTC(1999, 2, 1, 13),
  paidMinutes: 480,
  breaks: [],
};

/** Unfolds RFC 5545 content lines (a line starting with a space continues the previous one). */
function lines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('roster iCalendar', () => {
  it('writes the real instants of a shift over a DST change in UTC, with its local times in the description', () => {
    const l = lines(writeRosterIcs({ assignments: [NIGHT] }, AGENTS, { agentId: 'a2' }));
    expect(l).toContain('DTSTART:20240310T030000Z');
    expect(l).toContain('DTEND:20240310T100000Z');
    expect(l).toContain('SUMMARY:night (regular)');
    expect(l).toContain(
      'DESCRIPTION:22:00-06:00 America/New_York\\, 390 paid min\\nbreaks: lunch 03:00 30 min',
    );
  });

  it('gives one agent only their own shifts and the team every shift, names first', () => {
    const roster = { assignments: [NIGHT, DAY] };
    const mine = lines(writeRosterIcs(roster, AGENTS, { agentId: 'a1' }));
    expect(mine.filter((x) => x === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(mine).toContain('X-WR-CALNAME:A. Cohen shifts');
    const team = lines(writeRosterIcs(roster, AGENTS));
    expect(team.filter((x) => x.startsWith('SUMMARY:'))).toEqual([
      'SUMMARY:J. Smith: night (regular)',
      'SUMMARY:A. Cohen: day',
    ]);
  });

  it('is the same file for the same roster (stable UIDs, DTSTAMP from the roster, not the clock)', () => {
    const a = writeRosterIcs({ assignments: [NIGHT, DAY] }, AGENTS);
    expect(writeRosterIcs({ assignments: [NIGHT, DAY] }, AGENTS)).toBe(a);
    expect(lines(a)).toContain('UID:night-2024-03-09.a2@staffcast');
    expect(lines(a).filter((x) => x.startsWith('DTSTAMP:'))).toEqual([
      'DTSTAMP:19990301T050000Z',
      'DTSTAMP:19990301T050000Z',
    ]);
  });
});
