import { StaffcastError } from '../errors.js';
import { echoValue } from '../messageText.js';
import type { Agent, Roster, RosterAssignment, RosterBreak } from '../rostering/types.js';
import { formatInstant } from '../time/formatInstant.js';
import { localDate } from '../time/localCalendar.js';
import { assertDataRows, assertUniqueColumns, missingColumnError, parseCsvText } from './csvSource.js';
import { csvText } from './csvText.js';
import { parseTimestamp } from './parseTimestamp.js';

/**
 * The columns of the roster CSV (one row per agent-shift), in file order: agent id and name, the
 * local date of the start (`YYYY-MM-DD`, agent's zone), start and end (ISO-8601 with the offset of
 * the agent's zone: a night shift ends on the next date, a DST night is an hour shorter or
 * longer), paid minutes, breaks (`<name> <start ISO> <minutes>min[ paid]` joined by `; `, as in
 * schedule.csv), shift type, queue (empty: any) and the shift's id.
 */
export const ROSTER_CSV_COLUMNS = [
  'agent_id',
  'agent_name',
  'date',
  'start',
  'end',
  'paid_minutes',
  'breaks',
  'shift_type',
  'queue',
  'shift_id',
] as const;

/** The agents by id, for zones and names; an assignment to an unknown agent is an error. */
function agentIndex(agents: readonly Agent[], fn: string): (id: string) => Agent {
  const byId = new Map(agents.map((a) => [a.id, a]));
  return (id) => {
    const a = byId.get(id);
    if (a === undefined)
      throw new StaffcastError('INVALID_INPUT', `${fn}: assignment to unknown agent '${id}'`);
    return a;
  };
}

/** The breaks cell of a shift. */
function breaksCell(breaks: readonly RosterBreak[], timeZone: string): string {
  return breaks
    .map(
      (b) =>
        `${b.name} ${formatInstant(b.startMs, timeZone)} ${b.durationMinutes}min${b.paid ? ' paid' : ''}`,
    )
    .join('; ');
}

/**
 * The roster CSV of a roster's assignments (`ROSTER_CSV_COLUMNS`), in the roster's order; times in
 * each agent's zone. `readRosterCsv` reads it back to the same assignments. Written through
 * `csvText` (a name starting with `= + - @` is prefixed with `'`). O(assignments x breaks).
 *
 * @throws StaffcastError `INVALID_INPUT` for an assignment to an agent not in `agents`
 * @example
 * const agent = { id: 'a1', name: 'A. Cohen', timeZone: 'Asia/Jerusalem' };
 * writeRosterCsv({ assignments: [{ agentId: 'a1', id: 's1', shiftType: 'late', queue: 'stocks',
 *   startMs: Date.UTC(1999, 2, 1, 18), endMs: Date.UTC(1999, 2, 2, 2), paidMinutes: 450,
 *   breaks: [{ name: 'lunch', startMs: Date.UTC(1999, 2, 1, 22), durationMinutes: 30, paid: false }] }] }, [agent]).split('\n')[1];
 * // 'a1,A. Cohen,1999-03-01,1999-03-01T20:00:00+02:00,1999-03-02T04:00:00+02:00,450,lunch 1999-03-02T00:00:00+02:00 30min,late,stocks,s1'
 */
export function writeRosterCsv(
  roster: Pick<Roster, 'assignments'>,
  agents: readonly Pick<Agent, 'id' | 'name' | 'timeZone'>[],
): string {
  const agentOf = agentIndex(agents as Agent[], 'writeRosterCsv');
  const rows = roster.assignments.map((s) => {
    const a = agentOf(s.agentId);
    return {
      agent_id: s.agentId,
      agent_name: a.name,
      date: localDate(s.startMs, a.timeZone),
      start: formatInstant(s.startMs, a.timeZone),
      end: formatInstant(s.endMs, a.timeZone),
      paid_minutes: s.paidMinutes,
      breaks: breaksCell(s.breaks, a.timeZone),
      shift_type: s.shiftType,
      queue: s.queue ?? '',
      shift_id: s.id,
    };
  });
  return csvText(rows, { header: true, columns: ROSTER_CSV_COLUMNS });
}

function rowError(file: string, line: number, column: string, problem: string): StaffcastError {
  return new StaffcastError('CSV_ROW', `${file}:${line}:${column}: ${problem}`, { file, row: line, column });
}

const BREAK = /^(.+) (\S+) (\d+)min( paid)?$/;

/**
 * Reads a roster CSV (`ROSTER_CSV_COLUMNS`; `writeRosterCsv`) back into assignments, in file
 * order. `start`, `end` and break starts must carry a UTC offset; `date` and `agent_name` are not
 * read (they follow from the rest). O(size).
 *
 * @throws StaffcastError `CSV_ROW` "<file>:<line>:<column>: <problem>"; `NO_DATA` for a file
 * without rows.
 * @example
 * const csv = 'agent_id,start,end,paid_minutes,breaks,shift_type,queue,shift_id\n' +
 *   'a1,1999-03-01T20:00:00+02:00,1999-03-02T04:00:00+02:00,480,,late,,s1\n';
 * readRosterCsv(csv, 'roster.csv');
 * // [{ agentId: 'a1', id: 's1', shiftType: 'late', startMs: Date.UTC(1999, 2, 1, 18), endMs: Date.UTC(1999, 2, 2, 2), paidMinutes: 480, breaks: [] }]
 */
export function readRosterCsv(text: string, file: string): RosterAssignment[] {
  const records = parseCsvText(text, file);
  const header = records[0]?.fields;
  assertDataRows(file, header, records.length - 1);
  assertUniqueColumns(file, 1, header);
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  for (const name of ['agent_id', 'start', 'end', 'paid_minutes', 'shift_type', 'shift_id'])
    if (!index.has(name)) throw missingColumnError(file, 1, name, header);
  return records.slice(1).map(({ line, fields }): RosterAssignment => {
    const cell = (name: string): string => {
      const i = index.get(name);
      return i === undefined ? '' : (fields[i] ?? '').trim();
    };
    const instant = (column: string, text: string): number => {
      if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text))
        throw rowError(file, line, column, `needs a UTC offset (got '${echoValue(text)}')`);
      const t = parseTimestamp(text, 'UTC');
      if (!t.ok) throw rowError(file, line, column, t.problem);
      return t.epochMs;
    };
    const paid = cell('paid_minutes');
    if (!/^\d+(\.\d+)?$/.test(paid))
      throw rowError(file, line, 'paid_minutes', `not a number (got '${echoValue(paid)}')`);
    const breaks = cell('breaks')
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((b): RosterBreak => {
        const m = BREAK.exec(b);
        if (m === null)
          throw rowError(
            file,
            line,
            'breaks',
            `not '<name> <start> <minutes>min[ paid]' (got '${echoValue(b)}')`,
          );
        return {
          name: m[1]!,
          startMs: instant('breaks', m[2]!),
          durationMinutes: Number(m[3]),
          paid: m[4] !== undefined,
        };
      });
    const queue = cell('queue');
    return {
      agentId: cell('agent_id'),
      id: cell('shift_id'),
      shiftType: cell('shift_type'),
      ...(queue === '' ? {} : { queue }),
      startMs: instant('start', cell('start')),
      endMs: instant('end', cell('end')),
      paidMinutes: Number(paid),
      breaks,
    };
  });
}
