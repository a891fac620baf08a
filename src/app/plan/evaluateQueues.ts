import { DEFAULT_THRESHOLD_SECONDS } from '../../queueing/requiredAgents.js';
import type { ShiftSchedule } from '../../scheduling/scheduleShifts.js';
import type { PlanConfig } from '../../schemas/planConfig.js';
import { deferredService } from '../../service/deferredService.js';
import { evaluateSchedule, type ScheduleEvaluation } from '../../service/evaluateSchedule.js';
import { addService, emptyServiceTotals, serviceSummary } from '../../service/serviceTotals.js';
import { splitAgents } from '../../service/splitAgents.js';
import { type PooledRequirement, poolMembers, type StaffedQueue } from './queues.js';

/** Figures of one queue of a multi-queue plan (`PlanSummary.queues`). */
export interface PlanQueueSummary {
  /** Queue name. */
  name: string;
  /** 'voice', 'chat' or 'email'. */
  channel: 'voice' | 'chat' | 'email';
  /** Forecast contacts (emails: items) over the horizon. */
  forecastCalls: number;
  /** Agent-hours the queue needs on the phones (its own requirement). */
  requiredAgentHours: number;
  /** Most agents the queue needs in one interval. */
  peakRequiredAgents: number;
  /** Agent-hours of the pool given to this queue (`onPhoneAgents` share x interval hours). */
  onPhoneAgentHours: number;
  /**
   * Contact-weighted service level with the queue's share of the pool; for email the share of
   * items handled by their deadline.
   */
  serviceLevel: number;
  /** Contact-weighted ASA in seconds; for email the mean time to handling (interval resolution). */
  asaSeconds: number;
  /** Share of contacts abandoning (0 for Erlang C and email). */
  abandonRate: number;
}

/** One queue evaluated with its share of the pool. */
export interface EvaluatedQueue {
  /** Whole agents on the phones given to the queue per interval of its own grid. */
  onPhoneAgents: Float64Array;
  /** Per interval of the queue's grid, and per day of the pool's horizon. */
  evaluation: ScheduleEvaluation;
  /** Headline figures of the queue. */
  summary: PlanQueueSummary;
}

/**
 * The pool's on-phone agents and day grid, from the schedule.
 *
 * @internal
 */
export interface PoolCoverage {
  /** Agents on the phones per pool interval (net coverage x (1 - pool shrinkage)), may be fractional. */
  onPhoneAgents: ArrayLike<number>;
  /** Horizon day of each pool interval (the schedule's `coverage.dayIndex`). */
  dayIndex: Int32Array;
  /** Interval length in minutes. */
  intervalMinutes: number;
}

/**
 * Evaluates a multi-queue plan's schedule queue by queue. The pool's agents on the phones in each
 * interval (floored to whole agents, as for one queue) are split among the queues open in that
 * interval in proportion to their required agents (`splitAgents`, largest remainder): an
 * approximation of skill-based routing in which each queue is served by its own share and idle
 * agents of one queue do not help another within the interval. Each queue is then evaluated
 * with its share: voice and chat with `evaluateSchedule` (Erlang C, or Erlang A with the
 * patience the queue was staffed with, per interval; chat with its concurrency; a queue staffed
 * with an availability factor f (fitted params) gets its share in present agents, split in
 * proportion to agents / f, and answers with floor(share x f) effective agents), email with `deferredService` (FIFO with the deadline of
 * the requirement: the service level is the share of items handled on time, the ASA the mean
 * time to handling). The pool's figures per interval, day and horizon are contact-weighted over
 * the queues; the pool ASA is over voice and chat only (email response times are hours, not
 * seconds). Occupancy is agent-weighted. Cost O(intervals x (queues log queues + agents)).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` from `evaluateSchedule` / `deferredService`.
 * @example
 * import { staffQueues } from './queues.js';
 * // two queues, 100 and 50 calls of 180 s in the half-hour 09:00 UTC (14 + 8 agents required);
 * // 20 agents on the phones, one day
 * const cfg = parsePlanConfig({ history: { file: 'h.csv', timeZone: 'UTC' }, horizonDays: 1,
 *   target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 180, rules: 'rules.json',
 *   queues: [{ name: 'a' }, { name: 'b' }] });
 * const series = (calls) => ({ timeZone: 'UTC', intervalMinutes: 30,
 *   starts: Float64Array.of(Date.UTC(2024, 0, 1, 9)), calls: Float64Array.of(calls) });
 * const queue = (k, calls) => ({ config: cfg.queues[k], readReport: {}, forecast: series(calls),
 *   history: { calls: createSeries('UTC', 30, [Date.UTC(2024, 0, 1, 9)], [calls]) } });
 * const { queues } = staffQueues([queue(0, 100), queue(1, 50)], cfg, 'plan.json');
 * const e = evaluateQueues(queues, { onPhoneAgents: Float64Array.of(20), dayIndex: Int32Array.of(0),
 *   intervalMinutes: 30 }, cfg);
 * e.queues.map((q) => q.onPhoneAgents); // [Float64Array [13], Float64Array [7]]
 * e.evaluation.total.serviceLevel.toFixed(3); // '0.777' ((100 x 0.796 + 50 x 0.740) / 150, contact-weighted)
 */
