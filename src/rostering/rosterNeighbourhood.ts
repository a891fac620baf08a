import { buildRosterModel, type RosterModel } from './rosterModel.js';
import type { RosterProblem } from './rosterProblem.js';

/** A part of a roster to re-solve: the days `[fromDay, toDay)` of the agents `agents` (internal). @internal */
export interface RosterWindow {
  fromDay: number;
  toDay: number;
  agents: readonly number[];
}

/**
 * The windows of a large-neighbourhood search over a roster (internal): spans of `spanDays` days
 * in order (default 7: the horizon weeks; 1: single days, where the whole team fits in one window
 * and the day's shifts can change hands between any agents), and within a span blocks of
 * consecutive agents small enough that a block's eligible shifts in the span stay under
 * `maxColumns` (the whole team when it fits). The agents are taken in input order from the
 * `offset`-th, wrapping round (default 0): a second pass with another offset mixes the blocks
 * differently. The spans start at `firstDay` (default 0; e.g. half a span, for a pass whose spans
 * straddle the first pass's boundaries; days before it are in no window). Deterministic.
 * O(agents x eligible).
 *
 * @internal
 */
export function rosterWindows(
  problem: RosterProblem,
  maxColumns: number,
  offset = 0,
  spanDays = 7,
  firstDay = 0,
): RosterWindow[] {
  const out: RosterWindow[] = [];
  const A = problem.agents.length;
  const order = Array.from({ length: A }, (_, k) => (k + offset) % Math.max(1, A));
  for (let fromDay = Math.max(0, firstDay); fromDay < problem.days; fromDay += spanDays) {
    const toDay = Math.min(problem.days, fromDay + spanDays);
    let block: number[] = [];
    let columns = 0;
    for (const a of order) {
      const n = columnsIn(problem, a, fromDay, toDay);
      if (block.length > 0 && columns + n > maxColumns) {
        out.push({ fromDay, toDay, agents: block });
        block = [];
        columns = 0;
      }
      block.push(a);
      columns += n;
    }
    if (block.length > 0) out.push({ fromDay, toDay, agents: block });
  }
  return out;
}

/** The MIP of one window of a roster (`windowModel`) and how its solutions read back (internal). @internal */
export interface WindowModel {
  /** The window's problem: its agents only, the seats the other agents hold taken out. */
  problem: RosterProblem;
  model: RosterModel;
  /** The current roster as the model's start. */
  start: Float64Array;
  /** The whole roster of a solution of the model: the window's agents' shifts from it, the others' unchanged. */
  rosterOf: (x: Float64Array) => number[][];
}

/**
 * The roster MIP of one window (internal): only the window's agents are in it, and they may work
 * any eligible shift on the window's days; their other shifts in the roster `byAgent` are fixed
 * (their columns' lower bound 1), and the seats and the most agents per shift type and day that
 * the other agents use are taken out, so the model's rosters are the current one changed inside
 * the window only, and the current one is its start. Its size follows the window, not the team.
 * The model counts late shifts above the fair share of its own problem: callers judge its rosters
 * by the original objective (`rosterObjective`). O(roster + the window's nonzeros).
 *
 * @internal
 */
