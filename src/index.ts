/**
 * staffcast: contact-centre workforce management.
 *
 * The public API, grouped by the flow of DESIGN.md: history -> forecast -> staffing -> schedule.
 * Everything exported here is documented and semver-stable; anything else is internal.
 */

// ---- errors: one error type with a stable code -------------------------------------------------
export { invalidInput, StaffcastError, type StaffcastErrorCode } from './errors.js';

// ---- time: interval series in an IANA zone ------------------------------------------------------
export { createSeries, type Series } from './time/series.js';

// ---- forecast types shared by io, forecast and staffing ----------------------------------------
export type { Forecast } from './forecast/types.js';
export type { History } from './time/history.js';

// ---- io + time: reading history, local-time interval grids (DST-aware) -------------------------
export {
  type AggregateRecordsOptions,
  aggregateRecords,
  type RecordCondition,
} from './io/aggregateRecords.js';
export {
  assertUniqueColumns,
  type CsvDelimiter,
  type CsvInput,
  detectDelimiter,
  inputName,
} from './io/csvSource.js';
export { DateOrder, type DateFormatOption } from './io/dateOrder.js';
export { type FormatReadReportOptions, formatReadReport } from './io/formatReadReport.js';
export {
  MAX_FIELD_VALUE,
  type NumberFieldKind,
  type ParseNumberOptions,
  parseNumberField,
} from './io/parseNumberField.js';
export {
  type DateFormat,
  MAX_TIMESTAMP_CHARS,
  type ParseTimestampOptions,
  parseTimestamp,
  type SlashedDate,
  slashedDate,
  type TimestampResult,
} from './io/parseTimestamp.js';
export type { GapRange, ReadReport, RecordClasses } from './io/readReport.js';
export {
  type HistoryColumns,
  type HistoryReadResult,
  type ReadHistoryOptions,
  readHistoryCsv,
} from './io/readHistoryCsv.js';
export {
  type ForecastRead,
  type ReadForecastOptions,
  readForecastCsv,
  readForecastCsvByQueue,
} from './io/readForecastCsv.js';
export { quantileColumn, writeForecastCsv } from './io/writeForecastCsv.js';
export { writeHistoryCsv } from './io/writeHistoryCsv.js';
// every CSV staffcast writes: numbers without float noise, empty cells for NaN/Infinity, no formulas
export {
  CSV_SIGNIFICANT_DIGITS,
  type CsvCell,
  type CsvRecord,
  type CsvTextOptions,
  csvText,
  formatCsvNumber,
} from './io/csvText.js';
export { type CompletedGrid, completeGrid } from './time/completeGrid.js';
export { mostCommonSpacing } from './time/mostCommonSpacing.js';
export { formatInstant } from './time/formatInstant.js';
export { type FutureGrid, type FutureGridOptions, futureGrid, type OpenSlots } from './time/futureGrid.js';
export { type GridPositions, gridPositions } from './time/gridPositions.js';
export {
  dateOfDayNumber,
  dayNumberOfDate,
  localDate,
  localDayNumber,
  localMinuteOfDay,
  localWallMs,
  localWeekday,
  weekdayOfDayNumber,
} from './time/localCalendar.js';
export { checkInterval, localDayIntervals, startOfLocalDay } from './time/localDayIntervals.js';
export { nextLocalMidnight } from './time/nextLocalMidnight.js';
export { type LearnedOpenSlots, type OpenSlotsOptions, openSlots } from './time/openSlots.js';
export { type LocalTimeResolution, resolveLocalTime } from './time/resolveLocalTime.js';
export { assertTimeZone, zoneOffsetMinutes } from './time/zoneOffset.js';

