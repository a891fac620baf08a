import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { StaffcastError } from '../errors.js';
import {
  parseShiftRules,
  type ShiftRulesConfig,
  type ShiftRulesInput,
  WEEKDAYS,
  type Weekday,
} from '../schemas/shiftRules.js';
import { formatInstant } from '../time/formatInstant.js';
import { formatMinuteOfDay, type ShiftRequirement, type SlotCalendar, slotCalendar } from './calendar.js';
import { type Candidates, forEachShiftSlot, generateCandidates, openSlots } from './candidates.js';
import { satisfiesModelBounds } from './checkStart.js';
import { type ScheduleEfficiency, scheduleEfficiency } from './efficiency.js';
import { type CoverSolution, greedyCover } from './greedy.js';
import { implicitBreakModel, implicitStart, recoverBreaks } from './implicitBreaks.js';
import { lpNeighbourhood, lpRelaxation, roundLpSolution } from './lpRoundingStart.js';
import { buildCoveringModel, type CoveringModel } from './model.js';
import { placeBreaks, type ShiftInstance } from './placeBreaks.js';
import { mapScheduleStart, type ScheduleStart } from './scheduleStart.js';
import { defaultWorkLimit, type MipStop, solveCoveringMip } from './solveMip.js';
import { decomposeTours } from './tours.js';

/** Options of {@link scheduleShifts}. */
export interface ScheduleShiftsOptions {
  /**
   * Deterministic work budget of the MIP in simplex iterations (all LPs of the branch and bound):
   * the solve stops at the first progress checkpoint past it, at the same point whatever the machine
   * load, with `stoppedBy: 'work'`. Default `defaultWorkLimit` of the model (scaled to its size).
   */
  workLimit?: number;
  /**
   * Wall-clock safety net for the MIP in seconds (default 600): reached only when the work budget
   * is not (a very slow or overloaded machine); the schedule then depends on machine load and says so
   * (`stoppedBy: 'time'`). The best schedule found by then (never worse than greedy) is kept.
   */
  timeLimitSeconds?: number;
  /** Relative MIP gap at which HiGHS stops (default 1e-4). */
  relativeGap?: number;
  /** `false`: greedy only, no MIP (default true). */
  useSolver?: boolean;
  /** Name of the rules file, for error messages (default `'rules'`). */
  rulesSource?: string;
  /**
   * An earlier schedule (e.g. the base scenario's `ShiftSchedule`) as an extra MIP start: its
   * shifts are mapped onto this model's columns by identity (`mapScheduleStart`: type, start,
   * length, break pattern; agents without a column are dropped), and the result competes with
   * greedy and the LP rounding as a start only when it meets every row bound of the model
   * (`satisfiesModelBounds`; otherwise it is rejected, not repaired). The cheapest start wins
   * (`startSource: 'given'` when it is this one). Default: none.
   */
  start?: ScheduleStart | undefined;
}

/**
 * @deprecated Use {@link ScheduleShiftsOptions} (the `<function>Options` name of `scheduleShifts`); kept for existing
 * imports of the public API.
 */
export type ScheduleOptions = ScheduleShiftsOptions;

/** A break of a scheduled shift. */
export interface ScheduledBreak {
  name: string;
  /** Slot index where the break starts (cyclic horizons wrap). */
  startSlot: number;
  /** Local `"HH:MM"` start. */
  startTime: string;
  /** Epoch ms of the start, when the requirement has `starts`. */
  startMs?: number;
  durationMinutes: number;
  paid: boolean;
}

/** A group of identical shifts: same type, start, length and break times. */
export interface ScheduledShift {
  type: string;
  /** Weekday the shift starts on. */
  day: Weekday;
  /** Horizon day (0 = the first local day of the requirement). */
  dayIndex: number;
  /** Slot of the start on the complete local grid (midnight of the first day = 0). */
  startSlot: number;
  /** Local `"HH:MM"` start and end (the end may be on the next day). */
  startTime: string;
  endTime: string;
  /** Epoch ms of the start, when the requirement has `starts`. */
  startMs?: number;
  /** Epoch ms of the end (its wall-clock end, or its length later with `fixedDuration`). */
  endMs?: number;
  /** Real minutes from start to end (a 22:00-06:00 shift: 420 or 540 on a DST night). */
  lengthMinutes: number;
  paidMinutes: number;
  breaks: ScheduledBreak[];
  /** Number of agents working this shift. */
  count: number;
}

/** A group of identical weekly tours (same days, same shifts). */
export interface ScheduledTour {
  type: string;
  lengthMinutes: number;
  /** Working weekdays in horizon order. */
  workDays: Weekday[];
  /** Local start `"HH:MM"` per working day, same order as `workDays`. */
  startTimes: string[];
  paidHoursPerWeek: number;
  count: number;
}

/** Coverage per interval of a schedule, one entry per row of the requirement (its `required` order). */
export interface ScheduleCoverage {
  required: Float64Array;
  /** Agents on shift (on break included). */
  scheduled: Float64Array;
  onBreak: Float64Array;
  /** scheduled - onBreak: agents on the phones. */
  net: Float64Array;
  /** Horizon day of each interval (0 = the first day). */
  dayIndex: Int32Array;
}

