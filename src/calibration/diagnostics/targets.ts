import type { ModelErrors } from './modelErrors.js';

/**
 * One accuracy target and whether the measured error meets it.
 *
 * @internal
 */
export interface CalibrationTarget {
  /** What is measured, e.g. 'abandonRate.mae'. */
  name: string;
  /** Largest allowed value (fraction for SL and abandonment, seconds for ASA). */
  limit: number;
  /** Measured value (absolute value for a bias). */
  measured: number;
  /** measured <= limit. */
  met: boolean;
}

/**
 * The accuracy targets of the calibration check (issue 4), applied to Erlang A's errors on the
 * held-out busy intervals: abandonment MAE <= 5 points, service-level MAE <= 10 points, ASA MAE <=
 * 20 s, |bias| <= 3 points for abandonment and service level and <= 3 s for ASA ("each bias within
 * 3": the issue states it in points; the lead's brief applies the same 3 to ASA in seconds; this
 * was 5 s before 2026-11-25), and day totals (volume-weighted SL and abandonment per day) MAE <= 3
 * points. O(1).
 *
 * @internal
 * @example
 * // (not run: needs the February 1999 bank call records, not shipped in the repo)
 * calibrationTargets(result.errors.test.erlangA).filter((t) => t.met).map((t) => t.name);
 * // ['abandonRate.bias', 'dayAbandonRate.mae'] on the February 1999 bank month at 30 minutes
 */
export function calibrationTargets(errors: ModelErrors): CalibrationTarget[] {
  const check = (name: string, limit: number, value: number): CalibrationTarget => ({
    name,
    limit,
    measured: Math.abs(value),
    met: Math.abs(value) <= limit,
  });
  return [
    check('abandonRate.mae', 0.05, errors.abandonRate.mae),
    check('abandonRate.bias', 0.03, errors.abandonRate.bias),
    check('serviceLevel.mae', 0.1, errors.serviceLevel.mae),
    check('serviceLevel.bias', 0.03, errors.serviceLevel.bias),
    check('asaSeconds.mae', 20, errors.asaSeconds.mae),
    check('asaSeconds.bias', 3, errors.asaSeconds.bias),
    check('dayServiceLevel.mae', 0.03, errors.dayServiceLevel.mae),
    check('dayAbandonRate.mae', 0.03, errors.dayAbandonRate.mae),
  ];
}
