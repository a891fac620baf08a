import { invalidInput } from '../errors.js';
import type { SimulationInput, SimulationQueue } from './types.js';

/** Arrival kinds of `QueueModel`. */
export const ARRIVALS_POISSON = 0;
export const ARRIVALS_OVERDISPERSED = 1;
export const ARRIVALS_REPLAYED = 2;
/** Handle-time kinds. */
export const HANDLE_EXPONENTIAL = 0;
export const HANDLE_LOGNORMAL = 1;
export const HANDLE_REPLAYED = 2;
/** Patience kinds. */
export const PATIENCE_NONE = 0;
export const PATIENCE_EXPONENTIAL = 1;
export const PATIENCE_REPLAYED = 2;

/** One validated queue: plain numbers and typed arrays (structured-cloneable for worker threads). */
export interface QueueModel {
  name: string;
  arrivals: number;
  /** Expected calls per interval (Poisson and over-dispersed arrivals), else empty. */
  calls: Float64Array;
  multiplierCv: number;
  multiplierPerDay: boolean;
  /** Replayed arrival seconds, else empty. */
  arrivalSeconds: Float64Array;
  handle: number;
  /** Mean handle seconds per interval (exponential and lognormal), else empty. */
  ahtSeconds: Float64Array;
  handleCv: number;
  handleSeconds: Float64Array;
  patience: number;
  patienceMeanSeconds: number;
  patienceSeconds: Float64Array;
}

/** A validated simulation input (see `toModel`). */
export interface SimulationModel {
  intervalSeconds: number;
  intervals: number;
  agents: Int32Array;
  maxAgents: number;
  dayIndex: Int32Array;
  days: number;
  /** True: strict priority in queue order; false: FCFS across queues. */
  priority: boolean;
  thresholdSeconds: number;
  queues: QueueModel[];
}

function numberArray(fn: string, field: string, value: unknown, length: number | undefined): Float64Array {
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof (value as { length?: unknown }).length !== 'number'
  )
    invalidInput(fn, field, 'must be an array of numbers', value);
  const a = value as ArrayLike<unknown>;
  if (length !== undefined && a.length !== length)
    invalidInput(fn, `${field}.length`, `must equal the number of intervals ${length}`, a.length);
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== 'number' || Number.isNaN(v)) invalidInput(fn, `${field}[${i}]`, 'must be a number', v);
    out[i] = v;
  }
  return out;
}

function checkEach(
  fn: string,
  field: string,
  values: Float64Array,
  ok: (v: number) => boolean,
  requirement: string,
): void {
  for (let i = 0; i < values.length; i++)
    if (!ok(values[i]!)) invalidInput(fn, `${field}[${i}]`, requirement, values[i]);
}

const finiteNonNegative = (v: number) => Number.isFinite(v) && v >= 0;

function kindOf(
  fn: string,
  field: string,
  model: unknown,
  kinds: readonly string[],
  fallback: string,
): string {
  if (model === undefined) return fallback;
  const kind = typeof model === 'object' && model !== null ? (model as { kind?: unknown }).kind : undefined;
  if (typeof kind !== 'string' || !kinds.includes(kind))
    invalidInput(fn, `${field}.kind`, `must be one of ${kinds.map((k) => `'${k}'`).join(', ')}`, kind);
  return kind;
}

