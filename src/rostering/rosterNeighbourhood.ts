import { buildRosterModel, type RosterModel } from './rosterModel.js';
import type { RosterProblem } from './rosterProblem.js';

/** A part of a roster to re-solve: the days `[fromDay, toDay)` of the agents `agents` (internal). @internal */
export interface RosterWindow {
  fromDay: number;
  toDay: number;
  agents: readonly number[];
}

/**
 * The windows of a large-neighbourhood search over a roster (internal): weeks in order, and within
 * a week blocks of consecutive agents small enough that a block's eligible shifts in the week stay
 * under `maxColumns` (whole weeks when the team fits). Deterministic. O(agents x eligible).
 *
 * @internal
 */
export function rosterWindows(problem: RosterProblem, maxColumns: number): RosterWindow[] {
  const out: RosterWindow[] = [];
  for (let w = 0; w < problem.weeks; w++) {
    const fromDay = 7 * w;
    const toDay = Math.min(problem.days, fromDay + 7);
    let block: number[] = [];
    let columns = 0;
    problem.eligible.forEach((el, a) => {
      let n = 0;
      for (const s of el) {
        const d = problem.shifts[s]?.dayIndex ?? -1;
        if (d >= fromDay && d < toDay) n++;
      }
      if (block.length > 0 && columns + n > maxColumns) {
        out.push({ fromDay, toDay, agents: block });
        block = [];
        columns = 0;
      }
      block.push(a);
      columns += n;
    });
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
      window.agents.forEach((a, k) => {
        const x0 = model.xStart[k] ?? 0;
        out[a] = [...(eligible[k] ?? [])].filter((_, e) => (x[x0 + e] ?? 0) > 0.5);
      });
      return out;
    },
  };
}
