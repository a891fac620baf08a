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

/**
 * The roster MIP of one window (internal): the window's agents may work any eligible shift on the
 * window's days; every other shift of the roster `byAgent` is fixed (its column's lower bound 1)
 * and nothing else is open, so the model's rosters are the current one changed inside the window
 * only, and the current one is its start (`model.startOf(byAgent)`). The model counts late shifts
 * above the fair share of its own, restricted problem: callers judge its rosters by the original
 * objective (`rosterObjective`). O(nonzeros).
 *
 * @internal
 */
export function windowModel(
  problem: RosterProblem,
  byAgent: readonly (readonly number[])[],
  window: RosterWindow,
): { problem: RosterProblem; model: RosterModel } {
  const open = new Uint8Array(problem.agents.length);
  for (const a of window.agents) open[a] = 1;
  const eligible: Int32Array[] = [];
  const cost: Float64Array[] = [];
  const fixed: number[][] = [];
  problem.eligible.forEach((el, a) => {
    const mine = new Set(byAgent[a] ?? []);
    const keep: number[] = [];
    const pinned: number[] = [];
    el.forEach((s, e) => {
      const d = problem.shifts[s]?.dayIndex ?? -1;
      const inside = open[a] === 1 && d >= window.fromDay && d < window.toDay;
      if (inside || mine.has(s)) {
        if (!inside) pinned.push(keep.length);
        keep.push(e);
      }
    });
    eligible.push(Int32Array.from(keep, (e) => el[e] ?? 0));
    cost.push(Float64Array.from(keep, (e) => problem.cost[a]?.[e] ?? 0));
    fixed.push(pinned);
  });
  const restricted: RosterProblem = { ...problem, eligible, cost };
  const model = buildRosterModel(restricted);
  fixed.forEach((list, a) => {
    for (const e of list) model.colLower[(model.xStart[a] ?? 0) + e] = 1;
  });
  return { problem: restricted, model };
}
