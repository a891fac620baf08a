import type { PredictedKpis } from '../predictedKpis.js';
import { type ErrorStat, errorStat } from './errorStat.js';

/** Errors of one model on one set of intervals (per interval and per day). */
export interface ModelErrors {
  /** Service level (fraction). */
  serviceLevel: ErrorStat;
  /** ASA (seconds). */
  asaSeconds: ErrorStat;
  /** Abandonment (fraction). */
  abandonRate: ErrorStat;
  /** Day totals over the intervals of each day: volume-weighted service level. */
  dayServiceLevel: ErrorStat;
  /** Day totals: abandonment (abandoned / offered of the day's intervals). */
  dayAbandonRate: ErrorStat;
}

/**
 * One scored interval of {@link modelErrors}: what happened and what the model predicted.
 *
 * @internal
 */
export interface ScoredInterval {
  /** Day number: the intervals of one day make one day total. */
  day: number;
  /** Calls offered. */
  offered: number;
  /** Calls answered within the service-level threshold. */
  answeredWithin: number;
  /** Calls abandoned. */
  abandoned: number;
  /** Observed KPIs (NaN where undefined). */
  observed: PredictedKpis;
  /** The model's prediction. */
  predicted: PredictedKpis;
}

/**
 * MAE and bias (`errorStat`, predicted - observed) of a model's service level, ASA and abandonment
 * per interval, and of its day totals: per day, the offered-weighted predicted service level and
 * abandonment against answered within the threshold / offered and abandoned / offered of the day's
 * intervals (what a planner reads as the day's KPIs). Days in order of first appearance. O(n x days).
 *
 * @internal
 * @example
 * // one day of two intervals: 10 calls (8 within, 1 abandoned), predicted SL 0.7; 30 calls
 * // (18 within, 3 abandoned), predicted SL 0.6
 * modelErrors([
 *   { day: 0, offered: 10, answeredWithin: 8, abandoned: 1,
 *     observed: { serviceLevel: 0.8, asaSeconds: 10, abandonRate: 0.1 },
 *     predicted: { serviceLevel: 0.7, asaSeconds: 12, abandonRate: 0.1 } },
 *   { day: 0, offered: 30, answeredWithin: 18, abandoned: 3,
 *     observed: { serviceLevel: 0.6, asaSeconds: 20, abandonRate: 0.1 },
 *     predicted: { serviceLevel: 0.6, asaSeconds: 20, abandonRate: 0.1 } },
 * ]).dayServiceLevel.bias; // -0.025 (to 1e-15; day: 25 / 40 = 0.625 predicted, 26 / 40 = 0.65 observed)
 */
export function modelErrors(intervals: readonly ScoredInterval[]): ModelErrors {
  const pick = (metric: keyof PredictedKpis, from: 'observed' | 'predicted') =>
    intervals.map((v) => v[from][metric]);
  const days = [...new Set(intervals.map((v) => v.day))];
  const daySl = { p: [] as number[], o: [] as number[] };
  const dayAb = { p: [] as number[], o: [] as number[] };
  for (const d of days) {
    let offered = 0;
    let within = 0;
    let abandoned = 0;
    let pSl = 0;
    let pAb = 0;
    for (const v of intervals) {
      if (v.day !== d) continue;
      offered += v.offered;
      within += v.answeredWithin;
      abandoned += v.abandoned;
      pSl += v.offered * v.predicted.serviceLevel;
      pAb += v.offered * v.predicted.abandonRate;
    }
    daySl.p.push(pSl / offered);
    daySl.o.push(within / offered);
    dayAb.p.push(pAb / offered);
    dayAb.o.push(abandoned / offered);
  }
  return {
    serviceLevel: errorStat(pick('serviceLevel', 'predicted'), pick('serviceLevel', 'observed')),
    asaSeconds: errorStat(pick('asaSeconds', 'predicted'), pick('asaSeconds', 'observed')),
    abandonRate: errorStat(pick('abandonRate', 'predicted'), pick('abandonRate', 'observed')),
    dayServiceLevel: errorStat(daySl.p, daySl.o),
    dayAbandonRate: errorStat(dayAb.p, dayAb.o),
  };
}
