import { invalidInput } from '../../errors.js';

/** Maximum-likelihood estimate of an exponential patience. */
export interface PatienceEstimate {
  /** Abandonment rate per second of waiting (theta); 0 when nobody abandoned. */
  ratePerSecond: number;
  /** Mean patience in seconds (1 / theta); Infinity when nobody abandoned; NaN with no data at all. */
  patienceSeconds: number;
}

/**
 * Maximum likelihood for exponential patience from censored waits: every queued caller is exposed
 * to abandoning for the time they waited; an answered caller's wait is a censored patience (the
 * patience was longer), an abandoner's wait is an observed patience. The likelihood
 * theta^abandoned * exp(-theta * sum of waits) peaks at
 * theta = abandoned / total waiting time of ALL queued callers (not the mean wait of those who
 * abandoned, which is biased low). Mean patience = 1 / theta. O(1).
 *
 * @throws StaffcastError `INVALID_INPUT` for negative or non-finite counts or times.
 * @example
 * patienceMle(2, 400); // { ratePerSecond: 0.005, patienceSeconds: 200 }
 */
export function patienceMle(abandoned: number, waitSecondsTotal: number): PatienceEstimate {
  if (!(abandoned >= 0 && Number.isFinite(abandoned)))
    invalidInput('patienceMle', 'abandoned', 'must be a finite number >= 0', abandoned);
  if (!(waitSecondsTotal >= 0 && Number.isFinite(waitSecondsTotal)))
    invalidInput('patienceMle', 'waitSecondsTotal', 'must be a finite number >= 0', waitSecondsTotal);
  if (waitSecondsTotal === 0) {
    // no exposure: abandoning at zero wait means no patience at all; no data means unknown
    return abandoned > 0
      ? { ratePerSecond: Number.POSITIVE_INFINITY, patienceSeconds: 0 }
      : { ratePerSecond: Number.NaN, patienceSeconds: Number.NaN };
  }
  const ratePerSecond = abandoned / waitSecondsTotal;
  return {
    ratePerSecond,
    patienceSeconds: abandoned > 0 ? waitSecondsTotal / abandoned : Number.POSITIVE_INFINITY,
  };
}