export function evaluateQueues(
  queues: readonly StaffedQueue[],
  pool: PoolCoverage,
  cfg: PlanConfig,
): { queues: EvaluatedQueue[]; evaluation: ScheduleEvaluation } {
  const m = pool.onPhoneAgents.length;
  const poolAgents = Float64Array.from({ length: m }, (_, t) =>
    Math.max(0, Math.floor((pool.onPhoneAgents[t] ?? 0) + 1e-9)),
  );
  const members = poolMembers(queues, m);
  const shares = queues.map((q) => new Float64Array(q.poolIndex.length));
  for (let t = 0; t < m; t++) {
    const rows = members[t]!;
    if (rows.length === 0) continue;
    // split present agents in proportion to the present agents each queue was scheduled for
    const split = splitAgents(
      poolAgents[t]!,
      rows.map(([qi, i]) => {
        const r = queues[qi]!.requirement;
        return r.agents[i]! / (r.availabilityFactor ?? 1);
      }),
    );
    rows.forEach(([qi, i], j) => {
      shares[qi]![i] = split[j]!;
    });
  }
  return evaluateQueueShares(queues, shares, { ...pool, onPhoneAgents: poolAgents }, cfg);
}

/**
 * Evaluates a multi-queue plan queue by queue with the agents each queue has on the phones per
 * interval of its own grid (`shares[q]`, whole agents): each queue as in `evaluateQueues`, and
 * the pool's figures contact-weighted over the queues; `pool.onPhoneAgents` is reported as the
 * pool's agents. `evaluateQueues` gives each queue its share of the pool's agents; a roster gives
 * each queue the agents rostered on it. Cost O(intervals x queues + the queues' evaluations).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` from `evaluateSchedule` / `deferredService`.
 */
export function evaluateQueueShares(
  queues: readonly StaffedQueue[],
  shares: readonly Float64Array[],
  pool: PoolCoverage,
  cfg: PlanConfig,
): { queues: EvaluatedQueue[]; evaluation: ScheduleEvaluation } {
  const m = pool.onPhoneAgents.length;
  const poolAgents = Float64Array.from(pool.onPhoneAgents);
  const members = poolMembers(queues, m);
  const dayCount = m === 0 ? 0 : (pool.dayIndex[m - 1] ?? 0) + 1;
  const evaluated = queues.map((q, qi) =>
    evaluateQueue(
      q,
      shares[qi] ?? new Float64Array(q.poolIndex.length),
      pool.dayIndex,
      dayCount,
      pool.intervalMinutes,
      cfg,
    ),
  );

  // the pool, contact-weighted per interval, day and horizon
  const serviceLevel = new Float64Array(m);
  const asaSeconds = new Float64Array(m);
  const abandonRate = new Float64Array(m);
  const occupancy = new Float64Array(m);
  const days = Array.from({ length: dayCount }, emptyServiceTotals);
  const total = emptyServiceTotals();
  for (let t = 0; t < m; t++) {
    const here = emptyServiceTotals();
    let busy = 0;
    let agents = 0;
    let slMean = 0;
    for (const [qi, i] of members[t]!) {
      const e = evaluated[qi]!.evaluation;
      const calls = queues[qi]!.requirement.calls[i]!;
      const withAsa = queues[qi]!.channel !== 'email';
      const args = [calls, e.serviceLevel[i]!, e.asaSeconds[i]!, e.abandonRate[i]!, withAsa] as const;
      addService(here, ...args);
      addService(days[pool.dayIndex[t] ?? 0] ?? emptyServiceTotals(), ...args);
      addService(total, ...args);
      const a = shares[qi]?.[i] ?? 0;
      busy += a * (e.occupancy[i] ?? 0);
      agents += a;
      slMean += e.serviceLevel[i]! / members[t]!.length;
    }
    const s = serviceSummary(here);
    // an interval without contacts: the plain mean of the queues' service levels
    serviceLevel[t] = here.calls > 0 ? s.serviceLevel : slMean;
    asaSeconds[t] = s.asaSeconds;
    abandonRate[t] = s.abandonRate;
    occupancy[t] = agents > 0 ? busy / agents : 0;
  }
  return {
    queues: evaluated,
    evaluation: {
      agents: poolAgents,
      serviceLevel,
      asaSeconds,
      abandonRate,
      occupancy,
      days: days.map(serviceSummary),
      total: serviceSummary(total),
    },
  };
}

