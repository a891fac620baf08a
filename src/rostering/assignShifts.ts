import { StaffcastError } from '../errors.js';
import { defaultWorkLimit, type MipStop, solveCoveringMip } from '../scheduling/solveMip.js';
import { buildRosterProblem } from './buildRosterProblem.js';
import { explainUnfilled } from './explainUnfilled.js';
import { greedyRoster, RosterState } from './greedyRoster.js';
import { improveRoster } from './improveRoster.js';
import { rosterObjective, rosterViolations } from './rosterCheck.js';
import { buildRosterModel } from './rosterModel.js';
import type { RosterPenalties } from './rosterProblem.js';
import { relaxRosterProblem } from './rosterRelaxation.js';
import { rosterStats } from './rosterStats.js';
import type { Agent, Roster, RosterAssignment, RosterRules, RosterShift, UnfilledShift } from './types.js';

/** Local search moves per seat by default (`AssignShiftsOptions.moveBudget`). @internal */
export const MOVES_PER_SEAT = 200;

/**
 * Largest roster MIP (columns: eligible agent-shift pairs) `assignShifts` builds after the
 * relaxation: 100 agents x 4 weeks of the bench have 75,144 (461,440 nonzeros, 266 MB); 500 agents
 * 688,634 (5.9 million nonzeros, 628 MB before the solve), whose root LP HiGHS cannot finish in
 * minutes, so larger teams get the heuristic's roster and the relaxation's bound. @internal
 */
export const FULL_MIP_MAX_COLUMNS = 200_000;

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
   * Deterministic work budget of each MIP (the relaxation's and the roster's) in simplex
   * iterations (`solveCoveringMip`): the same roster on every machine and load. Default
   * `defaultWorkLimit` of the model.
   */
  workLimit?: number | undefined;
  /**
   * Wall-clock safety net of the MIPs in seconds (default 60; the relaxation gets at most half when
   * the roster MIP follows); a roster stopped by it depends on machine load.
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
  /** Why the last MIP run stopped (`gap`, `work`, `time`, `error`), null without a MIP. */
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
 * of shifts between agents: `improveRoster`, a deterministic move budget); then a lower bound from
 * the shift-class relaxation (`relaxRosterProblem`: shifts of a day grouped by queue, length, late
 * flag and start bucket, a model about a fifth of the size) solved by HiGHS; then, unless that
 * bound already proves the roster within `relativeGap` or the team is too large
 * (`FULL_MIP_MAX_COLUMNS`), the roster MIP warm-started from the heuristic's roster (one binary per
 * agent and shift the agent may work). Both MIPs run in a worker (`solveCoveringMip`), stopped by
 * the gap or the deterministic work budget, the wall clock only a safety net; the better roster is
 * kept, the MIP's checked against every hard rule again before it is used, and the reported bound
 * is the better of the two MIPs' bounds. Seats left empty come with the reasons in a planner's
 * words (`explainUnfilled`). Deterministic for the same inputs and budgets.
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
  const closed = () =>
    bound !== undefined && bestObjective - bound <= relativeGap * Math.max(1, Math.abs(bestObjective));
  if (options.useSolver !== false && problem.shifts.length > 0 && problem.agents.length > 0) {
    const columns = problem.eligible.reduce((n, el) => n + el.length, 0);
    const fullMip = columns <= FULL_MIP_MAX_COLUMNS;
    // the lower bound first: the shift-class relaxation, far smaller than the roster MIP
    const relaxation = relaxRosterProblem(problem);
    const relaxed = buildRosterModel(relaxation.problem);
    const low = await solveCoveringMip(relaxed, {
      timeLimitSeconds: fullMip ? timeLimitSeconds / 2 : timeLimitSeconds,
      workLimit: options.workLimit ?? defaultWorkLimit(relaxed),
      relativeGap,
      start: relaxed.startOf(best.map((list) => list.map((s) => relaxation.classOf[s] ?? 0))),
    });
    stoppedBy = low.stoppedBy;
    lpIterations += low.lpIterations;
    solverSeconds += low.seconds;
    if (low.bound !== undefined && Number.isFinite(low.bound)) {
      bound = low.bound;
      method = 'mip';
    }
    if (fullMip && !closed()) {
      const model = buildRosterModel(problem);
      const mip = await solveCoveringMip(model, {
        timeLimitSeconds: Math.max(1, timeLimitSeconds - solverSeconds),
        workLimit: options.workLimit ?? defaultWorkLimit(model),
        relativeGap,
        start: model.startOf(greedy),
      });
      stoppedBy = mip.stoppedBy;
      lpIterations += mip.lpIterations;
      solverSeconds += mip.seconds;
      if (mip.bound !== undefined && Number.isFinite(mip.bound))
        bound = Math.max(bound ?? -Infinity, mip.bound);
      if (mip.outcome === 'infeasible')
        throw new StaffcastError(
          'SOLVER_FAILED',
          'assignShifts: the roster MIP was reported infeasible; it has a feasible start, so the model is wrong',
        );
      if (mip.x !== undefined) {
        const x = mip.x;
        const byAgent = problem.eligible.map((el, a) => {
          const x0 = model.xStart[a] ?? 0;
          return [...el].filter((_, e) => (x[x0 + e] ?? 0) > 0.5);
        });
        const objective = rosterObjective(problem, byAgent).objective;
        if (rosterViolations(problem, byAgent).length === 0 && objective < bestObjective - 1e-9) {
          best = byAgent;
          bestObjective = objective;
        }
        method = 'mip';
      }
    }
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
  const cappedBound = bound === undefined ? undefined : Math.min(bound, bestObjective);
  const solve: Roster['solve'] =
    cappedBound === undefined
      ? { method, objective: bestObjective }
      : {
          method,
          objective: bestObjective,
          bound: cappedBound,
          gap: Math.max(0, (bestObjective - cappedBound) / Math.max(1, Math.abs(bestObjective))),
        };
  return {
    assignments,
    agentStats,
    totals: {
      agents: agents.length,
      assignedShifts: assignments.length,
      unfilledShifts: unfilled.length,
      paidHours: agentStats.reduce((t, s) => t + s.paidHours, 0),
      cost: agentStats.reduce((t, s) => t + s.cost, 0),
      penalty: agentStats.reduce((t, s) => t + s.penalty, 0),
    },
    unfilled,
    solve,
    greedyObjective,
    stoppedBy,
    lpIterations,
    solverSeconds,
  };
}
