/**
 * A forecast on an interval grid in one time zone: what `forecast()` returns, what the forecast
 * CSV holds (DESIGN.md section 5) and what staffing consumes.
 */
export interface Forecast {
  /** IANA zone of the grid. */
  timeZone: string;
  /** Interval length in minutes. */
  intervalMinutes: number;
  /** Epoch ms of each forecast interval start (open intervals only), strictly increasing. */
  starts: Float64Array;
  /** Expected offered contacts per interval. */
  calls: Float64Array;
  /** Forecast mean handle time per interval in seconds, when history had it. */
  ahtSeconds?: Float64Array;
  /** Per-interval quantiles of the offered contacts, e.g. `{ 0.1: ..., 0.5: ..., 0.9: ... }`. */
  quantiles?: ReadonlyArray<{ probability: number; calls: Float64Array }>;
  /**
   * Standard deviation of the log of the day's volume multiplier, per interval (the same for every
   * interval of a day; it grows with the lead): the day-level uncertainty of `fitDayEffect`, with
   * E[multiplier] = 1. Present when the forecast was asked for quantiles or `dayEffect`.
   */
  dayLogSd?: Float64Array;
  /** Method that produced it (`'historical-average'`, `'top-down'`, `'auto:...'` ...). */
  method?: string;
}
