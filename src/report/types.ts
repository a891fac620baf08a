/**
 * The typed input of the report renderers (`renderReportHtml`, `renderTerminalSummary`).
 *
 * Plain numbers and arrays only, independent of the forecast, staffing and scheduling types, so any
 * caller (the `plan` command, a script) can fill it. Instants are epoch milliseconds; they are shown
 * in the local time of `timeZone`. Fractions are 0..1; durations carry their unit in the name.
 * An unknown figure is `undefined` (shown as a dash), never `NaN`.
 */
export interface ReportInput {
  /** Report title, e.g. `'Staffing plan, week of 1 March 1999'`. Plain text (escaped on output). */
  title: string;
  /** Optional subtitle under the title (plain text). */
  subtitle?: string;
  /** IANA zone in which every time is shown, e.g. `'Asia/Jerusalem'`. */
  timeZone: string;
  /** Length of every interval in minutes; divides 1440 (5, 6, 10, 15, 30, 60 ...). */
  intervalMinutes: number;
  /** When the report was made (epoch ms); shown in the footer. */
  generatedAt: number;
  /** What made it, e.g. `'staffcast 0.1.0 plan'` (plain text). */
  generator?: string;
  /** Observed contacts of the last weeks before the forecast (chart 1). */
  history?: ReportHistory;
  /** Forecast contacts over the planning horizon, optionally with a P10-P90 band (chart 1). */
  forecast: ReportForecast;
  /** Required and scheduled agents per interval of the horizon (charts 2 and 4). */
  staffing: ReportStaffing;
  /** Service level the schedule gives per interval, with its target (chart 3). */
  serviceLevel?: ReportServiceLevel;
  /** Headline figures of the plan (summary table and terminal summary). */
  summary: ReportSummary;
  /** Per local day figures (daily table). */
  days?: ReadonlyArray<ReportDay>;
  /** The scheduled shifts, grouped by day, type, start and end (shifts table). */
  shifts?: ReadonlyArray<ReportShift>;
  /** Per-queue figures of a plan with several queues or channels (queue table). */
  queues?: ReadonlyArray<ReportQueue>;
  /** Optional what-if comparison (table and chart 5). */
  scenarios?: ReportScenarioTable;
  /** The schedule's simulation beside the Erlang figures (plan). */
  simulation?: ReportSimulation;
  /** Free-text notes listed at the end of the report (plain text, one per item). */
  notes?: ReadonlyArray<string>;
  /**
   * Coverage problems the planner must see (plain text, one per item): intervals no shift can
   * cover, intervals with no agents, under-coverage. The terminal summary prints each as a
   * `Warning:` line.
   */
  warnings?: ReadonlyArray<string>;
}

/** Observed offered contacts per interval. `starts` strictly increasing; `NaN` = missing. */
export interface ReportHistory {
  /** Epoch ms of each interval start. */
  starts: ArrayLike<number>;
  /** Offered contacts per interval (`NaN` = missing, drawn as a gap). */
  calls: ArrayLike<number>;
}

/** Forecast offered contacts per interval, with an optional P10-P90 band. */
export interface ReportForecast {
  /** Epoch ms of each interval start, strictly increasing. */
  starts: ArrayLike<number>;
  /** Expected (mean or P50) contacts per interval. */
  calls: ArrayLike<number>;
  /** 10 % quantile of contacts per interval (lower edge of the band); needs `p90` too. */
  p10?: ArrayLike<number>;
  /** 90 % quantile of contacts per interval (upper edge of the band); needs `p10` too. */
  p90?: ArrayLike<number>;
}

/**
 * Agents per interval, both in the same unit (agents productive on the phones, i.e. after
 * shrinkage is taken out of the rostered heads), so `scheduled - required` is the surplus.
 */
export interface ReportStaffing {
  /** Epoch ms of each interval start, strictly increasing. */
  starts: ArrayLike<number>;
  /** Agents needed to meet the target per interval (>= 0). */
  requiredAgents: ArrayLike<number>;
  /** Agents the schedule provides per interval (>= 0). */
  scheduledAgents: ArrayLike<number>;
}

/** Service level per interval that the scheduled agents give, and the target. */
export interface ReportServiceLevel {
  /** Epoch ms of each interval start, strictly increasing. */
  starts: ArrayLike<number>;
  /** Service level per interval, 0..1 (`NaN` = not defined, e.g. no contacts). */
  values: ArrayLike<number>;
  /** Target service level, 0..1 (e.g. `0.8`). */
  target: number;
  /** Answer threshold of the target in seconds (e.g. `20`). */
  thresholdSeconds: number;
}

