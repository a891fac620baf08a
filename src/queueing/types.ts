/**
 * Shared types of the queueing engine (DESIGN.md section 4). Pure numbers: nothing here knows
 * about time zones or series.
 */

/**
 * How the service level counts callers:
 * - `'offered'`: answered within the threshold / all offered contacts (abandoned callers count as misses);
 * - `'excludeShortAbandons'`: the same / (offered - contacts that abandoned within the threshold);
 * - `'virtualWait'`: P(the wait a caller would have had, were he infinitely patient, <= threshold).
 *
 * The three coincide for Erlang C (no abandonment).
 */
export type ServiceLevelBasis = 'offered' | 'excludeShortAbandons' | 'virtualWait';

/** The demand of one interval on one queue. */
export interface QueueDemand {
  /** Arrivals in one interval (>= 0, may be fractional: a forecast). */
  callsPerInterval: number;
  /** Interval length in minutes (> 0): 5, 6, 15, 30, 60 ... */
  intervalMinutes: number;
  /** Mean handle time of one contact in seconds (> 0). */
  ahtSeconds: number;
  /** Mean (exponential) patience in seconds (> 0): Erlang A. Absent: Erlang C (infinite patience). */
  patienceSeconds?: number;
  /**
   * Contacts one agent handles at once (chat), a positive integer; default 1.
   *
   * Approximation: an agent with concurrency c is c independent "slots", each holding one contact for
   * the full `ahtSeconds` (which must then be the measured duration of a chat handled alongside others,
   * not the agent's dedicated handling time). The queue is Erlang C / A with `agents * c` servers;
   * occupancy is per slot. It assumes a chat's speed does not depend on how many chats the agent runs and
   * that a new chat may take any free slot. This is the parallel-service model of Tezcan and Zhang,
   * "Routing and staffing in customer service chat systems with impatient customers", Operations
   * Research 62(4), 2014, in its special case of a service rate independent of the number of chats. (The
   * other common shortcut, `agents` servers with handle time ahtSeconds / c, has the same occupancy but
   * pools an agent's slots into one faster server, which gives a higher P(wait) at the same load.)
   */
  concurrency?: number;
}

/** Options of `queueMetrics`. */
export interface QueueMetricsOptions {
  /** Service-level answer threshold in seconds (>= 0), e.g. 20. */
  thresholdSeconds: number;
  /** Which callers the service level counts; default `'offered'`. */
  serviceLevelBasis?: ServiceLevelBasis;
}

/**
 * @deprecated Use {@link QueueMetricsOptions} (the `<function>Options` name of `queueMetrics`); kept for existing
 * imports of the public API.
 */
export type MetricsOptions = QueueMetricsOptions;

/** What a queue delivers with a given number of agents. */
export interface QueueMetrics {
  /** `'erlang-c'` (no patience) or `'erlang-a'` (exponential patience). */
  model: 'erlang-c' | 'erlang-a';
  /** Agents on the phones. */
  agents: number;
  /** Offered load in Erlangs: calls per second * ahtSeconds. */
  offeredErlangs: number;
  /** P(an arriving contact waits), 0..1. */
  probWait: number;
  /** Service level on the requested basis, 0..1. */
  serviceLevel: number;
  /** Mean wait of answered contacts in seconds (`Infinity` when Erlang C is unstable or none is answered). */
  asaSeconds: number;
  /** P(an arriving contact abandons); 0 for Erlang C. */
  abandonRate: number;
  /** Carried load / (agents * concurrency), 0..1 (0 with no agents). */
  occupancy: number;
  /** False for Erlang C with agents * concurrency <= load (the queue grows without bound). */
  stable: boolean;
}

/** What a staffing must deliver; every target given must hold at once. */
export interface StaffingTarget {
  /** Minimum service level (0..1) within `thresholdSeconds`. */
  serviceLevel?: number;
  /** Service-level threshold in seconds; required with `serviceLevel`; default 20 for the reported metrics. */
  thresholdSeconds?: number;
  /** Basis of `serviceLevel`; default `'offered'`. */
  serviceLevelBasis?: ServiceLevelBasis;
  /** Maximum mean wait of answered contacts in seconds. */
  maxAsaSeconds?: number;
  /** Maximum P(abandon), 0..1 (Erlang A; Erlang C never abandons). */
  maxAbandonRate?: number;
  /** Maximum occupancy, 0..1. */
  maxOccupancy?: number;
  /** Largest agent count tried; default 100000. Beyond it: `TARGET_UNREACHABLE`. */
  maxAgents?: number;
}
