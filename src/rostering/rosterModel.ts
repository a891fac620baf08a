import type { MipModel } from '../scheduling/model.js';
import { binarySearch, lateTarget } from './rosterCheck.js';
import { compatible, type RosterProblem, weekOfDay } from './rosterProblem.js';
import type { ShiftGroup } from './shiftGroups.js';
import { weekPenaltyEnvelope } from './weekEnvelope.js';

/**
 * What `buildRosterModel`'s `extend` callback may use: add a column (its index back) or a row of
 * `[column, value]` terms, with the group columns (`RosterModel.groupCol`) to refer to (internal).
 *
 * @internal
 */
export interface RosterModelBuilder {
  addCol: (cost: number, lower: number, upper: number, integer: boolean) => number;
  addRow: (lower: number, upper: number, terms: [number, number][]) => number;
  groupCol: Int32Array;
}

/**
 * The roster MIP in HiGHS' `passModel` form (internal). Columns: x (agent works shift group,
 * binary, one per eligible pair, cost = wishes and preferences broken) | u (seats unfilled per
 * group) | hours and days short of each weekly minimum | weekend worked (binary) and weekends-off
 * shortfall per window | late shifts above the fair share | start bands (binary, with start-time
 * stability). Rows: seats `sum_a x + u = seats`; one shift a day; rest cliques between consecutive
 * days (`sum x <= 1` over shifts of day d ending within the rest of a start tau of day d + 1 and the
 * shifts of day d + 1 starting by tau: pairwise in conflict); weekly maximum and minimum paid minutes and
 * days; every `maxConsecutive + 1` days at most `maxConsecutive` shifts; weekend links and windows;
 * late shifts; start bands; most agents per shift type and day.
 *
 * @internal
 */
export interface RosterModel extends MipModel {
  /** Column of x[a][e] (agent a's e-th eligible shift): `xStart[a] + e`. */
  xStart: Int32Array;
  /**
   * Per shift group, its column: seats unfilled, or with `problem.openSeats` the agents working it
   * (`sum_a x - n = 0`, no seat limit).
   */
  groupCol: Int32Array;
  /** Builds a full start vector from a roster (group lists per agent). */
  startOf: (byAgent: readonly (readonly number[])[]) => Float64Array;
  /** The roster (group lists per agent) of a solution: the x columns above 0.5. */
  rosterOf: (x: ArrayLike<number>) => number[][];
}

/**
 * Builds the roster MIP of a problem (see `RosterModel`). Redundant rows (a week whose eligible
 * shifts cannot exceed the maximum, a day with one eligible shift) are left out. `extend`, when
 * given, adds its own columns and rows (e.g. `buildRoster`'s coverage rows) before the matrix is
 * assembled. Cost O(nonzeros).
 *
 * @internal
 */