/** The result of {@link scheduleShifts}. */
export interface ShiftSchedule {
  /** `optimal` (proven), `feasible` (MIP incumbent or greedy with a proven bound and gap) or `heuristic` (no bound). */
  status: 'optimal' | 'feasible' | 'heuristic';
  /** How breaks were handled. */
  breakMethod: 'explicit' | 'implicit' | 'afterwards';
  /** Shift cost + penalties of the returned schedule, with its real break times. */
  objective: number;
  /** Proven lower bound on the objective (null when none is valid). */
  bestBound: number | null;
  /** (objective - bestBound) / objective (null without a bound). */
  gap: number | null;
  /** Objective of the greedy schedule (null when greedy broke a hard rule). */
  greedyObjective: number | null;
  shifts: ScheduledShift[];
  /** Weekly tours when the rules ask for them. */
  tours?: ScheduledTour[];
  coverage: ScheduleCoverage;
  /** Sum over the intervals of the complete grid of max(0, required - net). */
  underAgentIntervals: number;
  /** Sum over the intervals of the complete grid of max(0, net - required) (0 required where the requirement has no row). */
  overAgentIntervals: number;
  /**
   * Rows of the requirement (indexes into `coverage`) with agents required that no shift of the
   * rules can cover (no start time, length, day or opening hours reaches them). They stay in the
   * model with their under-coverage penalty, and `warnings` names them.
   */
  uncoverable: number[];
  /** Loud problems of the result for the planner (uncoverable intervals ...); empty when none. */
  warnings: string[];
  efficiency: ScheduleEfficiency;
  intervalMinutes: number;
  timeZone: string;
  /** Epoch ms of each requirement row (the coverage arrays' intervals), when the requirement has `starts`. */
  starts?: Float64Array;
  cyclic: boolean;
  /** Candidate shift columns generated. */
  candidates: number;
  /** Seconds spent in the MIP worker. */
  solverSeconds: number;
  /**
   * Why the MIP stopped: `gap` (proven within `relativeGap`, or `status: 'heuristic'` with a MIP
   * that ended on its own), `work` (the deterministic `workLimit`, or root cut rounds that stall
   * while the gap is above 10x `relativeGap`; the same schedule on every run),
   * `time` (the wall-clock safety net `timeLimitSeconds`: the schedule depends on machine load),
   * `error` (HiGHS failed; the greedy schedule is kept); null without a MIP (`useSolver: false`).
   * With two MIPs (breaks placed afterwards, then explicit) the less reproducible of the two.
   */
  stoppedBy: MipStop | null;
  /**
   * Simplex iterations the MIP search used, the unit of `workLimit`: the LP-rounding neighbourhood
   * and the MIP (summed over both methods when two ran); the LP relaxation itself is not counted.
   */
  lpIterations: number;
  /**
   * The start the (last) MIP was warm-started from, the cheapest feasible one: `greedy`,
   * `lp-rounding` (the LP relaxation rounded, see `roundLpSolution`), `given` (the earlier
   * schedule of `ScheduleOptions.start`), `previous` (the schedule of the first MIP when breaks
   * are placed afterwards then explicitly); null without a MIP or start.
   */
  startSource: StartSource | null;
}

/** Where a MIP start came from (`ShiftSchedule.startSource`). */
export type StartSource = 'greedy' | 'lp-rounding' | 'given' | 'previous';

function describeSlot(cal: SlotCalendar, t: number): string {
  const s = cal.starts?.[t];
  const label = `${WEEKDAYS[cal.weekday[t] ?? 0]} ${formatMinuteOfDay(cal.minuteOfDay[t] ?? 0)}`;
  return s === undefined
    ? `interval ${t} (${label})`
    : `interval ${formatInstant(s, cal.timeZone)} (${label})`;
}

/** Grid slots with agents required that no candidate spans (internal). Cost O(nonzeros). */
function uncoverableSlots(cal: SlotCalendar, c: Candidates): number[] {
  const covered = new Uint8Array(cal.slots);
  for (let j = 0; j < c.count; j++) forEachShiftSlot(c, j, (t) => (covered[t] = 1));
  const out: number[] = [];
  for (let t = 0; t < cal.slots; t++) if ((cal.required[t] ?? 0) > 0 && !covered[t]) out.push(t);
  return out;
}

