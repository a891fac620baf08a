import { TZDate } from '@date-fns/tz';
import { StaffcastError } from '../errors.js';
import { type ShiftRulesConfig, WEEKDAYS } from '../schemas/shiftRules.js';
import type { SlotCalendar } from './calendar.js';

/**
 * Candidate shifts (the columns of the covering MIP), stored in typed arrays. Column j starts at
 * slot `start[j]`, lasts `lengthSlots[j]` slots and has breaks at slot offsets
 * `breakOffset[breakStart[j] .. breakStart[j+1]-1]` (one per break rule of its type, in rule order);
 * an offset of -1 means "placed after solving" (break method `afterwards`).
 */
export interface Candidates {
  count: number;
  type: Int32Array;
  start: Int32Array;
  lengthSlots: Int32Array;
  /** Cost in the objective: costPerPaidHour * paid hours (0 when the type is unpaid). */
  cost: Float64Array;
  paidMinutes: Float64Array;
  /** Tour group: one per (type, length). */
  group: Int32Array;
  /** Horizon day of the start slot. */
  day: Int32Array;
  breakStart: Int32Array;
  breakOffset: Int32Array;
  /** Per type and break rule: the allowed offsets for each length (afterwards placement). */
  groups: { type: number; lengthSlots: number; paidMinutes: number }[];
  /** Whether breaks are explicit columns. */
  explicitBreaks: boolean;
  /** True when explicit break positions were thinned to `maxBreakCombinations` (the model is then a restriction). */
  thinned: boolean;
  cyclic: boolean;
  slots: number;
}

/** Options of {@link generateCandidates}. */
export interface GenerateCandidatesOptions {
  /** Break columns: `'explicit'` (one column per break placement) or `'afterwards'`. */
  breakMethod: 'explicit' | 'afterwards';
  /** Most break-placement combinations per shift in explicit mode (default 48); positions are thinned evenly beyond it. */
  maxBreakCombinations?: number;
}

/**
 * Open flag per slot of the complete grid: by the opening hours when the rules have them (an
 * interval is open when it lies inside an open period of its local weekday), otherwise the
 * intervals present in the requirement. Cost O(n).
 *
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // 6-hour slots, Monday open 06:00-18:00
 * openSlots(slotCalendar({ intervalMinutes: 360, required: [0, 0, 0, 0] }), parseShiftRules({ shiftTypes: [{ name: 'd',
 *   earliestStart: '06:00', latestStart: '06:00', lengthsMinutes: [360] }],
 *   openingHours: { mon: [{ open: '06:00', close: '18:00' }] } })); // Uint8Array [0, 1, 1, 0]
 */
export function openSlots(cal: SlotCalendar, rules: ShiftRulesConfig): Uint8Array {
  const hours = rules.openingHours;
  if (hours === undefined) return Uint8Array.from(cal.present);
  const open = new Uint8Array(cal.slots);
  for (let i = 0; i < cal.slots; i++) {
    const periods = hours[WEEKDAYS[cal.weekday[i] ?? 0] ?? 'mon'] ?? [];
    const m = cal.minuteOfDay[i] ?? 0;
    for (const p of periods) if (m >= p.open && m + cal.intervalMinutes <= p.close) open[i] = 1;
  }
  return open;
}

/**
 * Slots a shift of `lengthMinutes` starting at grid slot `s` spans: with `starts` and not
 * `fixedDuration`, up to its wall-clock end (local start + length, via `TZDate`; a 22:00-06:00
 * shift spans 7 or 9 real hours on a DST night); otherwise `lengthMinutes / intervalMinutes`.
 * Cost O(1).
 *
 * @example
 * import { slotCalendar } from './calendar.js';
 * // Europe/Berlin, 25 Oct 2026 (clocks back at 03:00), a 480-minute shift from 22:00 the evening before
 * const starts = Array.from({ length: 108 }, (_, i) => Date.parse('2026-10-24T22:00:00+02:00') + i * 900_000);
 * const cal = slotCalendar({ intervalMinutes: 15, required: starts.map(() => 1), starts, timeZone: 'Europe/Berlin' });
 * shiftSpanSlots(cal, cal.rowSlot[0]!, 480, false); // 36 (9 real hours of 15 minutes)
 */
