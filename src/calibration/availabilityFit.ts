import { invalidInput } from '../errors.js';
import { goldenSectionMinimum } from '../numeric/goldenSection.js';
import type { QueueDemand } from '../queueing/types.js';
import { type PredictedKpis, predictKpis } from './predictedKpis.js';

/**
 * One training interval of the availability fit.
 *
 * @internal
 */
export interface FitInterval {
  /** Offered calls, AHT and patience of the interval (Erlang A when patience is given). */
  demand: QueueDemand;
  /** Agents present (inferred). */
  presentAgents: number;
  /**
   * Agents working at availability factor f, when they are not simply f x `presentAgents` (the
   * queue-based estimator `queueAgents`). Default: f x presentAgents.
   */
  agentsAt?: (availabilityFactor: number) => number;
  /**
   * The model's prediction at a (fractional) agent count, when it is not the steady state of
   * `predictKpis` (e.g. `transientKpis` from the queue at the interval start); it also receives
   * the factor, for models that spread agents over sub-intervals (`transientProfileKpis`).
   */
  predict?: (agents: number, availabilityFactor: number) => PredictedKpis;
  /** Observed service level (fraction). */
  serviceLevel: number;
  /** Observed abandonment (fraction). */
  abandonRate: number;
}

/** The fitted availability factor and the loss it reached. */
export interface CalibrationFit {
  /** Effective agents on the phones = factor x agents present. */
  availabilityFactor: number;
  /** Mean over intervals of (SL error)^2 + (abandonment error)^2 at the factor. */
  meanSquaredError: number;
  /** Intervals fitted on. */
  intervals: number;
}

/**
 * Fits one availability factor f (effective agents = f x present agents, or `agentsAt(f)`) by minimising the mean of
 * (predicted - observed service level)^2 + (predicted - observed abandonment)^2 over the training
 * intervals: a grid over f in `range` (default [0.3, 2]) in steps of 0.05, then golden-section
 * search in the best bracket to 1e-3. Cost: about 45 x intervals x 2 `queueMetrics` calls over the
 * default range.
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` when there is no interval to fit on.
 * @example
 * import { predictKpis } from './predictedKpis.js';
 * // observations generated with 0.8 x present agents are fitted back to 0.8
 * const trainIntervals = [6, 8, 10].map((present) => {
 *   const demand = { callsPerInterval: 10 * present, intervalMinutes: 30, ahtSeconds: 200, patienceSeconds: 300 };
 *   return { demand, presentAgents: present, ...predictKpis(demand, 0.8 * present, 20) };
 * });
 * fitAvailability(trainIntervals, 20).availabilityFactor; // 0.800 (to 1e-3)
 */
export function fitAvailability(
  intervals: readonly FitInterval[],
  thresholdSeconds: number,
  range: [number, number] = [0.3, 2],
): CalibrationFit {
  const [from, to] = range;
  if (!(from > 0 && to >= from && Number.isFinite(to)))
    invalidInput('fitAvailability', 'range', 'must be [from, to] with 0 < from <= to', `${from},${to}`);
  if (intervals.length === 0) invalidInput('fitAvailability', 'intervals', 'must not be empty', 0);
  const loss = (f: number): number => {
    let s = 0;
    for (const v of intervals) {
      const agents = v.agentsAt === undefined ? f * v.presentAgents : v.agentsAt(f);
      const p =
        v.predict === undefined ? predictKpis(v.demand, agents, thresholdSeconds) : v.predict(agents, f);
      s += (p.serviceLevel - v.serviceLevel) ** 2 + (p.abandonRate - v.abandonRate) ** 2;
    }
    return s / intervals.length;
  };
  let best = from;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (let f = from; f <= to + 1e-9; f += 0.05) {
    const l = loss(f);
    if (l < bestLoss) {
      bestLoss = l;
      best = f;
    }
  }
  const lo = Math.max(from, best - 0.05);
  const hi = Math.min(to, best + 0.05);
  const f = goldenSectionMinimum(loss, lo, hi, 1e-3);
  const lf = loss(f);
  return lf <= bestLoss
    ? { availabilityFactor: f, meanSquaredError: lf, intervals: intervals.length }
    : { availabilityFactor: best, meanSquaredError: bestLoss, intervals: intervals.length };
}