// ---- forecast: interval volumes and AHT, models, auto selection, backtest, special days ---------
export {
  type BacktestOptions,
  type BacktestResult,
  type BacktestRow,
  backtest,
} from './forecast/backtest.js';
export { formatBacktestTable } from './forecast/backtestTable.js';
export { BASELINE, type ForecastMethod, MODEL_NAMES, type ModelName } from './forecast/engine.js';
export { forecast } from './forecast/forecast.js';
export { historyAsOf } from './forecast/historyAsOf.js';
export {
  type IntradayShares,
  type LearnIntradaySharesOptions,
  learnIntradayShares,
} from './forecast/intradayShares.js';
export {
  type DailyTotal,
  largestRemainder,
  type SplitDailyTotalsOptions,
  splitDailyTotals,
} from './forecast/splitDailyTotals.js';
export { type AccuracyMetrics, MetricsAccumulator } from './forecast/metrics.js';
export { DEFAULT_MODEL_PARAMETERS, type ModelParameters } from './forecast/model.js';
export type { ForecastOptions } from './forecast/options.js';
export { fitQuantileModel, type QuantileModel, quantileAt } from './forecast/quantiles.js';
export { type ReforecastOptions, reforecastDay } from './forecast/reforecast.js';
export { resampleHistory } from './forecast/resample.js';
export { type DailyTotalsRead, readDailyTotalsCsv } from './io/dailyTotalsCsv.js';
export { readIntradaySharesCsv } from './io/intradaySharesCsv.js';
export { readSpecialDaysCsv } from './io/specialDaysCsv.js';
export { holidaySpecialDays, mergeSpecialDays, type SpecialDay } from './time/specialDays.js';

// ---- queueing: Erlang B, C and A for any size (pure numbers, no time) ---------------------------
export { erlangB } from './queueing/erlangB.js';
export { type ExtendedErlangBResult, extendedErlangB } from './queueing/extendedErlangB.js';
export { erlangC } from './queueing/erlangC.js';
export { maxAhtSeconds, maxCallsPerInterval } from './queueing/inverse.js';
// the input bounds that keep every evaluation and search short (larger inputs are INVALID_INPUT)
export {
  MAX_AGENTS_LIMIT,
  MAX_AHT_SECONDS,
  MAX_ARRIVALS_PER_PATIENCE,
  MAX_CALLS_PER_SECOND,
  MAX_CONCURRENCY,
} from './queueing/limits.js';
export { meetsTarget } from './queueing/meetsTarget.js';
export { queueMetrics } from './queueing/queueMetrics.js';
export { DEFAULT_MAX_AGENTS, requiredAgents } from './queueing/requiredAgents.js';
export { applyShrinkage } from './queueing/shrinkage.js';
export type {
  MetricsOptions,
  QueueDemand,
  QueueMetrics,
  ServiceLevelBasis,
  StaffingTarget,
} from './queueing/types.js';

