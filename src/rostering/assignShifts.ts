import { StaffcastError } from '../errors.js';
import {
  defaultWorkLimit,
  type MipSolveResult,
  type MipStop,
  type SolveCoveringMipOptions,
  solveCoveringMip,
} from '../scheduling/solveMip.js';
import { buildRosterProblem } from './buildRosterProblem.js';
import { searchShiftClasses } from './classSearch.js';
import { explainUnfilled } from './explainUnfilled.js';
import { greedyRoster, RosterState } from './greedyRoster.js';
import { improveRoster } from './improveRoster.js';
import { rosterObjective, rosterViolations } from './rosterCheck.js';
import { buildRosterModel, type RosterModel } from './rosterModel.js';
import { type RosterWindow, rosterWindows, weekendWindows, windowModel } from './rosterNeighbourhood.js';
import type { RosterPenalties } from './rosterProblem.js';
import { relaxRosterProblem, restrictToClasses } from './rosterRelaxation.js';
import { rosterStats } from './rosterStats.js';
import { rosterSolveInfo, rosterTotals } from './rosterSummary.js';
import type { Agent, Roster, RosterAssignment, RosterRules, RosterShift, UnfilledShift } from './types.js';

/** Local search moves per seat by default (`AssignShiftsOptions.moveBudget`). @internal */
export const MOVES_PER_SEAT = 200;

/**
 * Largest roster MIP (columns: eligible agent-shift pairs) `assignShifts` solves whole after the
 * windows: 25 agents x 4 weeks of the bench have 5,982; 100 agents 69,931 (461,440 nonzeros), whose
 * root LP HiGHS does not finish in 120 s (dual simplex; 43 s with the interior point method), so
 * larger teams are solved window by window only. @internal
 */
export const FULL_MIP_MAX_COLUMNS = 20_000;

/**
 * Most eligible agent-shift columns of one window of the large-neighbourhood search (`rosterWindows`):
 * a week of about 16 agents of the bench, which HiGHS proves optimal in seconds (a week of all 100
 * agents, about 21,000 columns, does not finish its root in 60 s). @internal
 */
export const WINDOW_MAX_COLUMNS = 3_000;

/**
 * Default work budget of the whole window search in simplex iterations per seat (all windows
 * together; `AssignShiftsOptions.workLimit` replaces it): 100 agents x 4 weeks of the bench need
 * about 40,000 for one pass over their 24 windows, proven optimal each in 700 to 2,700. @internal
 */
export const WINDOW_WORK_PER_SEAT = 50;

/**
 * Work budget of the relaxation's MIP in simplex iterations per row and column of its model (at
 * least `RELAX_WORK_FLOOR`), unless `AssignShiftsOptions.workLimit` is given: 100 agents x 4 weeks
 * of the bench prove the relaxation's optimum (13,030.06, bound 13,027.3) after 93,042 of their
 * 120,595. @internal
 */
export const RELAX_WORK_PER_ENTRY = 5;
/** Least work budget of the relaxation's MIP (see `RELAX_WORK_PER_ENTRY`). @internal */
export const RELAX_WORK_FLOOR = 20_000;

/**
 * Largest roster MIP (eligible agent-shift columns) on which `assignShifts` runs the shift-class
 * search (`searchShiftClasses`) before the windows: 100 agents x 4 weeks of the bench have 69,931;
 * 500 agents about 350,000, whose class windows and restricted MIP would take most of the time
 * the windows make better use of. @internal
 */
export const CLASS_SEARCH_MAX_COLUMNS = 100_000;

/**
 * Default work budget of the shift-class search's windows in simplex iterations per seat
 * (`AssignShiftsOptions.workLimit` replaces it): 100 agents x 4 weeks of the bench (1,610 seats)
 * use about 85,000 for their four windows. @internal
 */
export const CLASS_WORK_PER_SEAT = 60;

/**
 * Share of `AssignShiftsOptions.timeLimitSeconds` kept for after the MIPs (the roster checked,
 * read back and explained): the MIPs end by 99% of the net, so that 500 agents end within their
 * 300 s net (302 s in all before). @internal
 */
export const WRAP_UP_SHARE = 0.01;