export function shiftSpanSlots(
  cal: SlotCalendar,
  s: number,
  lengthMinutes: number,
  fixedDuration: boolean,
): number {
  const iv = cal.intervalMinutes;
  const t = cal.starts?.[s];
  if (t === undefined || fixedDuration) return lengthMinutes / iv;
  const d = new TZDate(t, cal.timeZone);
  const end = new TZDate(
    d.getFullYear(),
    d.getMonth(),
    d.getDate(),
    d.getHours(),
    d.getMinutes() + lengthMinutes,
    cal.timeZone,
  ).getTime();
  return Math.max(1, Math.ceil((end - t) / (iv * 60_000) - 1e-9));
}

/**
 * Allowed break start offsets (slots) of one break rule in a shift of `len` slots.
 *
 * @example
 * // 30-min break starting 60..120 min after the start of a 4-hour shift on a 30-min grid
 * breakPositions({ name: 'b', durationMinutes: 30, earliestStartMinutes: 60, latestStartMinutes: 120,
 *   relativeTo: 'start', paid: false }, 8, 30); // [2, 3, 4]
 */
export function breakPositions(
  rule: ShiftRulesConfig['shiftTypes'][number]['breaks'][number],
  len: number,
  intervalMinutes: number,
): number[] {
  const base = rule.relativeTo === 'start' ? 0 : len * intervalMinutes;
  const dur = rule.durationMinutes / intervalMinutes;
  const out: number[] = [];
  const lo = Math.ceil((base + rule.earliestStartMinutes) / intervalMinutes);
  const hi = Math.floor((base + rule.latestStartMinutes) / intervalMinutes);
  for (let o = Math.max(lo, 0); o <= hi && o + dur <= len; o++) out.push(o);
  return out;
}

function thin(values: number[], keep: number): number[] {
  if (values.length <= keep) return values;
  const out: number[] = [];
  for (let i = 0; i < keep; i++) {
    const v = values[Math.round((i * (values.length - 1)) / Math.max(1, keep - 1))];
    if (v !== undefined && out[out.length - 1] !== v) out.push(v);
  }
  return out;
}

/**
 * Enumerates every allowed shift on the complete grid: each slot whose local weekday is allowed
 * and whose time of day is `earliestStart + k * startStepMinutes <= latestStart`, each allowed
 * length (spanning the real slots up to its wall-clock end, see {@link shiftSpanSlots}; paid
 * minutes = real minutes - unpaid breaks), every slot it spans open unless
 * `coverage.shiftsOutsideOpeningHours` (cyclic horizons wrap; on a non-cyclic horizon the part
 * after its end is not checked nor covered), and in explicit mode each break placement
 * combination (non-overlapping). Cost O(types * starts * lengths * combinations).
 *
 * @throws StaffcastError `CONFIG` when a length or break duration is not a multiple of the interval
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // one type, 08:00 or 09:00, 8 h, hourly grid over one day: 2 candidates
 * generateCandidates(slotCalendar({ intervalMinutes: 60, required: new Array(24).fill(1) }),
 *   parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '08:00', latestStart: '09:00',
 *   startStepMinutes: 60, lengthsMinutes: [480] }] }), { breakMethod: 'explicit' }).count; // 2
 */