function checkHardRules(cal: SlotCalendar, rules: ShiftRulesConfig, c: Candidates): void {
  if (rules.coverage.allowUnderCoverage) return;
  const open = openSlots(cal, rules);
  const uncoverable = new Set(uncoverableSlots(cal, c));
  const cap = rules.caps?.maxAgentsPerInterval;
  for (let t = 0; t < cal.slots; t++) {
    const r = cal.required[t] ?? 0;
    if (r <= 0) continue;
    if (!open[t])
      throw new StaffcastError(
        'INFEASIBLE',
        `scheduleShifts: openingHours: ${describeSlot(cal, t)} is closed but requires ${r} agents and coverage.allowUnderCoverage is false`,
        { rule: 'openingHours', slot: t },
      );
    if (cap !== undefined && cap < r)
      throw new StaffcastError(
        'INFEASIBLE',
        `scheduleShifts: caps.maxAgentsPerInterval (${cap}) is below the ${r} agents required in ${describeSlot(cal, t)} and coverage.allowUnderCoverage is false`,
        { rule: 'caps.maxAgentsPerInterval', slot: t },
      );
    if (uncoverable.has(t))
      throw new StaffcastError(
        'INFEASIBLE',
        `scheduleShifts: shiftTypes: no shift type can cover ${describeSlot(cal, t)} (${r} agents required) and coverage.allowUnderCoverage is false`,
        { rule: 'shiftTypes', slot: t },
      );
  }
}

/**
 * The warning for intervals no shift can cover: how many, the agent-intervals they require, and
 * the first runs of consecutive intervals by local time (internal).
 */
function uncoverableWarning(cal: SlotCalendar, slots: number[]): string | undefined {
  if (slots.length === 0) return undefined;
  const iv = cal.intervalMinutes;
  let required = 0;
  for (const t of slots) required += cal.required[t] ?? 0;
  const runs: string[] = [];
  for (let i = 0; i < slots.length; ) {
    let k = i;
    while (k + 1 < slots.length && slots[k + 1] === (slots[k] ?? 0) + 1) k++;
    const a = slots[i] ?? 0;
    const b = slots[k] ?? 0;
    const from = cal.starts?.[a];
    const label =
      from === undefined
        ? `${WEEKDAYS[cal.weekday[a] ?? 0]} ${formatMinuteOfDay(cal.minuteOfDay[a] ?? 0)}`
        : format(new TZDate(from, cal.timeZone), 'EEE d MMM HH:mm');
    runs.push(`${label}-${formatMinuteOfDay((cal.minuteOfDay[b] ?? 0) + iv)}`);
    i = k + 1;
  }
  const shown = runs.length > 6 ? [...runs.slice(0, 6), `and ${runs.length - 6} more`] : runs;
  const n = slots.length;
  return (
    `${n} interval${n === 1 ? '' : 's'} (${+required.toFixed(2)} agent-intervals required) cannot be covered by any shift of the rules ` +
    `(start times, lengths, days and opening hours do not reach them; they count as under-coverage): ${shown.join(', ')}`
  );
}

/** One solve of the covering model with one break method (internal). */
interface MethodRun {
  method: 'explicit' | 'implicit' | 'afterwards';
  c: Candidates;
  model: CoveringModel;
  best: CoverSolution;
  instances: ShiftInstance[];
  /** Real objective (real break times) of `best`. */
  objective: number;
  /** Real objective of the greedy schedule. */
  greedyObjective: number | undefined;
  bound: number | undefined;
  provenOptimal: boolean;
  solverSeconds: number;
  mipInfeasible: boolean;
  stoppedBy: MipStop | null;
  lpIterations: number;
  startSource: StartSource | null;
}

/**
 * On a model of at least 100,000 nonzeros the main MIP stops at the root once two cut rounds in a
 * row close less than 2% of the gap left while the gap is above 10x the target, at least 0.1%
 * (`MipSolveOptions.rootStall`). Smaller models (every example, test and MSD instance) branch
 * on as before: there a round costs little and branching proves optimality within the budget.
 * Measured on the Israeli bank's four weeks with breaks (bench/scheduling.bench.ts, 133,375
 * nonzeros): after the root LP (bound 3228.94, start 3251.33) the rounds take the bound to
 * 3239.47 at 6,718 simplex iterations, then HiGHS 1.15 spends minutes at the root with no
 * progress checkpoint and past its time limit (with or without restarts, root heuristics or
 * symmetry detection); it now stops there, 0.365% from the bound, on every run.
 */
const ROOT_STALL_CLOSURE = 0.02;
const ROOT_STALL_GAP = 10;
const ROOT_STALL_NONZEROS = 100_000;

/** Share of the work budget the LP-rounding neighbourhood may use (the MIP gets the rest). */
const NEIGHBOURHOOD_WORK = 0.1;

const STOP_RANK: Record<MipStop, number> = { gap: 0, work: 1, error: 2, time: 3 };

/** The less reproducible of two stop reasons (time > error > work > gap; null = no MIP). */
function worseStop(a: MipStop | null, b: MipStop | null): MipStop | null {
  if (a === null) return b;
  if (b === null) return a;
  return STOP_RANK[a] >= STOP_RANK[b] ? a : b;
}

/**
 * Orders schedules by real objective, equal to 12 significant digits counting as a tie (the
 * stable sort then keeps the earlier one: greedy, the given start, the LP rounding, the MIP): the
 * same schedule summed in another order must not lose to float noise.
 */
function byObjective(p: { objective: number }, q: { objective: number }): number {
  return Number(p.objective.toPrecision(12)) - Number(q.objective.toPrecision(12));
}

