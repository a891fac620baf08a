/**
 * Types of the discrete-event simulation (DESIGN.md section 1, issue 12 section 1). Pure numbers on
 * a grid of consecutive intervals: time is seconds from the start of the horizon; nothing here knows
 * about time zones or files.
 */

/**
 * How one queue's calls arrive.
 * - `poisson`: a Poisson process whose rate is constant within an interval, `callsPerInterval[k]`
 *   expected calls in interval k.
 * - `overdispersed`: the same with the rate multiplied by a gamma variable of mean 1 and coefficient
 *   of variation `multiplierCv`, drawn once per day (`per: 'day'`: the days of `SimulationInput`) or
 *   once per interval. Per interval the count is then negative binomial with variance
 *   mu + multiplierCv^2 mu^2 (mu = callsPerInterval[k]).
 * - `replayed`: the given arrival times, seconds from the horizon start, non-decreasing, each in
 *   [0, horizon). `callsPerInterval` must then be absent.
 */
export type SimulationArrivals =
  | { kind: 'poisson' }
  | { kind: 'overdispersed'; multiplierCv: number; per: 'day' | 'interval' }
  | { kind: 'replayed'; arrivalSeconds: ArrayLike<number> };

/**
 * How long an answered call holds its agent.
 * - `exponential`: mean `ahtSeconds` of the call's arrival interval;
 * - `lognormal`: the same mean and coefficient of variation `cv` (> 0): ln H ~ N(ln aht - s^2/2, s^2)
 *   with s^2 = ln(1 + cv^2);
 * - `replayed`: `handleSeconds[i]` (>= 0) for the i-th replayed call (replayed arrivals only);
 *   `ahtSeconds` must then be absent.
 */
export type SimulationHandleTime =
  | { kind: 'exponential' }
  | { kind: 'lognormal'; cv: number }
  | { kind: 'replayed'; handleSeconds: ArrayLike<number> };

/**
 * How long a caller waits before abandoning.
 * - `none`: never abandons (the Erlang C world);
 * - `exponential`: exponential patience with mean `meanSeconds` (> 0; the Erlang A world);
 * - `replayed`: `patienceSeconds[i]` (>= 0, `Infinity` for a caller who did not abandon) for the i-th
 *   replayed call (replayed arrivals only).
 * A caller abandons at arrival + patience if not answered by then (at a tie he abandons); a caller
 * who finds an agent free is answered at once whatever his patience.
 */
export type SimulationPatience =
  | { kind: 'none' }
  | { kind: 'exponential'; meanSeconds: number }
  | { kind: 'replayed'; patienceSeconds: ArrayLike<number> };

/** One queue (call type) served by the shared pool of agents. */
export interface SimulationQueue {
  /** A label for results; default `queue <index>`. */
  name?: string;
  /** Expected calls per interval (>= 0), one per interval; required unless arrivals are replayed. */
  callsPerInterval?: ArrayLike<number>;
  /** Mean handle time (> 0): one number, or one per interval; required unless handle times are replayed. */
  ahtSeconds?: number | ArrayLike<number>;
  /** Default `{ kind: 'poisson' }`. */
  arrivals?: SimulationArrivals;
  /** Default `{ kind: 'exponential' }`. */
  handleTime?: SimulationHandleTime;
  /** Default `{ kind: 'none' }`. */
  patience?: SimulationPatience;
}

/**
 * What to simulate: consecutive intervals of `intervalMinutes` (interval k covers
 * [k * 60 intervalMinutes, (k + 1) * 60 intervalMinutes) seconds), the agents on duty in each (net
 * of breaks and shrinkage) and the queues they serve.
 */
export interface SimulationInput {
  /** Interval length in minutes (> 0). */
  intervalMinutes: number;
  /** Agents on duty per interval: non-negative integers; its length is the number of intervals. */
  agents: ArrayLike<number>;
  /** One or more queues; with several, `routing` says which waiting call a free agent takes. */
  queues: readonly SimulationQueue[];
  /**
   * Day of each interval: integers starting at 0, each equal to or one more than the one before.
   * Default: consecutive days of 1440 / intervalMinutes intervals (the horizon starts at midnight and
   * has no DST change), which needs intervalMinutes to divide 1440.
   */
  dayIndex?: ArrayLike<number>;
  /**
   * `'fcfs'` (default): a free agent takes the call that has waited longest over all queues;
   * `'priority'`: the longest-waiting call of the first non-empty queue in `queues` order.
   */
  routing?: 'fcfs' | 'priority';
}