// ---- staffing: forecast -> agents per interval (voice, chat, email, outbound), summaries -------
export {
  REQUIREMENT_COLUMNS,
  type ReadRequirementOptions,
  type Requirement,
  type RequirementColumn,
  readRequirementCsv,
  requirementStartText,
  requirementValueCells,
  type WriteRequirementOptions,
  writeRequirementCsv,
} from './io/requirementCsv.js';
// many queues' requirement rows spilled to disk and merged by start (bounded memory), and a
// text file written in pieces and renamed into place
export { createRequirementSpill, type RequirementSpill } from './io/requirementSpill.js';
export { type AtomicTextWriter, openAtomicTextWriter } from './io/atomicTextWriter.js';
export {
  readStaffingConfig,
  type StaffingConfig,
  type StaffingQueueConfig,
  shrinkageSchema,
  staffingConfigSchema,
  staffingQueueSchema,
  staffingTargetSchema,
} from './io/staffingConfig.js';
export { callsAtQuantile } from './staffing/callsAtQuantile.js';
export { type FittedInputs, fittedInputsByInterval } from './staffing/fittedInputs.js';
export {
  type DeferredOptions,
  type DeferredRequirement,
  deferredRequirement,
} from './staffing/deferredRequirement.js';
export {
  type MultiQueuePlan,
  type MultiQueueEachOptions,
  multiQueuePlan,
  // the queues one at a time (one plan in memory), and their totals summed as they come
  multiQueuePlanEach,
  // the combined requirement in slices (same rows and order), for writing without the whole table
  type PlanTotals,
  type PlanTotalsAccumulator,
  planTotalsAccumulator,
  type QueuePlan,
} from './staffing/multiQueuePlan.js';
export {
  type OutboundCapacity,
  type OutboundOptions,
  outboundCapacity,
} from './staffing/outboundCapacity.js';
export { type PeriodProblem, type PeriodStaffing, periodStaffing } from './staffing/periodStaffing.js';
export {
  type Shrinkage,
  type ShrinkageRule,
  type ShrinkageTable,
  shrinkageByInterval,
} from './staffing/shrinkage.js';
export {
  // day/week scope: every interval keeps at least this share of the target by default (0.5)
  DEFAULT_INTERVAL_FLOOR_SHARE,
  type PeriodResult,
  type StaffingOptions,
  type StaffingPlan,
  type StaffingScope,
  staffingPlan,
} from './staffing/staffingPlan.js';
export {
  type ParallelOptions,
  type StaffingJob,
  staffingPlanParallel,
} from './staffing/staffingPlanParallel.js';
// FTE: one definition (paid hours per calendar week of the horizon / paid hours of one FTE)
export {
  DEFAULT_PAID_HOURS_PER_WEEK,
  type FteOptions,
  fteBasis,
  fteOf,
  horizonDaysOf,
} from './staffing/fte.js';
export {
  type PeriodHours,
  type StaffingSummary,
  type SummaryOptions,
  staffingSummary,
} from './staffing/staffingSummary.js';

// ---- calibration: checking Erlang C / Erlang A against per-call records -------------------------
export {
  CALL_RECORD_COLUMNS,
  type CallRecordColumns,
  type CallRecordsRead,
  type ReadCallRecordsOptions,
  readCallRecords,
} from './io/callRecords.js';
export { abandonmentHazard, type HazardBand } from './staffing/abandonHazard.js';
export {
  type AgentsSource,
  type CalibrateOptions,
  type CalibrationInterval,
  type CalibrationResult,
  calibrate,
  HAZARD_EDGES_SECONDS,
  type HalfPatience,
  type ModelErrors,
  PRESENCE_RULES,
  type PatienceCheck,
  type PatienceModel,
  type PatienceProtocol,
  type PresenceRuleFit,
  type StartState,
} from './staffing/calibrate.js';
export { type ErrorStat, errorStat } from './staffing/calibrateErrors.js';
export { type CalibrationFit, type FitInterval, fitAvailability } from './staffing/calibrateFit.js';
export { type CalibrationGrid, calibrationGrid, intervalIndex } from './staffing/calibrateGrid.js';
export {
  type HazardPatienceInput,
  hazardMatchedPatience,
  matchedAbandonRate,
  scaledCellHazard,
} from './staffing/calibrateHazardPatience.js';
export { modelErrors, type ScoredInterval } from './staffing/calibrateModelErrors.js';
export { type ResolvedCalibrateOptions, resolveCalibrateOptions } from './staffing/calibrateOptions.js';
export {
  type ChosenPresenceRule,
  choosePresenceRule,
  type RuleFitInterval,
} from './staffing/calibratePresenceRule.js';
export { rk4Stepper } from './staffing/calibrateRk4.js';
export { type HourlyTable, hourlyRatio } from './staffing/calibrateHourly.js';
export { type OracleInterval, type PresenceOracle, presenceOracle } from './staffing/calibrateOracle.js';
export {
  type ObservedKpis,
  type ObservedKpisOptions,
  observedKpis,
  type RecordQuirks,
} from './staffing/calibrateKpis.js';
export {
  modelNoiseFloor,
  type NoiseFloor,
  type NoiseFloorInterval,
  type NoiseFloorOptions,
} from './staffing/calibrateNoiseFloor.js';
export { type PredictedKpis, predictKpis } from './staffing/calibratePredict.js';
export { type QueueStarts, queueAtStarts } from './staffing/calibrateQueueStart.js';
export {
  type CallClass,
  type CallRecord,
  classifyCall,
  queueEntryMs,
  waitSeconds,
} from './staffing/calibrateRecord.js';
export { formatCalibrationReport } from './staffing/calibrateReport.js';
export { type CalibrationTarget, calibrationTargets } from './staffing/calibrateTargets.js';
export {
  type QueueStart,
  type TransientSegment,
  transientKpis,
  transientModel,
  transientProfileKpis,
} from './staffing/calibrateTransient.js';
export { type CalibrationParams, calibrationParamsSchema } from './staffing/calibrationParams.js';
export { type PatienceEstimate, patienceMle } from './staffing/patience.js';
export {
  type AgentSession,
  type AgentSessionsOptions,
  agentSessions,
  presentAgents,
} from './staffing/presence.js';
export { type QueueAgentProfile, queueAgentProfile, queueAgents } from './staffing/presenceQueue.js';