function realObjective(c: Candidates, cal: SlotCalendar, rules: ShiftRulesConfig, sol: CoverSolution) {
  const instances = placeBreaks(c, cal, rules, sol.x);
  return { instances, objective: buildResult(c, cal, rules, instances).objective };
}

/**
 * Greedy, `start` and the rounded LP relaxation (`roundLpSolution`), then the MIP warm-started from
 * the cheapest of them (real objective, breaks placed); a start other than greedy's is a candidate
 * only when it meets every row bound of the solved model (`satisfiesModelBounds`). The schedule kept
 * is the one with the lower real objective, so it is never worse than greedy.
 */
async function runMethod(
  method: 'explicit' | 'implicit' | 'afterwards',
  cal: SlotCalendar,
  rules: ShiftRulesConfig,
  options: ScheduleShiftsOptions,
  timeLimitSeconds: number,
  workShare: number,
  start?: (
    c: Candidates,
  ) => { sol: CoverSolution; instances?: ShiftInstance[]; source: StartSource } | undefined,
): Promise<MethodRun | undefined | null> {
  const c = generateCandidates(cal, rules, {
    breakMethod: method === 'explicit' ? 'explicit' : 'afterwards',
  });
  checkHardRules(cal, rules, c);
  const model = buildCoveringModel(c, cal, rules);
  const implicit = method === 'implicit' ? implicitBreakModel(model, c, cal, rules) : undefined;
  if (method === 'implicit' && implicit === undefined) return null; // overlapping break windows
  const greedy = greedyCover(c, cal, rules, model);
  const candidates: {
    sol: CoverSolution;
    instances: ShiftInstance[];
    objective: number;
    source: StartSource | 'mip';
  }[] = [];
  let greedyObjective: number | undefined;
  if (greedy !== undefined) {
    const r = realObjective(c, cal, rules, greedy);
    greedyObjective = r.objective;
    candidates.push({ sol: greedy, ...r, source: 'greedy' });
  }
  const solved = implicit ?? model;
  const startVector = (sol: CoverSolution, instances: ShiftInstance[]) =>
    implicit !== undefined
      ? implicitStart(implicit, c, cal, rules, instances, sol.w)
      : denseStart(model, cal, sol);
  // a start other than greedy's is used only when it meets every row bound of the solved model
  const addChecked = (
    sol: CoverSolution,
    instances: ShiftInstance[],
    objective: number,
    source: StartSource,
  ) => {
    const v = startVector(sol, instances);
    if (v !== undefined && satisfiesModelBounds(solved, v))
      candidates.push({ sol, instances, objective, source });
  };
  const extra = start?.(c);
  if (extra !== undefined) {
    if (extra.instances === undefined) {
      const r = realObjective(c, cal, rules, extra.sol);
      addChecked(extra.sol, r.instances, r.objective, extra.source);
    } else
      addChecked(
        extra.sol,
        extra.instances,
        buildResult(c, cal, rules, extra.instances).objective,
        extra.source,
      );
  }
  let bound: number | undefined;
  let provenOptimal = false;
  let solverSeconds = 0;
  let mipInfeasible = false;
  let stoppedBy: MipStop | null = null;
  let lpIterations = 0;
  let startSource: StartSource | null = null;
  // the safety net covers the LP, the neighbourhood and the MIP together
  const t0 = performance.now();
  const timeLeft = () =>
    Math.max(Math.min(1, timeLimitSeconds), timeLimitSeconds - (performance.now() - t0) / 1000);
  const workLimit = Math.max(1, Math.round(workShare * (options.workLimit ?? defaultWorkLimit(solved))));
  /** A MIP solution of the solved model: shift and tour counts, agents with their breaks, real objective. */
  const solutionOf = (v: Float64Array) => {
    const sol = splitSolution(model, v);
    const matched = implicit === undefined ? undefined : recoverBreaks(implicit, c, sol.x, v);
    const r =
      matched === undefined
        ? realObjective(c, cal, rules, sol)
        : { instances: matched, objective: buildResult(c, cal, rules, matched).objective };
    return { sol, ...r };
  };
  if (options.useSolver !== false) {
    // LP rounding: the LP relaxation solved to optimality (no work or time decision), rounded
    const lp = await solveCoveringMip(lpRelaxation(solved), { timeLimitSeconds: timeLeft() });
    solverSeconds += lp.seconds;
    if (lp.outcome === 'optimal' && lp.stoppedBy === 'gap' && lp.x !== undefined) {
      const sol = roundLpSolution(model, c, cal, rules, lp.x);
      const r = realObjective(c, cal, rules, sol);
      addChecked(sol, r.instances, r.objective, 'lp-rounding');
      // the best rounding: the MIP over the integers around the LP values, on a tenth of the budget
      const sub = await solveCoveringMip(lpNeighbourhood(solved, lp.x), {
        timeLimitSeconds: timeLeft(),
        workLimit: Math.max(1, Math.round(NEIGHBOURHOOD_WORK * workLimit)),
        relativeGap: options.relativeGap ?? 1e-4,
      });
      solverSeconds += sub.seconds;
      lpIterations += sub.lpIterations;
      stoppedBy = worseStop(stoppedBy, sub.stoppedBy === 'time' ? 'time' : null);
      if (sub.x !== undefined && satisfiesModelBounds(solved, sub.x)) {
        const rs = solutionOf(sub.x);
        candidates.push({ ...rs, source: 'lp-rounding' });
      }
    }
  }
  candidates.sort(byObjective);
  if (options.useSolver !== false) {
    const warm = candidates[0];
    if (warm !== undefined && warm.source !== 'mip') startSource = warm.source;
    const mip = await solveCoveringMip(solved, {
      timeLimitSeconds: timeLeft(),
      workLimit: Math.max(1, workLimit - lpIterations),
      relativeGap: options.relativeGap ?? 1e-4,
      start: warm === undefined ? undefined : startVector(warm.sol, warm.instances),
      rootStall:
        solved.matrix.values.length < ROOT_STALL_NONZEROS
          ? undefined
          : {
              closure: ROOT_STALL_CLOSURE,
              minGap: ROOT_STALL_GAP * Math.max(options.relativeGap ?? 1e-4, 1e-4),
            },
    });
    solverSeconds += mip.seconds;
    stoppedBy = worseStop(stoppedBy, mip.stoppedBy);
    lpIterations += mip.lpIterations;
    mipInfeasible = mip.outcome === 'infeasible';
    bound = mip.bound;
    if (mip.x !== undefined) {
      const r = solutionOf(mip.x);
      candidates.push({ ...r, source: 'mip' });
      const first = candidates[0];
      if (first === undefined || r.objective <= first.objective + 1e-9)
        provenOptimal = mip.outcome === 'optimal';
      candidates.sort(byObjective);
    }
  }
  const winner = candidates[0];
  if (winner === undefined) {
    if (mipInfeasible)
      throw new StaffcastError(
        'INFEASIBLE',
        'scheduleShifts: the hard rules (full coverage, caps, minimum/maximum counts or shares, tours) admit no schedule',
        { rule: 'hard rules' },
      );
    return undefined;
  }
  return {
    method,
    c,
    model,
    best: winner.sol,
    instances: winner.instances,
    objective: winner.objective,
    greedyObjective,
    bound,
    provenOptimal,
    solverSeconds,
    mipInfeasible,
    stoppedBy,
    lpIterations,
    startSource,
  };
}