/** Options of `simulate`. */
export interface SimulationOptions {
  /** Service-level answer threshold in seconds (>= 0), e.g. 20. */
  thresholdSeconds: number;
  /** Independent replications (integer 2..100000); default 20. */
  replications?: number;
  /** Base seed, an integer in [0, 2^32); default 1. Replication r uses stream r of this seed. */
  seed?: number;
  /** Confidence level of the intervals, in (0, 1); default 0.95. */
  confidence?: number;
  /**
   * Worker threads. Default: 1 (the calling thread) for small jobs, else min(replications,
   * available cores) when replications x expected calls exceed 200,000. Results do not depend on it.
   */
  workers?: number;
}

/**
 * A mean across replications with its standard error and a Student-t confidence interval:
 * mean +- t_{(1 + confidence)/2, n - 1} standardError. Replications where the figure is undefined (no
 * call offered, none answered for ASA, no agent present for occupancy) are left out; `replications`
 * is how many remain. NaN when none remains (and the error and interval NaN when one remains).
 */
export interface Estimate {
  mean: number;
  standardError: number;
  lower: number;
  upper: number;
  replications: number;
}

/** Service level on the three bases of `queueMetrics` (see `ServiceLevelBasis`). */
export interface ServiceLevelEstimates {
  /** Answered within the threshold / offered. */
  offered: Estimate;
  /** Answered within the threshold / (offered - abandoned with patience <= threshold). */
  excludeShortAbandons: Estimate;
  /**
   * Calls whose virtual wait (the wait they would have had had they not abandoned) was <= threshold /
   * offered. A call abandoned or still waiting at the end of the horizon without its virtual wait
   * known counts as a miss.
   */
  virtualWait: Estimate;
}

/**
 * What one queue (or all queues together) got in a period: the calls that ARRIVED in it, however
 * long after they were answered. `offered` = `answered` + `abandoned` + `waitingAtEnd` in every
 * replication; calls still waiting at the end of the horizon count as offered and not answered.
 */
export interface SimulatedQueuePeriod {
  serviceLevel: ServiceLevelEstimates;
  /** Mean wait of answered calls, seconds. */
  asaSeconds: Estimate;
  /** Abandoned / offered. */
  abandonRate: Estimate;
  /** Calls offered (mean count). */
  offered: Estimate;
  /** Calls answered. */
  answered: Estimate;
  /** Calls abandoned. */
  abandoned: Estimate;
  /** Calls still waiting (neither answered nor abandoned) at the end of the horizon. */
  waitingAtEnd: Estimate;
}

/** A period of the whole pool: the queues together plus how busy the agents were. */
export interface SimulatedPeriod extends SimulatedQueuePeriod {
  /**
   * Busy agent-seconds / present agent-seconds in the period (time-based, not by arrival); present
   * agents are those on duty plus leaving agents finishing their call.
   */
  occupancy: Estimate;
  /** Agent-seconds worked beyond the schedule by leaving agents finishing a call. */
  overtimeAgentSeconds: Estimate;
}

/** One queue's results. */
export interface SimulatedQueue {
  name: string;
  intervals: SimulatedQueuePeriod[];
  days: SimulatedQueuePeriod[];
  horizon: SimulatedQueuePeriod;
}

/** The result of `simulate`. */
export interface SimulationResult {
  replications: number;
  seed: number;
  confidence: number;
  thresholdSeconds: number;
  /** All queues together, per interval. */
  intervals: SimulatedPeriod[];
  /** All queues together, per day (see `SimulationInput.dayIndex`). */
  days: SimulatedPeriod[];
  /** All queues together over the whole horizon. */
  horizon: SimulatedPeriod;
  /** Per queue, in input order. */
  queues: SimulatedQueue[];
}
