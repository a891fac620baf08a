import { StaffcastError } from '../errors.js';
import type { ShiftRulesConfig } from '../schemas/shiftRules.js';
import type { SlotCalendar } from './calendar.js';
import type { Candidates } from './candidates.js';

/**
 * Weekly tour patterns (implicit days-off model, internal): one variable per (group, work-day mask),
 * where a group is a (shift type, length) pair, so every tour has a fixed paid length per working
 * day and its weekly paid hours are exact. Start times may differ from day to day.
 */
export interface TourPatterns {
  count: number;
  group: Int32Array;
  /** Bit d set = the tour works horizon day d. */
  mask: Int32Array;
}

/**
 * True when the zero bits of `mask` (7 days) form one consecutive block (cyclic when asked).
 *
 * @example
 * daysOffTogether(0b0011111, 7, false); // true (works Mon-Fri, Sat and Sun off)
 * daysOffTogether(0b1011101, 7, false); // false (Tue and Sat off)
 * daysOffTogether(0b0111110, 7, true); // true (Sun and Mon off, cyclic week)
 */
export function daysOffTogether(mask: number, days: number, cyclic: boolean): boolean {
  let blocks = 0;
  for (let d = 0; d < days; d++) {
    const off = ((mask >> d) & 1) === 0;
    const prevOff =
      d === 0 ? (cyclic ? ((mask >> (days - 1)) & 1) === 0 : false) : ((mask >> (d - 1)) & 1) === 0;
    if (off && !prevOff) blocks++;
  }
  const allOff = mask === 0;
  return allOff || blocks <= 1;
}

/**
 * Enumerates the allowed tour patterns for the groups that have candidates.
 * Cost O(groups * 2^days).
 *
 * @throws StaffcastError `CONFIG` when the horizon is not exactly 7 days
 *
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { generateCandidates } from './candidates.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // 4..6 shifts a week (the defaults), days off together, cyclic week, one (type, length) group
 * const cal = slotCalendar({ intervalMinutes: 60, required: new Array(168).fill(1) });
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '09:00', latestStart: '09:00',
 *   lengthsMinutes: [480] }], tours: {}, cyclicWeek: true });
 * tourPatterns(generateCandidates(cal, rules, { breakMethod: 'explicit' }), cal, rules).count;
 * // 21 (7 with 1 day off + 7 with 2 + 7 with 3)
 */
export function tourPatterns(c: Candidates, cal: SlotCalendar, rules: ShiftRulesConfig): TourPatterns {
  const t = rules.tours;
  if (t === undefined) return { count: 0, group: new Int32Array(0), mask: new Int32Array(0) };
  if (cal.days !== 7)
    throw new StaffcastError(
      'CONFIG',
      `rules: tours need a requirement of exactly one week (got ${cal.days} days)`,
    );
  const used = new Uint8Array(c.groups.length);
  for (let j = 0; j < c.count; j++) used[c.group[j] ?? 0] = 1;
  const group: number[] = [];
  const mask: number[] = [];
  for (let g = 0; g < c.groups.length; g++) {
    if (!used[g]) continue;
    const paidHours = (c.groups[g]?.paidMinutes ?? 0) / 60;
    for (let m = 1; m < 1 << 7; m++) {
      let k = 0;
      for (let d = 0; d < 7; d++) k += (m >> d) & 1;
      if (k < t.minShiftsPerWeek || k > t.maxShiftsPerWeek) continue;
      if (t.consecutiveDaysOff && !daysOffTogether(m, 7, rules.cyclicWeek)) continue;
      const hours = k * paidHours;
      if (t.minPaidHoursPerWeek !== undefined && hours < t.minPaidHoursPerWeek - 1e-9) continue;
      if (t.maxPaidHoursPerWeek !== undefined && hours > t.maxPaidHoursPerWeek + 1e-9) continue;
      group.push(g);
      mask.push(m);
    }
  }
  return { count: group.length, group: Int32Array.from(group), mask: Int32Array.from(mask) };
}

/** One tour of a decomposed solution: the shift column worked on each working day. */
export interface TourAssignment {
  pattern: number;
  /** Shift column per horizon day, -1 on a day off. */
  columns: number[];
}

/**
 * Splits shift counts into tours: for each pattern copy, takes one shift of its group from each of
 * its working days (possible because the link rows make the day totals equal). Cost O(shifts).
 *
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { generateCandidates } from './candidates.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // one 09:00 shift a day (columns 0..6 = Mon..Sun); one Mon-Fri tour and one shift on each weekday
 * const cal = slotCalendar({ intervalMinutes: 60, required: new Array(168).fill(1) });
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '09:00', latestStart: '09:00',
 *   lengthsMinutes: [480] }], tours: {}, cyclicWeek: true });
 * const c = generateCandidates(cal, rules, { breakMethod: 'explicit' });
 * const patterns = tourPatterns(c, cal, rules);
 * const k = Array.from(patterns.mask).indexOf(0b0011111); // the Mon-Fri pattern
 * const w = Array.from(patterns.mask, (_, i) => (i === k ? 1 : 0));
 * decomposeTours(c, patterns, [1, 1, 1, 1, 1, 0, 0], w, 7); // [{ pattern: k, columns: [0, 1, 2, 3, 4, -1, -1] }]
 */
export function decomposeTours(
  c: Candidates,
  patterns: TourPatterns,
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  days: number,
): TourAssignment[] {
  const pools = new Map<number, number[]>();
  for (let j = 0; j < c.count; j++) {
    const cnt = Math.round(x[j] ?? 0);
    if (cnt <= 0) continue;
    const key = (c.group[j] ?? 0) * days + (c.day[j] ?? 0);
    const pool = pools.get(key) ?? [];
    for (let i = 0; i < cnt; i++) pool.push(j);
    pools.set(key, pool);
  }
  for (const pool of pools.values()) pool.sort((a, b) => (c.start[a] ?? 0) - (c.start[b] ?? 0));
  const out: TourAssignment[] = [];
  for (let p = 0; p < patterns.count; p++) {
    const cnt = Math.round(w[p] ?? 0);
    const g = patterns.group[p] ?? 0;
    const mask = patterns.mask[p] ?? 0;
    for (let i = 0; i < cnt; i++) {
      const columns: number[] = [];
      for (let d = 0; d < days; d++)
        columns.push((mask >> d) & 1 ? (pools.get(g * days + d)?.shift() ?? -1) : -1);
      out.push({ pattern: p, columns });
    }
  }
  return out;
}
