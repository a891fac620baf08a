import type { DayTable } from './dayTable.js';

/** A local day to forecast. */
export interface TargetDay {
  /** Local day number (days since 1970-01-01, local wall clock). */
  dayNumber: number;
  /** Local weekday, 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  /** 1 for the first open day after the forecast origin, 2 for the next open day ... */
  openDaysAhead: number;
}

/** Model parameters with their defaults (see `DEFAULT_MODEL_PARAMETERS`). */
export interface ModelParameters {
  /** Weeks averaged by `historical-average` (the baseline): 4. */
  averageWeeks: number;
  /**
   * Weeks of same-weekday days the robust and top-down models learn day totals from: 16
   * (`robust-profile` takes 1.5 x this when that window fitted the last 28 days better).
   */
  profileWeeks: number;
  /** Weeks of same-weekday days the intraday profiles are learned from: 16. */
  shapeWeeks: number;
  /** Fraction trimmed at each end by the robust means: 0.25. */
  trimFraction: number;
  /** Passes of the [1, 2, 1] / 4 smoother over intraday profiles; -1 = by volume: -1. */
  smoothingPasses: number;
  /** Share of the recent level deviation carried into the forecast (0..1): 0.5. */
  levelShrink: number;
  /** Days the recent level is measured on: 20. */
  levelDays: number;
  /** Upper bound of the day-to-day persistence of a level deviation (0..1): 0.6. */
  maxPersistence: number;
  /** Taylor double-seasonal Holt-Winters smoothing of the level: 0.02. */
  hwAlpha: number;
  /** ... of the intraday seasonal: 0.1. */
  hwDelta: number;
  /** ... of the weekly seasonal: 0.15. */
  hwOmega: number;
  /** ... AR(1) coefficient of the one-step error, per interval: 0.9. */
  hwPhi: number;
  /** Weeks of history Holt-Winters runs over: 12. */
  hwWeeks: number;
  /** Top-down Holt level and trend smoothing and trend damping: 0.3, 0.05, 0.9. */
  tdAlpha: number;
  tdBeta: number;
  tdPhi: number;
}

/** The documented defaults of `ModelParameters`. */
export const DEFAULT_MODEL_PARAMETERS: Readonly<ModelParameters> = Object.freeze({
  averageWeeks: 4,
  profileWeeks: 16,
  shapeWeeks: 16,
  trimFraction: 0.25,
  smoothingPasses: -1,
  levelShrink: 0.5,
  levelDays: 20,
  maxPersistence: 0.6,
  hwAlpha: 0.02,
  hwDelta: 0.1,
  hwOmega: 0.15,
  hwPhi: 0.9,
  hwWeeks: 12,
  tdAlpha: 0.3,
  tdBeta: 0.05,
  tdPhi: 0.9,
});

/** What a model sees: the table, the training rows `[0, end)`, the days to forecast. */
export interface ModelInput {
  table: DayTable;
  /** Rows `[0, end)` are the training history. */
  end: number;
  targets: readonly TargetDay[];
  /** 1 for rows that are special days, kept out of the training of normal days. */
  excluded: Uint8Array;
  params: ModelParameters;
}

/**
 * A day-level model: returns `targets.length * slotsPerDay` per-interval calls (row-major by
 * target), NaN where it has no information for a slot.
 */
export type DayModel = (input: ModelInput) => Float64Array;
