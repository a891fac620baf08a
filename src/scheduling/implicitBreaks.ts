import type { ShiftRulesConfig } from '../schemas/shiftRules.js';
import type { SlotCalendar } from './calendar.js';
import { breakPositions, type Candidates } from './candidates.js';
import type { CoveringModel } from './model.js';
import type { ShiftInstance } from './placeBreaks.js';

/**
 * One break class of the implicit model: the break rules (of any shift type) with the same
 * duration and the same allowed start offsets relative to the shift start. Shift j of the class
 * has the window `[start_j + first, start_j + last]` (unwrapped slots): all windows are
 * translations of each other, so no window strictly contains another (no "extraordinary
 * overlap"), first-in-first-out service is optimal, and the break counts per time below can
 * always be matched to shifts.
 */
export interface BreakClass {
  durationSlots: number;
  /** First and last allowed start offset (slots from the shift start). */
  first: number;
  last: number;
  /** Unwrapped slot of each break column of this class (ascending). */
  times: Int32Array;
  /** Model column of the break count b_tau at `times[i]`; the queue y_tau is the next column. */
  columnOf: Int32Array;
  /** (shift column, break rule index) pairs in this class. */
  members: { column: number; rule: number }[];
}

/** The implicit-break model: the covering model plus break columns and queue rows. */
export interface ImplicitBreakModel extends CoveringModel {
  breakClasses: BreakClass[];
}

/**
 * Builds the implicit break model (Bechtold & Jacobs 1990; Aykin 1996 for the break windows)
 * from a covering model whose candidates leave break positions open (`afterwards` mode):
 * shift columns x_j cover every slot of the shift, and per break class k and unwrapped slot tau
 * an integer b_{k,tau} counts the breaks starting at tau, subtracted from the coverage of the
 * slots it lasts. The forward/backward conditions of Bechtold & Jacobs are written as a
 * first-in-first-out queue (sparse, O(window) nonzeros per row instead of cumulative sums):
 * y_tau = y_{tau-1} + (shifts whose window opens at tau) - b_tau with y_tau >= 0 (no break before
 * its window: backward) and y_tau <= (shifts whose window opened in the last `last - first`
 * slots) (no window closes unserved: forward). On the bench week with tours: 2 break classes
 * (307 and 231 break times), 2,716 columns (903 shifts, 672 under, 65 tours, 1,076 break and queue)
 * and 35,805 nonzeros, against 16,832 columns and 487,243 nonzeros with explicit break columns.
 * Cost O(nonzeros + classes * slots).
 *
 * @returns undefined when two break rules of one shift type can overlap (the classes would not
 *   be independent), so the caller falls back to another break method
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { generateCandidates } from './candidates.js';
 * import { buildCoveringModel } from './model.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // 8 hourly slots, 8-hour shifts starting at slots 0 or 1, a 1-hour break 2..3 hours after the start:
 * // one class, times [2, 3, 4]: 2 shift + 8 under + 6 break/queue columns
 * const cal = slotCalendar({ intervalMinutes: 60, required: [1, 1, 1, 1, 1, 1, 1, 1] });
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '01:00',
 *   startStepMinutes: 60, lengthsMinutes: [480], breaks: [{ name: 'b', durationMinutes: 60,
 *   earliestStartMinutes: 120, latestStartMinutes: 180 }] }], cyclicWeek: true });
 * const c = generateCandidates(cal, rules, { breakMethod: 'implicit' });
 * implicitBreakModel(buildCoveringModel(c, cal, rules), c, cal, rules)?.numCols; // 16
 */