/** Status of the schedule solve, as reported by the MIP solver wrapper. */
export type ReportScheduleStatus = 'optimal' | 'feasible' | 'time-limit' | 'infeasible' | 'not-run';

/** Headline figures of the plan over the horizon. Every figure is optional: absent = unknown. */
export interface ReportSummary {
  /** Total contacts forecast over the horizon. */
  forecastCalls?: number;
  /** Agent-hours required by the requirement curve (sum of agents x interval hours). */
  requiredAgentHours?: number;
  /** Agent-hours the schedule provides, in `ReportStaffing`'s unit (on the phones, after shrinkage). */
  scheduledAgentHours?: number;
  /** Full-time equivalents (`fteOf`: paid hours per calendar week of the horizon / paid hours of one FTE). */
  fte?: number;
  /** What `fte` divides, shown beside it (`fteBasis`), e.g. `'paid hours per week / 40 h'` (plain text). */
  fteBasis?: string;
  /** Paid hours of all scheduled shifts (what FTE divides). */
  paidHours?: number;
  /** Largest number of required agents in one interval. */
  peakRequiredAgents?: number;
  /**
   * Largest number of agents the schedule provides in one interval, in `ReportStaffing`'s unit
   * (on the phones, after shrinkage): may be fractional (expected heads, e.g. 25 x (1 - 0.3) = 17.5).
   */
  peakScheduledAgents?: number;
  /**
   * The peak: the first interval with the most agents required on the phones, and what the
   * schedule puts there (agents on the phones in `ReportStaffing`'s unit, heads on shift).
   */
  peak?: ReportPeak;
  /** Intervals with agents required but nobody on the phones (`uncoveredRanges` kind 'none'). */
  noAgentIntervals?: number;
  /** Intervals with fewer agents on the phones than required (kind 'short'). */
  underCoveredIntervals?: number;
  /** Largest shortfall of agents in one interval (0 when everything is covered). */
  worstShortfall?: number;
  /** Cost of the schedule in the unit of the shift rules (`scheduleCostUnit`). */
  scheduleCost?: number;
  /** Unit of `scheduleCost`, e.g. `'EUR'` or `'cost units'` (plain text). */
  scheduleCostUnit?: string;
  /** Service level over the horizon, weighted by contacts, 0..1. */
  serviceLevel?: number;
  /**
   * The 95% interval of `serviceLevel` when it is simulated (the headline then reads 'Service level
   * (simulated)'); absent: a computed figure.
   */
  serviceLevelLower?: number;
  serviceLevelUpper?: number;
  /** The per-interval Erlang service level shown beside a simulated one. */
  erlangServiceLevel?: number;
  /** The simulation-checked loop: rounds, paid hours added and the simulated service level before and after. */
  simulationCheck?: {
    rounds: number;
    extraPaidHours: number;
    paidHoursBefore: number;
    serviceLevelBefore: number;
  };
  /** Mean wait of answered contacts over the horizon, seconds. */
  asaSeconds?: number;
  /** Share of offered contacts that abandon, 0..1. */
  abandonRate?: number;
  /** Outbound calls that fit into the spare capacity. */
  outboundCallsFit?: number;
  /** Status of the schedule solve. */
  scheduleStatus?: ReportScheduleStatus;
  /** Relative MIP gap of the schedule, 0..1 (0 = proven optimal). */
  scheduleGap?: number;
  /**
   * Staffing to a confidence: the level and its premium over mean staffing (plain text), e.g.
   * `'90%: +6.8% scheduled hours'`.
   */
  confidence?: string;
}

/** What the schedule puts at the interval with the most agents required. */
export interface ReportPeak {
  /** Epoch ms of the interval start. */
  start: number;
  /** Agents required on the phones there. */
  requiredAgents: number;
  /** Agents on the phones there (`ReportStaffing`'s unit; may be fractional). */
  onPhoneAgents: number;
  /** Agents on shift there, on break included (whole heads before shrinkage). */
  onShiftHeadcount: number;
}

/** A group of identical scheduled shifts (same day, type, start and end; breaks may differ). */
export interface ReportShift {
  /** Local date `yyyy-MM-dd` the shift starts on, or a weekday name for a cyclic week (plain text). */
  date: string;
  /** Shift type name (plain text). */
  type: string;
  /** Local start and end `HH:mm` (the end may be on the next day). */
  startTime: string;
  endTime: string;
  /** Agents working it (>= 0). */
  count: number;
  /** Paid minutes of one such shift. */
  paidMinutes: number;
}

