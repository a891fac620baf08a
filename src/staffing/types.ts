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
