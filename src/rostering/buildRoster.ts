import { invalidInput, StaffcastError } from '../errors.js';
import { slotCalendar } from '../scheduling/calendar.js';
import { defaultWorkLimit, type MipStop, solveCoveringMip } from '../scheduling/solveMip.js';
import type { ShiftRulesConfig } from '../schemas/shiftRules.js';
import { formatInstant } from '../time/formatInstant.js';
import type { AssignedRoster } from './assignShifts.js';
import { buildRosterProblem } from './buildRosterProblem.js';
import { candidateShifts } from './candidateShifts.js';
import { coverageGreedy } from './coverageGreedy.js';
import { rosterObjective, rosterViolations } from './rosterCheck.js';
import { buildRosterModel } from './rosterModel.js';
import type { RosterPenalties } from './rosterProblem.js';
import { rosterStats } from './rosterStats.js';
import { rosterSolveInfo, rosterTotals } from './rosterSummary.js';
import type { Agent, RosterAssignment, RosterRules } from './types.js';

/** Agents needed per interval and queue, on the complete local grid (UTC ms starts, DST included). */
export interface RosterDemand {
  /** Epoch ms of each interval start, strictly increasing, on the local grid of `intervalMinutes`. */
  starts: readonly number[];
  intervalMinutes: number;
  /** queue (skill) -> agents needed per interval (same length as starts), e.g. a requirement's scheduled agents. */
  required: Readonly<Record<string, readonly number[]>>;
}

/**
 * The weights of `buildRoster`'s objective: the roster's soft goals (`RosterPenalties`; its
 * `unfilledShift` is unused, nothing is a seat) and the under-coverage of the requirement.
 */
export interface BuildRosterPenalties extends RosterPenalties {
  /**
   * Per agent-interval short of the requirement (one agent missing for one interval), default the
   * shift rules' `coverage.underPenaltyPerAgentInterval` (100 unless the rules say otherwise).
   */
  underAgentInterval: number;
}

/** Options of {@link buildRoster}. */
export interface BuildRosterOptions {
  /** IANA zone of the requirement's grid, the shift rules' local times and the roster's days, weeks and weekends. */
  timeZone: string;
  /** `false`: the greedy start only, no MIP (default true). */
  useSolver?: boolean | undefined;
  /**
   * Deterministic work budget of the MIP in simplex iterations (`solveCoveringMip`): the same
   * roster on every machine and load. Default `defaultWorkLimit` of the model.
   */
  workLimit?: number | undefined;
  /** Wall-clock safety net of the MIP in seconds (default 60); a roster stopped by it depends on machine load. */
  timeLimitSeconds?: number | undefined;
  /** Relative MIP gap at which HiGHS stops (default 1e-3). */
  relativeGap?: number | undefined;
  /** Weights of the soft goals and of under-coverage (see `BuildRosterPenalties`). */
  penalties?: Partial<BuildRosterPenalties> | undefined;
}

/** What {@link buildRoster} returns: a roster built against the requirement, with its coverage. */
export interface BuiltRoster extends AssignedRoster {
  /**
   * queue -> agents rostered on that queue per interval of `demand.starts` (breaks taken out) and
   * under = max(0, required - rostered).
   */
  coverage: Record<string, { rostered: number[]; under: number[] }>;
  /** Sum of `under` over the queues and intervals. */
  underAgentIntervals: number;
}