function evaluateQueue(
  q: StaffedQueue,
  agents: Float64Array,
  poolDayIndex: Int32Array,
  dayCount: number,
  intervalMinutes: number,
  cfg: PlanConfig,
): EvaluatedQueue {
  const req = q.requirement;
  const n = req.starts.length;
  const dayIndex = Int32Array.from(q.poolIndex, (k) => poolDayIndex[k] ?? 0);
  let serviceLevel: Float64Array;
  let asaSeconds: Float64Array;
  let abandonRate: Float64Array;
  let occupancy: Float64Array;
  if (q.channel === 'email' && q.deferred !== null) {
    // the deferred requirement's contiguous grid: closed intervals have no agents
    const stepMs = intervalMinutes * 60_000;
    const first = req.starts[0] ?? 0;
    const slot = Int32Array.from(req.starts, (ms) => Math.round((ms - first) / stepMs));
    const len = q.deferred.dueInterval.length;
    const arrivals = new Float64Array(len);
    const given = new Float64Array(len);
    slot.forEach((k, i) => {
      arrivals[k] = req.calls[i]!;
      given[k] = agents[i]!;
    });
    const s = deferredService(arrivals, given, {
      intervalMinutes,
      ahtSeconds: req.ahtSeconds[0] ?? 1,
      dueInterval: q.deferred.dueInterval,
    });
    serviceLevel = Float64Array.from(slot, (k) => s.onTimeShare[k]!);
    asaSeconds = Float64Array.from(slot, (k) => s.waitSeconds[k]!);
    abandonRate = new Float64Array(n);
    occupancy = Float64Array.from(slot, (k) => s.occupancy[k]!);
  } else {
    const target = q.config.target ?? cfg.target;
    // the inputs the queue was staffed with: its patience per interval and availability factor
    const patience = req.patienceSeconds ?? q.config.patienceSeconds ?? cfg.patienceSeconds;
    const factor = req.availabilityFactor ?? 1;
    const effective = factor === 1 ? agents : agents.map((a) => a * factor);
    const e = evaluateSchedule(
      {
        coverage: {
          required: req.scheduledAgents,
          scheduled: agents,
          onBreak: new Float64Array(n),
          net: effective,
          dayIndex,
        },
        intervalMinutes,
      },
      {
        callsPerInterval: req.calls,
        // an interval without contacts may lack a handle time: any positive value gives load 0
        ahtSeconds: req.ahtSeconds.map((a, i) =>
          Number.isFinite(a) && a > 0 ? a : req.calls[i]! > 0 ? a : 1,
        ),
        ...(patience !== undefined ? { patienceSeconds: patience } : {}),
        ...(q.channel === 'chat' ? { concurrency: q.config.concurrency ?? 1 } : {}),
      },
      {
        thresholdSeconds: target.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS,
        ...(target.serviceLevelBasis !== undefined ? { serviceLevelBasis: target.serviceLevelBasis } : {}),
      },
    );
    ({ serviceLevel, asaSeconds, abandonRate, occupancy } = e);
  }
  const days = Array.from({ length: dayCount }, emptyServiceTotals);
  const total = emptyServiceTotals();
  let onPhone = 0;
  let peak = 0;
  for (let i = 0; i < n; i++) {
    // a queue's own ASA always counts (email: the mean time to handling)
    const args = [req.calls[i]!, serviceLevel[i]!, asaSeconds[i]!, abandonRate[i]!, true] as const;
    addService(days[dayIndex[i] ?? 0] ?? emptyServiceTotals(), ...args);
    addService(total, ...args);
    onPhone += agents[i]!;
    peak = Math.max(peak, req.agents[i]!);
  }
  const t = serviceSummary(total);
  const hours = intervalMinutes / 60;
  return {
    onPhoneAgents: agents,
    evaluation: {
      agents,
      serviceLevel,
      asaSeconds,
      abandonRate,
      occupancy,
      days: days.map(serviceSummary),
      total: t,
    },
    summary: {
      name: q.name,
      channel: q.channel,
      forecastCalls: t.calls,
      requiredAgentHours: req.agentHours,
      peakRequiredAgents: peak,
      onPhoneAgentHours: onPhone * hours,
      serviceLevel: t.serviceLevel,
      asaSeconds: t.asaSeconds,
      abandonRate: t.abandonRate,
    },
  };
}