/** Options of {@link assignShifts}. */
export interface AssignShiftsOptions {
  /** IANA zone of the roster's days, weeks and weekends (the schedule's zone). */
  timeZone: string;
  /** An instant in the first local day of the horizon (default: the first shift's start). */
  horizonStartMs?: number | undefined;
  /** `false`: the heuristic only (repair heuristic and local search), no MIP (default true). */
  useSolver?: boolean | undefined;
  /**
   * Deterministic budget of the local search after the repair heuristic (`improveRoster`), in
   * candidate moves evaluated; 0 turns it off. Default `MOVES_PER_SEAT` (200) per seat.
   */
  moveBudget?: number | undefined;
  /**
   * Deterministic work budget in simplex iterations (`solveCoveringMip`) of the relaxation's MIP,
   * of all the shift-class windows together, of all the windows together, and of each other MIP:
   * the same roster on every machine and load. Default `defaultWorkLimit` of each other MIP,
   * `RELAX_WORK_PER_ENTRY` (5) per row and column of the relaxation, `CLASS_WORK_PER_SEAT` (60)
   * per seat for the shift-class windows and `WINDOW_WORK_PER_SEAT` (50) per seat for the windows.
   */
  workLimit?: number | undefined;
  /**
   * Wall-clock safety net of the whole call in seconds, counted from its start (default 60: the
   * heuristic first, which has its own work budget; then on small teams the relaxation up to a
   * third, the windows up to two thirds and the whole roster MIP the rest; on teams too large for
   * the whole roster MIP the relaxation all of it, and side by side with it the shift-class search
   * then the windows; each MIP gets at
   * least 1 s; the MIPs end by 99% of it, `WRAP_UP_SHARE`, the rest left for reading the roster
   * back); a roster stopped by it depends on machine load
   * (`stoppedBy: 'time'`; windows it leaves out count as stopped by it).
   */
  timeLimitSeconds?: number | undefined;
  /**
   * Relative MIP gap at which HiGHS stops (default 1e-3: a roster objective is thousands of
   * penalty units, and the last 0.1% costs HiGHS minutes on a team of 25).
   */
  relativeGap?: number | undefined;
  /** Weights of the soft goals (defaults: unfilled seat 1000, hour short 10, day short 20, weekend 30, late 5). */
  penalties?: Partial<RosterPenalties> | undefined;
}

/** The roster {@link assignShifts} returns, with how the search ended. */
export interface AssignedRoster extends Roster {
  /** Objective of the heuristic's roster (repair heuristic, then local search: the MIP's start). */
  greedyObjective: number;
  /**
   * Why the MIP runs stopped, the least reproducible reason of them all (`time`, then `error`,
   * `work`, `gap`), null without a MIP.
   */
  stoppedBy: MipStop | null;
  /** Simplex iterations of the MIPs (the unit of `workLimit`). */
  lpIterations: number;
  /** Seconds in the MIP workers. */
  solverSeconds: number;
}

