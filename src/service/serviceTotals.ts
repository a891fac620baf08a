/** Volume-weighted service figures of a set of intervals. */
export interface ServiceSummary {
  /** Sum(calls). */
  calls: number;
  /** Sum(calls * serviceLevel) / sum(calls); 1 when no calls. */
  serviceLevel: number;
  /**
   * Mean wait of answered contacts (s): Sum(answered * asaSeconds) / Sum(answered), answered =
   * calls x (1 - abandonRate), over the intervals with an ASA (not email, not NaN); 0 when none is
   * answered (Infinity when an interval with calls is unstable).
   */
  asaSeconds: number;
  /** Sum(calls * abandonRate) / sum(calls); 0 when no calls. */
  abandonRate: number;
}

/**
 * Running sums of a period's service (all over the intervals with calls; `serviceSummary` divides
 * them): calls, calls answered within the threshold, calls abandoned, and the answered calls and
 * their total wait over the intervals with an ASA.
 *
 * @internal
 */
export interface ServiceTotals {
  /** Sum(calls). */
  calls: number;
  /** Sum(calls x serviceLevel): calls answered within the threshold. */
  answeredWithin: number;
  /** Sum(calls x abandonRate): calls abandoned. */
  abandoned: number;
  /** Sum(answered), answered = calls x (1 - abandonRate), over the intervals with an ASA. */
  answered: number;
  /** Sum(answered x asaSeconds): seconds waited by the answered calls (a sum, not an ASA). */
  answeredWaitSeconds: number;
}

/**
 * Empty running sums. O(1).
 *
 * @example
 * emptyServiceTotals(); // { calls: 0, answeredWithin: 0, abandoned: 0, answered: 0, answeredWaitSeconds: 0 }
 *
 * @internal
 */
export function emptyServiceTotals(): ServiceTotals {
  return { calls: 0, answeredWithin: 0, abandoned: 0, answered: 0, answeredWaitSeconds: 0 };
}

/**
 * Adds one interval's figures to a period's sums (intervals without calls add nothing). Its ASA
 * counts with weight answered = calls x (1 - abandonRate), since ASA is the mean wait of answered
 * contacts; `withAsa: false` (email: no ASA) or a NaN ASA leaves it out. O(1).
 *
 * @internal
 * @example
 * const t = emptyServiceTotals();
 * addService(t, 100, 0.8, 10, 0.1); addService(t, 50, 0.5, 40, 0.2);
 * serviceSummary(t);
 * // { calls: 150, serviceLevel: 0.7, asaSeconds: 19.23076923076923 (2500 / 130 answered),
 * //   abandonRate: 0.13333333333333333 } (to 1e-15)
 */
export function addService(
  totals: ServiceTotals,
  calls: number,
  serviceLevel: number,
  asaSeconds: number,
  abandonRate: number,
  withAsa = true,
): void {
  if (!(calls > 0)) return;
  totals.calls += calls;
  totals.answeredWithin += calls * serviceLevel;
  totals.abandoned += calls * abandonRate;
  const answered = calls * (1 - abandonRate);
  if (withAsa && !Number.isNaN(asaSeconds) && answered > 0) {
    totals.answered += answered;
    totals.answeredWaitSeconds += answered * asaSeconds;
  }
}

/**
 * A period's contact-weighted service level and abandonment and answered-weighted ASA; a period
 * without calls has service level 1, ASA 0 and abandonment 0. O(1).
 *
 * @internal
 * @example
 * serviceSummary(emptyServiceTotals()); // { calls: 0, serviceLevel: 1, asaSeconds: 0, abandonRate: 0 }
 */
export function serviceSummary(totals: ServiceTotals): ServiceSummary {
  if (!(totals.calls > 0)) return { calls: 0, serviceLevel: 1, asaSeconds: 0, abandonRate: 0 };
  return {
    calls: totals.calls,
    serviceLevel: totals.answeredWithin / totals.calls,
    asaSeconds: totals.answered > 0 ? totals.answeredWaitSeconds / totals.answered : 0,
    abandonRate: totals.abandoned / totals.calls,
  };
}