/** One queue of a multi-queue plan: its inputs, requirement, share of the pool and figures. */
export interface PlanQueueResult extends StaffedQueue, EvaluatedQueue {}

/**
 * The evaluation step of a multi-queue plan (a config with `queues`): the pool's agents on the
 * phones (net coverage x (1 - pool shrinkage), pool shrinkage being the scheduled-agent-weighted
 * mean of the queues') are floored to whole agents and split among the queues in proportion to
 * their requirement, and each queue is evaluated with its share (`evaluateQueues`); each queue's
 * inputs and requirement come with its figures. Cost: that of `evaluateQueues`.
 *
 * @throws StaffcastError `INVALID_INPUT` from `evaluateQueues`.
 * @example
 * import { staffQueues } from './queues.js';
 * // two queues, 100 and 50 calls of 180 s in the half-hour 09:00 UTC (14 + 8 agents required);
 * // 20 agents on the phones, one day
 * const cfg = parsePlanConfig({ history: { file: 'h.csv', timeZone: 'UTC' }, horizonDays: 1,
 *   target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 180, rules: 'rules.json',
 *   queues: [{ name: 'a' }, { name: 'b' }] });
 * const series = (calls) => ({ timeZone: 'UTC', intervalMinutes: 30,
 *   starts: Float64Array.of(Date.UTC(2024, 0, 1, 9)), calls: Float64Array.of(calls) });
 * const queue = (k, calls) => ({ config: cfg.queues[k], readReport: {}, forecast: series(calls),
 *   history: { calls: createSeries('UTC', 30, [Date.UTC(2024, 0, 1, 9)], [calls]) } });
 * const pooled = staffQueues([queue(0, 100), queue(1, 50)], cfg, 'plan.json');
 * const schedule = { coverage: { dayIndex: Int32Array.of(0) } };
 * const { queues } = evaluatePooledPlan(pooled, Float64Array.of(20), schedule, cfg);
 * queues.map((q) => q.summary.onPhoneAgentHours); // [6.5, 3.5] (20 split 13 + 7, in proportion to 14 : 8)
 * queues.map((q) => q.summary.serviceLevel.toFixed(3)); // ['0.796', '0.740']
 */
export function evaluatePooledPlan(
  pooled: PooledRequirement,
  onPhoneAgents: Float64Array,
  schedule: ShiftSchedule,
  cfg: PlanConfig,
): { evaluation: ScheduleEvaluation; queues: PlanQueueResult[] } {
  const e = evaluateQueues(
    pooled.queues,
    {
      onPhoneAgents,
      dayIndex: schedule.coverage.dayIndex,
      intervalMinutes: pooled.requirement.intervalMinutes,
    },
    cfg,
  );
  return {
    evaluation: e.evaluation,
    queues: pooled.queues.map((q, i) => ({ ...q, ...e.queues[i]! })),
  };
}
