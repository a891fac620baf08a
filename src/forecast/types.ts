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
   * Scale s of the log of the day's volume multiplier D (actual over forecast day total), per
   * interval (the same for every interval of a day; it grows with the lead): the day-level
   * uncertainty of `fitDayEffect`. log D = `dayLogLocation` + s Z, Z distributed as `dayLogShape`
   * (`dayMultiplierQuantile`); without those two, log D ~ Normal(-s^2 / 2, s^2) (E[D] = 1).
   * Present when the forecast was asked for quantiles or `dayEffect`.
   */
  dayLogSd?: Float64Array;
  /**
   * Median of log D per interval (with `dayLogSd`): the median log ratio actual / forecast of the
   * rolling-origin validation days before the origin (below 0 when the forecast runs high on a
   * typical day). The forecast `calls` themselves stay the uncorrected mean forecast.
   */
  dayLogLocation?: Float64Array;
  /**
   * Standardised quantiles of Z, ascending, at probabilities (k + 0.5) / length, shared by every
   * interval (with `dayLogSd`): the empirical shape of the validation days' log ratios (skew kept);
   * empty: the standard normal.
   */
  dayLogShape?: Float64Array;
  /** Method that produced it (`'historical-average'`, `'top-down'`, `'auto:...'` ...). */
  method?: string;
}