/**
 * Assigns the seats of existing shifts (e.g. `scheduleSeats` of a `ShiftSchedule`) to named agents,
 * never breaking a hard rule: a seat's queue is a skill the agent has, the contract allows its shift
 * type, it starts on a weekday that is not a fixed day off and lies inside an availability window
 * (agent's local time, DST-aware: a night shift crossing midnight is compared with the window's end
 * past 24:00), it overlaps no approved leave; one shift a local day; at least the larger of the
 * contract's and the rules' rest between shifts (no quick returns); per week (7 local days from the
 * first day, in `timeZone`) at most the contract's paid hours and days; at most its days in a row;
 * start-time stability; the most agents per shift type and day (`maxAgentsPerDay`; a schedule's
 * seats are given, so `minAgentsPerDay` is the schedule's business and not checked here). Days,
 * days in a row and weekends are local days of `timeZone`. Soft goals, in order of weight:
 * fill every seat, meet the weekly minimum hours and days (full weeks only: a minimum is a goal,
 * since the schedule may not hold enough hours), weekends off (at least `minFreeWeekends` in every
 * `perWeeks` weeks), late shifts spread (above the fair share costs), soft wishes and shift
 * preferences (their weights, seniority breaking ties).
 *
 * Solved by a repair heuristic (scarcest seats first, then one-move ejection chains: `greedyRoster`)
 * that returns a roster keeping every hard rule, improved by a local search (transfers and swaps
 * of shifts between agents: `improveRoster`, a deterministic move budget). With the solver, then:
 * a lower bound from the shift-class relaxation (`relaxRosterProblem`: the shifts of a day grouped
 * by queue, length and late flag, a model about a fifth of the size), its root LP solved by
 * interior point; on large teams (`CLASS_SEARCH_MAX_COLUMNS`) a large-neighbourhood search over
 * the relaxation's shift classes, two weeks of the whole team per window, whose best class roster
 * is realised week by week on the days and shift lengths it gives each agent
 * (`searchShiftClasses`): 100 agents x 4 weeks of the bench reach 13,040.1 this way in about 43 s on
 * 2 cores, within 0.9% of the bound the relaxation proves by 60 s; a large-neighbourhood search
 * that re-solves the roster one window at a time
 * (a week, split into blocks of agents on large teams: `rosterWindows`, `windowModel`), every
 * other shift fixed: a pass in agent order, then three with the agent blocks mixed differently,
 * each pass followed by windows aimed at the weekends-off windows left short (`weekendWindows`); and on
 * small teams (`FULL_MIP_MAX_COLUMNS`) the whole roster MIP (one binary per agent and shift the
 * agent may work), whose bound also counts. When the relaxation's MIP ends with a roster better
 * than the best so far, that roster of shift classes is turned into a real one
 * (`restrictToClasses`: each agent may work only the shifts of its classes, and a MIP picks them):
 * alone, 100 agents x 4 weeks of the bench reach the relaxation's optimum this way, 13,030.06
 * against a bound of 13,027.3 (0.02%), in about 85 s on 2 cores; with the class search the gap
 * closes (0.10%) as soon as the relaxation's root ends, in about 75 s. On small teams the
 * relaxation comes first and each later step is skipped once the bound proves the roster within
 * `relativeGap`; on large teams the relaxation runs in a worker of its own, on the other core,
 * while the class search and the windows run. Every model
 * carries the convex envelope of each agent-week's shortfall penalty (`weekPenaltyEnvelope`),
 * which lifts its LP bound towards the integer optimum (100 agents x 4 weeks of the bench: LP
 * 11,739 without, 12,827 with it). Every MIP is warm-started from the best roster so far and runs
 * in a worker (`solveCoveringMip`), stopped by the gap or the deterministic work budget, the wall
 * clock only a safety net; a MIP's roster is checked against every hard rule and kept only when it
 * is better. Seats left empty come with the reasons in a planner's words (`explainUnfilled`).
 * Deterministic for the same inputs and budgets.
 *
 * @throws StaffcastError `INVALID_INPUT` for duplicate agent ids or a contract whose minimums exceed its maximums.
 * @example
 * const contract = { name: 'full', minHoursPerWeek: 0, maxHoursPerWeek: 40, minDaysPerWeek: 0,
 *   maxDaysPerWeek: 5, maxConsecutiveDays: 5, minRestHours: 11, costPerHour: 1 };
 * const agent = (id: string) => ({ id, name: id, contract, skills: ['sales'], site: 'x', timeZone: 'UTC',
 *   fixedDaysOff: [], timeOff: [], shiftPreferences: [], seniority: 0 });
 * const rules = { weekendDays: ['sat', 'sun'], minRestHours: 0, shiftTypeLimits: {},
 *   earlyStartBeforeMinutes: 540, lateStartFromMinutes: 720 };
 * const seat = (id: string, day: number) => ({ id, shiftType: 'day', queue: 'sales',
 *   startMs: Date.UTC(2024, 0, day, 8), endMs: Date.UTC(2024, 0, day, 16), paidMinutes: 480, breaks: [] });
 * const r = await assignShifts([seat('mon', 1), seat('tue', 2)], [agent('ann'), agent('bob')], rules as never,
 *   { timeZone: 'UTC' });
 * r.assignments.length; // 2
 * r.unfilled.length; // 0
 */