/** Maps agents with placed breaks onto the explicit-break columns (undefined if one has no column). */
function mapToExplicit(from: MethodRun, c: Candidates): CoverSolution | undefined {
  const index = new Map<string, number>();
  for (let j = 0; j < c.count; j++) {
    const offs: number[] = [];
    for (let b = c.breakStart[j] ?? 0; b < (c.breakStart[j + 1] ?? 0); b++) offs.push(c.breakOffset[b] ?? 0);
    index.set(`${c.type[j]}|${c.start[j]}|${c.lengthSlots[j]}|${offs.join(',')}`, j);
  }
  const x = new Float64Array(c.count);
  const fc = from.c;
  for (const inst of from.instances) {
    const j = index.get(
      `${fc.type[inst.column]}|${fc.start[inst.column]}|${fc.lengthSlots[inst.column]}|${inst.breakOffsets.join(',')}`,
    );
    if (j === undefined) return undefined;
    x[j] = (x[j] ?? 0) + 1;
  }
  return { x, w: Float64Array.from(from.best.w) } satisfies CoverSolution;
}

/**
 * Builds a shift schedule covering a requirement under shift rules.
 *
 * Real clock: with `starts`, the requirement is placed on its complete local grid in `timeZone`
 * (whole local days, DST-aware: 92 or 100 quarter hours on a change day; intervals absent from the
 * requirement require 0), and a shift covers exactly the intervals it spans on that grid: it
 * starts at a local wall-clock time and ends at its wall-clock end (a 22:00-06:00 shift is 7 or 9
 * real and paid hours on a DST night) unless its type says `fixedDuration`; every interval it
 * spans must be open (the rules' `openingHours`, or without them the requirement's intervals)
 * unless `coverage.shiftsOutsideOpeningHours`; a non-cyclic horizon never wraps (with
 * `cyclicWeek` the grid is at least 7 days and wraps). Results map back to the requirement's rows
 * (`coverage` has one entry per row). Intervals with agents required that no shift can cover stay
 * in the model with their under-coverage penalty and are listed in `uncoverable` and `warnings`.
 *
 * Candidate shifts (every allowed type x day x start x length, and break placements when breaks
 * are explicit columns) feed a covering MIP: minimise sum(costPerPaidHour * paidHours * x) +
 * underPenalty * under + overPenalty * over per agent-interval, subject to coverage per interval,
 * caps, counts, shares and weekly tours (implicit days-off patterns). A lazy greedy runs first;
 * then the LP relaxation is solved and rounded (`roundLpSolution`: ceil, then redundant shifts
 * dropped) and searched around (`lpNeighbourhood`: a MIP over the integers next to the LP values,
 * on a tenth of the work budget); the cheapest of these schedules that meets every row bound of
 * the model is the MIP's warm start (`startSource`) and the answer when HiGHS is unavailable or
 * stops first, so the result is never worse than greedy. HiGHS runs in a worker thread and stops on the gap or on
 * its deterministic work budget (`workLimit`), so the same inputs give the same schedule whatever
 * the machine load; the wall-clock `timeLimitSeconds` is a safety net, and `stoppedBy` says which
 * rule ended the search.
 *
 * Breaks (`breakMethod`): `implicit` = break counts per time and break class with first-in-first-out
 * queue rows (Bechtold & Jacobs 1990, see implicitBreaks.ts), breaks matched to shifts afterwards
 * (exact, bound valid, far fewer columns); `explicit` = one column per break placement (exact, bound
 * valid unless placements were thinned); `afterwards` = shifts first with the expected break absence
 * as fractional coverage, then breaks placed where the surplus is largest (no valid bound); `auto`
 * (default) = implicit, or when break windows of one shift type overlap (no implicit model)
 * afterwards with 35% of the time then explicit warm-started from it. Measured on the bench week
 * (breaks + tours, 60 s, 2 shared cores): implicit proven optimal 1510.84 in 7.8-9.1 s (2,716
 * columns, peak RSS of the whole bench 717 MB); explicit alone (16,832 columns, greedy start)
 * 2271.85 with a 33.5% gap to its bound 1510.8 after 60 s; afterwards 1585.20 (4.9% above the
 * optimum, no bound); afterwards then explicit warm-started (the former auto) 1585.2, gap 4.87%
 * (see bench/scheduling.bench.ts). Without breaks: proven optimal in 1.16 s (1.41 s with tours).
 * Cost: candidates O(types * starts * lengths * break combinations); the MIP is NP-hard (time-limited).
 *
 * @throws StaffcastError `CONFIG` for invalid rules; `INFEASIBLE` naming the rule and interval when
 *   full coverage is required but an interval is closed, above the cap or not coverable, or the
 *   hard rules admit no schedule; `SOLVER_FAILED` when neither greedy nor HiGHS found a schedule
 *   meeting the hard rules; `INVALID_INPUT` for a bad requirement
 * @example
 * const s = await scheduleShifts({ intervalMinutes: 60, required: [0, 0, 2, 2, 2, 2, 0, 0] },
 *   { shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '04:00', startStepMinutes: 60,
 *     lengthsMinutes: [240] }] });
 * s.shifts[0]; // { type: 'd', startTime: '02:00', endTime: '06:00', count: 2, ... }
 */
