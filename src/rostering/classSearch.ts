import type { MipSolveResult } from '../scheduling/solveMip.js';
import { rosterObjective, rosterViolations } from './rosterCheck.js';
import type { RosterModel } from './rosterModel.js';
import { type RosterWindow, rosterWindows, unfilledWindows, windowModel } from './rosterNeighbourhood.js';
import type { RosterProblem } from './rosterProblem.js';
import { type RosterRelaxation, restrictToDaysAndLengths } from './rosterRelaxation.js';

/**
 * Most eligible agent-class columns of one window of the shift-class search: two weeks of all 100
 * agents of the bench (about 9,300), which HiGHS proves optimal in 6 to 10 s. @internal
 */
export const CLASS_WINDOW_MAX_COLUMNS = 12_000;

/**
 * Days of a window of the shift-class search: two weeks, so that a window holds a whole
 * weekends-off window of the usual "one free weekend in two" (week windows of all 100 agents of
 * the bench reach only 13,264 after two passes, two-week windows 13,046 after one). @internal
 */
export const CLASS_WINDOW_DAYS = 14;

/**
 * Relative gap of a window of the shift-class search: a window of the bench is worth about 6,500,
 * so the default roster gap (1e-3) would stop it 6.5 units short, which adds up over the windows.
 * @internal
 */
export const CLASS_WINDOW_GAP = 1e-4;

/**
 * Most eligible agent-shift columns of one window that realises the class roster (a week of the
 * original problem restricted to the class roster's days and lengths): a week of all 100 agents of
 * the bench has 10,300 to 12,300, each proven optimal in 1.4 to 2.7 s (8.8 s for the four weeks,
 * against 21.5 s for one MIP over the whole horizon). @internal
 */
export const REALISE_WINDOW_MAX_COLUMNS = 16_000;

/**
 * Most eligible agent-shift columns of a window repairing a seat the realisation leaves empty
 * (`unfilledWindows`): a week of about 16 agents of the bench, like the roster MIP's own windows.
 * @internal
 */
export const REPAIR_WINDOW_MAX_COLUMNS = 3_000;

/** How `searchShiftClasses` runs a MIP (the caller's accounting of work, time and stops). @internal */
export type RosterMipRun = (
  model: RosterModel,
  seconds: number,
  start: Float64Array,
  options: { workLimit?: number; relativeGap?: number; rootLpMethod?: 'simplex' | 'ipm' },
) => Promise<MipSolveResult>;

/** Options of `searchShiftClasses`. @internal */
export interface ShiftClassSearchOptions {
  /** Work budget of all the class windows together, in simplex iterations. */
  workLimit: number;
  /** Seconds left of the caller's wall-clock safety net. */
  secondsLeft: () => number;
  run: RosterMipRun;
}

/** What `searchShiftClasses` found. @internal */
export interface ShiftClassSearchResult {
  /** A real roster (the groups per agent) realising the best class roster; undefined without one. */
  byAgent: number[][] | undefined;
  /** Objective of the best class roster (in the relaxation). */
  classObjective: number;
  /** Whether the wall-clock safety net cut the search short. */
  stoppedByTime: boolean;
}

/**
 * A large-neighbourhood search on the shift-class relaxation, turned back into a real roster
 * (internal). The relaxation (`relaxRosterProblem`: a day's shifts of one queue, length and late
 * flag are one class) is about a fifth of the roster MIP, so a window of it holds every agent for
 * two weeks (`CLASS_WINDOW_DAYS`, agents in blocks under `CLASS_WINDOW_MAX_COLUMNS`), where the
 * roster MIP's windows hold a week of a sixth of the agents: a pass over the horizon from day 0,
 * then one from day 7 whose windows straddle the first pass's boundaries, each window a MIP over
 * the classes of its agents and days with everything else fixed (`windowModel`), kept when it
 * lowers the relaxation's objective, until the work budget is spent. The best class roster is
 * then realised by a MIP over the original problem restricted to its days and shift lengths
 * (`restrictToDaysAndLengths`, root LP by interior point, from the empty roster): the same working
 * days and paid minutes, so the same weekly shortfalls when every class can be realised, with the
 * queue, start and late flag of a day free, since the relaxation judges rest and eligibility on
 * the most favourable shift of a class. A seat the realisation still leaves empty gets a window
 * of its week with the agents who may take it (`unfilledWindows`, those free that day first),
 * kept when it lowers the real objective. The caller checks the roster against every hard rule
 * and the real objective. 100 agents x 4 weeks of the bench: the heuristic's 14,149 becomes 13,046.1
 * as classes after about 20 s and 13,040.1 after 31 s, realised at 13,040.1 in 8.8 s; 75
 * agents: 7,959.8 as classes, realised at 9,025.8 with one seat empty (a Saturday 06:00 four-hour
 * shift), 8,006.8 after the repair windows.
 * Deterministic for the same budgets. O(windows x window MIP + the restricted MIP).
 *
 * @internal
 */