export async function assignShifts(
  seats: readonly RosterShift[],
  agents: readonly Agent[],
  rules: RosterRules,
  options: AssignShiftsOptions,
): Promise<AssignedRoster> {
  const t0 = performance.now();
  const elapsed = () => (performance.now() - t0) / 1000;
  const problem = buildRosterProblem(seats, agents, rules, {
    timeZone: options.timeZone,
    horizonStartMs: options.horizonStartMs,
    penalties: options.penalties,
  });
  const heuristic = greedyRoster(problem);
  improveRoster(heuristic, options.moveBudget ?? MOVES_PER_SEAT * seats.length);
  const greedy = heuristic.byAgent();
  const greedyObjective = rosterObjective(problem, greedy).objective;
  let best = greedy;
  let bestObjective = greedyObjective;
  let bound: number | undefined;
  let stoppedBy: MipStop | null = null;
  let lpIterations = 0;
  let solverSeconds = 0;
  let method: 'mip' | 'heuristic' = 'heuristic';
  const relativeGap = options.relativeGap ?? 1e-3;
  const timeLimitSeconds = options.timeLimitSeconds ?? 60;
  // the MIPs end by this, leaving the rest of the net for reading the roster back
  const solveUntil = timeLimitSeconds * (1 - WRAP_UP_SHARE);
  const closed = () =>
    bound !== undefined && bestObjective - bound <= relativeGap * Math.max(1, Math.abs(bestObjective));
  const stops: MipStop[] = [];
  /** A MIP's roster, kept when it keeps every hard rule and is better. */
  const offer = (byAgent: number[][]) => {
    const objective = rosterObjective(problem, byAgent).objective;
    if (rosterViolations(problem, byAgent).length === 0 && objective < bestObjective - 1e-9) {
      best = byAgent;
      bestObjective = objective;
    }
  };
  const run = async (
    model: RosterModel,
    share: number,
    start: Float64Array,
    workLimit?: number,
    rootLpMethod?: SolveCoveringMipOptions['rootLpMethod'],
    gap = relativeGap,
  ) => {
    const mip = await solveCoveringMip(model, {
      timeLimitSeconds: Math.max(1, share),
      workLimit: workLimit ?? options.workLimit ?? defaultWorkLimit(model),
      relativeGap: gap,
      start,
      rootLpMethod,
    });
    stops.push(mip.stoppedBy);
    lpIterations += mip.lpIterations;
    solverSeconds += mip.seconds;
    method = 'mip';
    if (mip.outcome === 'infeasible')
      throw new StaffcastError(
        'SOLVER_FAILED',
        'assignShifts: a roster MIP was reported infeasible; it has a feasible start, so the model is wrong',
      );
    return mip;
  };
  const takeBound = (mip: MipSolveResult) => {
    if (mip.bound !== undefined && Number.isFinite(mip.bound))
      bound = Math.max(bound ?? -Infinity, mip.bound);
  };
  if (options.useSolver !== false && problem.shifts.length > 0 && problem.agents.length > 0) {
    const columns = problem.eligible.reduce((n, el) => n + el.length, 0);
    const fullMip = columns <= FULL_MIP_MAX_COLUMNS;
    // the lower bound: the shift-class relaxation, far smaller than the roster MIP, its root LP by
    // interior point; awaited first on small teams (it may prove the heuristic's roster good enough),
    // and on large teams solved in a worker of its own while the windows run
    const relaxation = relaxRosterProblem(problem);
    const relaxed = buildRosterModel(relaxation.problem);
    const lowRun = run(
      relaxed,
      (fullMip ? solveUntil / 3 : solveUntil) - elapsed(),
      relaxed.startOf(best.map((list) => list.map((s) => relaxation.classOf[s] ?? 0))),
      options.workLimit ??
        Math.max(RELAX_WORK_FLOOR, RELAX_WORK_PER_ENTRY * (relaxed.numRows + relaxed.numCols)),
      'ipm',
    );
    /** The relaxation's roster turned into a real one: its classes, each agent's shifts chosen by a MIP. */
    const disaggregate = async (low: MipSolveResult) => {
      takeBound(low);
      const x = low.x;
      if (x === undefined || low.objective === undefined || low.objective >= bestObjective - 1e-9 || closed())
        return;
      if (elapsed() >= solveUntil) {
        stops.push('time');
        return;
      }
      const restricted = restrictToClasses(problem, relaxation, relaxed.rosterOf(x));
      const model = buildRosterModel(restricted);
      const mip = await run(model, Math.max(1, solveUntil - elapsed()), model.startOf(best.map(() => [])));
      if (mip.x !== undefined) offer(model.rosterOf(mip.x));
    };
    if (fullMip) await disaggregate(await lowRun);
    // on large teams, first a search over the shift classes (two weeks of the whole team per
    // window), turned back into a real roster
    if (!fullMip && columns <= CLASS_SEARCH_MAX_COLUMNS) {
      const found = await searchShiftClasses(problem, relaxation, best, {
        workLimit: options.workLimit ?? CLASS_WORK_PER_SEAT * seats.length,
        secondsLeft: () => solveUntil - elapsed(),
        run: (model, seconds, start, o) =>
          run(model, seconds, start, o.workLimit, o.rootLpMethod, o.relativeGap),
      });
      if (found.stoppedByTime) stops.push('time');
      if (found.byAgent !== undefined) offer(found.byAgent);
    }
    // then the roster, one window (a week, and a block of agents on large teams) at a time: a pass
    // in agent order, then passes with the blocks shifted by a half, a quarter and three quarters
    // of a block, each followed by the windows aimed at weekends left short, while the work
    // budget lasts. On large teams the
    // windows never look at the bound the other worker is still proving, so the same roster comes
    // out whatever the machine load
    const windowsUntil = fullMip ? (2 * solveUntil) / 3 : solveUntil;
    const windowWork = options.workLimit ?? WINDOW_WORK_PER_SEAT * seats.length;
    const first = closed() ? [] : rosterWindows(problem, WINDOW_MAX_COLUMNS);
    const blocks = Math.max(1, first.length / Math.max(1, problem.weeks));
    const offset = Math.ceil(problem.agents.length / blocks / 2);
    const passes: (() => RosterWindow[])[] = [
      () => first,
      () => weekendWindows(problem, best, WINDOW_MAX_COLUMNS),
      () => (blocks > 1 ? rosterWindows(problem, WINDOW_MAX_COLUMNS, offset) : []),
      () => weekendWindows(problem, best, WINDOW_MAX_COLUMNS),
      () => (blocks > 1 ? rosterWindows(problem, WINDOW_MAX_COLUMNS, Math.ceil(offset / 2)) : []),
      () => weekendWindows(problem, best, WINDOW_MAX_COLUMNS),
      () => (blocks > 1 ? rosterWindows(problem, WINDOW_MAX_COLUMNS, Math.ceil((3 * offset) / 2)) : []),
      () => weekendWindows(problem, best, WINDOW_MAX_COLUMNS),
    ];
    let used = 0;
    search: for (const pass of passes)
      for (const window of pass()) {
        if ((fullMip && closed()) || used >= windowWork) break search;
        if (elapsed() >= windowsUntil) {
          stops.push('time');
          break search;
        }
        const sub = windowModel(problem, best, window);
        const before = lpIterations;
        const mip = await run(sub.model, windowsUntil - elapsed(), sub.start, windowWork - used);
        used += lpIterations - before;
        if (mip.x !== undefined) offer(sub.rosterOf(mip.x));
      }
    if (!fullMip) await disaggregate(await lowRun);
    // and the whole roster MIP on small teams (its bound too)
    if (fullMip && !closed()) {
      const model = buildRosterModel(problem);
      const mip = await run(model, solveUntil - elapsed(), model.startOf(best));
      takeBound(mip);
      if (mip.x !== undefined) offer(model.rosterOf(mip.x));
    }
    stoppedBy = (['time', 'error', 'work', 'gap'] as const).find((why) => stops.includes(why)) ?? null;
  }
  // the final roster as a state, for the seats and the reasons of the empty ones
  const state = new RosterState(problem);
  best.forEach((list, a) => {
    for (const s of list) state.add(a, s);
  });
  const assignments: RosterAssignment[] = [];
  const unfilled: UnfilledShift[] = [];
  const onGroup: number[][] = problem.shifts.map(() => []);
  best.forEach((list, a) => {
    for (const s of list) onGroup[s]?.push(a);
  });
  problem.shifts.forEach((g, s) => {
    const who = onGroup[s] ?? [];
    let reasons: string[] | undefined;
    g.seats.forEach((seatIndex, k) => {
      const seat = seats[seatIndex] as RosterShift;
      const a = who[k];
      if (a !== undefined) assignments.push({ ...seat, agentId: agents[a]?.id ?? '' });
      else {
        reasons ??= explainUnfilled(state, s);
        unfilled.push({ shift: seat, reasons });
      }
    });
  });
  assignments.sort(
    (p, q) => p.startMs - q.startMs || (p.agentId < q.agentId ? -1 : p.agentId > q.agentId ? 1 : 0),
  );
  const agentStats = rosterStats(problem, agents, rules, best);
  const solve = rosterSolveInfo(method, bestObjective, bound);
  return {
    assignments,
    agentStats,
    totals: rosterTotals(agents.length, assignments.length, unfilled.length, agentStats),
    unfilled,
    solve,
    greedyObjective,
    stoppedBy,
    lpIterations,
    solverSeconds,
  };
}