export async function scheduleShifts(
  requirement: ShiftRequirement,
  rulesInput: ShiftRulesInput,
  options: ScheduleShiftsOptions = {},
): Promise<ShiftSchedule> {
  const rules = parseShiftRules(rulesInput, options.rulesSource);
  const cal = slotCalendar(requirement, rules.cyclicWeek ? { minDays: 7 } : {});
  const limit = options.timeLimitSeconds ?? 600;
  const hasBreaks = rules.shiftTypes.some((t) => t.breaks.length > 0);
  const t0 = performance.now();
  const previous = options.start;
  // the earlier schedule mapped onto each method's columns (an extra start; checked in runMethod)
  const given =
    previous === undefined
      ? undefined
      : (c: Candidates) => {
          const m = mapScheduleStart(previous, c, cal, rules);
          return m.mapped === 0
            ? undefined
            : { sol: m.sol, instances: m.instances, source: 'given' as const };
        };
  let run: MethodRun | undefined | null;
  if (!hasBreaks || rules.breakMethod === 'explicit')
    run = await runMethod('explicit', cal, rules, options, limit, 1, given);
  else if (rules.breakMethod === 'afterwards')
    run = await runMethod('afterwards', cal, rules, options, limit, 1, given);
  else {
    run = await runMethod('implicit', cal, rules, options, limit, 1, given);
    if (run === null && rules.breakMethod === 'implicit')
      run = await runMethod('afterwards', cal, rules, options, limit, 1, given);
  }
  if (run === null) {
    // break rules of one shift type with overlapping windows: no implicit model
    // the work budget (and the safety net) split 35/65 between the two MIPs
    const first = await runMethod('afterwards', cal, rules, options, 0.35 * limit, 0.35, given);
    const left = Math.max(1, limit - (performance.now() - t0) / 1000);
    const probe = generateCandidates(cal, rules, { breakMethod: 'explicit' });
    if (probe.count <= 60000) {
      const second = await runMethod('explicit', cal, rules, options, left, 0.65, (c) => {
        const sol = first ? mapToExplicit(first, c) : undefined;
        return sol === undefined ? undefined : { sol, source: 'previous' };
      });
      run = second ?? first;
      if (second && first) {
        second.solverSeconds += first.solverSeconds;
        second.stoppedBy = worseStop(first.stoppedBy, second.stoppedBy);
        second.lpIterations += first.lpIterations;
        if (first.greedyObjective !== undefined)
          second.greedyObjective = Math.min(second.greedyObjective ?? Infinity, first.greedyObjective);
        // a restriction's bound (thinned break positions) is not a bound for the afterwards schedule
        if (second.c.thinned && first.objective < second.objective) {
          first.solverSeconds = second.solverSeconds;
          first.stoppedBy = second.stoppedBy;
          first.lpIterations = second.lpIterations;
          run = first;
        }
      }
    } else run = first;
  }
  if (!run)
    throw new StaffcastError(
      options.useSolver === false ? 'INFEASIBLE' : 'SOLVER_FAILED',
      'scheduleShifts: no schedule meets the hard rules (the greedy heuristic failed and the MIP found none in time)',
      { rule: 'hard rules' },
    );
  const { c, model, best, instances } = run;
  const result = buildResult(c, cal, rules, instances);
  const objective = result.objective;
  let bestBound: number | null = null;
  let gap: number | null = null;
  let status: ShiftSchedule['status'] = 'heuristic';
  if (
    run.bound !== undefined &&
    Number.isFinite(run.bound) &&
    (run.method === 'implicit' || (run.method === 'explicit' && !c.thinned))
  ) {
    bestBound = Math.min(run.bound, objective);
    gap = Math.abs(objective) > 1e-12 ? Math.max(0, (objective - bestBound) / Math.abs(objective)) : 0;
    status = gap <= (options.relativeGap ?? 1e-4) + 1e-9 ? 'optimal' : 'feasible';
  }
  const uncoverable = uncoverableSlots(cal, c);
  const warning = uncoverableWarning(cal, uncoverable);
  const rowOf = new Int32Array(cal.slots).fill(-1);
  cal.rowSlot.forEach((slot, i) => {
    rowOf[slot] = i;
  });
  const schedule: ShiftSchedule = {
    status,
    breakMethod: run.method,
    objective,
    bestBound,
    gap,
    greedyObjective: run.greedyObjective ?? null,
    shifts: result.shifts,
    coverage: result.coverage,
    underAgentIntervals: result.under,
    overAgentIntervals: result.over,
    uncoverable: uncoverable.map((t) => rowOf[t] ?? -1).filter((i) => i >= 0),
    warnings: warning === undefined ? [] : [warning],
    efficiency: scheduleEfficiency(result.coverage.required, result.coverage.net),
    intervalMinutes: cal.intervalMinutes,
    timeZone: cal.timeZone,
    cyclic: rules.cyclicWeek,
    candidates: c.count,
    solverSeconds: run.solverSeconds,
    stoppedBy: run.stoppedBy,
    lpIterations: run.lpIterations,
    startSource: run.startSource,
  };
  if (requirement.starts !== undefined) schedule.starts = Float64Array.from(requirement.starts);
  if (model.tours !== undefined) schedule.tours = buildTours(c, cal, rules, model, best);
  return schedule;
}