// ---- scheduling: shifts, breaks and weekly tours covering a requirement (HiGHS MIP + greedy) ----
export type { ShiftRequirement } from './scheduling/calendar.js';
export { type ScheduleEfficiency, scheduleEfficiency } from './scheduling/efficiency.js';
export {
  evaluateSchedule,
  type ScheduleDemand,
  type ScheduleEvaluation,
  type ServiceSummary,
} from './scheduling/evaluateSchedule.js';
export {
  addService,
  emptyServiceTotals,
  type ServiceTotals,
  serviceSummary,
} from './scheduling/serviceTotals.js';
export {
  parseShiftRules,
  ShiftRules,
  type ShiftRulesConfig,
  type ShiftRulesInput,
  WEEKDAYS,
  type Weekday,
} from './scheduling/rules.js';
export {
  type ScheduleCoverage,
  type ScheduledBreak,
  type ScheduledShift,
  type ScheduledTour,
  type ScheduleOptions,
  type ShiftSchedule,
  type StartSource,
  scheduleShifts,
} from './scheduling/scheduleShifts.js';
/** An earlier schedule as an extra MIP start (`ScheduleOptions.start`, `PlanOptions.scheduleStart`). */
export type { ScheduleStart, StartShift } from './scheduling/scheduleStart.js';
// uncovered intervals: runs of intervals with no agents or fewer than required, in local time
export {
  type DescribeUncoveredOptions,
  describeUncovered,
  type UncoveredRange,
  uncoveredRanges,
} from './scheduling/uncoveredRanges.js';
/** The MIP's default deterministic work budget, and why a MIP stopped (gap, work, time, error). */
export { defaultWorkLimit, type MipStop } from './scheduling/solveMip.js';

// ---- plan: one run from history to roster (forecast, staffing, schedule, evaluation, files) ---
export { type PlanOptions, type PlanProgress, type PlanResult, type PlanStep, plan } from './plan/plan.js';
export {
  type PlanConfig,
  type PlanConfigInput,
  type PlanQueueConfig,
  parsePlanConfig,
  planConfigSchema,
  planQueueSchema,
  readPlanConfig,
} from './plan/planConfig.js';
export { evaluatePooledPlan, type PlanQueueResult } from './plan/planMulti.js';
export { planOutbound } from './plan/planOutbound.js';
export { readPlanParams } from './plan/planParams.js';
export {
  type PlanForecastInputs,
  type PlanRequirement,
  type PlanRequirementOptions,
  type PlanTimer,
  planRequirement,
  readAndForecastPlan,
} from './plan/planRequirement.js';
export { planQueueStaffing, planStaffingOptions } from './plan/planStaffing.js';
export { schedulePlan } from './plan/planSchedule.js';
export {
  type PooledRequirement,
  poolMembers,
  type QueueForecast,
  type StaffedQueue,
  staffQueues,
} from './plan/planQueues.js';
export {
  type EvaluatedQueue,
  evaluateQueues,
  type PlanQueueSummary,
  type PoolCoverage,
} from './plan/evaluateQueues.js';
export { splitAgents } from './plan/splitAgents.js';
export {
  type DeferredService,
  type DeferredServiceOptions,
  deferredService,
} from './plan/deferredService.js';
export {
  PLAN_FILES,
  type PlanFileContents,
  planCoverageCsv,
  planFileContents,
  planForecastCsv,
  planScheduleCsv,
  planSummaryJson,
  writeFilesAtomically,
} from './plan/planOutputs.js';
export {
  type PlanDay,
  type PlanOutboundSummary,
  type PlanSummary,
  type PlanSummaryInput,
  type PlanUncovered,
  planSummary,
  planUncovered,
} from './plan/planSummary.js';
export { planReportInput, REPORT_HISTORY_DAYS } from './plan/reportInput.js';

