import { invalidInput } from '../errors.js';
import { queueMetrics } from '../queueing/queueMetrics.js';
import type { QueueMetricsOptions } from '../queueing/types.js';
import type { ShiftSchedule } from '../scheduling/scheduleShifts.js';
import { addService, emptyServiceTotals, type ServiceSummary, serviceSummary } from './serviceTotals.js';

/** The contacts a schedule must serve, per interval of the schedule's grid. */
export interface ScheduleDemand {
  /** Offered contacts per interval (same length as the schedule's coverage). */
  callsPerInterval: ArrayLike<number>;
  /** Mean handle time in seconds: one value, or one per interval. */
  ahtSeconds: number | ArrayLike<number>;
  /**
   * Mean patience in seconds: Erlang A when given, Erlang C otherwise. One value, or one per
   * interval (e.g. `StaffingPlan.patienceSeconds`), where NaN means Erlang C for that interval.
   */
  patienceSeconds?: number | ArrayLike<number>;
  /** Contacts one agent handles at once (chat); default 1. */
  concurrency?: number;
}

/** What a schedule really delivers, interval by interval and per day. */
export interface ScheduleEvaluation {
  /** Net agents on the phones per interval (floored to whole agents). */
  agents: Float64Array;
  serviceLevel: Float64Array;
  asaSeconds: Float64Array;
  abandonRate: Float64Array;
  occupancy: Float64Array;
  /** One summary per horizon day (index = dayIndex). */
  days: ServiceSummary[];
  /** Over the whole horizon. */
  total: ServiceSummary;
}

/**
 * The service level, ASA and abandonment each interval gets with the net agents the schedule puts
 * on the phones (agents on break excluded), through `queueMetrics` (Erlang C, or Erlang A with
 * patience), and the volume-weighted figures of each day and of the horizon:
 * SL_day = sum(calls_t * SL_t) / sum(calls_t). Intervals without calls count with weight 0.
 * Cost O(intervals * agents) (Erlang recursions).
 *
 * @throws StaffcastError `INVALID_INPUT` when the demand length differs from the schedule's
 *   intervals, or for a bad call count, handle time or threshold (from `queueMetrics`)
 * @example
 * // 10 calls per 15 min, AHT 180 s (2 erlangs), 3 agents on the phones all day:
 * const schedule = { intervalMinutes: 15, coverage: { net: [3, 3], dayIndex: [0, 0] } } as unknown as ShiftSchedule;
 * evaluateSchedule(schedule, { callsPerInterval: [10, 10], ahtSeconds: 180 }, { thresholdSeconds: 20 })
 *   .total.serviceLevel; // 0.6022936369713912 (Erlang C, n = 3, A = 2: 1 - (4/9) e^(-20/180))
 */
export function evaluateSchedule(
  schedule: Pick<ShiftSchedule, 'coverage' | 'intervalMinutes'>,
  demand: ScheduleDemand,
  options: QueueMetricsOptions,
): ScheduleEvaluation {
  const fn = 'evaluateSchedule';
  const cov = schedule.coverage;
  const n = cov.net.length;
  if (demand.callsPerInterval.length !== n)
    invalidInput(
      fn,
      'demand.callsPerInterval',
      `must have ${n} entries (one per interval)`,
      demand.callsPerInterval.length,
    );
  const aht = demand.ahtSeconds;
  if (typeof aht !== 'number' && aht.length !== n)
    invalidInput(fn, 'demand.ahtSeconds', `must be one number or ${n} entries`, aht.length);
  const patience = demand.patienceSeconds;
  if (patience !== undefined && typeof patience !== 'number' && patience.length !== n)
    invalidInput(fn, 'demand.patienceSeconds', `must be one number or ${n} entries`, patience.length);
  const intervalMinutes = schedule.intervalMinutes;
  const agents = new Float64Array(n);
  const serviceLevel = new Float64Array(n);
  const asaSeconds = new Float64Array(n);
  const abandonRate = new Float64Array(n);
  const occupancy = new Float64Array(n);
  const dayCount = (cov.dayIndex[n - 1] ?? 0) + 1;
  const acc = Array.from({ length: dayCount + 1 }, emptyServiceTotals);
  for (let t = 0; t < n; t++) {
    const calls = demand.callsPerInterval[t] ?? Number.NaN;
    const a = Math.max(0, Math.floor((cov.net[t] ?? 0) + 1e-9));
    agents[t] = a;
    const q: Parameters<typeof queueMetrics>[0] = {
      callsPerInterval: calls,
      intervalMinutes,
      ahtSeconds: typeof aht === 'number' ? aht : (aht[t] ?? Number.NaN),
    };
    const p = typeof patience === 'number' ? patience : patience?.[t];
    if (p !== undefined && !Number.isNaN(p)) q.patienceSeconds = p;
    if (demand.concurrency !== undefined) q.concurrency = demand.concurrency;
    const m = queueMetrics(q, a, options);
    serviceLevel[t] = m.serviceLevel;
    asaSeconds[t] = m.asaSeconds;
    abandonRate[t] = m.abandonRate;
    occupancy[t] = m.occupancy;
    for (const k of [cov.dayIndex[t] ?? 0, dayCount]) {
      const s = acc[k];
      if (s !== undefined) addService(s, calls, m.serviceLevel, m.asaSeconds, m.abandonRate);
    }
  }
  return {
    agents,
    serviceLevel,
    asaSeconds,
    abandonRate,
    occupancy,
    days: acc.slice(0, dayCount).map(serviceSummary),
    total: serviceSummary(acc[dayCount] ?? emptyServiceTotals()),
  };
}