export function generateCandidates(
  cal: SlotCalendar,
  rules: ShiftRulesConfig,
  options: GenerateCandidatesOptions,
): Candidates {
  const n = cal.slots;
  const iv = cal.intervalMinutes;
  const cyclic = rules.cyclicWeek;
  const open = openSlots(cal, rules);
  const outside = rules.coverage.shiftsOutsideOpeningHours;
  const explicit = options.breakMethod === 'explicit';
  const maxCombos = options.maxBreakCombinations ?? 48;
  const type: number[] = [];
  const start: number[] = [];
  const lengthSlots: number[] = [];
  const cost: number[] = [];
  const paid: number[] = [];
  const group: number[] = [];
  const day: number[] = [];
  const breakStart: number[] = [0];
  const breakOffset: number[] = [];
  const groups: Candidates['groups'] = [];
  let thinned = false;

  rules.shiftTypes.forEach((st, k) => {
    const lengths: number[] = [];
    if (st.lengthsMinutes !== undefined) lengths.push(...st.lengthsMinutes);
    else if (st.lengthMinutes !== undefined)
      for (let L = st.lengthMinutes.min; L <= st.lengthMinutes.max; L += st.lengthMinutes.step)
        lengths.push(L);
    for (const L of lengths)
      if (L % iv !== 0)
        throw new StaffcastError(
          'CONFIG',
          `rules: shiftTypes[${k}] (${st.name}): length ${L} min is not a multiple of the ${iv}-minute interval`,
        );
    for (const b of st.breaks)
      if (b.durationMinutes % iv !== 0)
        throw new StaffcastError(
          'CONFIG',
          `rules: shiftTypes[${k}] (${st.name}): break ${b.name} of ${b.durationMinutes} min is not a multiple of the ${iv}-minute interval`,
        );
    const days = new Set(st.days.map((d) => WEEKDAYS.indexOf(d)));
    const unpaidBreak = st.breaks.reduce((sum, b) => sum + (b.paid ? 0 : b.durationMinutes), 0);
    for (const L of lengths) {
      const g = groups.length;
      groups.push({ type: k, lengthSlots: L / iv, paidMinutes: st.paid ? Math.max(0, L - unpaidBreak) : 0 });
      // break placement combinations per real length in slots (a DST night changes it)
      const combosOf = new Map<number, number[][]>();
      const combinations = (len: number): number[][] => {
        const known = combosOf.get(len);
        if (known !== undefined) return known;
        const perBreak = st.breaks.map((b) => breakPositions(b, len, iv));
        let combos: number[][] = [[]];
        if (perBreak.some((p) => p.length === 0))
          combos = []; // the length cannot hold its breaks
        else if (explicit && st.breaks.length > 0) {
          // thin the longest position list, one position at a time, until the product fits
          const sizes = perBreak.map((p) => p.length);
          const product = () => sizes.reduce((a, b) => a * b, 1);
          while (product() > maxCombos) {
            const b = sizes.indexOf(Math.max(...sizes));
            if ((sizes[b] ?? 1) <= 1) break;
            sizes[b] = (sizes[b] ?? 1) - 1;
            thinned = true;
          }
          const lists = perBreak.map((p, b) => thin(p, sizes[b] ?? 1));
          for (let b = 0; b < lists.length; b++) {
            const dur = (st.breaks[b]?.durationMinutes ?? 0) / iv;
            const next: number[][] = [];
            for (const c of combos)
              for (const o of lists[b] ?? []) {
                const overlaps = c.some(
                  (p, q) => o < p + (st.breaks[q]?.durationMinutes ?? 0) / iv && p < o + dur,
                );
                if (!overlaps) next.push([...c, o]);
              }
            combos = next;
          }
        } else if (st.breaks.length > 0) combos = [st.breaks.map(() => -1)];
        combosOf.set(len, combos);
        return combos;
      };
      for (let s = 0; s < n; s++) {
        const m = cal.minuteOfDay[s] ?? 0;
        if (!days.has(cal.weekday[s] ?? -1) || m < st.earliestStart || m > st.latestStart) continue;
        if ((m - st.earliestStart) % st.startStepMinutes !== 0) continue;
        const len = shiftSpanSlots(cal, s, L, st.fixedDuration);
        // every interval the shift really spans is open (a non-cyclic horizon ends: no wrap)
        let ok = true;
        if (!outside)
          for (let i = 0; i < len && ok; i++) {
            const t = s + i;
            if (t < n) ok = open[t] === 1;
            else if (cyclic) ok = open[t % n] === 1;
            else break;
          }
        if (!ok) continue;
        const realMinutes = len * iv;
        const paidMinutes = st.paid ? Math.max(0, realMinutes - unpaidBreak) : 0;
        for (const c of combinations(len)) {
          type.push(k);
          start.push(s);
          lengthSlots.push(len);
          paid.push(paidMinutes);
          cost.push((st.costPerPaidHour * paidMinutes) / 60);
          group.push(g);
          day.push(cal.dayIndex[s] ?? 0);
          breakOffset.push(...c);
          breakStart.push(breakOffset.length);
        }
      }
    }
  });
  return {
    count: type.length,
    type: Int32Array.from(type),
    start: Int32Array.from(start),
    lengthSlots: Int32Array.from(lengthSlots),
    cost: Float64Array.from(cost),
    paidMinutes: Float64Array.from(paid),
    group: Int32Array.from(group),
    day: Int32Array.from(day),
    breakStart: Int32Array.from(breakStart),
    breakOffset: Int32Array.from(breakOffset),
    groups,
    explicitBreaks: explicit,
    thinned,
    cyclic,
    slots: n,
  };
}