// ---- report: self-contained HTML report (vega-lite -> inline SVG) and terminal summary ---------
export { busiestDay, type BusiestDay } from './report/busiestDay.js';
export { forecastChartSpec } from './report/charts/forecastChart.js';
export { heatmapChartSpec } from './report/charts/heatmapChart.js';
export { scenarioChartSpec } from './report/charts/scenarioChart.js';
export { serviceLevelChartSpec } from './report/charts/serviceLevelChart.js';
export { staffingChartSpec } from './report/charts/staffingChart.js';
export { formatFigure } from './report/format.js';
export { type HeatmapCell, type WeeklyHeatmap, weeklyHeatmap } from './report/heatmap.js';
export { renderReportHtml } from './report/html.js';
export { renderVegaLiteSvg } from './report/renderSvg.js';
export { type SummaryFigure, summaryFigures } from './report/summaryFigures.js';
export { renderTerminalSummary, type TerminalSummaryOptions } from './report/terminal.js';
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
  ReportStaffing,
  ReportSummary,
} from './report/types.js';
export { validateReportInput } from './report/validate.js';

// ---- scenario: what-if variants of a plan (volume, handle time, target, shrinkage, outbound, opening hours) and sweeps ---
export {
  type AppliedVariant,
  applyOverrides,
  type ForecastOverrides,
  scaleForecast,
} from './scenario/applyOverrides.js';
export {
  type CompareScenariosOptions,
  compareScenarios,
  type ScenarioRow,
} from './scenario/compareScenarios.js';
export {
  formatScenarioCsv,
  formatScenarioTable,
  SCENARIO_NOT_PROVEN_NOTE,
  SCENARIO_TIME_LIMIT_NOTE,
  scenarioTableNotes,
  scheduleMark,
  scheduleNotProven,
} from './scenario/formatScenarioTable.js';
export { restrictToOpeningHours } from './scenario/restrictToOpeningHours.js';
export {
  type OpeningHours,
  type OpeningHoursInput,
  openingHoursSchema,
  parseScenarioFile,
  type ScenarioFile,
  type ScenarioVariant,
  scenarioFileSchema,
  scenarioVariantSchema,
} from './scenario/scenarioConfig.js';
export { scenarioReportTable } from './scenario/scenarioReportTable.js';
export {
  parseSweep,
  SWEEP_PARAMETERS,
  type Sweep,
  type SweepParameter,
  sweepVariants,
} from './scenario/sweep.js';

// ---- input checks and messages: binary / non-UTF-8 input, config paths, multi-queue extras
// Every CSV reader of io/ reports `file:line:column: problem` (header = line 1); binary or
// non-UTF-8 input fails naming the byte (`textGuard`, `assertText`), never echoing it; an echoed
// value is cut at 80 characters with control characters escaped (`echoValue`); config
// files fail with JavaScript-like paths (`shiftTypes[0].days`) and "unknown key" hints.
export { formatConfigPath, parseJsonText, validateConfig } from './config.js';
export {
  assertText,
  type BinaryData,
  binaryDataError,
  echoValue,
  escapeControl,
  findBinaryData,
  MAX_ECHO_CHARS,
  textGuard,
} from './io/textCheck.js';
export {
  type MultiQueueOptions,
  multiQueuePlanParallel,
  usesFittedParams,
  withFittedInputs,
} from './staffing/multiQueuePlan.js';