/** Figures of one local calendar day. */
export interface ReportDay {
  /** Local date `yyyy-MM-dd` in the report's zone. */
  date: string;
  /** Contacts forecast that day. */
  calls?: number;
  /** Agent-hours required that day. */
  requiredAgentHours?: number;
  /** Agent-hours scheduled that day. */
  scheduledAgentHours?: number;
  /** Service level that day, 0..1, weighted by contacts. */
  serviceLevel?: number;
  /** Mean wait of answered contacts that day, seconds. */
  asaSeconds?: number;
  /** Share of contacts abandoning that day, 0..1. */
  abandonRate?: number;
}

/**
 * One row of the simulation table: a period (the week, a day) or an interval, its per-interval
 * Erlang service level (each interval scored as if it started empty) and the simulated one (the
 * schedule as one continuous queue) with its 95% interval.
 */
export interface ReportSimulationRow {
  /** Plain text, e.g. `'Week'`, `'2003-10-27'` or `'Mon 27 Oct 16:30'`. */
  label: string;
  erlangServiceLevel: number;
  serviceLevel: number;
  lower: number;
  upper: number;
  /** Simulated mean wait of answered contacts, seconds. */
  asaSeconds?: number;
  /** Simulated share abandoning. */
  abandonRate?: number;
}

/** One schedule of the simulation-checked loop (round 0: the schedule of the requirement). */
export interface ReportSimulationRound {
  round: number;
  paidHours: number;
  scheduleCost: number;
  /** Simulated and Erlang service level over the horizon. */
  serviceLevel: number;
  erlangServiceLevel: number;
  /** Intervals whose simulated service level misses. */
  missedIntervals: number;
}

/** The schedule's simulation beside the Erlang figures (a plan's report section). */
export interface ReportSimulation {
  replications: number;
  seed: number;
  /** The week (first) and each day. */
  periods: ReadonlyArray<ReportSimulationRow>;
  /** The intervals where the Erlang figure is most optimistic, largest gap first. */
  intervals: ReadonlyArray<ReportSimulationRow>;
  /** The simulation-checked loop, when it ran. */
  rounds?: ReadonlyArray<ReportSimulationRound>;
}

/** Figures of one queue or channel of a multi-queue plan. Absent = unknown (a dash). */
export interface ReportQueue {
  /** Queue name (plain text, escaped on output). */
  name: string;
  /** Channel, e.g. `'voice'`, `'chat'`, `'email'` (plain text). */
  channel?: string;
  /** Contacts (emails: items) forecast over the horizon. */
  forecastCalls?: number;
  /** Agent-hours the queue needs. */
  requiredAgentHours?: number;
  /** Most agents the queue needs in one interval. */
  peakRequiredAgents?: number;
  /** Service level with the queue's share of the agents, 0..1 (email: share handled by the deadline). */
  serviceLevel?: number;
  /** Mean wait of answered contacts in seconds (email: mean time to handling). */
  asaSeconds?: number;
  /** Share of contacts abandoning, 0..1. */
  abandonRate?: number;
}

/** How a figure is formatted: its unit. `fraction` is shown as a percentage. */
export type ReportFigureUnit = 'count' | 'agents' | 'hours' | 'fte' | 'fraction' | 'seconds' | 'money';

/** One column (figure) of the scenario comparison. */
export interface ReportScenarioColumn {
  /** Column heading, e.g. `'Agent-hours'` (plain text). */
  label: string;
  /** Unit of the figure, which decides its formatting. */
  unit: ReportFigureUnit;
}

/** One row (scenario) of the comparison. */
export interface ReportScenarioRow {
  /** Scenario name (plain text, escaped on output). */
  name: string;
  /** One value per column, in column order; `NaN` = not available. */
  values: ArrayLike<number>;
}

/** A what-if comparison: rows are scenarios, columns are figures. */
export interface ReportScenarioTable {
  /** Heading of the chart (plain text). Default `'Scenario comparison'`. */
  title?: string;
  /** Caption of the chart (plain text). Default `'One panel per figure, one bar per scenario.'`. */
  caption?: string;
  /** The figures compared. */
  columns: ReadonlyArray<ReportScenarioColumn>;
  /** The scenarios, the base first by convention. */
  rows: ReadonlyArray<ReportScenarioRow>;
}
