import { StaffcastError } from '../errors.js';
import type { Forecast } from '../forecast/types.js';
import type { ShiftRulesConfig, ShiftRulesInput } from '../scheduling/rules.js';
import { scheduleShifts } from '../scheduling/scheduleShifts.js';
import { outboundCapacity } from '../staffing/outboundCapacity.js';
import { type EvaluatedQueue, evaluateQueues } from './evaluateQueues.js';
import type { PlanResult, PlanStep } from './plan.js';
import type { PlanConfig } from './planConfig.js';
import { planForecast, readPlanSpecialDays } from './planForecast.js';
import { type PlanHistory, readPlanHistory } from './planHistory.js';
import { type QueueForecast, type StaffedQueue, staffQueues } from './planQueues.js';
import { planSummary } from './planSummary.js';

/** One queue of a multi-queue plan: its inputs, requirement, share of the pool and figures. */
export interface PlanQueueResult extends StaffedQueue, EvaluatedQueue {}

/** What `planMultiQueue` needs from `plan`. */
export interface PlanMultiContext {
  /** The validated config (with `queues`). */
  cfg: PlanConfig;
  /** Folder of the config's relative paths. */
  baseDir: string;
  /** Name of the config for messages. */
  source: string;
  /** Runs one step with progress events. */
  timed: <T>(step: PlanStep, run: () => Promise<T> | T, detail: (r: T) => string) => Promise<T>;
  /** The shift rules as written, and parsed. */
  rules: ShiftRulesInput;
  parsedRules: ShiftRulesConfig;
  /** Name of the rules for messages. */
  rulesSource: string;
  /** Applied to every queue's forecast before staffing (scenarios). */
  forecastTransform?: ((forecast: Forecast) => Forecast) | undefined;
}

/**
 * The multi-queue branch of `plan` (a config with `queues`). Each queue is read (its own
 * `history`, else the top-level one, only the rows of `historyQueue` when given), forecast with
 * its own `forecast` options (else the top-level ones) in the zone of its history, and staffed on
 * its own (`staffQueues`); the requirements are summed per interval on one grid in the first
 * queue's zone (the shift rules' local times are read in that zone) and one set of shifts covers
 * the total (one pool of multi-skilled agents). The pool's agents on the phones are net coverage
 * x (1 - pool shrinkage), pool shrinkage being the scheduled-agent-weighted mean of the queues';
 * they are split among the queues in proportion to their requirement and each queue is evaluated
 * with its share (`evaluateQueues`). Outbound capacity is the pool's. Cost: the sum of the
 * queues' reading, forecasting and staffing, plus one schedule.
 *
 * @throws StaffcastError `CONFIG` naming `queues[i].ahtSeconds` when a queue has no handle time
 *   (no `ahtSeconds` in the queue or at the top level and no `aht_seconds` column), or
 *   `queues[i].history` when its intervals do not line up; `FILE_READ` naming
 *   `queues[i].history.file`; whatever the steps throw.
 * @example
 * // plan(config with queues: [{ name: 'voice' }, { name: 'chat', channel: 'chat', concurrency: 2 }])
 * // -> result.queues[1].requirement.agents = staffingPlan(chat forecast, { concurrency: 2, ... }).agents
 */
export async function planMultiQueue(ctx: PlanMultiContext): Promise<PlanResult> {
  const { cfg, baseDir, source, timed } = ctx;
  const queueConfigs = cfg.queues ?? [];
  const reads = await timed(
    'read',
    async () => {
      const cache = new Map<string, Promise<PlanHistory>>();
      return Promise.all(
        queueConfigs.map((q, i) => {
          const history = q.history ?? cfg.history;
          const key = q.history === undefined ? 'history' : `queues[${i}].history`;
          const id = JSON.stringify([history, q.historyQueue ?? null]);
          let read = cache.get(id);
          if (read === undefined) {
            read = readPlanHistory(history, {
              baseDir,
              source,
              key,
              outputIntervalMinutes: cfg.outputIntervalMinutes,
              queue: q.historyQueue,
            });
            cache.set(id, read);
          }
          return read;
        }),
      );
    },
    (r) =>
      `${queueConfigs.length} queues, ${[...new Set(r)].reduce((a, b) => a + b.report.rowsUsed, 0)} rows, ` +
      `${r[0]?.history.calls.intervalMinutes ?? 0}-minute intervals`,
  );
  queueConfigs.forEach((q, i) => {
    const history = reads[i]!.history;
    if (q.ahtSeconds === undefined && cfg.ahtSeconds === undefined && history.ahtSeconds === undefined)
      throw new StaffcastError(
        'CONFIG',
        `${source}: queues[${i}].ahtSeconds: required because ${(q.history ?? cfg.history).file} ` +
          'has no aht_seconds column and there is no top-level ahtSeconds',
        { queue: q.name },
      );
  });

  const inputs = await timed(
    'forecast',
    async () => {
      const out: QueueForecast[] = [];
      // queues with the same history and forecast options share one forecast
      const cache = new Map<PlanHistory, Map<string, Forecast>>();
      for (const [i, q] of queueConfigs.entries()) {
        const options = q.forecast ?? cfg.forecast;
        const key = q.forecast === undefined ? 'forecast' : `queues[${i}].forecast`;
        const byOptions = cache.get(reads[i]!) ?? new Map<string, Forecast>();
        cache.set(reads[i]!, byOptions);
        const id = JSON.stringify(options ?? null);
        let raw = byOptions.get(id);
        if (raw === undefined) {
          const specialDays = await readPlanSpecialDays(options, { baseDir, source, key });
          raw = planForecast(reads[i]!.history, options, cfg.horizonDays, specialDays);
          byOptions.set(id, raw);
        }
        out.push({
          config: q,
          history: reads[i]!.history,
          readReport: reads[i]!.report,
          forecast: ctx.forecastTransform === undefined ? raw : ctx.forecastTransform(raw),
        });
      }
      return out;
    },
    (r) => `${r.reduce((a, q) => a + q.forecast.starts.length, 0)} queue-intervals`,
  );

  const pooled = await timed(
    'staff',
    () => staffQueues(inputs, cfg, source),
    (p) =>
      `${p.queues.length} queues, ${p.requirement.agentHours.toFixed(1)} agent-hours on the phones (summed)`,
  );
  const requirement = pooled.requirement;

  const schedule = await timed(
    'schedule',
    () =>
      scheduleShifts(
        {
          intervalMinutes: requirement.intervalMinutes,
          required: requirement.scheduledAgents,
          starts: requirement.starts,
          timeZone: requirement.timeZone,
        },
        ctx.rules,
        { timeLimitSeconds: cfg.schedule.timeLimitSeconds, rulesSource: ctx.rulesSource },
      ),
    (s) => `${s.status}, ${s.shifts.reduce((a, b) => a + b.count, 0)} shifts`,
  );

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

  const outbound =
    cfg.outbound === undefined
      ? null
      : outboundCapacity(requirement.agents, evaluated.onPhoneAgents, {
          ahtSeconds: cfg.outbound.ahtSeconds,
          intervalMinutes: requirement.intervalMinutes,
          maxOccupancy: cfg.outbound.maxOccupancy,
        });
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
    readReport: reads[0]!.report,
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
