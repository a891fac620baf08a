import { localDate, localDayNumber, localMinuteOfDay } from '../time/localCalendar.js';
import type { RosterShift } from './types.js';

/**
 * Seats with the same type, queue, start, end and paid minutes: one group the solver fills with
 * `seats.length` different agents (internal).
 *
 * @internal
 */
export interface ShiftGroup {
  index: number;
  type: string;
  queue: string | undefined;
  startMs: number;
  endMs: number;
  paidMinutes: number;
  /** Indexes of the group's seats in the seat list, in order. */
  seats: number[];
  /** Horizon day of the start in the roster's zone (0 = the first local day). */
  dayIndex: number;
  /** Local date and `HH:MM` start in the roster's zone. */
  date: string;
  startTime: string;
  /** Local minute of the day of the start in the roster's zone. */
  startMinuteOfDay: number;
}

const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');

/**
 * Groups seats into identical shifts, ordered by start, type and end; days are counted in
 * `timeZone` from the local day of `horizonStartMs` (default: the first seat's start). O(n log n).
 *
 * @internal
 * @example
 * const seat = (id: string) => ({ id, shiftType: 'day', startMs: Date.UTC(2024, 0, 2, 8),
 *   endMs: Date.UTC(2024, 0, 2, 16), paidMinutes: 480, breaks: [] });
 * shiftGroups([seat('a'), seat('b')], 'UTC', Date.UTC(2024, 0, 1)).map((g) => [g.dayIndex, g.seats]);
 * // [[1, [0, 1]]]
 */
export function shiftGroups(
  seats: readonly RosterShift[],
  timeZone: string,
  horizonStartMs?: number,
): ShiftGroup[] {
  const byKey = new Map<string, number[]>();
  seats.forEach((s, i) => {
    const key = `${s.startMs}|${s.shiftType}|${s.endMs}|${s.queue ?? ''}|${s.paidMinutes}`;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [i]);
    else list.push(i);
  });
  const first = horizonStartMs ?? Math.min(...seats.map((s) => s.startMs));
  const day0 = seats.length === 0 ? 0 : localDayNumber(first, timeZone);
  const groups = [...byKey.values()].map((list) => {
    const s = seats[list[0] ?? 0] as RosterShift;
    const minute = localMinuteOfDay(s.startMs, timeZone);
    return {
      index: 0,
      type: s.shiftType,
      queue: s.queue,
      startMs: s.startMs,
      endMs: s.endMs,
      paidMinutes: s.paidMinutes,
      seats: list,
      dayIndex: localDayNumber(s.startMs, timeZone) - day0,
      date: localDate(s.startMs, timeZone),
      startTime: `${pad(minute / 60)}:${pad(minute % 60)}`,
      startMinuteOfDay: minute,
    };
  });
  groups.sort(
    (p, q) =>
      p.startMs - q.startMs ||
      (p.type < q.type ? -1 : p.type > q.type ? 1 : 0) ||
      p.endMs - q.endMs ||
      ((p.queue ?? '') < (q.queue ?? '') ? -1 : (p.queue ?? '') > (q.queue ?? '') ? 1 : 0),
  );
  groups.forEach((g, i) => {
    g.index = i;
  });
  return groups;
}