export function implicitBreakModel(
  base: CoveringModel,
  c: Candidates,
  cal: SlotCalendar,
  rules: ShiftRulesConfig,
): ImplicitBreakModel | undefined {
  const n = cal.slots;
  const iv = cal.intervalMinutes;
  const po = rules.coverage.overPenaltyPerAgentInterval;
  // classes by (duration, positions); reject overlapping break windows within a shift
  const classIndex = new Map<string, number>();
  const specs: { durationSlots: number; first: number; last: number; members: BreakClass['members'] }[] = [];
  const classOfShift: number[][] = [];
  for (let j = 0; j < c.count; j++) {
    const st = rules.shiftTypes[c.type[j] ?? 0];
    const len = c.lengthSlots[j] ?? 0;
    const ks: number[] = [];
    const spans: [number, number][] = [];
    for (const [b, rule] of (st?.breaks ?? []).entries()) {
      const pos = breakPositions(rule, len, iv);
      const first = pos[0] ?? 0;
      const last = pos[pos.length - 1] ?? 0;
      const dur = rule.durationMinutes / iv;
      for (const [a, z] of spans) if (first < z && a < last + dur) return undefined;
      spans.push([first, last + dur]);
      const key = `${dur}|${first}|${last}`;
      let k = classIndex.get(key);
      if (k === undefined) {
        k = specs.length;
        classIndex.set(key, k);
        specs.push({ durationSlots: dur, first, last, members: [] });
      }
      specs[k]?.members.push({ column: j, rule: b });
      ks.push(k);
    }
    classOfShift.push(ks);
  }
  // columns: base columns, then per class b_tau, y_tau for each tau in the union of windows
  const horizon = n + Math.max(0, ...Array.from(c.lengthSlots)) + 1;
  const classes: BreakClass[] = [];
  let col = base.numCols;
  let row = base.numRows;
  const balanceRow0: number[] = [];
  const expiryRow0: number[] = [];
  const rowOfTime: Int32Array[] = [];
  for (const s of specs) {
    const inUnion = new Uint8Array(horizon);
    for (const m of s.members) {
      const st = c.start[m.column] ?? 0;
      for (let t = st + s.first; t <= st + s.last; t++) inUnion[t] = 1;
    }
    const times: number[] = [];
    inUnion.forEach((v, t) => {
      if (v) times.push(t);
    });
    const columnOf = new Int32Array(times.length);
    const index = new Int32Array(horizon).fill(-1);
    times.forEach((t, i) => {
      columnOf[i] = col;
      col += 2;
      index[t] = i;
    });
    balanceRow0.push(row);
    row += times.length;
    expiryRow0.push(row);
    row += times.length;
    rowOfTime.push(index);
    classes.push({ ...s, times: Int32Array.from(times), columnOf });
  }
  const numCols = col;
  const numRows = row;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(Infinity);
  const integrality = new Int32Array(numCols);
  colCost.set(base.colCost);
  colLower.set(base.colLower);
  colUpper.set(base.colUpper);
  integrality.set(base.integrality);
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  rowLower.set(base.rowLower);
  rowUpper.set(base.rowUpper);
  classes.forEach((k, ki) => {
    const e0 = expiryRow0[ki] ?? 0;
    for (let i = 0; i < k.times.length; i++) rowLower[e0 + i] = -Infinity;
  });
  const slotOf = (t: number): number => (t < n ? t : c.cyclic ? t % n : -1);

  const starts = new Int32Array(numCols + 1);
  const rows: number[] = [];
  const values: number[] = [];
  const { matrix } = base;
  const entry = new Map<number, number>();
  for (let j = 0; j < base.numCols; j++) {
    if (j < c.count) {
      // full coverage of every slot of the shift, then the base's other rows, then queue rows
      const s = c.start[j] ?? 0;
      const len = c.lengthSlots[j] ?? 0;
      entry.clear();
      let covered = 0;
      for (let i = 0; i < len; i++) {
        const t = slotOf(s + i);
        if (t < 0) continue;
        entry.set(t, (entry.get(t) ?? 0) + 1);
        covered++;
      }
      for (const t of [...entry.keys()].sort((a, b) => a - b)) {
        rows.push(t);
        values.push(entry.get(t) ?? 0);
      }
      for (let e = matrix.starts[j] ?? 0; e < (matrix.starts[j + 1] ?? 0); e++)
        if ((matrix.rows[e] ?? 0) >= n) {
          rows.push(matrix.rows[e] ?? 0);
          values.push(matrix.values[e] ?? 0);
        }
      colCost[j] = (base.shiftCost[j] ?? 0) + po * covered;
      for (const ki of (classOfShift[j] ?? []).toSorted((a, b) => a - b)) {
        const k = classes[ki];
        const idx = rowOfTime[ki];
        if (k === undefined || idx === undefined) continue;
        const open = idx[s + k.first] ?? 0;
        rows.push((balanceRow0[ki] ?? 0) + open);
        values.push(-1);
        for (let t = s + k.first; t < s + k.last; t++) {
          rows.push((expiryRow0[ki] ?? 0) + (idx[t] ?? 0));
          values.push(-1);
        }
      }
    } else {
      for (let e = matrix.starts[j] ?? 0; e < (matrix.starts[j + 1] ?? 0); e++) {
        rows.push(matrix.rows[e] ?? 0);
        values.push(matrix.values[e] ?? 0);
      }
    }
    starts[j + 1] = rows.length;
  }
  // break and queue columns, class by class
  classes.forEach((k, ki) => {
    const idx = rowOfTime[ki];
    const b0 = balanceRow0[ki] ?? 0;
    const e0 = expiryRow0[ki] ?? 0;
    for (let i = 0; i < k.times.length; i++) {
      const t = k.times[i] ?? 0;
      const bc = k.columnOf[i] ?? 0;
      // b_tau: -1 in each covered slot, +1 in the balance row
      entry.clear();
      let covered = 0;
      for (let d = 0; d < k.durationSlots; d++) {
        const slot = slotOf(t + d);
        if (slot < 0) continue;
        entry.set(slot, (entry.get(slot) ?? 0) - 1);
        covered++;
      }
      for (const slot of [...entry.keys()].sort((a, b) => a - b)) {
        rows.push(slot);
        values.push(entry.get(slot) ?? 0);
      }
      rows.push(b0 + i);
      values.push(1);
      starts[bc + 1] = rows.length;
      colCost[bc] = -po * covered;
      integrality[bc] = 1;
      // y_tau: +1 in balance(tau), -1 in balance(tau + 1) when tau + 1 is in the union, +1 in expiry(tau)
      rows.push(b0 + i);
      values.push(1);
      const next = idx?.[t + 1] ?? -1;
      if (next >= 0) {
        rows.push(b0 + next);
        values.push(-1);
      }
      rows.push(e0 + i);
      values.push(1);
      starts[bc + 2] = rows.length;
    }
  });
  return {
    ...base,
    numCols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    integrality,
    matrix: { starts, rows: Int32Array.from(rows), values: Float64Array.from(values) },
    breakClasses: classes,
  };
}

