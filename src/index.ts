/**
 * staffcast: contact-centre workforce management.
 *
 * The public API, grouped by the flow of DESIGN.md: history -> forecast -> staffing -> schedule ->
 * report, with the use cases (`plan`, `compareScenarios`) that run the whole flow; the API guide
 * (`docs/api-guide.md`) shows the five things most people do. Everything exported here is
 * documented and semver-stable. A declaration whose doc comment carries the internal tag is
 * exported from its module for staffcast itself and its tests only, never from here, and may change
 * in any release.
 */

// ---- errors: one error type with a stable code, and the package version -------------------------
export { StaffcastError, type StaffcastErrorCode } from './errors.js';
export { VERSION } from './version.js';

// ---- time: interval series in an IANA zone, local days and instants (DST-aware) ----------------
export { createSeries, type Series } from './time/series.js';
export type { History } from './time/history.js';
export { formatInstant } from './time/formatInstant.js';
export { localDate, localMinuteOfDay, localWeekday } from './time/localCalendar.js';
export { localDayIntervals } from './time/localDayIntervals.js';

// the options every grid-aware function shares (zone, interval length): option types extend it
export type { GridOptions } from './time/gridOptions.js';

// ---- io: the CSV files staffcast reads and writes (`file:line:column: problem` on bad input) ----
export {
  type HistoryColumns,
  type HistoryReadResult,
  type ReadHistoryOptions,
  readHistoryCsv,
} from './io/readHistoryCsv.js';
export type { DateFormat } from './io/parseTimestamp.js';
export type { DateFormatOption } from './io/dateOrder.js';
export type { CsvDelimiter, CsvInput } from './io/csvSource.js';
export type { GapRange, ReadReport, RecordClasses } from './io/readReport.js';
export { type FormatReadReportOptions, formatReadReport } from './io/formatReadReport.js';
export {
  type AggregateRecordsOptions,
  aggregateRecords,
  type RecordCondition,
} from './io/aggregateRecords.js';
export { writeHistoryCsv } from './io/writeHistoryCsv.js';
export {
  type ForecastRead,
  type ReadForecastOptions,
  readForecastCsv,
  readForecastCsvByQueue,
} from './io/readForecastCsv.js';
export { writeForecastCsv } from './io/writeForecastCsv.js';
export {
  type ReadRequirementOptions,
  readRequirementCsv,
  type WriteRequirementOptions,
  writeRequirementCsv,
} from './io/requirementCsv.js';
export {
  CALL_RECORD_COLUMNS,
  type CallRecordColumns,
  type CallRecordsRead,
  type ReadCallRecordsOptions,
  readCallRecords,
} from './io/callRecords.js';
export { type DailyTotalsRead, readDailyTotalsCsv } from './io/dailyTotalsCsv.js';
export { readIntradaySharesCsv } from './io/intradaySharesCsv.js';
export { readSpecialDaysCsv } from './io/specialDaysCsv.js';

// ---- forecast: interval volumes and AHT, models, auto selection, backtest, special days ---------
export type { Forecast } from './forecast/types.js';
export { forecast } from './forecast/forecast.js';
export type { ForecastOptions } from './forecast/options.js';
export { type ForecastMethod, MODEL_NAMES, type ModelName } from './forecast/engine.js';
export { DEFAULT_MODEL_PARAMETERS, type ModelParameters } from './forecast/model.js';
export { resampleHistory } from './forecast/resample.js';
export { historyAsOf } from './forecast/historyAsOf.js';
export {
  type BacktestOptions,
  type BacktestResult,
  type BacktestRow,
  backtest,
} from './forecast/backtest.js';
export { formatBacktestTable } from './forecast/backtestTable.js';
export type { AccuracyMetrics } from './forecast/metrics.js';
export { type ReforecastOptions, reforecastDay } from './forecast/reforecast.js';
export {
  type IntradayShares,
  type LearnIntradaySharesOptions,
  learnIntradayShares,
} from './forecast/intradayShares.js';
export {
  type DailyTotal,
  type SplitDailyTotalsOptions,
  splitDailyTotals,
} from './forecast/splitDailyTotals.js';
export { holidaySpecialDays, mergeSpecialDays, type SpecialDay } from './time/specialDays.js';

