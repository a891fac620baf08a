import { applyShrinkage } from '../../queueing/shrinkage.js';
import type { ShiftSchedule } from '../../scheduling/scheduleShifts.js';

/** Paid hours and cost of a schedule (as `PlanSummary.paidHours` and `scheduleCost`). */
export interface PlanScheduleCost {
  paidHours: number;
  scheduleCost: number;
}

/** Figures of one schedule of the simulation-checked loop. */
export interface PlanCheckRound extends PlanScheduleCost {
  /** 0 = the schedule of the requirement; k = after the k-th raise. */
  round: number;
  /** Simulated service level over the horizon (mean of the replications). */
  serviceLevel: number;
  /** Per-interval Erlang figure over the horizon. */
  erlangServiceLevel: number;
  /** Intervals with calls whose simulated service level is below their level (see `missedIntervals`). */
  missedIntervals: number;
}

/** What the simulation-checked loop did and what it cost: summary.json's `simulationCheck`. */
export interface PlanSimulationCheck {
  /** Rounds allowed (the config's `schedule.simulationCheck.rounds`). */
  maxRounds: number;
  /** Re-solves done (fewer than `maxRounds` when no interval missed any more). */
  rounds: number;
  /** Round 0 (the schedule of the requirement) to the last; the plan keeps the last. */
  history: PlanCheckRound[];
  /** Agent-intervals added on the phones over all rounds (sum of the raises). */
  addedAgentIntervals: number;
  /** Paid hours and cost of the last schedule minus those of the first. */
  extraPaidHours: number;
  extraCost: number;
}

/**
 * The intervals a simulated schedule misses: those with calls whose simulated service level is
 * below min(target, the per-interval Erlang service level the requirement was staffed to) — the
 * target itself with scope 'interval'; with scope 'day' or 'week' an interval the requirement
 * leaves below the target must only keep its own level. O(intervals).
 *
 * @internal
 * @example
 * missedIntervals(Float64Array.of(10, 10, 0), Float64Array.of(0.85, 0.71, 1),
 *   Float64Array.of(0.86, 0.84, 1), 0.8); // [1]
 */
export function missedIntervals(
  calls: ArrayLike<number>,
  simulatedServiceLevel: ArrayLike<number>,
  requiredServiceLevel: ArrayLike<number>,
  target: number,
): number[] {
  const out: number[] = [];
  for (let t = 0; t < calls.length; t++) {
    if (!(calls[t]! > 0)) continue;
    const level = Math.min(target, requiredServiceLevel[t] ?? target);
    if (simulatedServiceLevel[t]! < level) out.push(t);
  }
  return out;
}

/**
 * The raised requirement of one round: in each missed interval one whole agent more on the phones
 * than the schedule gives now (`answeringAgents[t] + 1`, never below the requirement), the rest
 * unchanged; agents to schedule = applyShrinkage(agents / availabilityFactor, shrinkage), as in
 * `staffingPlan`. One agent is the smallest step that can change the interval's service. O(intervals).
 *
 * @internal
 * @example
 * const r = raisedRequirement({ agents: Float64Array.of(7, 7), scheduledAgents: Float64Array.of(10, 10),
 *   shrinkage: Float64Array.of(0.3, 0.3) }, Float64Array.of(7, 7), [1]);
 * [...r.agents]; // [7, 8]
 * r.scheduledAgents[1]; // 12 (applyShrinkage(8, 0.3) = ceil(8 / 0.7))
 */
export function raisedRequirement(
  requirement: {
    agents: Float64Array;
    scheduledAgents: Float64Array;
    shrinkage: Float64Array;
    availabilityFactor?: number | undefined;
  },
  answeringAgents: ArrayLike<number>,
  missed: readonly number[],
): { agents: Float64Array; scheduledAgents: Float64Array } {
  const agents = Float64Array.from(requirement.agents);
  const scheduledAgents = Float64Array.from(requirement.scheduledAgents);
  const factor = requirement.availabilityFactor ?? 1;
  for (const t of missed) {
    const a = Math.max(agents[t]!, answeringAgents[t]! + 1);
    agents[t] = a;
    scheduledAgents[t] = Math.max(scheduledAgents[t]!, applyShrinkage(a / factor, requirement.shrinkage[t]!));
  }
  return { agents, scheduledAgents };
}

/**
 * Paid hours and cost of a schedule's shifts: sums of count x paidMinutes / 60, and of that x the
 * cost per paid hour of the shift type (missing: 1), as `planSummary`. O(shifts).
 *
 * @internal
 * @example
 * scheduleCostOf({ shifts: [{ type: 'ft', count: 2, paidMinutes: 480 }, { type: 'pt', count: 1, paidMinutes: 240 }] } as never,
 *   new Map([['ft', 20]])); // { paidHours: 20, scheduleCost: 324 }
 */
export function scheduleCostOf(
  schedule: Pick<ShiftSchedule, 'shifts'>,
  costPerPaidHour: ReadonlyMap<string, number>,
): PlanScheduleCost {
  let paidHours = 0;
  let scheduleCost = 0;
  for (const s of schedule.shifts) {
    const hours = (s.count * s.paidMinutes) / 60;
    paidHours += hours;
    scheduleCost += hours * (costPerPaidHour.get(s.type) ?? 1);
  }
  return { paidHours, scheduleCost };
}

