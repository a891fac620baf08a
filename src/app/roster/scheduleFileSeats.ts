import { StaffcastError } from '../../errors.js';
import type { ScheduleCsvShift } from '../../io/readScheduleCsv.js';
import type { RosterShift } from '../../rostering/types.js';
import type { ShiftRulesConfig } from '../../schemas/shiftRules.js';
import { formatInstant } from '../../time/formatInstant.js';

/** Options of {@link scheduleFileSeats}. */
export interface ScheduleFileSeatsOptions {
  /** The schedule file as named in messages. */
  file: string;
  /** The validated shift rules: every shift type of the file must be one of theirs. */
  rules: Pick<ShiftRulesConfig, 'shiftTypes'>;
  /** Zone of the seat ids and of the horizon's days. */
  timeZone: string;
  /** The queue (skill) every seat serves. */
  queue: string;
  /** First and last local day (`yyyy-MM-dd`) of the requirement's horizon, and its file. */
  firstDay: string;
  lastDay: string;
  requirementFile: string;
}

/**
 * The seats of a `schedule.csv` read back by `readScheduleCsv` (the adapter `scheduleSeats` is for
 * a `ShiftSchedule`): one `RosterShift` per agent of each row (`count` seats), with the ids
 * `scheduleSeats` gives (`<type>-<start with offset>-<n>`), ordered by start then type, serving
 * `queue`. Paid minutes are the shift's real length minus its unpaid breaks, 0 for a shift type the
 * rules do not pay (as `scheduleShifts` counts them). O(seats).
 *
 * @internal
 * @throws StaffcastError `CSV_ROW` "`<file>:<line>:type: unknown shift type 'x' (known: ...)`" for
 *   a type the rules lack; "`<file>:<line>:start: <day> is outside the requirement's horizon (...)`"
 *   for a shift starting on a local day the requirement does not cover.
 * @example
 * scheduleFileSeats([{ line: 2, type: 'day', startMs: Date.UTC(2024, 0, 1, 8), endMs: Date.UTC(2024, 0, 1, 16),
 *   count: 2, breaks: [{ name: 'lunch', startMs: Date.UTC(2024, 0, 1, 12), minutes: 30, paid: false }] }],
 *   { file: 'schedule.csv', rules: { shiftTypes: [{ name: 'day', paid: true }] } as never, timeZone: 'UTC',
 *     queue: 'sales', firstDay: '2024-01-01', lastDay: '2024-01-07', requirementFile: 'req.csv' })
 *   .map((s) => [s.id, s.paidMinutes, s.queue]);
 * // [['day-2024-01-01T08:00:00Z-1', 450, 'sales'], ['day-2024-01-01T08:00:00Z-2', 450, 'sales']]
 */
export function scheduleFileSeats(
  shifts: readonly ScheduleCsvShift[],
  options: ScheduleFileSeatsOptions,
): RosterShift[] {
  const { file, timeZone, queue } = options;
  const types = new Map(options.rules.shiftTypes.map((t) => [t.name, t]));
  const rowError = (line: number, column: string, message: string): never => {
    throw new StaffcastError('CSV_ROW', `${file}:${line}:${column}: ${message}`, { file, row: line, column });
  };
  for (const s of shifts) {
    if (!types.has(s.type))
      rowError(s.line, 'type', `unknown shift type '${s.type}' (known: ${[...types.keys()].join(', ')})`);
    const day = formatInstant(s.startMs, timeZone).slice(0, 10);
    if (day < options.firstDay || day > options.lastDay)
      rowError(
        s.line,
        'start',
        `${day} is outside the requirement's horizon (${options.requirementFile}: ${options.firstDay} to ${options.lastDay})`,
      );
  }
  const sorted = [...shifts].sort(
    (p, q) => p.startMs - q.startMs || (p.type < q.type ? -1 : p.type > q.type ? 1 : 0),
  );
  const out: RosterShift[] = [];
  const used = new Map<string, number>();
  for (const s of sorted) {
    const unpaid = s.breaks.reduce((sum, b) => sum + (b.paid ? 0 : b.minutes), 0);
    const paidMinutes =
      types.get(s.type)?.paid === false ? 0 : Math.max(0, (s.endMs - s.startMs) / 60_000 - unpaid);
    const breaks = s.breaks.map((b) => ({
      name: b.name,
      startMs: b.startMs,
      durationMinutes: b.minutes,
      paid: b.paid,
    }));
    const key = `${s.type}-${formatInstant(s.startMs, timeZone)}`;
    for (let k = 0; k < s.count; k++) {
      const n = (used.get(key) ?? 0) + 1;
      used.set(key, n);
      out.push({
        id: `${key}-${n}`,
        shiftType: s.type,
        queue,
        startMs: s.startMs,
        endMs: s.endMs,
        paidMinutes,
        breaks,
      });
    }
  }
  return out;
}
