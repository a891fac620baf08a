import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRosterCsv, writeRosterCsv } from '../../src/io/rosterCsv.js';
import type { RosterAssignment } from '../../src/rostering/types.js';

const AGENTS = [
  { id: 'a1', name: 'A. Cohen', timeZone: 'Asia/Jerusalem' },
  { id: 'a2', name: 'J. Smith', timeZone: 'America/New_York' },
  { id: 'a3', name: 'L. Howe', timeZone: 'Australia/Lord_Howe' },
];
const MIN = 60_000;

const assignmentArb: fc.Arbitrary<RosterAssignment> = fc
  .record({
    agent: fc.constantFrom('a1', 'a2', 'a3'),
    startMinute: fc.integer({ min: 0, max: 60 * 24 * 365 * 3 }),
    lengthMinutes: fc.integer({ min: 60, max: 720 }),
    breakAt: fc.option(fc.integer({ min: 30, max: 50 }), { nil: undefined }),
    paid: fc.boolean(),
    type: fc.constantFrom('day', 'late', 'night shift'),
    queue: fc.option(fc.constantFrom('stocks', 'regular'), { nil: undefined }),
    seat: fc.integer({ min: 0, max: 99 }),
  })
  .map((r) => {
    const startMs = Date.UTC(2024, 0, 1) + r.startMinute * MIN;
    const breaks =
      r.breakAt === undefined
        ? []
        : [{ name: 'lunch', startMs: startMs + r.breakAt * MIN, durationMinutes: 30, paid: r.paid }];
    return {
      agentId: r.agent,
      id: `${r.type}-${r.seat}`,
      shiftType: r.type,
      ...(r.queue === undefined ? {} : { queue: r.queue }),
      startMs,
      endMs: startMs + r.lengthMinutes * MIN,
      paidMinutes: r.lengthMinutes - (r.breakAt !== undefined && !r.paid ? 30 : 0),
      breaks,
    };
  });

describe('roster CSV', () => {
  it('round-trips: writing assignments then reading them back gives the same assignments, across DST changes', () => {
    fc.assert(
      fc.property(fc.array(assignmentArb, { minLength: 1, maxLength: 20 }), (assignments) => {
        expect(readRosterCsv(writeRosterCsv({ assignments }, AGENTS), 'roster.csv')).toEqual(assignments);
      }),
      { numRuns: 200 },
    );
  });

  it('writes a night shift over the spring-forward night in New York: 7 real hours, the end a day later at -04:00', () => {
    // 2024-03-09 22:00 EST (-05:00) to 2024-03-10 06:00 EDT (-04:00)
    const csv = writeRosterCsv(
      {
        assignments: [
          {
            agentId: 'a2',
            id: 'n1',
            shiftType: 'night',
            startMs: Date.UTC(2024, 2, 10, 3),
            endMs: Date.UTC(2024, 2, 10, 10),
            paidMinutes: 420,
            breaks: [],
          },
        ],
      },
      AGENTS,
    );
    expect(csv.split('\n')[1]).toBe(
      'a2,J. Smith,2024-03-09,2024-03-09T22:00:00-05:00,2024-03-10T06:00:00-04:00,420,,night,,n1',
    );
  });

  it('rejects a time without a UTC offset, naming line and column', () => {
    const csv =
      'agent_id,start,end,paid_minutes,breaks,shift_type,queue,shift_id\na1,2024-03-01T08:00:00,2024-03-01T16:00:00+02:00,480,,day,,s\n';
    expect(() => readRosterCsv(csv, 'r.csv')).toThrow(
      "r.csv:2:start: needs a UTC offset (got '2024-03-01T08:00:00')",
    );
  });

  it('refuses to write an assignment of an agent it does not know', () => {
    expect(() =>
      writeRosterCsv(
        {
          assignments: [
            { agentId: 'zz', id: 's', shiftType: 'day', startMs: 0, endMs: 1, paidMinutes: 0, breaks: [] },
          ],
        },
        AGENTS,
      ),
    ).toThrow("writeRosterCsv: assignment to unknown agent 'zz'");
  });
});