export function windowModel(
  problem: RosterProblem,
  byAgent: readonly (readonly number[])[],
  window: RosterWindow,
): WindowModel {
  const open = new Uint8Array(problem.agents.length);
  for (const a of window.agents) open[a] = 1;
  const heldByOthers = new Int32Array(problem.shifts.length);
  const typeDayOthers = new Map<string, number>();
  byAgent.forEach((list, a) => {
    if (open[a] === 1) return;
    for (const s of list) {
      heldByOthers[s] = (heldByOthers[s] ?? 0) + 1;
      const g = problem.shifts[s];
      const key = `${g?.type}|${g?.dayIndex}`;
      typeDayOthers.set(key, (typeDayOthers.get(key) ?? 0) + 1);
    }
  });
  const eligible: Int32Array[] = [];
  const cost: Float64Array[] = [];
  const fixed: number[][] = [];
  for (const a of window.agents) {
    const el = problem.eligible[a] as Int32Array;
    const mine = new Set(byAgent[a] ?? []);
    const keep: number[] = [];
    const pinned: number[] = [];
    el.forEach((s, e) => {
      const d = problem.shifts[s]?.dayIndex ?? -1;
      const inside = d >= window.fromDay && d < window.toDay;
      if (inside || mine.has(s)) {
        if (!inside) pinned.push(keep.length);
        keep.push(e);
      }
    });
    eligible.push(Int32Array.from(keep, (e) => el[e] ?? 0));
    cost.push(Float64Array.from(keep, (e) => problem.cost[a]?.[e] ?? 0));
    fixed.push(pinned);
  }
  const maxPerTypeDay = new Map<string, number>();
  for (const [key, max] of problem.maxPerTypeDay) maxPerTypeDay.set(key, max - (typeDayOthers.get(key) ?? 0));
  const restricted: RosterProblem = {
    ...problem,
    shifts: problem.shifts.map((g) => ({
      ...g,
      seats: g.seats.slice(0, g.seats.length - (heldByOthers[g.index] ?? 0)),
    })),
    agents: window.agents.map((a) => problem.agents[a] as RosterProblem['agents'][number]),
    eligible,
    cost,
    maxPerTypeDay,
  };
  const model = buildRosterModel(restricted);
  fixed.forEach((list, k) => {
    for (const e of list) model.colLower[(model.xStart[k] ?? 0) + e] = 1;
  });
  return {
    problem: restricted,
    model,
    start: model.startOf(window.agents.map((a) => byAgent[a] ?? [])),
    rosterOf: (x) => {
      const out = byAgent.map((list) => [...list]);
      const mine = model.rosterOf(x);
      window.agents.forEach((a, k) => {
        out[a] = mine[k] ?? [];
      });
      return out;
    },
  };
}

/**
 * The leading agents of `candidates` whose eligible shifts on the days `[fromDay, toDay)` stay
 * within `maxColumns` together (the first always), stopping at the first that would pass it.
 */
function leadingUnder(
  problem: RosterProblem,
  candidates: readonly number[],
  fromDay: number,
  toDay: number,
  maxColumns: number,
): number[] {
  const agents: number[] = [];
  let columns = 0;
  for (const a of candidates) {
    const c = columnsIn(problem, a, fromDay, toDay);
    if (agents.length > 0 && columns + c > maxColumns) break;
    agents.push(a);
    columns += c;
  }
  return agents;
}

/** Eligible shifts of agent `a` on the days `[fromDay, toDay)`. */
function columnsIn(problem: RosterProblem, a: number, fromDay: number, toDay: number): number {
  let n = 0;
  for (const s of problem.eligible[a] ?? []) {
    const d = problem.shifts[s]?.dayIndex ?? -1;
    if (d >= fromDay && d < toDay) n++;
  }
  return n;
}

/**
 * Windows aimed at the weekends-off windows a roster leaves short (internal): for every agent who
 * works more weekends in a window than it allows, and every week of it whose weekend the agent
 * works, that week with the agent and the agents best placed to take the weekend over: those who
 * may work one of its weekend shifts and work neither that weekend nor the weekends either side,
 * then those who work neither that weekend nor one side, then the others who do not work it, each
 * group in input order, until the window's eligible shifts would pass `maxColumns`. The MIP of
 * such a window can hand the weekend to another agent and give the agent that agent's weekdays
 * back, which one-shift moves and the agent blocks of `rosterWindows` rarely find. Duplicates
 * (same week and agents) are left out. Deterministic. O(short windows x agents x eligible).
 *
 * @internal
 */
