import { invalidInput } from '../errors.js';
import {
  MAX_AGENTS_LIMIT,
  MAX_AHT_SECONDS,
  MAX_ARRIVALS_PER_PATIENCE,
  MAX_CALLS_PER_SECOND,
  MAX_CONCURRENCY,
} from './limits.js';
import type { QueueDemand, ServiceLevelBasis, StaffingTarget } from './types.js';

/** A demand converted to rates: what the models consume. */
export interface QueueParams {
  /** Arrivals per second. */
  lambda: number;
  /** Mean handle time in seconds. */
  ahtSeconds: number;
  /** Mean patience in seconds; undefined = Erlang C. */
  patienceSeconds: number | undefined;
  /** Servers per agent. */
  concurrency: number;
  /** lambda * ahtSeconds. */
  offeredErlangs: number;
}

const BASES: readonly ServiceLevelBasis[] = ['offered', 'excludeShortAbandons', 'virtualWait'];

/**
 * Validates a `QueueDemand` (all fields but `skip`) at a public entry point: calls finite >= 0 and
 * at most `MAX_CALLS_PER_SECOND` per second of the interval, interval > 0, handle time in
 * (0, `MAX_AHT_SECONDS`], patience > 0 with calls per second x patience at most
 * `MAX_ARRIVALS_PER_PATIENCE`, concurrency an integer in 1..`MAX_CONCURRENCY` (`limits.ts`: the
 * bounds that keep every evaluation and search short).
 *
 * @throws StaffcastError INVALID_INPUT "fn: demand.field requirement (got value)"
 * @example
 * checkDemand('queueMetrics', { callsPerInterval: -1, intervalMinutes: 30, ahtSeconds: 180 });
 * // throws "queueMetrics: demand.callsPerInterval must be a finite number >= 0 (got -1)"
 */
export function checkDemand(
  fn: string,
  demand: Partial<QueueDemand>,
  skip?: 'callsPerInterval' | 'ahtSeconds',
): void {
  if (typeof demand !== 'object' || demand === null) invalidInput(fn, 'demand', 'must be an object', demand);
  if (skip !== 'callsPerInterval') {
    const c = demand.callsPerInterval;
    if (typeof c !== 'number' || !Number.isFinite(c) || c < 0)
      invalidInput(fn, 'demand.callsPerInterval', 'must be a finite number >= 0', c);
  }
  const i = demand.intervalMinutes;
  if (typeof i !== 'number' || !Number.isFinite(i) || i <= 0)
    invalidInput(fn, 'demand.intervalMinutes', 'must be a finite number > 0', i);
  if (skip !== 'ahtSeconds') {
    const a = demand.ahtSeconds;
    if (typeof a !== 'number' || !Number.isFinite(a) || a <= 0)
      invalidInput(fn, 'demand.ahtSeconds', 'must be a finite number > 0', a);
    if (a > MAX_AHT_SECONDS)
      invalidInput(fn, 'demand.ahtSeconds', `must be at most ${MAX_AHT_SECONDS} (one day)`, a);
  }
  const p = demand.patienceSeconds;
  if (p !== undefined && (typeof p !== 'number' || !Number.isFinite(p) || p <= 0))
    invalidInput(fn, 'demand.patienceSeconds', 'must be a finite number > 0', p);
  if (skip !== 'callsPerInterval') {
    const perSecond = (demand.callsPerInterval as number) / ((i as number) * 60);
    if (perSecond > MAX_CALLS_PER_SECOND)
      invalidInput(
        fn,
        'demand.callsPerInterval',
        `must be at most ${MAX_CALLS_PER_SECOND} per second (${MAX_CALLS_PER_SECOND * (i as number) * 60} per ${i}-minute interval)`,
        demand.callsPerInterval,
      );
    if (p !== undefined && perSecond * p > MAX_ARRIVALS_PER_PATIENCE)
      invalidInput(
        fn,
        'demand.patienceSeconds',
        `must be at most ${Number((MAX_ARRIVALS_PER_PATIENCE / perSecond).toPrecision(6))} at ${Number(perSecond.toPrecision(6))} calls per second (at most ${MAX_ARRIVALS_PER_PATIENCE} arrivals within one mean patience)`,
        p,
      );
  }
  const k = demand.concurrency;
  if (k !== undefined && (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > MAX_CONCURRENCY))
    invalidInput(fn, 'demand.concurrency', `must be an integer 1..${MAX_CONCURRENCY}`, k);
}