// ---- queueing: Erlang B, C and A for any size (pure numbers, no time) ---------------------------
export { erlangB } from './queueing/erlangB.js';
export { erlangC } from './queueing/erlangC.js';
export { type ExtendedErlangBResult, extendedErlangB } from './queueing/extendedErlangB.js';
export { queueMetrics } from './queueing/queueMetrics.js';
export { DEFAULT_MAX_AGENTS, requiredAgents } from './queueing/requiredAgents.js';
export { meetsTarget } from './queueing/meetsTarget.js';
export { maxAhtSeconds, maxCallsPerInterval } from './queueing/inverse.js';
export { applyShrinkage } from './queueing/shrinkage.js';
// the input bounds that keep every evaluation and search short (larger inputs are INVALID_INPUT)
export {
  MAX_AGENTS_LIMIT,
  MAX_AHT_SECONDS,
  MAX_ARRIVALS_PER_PATIENCE,
  MAX_CALLS_PER_SECOND,
  MAX_CONCURRENCY,
} from './queueing/limits.js';
export type {
  MetricsOptions,
  QueueMetricsOptions,
  QueueDemand,
  QueueMetrics,
  ServiceLevelBasis,
  StaffingTarget,
} from './queueing/types.js';

// ---- staffing: forecast -> agents per interval (voice, chat, email, outbound), summaries, FTE ---
export type { QueueChannel, QueueSpec, Requirement, StaffingSpec } from './staffing/types.js';
export {
  // day/week scope: every interval keeps at least this share of the target by default (0.5)
  DEFAULT_INTERVAL_FLOOR_SHARE,
  type PeriodResult,
  type StaffingOptions,
  type StaffingPlanOptions,
  type StaffingPlan,
  type StaffingScope,
  staffingPlan,
} from './staffing/staffingPlan.js';
export {
  type Shrinkage,
  type ShrinkageRule,
  type ShrinkageTable,
  shrinkageByInterval,
} from './staffing/shrinkage.js';
export {
  type PeriodHours,
  type StaffingSummary,
  type StaffingSummaryOptions,
  type SummaryOptions,
  staffingSummary,
} from './staffing/staffingSummary.js';
// FTE: one definition (paid hours per calendar week of the horizon / paid hours of one FTE)
export { DEFAULT_PAID_HOURS_PER_WEEK, type FteOptions, fteBasis, fteOf } from './staffing/fte.js';
export {
  type DeferredOptions,
  type DeferredRequirementOptions,
  type DeferredRequirement,
  deferredRequirement,
} from './staffing/deferredRequirement.js';
export {
  type OutboundCapacity,
  type OutboundCapacityOptions,
  type OutboundOptions,
  outboundCapacity,
} from './staffing/outboundCapacity.js';
// several queues and sites from one JSON config
export {
  readStaffingConfig,
  type StaffingConfig,
  type StaffingQueueConfig,
  staffingConfigSchema,
} from './schemas/staffingConfig.js';
export {
  type MultiQueueOptions,
  type MultiQueuePlanOptions,
  type MultiQueuePlan,
  type MultiQueueStaffing,
  multiQueuePlan,
  type PlanTotals,
  type QueuePlan,
  type QueueStaffing,
  type StaffingTotals,
} from './staffing/multiQueuePlan.js';
// staffing to a stated confidence that each day meets its service-level target (day-level uncertainty)
export {
  type ConfidenceDay,
  type ConfidenceStaffingOptions,
  type ConfidenceStaffingPlan,
  confidenceStaffing,
} from './staffing/confidenceStaffing.js';
export { type ConfidencePoint, confidenceCurve } from './staffing/confidenceCurve.js';
// intraday: re-forecast the rest of a day from the calls seen, re-staff, and close the gap within a flexibility
export {
  DEFAULT_INTRADAY_FLEX,
  type IntradayAdjustment,
  type IntradayAdjustOptions,
  type IntradayDay,
  intradayAdjust,
  intradayAgents,
} from './staffing/intradayAdjust.js';

// ---- calibration: checking Erlang C / Erlang A against per-call records, fitted inputs ---------
export {
  type AgentsSource,
  type CalibrateOptions,
  type CalibrationInterval,
  type CalibrationResult,
  calibrate,
  type HalfPatience,
  type ModelErrors,
  type PatienceCheck,
  type PatienceModel,
  type PatienceProtocol,
  type PresenceRuleFit,
  type StartState,
} from './calibration/calibrate.js';
export type { CalibrationFit } from './calibration/availabilityFit.js';
export type { PredictedKpis } from './calibration/predictedKpis.js';
export type { QueueStart } from './calibration/transient/transient.js';
export type { ErrorStat } from './calibration/diagnostics/errorStat.js';
export type { HalfErrors } from './calibration/diagnostics/halfErrors.js';
export type { HazardBand } from './calibration/patience/abandonHazard.js';
export type { NoiseFloor } from './calibration/diagnostics/noiseFloor.js';
export type { PresenceOracle } from './calibration/diagnostics/oracle.js';
export type { RecordQuirks } from './calibration/observedKpis.js';
export { formatCalibrationReport } from './calibration/diagnostics/report.js';
export { type CalibrationParams, calibrationParamsSchema } from './schemas/calibrationParams.js';
export type { HourlyValues } from './calibration/params.js';
export { type FittedInputs, fittedInputsByInterval } from './calibration/fittedInputs.js';
export { type PatienceEstimate, patienceMle } from './calibration/patience/patience.js';
export type { CallRecord } from './calibration/records.js';

