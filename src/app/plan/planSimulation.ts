import { DEFAULT_THRESHOLD_SECONDS } from '../../queueing/requiredAgents.js';
import type { ShiftSchedule } from '../../scheduling/scheduleShifts.js';
import type { ScheduleStart } from '../../scheduling/scheduleStart.js';
import type { PlanConfig } from '../../schemas/planConfig.js';
import type { ScheduleEvaluation } from '../../service/evaluateSchedule.js';
import type { StaffingPlan } from '../../staffing/staffingPlan.js';
import type { PooledRequirement } from './queues.js';
import { type PlanSimulation, planPatience, simulatePlan } from './simulatePlan.js';
import { type PlanSimulationCheck, simulationCheckedSchedule } from './simulationCheck.js';

/** What `planSimulation` works on: the plan so far. */
export interface PlanSimulationInput<E extends { evaluation: ScheduleEvaluation }> {
  config: PlanConfig;
  requirement: StaffingPlan;
  pooled: PooledRequirement | null;
  schedule: ShiftSchedule;
  evaluated: E;
  costPerPaidHour: ReadonlyMap<string, number>;
}

/** The plan's steps `planSimulation` calls back. */
export interface PlanSimulationSteps<E> {
  solve: (required: Float64Array, start: ScheduleStart | undefined) => Promise<ShiftSchedule>;
  evaluate: (schedule: ShiftSchedule) => E;
  timed: <T>(step: string, run: () => Promise<T> | T, detail: (r: T) => string) => Promise<T>;
  /** `PlanOptions.simulate`: false turns the simulation off whatever the config says. */
  simulate?: boolean | undefined;
}

/** What `planSimulation` returns: the schedule the plan keeps and what the simulation found. */
export interface PlanSimulationOutcome<E> {
  schedule: ShiftSchedule;
  evaluated: E;
  simulation: PlanSimulation | null;
  /** Why the schedule was not simulated (`'off'`, several queues, varying patience), else null. */
  skipped: string | null;
  check: PlanSimulationCheck | null;
}

/**
 * The simulation steps of `plan`: `simulate` (the schedule as one continuous queue,
 * `simulatePlan`, with the config's `schedule.simulation` replications and seed) and, with
 * `schedule.simulationCheck.rounds` > 0 and a service-level target, `check`
 * (`simulationCheckedSchedule`: raise, re-solve from the previous schedule, re-simulate; the plan
 * keeps the last schedule). Skipped (with the reason) when the simulation is off, for a config
 * with `queues` (one pool of several channels is not simulated yet) and when the patience varies
 * between intervals. Cost: one simulation, plus rounds x (MIP + simulation).
 *
 * @internal
 * @example
 * // (not run: the plan's inner step, with the plan's own solve and evaluate; see `plan`)
 * const outcome = await planSimulation(input, { solve, evaluate, timed });
 * outcome.simulation?.summary.total.serviceLevel; // the promise
 */
export async function planSimulation<E extends { evaluation: ScheduleEvaluation }>(
  input: PlanSimulationInput<E>,
  steps: PlanSimulationSteps<E>,
): Promise<PlanSimulationOutcome<E>> {
  const { config: cfg, requirement } = input;
  const none = (skipped: string): PlanSimulationOutcome<E> => ({
    schedule: input.schedule,
    evaluated: input.evaluated,
    simulation: null,
    skipped,
    check: null,
  });
  if (steps.simulate === false || cfg.schedule.simulation?.enabled === false) return none('off');
  if (input.pooled !== null) return none('several queues (one pool of channels is not simulated)');
  const patience = planPatience(requirement);
  if (typeof patience === 'string') return none(patience);
  const options = {
    thresholdSeconds: cfg.target.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS,
    basis: cfg.target.serviceLevelBasis,
    replications: cfg.schedule.simulation?.replications,
    seed: cfg.schedule.simulation?.seed,
  };
  const assess = async (schedule: ShiftSchedule, evaluated: E) => {
    const simulation = await simulatePlan(requirement, evaluated.evaluation, options);
    return {
      evaluated,
      simulation,
      answeringAgents: evaluated.evaluation.agents,
      simulatedServiceLevel: simulation.serviceLevel,
      serviceLevel: simulation.summary.total.serviceLevel,
      erlangServiceLevel: evaluated.evaluation.total.serviceLevel,
      schedule,
    };
  };
  const first = await steps.timed(
    'simulate',
    () => assess(input.schedule, input.evaluated),
    (a) => {
      const t = a.simulation.summary.total;
      return `simulated service level ${(100 * t.serviceLevel).toFixed(1)}% (${(100 * t.serviceLevelLower).toFixed(1)}-${(100 * t.serviceLevelUpper).toFixed(1)}), ${a.simulation.summary.replications} replications`;
    },
  );
  const rounds = cfg.schedule.simulationCheck?.rounds ?? 0;
  const target = cfg.target.serviceLevel;
  if (rounds === 0 || target === undefined)
    return {
      schedule: input.schedule,
      evaluated: input.evaluated,
      simulation: first.simulation,
      skipped: null,
      check: null,
    };
  const checked = await steps.timed(
    'check',
    () =>
      simulationCheckedSchedule(
        {
          requirement,
          target,
          rounds,
          schedule: input.schedule,
          assessment: first,
          costPerPaidHour: input.costPerPaidHour,
        },
        {
          solve: (required, start) => steps.solve(required, start),
          assess: (schedule) => assess(schedule, steps.evaluate(schedule)),
        },
      ),
    (c) =>
      `${c.check.rounds} rounds, ${c.check.addedAgentIntervals} agent-intervals added, +${c.check.extraPaidHours.toFixed(1)} paid hours`,
  );
  return {
    schedule: checked.schedule,
    evaluated: checked.assessment.evaluated,
    simulation: checked.assessment.simulation,
    skipped: null,
    check: checked.check,
  };
}
