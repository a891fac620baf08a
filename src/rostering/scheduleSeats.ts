import { StaffcastError } from '../errors.js';
import type { ShiftSchedule } from '../scheduling/scheduleShifts.js';
import { formatInstant } from '../time/formatInstant.js';
import type { RosterShift } from './types.js';

/**
 * The seats of a schedule: one `RosterShift` per agent a shift group needs (`count` seats of
 * identical shifts), on the real clock, with `queue` set when given (the skill an agent needs to
 * work it). Seat ids are `<type>-<start with offset>-<n>` (n = 1..count), unique in the horizon;
 * seats are ordered by start, then type. The schedule must be built on the real clock (from a
 * requirement with `interval_start`), so every shift has its start and end instants. O(seats).
 *
 * @throws StaffcastError `INVALID_INPUT` when a shift or a break has no start instant.
 * @example
 * const schedule = { timeZone: 'UTC', shifts: [{ type: 'day', day: 'mon', dayIndex: 0, startSlot: 8,
 *   startTime: '08:00', endTime: '16:00', startMs: Date.UTC(2024, 0, 1, 8), endMs: Date.UTC(2024, 0, 1, 16),
 *   lengthMinutes: 480, paidMinutes: 450, breaks: [], count: 2 }] };
 * scheduleSeats(schedule, 'sales').map((s) => s.id);
 * // ['day-2024-01-01T08:00:00Z-1', 'day-2024-01-01T08:00:00Z-2']
 */
export function scheduleSeats(
  schedule: Pick<ShiftSchedule, 'shifts' | 'timeZone'>,
  queue?: string,
): RosterShift[] {
  const shifts = [...schedule.shifts].sort(
    (p, q) => (p.startMs ?? 0) - (q.startMs ?? 0) || (p.type < q.type ? -1 : p.type > q.type ? 1 : 0),
  );
  const out: RosterShift[] = [];
  const used = new Map<string, number>();
  for (const s of shifts) {
    if (s.startMs === undefined || s.endMs === undefined)
      throw new StaffcastError(
        'INVALID_INPUT',
        `scheduleSeats: shift ${s.type} ${s.day} ${s.startTime} has no start instant; roster a schedule built on the real clock (a requirement with interval_start)`,
      );
    const breaks = s.breaks.map((b) => {
      if (b.startMs === undefined)
        throw new StaffcastError(
          'INVALID_INPUT',
          `scheduleSeats: break ${b.name} of shift ${s.type} ${s.day} ${s.startTime} has no start instant`,
        );
      return { name: b.name, startMs: b.startMs, durationMinutes: b.durationMinutes, paid: b.paid };
    });
    const key = `${s.type}-${formatInstant(s.startMs, schedule.timeZone)}`;
    for (let k = 0; k < s.count; k++) {
      const n = (used.get(key) ?? 0) + 1;
      used.set(key, n);
      const seat: RosterShift = {
        id: `${key}-${n}`,
        shiftType: s.type,
        startMs: s.startMs,
        endMs: s.endMs,
        paidMinutes: s.paidMinutes,
        breaks,
      };
      if (queue !== undefined) seat.queue = queue;
      out.push(seat);
    }
  }
  return out;
}
