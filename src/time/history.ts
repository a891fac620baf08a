import type { Series } from './series.js';

/**
 * Interval history as read from an ACD export: offered contacts per interval, and optionally
 * handle time, handled and abandoned counts on the same grid (same `starts`, same zone).
 * Missing intervals are NaN; closed intervals are absent.
 */
export interface History {
  /** Offered contacts per interval (may be fractional). */
  calls: Series;
  /** Mean handle time in seconds per interval (NaN where unknown or no handled contact). */
  ahtSeconds?: Series;
  /** Handled (answered) contacts per interval. */
  handled?: Series;
  /** Abandoned contacts per interval. */
  abandoned?: Series;
}