// ---- scheduling: shifts, breaks and weekly tours covering a requirement (HiGHS MIP + greedy) ----
export {
  parseShiftRules,
  ShiftRules,
  type ShiftRulesConfig,
  type ShiftRulesInput,
} from './schemas/shiftRules.js';
export { WEEKDAYS, type Weekday } from './time/weekday.js';
export type { ShiftRequirement } from './scheduling/calendar.js';
export {
  type ScheduleCoverage,
  type ScheduledBreak,
  type ScheduledShift,
  type ScheduledTour,
  type ScheduleOptions,
  type ScheduleShiftsOptions,
  type ShiftSchedule,
  type StartSource,
  scheduleShifts,
} from './scheduling/scheduleShifts.js';
/** The MIP's default deterministic work budget, and why a MIP stopped (gap, work, time, error). */
export { defaultWorkLimit, type MipStop } from './scheduling/solveMip.js';
export type { ScheduleEfficiency } from './scheduling/efficiency.js';
/** An earlier schedule as an extra MIP start (`ScheduleOptions.start`, `PlanOptions.scheduleStart`). */
export type { ScheduleStart, StartShift } from './scheduling/scheduleStart.js';
// uncovered intervals: runs of intervals with no agents or fewer than required, in local time
export {
  type DescribeUncoveredOptions,
  describeUncovered,
  type UncoveredRange,
  uncoveredRanges,
} from './scheduling/uncoveredRanges.js';
// agents at work per interval, rebuilt from a schedule's shifts on the real clock (schedule.csv)
export { agentsAtWork, type ClockShift } from './scheduling/agentsAtWork.js';

// ---- rostering: named agents (contracts, availability, time off), roster rules, roster files ----
// the domain types a roster is built from and returned as
export type {
  Agent,
  AgentRosterStats,
  Contract,
  Roster,
  RosterAssignment,
  RosterBreak,
  RosterRules,
  RosterShift,
  RosterSolveInfo,
  RosterTotals,
  ShiftPreference,
  ShiftTypeLimits,
  TimeOffRequest,
  TimeWindow,
  UnfilledShift,
  WeekendsOffRule,
  WeeklyAvailability,
} from './rostering/types.js';
// checks of an agent list that a file's syntax cannot show (skills, leave, contracts, ids)
export {
  type AgentField,
  type AgentProblem,
  type AgentProblemsOptions,
  agentProblems,
  type ShiftTypePaidMinutes,
} from './rostering/validateAgents.js';
// the agents file (CSV + time-off CSV, or JSON: `staffcast schema agents`) and the roster rules (`roster` key of the rules file)
export { type AgentsReadOptions, parseAgentsCsv } from './io/agentsCsv.js';
export { type ReadAgentsFileOptions, readAgentsFile } from './io/readAgentsFile.js';
export { AgentsFileSchema, type AgentsFileInput } from './schemas/agentsFile.js';
export {
  parseRosterRules,
  RosterRulesSchema,
  type RosterRulesConfig,
  type RosterRulesInput,
} from './schemas/rosterRules.js';
// what a planner gets back: roster CSV (one row per agent-shift), per-agent view, iCalendar
export { readRosterCsv, writeRosterCsv } from './io/rosterCsv.js';
export { writeAgentStatsCsv } from './io/agentStatsCsv.js';
export { type RosterIcsOptions, writeRosterIcs } from './io/rosterIcs.js';
// assigning a schedule's shifts to the agents (HiGHS MIP + repair heuristic), coverage of a roster, the use case
export { type AssignedRoster, type AssignShiftsOptions, assignShifts } from './rostering/assignShifts.js';
export type { RosterPenalties } from './rostering/rosterProblem.js';
export { scheduleSeats } from './rostering/scheduleSeats.js';
export {
  type RosterCoverage,
  type RosterCoverageOptions,
  rosterCoverage,
} from './rostering/rosterCoverage.js';
export { type RosterQueueResult, type RosterRun, type RunRosterOptions, runRoster } from './app/roster.js';
export type { ReadRosterOptions } from './app/roster/readRosterInputs.js';
// rostering directly against a requirement per queue (contracts shape the shifts)
export {
  type BuildRosterOptions,
  type BuildRosterPenalties,
  type BuiltRoster,
  buildRoster,
  type RosterDemand,
} from './rostering/buildRoster.js';