export function weekendWindows(
  problem: RosterProblem,
  byAgent: readonly (readonly number[])[],
  maxColumns: number,
): RosterWindow[] {
  const W = problem.weeks;
  const worksWeekend = byAgent.map((list) => {
    const out = new Uint8Array(W + 2);
    for (const s of list) {
      const g = problem.shifts[s];
      if (g !== undefined && problem.weekendDay[g.dayIndex]) out[Math.floor(g.dayIndex / 7) + 1] = 1;
    }
    return out; // index week + 1, so weeks -1 and W read 0
  });
  const worked = (a: number, w: number) => worksWeekend[a]?.[w + 1] ?? 0;
  const out: RosterWindow[] = [];
  const seen = new Set<string>();
  byAgent.forEach((_, a) => {
    for (const [from, to, required] of problem.weekendWindows) {
      let n = 0;
      for (let w = from; w < to; w++) n += worked(a, w);
      if (n <= to - from - required) continue;
      for (let w = from; w < to; w++) {
        if (worked(a, w) === 0) continue;
        const fromDay = 7 * w;
        const toDay = Math.min(problem.days, fromDay + 7);
        const weekendShifts = new Set<number>();
        for (const s of problem.eligible[a] ?? []) {
          const d = problem.shifts[s]?.dayIndex ?? -1;
          if (d >= fromDay && d < toDay && problem.weekendDay[d]) weekendShifts.add(s);
        }
        const able = (b: number) => (problem.eligible[b] ?? []).some((s) => weekendShifts.has(s));
        const rank = (b: number) =>
          worked(b, w) === 1
            ? 3
            : worked(b, w - 1) + worked(b, w + 1) === 0
              ? 0
              : worked(b, w - 1) + worked(b, w + 1) === 1
                ? 1
                : 2;
        const partners = byAgent
          .map((__, b) => b)
          .filter((b) => b !== a && able(b) && rank(b) < 3)
          .sort((p, q) => rank(p) - rank(q) || p - q);
        const agents = leadingUnder(problem, [a, ...partners], fromDay, toDay, maxColumns);
        const key = `${w}|${[...agents].sort((p, q) => p - q).join(',')}`;
        if (agents.length > 1 && !seen.has(key)) {
          seen.add(key);
          out.push({ fromDay, toDay, agents });
        }
      }
    }
  });
  return out;
}

/**
 * Windows aimed at the seats a roster leaves empty (internal): for every shift group with fewer
 * agents than seats, in group order, the horizon week holding it with the agents who may work it:
 * first those with no shift that day (they can take it without giving anything up), then those
 * who work that day, each group in input order, until the window's eligible shifts would pass
 * `maxColumns`. The MIP of such a window can move the seat to an agent free that day, or shift
 * the agents of that day round so that one of them can take it. Duplicates (same week and agents)
 * are left out. Deterministic. O(empty groups x agents x eligible).
 *
 * @internal
 */
export function unfilledWindows(
  problem: RosterProblem,
  byAgent: readonly (readonly number[])[],
  maxColumns: number,
): RosterWindow[] {
  const held = new Int32Array(problem.shifts.length);
  const worksDay = byAgent.map((list) => {
    const days = new Set<number>();
    for (const s of list) {
      held[s] = (held[s] ?? 0) + 1;
      days.add(problem.shifts[s]?.dayIndex ?? -1);
    }
    return days;
  });
  const out: RosterWindow[] = [];
  const seen = new Set<string>();
  for (const g of problem.shifts) {
    if ((held[g.index] ?? 0) >= g.seats.length) continue;
    const fromDay = 7 * Math.floor(g.dayIndex / 7);
    const toDay = Math.min(problem.days, fromDay + 7);
    const able = byAgent.map((_, a) => a).filter((a) => problem.eligible[a]?.includes(g.index));
    const free = able.filter((a) => !worksDay[a]?.has(g.dayIndex));
    const busy = able.filter((a) => worksDay[a]?.has(g.dayIndex));
    const agents = leadingUnder(problem, [...free, ...busy], fromDay, toDay, maxColumns);
    const key = `${fromDay}|${[...agents].sort((p, q) => p - q).join(',')}`;
    if (agents.length > 0 && !seen.has(key)) {
      seen.add(key);
      out.push({ fromDay, toDay, agents });
    }
  }
  return out;
}
