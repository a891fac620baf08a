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