/**
 * Rosters named agents directly against a requirement per queue ("the better answer": contracts
 * shape the shifts). Candidate shifts are every shift the shift rules allow on each local day of
 * the horizon (`generateCandidates` on the complete local grid of `demand.starts` in
 * `options.timeZone`: allowed weekdays, start times and lengths, opening hours; DST-aware, a night
 * shift crossing midnight ends at its wall-clock end; the horizon is never cyclic), once per queue
 * whose requirement it meets in at least one interval. Each break sits at a fixed place: the
 * allowed start nearest the middle of its window (`fixedBreakOffsets`), so an agent counts on
 * their queue in every interval of the shift but its breaks. A shift serves one queue, a skill of
 * its agent.
 *
 * The roster keeps every hard rule of `assignShifts` (skills, contract shift types, fixed days off,
 * availability, leave, one shift a day, rest, weekly maximum hours and days, days in a row,
 * start-time stability, most agents per shift type and day) and minimises: paid cost
 * (`costPerHour` x paid hours) + `underAgentInterval` x agent-intervals short of the requirement
 * per queue + the soft goals of `assignShifts` (weekly minimum hours and days, weekends off, late
 * shifts above the fair share, wishes and preferences). The late fair share is the greedy roster's
 * late shifts over the agents who may work one, rounded up. Shift rules' caps, counts, shares,
 * tours, costs per type and over-coverage penalty are not used here (the contracts and roster
 * rules take their place); `shiftTypeLimits.minAgentsPerDay` is not enforced.
 *
 * Solved by a greedy start that keeps every hard rule (`coverageGreedy`: most uncovered demand per
 * cost first), then the roster MIP (`buildRosterModel` with open shifts: one count column per shift
 * and queue, and per queue and interval `sum of agents on shifts covering it + under >= required`),
 * warm-started from it and stopped by the gap or the deterministic work budget, the wall clock
 * only a safety net; the MIP's roster is checked against every hard rule again and kept only when
 * better. Deterministic for the same inputs and budget.
 *
 * @throws StaffcastError `INVALID_INPUT` for a bad demand (no intervals, a queue's list of another
 *   length, a negative or non-finite requirement, starts off the local grid), duplicate agent ids or
 *   a contract whose minimums exceed its maximums; `CONFIG` for a shift length not a multiple of
 *   the interval; `SOLVER_FAILED` when the MIP calls a model with a feasible start infeasible.
 * @example
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * const contract = { name: 'full', minHoursPerWeek: 0, maxHoursPerWeek: 40, minDaysPerWeek: 0,
 *   maxDaysPerWeek: 5, maxConsecutiveDays: 5, minRestHours: 11, costPerHour: 1 };
 * const agent = (id: string) => ({ id, name: id, contract, skills: ['sales'], site: 'x', timeZone: 'UTC',
 *   fixedDaysOff: [], timeOff: [], shiftPreferences: [], seniority: 0 });
 * const rules = { weekendDays: ['sat', 'sun'], minRestHours: 0, shiftTypeLimits: {},
 *   earlyStartBeforeMinutes: 540, lateStartFromMinutes: 720 };
 * const starts = Array.from({ length: 24 }, (_, h) => Date.UTC(2024, 0, 1, h));
 * const required = starts.map((_, h) => (h >= 8 && h < 16 ? 2 : 0));
 * const shiftRules = parseShiftRules({ shiftTypes: [{ name: 'day', earliestStart: '06:00',
 *   latestStart: '10:00', startStepMinutes: 60, lengthsMinutes: [480] }] });
 * const r = await buildRoster({ starts, intervalMinutes: 60, required: { sales: required } }, shiftRules,
 *   [agent('ann'), agent('bob'), agent('cy')], rules as never, { timeZone: 'UTC' });
 * r.assignments.map((a) => `${a.agentId} ${new Date(a.startMs).toISOString()}`);
 * // ['ann 2024-01-01T08:00:00.000Z', 'bob 2024-01-01T08:00:00.000Z']
 * r.underAgentIntervals; // 0
 */
