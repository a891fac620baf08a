import type { SlotCalendar } from '../scheduling/calendar.js';
import { breakPositions, forEachShiftSlot, generateCandidates } from '../scheduling/candidates.js';
import type { ShiftRulesConfig } from '../schemas/shiftRules.js';
import type { RosterBreak, RosterShift } from './types.js';

/**
 * The shifts `buildRoster` may give an agent, one per allowed shift and queue, with the grid slots
 * where its agent is on the phones (internal).
 *
 * @internal
 */
export interface CandidateShifts {
  /** One shift per candidate and queue, `queue` set (the skill it needs). */
  shifts: RosterShift[];
  /** Per shift: index of its queue in `queues`. */
  queueIndex: Int32Array;
  /** Per shift: the grid slots it covers on the phones (its breaks taken out), ascending. */
  slots: Int32Array[];
}

/**
 * Start offset (slots) of each break of a shift of `len` slots, in rule order: each break as near
 * the middle of its window (`breakPositions`; the earlier of two equally near) as the breaks before
 * it allow, overlapping none of them; a later break with no room moves an earlier one to its next
 * nearest position (depth-first, earlier breaks first). Undefined when no placement exists.
 * O(product of the positions) at worst, O(breaks x positions) in practice.
 *
 * @internal
 * @example
 * fixedBreakOffsets([{ name: 'lunch', durationMinutes: 60, earliestStartMinutes: 180, latestStartMinutes: 300,
 *   relativeTo: 'start', paid: false }], 8, 60); // [4]
 */
export function fixedBreakOffsets(
  breaks: ShiftRulesConfig['shiftTypes'][number]['breaks'],
  len: number,
  intervalMinutes: number,
): number[] | undefined {
  const durs = breaks.map((b) => b.durationMinutes / intervalMinutes);
  const order = breaks.map((rule) => {
    const positions = breakPositions(rule, len, intervalMinutes);
    const mid = ((positions[0] ?? 0) + (positions[positions.length - 1] ?? 0)) / 2;
    return positions.sort((p, q) => Math.abs(p - mid) - Math.abs(q - mid) || p - q);
  });
  const placed: number[] = [];
  const place = (b: number): boolean => {
    if (b === breaks.length) return true;
    const dur = durs[b] ?? 0;
    for (const o of order[b] ?? []) {
      if (!placed.every((p, k) => o + dur <= p || p + (durs[k] ?? 0) <= o)) continue;
      placed.push(o);
      if (place(b + 1)) return true;
      placed.pop();
    }
    return false;
  };
  return place(0) ? placed : undefined;
}

/**
 * Every shift the rules allow on the grid (`generateCandidates`: allowed weekdays, start times,
 * lengths, opening hours; DST-aware, night shifts across midnight, never past the horizon's end
 * wrapped: the roster's horizon is not cyclic), each break at a fixed position
 * (`fixedBreakOffsets`: as near the middle of its window as the others allow), once per queue of `queues` whose requirement
 * (`required[q]` per grid slot) it meets in at least one interval. Shift ids are
 * `<type>-<slot>-<length>-<queue>` (internal; `buildRoster` renames them per agent).
 * O(candidates x queues x length).
 *
 * @internal
 */
export function candidateShifts(
  cal: SlotCalendar,
  rules: ShiftRulesConfig,
  queues: readonly string[],
  required: readonly Float64Array[],
): CandidateShifts {
  const c = generateCandidates(cal, { ...rules, cyclicWeek: false }, { breakMethod: 'afterwards' });
  const iv = cal.intervalMinutes;
  const stepMs = iv * 60_000;
  const shifts: RosterShift[] = [];
  const queueIndex: number[] = [];
  const slots: Int32Array[] = [];
  const placements = new Map<string, number[] | undefined>();
  for (let j = 0; j < c.count; j++) {
    const st = rules.shiftTypes[c.type[j] ?? 0];
    const s = c.start[j] ?? 0;
    const len = c.lengthSlots[j] ?? 0;
    const startMs = cal.starts?.[s];
    if (st === undefined || startMs === undefined) continue;
    const key = `${c.type[j]}|${len}`;
    if (!placements.has(key)) placements.set(key, fixedBreakOffsets(st.breaks, len, iv));
    const offsets = placements.get(key);
    if (offsets === undefined) continue;
    const away = new Uint8Array(len);
    offsets.forEach((o, b) => {
      for (let i = o; i < o + (st.breaks[b]?.durationMinutes ?? 0) / iv; i++) away[i] = 1;
    });
    const on: number[] = [];
    forEachShiftSlot(c, j, (t, i) => {
      if (!away[i]) on.push(t);
    });
    const breaks: RosterBreak[] = offsets.map((o, b) => ({
      name: st.breaks[b]?.name ?? 'break',
      startMs: startMs + o * stepMs,
      durationMinutes: st.breaks[b]?.durationMinutes ?? 0,
      paid: st.breaks[b]?.paid ?? false,
    }));
    queues.forEach((queue, q) => {
      const req = required[q];
      if (req === undefined || !on.some((t) => (req[t] ?? 0) > 0)) return;
      shifts.push({
        id: `${st.name}-${s}-${len}-${queue}`,
        shiftType: st.name,
        queue,
        startMs,
        endMs: startMs + len * stepMs,
        paidMinutes: c.paidMinutes[j] ?? 0,
        breaks,
      });
      queueIndex.push(q);
      slots.push(Int32Array.from(on));
    });
  }
  return { shifts, queueIndex: Int32Array.from(queueIndex), slots };
}