function denseStart(model: CoveringModel, cal: SlotCalendar, sol: CoverSolution): Float64Array {
  const v = new Float64Array(model.numCols);
  v.set(sol.x, 0);
  const n = cal.slots;
  const cov = new Float64Array(n);
  const { starts, rows, values } = model.coverage;
  for (let j = 0; j < model.shiftColumns; j++)
    for (let e = starts[j] ?? 0; e < (starts[j + 1] ?? 0); e++)
      cov[rows[e] ?? 0] = (cov[rows[e] ?? 0] ?? 0) + (sol.x[j] ?? 0) * (values[e] ?? 0);
  for (let t = 0; t < n; t++) {
    v[model.shiftColumns + t] = Math.max(0, (cal.required[t] ?? 0) - (cov[t] ?? 0));
  }
  v.set(sol.w, model.tourOffset);
  return v;
}

function splitSolution(model: CoveringModel, x: Float64Array): CoverSolution {
  const xs = new Float64Array(model.shiftColumns);
  for (let j = 0; j < model.shiftColumns; j++) xs[j] = Math.max(0, Math.round(x[j] ?? 0));
  const W = model.tours?.count ?? 0;
  const w = new Float64Array(W);
  for (let p = 0; p < W; p++) w[p] = Math.max(0, Math.round(x[model.tourOffset + p] ?? 0));
  return { x: xs, w };
}