/**
 * Calls `visit(slot, coefficient)` for every slot column j covers: 1 when working, 0 skipped on an
 * explicit break, and in afterwards mode `1 - P(on one of its breaks)` with breaks uniform over
 * their allowed positions. Slots past a non-cyclic horizon are skipped. Cost O(length).
 *
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // a 4-hour shift from 00:00 with an explicit 1-hour break at offset 1
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '00:00',
 *   lengthsMinutes: [240], breaks: [{ name: 'b', durationMinutes: 60, earliestStartMinutes: 60, latestStartMinutes: 60 }] }] });
 * const c = generateCandidates(slotCalendar({ intervalMinutes: 60, required: [1, 1, 1, 1, 1] }), rules,
 *   { breakMethod: 'explicit' });
 * const visits: number[][] = [];
 * forEachCoverage(c, rules, 60, 0, (slot, coefficient) => visits.push([slot, coefficient]));
 * visits; // [[0, 1], [1, 0], [2, 1], [3, 1]]
 */
export function forEachCoverage(
  c: Candidates,
  rules: ShiftRulesConfig,
  intervalMinutes: number,
  j: number,
  visit: (slot: number, coefficient: number, onShift: boolean) => void,
): void {
  const len = c.lengthSlots[j] ?? 0;
  const st = rules.shiftTypes[c.type[j] ?? 0];
  const b0 = c.breakStart[j] ?? 0;
  const b1 = c.breakStart[j + 1] ?? 0;
  const coef = new Float64Array(len).fill(1);
  for (let b = b0; b < b1; b++) {
    const rule = st?.breaks[b - b0];
    if (rule === undefined) continue;
    const dur = rule.durationMinutes / intervalMinutes;
    const o = c.breakOffset[b] ?? -1;
    if (o >= 0) for (let i = o; i < o + dur; i++) coef[i] = 0;
    else {
      const pos = breakPositions(rule, len, intervalMinutes);
      const p = 1 / pos.length;
      for (const q of pos) for (let i = q; i < q + dur; i++) coef[i] = (coef[i] ?? 0) - p;
    }
  }
  forEachShiftSlot(c, j, (t, i) => visit(t, Math.max(0, coef[i] ?? 0), true));
}

/**
 * Calls `visit(slot, offset)` for every slot of column j's shift, breaks included: slot = start +
 * offset, wrapped into the week when the horizon is cyclic; on a non-cyclic horizon the slots past
 * its end are left out. Cost O(length).
 *
 * @example
 * // a 3-slot shift from slot 670 of a cyclic 672-slot week: visit(670, 0), visit(671, 1), visit(0, 2)
 * import { slotCalendar } from './calendar.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // one 4-hour shift from 00:00 on an hourly day
 * const cal = slotCalendar({ intervalMinutes: 60, required: [1, 1, 1, 1, 1] });
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '00:00',
 *   lengthsMinutes: [240] }] });
 * const visits: number[][] = [];
 * forEachShiftSlot(generateCandidates(cal, rules, { breakMethod: 'explicit' }), 0, (s, o) => visits.push([s, o]));
 * visits; // [[0, 0], [1, 1], [2, 2], [3, 3]]
 */
export function forEachShiftSlot(
  c: Candidates,
  j: number,
  visit: (slot: number, offset: number) => void,
): void {
  const s = c.start[j] ?? 0;
  const len = c.lengthSlots[j] ?? 0;
  for (let i = 0; i < len; i++) {
    let t = s + i;
    if (t >= c.slots) {
      if (!c.cyclic) break;
      t %= c.slots;
    }
    visit(t, i);
  }
}
