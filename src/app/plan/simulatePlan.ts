import { invalidInput } from '../../errors.js';
import type { ServiceLevelBasis } from '../../queueing/types.js';
import type { ScheduleEvaluation } from '../../service/evaluateSchedule.js';
import { simulationInputFromSeries } from '../../simulation/fromSeries.js';
import { simulate } from '../../simulation/simulate.js';
import type { Estimate, SimulatedPeriod, SimulationPatience } from '../../simulation/types.js';
import type { StaffingPlan } from '../../staffing/staffingPlan.js';
import { localDate } from '../../time/localCalendar.js';

/**
 * Replications of a plan's simulation when the config gives none.
 *
 * @internal
 */
export const DEFAULT_PLAN_REPLICATIONS = 20;
/**
 * Seed of a plan's simulation when the config gives none.
 *
 * @internal
 */
export const DEFAULT_PLAN_SIMULATION_SEED = 1;

/** Simulated figures of a period (a day or the horizon) beside its per-interval Erlang figure. */
export interface PlanSimulatedFigures {
  /** Simulated service level (mean over the replications) on the target's basis, 0..1. */
  serviceLevel: number;
  /** The 95% confidence interval of `serviceLevel` (Student t over the replications). */
  serviceLevelLower: number;
  serviceLevelUpper: number;
  /** Simulated mean wait of answered calls, seconds. */
  asaSeconds: number;
  /** Simulated share of calls abandoning. */
  abandonRate: number;
  /** The contact-weighted Erlang figure of the same period (each interval scored as if it started empty). */
  erlangServiceLevel: number;
}

/** One interval where the simulated service level and the Erlang figure differ. */
export interface PlanSimulatedInterval extends PlanSimulatedFigures {
  /** Interval start, epoch ms. */
  start: number;
  /** Forecast calls of the interval. */
  calls: number;
  /** Agents answering (whole, as in the Erlang evaluation). */
  agents: number;
}

/** A plan's simulation, JSON-ready (summary.json): settings, the horizon, each day and the largest gaps. */
export interface PlanSimulationSummary {
  replications: number;
  seed: number;
  /** Basis of the service level (the target's `serviceLevelBasis`, default 'offered'). */
  basis: ServiceLevelBasis;
  total: PlanSimulatedFigures;
  days: Array<PlanSimulatedFigures & { date: string }>;
  /** Up to 10 intervals with the largest Erlang - simulated service level (most optimistic first). */
  largestGaps: Array<Omit<PlanSimulatedInterval, 'start'> & { start: number }>;
}

/** The simulation of a plan's schedule: per requirement row and the summary. */
export interface PlanSimulation {
  /** Simulated service level per requirement row (mean; NaN without calls). */
  serviceLevel: Float64Array;
  /** 95% interval per row. */
  serviceLevelLower: Float64Array;
  serviceLevelUpper: Float64Array;
  /** Simulated ASA (s) and abandonment per row (NaN when undefined: no call answered / offered). */
  asaSeconds: Float64Array;
  abandonRate: Float64Array;
  summary: PlanSimulationSummary;
}

/** Settings of `simulatePlan`. */
export interface SimulatePlanOptions {
  thresholdSeconds: number;
  basis?: ServiceLevelBasis | undefined;
  replications?: number | undefined;
  seed?: number | undefined;
  /** Worker threads (`SimulationOptions.workers`); the figures do not depend on it. Default: `simulate`'s. */
  workers?: number | undefined;
}

/**
 * Why a requirement cannot be simulated as one queue, or null: the simulation takes one mean
 * patience, so a patience that varies between intervals (fitted by hour) is not simulated.
 *
 * @internal
 */
export function planPatience(
  requirement: Pick<StaffingPlan, 'patienceSeconds'>,
): SimulationPatience | string {
  const p = requirement.patienceSeconds;
  if (p === undefined) return { kind: 'none' };
  let value = Number.NaN;
  for (const v of p) {
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(value)) value = v;
    else if (v !== value) return 'patience varies between intervals (fitted by hour)';
  }
  if (Number.isNaN(value)) return { kind: 'none' };
  return { kind: 'exponential', meanSeconds: value };
}

function figures(period: SimulatedPeriod, basis: ServiceLevelBasis, erlang: number): PlanSimulatedFigures {
  const sl: Estimate = period.serviceLevel[basis];
  return {
    serviceLevel: sl.mean,
    serviceLevelLower: sl.lower,
    serviceLevelUpper: sl.upper,
    asaSeconds: period.asaSeconds.mean,
    abandonRate: period.abandonRate.mean,
    erlangServiceLevel: erlang,
  };
}