/**
 * Matches the break counts of an implicit-model solution to individual shifts: per class, the
 * shifts sorted by start take the break times in ascending order (first in, first out), which is
 * feasible whenever the queue rows hold. Cost O(agents log agents + columns).
 *
 * @returns one instance per agent with its break offsets, or undefined when a matched break
 *   falls outside its window (an inexact solution), so the caller can place breaks instead
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { generateCandidates } from './candidates.js';
 * import { buildCoveringModel } from './model.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // shifts starting at slots 0 and 1, break window offsets 2..3, solution: two breaks at slot 3
 * const cal = slotCalendar({ intervalMinutes: 60, required: [1, 1, 1, 1, 1, 1, 1, 1] });
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '01:00',
 *   startStepMinutes: 60, lengthsMinutes: [480], breaks: [{ name: 'b', durationMinutes: 60,
 *   earliestStartMinutes: 120, latestStartMinutes: 180 }] }], cyclicWeek: true });
 * const c = generateCandidates(cal, rules, { breakMethod: 'implicit' });
 * const m = implicitBreakModel(buildCoveringModel(c, cal, rules), c, cal, rules)!;
 * const k = m.breakClasses[0]!;
 * const v = new Float64Array(m.numCols);
 * v[k.columnOf[k.times.indexOf(3)]!] = 2;
 * recoverBreaks(m, c, [1, 1], v); // [{ column: 0, breakOffsets: [3] }, { column: 1, breakOffsets: [2] }]
 */
export function recoverBreaks(
  model: ImplicitBreakModel,
  c: Candidates,
  x: ArrayLike<number>,
  solution: ArrayLike<number>,
): ShiftInstance[] | undefined {
  const instances: ShiftInstance[] = [];
  const byColumn: number[][] = [];
  for (let j = 0; j < c.count; j++) {
    const ids: number[] = [];
    const nb = (c.breakStart[j + 1] ?? 0) - (c.breakStart[j] ?? 0);
    for (let a = 0; a < Math.round(x[j] ?? 0); a++) {
      ids.push(instances.length);
      instances.push({ column: j, breakOffsets: new Array<number>(nb).fill(-1) });
    }
    byColumn.push(ids);
  }
  for (const k of model.breakClasses) {
    const queue: { start: number; instance: number; rule: number }[] = [];
    for (const m of k.members)
      for (const id of byColumn[m.column] ?? [])
        queue.push({ start: c.start[m.column] ?? 0, instance: id, rule: m.rule });
    queue.sort((p, q) => p.start - q.start);
    let q = 0;
    for (let i = 0; i < k.times.length; i++) {
      const t = k.times[i] ?? 0;
      const count = Math.round(solution[k.columnOf[i] ?? 0] ?? 0);
      for (let r = 0; r < count; r++) {
        const item = queue[q++];
        if (item === undefined) return undefined;
        const offset = t - item.start;
        if (offset < k.first || offset > k.last) return undefined;
        const inst = instances[item.instance];
        if (inst !== undefined) inst.breakOffsets[item.rule] = offset;
      }
    }
    if (q !== queue.length) return undefined;
  }
  return instances;
}

