import type { ShiftRulesConfig, ShiftRulesInput } from '../scheduling/rules.js';
import { type EvaluatedQueue, evaluateQueues } from './evaluateQueues.js';
import type { PlanResult } from './plan.js';
import type { PlanConfig } from './planConfig.js';
import { planOutbound } from './planOutbound.js';
import type { PooledRequirement, StaffedQueue } from './planQueues.js';
import type { PlanRequirement, PlanTimer } from './planRequirement.js';
import { schedulePlan } from './planSchedule.js';
import { planSummary } from './planSummary.js';

/** One queue of a multi-queue plan: its inputs, requirement, share of the pool and figures. */
export interface PlanQueueResult extends StaffedQueue, EvaluatedQueue {}

/** What `planMultiQueue` needs from `plan`. */
export interface PlanMultiContext {
  /** The validated config (with `queues`). */
  cfg: PlanConfig;
  /** Runs one step with progress events. */
  timed: PlanTimer;
  /** The shift rules as written, and parsed. */
  rules: ShiftRulesInput;
  parsedRules: ShiftRulesConfig;
  /** Name of the rules for messages. */
  rulesSource: string;
  /** The queues read, forecast and staffed (`planRequirement` of the config). */
  staffed: PlanRequirement;
  /** `staffed.pooled`: every queue's requirement and the pool's. */
  pooled: PooledRequirement;
}

/**
 * The multi-queue branch of `plan` (a config with `queues`), after `planRequirement` has read,
 * forecast and staffed each queue on its own and summed the requirements on one pool grid (in the
 * first queue's zone; the shift rules' local times are read in that zone): one set of shifts covers
 * the total (one pool of multi-skilled agents). The pool's agents on the phones are net coverage
 * x (1 - pool shrinkage), pool shrinkage being the scheduled-agent-weighted mean of the queues';
 * they are split among the queues in proportion to their requirement and each queue is evaluated
 * with its share (`evaluateQueues`). Outbound capacity is the pool's. Cost: one schedule plus
 * the evaluation of every queue.
 *
 * @throws StaffcastError `INFEASIBLE`, `SOLVER_FAILED` from scheduling; `INVALID_INPUT` from the
 *   evaluation.
 * @example
 * // plan(config with queues: [{ name: 'voice' }, { name: 'chat', channel: 'chat', concurrency: 2 }])
 * // -> result.queues[1].requirement.agents = staffingPlan(chat forecast, { concurrency: 2, ... }).agents
 */
export async function planMultiQueue(ctx: PlanMultiContext): Promise<PlanResult> {
  const { cfg, timed, pooled, staffed } = ctx;
  const requirement = pooled.requirement;
  const schedule = await schedulePlan(requirement, ctx.rules, cfg, ctx.rulesSource, timed);

  const evaluated = await timed(
    'evaluate',
    () => {
      const net = schedule.coverage.net;
      const onPhoneAgents = Float64Array.from(
        net,
        (v, t) => v * (1 - (Number.isFinite(requirement.shrinkage[t]) ? requirement.shrinkage[t]! : 0)),
      );
      const e = evaluateQueues(
        pooled.queues,
        { onPhoneAgents, dayIndex: schedule.coverage.dayIndex, intervalMinutes: requirement.intervalMinutes },
        cfg,
      );
      return { onPhoneAgents, ...e };
    },
    (e) => `service level ${(100 * e.evaluation.total.serviceLevel).toFixed(1)}% (all queues)`,
  );

  const outbound = planOutbound(cfg, requirement, evaluated.onPhoneAgents);
  const queues: PlanQueueResult[] = pooled.queues.map((q, i) => ({ ...q, ...evaluated.queues[i]! }));
  const summary = planSummary({
    requirement,
    schedule,
    evaluation: evaluated.evaluation,
    onPhoneAgents: evaluated.onPhoneAgents,
    costPerPaidHour: new Map(ctx.parsedRules.shiftTypes.map((t) => [t.name, t.costPerPaidHour])),
    paidHoursPerWeek: cfg.paidHoursPerWeek,
    horizonDays: cfg.horizonDays,
    outbound:
      outbound === null || cfg.outbound === undefined
        ? null
        : { ahtSeconds: cfg.outbound.ahtSeconds, capacity: outbound },
    queues: queues.map((q) => q.summary),
  });
  return {
    config: cfg,
    history: pooled.history,
    readReport: staffed.readReport,
    forecast: pooled.forecast,
    requirement,
    schedule,
    onPhoneAgents: evaluated.onPhoneAgents,
    evaluation: evaluated.evaluation,
    outbound,
    summary,
    queues,
    queueRequirements: pooled.table,
  };
}