export async function searchShiftClasses(
  problem: RosterProblem,
  relaxation: RosterRelaxation,
  byAgent: readonly (readonly number[])[],
  options: ShiftClassSearchOptions,
): Promise<ShiftClassSearchResult> {
  const classProblem = relaxation.problem;
  let classes = byAgent.map((list) => list.map((s) => relaxation.classOf[s] ?? 0));
  const startObjective = rosterObjective(classProblem, classes).objective;
  let classObjective = startObjective;
  let used = 0;
  let stoppedByTime = false;
  const passes = [0, Math.floor(CLASS_WINDOW_DAYS / 2)].map(
    (firstDay) => () => rosterWindows(classProblem, CLASS_WINDOW_MAX_COLUMNS, 0, CLASS_WINDOW_DAYS, firstDay),
  );
  search: for (const pass of passes)
    for (const window of pass()) {
      if (used >= options.workLimit) break search;
      if (options.secondsLeft() <= 0) {
        stoppedByTime = true;
        break search;
      }
      const found = await betterInWindow(
        classProblem,
        { roster: classes, objective: classObjective },
        window,
        options,
        {
          workLimit: options.workLimit - used,
          relativeGap: CLASS_WINDOW_GAP,
        },
      );
      used += found.lpIterations;
      classes = found.roster;
      classObjective = found.objective;
    }
  if (classObjective >= startObjective - 1e-9) return { byAgent: undefined, classObjective, stoppedByTime };
  if (options.secondsLeft() <= 0) return { byAgent: undefined, classObjective, stoppedByTime: true };
  // realised a week (and a block of agents) at a time, from the empty roster: the class roster
  // fixes each agent's days and lengths, so the weeks hardly interact (rest across a Sunday night)
  const restricted = restrictToDaysAndLengths(problem, relaxation, classes);
  let real: number[][] = restricted.agents.map(() => []);
  for (const window of rosterWindows(restricted, REALISE_WINDOW_MAX_COLUMNS)) {
    if (options.secondsLeft() <= 0) return { byAgent: undefined, classObjective, stoppedByTime: true };
    const sub = windowModel(restricted, real, window);
    const mip = await options.run(sub.model, options.secondsLeft(), sub.start, {
      relativeGap: CLASS_WINDOW_GAP,
    });
    if (mip.x !== undefined) real = sub.rosterOf(mip.x);
  }
  // seats the realisation leaves empty (the class roster may not be realisable: the relaxation
  // judges rest on a class's most favourable shift): a week of the agents who may take each one
  let repaired = { roster: real, objective: rosterObjective(problem, real).objective };
  for (const window of unfilledWindows(problem, real, REPAIR_WINDOW_MAX_COLUMNS)) {
    if (options.secondsLeft() <= 0) {
      stoppedByTime = true;
      break;
    }
    repaired = await betterInWindow(problem, repaired, window, options, {});
  }
  return { byAgent: repaired.roster, classObjective, stoppedByTime };
}

/**
 * The roster a window's MIP finds (`windowModel`, everything outside the window fixed) when it
 * keeps every hard rule of `problem` and lowers its objective, else `current`; with the MIP's
 * simplex iterations.
 */
async function betterInWindow(
  problem: RosterProblem,
  current: { roster: number[][]; objective: number },
  window: RosterWindow,
  options: ShiftClassSearchOptions,
  runOptions: Parameters<RosterMipRun>[3],
): Promise<{ roster: number[][]; objective: number; lpIterations: number }> {
  const sub = windowModel(problem, current.roster, window);
  const mip = await options.run(sub.model, options.secondsLeft(), sub.start, runOptions);
  const lpIterations = mip.lpIterations;
  if (mip.x === undefined) return { ...current, lpIterations };
  const next = sub.rosterOf(mip.x);
  const objective = rosterObjective(problem, next).objective;
  return objective < current.objective - 1e-9 && rosterViolations(problem, next).length === 0
    ? { roster: next, objective, lpIterations }
    : { ...current, lpIterations };
}