/**
 * Dense start vector of the implicit model for agents with placed breaks: x, under-coverage of
 * the real net coverage, tour counts, break counts per time and the queue lengths. Cost
 * O(columns + agents * shift length).
 *
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { generateCandidates } from './candidates.js';
 * import { buildCoveringModel } from './model.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // required 1 in each of 8 hourly slots; shifts at slots 0 and 1 with their breaks at slot 3 cover slot 0
 * const cal = slotCalendar({ intervalMinutes: 60, required: [1, 1, 1, 1, 1, 1, 1, 1] });
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '01:00',
 *   startStepMinutes: 60, lengthsMinutes: [480], breaks: [{ name: 'b', durationMinutes: 60,
 *   earliestStartMinutes: 120, latestStartMinutes: 180 }] }], cyclicWeek: true });
 * const c = generateCandidates(cal, rules, { breakMethod: 'implicit' });
 * const m = implicitBreakModel(buildCoveringModel(c, cal, rules), c, cal, rules)!;
 * const instances = [{ column: 0, breakOffsets: [3] }, { column: 1, breakOffsets: [2] }];
 * implicitStart(m, c, cal, rules, instances, [])?.[m.shiftColumns]; // 0 (under-coverage of slot 0)
 */
export function implicitStart(
  model: ImplicitBreakModel,
  c: Candidates,
  cal: SlotCalendar,
  rules: ShiftRulesConfig,
  instances: ShiftInstance[],
  w: ArrayLike<number>,
): Float64Array | undefined {
  const n = cal.slots;
  const iv = cal.intervalMinutes;
  const v = new Float64Array(model.numCols);
  const net = new Float64Array(n);
  const slotOf = (t: number): number => (t < n ? t : c.cyclic ? t % n : -1);
  const classKey = new Map<string, number>();
  model.breakClasses.forEach((k, ki) => {
    for (const m of k.members) classKey.set(`${m.column}|${m.rule}`, ki);
  });
  const counts = model.breakClasses.map(() => new Map<number, number>());
  for (const inst of instances) {
    const j = inst.column;
    const s = c.start[j] ?? 0;
    v[j] = (v[j] ?? 0) + 1;
    for (let i = 0; i < (c.lengthSlots[j] ?? 0); i++) {
      const t = slotOf(s + i);
      if (t >= 0) net[t] = (net[t] ?? 0) + 1;
    }
    const st = rules.shiftTypes[c.type[j] ?? 0];
    for (const [b, o] of inst.breakOffsets.entries()) {
      const ki = classKey.get(`${j}|${b}`);
      if (ki === undefined || o < 0) return undefined;
      const map = counts[ki];
      map?.set(s + o, (map.get(s + o) ?? 0) + 1);
      for (let d = 0; d < (st?.breaks[b]?.durationMinutes ?? 0) / iv; d++) {
        const t = slotOf(s + o + d);
        if (t >= 0) net[t] = (net[t] ?? 0) - 1;
      }
    }
  }
  for (let t = 0; t < n; t++) v[model.shiftColumns + t] = Math.max(0, (cal.required[t] ?? 0) - (net[t] ?? 0));
  for (let p = 0; p < w.length; p++) v[model.tourOffset + p] = w[p] ?? 0;
  model.breakClasses.forEach((k, ki) => {
    const opens = new Map<number, number>();
    for (const m of k.members) {
      const t = (c.start[m.column] ?? 0) + k.first;
      opens.set(t, (opens.get(t) ?? 0) + (v[m.column] ?? 0));
    }
    let y = 0;
    let prev = -2;
    for (let i = 0; i < k.times.length; i++) {
      const t = k.times[i] ?? 0;
      if (t !== prev + 1) y = 0;
      const b = counts[ki]?.get(t) ?? 0;
      y += (opens.get(t) ?? 0) - b;
      v[k.columnOf[i] ?? 0] = b;
      v[(k.columnOf[i] ?? 0) + 1] = y;
      prev = t;
    }
  });
  return v;
}