function buildResult(c: Candidates, cal: SlotCalendar, rules: ShiftRulesConfig, instances: ShiftInstance[]) {
  const n = cal.slots;
  const iv = cal.intervalMinutes;
  const scheduled = new Float64Array(n);
  const onBreak = new Float64Array(n);
  const slotOf = (t: number): number => (t < n ? t : c.cyclic ? t % n : -1);
  // local "HH:MM" at `offset` slots after grid slot s (past a non-cyclic end: real minutes on)
  const clock = (s: number, offset: number): string => {
    const t = s + offset;
    const ms = cal.starts?.[s];
    if (t < n && cal.starts !== undefined) return formatMinuteOfDay(cal.minuteOfDay[t] ?? 0);
    if (ms !== undefined) return format(new TZDate(ms + offset * iv * 60_000, cal.timeZone), 'HH:mm');
    return formatMinuteOfDay((cal.minuteOfDay[s] ?? 0) + offset * iv);
  };
  const groups = new Map<string, ScheduledShift>();
  let cost = 0;
  for (const inst of instances) {
    const j = inst.column;
    const s = c.start[j] ?? 0;
    const len = c.lengthSlots[j] ?? 0;
    const st = rules.shiftTypes[c.type[j] ?? 0];
    cost += c.cost[j] ?? 0;
    for (let i = 0; i < len; i++) {
      const t = slotOf(s + i);
      if (t >= 0) scheduled[t] = (scheduled[t] ?? 0) + 1;
    }
    const key = `${j}|${inst.breakOffsets.join(',')}`;
    const g = groups.get(key);
    if (g !== undefined) {
      g.count++;
      for (const [b, o] of inst.breakOffsets.entries())
        for (let i = o; i < o + (g.breaks[b]?.durationMinutes ?? 0) / iv; i++) {
          const t = slotOf(s + i);
          if (t >= 0) onBreak[t] = (onBreak[t] ?? 0) + 1;
        }
      continue;
    }
    const ms = cal.starts?.[s];
    const breaks: ScheduledBreak[] = inst.breakOffsets.map((o, b) => {
      const rule = st?.breaks[b];
      const dur = rule?.durationMinutes ?? 0;
      for (let i = o; i < o + dur / iv; i++) {
        const t = slotOf(s + i);
        if (t >= 0) onBreak[t] = (onBreak[t] ?? 0) + 1;
      }
      const brk: ScheduledBreak = {
        name: rule?.name ?? 'break',
        startSlot: (s + o) % (c.cyclic ? n : Number.POSITIVE_INFINITY),
        startTime: clock(s, o),
        durationMinutes: dur,
        paid: rule?.paid ?? false,
      };
      if (ms !== undefined) brk.startMs = ms + o * iv * 60_000;
      return brk;
    });
    const shift: ScheduledShift = {
      type: st?.name ?? '',
      day: WEEKDAYS[cal.weekday[s] ?? 0] ?? 'mon',
      dayIndex: cal.dayIndex[s] ?? 0,
      startSlot: s,
      startTime: formatMinuteOfDay(cal.minuteOfDay[s] ?? 0),
      endTime: clock(s, len),
      lengthMinutes: len * iv,
      paidMinutes: c.paidMinutes[j] ?? 0,
      breaks,
      count: 1,
    };
    if (ms !== undefined) {
      shift.startMs = ms;
      shift.endMs = ms + len * iv * 60_000;
    }
    groups.set(key, shift);
  }
  const net = new Float64Array(n);
  let under = 0;
  let over = 0;
  for (let t = 0; t < n; t++) {
    net[t] = (scheduled[t] ?? 0) - (onBreak[t] ?? 0);
    const d = (cal.required[t] ?? 0) - (net[t] ?? 0);
    if (d > 0) under += d;
    else over -= d;
  }
  const shifts = [...groups.values()].sort(
    (a, b) => a.startSlot - b.startSlot || a.type.localeCompare(b.type),
  );
  const objective =
    cost +
    rules.coverage.underPenaltyPerAgentInterval * under +
    rules.coverage.overPenaltyPerAgentInterval * over;
  // back to the requirement's rows
  const rows = cal.rowSlot;
  const pick = (a: ArrayLike<number>) => Float64Array.from(rows, (t) => a[t] ?? 0);
  return {
    shifts,
    coverage: {
      required: pick(cal.required),
      scheduled: pick(scheduled),
      onBreak: pick(onBreak),
      net: pick(net),
      dayIndex: Int32Array.from(rows, (t) => cal.dayIndex[t] ?? 0),
    },
    under,
    over,
    objective,
  };
}

function buildTours(
  c: Candidates,
  cal: SlotCalendar,
  rules: ShiftRulesConfig,
  model: CoveringModel,
  sol: CoverSolution,
): ScheduledTour[] {
  const patterns = model.tours;
  if (patterns === undefined) return [];
  const assignments = decomposeTours(c, patterns, sol.x, sol.w, cal.days);
  const out = new Map<string, ScheduledTour>();
  for (const a of assignments) {
    const g = patterns.group[a.pattern] ?? 0;
    const grp = c.groups[g];
    const workDays: Weekday[] = [];
    const startTimes: string[] = [];
    a.columns.forEach((j) => {
      if (j < 0) return;
      const s = c.start[j] ?? 0;
      workDays.push(WEEKDAYS[cal.weekday[s] ?? 0] ?? 'mon');
      startTimes.push(formatMinuteOfDay(cal.minuteOfDay[s] ?? 0));
    });
    const key = `${g}|${workDays.join(',')}|${startTimes.join(',')}`;
    const t = out.get(key);
    if (t !== undefined) {
      t.count++;
      continue;
    }
    out.set(key, {
      type: rules.shiftTypes[grp?.type ?? 0]?.name ?? '',
      lengthMinutes: (grp?.lengthSlots ?? 0) * cal.intervalMinutes,
      workDays,
      startTimes,
      paidHoursPerWeek: (workDays.length * (grp?.paidMinutes ?? 0)) / 60,
      count: 1,
    });
  }
  return [...out.values()];
}