/**
 * Converts a validated demand to rates. Cost O(1).
 *
 * @example
 * toParams({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 }).offeredErlangs; // 10
 */
export function toParams(demand: QueueDemand): QueueParams {
  const lambda = demand.callsPerInterval / (demand.intervalMinutes * 60);
  return {
    lambda,
    ahtSeconds: demand.ahtSeconds,
    patienceSeconds: demand.patienceSeconds,
    concurrency: demand.concurrency ?? 1,
    offeredErlangs: lambda * demand.ahtSeconds,
  };
}

/**
 * Validates an agent count (an integer 0..`MAX_AGENTS_LIMIT`).
 *
 * @throws StaffcastError INVALID_INPUT "fn: agents must be a non-negative integer (got value)";
 *   "fn: agents must be at most 1000000 (got value)"
 * @example
 * checkAgents('queueMetrics', 1.5); // throws "queueMetrics: agents must be a non-negative integer (got 1.5)"
 */
export function checkAgents(fn: string, agents: number): void {
  if (typeof agents !== 'number' || !Number.isInteger(agents) || agents < 0)
    invalidInput(fn, 'agents', 'must be a non-negative integer', agents);
  if (agents > MAX_AGENTS_LIMIT) invalidInput(fn, 'agents', `must be at most ${MAX_AGENTS_LIMIT}`, agents);
}

/**
 * Validates a threshold in seconds (finite, >= 0).
 *
 * @throws StaffcastError INVALID_INPUT naming `field`
 * @example
 * checkThreshold('queueMetrics', 'options.thresholdSeconds', -1); // throws "queueMetrics: options.thresholdSeconds must be a finite number >= 0 (got -1)"
 */
export function checkThreshold(fn: string, field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    invalidInput(fn, field, 'must be a finite number >= 0', value);
}

/**
 * Validates a service-level basis.
 *
 * @throws StaffcastError INVALID_INPUT naming `field`
 * @example
 * checkBasis('queueMetrics', 'options.serviceLevelBasis', 'answered'); // throws "queueMetrics: options.serviceLevelBasis must be one of offered, excludeShortAbandons, virtualWait (got answered)"
 */
export function checkBasis(fn: string, field: string, value: unknown): void {
  if (value !== undefined && !BASES.includes(value as ServiceLevelBasis))
    invalidInput(fn, field, `must be one of ${BASES.join(', ')}`, value);
}

function checkFraction(fn: string, field: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'number' || !(value >= 0 && value <= 1)))
    invalidInput(fn, field, 'must be a fraction in 0..1', value);
}

/**
 * Validates a `StaffingTarget`: fractions in 0..1, thresholds and ASA >= 0, `thresholdSeconds`
 * present with `serviceLevel`, `maxAgents` an integer 0..`MAX_AGENTS_LIMIT`.
 *
 * @throws StaffcastError INVALID_INPUT "fn: target.field requirement (got value)"
 * @example
 * checkTarget('requiredAgents', { serviceLevel: 0.8 }); // throws "requiredAgents: target.thresholdSeconds is required with target.serviceLevel (got undefined)"
 */
export function checkTarget(fn: string, target: StaffingTarget): void {
  if (typeof target !== 'object' || target === null) invalidInput(fn, 'target', 'must be an object', target);
  checkFraction(fn, 'target.serviceLevel', target.serviceLevel);
  if (target.thresholdSeconds !== undefined)
    checkThreshold(fn, 'target.thresholdSeconds', target.thresholdSeconds);
  else if (target.serviceLevel !== undefined)
    invalidInput(fn, 'target.thresholdSeconds', 'is required with target.serviceLevel', undefined);
  checkBasis(fn, 'target.serviceLevelBasis', target.serviceLevelBasis);
  if (target.maxAsaSeconds !== undefined) checkThreshold(fn, 'target.maxAsaSeconds', target.maxAsaSeconds);
  checkFraction(fn, 'target.maxAbandonRate', target.maxAbandonRate);
  checkFraction(fn, 'target.maxOccupancy', target.maxOccupancy);
  const m = target.maxAgents;
  if (m !== undefined && (typeof m !== 'number' || !Number.isInteger(m) || m < 0))
    invalidInput(fn, 'target.maxAgents', 'must be a non-negative integer', m);
  if (m !== undefined && m > MAX_AGENTS_LIMIT)
    invalidInput(fn, 'target.maxAgents', `must be at most ${MAX_AGENTS_LIMIT}`, m);
}