/**
 * Simulates a single-queue plan's schedule as one continuous queue (`simulate` through
 * `simulationInputFromSeries`): Poisson arrivals at the forecast rate of each interval,
 * exponential handle times at its AHT, exponential patience (the requirement's, when it staffed
 * with Erlang A) or none, and in each interval the whole agents the Erlang evaluation counts
 * (`evaluation.agents`: floor of on-phone agents x availability factor); a queue left at the end
 * of an interval carries over, an agent leaving finishes the call in hand, closed hours between
 * open intervals have no calls and no agents. Returns per requirement row and per local day the
 * simulated service level (on `basis`) with its 95% interval, ASA and abandonment beside the
 * Erlang figures of `evaluation`. Reproducible: the same seed gives the same figures whatever the
 * worker threads. Cost: `simulate`'s, O(replications x calls x log agents).
 *
 * @internal
 * @throws StaffcastError INVALID_INPUT from `simulate` (e.g. a patience that varies by interval:
 *   check `planPatience` first)
 * @example
 * // two quarter-hours: 8 agents, then 2 (the staffing steps down), 20 calls each of 180 s
 * const h = Date.UTC(2024, 0, 1, 9);
 * const requirement = { timeZone: 'UTC', intervalMinutes: 15, starts: Float64Array.of(h, h + 900_000),
 *   calls: Float64Array.of(20, 20), ahtSeconds: Float64Array.of(180, 180) };
 * const evaluation = { agents: Float64Array.of(8, 2), serviceLevel: Float64Array.of(0.99, 0.2),
 *   days: [{ serviceLevel: 0.595 }], total: { serviceLevel: 0.595 } };
 * const s = await simulatePlan(requirement as never, evaluation as never, { thresholdSeconds: 20, replications: 4 });
 * s.summary.total.erlangServiceLevel; // 0.595
 * s.summary.largestGaps.length; // 2
 */
export async function simulatePlan(
  requirement: Pick<
    StaffingPlan,
    'timeZone' | 'intervalMinutes' | 'starts' | 'calls' | 'ahtSeconds' | 'patienceSeconds'
  >,
  evaluation: Pick<ScheduleEvaluation, 'agents' | 'serviceLevel' | 'days' | 'total'>,
  options: SimulatePlanOptions,
): Promise<PlanSimulation> {
  const basis = options.basis ?? 'offered';
  const patience = planPatience(requirement);
  if (typeof patience === 'string') invalidInput('simulatePlan', 'requirement.patienceSeconds', patience);
  const built = simulationInputFromSeries(
    {
      timeZone: requirement.timeZone,
      intervalMinutes: requirement.intervalMinutes,
      starts: requirement.starts,
      calls: requirement.calls,
      ahtSeconds: requirement.ahtSeconds,
      agents: evaluation.agents,
    },
    { patience },
  );
  const replications = options.replications ?? DEFAULT_PLAN_REPLICATIONS;
  const seed = options.seed ?? DEFAULT_PLAN_SIMULATION_SEED;
  const result = await simulate(built.input, {
    thresholdSeconds: options.thresholdSeconds,
    replications,
    seed,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
  });
  const n = requirement.starts.length;
  const sl = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const asa = new Float64Array(n);
  const abandon = new Float64Array(n);
  const rows: PlanSimulatedInterval[] = [];
  for (let i = 0; i < n; i++) {
    const period = result.intervals[built.rowInterval[i]!]!;
    const f = figures(period, basis, evaluation.serviceLevel[i]!);
    sl[i] = f.serviceLevel;
    lower[i] = f.serviceLevelLower;
    upper[i] = f.serviceLevelUpper;
    asa[i] = f.asaSeconds;
    abandon[i] = f.abandonRate;
    if (requirement.calls[i]! > 0)
      rows.push({
        ...f,
        start: requirement.starts[i]!,
        calls: requirement.calls[i]!,
        agents: evaluation.agents[i]!,
      });
  }
  // the simulation's days are the local days of the grid (0 = the first); so are the evaluation's
  const dayStart: number[] = [];
  const dayIndex = built.input.dayIndex ?? [];
  for (let k = 0; k < dayIndex.length; k++) dayStart[dayIndex[k]!] ??= built.gridStarts[k]!;
  const days = result.days.flatMap((d, k) => {
    const erlang = evaluation.days[k]?.serviceLevel;
    const start = dayStart[k];
    if (erlang === undefined || start === undefined || !(d.offered.mean > 0)) return [];
    return [{ date: localDate(start, requirement.timeZone), ...figures(d, basis, erlang) }];
  });
  rows.sort(
    (a, b) =>
      b.erlangServiceLevel - b.serviceLevel - (a.erlangServiceLevel - a.serviceLevel) || a.start - b.start,
  );
  return {
    serviceLevel: sl,
    serviceLevelLower: lower,
    serviceLevelUpper: upper,
    asaSeconds: asa,
    abandonRate: abandon,
    summary: {
      replications,
      seed,
      basis,
      total: figures(result.horizon, basis, evaluation.total.serviceLevel),
      days,
      largestGaps: rows.slice(0, 10),
    },
  };
}
