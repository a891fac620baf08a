import { createRequirementSpill, type RequirementSpill } from '../../io/requirementSpill.js';
import type { CalibrationParams } from '../../schemas/calibrationParams.js';
import type { StaffingConfig } from '../../schemas/staffingConfig.js';
import {
  type GridSpan,
  type MultiQueueEachOptions,
  multiQueuePlanEach,
  planTotalsAccumulator,
  type QueueForecastSource,
  type StaffingTotals,
} from '../../staffing/multiQueuePlan.js';
import type { StaffingOptions } from '../../staffing/staffingPlan.js';
import type { OnProgress } from '../progress.js';
import { type FteBasisOptions, staffSummaryJson, staffSummaryLine } from './staffSummary.js';

/**
 * Intervals in total from which a multi-queue plan runs on worker threads by default (when it has
 * two or more voice/chat queues): below it, starting the threads costs more than it saves.
 */
export const PARALLEL_MIN_INTERVALS = 20_000;

/** Options of `staffQueuesStreamed`. */
export interface StaffQueuesOptions {
  /** Names of the config and of the forecast in messages. */
  configName: string;
  forecastName: string;
  /** Fitted parameters (`--params`) for the queues that use them. */
  fitted: CalibrationParams | undefined;
  /** FTE basis of the summaries. */
  paid: FteBasisOptions;
  /** Every queue's grid (for the totals) and the intervals in total (for the thread policy). */
  grids: readonly GridSpan[];
  intervals: number;
  /** Worker threads: undefined = the default policy (`PARALLEL_MIN_INTERVALS`); 1 = none. */
  workers: number | undefined;
  /** Folder of the temporary requirement spill. */
  tempDir: string;
  /** Receives the requirement CSV in pieces, in order. */
  write: (text: string) => Promise<void> | void;
  /** Progress: one `queues` step advanced per queue, then a `write` step. */
  onProgress?: OnProgress | undefined;
}

/** What `staffQueuesStreamed` keeps of a multi-queue plan: the summaries, never the rows. */
export interface StreamedPlan {
  /** Per queue in config order: its summary as JSON and as a stderr line. */
  queues: Array<{ json: Record<string, unknown>; line: string }>;
  /** Agents summed over the queues on their common grid. */
  totals: StaffingTotals;
  /** Agent-hours saved by a day/week scope, summed over the queues. */
  savedAgentHours: number;
}

/**
 * Whether a multi-queue plan runs on worker threads, and on how many: with `workers` given, on
 * that many when it is 2 or more and two or more queues are voice or chat; by default on the
 * available cores when, in addition, the forecast has more than `PARALLEL_MIN_INTERVALS`
 * intervals in total (below that, starting threads costs more than it saves). Results do not
 * depend on it. Cost O(1).
 *
 * @example
 * staffThreadPolicy({ staffedQueues: 3, intervals: 30_000, workers: undefined }); // { parallel: true }
 * staffThreadPolicy({ staffedQueues: 3, intervals: 30_000, workers: 1 }); // { parallel: false }
 */
export function staffThreadPolicy(plan: {
  staffedQueues: number;
  intervals: number;
  workers: number | undefined;
}): { parallel: boolean; workers?: number } {
  if (plan.workers !== undefined)
    return plan.workers >= 2 && plan.staffedQueues >= 2
      ? { parallel: true, workers: plan.workers }
      : { parallel: false };
  return { parallel: plan.staffedQueues >= 2 && plan.intervals > PARALLEL_MIN_INTERVALS };
}

