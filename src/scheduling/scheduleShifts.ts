import { StaffcastError } from '../errors.js';
import { formatInstant } from '../time/formatInstant.js';
import { formatMinuteOfDay, type ShiftRequirement, type SlotCalendar, slotCalendar } from './calendar.js';
import { type Candidates, generateCandidates, openSlots } from './candidates.js';
import { type ScheduleEfficiency, scheduleEfficiency } from './efficiency.js';
import { type CoverSolution, greedyCover } from './greedy.js';
import { implicitBreakModel, implicitStart, recoverBreaks } from './implicitBreaks.js';
import { buildCoveringModel, type CoveringModel } from './model.js';
import { placeBreaks, type ShiftInstance } from './placeBreaks.js';
import {
  parseShiftRules,
  type ShiftRulesConfig,
  type ShiftRulesInput,
  WEEKDAYS,
  type Weekday,
} from './rules.js';
import { defaultWorkLimit, type MipStop, solveCoveringMip } from './solveMip.js';
import { decomposeTours } from './tours.js';

/** Options of {@link scheduleShifts}. */
export interface ScheduleOptions {
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
}

/** A break of a scheduled shift. */
export interface ScheduledBreak {
  name: string;
  /** Slot index where the break starts (cyclic horizons wrap). */
  startSlot: number;
  /** Local `"HH:MM"` start. */
  startTime: string;
  durationMinutes: number;
  paid: boolean;
}

/** A group of identical shifts: same type, start, length and break times. */
export interface ScheduledShift {
  type: string;
  /** Weekday the shift starts on. */
  day: Weekday;
  /** Horizon day (0 = the first day of the requirement). */
  dayIndex: number;
  startSlot: number;
  /** Local `"HH:MM"` start and end (the end may be on the next day). */
  startTime: string;
  endTime: string;
  /** Epoch ms of the start, when the requirement has `starts`. */
  startMs?: number;
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

/** Coverage per interval of a schedule. */
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
  /** Sum over intervals of max(0, required - net). */
  underAgentIntervals: number;
  /** Sum over intervals of max(0, net - required). */
  overAgentIntervals: number;
  efficiency: ScheduleEfficiency;
  intervalMinutes: number;
  timeZone: string;
  starts?: Float64Array;
  cyclic: boolean;
  /** Candidate shift columns generated. */
  candidates: number;
  /** Seconds spent in the MIP worker. */
  solverSeconds: number;
  /**
   * Why the MIP stopped: `gap` (proven within `relativeGap`, or `status: 'heuristic'` with a MIP
   * that ended on its own), `work` (the deterministic `workLimit`; the same schedule on every run),
   * `time` (the wall-clock safety net `timeLimitSeconds`: the schedule depends on machine load),
   * `error` (HiGHS failed; the greedy schedule is kept); null without a MIP (`useSolver: false`).
   * With two MIPs (breaks placed afterwards, then explicit) the less reproducible of the two.
   */
  stoppedBy: MipStop | null;
  /** Simplex iterations the MIP used (the unit of `workLimit`; summed over both MIPs when two ran). */
  lpIterations: number;
}

function describeSlot(cal: SlotCalendar, t: number): string {
  const s = cal.starts?.[t];
  const label = `${WEEKDAYS[cal.weekday[t] ?? 0]} ${formatMinuteOfDay(cal.minuteOfDay[t] ?? 0)}`;
  return s === undefined
    ? `interval ${t} (${label})`
    : `interval ${formatInstant(s, cal.timeZone)} (${label})`;
}

function checkHardRules(cal: SlotCalendar, rules: ShiftRulesConfig, c: Candidates): void {
  if (rules.coverage.allowUnderCoverage) return;
  const open = openSlots(cal, rules);
  const covered = new Uint8Array(cal.slots);
  for (let j = 0; j < c.count; j++)
    for (let i = 0; i < (c.lengthSlots[j] ?? 0); i++) {
      const t = (c.start[j] ?? 0) + i;
      if (t < cal.slots) covered[t] = 1;
      else if (c.cyclic) covered[t % cal.slots] = 1;
    }
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
    if (!covered[t])
      throw new StaffcastError(
        'INFEASIBLE',
        `scheduleShifts: shiftTypes: no shift type can cover ${describeSlot(cal, t)} (${r} agents required) and coverage.allowUnderCoverage is false`,
        { rule: 'shiftTypes', slot: t },
      );
  }
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
}

