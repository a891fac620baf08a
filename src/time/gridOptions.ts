/**
 * The options every function on an interval grid shares, in the date-fns style: one small shared
 * options interface (as date-fns v4's `ContextOptions` with its `in` field, or `WeekOptions`) that
 * each function's options type extends or picks from, so a field has one name and one meaning
 * everywhere. Fields are optional here; a function that needs one takes
 * `Required<Pick<GridOptions, 'timeZone'>>` (or `Required<GridOptions>`), and one with a default
 * names it in its own options' doc comment.
 *
 * @example
 * // the options of `staffingSummary` extend Required<GridOptions>
 * const grid: GridOptions = { timeZone: 'Europe/Madrid', intervalMinutes: 60 };
 * const summary = staffingSummary(Float64Array.of(0, 3_600_000), Float64Array.of(2, 4),
 *   { ...grid, paidHoursPerWeek: 37.5 });
 * summary.agentHours; // 6
 * summary.fte; // 0.16 (6 h in a 7-day horizon / 37.5)
 */
export interface GridOptions {
  /**
   * IANA zone (e.g. `Europe/Madrid`) of the grid's local wall clock: local days, weekdays, hours
   * and weeks are read in it (`TZDate`, never a fixed offset).
   */
  timeZone?: string;
  /** Interval length in minutes (> 0; a grid of whole local days needs a divisor of 1440). */
  intervalMinutes?: number;
}