export async function buildRoster(
  demand: RosterDemand,
  shiftRules: ShiftRulesConfig,
  agents: readonly Agent[],
  rules: RosterRules,
  options: BuildRosterOptions,
): Promise<BuiltRoster> {
  const fn = 'buildRoster';
  const rows = demand.starts.length;
  if (rows === 0) invalidInput(fn, 'demand.starts', 'must not be empty');
  const queues = Object.keys(demand.required);
  const total = new Float64Array(rows);
  for (const q of queues) {
    const list = demand.required[q] ?? [];
    if (list.length !== rows)
      invalidInput(fn, `demand.required['${q}']`, `must have ${rows} entries, one per start`, list.length);
    list.forEach((v, i) => {
      if (!(v >= 0) || !Number.isFinite(v))
        invalidInput(fn, `demand.required['${q}'][${i}]`, 'must be a finite number >= 0', v);
      total[i] = (total[i] ?? 0) + v;
    });
  }
  const { timeZone } = options;
  const cal = slotCalendar({
    intervalMinutes: demand.intervalMinutes,
    required: total,
    starts: demand.starts,
    timeZone,
  });
  const required = queues.map((q) => {
    const r = new Float64Array(cal.slots);
    (demand.required[q] ?? []).forEach((v, i) => {
      r[cal.rowSlot[i] ?? 0] = v;
    });
    return r;
  });
  const skilled = queues.map((q) => agents.some((a) => a.skills.includes(q)));
  const cand = candidateShifts(
    cal,
    shiftRules,
    queues,
    required.map((r, q) => (skilled[q] ? r : new Float64Array(0))),
  );
  const penalties = { ...options.penalties };
  const underWeight = penalties.underAgentInterval ?? shiftRules.coverage.underPenaltyPerAgentInterval;
  delete penalties.underAgentInterval;
  const problem = buildRosterProblem(cand.shifts, agents, rules, {
    timeZone,
    horizonStartMs: cal.starts?.[0],
    penalties,
    openSeats: true,
  });
  // each group is one candidate shift (ids are unique): its queue and slots; paid cost on every pair
  const queueOf = new Int32Array(problem.shifts.length);
  const slotsOf = problem.shifts.map((g) => {
    const i = g.seats[0] ?? 0;
    queueOf[g.index] = cand.queueIndex[i] ?? 0;
    return cand.slots[i] ?? new Int32Array(0);
  });
  problem.eligible.forEach((el, a) => {
    const co = problem.cost[a] as Float64Array;
    const perHour = agents[a]?.contract.costPerHour ?? 0;
    el.forEach((s, e) => {
      co[e] = (co[e] ?? 0) + (perHour * (problem.shifts[s]?.paidMinutes ?? 0)) / 60;
    });
  });
  const targets = { queueOf, slotsOf, required, underWeight };
  const greedy = coverageGreedy(problem, targets).byAgent();
  // late fair share: the greedy roster's late shifts over the agents who may work one
  const lateAble = problem.eligible.filter((el) => el.some((s) => problem.late[s] === 1)).length;
  let lateShifts = 0;
  for (const list of greedy) for (const s of list) lateShifts += problem.late[s] ?? 0;
  problem.lateShare = lateAble === 0 ? 0 : Math.ceil(lateShifts / lateAble);

  /** Agents on the phones per queue and grid slot. */
  const coverageOf = (byAgent: readonly (readonly number[])[]) => {
    const cov = required.map((r) => new Float64Array(r.length));
    for (const list of byAgent)
      for (const s of list) {
        const c = cov[queueOf[s] ?? 0] as Float64Array;
        for (const t of slotsOf[s] ?? []) c[t] = (c[t] ?? 0) + 1;
      }
    return cov;
  };
  const underOf = (cov: readonly Float64Array[]) => {
    let under = 0;
    required.forEach((r, q) => {
      const c = cov[q] as Float64Array;
      for (let t = 0; t < r.length; t++) under += Math.max(0, (r[t] ?? 0) - (c[t] ?? 0));
    });
    return under;
  };
  const objectiveOf = (byAgent: readonly (readonly number[])[]) =>
    rosterObjective(problem, byAgent).objective + underWeight * underOf(coverageOf(byAgent));

  const greedyObjective = objectiveOf(greedy);
  let best = greedy;
  let bestObjective = greedyObjective;
  let bound: number | undefined;
  let stoppedBy: MipStop | null = null;
  let lpIterations = 0;
  let solverSeconds = 0;
  let method: 'mip' | 'heuristic' = 'heuristic';
  if (options.useSolver !== false && problem.shifts.length > 0 && agents.length > 0) {
    const underCols: { q: number; t: number; col: number }[] = [];
    const model = buildRosterModel(problem, (b) => {
      // per queue and slot: the shifts covering it
      const covering = required.map(() => new Map<number, number[]>());
      problem.shifts.forEach((g) => {
        const byT = covering[queueOf[g.index] ?? 0] as Map<number, number[]>;
        for (const t of slotsOf[g.index] ?? []) {
          const list = byT.get(t);
          if (list === undefined) byT.set(t, [g.index]);
          else list.push(g.index);
        }
      });
      required.forEach((r, q) => {
        for (let t = 0; t < r.length; t++) {
          const need = r[t] ?? 0;
          if (need <= 0) continue;
          const col = b.addCol(underWeight, 0, Infinity, false);
          underCols.push({ q, t, col });
          const terms: [number, number][] = [[col, 1]];
          for (const s of covering[q]?.get(t) ?? []) terms.push([b.groupCol[s] ?? 0, 1]);
          b.addRow(need, Infinity, terms);
        }
      });
    });
    const start = model.startOf(greedy);
    const cov = coverageOf(greedy);
    for (const u of underCols)
      start[u.col] = Math.max(0, (required[u.q]?.[u.t] ?? 0) - (cov[u.q]?.[u.t] ?? 0));
    const mip = await solveCoveringMip(model, {
      timeLimitSeconds: options.timeLimitSeconds ?? 60,
      workLimit: options.workLimit ?? defaultWorkLimit(model),
      relativeGap: options.relativeGap ?? 1e-3,
      start,
    });
    stoppedBy = mip.stoppedBy;
    lpIterations = mip.lpIterations;
    solverSeconds = mip.seconds;
    if (mip.bound !== undefined && Number.isFinite(mip.bound)) bound = mip.bound;
    if (mip.outcome === 'infeasible')
      throw new StaffcastError(
        'SOLVER_FAILED',
        'buildRoster: the roster MIP was reported infeasible; it has a feasible start, so the model is wrong',
      );
    if (mip.x !== undefined) {
      const x = mip.x;
      const byAgent = model.rosterOf(x);
      const objective = objectiveOf(byAgent);
      if (rosterViolations(problem, byAgent).length === 0 && objective < bestObjective - 1e-9) {
        best = byAgent;
        bestObjective = objective;
      }
      method = 'mip';
    }
  }

  // assignments: one id per agent-shift, `<type>-<start with offset>-<queue>-<n>`
  const assignments: RosterAssignment[] = [];
  const used = new Map<string, number>();
  const picked = best
    .flatMap((list, a) => list.map((s) => ({ a, s, g: problem.shifts[s] })))
    .sort(
      (p, q) =>
        (p.g?.startMs ?? 0) - (q.g?.startMs ?? 0) ||
        p.s - q.s ||
        ((agents[p.a]?.id ?? '') < (agents[q.a]?.id ?? '') ? -1 : 1),
    );
  for (const { a, g } of picked) {
    if (g === undefined) continue;
    const shift = cand.shifts[g.seats[0] ?? 0];
    if (shift === undefined) continue;
    const key = `${shift.shiftType}-${formatInstant(shift.startMs, timeZone)}-${shift.queue ?? ''}`;
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    assignments.push({ ...shift, id: `${key}-${n}`, agentId: agents[a]?.id ?? '' });
  }
  assignments.sort(
    (p, q) => p.startMs - q.startMs || (p.agentId < q.agentId ? -1 : p.agentId > q.agentId ? 1 : 0),
  );
  const agentStats = rosterStats(problem, agents, rules, best);
  const cov = coverageOf(best);
  const coverage: BuiltRoster['coverage'] = {};
  let underAgentIntervals = 0;
  queues.forEach((name, q) => {
    const rostered = Array.from(cal.rowSlot, (t) => cov[q]?.[t] ?? 0);
    const under = rostered.map((v, i) => Math.max(0, (demand.required[name]?.[i] ?? 0) - v));
    for (const u of under) underAgentIntervals += u;
    coverage[name] = { rostered, under };
  });
  const solve = rosterSolveInfo(method, bestObjective, bound);
  return {
    assignments,
    agentStats,
    totals: rosterTotals(agents.length, assignments.length, 0, agentStats),
    unfilled: [],
    solve,
    greedyObjective,
    stoppedBy,
    lpIterations,
    solverSeconds,
    coverage,
    underAgentIntervals,
  };
}