function toQueue(fn: string, q: SimulationQueue, index: number, intervals: number): QueueModel {
  const at = `queues[${index}]`;
  if (typeof q !== 'object' || q === null) invalidInput(fn, at, 'must be an object', q);
  const arrivalKind = kindOf(
    fn,
    `${at}.arrivals`,
    q.arrivals,
    ['poisson', 'overdispersed', 'replayed'],
    'poisson',
  );
  const handleKind = kindOf(
    fn,
    `${at}.handleTime`,
    q.handleTime,
    ['exponential', 'lognormal', 'replayed'],
    'exponential',
  );
  const patienceKind = kindOf(fn, `${at}.patience`, q.patience, ['none', 'exponential', 'replayed'], 'none');
  const empty = new Float64Array(0);
  const out: QueueModel = {
    name: q.name ?? `queue ${index}`,
    arrivals: ARRIVALS_POISSON,
    calls: empty,
    multiplierCv: 0,
    multiplierPerDay: false,
    arrivalSeconds: empty,
    handle: HANDLE_EXPONENTIAL,
    ahtSeconds: empty,
    handleCv: 0,
    handleSeconds: empty,
    patience: PATIENCE_NONE,
    patienceMeanSeconds: Number.POSITIVE_INFINITY,
    patienceSeconds: empty,
  };
  if (typeof out.name !== 'string') invalidInput(fn, `${at}.name`, 'must be a string', out.name);
  let replayedCalls = -1;
  if (arrivalKind === 'replayed') {
    const model = q.arrivals as { arrivalSeconds: unknown };
    if (q.callsPerInterval !== undefined)
      invalidInput(
        fn,
        `${at}.callsPerInterval`,
        'must be absent with replayed arrivals (the replayed times are the calls)',
      );
    out.arrivals = ARRIVALS_REPLAYED;
    out.arrivalSeconds = numberArray(fn, `${at}.arrivals.arrivalSeconds`, model.arrivalSeconds, undefined);
    replayedCalls = out.arrivalSeconds.length;
    let previous = 0;
    for (let i = 0; i < replayedCalls; i++) {
      const t = out.arrivalSeconds[i]!;
      if (!(t >= previous && t < Number.POSITIVE_INFINITY))
        invalidInput(
          fn,
          `${at}.arrivals.arrivalSeconds[${i}]`,
          `must be finite, >= 0 and >= the one before (${previous})`,
          t,
        );
      previous = t;
    }
  } else {
    if (q.callsPerInterval === undefined)
      invalidInput(fn, `${at}.callsPerInterval`, 'is required unless arrivals are replayed');
    out.calls = numberArray(fn, `${at}.callsPerInterval`, q.callsPerInterval, intervals);
    checkEach(fn, `${at}.callsPerInterval`, out.calls, finiteNonNegative, 'must be finite and >= 0');
    if (arrivalKind === 'overdispersed') {
      const model = q.arrivals as { multiplierCv: unknown; per: unknown };
      const cv = model.multiplierCv;
      if (typeof cv !== 'number' || !(cv > 0 && cv <= 10))
        invalidInput(fn, `${at}.arrivals.multiplierCv`, 'must be a number in (0, 10]', cv);
      if (model.per !== 'day' && model.per !== 'interval')
        invalidInput(fn, `${at}.arrivals.per`, "must be 'day' or 'interval'", model.per);
      out.arrivals = ARRIVALS_OVERDISPERSED;
      out.multiplierCv = cv;
      out.multiplierPerDay = model.per === 'day';
    }
  }
  if (handleKind === 'replayed') {
    if (replayedCalls < 0)
      invalidInput(fn, `${at}.handleTime.kind`, "'replayed' needs replayed arrivals", handleKind);
    if (q.ahtSeconds !== undefined)
      invalidInput(fn, `${at}.ahtSeconds`, 'must be absent with replayed handle times');
    out.handle = HANDLE_REPLAYED;
    const h = numberArray(
      fn,
      `${at}.handleTime.handleSeconds`,
      (q.handleTime as { handleSeconds: unknown }).handleSeconds,
      undefined,
    );
    if (h.length !== replayedCalls)
      invalidInput(
        fn,
        `${at}.handleTime.handleSeconds.length`,
        `must equal the number of replayed arrivals ${replayedCalls}`,
        h.length,
      );
    checkEach(fn, `${at}.handleTime.handleSeconds`, h, finiteNonNegative, 'must be finite and >= 0');
    out.handleSeconds = h;
  } else {
    const aht = q.ahtSeconds;
    if (aht === undefined)
      invalidInput(fn, `${at}.ahtSeconds`, 'is required unless handle times are replayed');
    if (typeof aht === 'number') {
      if (!(aht > 0 && aht < Number.POSITIVE_INFINITY))
        invalidInput(fn, `${at}.ahtSeconds`, 'must be finite and > 0', aht);
      out.ahtSeconds = new Float64Array(intervals).fill(aht);
    } else {
      out.ahtSeconds = numberArray(fn, `${at}.ahtSeconds`, aht, intervals);
      checkEach(
        fn,
        `${at}.ahtSeconds`,
        out.ahtSeconds,
        (v) => v > 0 && v < Number.POSITIVE_INFINITY,
        'must be finite and > 0',
      );
    }
    if (handleKind === 'lognormal') {
      const cv = (q.handleTime as { cv: unknown }).cv;
      if (typeof cv !== 'number' || !(cv > 0 && cv <= 100))
        invalidInput(fn, `${at}.handleTime.cv`, 'must be a number in (0, 100]', cv);
      out.handle = HANDLE_LOGNORMAL;
      out.handleCv = cv;
    }
  }
  if (patienceKind === 'replayed') {
    if (replayedCalls < 0)
      invalidInput(fn, `${at}.patience.kind`, "'replayed' needs replayed arrivals", patienceKind);
    out.patience = PATIENCE_REPLAYED;
    const p = numberArray(
      fn,
      `${at}.patience.patienceSeconds`,
      (q.patience as { patienceSeconds: unknown }).patienceSeconds,
      undefined,
    );
    if (p.length !== replayedCalls)
      invalidInput(
        fn,
        `${at}.patience.patienceSeconds.length`,
        `must equal the number of replayed arrivals ${replayedCalls}`,
        p.length,
      );
    checkEach(
      fn,
      `${at}.patience.patienceSeconds`,
      p,
      (v) => v >= 0,
      'must be >= 0 (Infinity for a caller who did not abandon)',
    );
    out.patienceSeconds = p;
  } else if (patienceKind === 'exponential') {
    const mean = (q.patience as { meanSeconds: unknown }).meanSeconds;
    if (typeof mean !== 'number' || !(mean > 0 && mean < Number.POSITIVE_INFINITY))
      invalidInput(fn, `${at}.patience.meanSeconds`, 'must be finite and > 0', mean);
    out.patience = PATIENCE_EXPONENTIAL;
    out.patienceMeanSeconds = mean;
  }
  return out;
}