export function buildRosterModel(
  problem: RosterProblem,
  extend?: (builder: RosterModelBuilder) => void,
): RosterModel {
  const pen = problem.penalties;
  const S = problem.shifts.length;
  const cols: { cost: number; lower: number; upper: number; integer: boolean }[] = [];
  const entries: number[][] = []; // per column: [row, value, row, value ...]
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const addCol = (cost: number, lower: number, upper: number, integer: boolean) => {
    cols.push({ cost, lower, upper, integer });
    entries.push([]);
    return cols.length - 1;
  };
  const addRow = (lower: number, upper: number, terms: [number, number][]) => {
    const r = rowLower.length;
    rowLower.push(lower);
    rowUpper.push(upper);
    for (const [c, v] of terms) entries[c]?.push(r, v);
    return r;
  };
  const xStart = new Int32Array(problem.agents.length + 1);
  problem.eligible.forEach((el, a) => {
    xStart[a] = cols.length;
    const co = problem.cost[a] as Float64Array;
    for (let e = 0; e < el.length; e++) addCol(co[e] ?? 0, 0, 1, true);
  });
  xStart[problem.agents.length] = cols.length;
  const open = problem.openSeats === true;
  const uCol = new Int32Array(S);
  const able = new Int32Array(S);
  for (const el of problem.eligible) for (const s of el) able[s] = (able[s] ?? 0) + 1;
  for (let s = 0; s < S; s++)
    uCol[s] = open
      ? addCol(0, 0, able[s] ?? 0, false)
      : addCol(pen.unfilledShift, 0, problem.shifts[s]?.seats.length ?? 0, false);
  // seats: sum_a x + u = seats, or open: sum_a x - n = 0
  const seatTerms: [number, number][][] = Array.from({ length: S }, (_, s) => [
    [uCol[s] ?? 0, open ? -1 : 1],
  ]);
  problem.eligible.forEach((el, a) => {
    el.forEach((s, e) => {
      seatTerms[s]?.push([(xStart[a] ?? 0) + e, 1]);
    });
  });
  seatTerms.forEach((terms, s) => {
    const n = open ? 0 : (problem.shifts[s]?.seats.length ?? 0);
    addRow(n, n, terms);
  });
  // per-type daily maxima
  const typeDay = new Map<string, [number, number][]>();
  problem.eligible.forEach((el, a) => {
    el.forEach((s, e) => {
      const g = problem.shifts[s] as ShiftGroup;
      const key = `${g.type}|${g.dayIndex}`;
      if (!problem.maxPerTypeDay.has(key)) return;
      const list = typeDay.get(key) ?? [];
      list.push([(xStart[a] ?? 0) + e, 1]);
      typeDay.set(key, list);
    });
  });
  for (const [key, terms] of typeDay) addRow(-Infinity, problem.maxPerTypeDay.get(key) ?? Infinity, terms);
  const target = lateTarget(problem);
  const weekendCols: Int32Array[] = [];
  const newDayCols: { agent: number; day: number; col: number }[] = [];
  const windowSlack: { col: number; terms: number[]; upper: number }[] = [];
  const lateCols = new Int32Array(problem.agents.length).fill(-1);
  const bandCols: { week: number; start: number; col: number }[][] = [];
  const shortCols: { week: number; hours: number; days: number }[][] = [];
  problem.agents.forEach((agent, a) => {
    const el = problem.eligible[a] as Int32Array;
    const x0 = xStart[a] ?? 0;
    const byDay: number[][] = Array.from({ length: problem.days }, () => []);
    el.forEach((s, e) => {
      byDay[problem.shifts[s]?.dayIndex ?? 0]?.push(e);
    });
    // y_d = the shifts of day d (at most one): a day column, or the day's only shift column
    const dayCol = new Int32Array(problem.days).fill(-1);
    byDay.forEach((list, d) => {
      if (list.length === 1) dayCol[d] = x0 + (list[0] ?? 0);
      else if (list.length > 1) {
        const y = addCol(0, 0, 1, false);
        dayCol[d] = y;
        newDayCols.push({ agent: a, day: d, col: y });
        addRow(0, 0, [...list.map((e): [number, number] => [x0 + e, 1]), [y, -1]]);
      }
    });
    // rest cliques between day d and d + 1: g conflicts with h when start_h < end_g + rest, so for
    // each start tau of day d + 1 the shifts of day d ending after tau - rest and the shifts of day
    // d + 1 starting by tau are pairwise in conflict (one row per distinct set of day-d shifts)
    const restMs = agent.minRestMinutes * 60_000;
    const shiftOf = (e: number) => problem.shifts[el[e] ?? 0] as ShiftGroup;
    for (let d = 0; d + 1 < problem.days; d++) {
      const today = byDay[d] ?? [];
      const next = [...(byDay[d + 1] ?? [])].sort((p, q) => shiftOf(p).startMs - shiftOf(q).startMs);
      if (today.length === 0 || next.length === 0) continue;
      const taus = [...new Set(next.map((h) => shiftOf(h).startMs))];
      const ending = (tau: number) => today.filter((g) => shiftOf(g).endMs + restMs > tau);
      taus.forEach((tau, i) => {
        const g = ending(tau);
        if (g.length === 0) return;
        const later = taus[i + 1];
        if (later !== undefined && ending(later).length === g.length) return; // dominated by the next
        const h = next.filter((f) => shiftOf(f).startMs <= tau);
        addRow(
          -Infinity,
          1,
          [...g, ...h].map((e): [number, number] => [x0 + e, 1]),
        );
      });
    }
    // shifts two days apart too close to each other (very long rests or shifts): pairwise
    el.forEach((s, e) => {
      const g = problem.shifts[s] as ShiftGroup;
      for (const f of byDay[g.dayIndex + 2] ?? [])
        if (!compatible(g, shiftOf(f), agent.minRestMinutes))
          addRow(-Infinity, 1, [
            [x0 + e, 1],
            [x0 + f, 1],
          ]);
    });
    // weeks
    const shorts: { week: number; hours: number; days: number }[] = [];
    for (let w = 0; w < problem.weeks; w++) {
      const list: number[] = [];
      for (let d = 7 * w; d < Math.min(problem.days, 7 * w + 7); d++) list.push(...(byDay[d] ?? []));
      const paid = (e: number) => problem.shifts[el[e] ?? 0]?.paidMinutes ?? 0;
      const dayCount = new Set(list.map((e) => problem.shifts[el[e] ?? 0]?.dayIndex)).size;
      let maxPaid = 0;
      for (let d = 7 * w; d < Math.min(problem.days, 7 * w + 7); d++)
        maxPaid += Math.max(0, ...(byDay[d] ?? []).map(paid));
      if (maxPaid > agent.maxPaidMinutesPerWeek)
        addRow(
          -Infinity,
          agent.maxPaidMinutesPerWeek,
          list.map((e) => [x0 + e, paid(e)]),
        );
      const ys: [number, number][] = [];
      for (let d = 7 * w; d < Math.min(problem.days, 7 * w + 7); d++)
        if ((dayCol[d] ?? -1) >= 0) ys.push([dayCol[d] ?? 0, 1]);
      if (dayCount > agent.maxDaysPerWeek) addRow(-Infinity, agent.maxDaysPerWeek, ys);
      if (!problem.fullWeek(w)) continue;
      const short = { week: w, hours: -1, days: -1 };
      if (agent.minPaidMinutesPerWeek > 0) {
        short.hours = addCol(pen.shortHour, 0, Infinity, false);
        addRow(agent.minPaidMinutesPerWeek, Infinity, [
          ...list.map((e): [number, number] => [x0 + e, paid(e)]),
          [short.hours, 60],
        ]);
      }
      if (agent.minDaysPerWeek > 0) {
        short.days = addCol(pen.shortDay, 0, Infinity, false);
        addRow(agent.minDaysPerWeek, Infinity, [...ys, [short.days, 1]]);
      }
      shorts.push(short);
      // the shortfall's convex envelope over the weeks the agent can work (valid, tightens the LP)
      const lengths = [...new Set(list.map(paid))];
      const envelope = weekPenaltyEnvelope({
        lengths,
        maxDays: Math.min(agent.maxDaysPerWeek, dayCount),
        minMinutes: agent.minPaidMinutesPerWeek,
        maxMinutes: agent.maxPaidMinutesPerWeek,
        minDays: agent.minDaysPerWeek,
        shortHour: pen.shortHour,
        shortDay: pen.shortDay,
      });
      for (const [alpha, perMinute, perDay] of envelope) {
        const terms: [number, number][] = [];
        if (short.hours >= 0) terms.push([short.hours, pen.shortHour]);
        if (short.days >= 0) terms.push([short.days, pen.shortDay]);
        if (perMinute !== 0) for (const e of list) terms.push([x0 + e, -perMinute * paid(e)]);
        if (perDay !== 0) for (const [c] of ys) terms.push([c, -perDay]);
        addRow(alpha, Infinity, mergeTerms(terms));
      }
    }
    shortCols.push(shorts);
    // days in a row
    const K = agent.maxConsecutiveDays;
    for (let d = 0; d + K < problem.days; d++) {
      let all = true;
      const terms: [number, number][] = [];
      for (let k = d; k <= d + K; k++) {
        if ((dayCol[k] ?? -1) < 0) all = false;
        else terms.push([dayCol[k] ?? 0, 1]);
      }
      if (all) addRow(-Infinity, K, terms);
    }
    // weekends: y_w >= every weekend-day shift of week w; windows of weeks
    const ww = new Int32Array(problem.weeks).fill(-1);
    if (problem.weekendWindows.length > 0) {
      for (let w = 0; w < problem.weeks; w++) {
        for (let d = 7 * w; d < Math.min(problem.days, 7 * w + 7); d++) {
          if (!problem.weekendDay[d] || (byDay[d] ?? []).length === 0) continue;
          if ((ww[w] ?? -1) < 0) ww[w] = addCol(0, 0, 1, true);
          addRow(-Infinity, 0, [
            [dayCol[d] ?? 0, 1],
            [ww[w] ?? 0, -1],
          ]);
        }
      }
      for (const [from, to, required] of problem.weekendWindows) {
        const terms: [number, number][] = [];
        for (let w = from; w < to; w++) if ((ww[w] ?? -1) >= 0) terms.push([ww[w] ?? 0, 1]);
        if (terms.length <= to - from - required) continue;
        const v = addCol(pen.weekendWorked, 0, Infinity, false);
        addRow(-Infinity, to - from - required, [...terms, [v, -1]]);
        windowSlack.push({ col: v, terms: terms.map(([c]) => c), upper: to - from - required });
      }
    }
    weekendCols.push(ww);
    // late shifts above the fair share
    const lateList = [...el.keys()].filter((e) => problem.late[el[e] ?? 0]);
    if (lateList.length > target) {
      const c = addCol(pen.lateExcess, 0, Infinity, false);
      lateCols[a] = c;
      addRow(-Infinity, target, [...lateList.map((e): [number, number] => [x0 + e, 1]), [c, -1]]);
    }
    // start-time stability: every start of a week within one band [b, b + V]
    const V = problem.maxStartVariationMinutes;
    const bands: { week: number; start: number; col: number }[] = [];
    if (V !== undefined)
      for (let w = 0; w < problem.weeks; w++) {
        const list: number[] = [];
        for (let d = 7 * w; d < Math.min(problem.days, 7 * w + 7); d++) list.push(...(byDay[d] ?? []));
        const startOf = (e: number) => problem.shifts[el[e] ?? 0]?.startMinuteOfDay ?? 0;
        const starts = [...new Set(list.map(startOf))].sort((p, q) => p - q);
        if (starts.length === 0 || (starts.at(-1) ?? 0) - (starts[0] ?? 0) <= V) continue;
        const mine = starts.map((start) => ({ week: w, start, col: addCol(0, 0, 1, true) }));
        bands.push(...mine);
        addRow(
          -Infinity,
          1,
          mine.map((b) => [b.col, 1]),
        );
        for (const e of list) {
          const st = startOf(e);
          addRow(-Infinity, 0, [
            [x0 + e, 1],
            ...mine
              .filter((b) => b.start <= st && st <= b.start + V)
              .map((b): [number, number] => [b.col, -1]),
          ]);
        }
      }
    bandCols.push(bands);
  });

  extend?.({ addCol, addRow, groupCol: uCol });
  const numCols = cols.length;
  const starts = new Int32Array(numCols + 1);
  let nnz = 0;
  for (const list of entries) nnz += list.length / 2;
  const rows = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  entries.forEach((list, c) => {
    const order: number[] = [];
    for (let i = 0; i < list.length; i += 2) order.push(i);
    order.sort((p, q) => (list[p] ?? 0) - (list[q] ?? 0));
    for (const i of order) {
      rows[k] = list[i] ?? 0;
      values[k] = list[i + 1] ?? 0;
      k++;
    }
    starts[c + 1] = k;
  });

  const startOf = (byAgent: readonly (readonly number[])[]): Float64Array => {
    const v = new Float64Array(numCols);
    const filled = new Int32Array(S);
    byAgent.forEach((list, a) => {
      const el = problem.eligible[a] as Int32Array;
      const agent = problem.agents[a];
      const x0 = xStart[a] ?? 0;
      const minutes = new Float64Array(problem.weeks);
      const days = new Float64Array(problem.weeks);
      const weekendWorked = new Uint8Array(problem.weeks);
      const weekStarts: number[][] = Array.from({ length: problem.weeks }, () => []);
      let late = 0;
      for (const s of list) {
        const e = binarySearch(el, s);
        if (e >= 0) v[x0 + e] = 1;
        filled[s] = (filled[s] ?? 0) + 1;
        const g = problem.shifts[s] as ShiftGroup;
        const w = weekOfDay(g.dayIndex);
        minutes[w] = (minutes[w] ?? 0) + g.paidMinutes;
        days[w] = (days[w] ?? 0) + 1;
        if (problem.weekendDay[g.dayIndex]) weekendWorked[w] = 1;
        weekStarts[w]?.push(g.startMinuteOfDay);
        if (problem.late[s]) late++;
      }
      if (agent === undefined) return;
      for (const sh of shortCols[a] ?? []) {
        if (sh.hours >= 0)
          v[sh.hours] = Math.max(0, agent.minPaidMinutesPerWeek - (minutes[sh.week] ?? 0)) / 60;
        if (sh.days >= 0) v[sh.days] = Math.max(0, agent.minDaysPerWeek - (days[sh.week] ?? 0));
      }
      const ww = weekendCols[a] as Int32Array;
      for (let w = 0; w < problem.weeks; w++) if ((ww[w] ?? -1) >= 0) v[ww[w] ?? 0] = weekendWorked[w] ?? 0;
      if ((lateCols[a] ?? -1) >= 0) v[lateCols[a] ?? 0] = Math.max(0, late - target);
      const V = problem.maxStartVariationMinutes ?? 0;
      const chosen = new Set<number>();
      for (const b of bandCols[a] ?? []) {
        const st = weekStarts[b.week] ?? [];
        if (chosen.has(b.week)) continue;
        if (st.every((m) => b.start <= m && m <= b.start + V)) {
          v[b.col] = 1;
          chosen.add(b.week);
        }
      }
    });
    for (const y of newDayCols)
      v[y.col] = (byAgent[y.agent] ?? []).some((s) => problem.shifts[s]?.dayIndex === y.day) ? 1 : 0;
    for (let s = 0; s < S; s++)
      v[uCol[s] ?? 0] = open
        ? (filled[s] ?? 0)
        : Math.max(0, (problem.shifts[s]?.seats.length ?? 0) - (filled[s] ?? 0));
    // weekend windows' shortfall: the rows' slack
    for (const w of windowSlack) {
      let sum = 0;
      for (const c of w.terms) sum += v[c] ?? 0;
      v[w.col] = Math.max(0, sum - w.upper);
    }
    return v;
  };

  return {
    numCols,
    numRows: rowLower.length,
    colCost: Float64Array.from(cols, (c) => c.cost),
    objectiveOffset: 0,
    colLower: Float64Array.from(cols, (c) => c.lower),
    colUpper: Float64Array.from(cols, (c) => c.upper),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: { starts, rows, values },
    integrality: Int32Array.from(cols, (c) => (c.integer ? 1 : 0)),
    xStart,
    groupCol: uCol,
    startOf,
    rosterOf: (x) =>
      problem.eligible.map((el, a) => {
        const x0 = xStart[a] ?? 0;
        return [...el].filter((_, e) => (x[x0 + e] ?? 0) > 0.5);
      }),
  };
}

/** Terms with one entry per column (a day's only shift is its day column too). */
function mergeTerms(terms: readonly [number, number][]): [number, number][] {
  const sum = new Map<number, number>();
  for (const [c, v] of terms) sum.set(c, (sum.get(c) ?? 0) + v);
  return [...sum].filter(([, v]) => v !== 0);
}