// ---- service: the service level, ASA and abandonment a schedule's agents give --------------------
export {
  evaluateSchedule,
  type ScheduleDemand,
  type ScheduleEvaluation,
} from './service/evaluateSchedule.js';
export type { ServiceSummary } from './service/serviceTotals.js';

// ---- simulation: discrete-event simulation of queues through a staffing (replications, CIs) ---
// Poisson / over-dispersed / replayed arrivals, exponential / lognormal / replayed handle times and
// patience, agents joining and leaving at interval boundaries, several queues sharing a pool.
export {
  type SeriesSimulationInput,
  type SimulationSeries,
  simulationInputFromSeries,
} from './simulation/fromSeries.js';
export {
  ABANDONED_OUTCOME,
  ANSWERED_OUTCOME,
  type SimulatedCalls,
  WAITING,
} from './simulation/runReplication.js';
export {
  type ReplayedCalls,
  type ReplayedCallsOptions,
  replayedCallsFromRecords,
} from './simulation/replayedCalls.js';
export {
  type ReplayDayInput,
  type ReplayDayOptions,
  type ReplayDayOutcome,
  simulateReplayDay,
} from './simulation/replayDay.js';
export type { ReplayDay, ReplayPeriod, ReplayWeekSummary } from './simulation/replaySummary.js';
export { type SimulateOnceOptions, simulate, simulateOnce } from './simulation/simulate.js';
export { type SpreadArrivalsOptions, spreadArrivals } from './simulation/spreadArrivals.js';
export type {
  Estimate,
  ServiceLevelEstimates,
  SimulatedPeriod,
  SimulatedQueue,
  SimulatedQueuePeriod,
  SimulationArrivals,
  SimulationHandleTime,
  SimulationInput,
  SimulationOptions,
  SimulationPatience,
  SimulationQueue,
  SimulationResult,
} from './simulation/types.js';

// ---- plan/app: the use cases, one call from files to results (what the CLI commands run) ---------
export {
  type PlanOptions,
  type PlanResult,
  type PlanRun,
  plan,
  type RunPlanOptions,
  runPlan,
} from './app/plan.js';
// replay: each of the last weeks planned from the history before it, simulated with its real calls
export {
  type ReplayOptions,
  type ReplayResult,
  type ReplayRun,
  type ReplayWeek,
  type RunReplayOptions,
  replay,
  runReplay,
} from './app/replay.js';
// replay with intraday management (`ReplayOptions.intraday`): the days it saves
export type {
  ReplayIntraday,
  ReplayIntradayDay,
  ReplayIntradayOptions,
} from './app/replay.js';
// progress of a long use case (plan, scenario, schedule, staff, backtest ...): one event type
export { type OnProgress, type ProgressEvent, progressStep } from './app/progress.js';
export {
  type PlanConfig,
  type PlanConfigInput,
  type PlanQueueConfig,
  parsePlanConfig,
  planConfigSchema,
  planQueueSchema,
  readPlanConfig,
} from './schemas/planConfig.js';
export type {
  PlanDay,
  PlanOutboundSummary,
  PlanSummary,
  PlanUncovered,
} from './app/plan/planSummary.js';
export type { PlanQueueResult } from './app/plan/evaluateQueues.js';
// the schedule simulated as one continuous queue (the promise), and the simulation-checked loop
export type { PlanPromise } from './app/plan/planSummary.js';
export type {
  PlanSimulatedFigures,
  PlanSimulatedInterval,
  PlanSimulation,
  PlanSimulationSummary,
} from './app/plan/simulatePlan.js';
export type { PlanCheckRound, PlanScheduleCost, PlanSimulationCheck } from './app/plan/simulationCheck.js';
export type { PlanConfidenceSummary } from './app/plan/planConfidence.js';
export type { EvaluatedQueue, PlanQueueSummary } from './app/plan/evaluateQueues.js';
// a plan with agents: the named agents rostered (summary.roster, the roster files)
export type {
  PlanQueueDemand,
  PlanRoster,
  PlanRosterQueue,
  PlanRosterSummary,
} from './app/plan/planRoster.js';
// the service level, ASA and abandonment the agents really rostered give (PlanRoster.service)
export type { RosterService } from './app/plan/rosterService.js';
// the files `staffcast plan` writes (schedule, coverage, forecast, summary, report), as text
export {
  PLAN_FILES,
  type PlanFileContents,
  planFileContents,
  planSummaryDocument,
} from './app/plan/planOutputs.js';
// one schedule.csv for plan and schedule
export { writeScheduleCsv } from './io/scheduleCsv.js';
export { readScheduleCsv, type ScheduleCsvBreak, type ScheduleCsvShift } from './io/readScheduleCsv.js';
export { type RunScheduleOptions, runSchedule, type ScheduleRun } from './app/schedule.js';
export { planReportInput } from './app/plan/reportInput.js';
export {
  type CompareScenariosOptions,
  compareScenarios,
  type RunScenarioOptions,
  runScenario,
  type ScenarioInput,
  type ScenarioRun,
} from './app/scenario.js';

