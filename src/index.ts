/**
 * staffcast: contact-centre workforce management.
 *
 * The public API, grouped by the flow of DESIGN.md: history -> forecast -> staffing -> schedule.
 * Everything exported here is documented and semver-stable; anything else is internal.
 */

// ---- errors: one error type with a stable code -------------------------------------------------
export { invalidInput, StaffcastError, type StaffcastErrorCode } from './errors.js';
// ---- forecast types shared by io, forecast and staffing ----------------------------------------
export type { Forecast } from './forecast/types.js';
export type { History } from './time/history.js';
// ---- time: interval series in an IANA zone ------------------------------------------------------
export { createSeries, type Series } from './time/series.js';

// ---- io + time: reading history, local-time interval grids (DST-aware) -------------------------
export { type CsvInput, inputName } from './io/csvSource.js';
export { parseTimestamp, type TimestampResult } from './io/parseTimestamp.js';
export type { GapRange, ReadReport } from './io/readReport.js';
export {
  type HistoryColumns,
  type HistoryReadResult,
  type ReadHistoryOptions,
  readHistoryCsv,
} from './io/readHistoryCsv.js';
export { type CompletedGrid, completeGrid } from './time/completeGrid.js';
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
export { type LocalTimeResolution, resolveLocalTime } from './time/resolveLocalTime.js';
export { assertTimeZone, zoneOffsetMinutes } from './time/zoneOffset.js';