/**
 * Validates a simulation input and copies it into typed arrays (`SimulationModel`). Cost O(intervals
 * x queues + replayed calls).
 *
 * @throws StaffcastError INVALID_INPUT naming `fn` and the field: interval length not > 0, agents not
 *   non-negative integers, no queues, an array whose length is not the number of intervals, a
 *   negative or non-finite rate, an unknown distribution `kind`, replayed arrivals out of order or
 *   past the horizon, replayed handle times or patience without replayed arrivals, a bad day index.
 * @example
 * toModel('simulate', { intervalMinutes: 15, agents: [2, 3], dayIndex: [0, 0],
 *   queues: [{ callsPerInterval: [10, 12], ahtSeconds: 180 }] }, 20).maxAgents; // 3
 */
export function toModel(fn: string, input: SimulationInput, thresholdSeconds: number): SimulationModel {
  if (typeof input !== 'object' || input === null) invalidInput(fn, 'input', 'must be an object', input);
  const minutes = input.intervalMinutes;
  if (typeof minutes !== 'number' || !(minutes > 0 && minutes <= 1440))
    invalidInput(fn, 'intervalMinutes', 'must be a number in (0, 1440]', minutes);
  if (
    typeof thresholdSeconds !== 'number' ||
    !(thresholdSeconds >= 0 && thresholdSeconds < Number.POSITIVE_INFINITY)
  )
    invalidInput(fn, 'thresholdSeconds', 'must be finite and >= 0', thresholdSeconds);
  const agentsIn = numberArray(fn, 'agents', input.agents, undefined);
  const intervals = agentsIn.length;
  if (intervals === 0) invalidInput(fn, 'agents', 'must have at least one interval');
  checkEach(
    fn,
    'agents',
    agentsIn,
    (v) => Number.isInteger(v) && v >= 0 && v <= 1e6,
    'must be an integer in 0..1000000',
  );
  const agents = Int32Array.from(agentsIn);
  let maxAgents = 0;
  for (const a of agents) if (a > maxAgents) maxAgents = a;
  const intervalSeconds = minutes * 60;
  let dayIndex: Int32Array;
  if (input.dayIndex === undefined) {
    const perDay = 1440 / minutes;
    if (!Number.isInteger(perDay))
      invalidInput(fn, 'dayIndex', 'is required when intervalMinutes does not divide 1440', minutes);
    dayIndex = new Int32Array(intervals);
    for (let k = 0; k < intervals; k++) dayIndex[k] = Math.floor(k / perDay);
  } else {
    const d = numberArray(fn, 'dayIndex', input.dayIndex, intervals);
    let previous = 0;
    for (let k = 0; k < intervals; k++) {
      const v = d[k]!;
      if (!(v === previous || v === previous + 1) || (k === 0 && v !== 0))
        invalidInput(
          fn,
          `dayIndex[${k}]`,
          `must be ${k === 0 ? '0' : `${previous} or ${previous + 1}`} (days start at 0 and go up by 0 or 1)`,
          v,
        );
      previous = v;
    }
    dayIndex = Int32Array.from(d);
  }
  const days = dayIndex[intervals - 1]! + 1;
  if (input.routing !== undefined && input.routing !== 'fcfs' && input.routing !== 'priority')
    invalidInput(fn, 'routing', "must be 'fcfs' or 'priority'", input.routing);
  if (!Array.isArray(input.queues) || input.queues.length === 0)
    invalidInput(fn, 'queues', 'must be a non-empty array', input.queues);
  if (input.queues.length > 1000)
    invalidInput(fn, 'queues.length', 'must be at most 1000', input.queues.length);
  const queues = input.queues.map((q, i) => toQueue(fn, q, i, intervals));
  const horizonSeconds = intervals * intervalSeconds;
  queues.forEach((q, i) => {
    const n = q.arrivalSeconds.length;
    if (n > 0 && !(q.arrivalSeconds[n - 1]! < horizonSeconds))
      invalidInput(
        fn,
        `queues[${i}].arrivals.arrivalSeconds[${n - 1}]`,
        `must be before the end of the horizon (${horizonSeconds} s)`,
        q.arrivalSeconds[n - 1],
      );
  });
  return {
    intervalSeconds,
    intervals,
    agents,
    maxAgents,
    dayIndex,
    days,
    priority: input.routing === 'priority',
    thresholdSeconds,
    queues,
  };
}