// the file commands' use cases: read through io, call the domain, return what the CLI writes
export {
  type AggregateFromFileOptions,
  type AggregateFromFileResult,
  aggregateFromFile,
} from './app/aggregate.js';
export {
  type BacktestFromFileOptions,
  type BacktestFromFileResult,
  backtestFromFile,
} from './app/backtest.js';
export {
  type CalibrateFromFileOptions,
  type CalibrateFromFileResult,
  calibrateFromFile,
} from './app/calibrate.js';
export {
  type ForecastFromFileOptions,
  type ForecastFromFileResult,
  forecastFromFile,
} from './app/forecast.js';
export type { InputFileOptions } from './app/inputFile.js';
export { type DailyTotalsSource, type ReadHistoryInputOptions, readHistoryInput } from './app/readHistory.js';

// the intraday command as a function: the day's actuals against the plan at a decision time
export {
  type IntradayAction,
  type IntradayInterval,
  type IntradayRun,
  type RunIntradayOptions,
  runIntraday,
} from './app/intraday.js';

// the staff, outbound and erlang commands as functions (forecast CSV -> requirement CSV and summary)
export { runStaff, type StaffOptions, type StaffResult } from './app/staff.js';
export { type OutboundRun, type OutboundRunOptions, runOutbound } from './app/outbound.js';
export {
  DEFAULT_ERLANG_THRESHOLD_SECONDS,
  type ErlangCalculation,
  type ErlangCalculatorOptions,
  erlangCalculator,
  erlangJson,
} from './app/erlang.js';

// ---- scenario: what-if variants of a plan (volume, handle time, target, shrinkage, outbound, opening hours) and sweeps ---
export {
  type OpeningHours,
  type OpeningHoursInput,
  openingHoursSchema,
  parseScenarioFile,
  type ScenarioFile,
  type ScenarioVariant,
  scenarioFileSchema,
  scenarioVariantSchema,
} from './schemas/scenarioFile.js';
export type { ScenarioRow } from './scenario/scenarioRow.js';
export {
  type AppliedVariant,
  applyOverrides,
  type ForecastOverrides,
  scaleForecast,
} from './scenario/applyOverrides.js';
// a scenario's changes to the team a plan with agents rosters (hire, attrition, approved leave)
export {
  type AttritionChange,
  applyTeamChanges,
  type HireChange,
  type LeaveChange,
  type TeamChanges,
  type TeamChangesOptions,
} from './rostering/teamChanges.js';
export {
  parseSweep,
  SWEEP_PARAMETERS,
  type Sweep,
  type SweepParameter,
  sweepVariants,
} from './scenario/sweep.js';
export { formatScenarioCsv, formatScenarioTable } from './scenario/formatScenarioTable.js';
export { scenarioReportTable } from './scenario/scenarioReportTable.js';

// ---- report: self-contained HTML report (vega-lite -> inline SVG) and terminal summary ---------
export { renderReportHtml } from './report/html.js';
export { type ReplayReportInput, renderReplayHtml } from './report/replayHtml.js';
export { renderTerminalSummary, type TerminalSummaryOptions } from './report/terminal.js';
// the roster page (`staffcast roster`): people x days grid, understaffed intervals, fairness per agent
export {
  type RosterQueueCoverage,
  type RosterReportCoverage,
  type RosterReportInput,
  renderRosterHtml,
} from './report/rosterHtml.js';
export type {
  ReportDay,
  ReportFigureUnit,
  ReportForecast,
  ReportHistory,
  ReportInput,
  ReportPeak,
  ReportQueue,
  ReportScenarioColumn,
  ReportScenarioRow,
  ReportScenarioTable,
  ReportScheduleStatus,
  ReportServiceLevel,
  ReportShift,
  ReportSimulation,
  ReportSimulationRound,
  ReportSimulationRow,
  ReportStaffing,
  ReportSummary,
} from './report/types.js';