const STOP_RANK: Record<MipStop, number> = { gap: 0, work: 1, error: 2, time: 3 };

/** The less reproducible of two stop reasons (time > error > work > gap; null = no MIP). */
function worseStop(a: MipStop | null, b: MipStop | null): MipStop | null {
  if (a === null) return b;
  if (b === null) return a;
  return STOP_RANK[a] >= STOP_RANK[b] ? a : b;
}

function realObjective(c: Candidates, cal: SlotCalendar, rules: ShiftRulesConfig, sol: CoverSolution) {
  const instances = placeBreaks(c, cal, rules, sol.x);
  return { instances, objective: buildResult(c, cal, rules, instances).objective };
}

/**
 * Greedy, then the MIP warm-started from the better of greedy and `start`; the schedule kept is
 * the one with the lower real objective (breaks placed), so it is never worse than greedy.
 */
async function runMethod(
  method: 'explicit' | 'implicit' | 'afterwards',
  cal: SlotCalendar,
  rules: ShiftRulesConfig,
  options: ScheduleOptions,
  timeLimitSeconds: number,
  workShare: number,
  start?: (c: Candidates) => { sol: CoverSolution; instances?: ShiftInstance[] } | undefined,
): Promise<MethodRun | undefined | null> {
  const c = generateCandidates(cal, rules, {
    breakMethod: method === 'explicit' ? 'explicit' : 'afterwards',
  });
  checkHardRules(cal, rules, c);
  const model = buildCoveringModel(c, cal, rules);
  const implicit = method === 'implicit' ? implicitBreakModel(model, c, cal, rules) : undefined;
  if (method === 'implicit' && implicit === undefined) return null; // overlapping break windows
  const greedy = greedyCover(c, cal, rules, model);
  const candidates: { sol: CoverSolution; instances: ShiftInstance[]; objective: number }[] = [];
  let greedyObjective: number | undefined;
  if (greedy !== undefined) {
    const r = realObjective(c, cal, rules, greedy);
    greedyObjective = r.objective;
    candidates.push({ sol: greedy, ...r });
  }
  const extra = start?.(c);
  if (extra !== undefined)
    candidates.push(
      extra.instances === undefined
        ? { sol: extra.sol, ...realObjective(c, cal, rules, extra.sol) }
        : {
            sol: extra.sol,
            instances: extra.instances,
            objective: buildResult(c, cal, rules, extra.instances).objective,
          },
    );
  candidates.sort((p, q) => p.objective - q.objective);
  let bound: number | undefined;
  let provenOptimal = false;
  let solverSeconds = 0;
  let mipInfeasible = false;
  let stoppedBy: MipStop | null = null;
  let lpIterations = 0;
  if (options.useSolver !== false) {
    const warm = candidates[0];
    const solved = implicit ?? model;
    const mip = await solveCoveringMip(solved, {
      timeLimitSeconds,
      workLimit: Math.max(1, Math.round(workShare * (options.workLimit ?? defaultWorkLimit(solved)))),
      relativeGap: options.relativeGap ?? 1e-4,
      start:
        warm === undefined
          ? undefined
          : implicit !== undefined
            ? implicitStart(implicit, c, cal, rules, warm.instances, warm.sol.w)
            : denseStart(model, cal, warm.sol),
    });
    solverSeconds = mip.seconds;
    stoppedBy = mip.stoppedBy;
    lpIterations = mip.lpIterations;
    mipInfeasible = mip.outcome === 'infeasible';
    bound = mip.bound;
    if (mip.x !== undefined) {
      const sol = splitSolution(model, mip.x);
      const matched = implicit === undefined ? undefined : recoverBreaks(implicit, c, sol.x, mip.x);
      const r =
        matched === undefined
          ? realObjective(c, cal, rules, sol)
          : { instances: matched, objective: buildResult(c, cal, rules, matched).objective };
      candidates.push({ sol, ...r });
      const first = candidates[0];
      if (first === undefined || r.objective <= first.objective + 1e-9)
        provenOptimal = mip.outcome === 'optimal';
      candidates.sort((p, q) => p.objective - q.objective);
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
 * Candidate shifts (every allowed type x day x start x length, and break placements when breaks
 * are explicit columns) feed a covering MIP: minimise sum(costPerPaidHour * paidHours * x) +
 * underPenalty * under + overPenalty * over per agent-interval, subject to coverage per interval,
 * caps, counts, shares and weekly tours (implicit days-off patterns). A lazy greedy runs first;
 * its schedule is the MIP's warm start and the answer when HiGHS is unavailable or stops first, so
 * the result is never worse than greedy. HiGHS runs in a worker thread and stops on the gap or on
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
  options: ScheduleOptions = {},
): Promise<ShiftSchedule> {
  const rules = parseShiftRules(rulesInput, options.rulesSource);
  const cal = slotCalendar(requirement);
  const limit = options.timeLimitSeconds ?? 600;
  const hasBreaks = rules.shiftTypes.some((t) => t.breaks.length > 0);
  const t0 = performance.now();
  let run: MethodRun | undefined | null;
  if (!hasBreaks || rules.breakMethod === 'explicit')
    run = await runMethod('explicit', cal, rules, options, limit, 1);
  else if (rules.breakMethod === 'afterwards')
    run = await runMethod('afterwards', cal, rules, options, limit, 1);
  else {
    run = await runMethod('implicit', cal, rules, options, limit, 1);
    if (run === null && rules.breakMethod === 'implicit')
      run = await runMethod('afterwards', cal, rules, options, limit, 1);
  }
  if (run === null) {
    // break rules of one shift type with overlapping windows: no implicit model
    // the work budget (and the safety net) split 35/65 between the two MIPs
    const first = await runMethod('afterwards', cal, rules, options, 0.35 * limit, 0.35);
    const left = Math.max(1, limit - (performance.now() - t0) / 1000);
    const probe = generateCandidates(cal, rules, { breakMethod: 'explicit' });
    if (probe.count <= 60000) {
      const second = await runMethod('explicit', cal, rules, options, left, 0.65, (c) => {
        const sol = first ? mapToExplicit(first, c) : undefined;
        return sol === undefined ? undefined : { sol };
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
    efficiency: scheduleEfficiency(result.coverage.required, result.coverage.net),
    intervalMinutes: cal.intervalMinutes,
    timeZone: cal.timeZone,
    cyclic: rules.cyclicWeek,
    candidates: c.count,
    solverSeconds: run.solverSeconds,
    stoppedBy: run.stoppedBy,
    lpIterations: run.lpIterations,
  };
  if (cal.starts !== undefined) schedule.starts = cal.starts;
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
    const breaks: ScheduledBreak[] = inst.breakOffsets.map((o, b) => {
      const rule = st?.breaks[b];
      const dur = rule?.durationMinutes ?? 0;
      for (let i = o; i < o + dur / iv; i++) {
        const t = slotOf(s + i);
        if (t >= 0) onBreak[t] = (onBreak[t] ?? 0) + 1;
      }
      return {
        name: rule?.name ?? 'break',
        startSlot: (s + o) % (c.cyclic ? n : Number.POSITIVE_INFINITY),
        startTime: formatMinuteOfDay((cal.minuteOfDay[s] ?? 0) + o * iv),
        durationMinutes: dur,
        paid: rule?.paid ?? false,
      };
    });
    const key = `${j}|${inst.breakOffsets.join(',')}`;
    const g = groups.get(key);
    if (g !== undefined) {
      g.count++;
      continue;
    }
    const shift: ScheduledShift = {
      type: st?.name ?? '',
      day: WEEKDAYS[cal.weekday[s] ?? 0] ?? 'mon',
      dayIndex: cal.dayIndex[s] ?? 0,
      startSlot: s,
      startTime: formatMinuteOfDay(cal.minuteOfDay[s] ?? 0),
      endTime: formatMinuteOfDay((cal.minuteOfDay[s] ?? 0) + len * iv),
      lengthMinutes: len * iv,
      paidMinutes: c.paidMinutes[j] ?? 0,
      breaks,
      count: 1,
    };
    const ms = cal.starts?.[s];
    if (ms !== undefined) shift.startMs = ms;
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
  return {
    shifts,
    coverage: {
      required: Float64Array.from(cal.required),
      scheduled,
      onBreak,
      net,
      dayIndex: Int32Array.from(cal.dayIndex),
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