/** One schedule assessed: the answering agents per interval and the simulated and Erlang service. */
export interface CheckAssessment {
  /** Whole agents answering per interval (the Erlang evaluation's). */
  answeringAgents: ArrayLike<number>;
  /** Simulated service level per interval (mean). */
  simulatedServiceLevel: ArrayLike<number>;
  /** Simulated and Erlang service level over the horizon. */
  serviceLevel: number;
  erlangServiceLevel: number;
}

/** The steps the loop calls: solve a raised requirement from a start, assess a schedule. */
export interface SimulationCheckSteps<A extends CheckAssessment> {
  /** Schedules `scheduledAgents` with `start` as MIP start (deterministic: a work budget). */
  solve: (scheduledAgents: Float64Array, start: ShiftSchedule) => Promise<ShiftSchedule>;
  /** Evaluates and simulates a schedule against the ORIGINAL demand. */
  assess: (schedule: ShiftSchedule) => Promise<A>;
}

/**
 * The simulation-checked scheduling loop (Atlason, Epelman and Henderson 2004, "Call center
 * staffing with simulation and cutting plane methods", Ann. Oper. Res. 127): schedule, simulate,
 * raise the requirement by one agent on the phones in every interval whose simulated service
 * level misses (`missedIntervals`, `raisedRequirement`), re-solve with the previous schedule as
 * MIP start, at most `rounds` times, stopping early when no interval misses. The raises
 * accumulate (a raised interval stays raised). Deterministic when `solve` stops on a work budget
 * and `assess` simulates with a fixed seed. Returns the last schedule and its assessment, and the
 * paid hours, cost and service level of every round. Cost: rounds x (MIP + simulation).
 *
 * @internal
 * @example
 * // a stand-in schedule (net coverage = the requirement) and simulation (interval 1 meets the
 * // target from 9 agents on): two rounds raise interval 1 from 7 to 9 agents
 * const cover = (required: Float64Array) => ({ coverage: { net: required },
 *   shifts: [{ type: 'flex', count: required.reduce((a, b) => a + b, 0), paidMinutes: 60 }] }) as never;
 * const assess = async (s: { coverage: { net: Float64Array } }) => ({ answeringAgents: s.coverage.net,
 *   simulatedServiceLevel: s.coverage.net.map((a, t) => (t === 1 && a < 9 ? 0.6 : 0.9)),
 *   serviceLevel: 0.75, erlangServiceLevel: 0.85 });
 * const requirement = { calls: [50, 50], agents: Float64Array.of(7, 7), scheduledAgents: Float64Array.of(7, 7),
 *   shrinkage: Float64Array.of(0, 0), serviceLevel: [0.85, 0.85] };
 * const schedule = cover(requirement.scheduledAgents);
 * const r = await simulationCheckedSchedule({ requirement, target: 0.8, rounds: 5, schedule,
 *   assessment: await assess(schedule), costPerPaidHour: new Map() }, { solve: async (req) => cover(req), assess });
 * [r.check.rounds, r.check.extraPaidHours, r.check.history.map((h) => h.missedIntervals)]; // [2, 2, [1, 1, 0]]
 */
export async function simulationCheckedSchedule<A extends CheckAssessment>(
  input: {
    requirement: {
      calls: ArrayLike<number>;
      agents: Float64Array;
      scheduledAgents: Float64Array;
      shrinkage: Float64Array;
      serviceLevel: ArrayLike<number>;
      availabilityFactor?: number | undefined;
    };
    target: number;
    rounds: number;
    schedule: ShiftSchedule;
    assessment: A;
    costPerPaidHour: ReadonlyMap<string, number>;
  },
  steps: SimulationCheckSteps<A>,
): Promise<{ schedule: ShiftSchedule; assessment: A; check: PlanSimulationCheck }> {
  const { requirement: req, target } = input;
  let schedule = input.schedule;
  let assessment = input.assessment;
  let current = { ...req };
  const round = (k: number, missed: number): PlanCheckRound => ({
    round: k,
    ...scheduleCostOf(schedule, input.costPerPaidHour),
    serviceLevel: assessment.serviceLevel,
    erlangServiceLevel: assessment.erlangServiceLevel,
    missedIntervals: missed,
  });
  let missed = missedIntervals(req.calls, assessment.simulatedServiceLevel, req.serviceLevel, target);
  const history = [round(0, missed.length)];
  let added = 0;
  let done = 0;
  while (done < input.rounds && missed.length > 0) {
    const raised = raisedRequirement(current, assessment.answeringAgents, missed);
    for (let t = 0; t < raised.agents.length; t++) added += raised.agents[t]! - current.agents[t]!;
    current = { ...current, ...raised };
    schedule = await steps.solve(raised.scheduledAgents, schedule);
    assessment = await steps.assess(schedule);
    done++;
    missed = missedIntervals(req.calls, assessment.simulatedServiceLevel, req.serviceLevel, target);
    history.push(round(done, missed.length));
  }
  const first = history[0]!;
  const last = history[history.length - 1]!;
  return {
    schedule,
    assessment,
    check: {
      maxRounds: input.rounds,
      rounds: done,
      history,
      addedAgentIntervals: added,
      extraPaidHours: last.paidHours - first.paidHours,
      extraCost: last.scheduleCost - first.scheduleCost,
    },
  };
}
