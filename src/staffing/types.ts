import type { StaffingTarget } from '../queueing/types.js';
import type { Shrinkage } from './shrinkage.js';

/**
 * A staffing requirement table: one row per interval (per queue when several queues share the
 * table), the content of the requirement CSV of DESIGN.md section 5. Every numeric column is a
 * `Float64Array` of the same length as `starts`; a value not known (a column absent from a file,
 * or an empty cell) is `NaN`.
 */
export interface Requirement {
  /** IANA zone in which `interval_start` is written on output. */
  timeZone: string;
  /** Interval length in minutes (divides 1440). */
  intervalMinutes: number;
  /** Epoch ms of each row's interval start; strictly increasing within each queue. */
  starts: Float64Array;
  /** Queue name of each row, when the table holds several queues; absent for one queue. */
  queue?: string[];
  /** Offered contacts per interval. */
  calls: Float64Array;
  /** Mean handle time per contact in seconds. */
  ahtSeconds: Float64Array;
  /** Agents needed on the phones (productive, before shrinkage). */
  agents: Float64Array;
  /** Agents to schedule once shrinkage is added. */
  scheduledAgents: Float64Array;
  /** Service level of `agents` (fraction 0..1). */
  serviceLevel: Float64Array;
  /** Mean wait of answered contacts in seconds (`Infinity` for an unstable Erlang C queue). */
  asaSeconds: Float64Array;
  /** Probability a contact abandons (0 for Erlang C). */
  abandonRate: Float64Array;
  /** Agent occupancy (fraction 0..1). */
  occupancy: Float64Array;
}

/**
 * The channel of a queue: `voice` and `chat` are staffed by Erlang C / A (chat with several contacts
 * per agent), `email` (and other deferred work) by its deadline.
 */
export type QueueChannel = 'voice' | 'chat' | 'email';

/**
 * One queue or channel of a multi-queue staffing, as `multiQueuePlan` needs it: its name and
 * channel and the staffing parameters it sets for itself. A parameter left out falls back to the
 * spec's `target` and then to the plan-wide options. The staffing config file
 * (`staffingConfigSchema`, `readStaffingConfig`) and a plan config's `queues` are read into this
 * type; a program may also build it directly.
 */
export interface QueueSpec {
  /** Queue name, as in the forecast's `queue` column. */
  name: string;
  /** How the queue is staffed. */
  channel: QueueChannel;
  /** The queue's own target (replaces the spec's and the plan-wide target whole). */
  target?: StaffingTarget;
  /** Mean (exponential) patience in seconds: Erlang A. Absent: Erlang C (or the plan-wide value). */
  patienceSeconds?: number;
  /** Mean handle time in seconds, where the forecast has none. */
  ahtSeconds?: number;
  /** Share of paid time not on the phones (fraction in [0, 1), or a table by weekday and time). */
  shrinkage?: Shrinkage;
  /** `chat` only: contacts one agent handles at once (integer >= 1, default 1). */
  concurrency?: number;
  /** Agents per interval at least (integer >= 0). */
  minAgents?: number;
  /** IANA zone of the site serving the queue, for local-time rules (shrinkage), when not the forecast's. */
  timeZone?: string;
  /** `email` only (required there): minutes within which an item must be handled. */
  deadlineMinutes?: number;
  /** `email` only: whether the deadline counts every minute (`'calendar'`, default) or open minutes only. */
  deadlineBasis?: 'calendar' | 'business';
  /**
   * Whether the queue takes handle time, patience and availability from fitted parameters
   * (`calibrate --params-out`) where nothing else gives them. Default: true for `voice`, false
   * for `chat` and `email`.
   */
  useParams?: boolean;
}

/** The queues of a multi-queue staffing and their common target. */
export interface StaffingSpec {
  /** Target of every queue that sets none; absent: the plan-wide target. */
  target?: StaffingTarget;
  /** The queues, in the order results are reported; names are unique. */
  queues: readonly QueueSpec[];
}