/**
 * The multi-queue plan of `staff --config`, one queue at a time (`multiQueuePlanEach`, the
 * forecasts loaded one batch at a time from `forecasts`; on worker threads per `staffThreadPolicy`,
 * same result either way): each queue's summary is kept, its rows are spilled to a temporary
 * folder under `options.tempDir` and the queue's plan and forecast are dropped; then the rows of
 * every queue are merged by start into the requirement CSV, handed to `options.write` in pieces.
 * Memory: one queue's forecast and plan (a batch on threads) plus the totals grid, independent of
 * the number of queues. The temporary folder is removed on success, error and signal.
 *
 * @throws StaffcastError as `multiQueuePlanEach`, `createRequirementSpill` and `options.write`.
 * @example
 * import { tmpdir } from 'node:os';
 * // two voice queues, each 100 calls of 180 s in one half-hour (00:00 UTC, 1 January 1970)
 * const f = { timeZone: 'UTC', intervalMinutes: 30, starts: Float64Array.of(0), calls: Float64Array.of(100) };
 * const source = { names: ['a', 'b'], load: () => f };
 * const config = { queues: [{ name: 'a', channel: 'voice' }, { name: 'b', channel: 'voice' }] };
 * const grid = { intervalMinutes: 30, firstStart: 0, lastStart: 0, offsetMinutesGcd: 0 };
 * const out = [];
 * const result = await staffQueuesStreamed(source, config,
 *   { target: { serviceLevel: 0.8, thresholdSeconds: 20 }, ahtSeconds: 180 },
 *   { configName: 'queues.json', forecastName: 'forecast.csv', fitted: undefined,
 *     paid: { paidHoursPerWeek: 40, horizonDays: undefined }, grids: [grid, grid], intervals: 2,
 *     workers: 1, tempDir: tmpdir(), write: (text) => out.push(text) });
 * result.queues.length; // 2
 * result.totals.agents; // Float64Array [28] (14 per queue)
 * out.join('').split('\n')[1]; // '1970-01-01T00:00:00Z,a,100,180,14,14,0.8884,7.8359,0,0.7143'
 */
export async function staffQueuesStreamed(
  forecasts: QueueForecastSource,
  config: StaffingConfig,
  base: StaffingOptions,
  options: StaffQueuesOptions,
): Promise<StreamedPlan> {
  const { onProgress, paid } = options;
  const staffedQueues = config.queues.filter((q) => q.channel !== 'email').length;
  const each: MultiQueueEachOptions = {
    configName: options.configName,
    forecastName: options.forecastName,
    ...staffThreadPolicy({ staffedQueues, intervals: options.intervals, workers: options.workers }),
    ...(options.fitted === undefined ? {} : { fitted: options.fitted }),
  };
  const totals = planTotalsAccumulator(options.grids, 'UTC');
  const queues: StreamedPlan['queues'] = [];
  let savedAgentHours = 0;
  let timeZone = 'UTC';
  let spill: RequirementSpill | undefined;
  const total = config.queues.length;
  let t0 = performance.now();
  onProgress?.({ step: 'queues', phase: 'start', total });
  try {
    for await (const q of multiQueuePlanEach(forecasts, config, base, each)) {
      if (spill === undefined) {
        timeZone = q.plan.timeZone;
        spill = await createRequirementSpill({ dir: options.tempDir, timeZone });
      }
      totals.add(q.plan);
      savedAgentHours += q.plan.savedAgentHours;
      queues.push({
        json: {
          name: q.name,
          channel: q.channel,
          model: q.plan.model,
          ...staffSummaryJson(q.plan, paid),
          savedAgentHours: q.plan.savedAgentHours,
        },
        line: staffSummaryLine(`staff: queue ${q.name} (${q.channel}): `, q.plan, paid),
      });
      await spill.add(q.name, q.plan);
      onProgress?.({ step: 'queues', phase: 'advance', done: queues.length, total });
    }
    onProgress?.({
      step: 'queues',
      phase: 'done',
      seconds: (performance.now() - t0) / 1000,
      detail: `${queues.length} queues staffed`,
    });
    spill ??= await createRequirementSpill({ dir: options.tempDir, timeZone });
    t0 = performance.now();
    onProgress?.({ step: 'write', phase: 'start' });
    await spill.merge(options.write);
    onProgress?.({
      step: 'write',
      phase: 'done',
      seconds: (performance.now() - t0) / 1000,
      detail: 'requirement rows merged by start',
    });
  } finally {
    await spill?.remove();
  }
  return { queues, totals: { ...totals.totals(), timeZone }, savedAgentHours };
}
