import { invalidInput } from '../../errors.js';
import { rk4Stepper } from '../../numeric/rk4.js';
import type { HazardBand } from './abandonHazard.js';

/**
 * Inputs of {@link hazardMatchedPatience} for one interval.
 *
 * @internal
 */
export interface HazardPatienceInput {
  /** Offered calls per second. */
  arrivalsPerSecond: number;
  /** Mean talk time (s). */
  ahtSeconds: number;
  /** Agents (fractional: the waiting-time exposure of floor and ceil is interpolated). */
  agents: number;
}

/**
 * Seconds of waiting that callers spend in each waiting-time band, per arriving caller, in the
 * steady state of an M/M/n+M queue with abandonment rate `theta`: sum over the state k an arrival
 * sees (stationary birth-death law, PASTA) of the time the caller is still waiting at each wait w,
 * integrated over the band. A caller with j callers ahead moves up at rate n / aht + j x theta and
 * gives up at rate theta (forward equations over the place in line, RK4).
 */
function exposureByBand(
  lambda: number,
  ahtSeconds: number,
  agents: number,
  theta: number,
  edgesSeconds: readonly number[],
): Float64Array {
  const bands = edgesSeconds.length;
  const exposure = new Float64Array(bands);
  if (agents <= 0 || lambda <= 0) return exposure;
  const mu = 1 / ahtSeconds;
  // stationary law of callers in the system, truncated where the terms vanish
  const weights = [1];
  let w = 1;
  let total = 1;
  for (let k = 1; k < 20_000; k++) {
    const death = Math.min(k, agents) * mu + Math.max(k - agents, 0) * theta;
    if (death <= 0) break;
    w *= lambda / death;
    weights.push(w);
    total += w;
    if (k > agents && w < 1e-10 * total) break;
  }
  const ahead = new Float64Array(Math.max(1, weights.length - agents));
  let waiting = 0;
  for (let k = agents; k < weights.length; k++) {
    ahead[k - agents] = weights[k]! / total;
    waiting += weights[k]! / total;
  }
  if (waiting < 1e-12) return exposure;
  const m = ahead.length;
  const rate = (j: number) => agents * mu + j * theta;
  const deriv = (x: Float64Array, d: Float64Array) => {
    for (let j = 0; j < m; j++) d[j] = (j + 1 < m ? rate(j + 1) * x[j + 1]! : 0) - (rate(j) + theta) * x[j]!;
  };
  const step = rk4Stepper(m, deriv);
  const x = Float64Array.from(ahead);
  const stillWaiting = (v: Float64Array) => v.reduce((a, b) => a + b, 0);
  // the system is bidiagonal: its eigenvalues are -(rate(j) + theta), and RK4 is stable below 2.78
  const h = Math.min(5, 2 / (rate(m - 1) + theta));
  let t = 0;
  let before = stillWaiting(x);
  let band = 0;
  while (before > 1e-7 * waiting && t < 86_400) {
    step(x, h, m);
    const now = stillWaiting(x);
    while (band + 1 < bands && t >= edgesSeconds[band + 1]!) band++;
    exposure[band]! += 0.5 * h * (before + now);
    t += h;
    before = now;
  }
  return exposure;
}

/**
 * The exponential patience that matches a waiting-time-dependent abandonment hazard at the waits
 * of one interval. The bank's callers do not have exponential patience: their hazard of hanging up
 * falls with the time already waited (`abandonmentHazard`), so the exponential MLE (abandonments /
 * total waiting time) depends on how long callers waited in the data it was fitted on, and a
 * patience fitted on short waits is too impatient for a more congested period. This computes the
 * hazard averaged over the time at risk the queue itself produces: starting from theta = the
 * cell's exponential MLE, it repeats theta <- sum_b hazard_b x exposure_b(theta) / sum_b
 * exposure_b(theta), where exposure_b is the waiting time per caller inside band b in the steady
 * state of Erlang A with that theta and the interval's arrivals, AHT and agents, until theta moves
 * by less than 1e-4 relative (at most 30 rounds; a step is halved when the iteration oscillates). `hazardPerSecond` is the
 * training half's hazard by band for the interval's hour and day type (see `calibrate`). Returns
 * mean patience 1 / theta in seconds. Cost: rounds x (states + wait steps x states), about 0.2 ms.
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` when the bands and hazards differ in length, a hazard is
 *   negative, or the inputs are not finite and >= 0.
 * @example
 * // a constant hazard of 1/200 per second is exponential patience: 200 s whatever the waits
 * hazardMatchedPatience({ arrivalsPerSecond: 1 / 30, ahtSeconds: 180, agents: 6 }, [0, 60],
 *   [1 / 200, 1 / 200]); // 200 (to 1e-9)
 */
export function hazardMatchedPatience(
  input: HazardPatienceInput,
  edgesSeconds: readonly number[],
  hazardPerSecond: readonly number[],
): number {
  if (edgesSeconds.length !== hazardPerSecond.length || edgesSeconds.length === 0 || edgesSeconds[0] !== 0)
    invalidInput(
      'hazardMatchedPatience',
      'hazardPerSecond',
      `must have one hazard per band edge, the first edge 0 (${edgesSeconds.length})`,
      hazardPerSecond.length,
    );
  if (hazardPerSecond.some((h) => !(h >= 0 && Number.isFinite(h))))
    invalidInput(
      'hazardMatchedPatience',
      'hazardPerSecond',
      'must be finite numbers >= 0',
      hazardPerSecond.join(','),
    );
  const { arrivalsPerSecond: lambda, ahtSeconds, agents } = input;
  if (!(lambda >= 0 && Number.isFinite(lambda) && ahtSeconds > 0 && agents >= 0 && Number.isFinite(agents)))
    invalidInput(
      'hazardMatchedPatience',
      'input',
      'needs finite arrivals >= 0, AHT > 0, agents >= 0',
      JSON.stringify(input),
    );
  const low = Math.floor(agents);
  const share = agents - low;
  const average = (theta: number): number => {
    const a = exposureByBand(lambda, ahtSeconds, low, theta, edgesSeconds);
    const b = share > 0 ? exposureByBand(lambda, ahtSeconds, low + 1, theta, edgesSeconds) : a;
    let risk = 0;
    let hazard = 0;
    for (let k = 0; k < edgesSeconds.length; k++) {
      const e = (1 - share) * a[k]! + share * b[k]!;
      risk += e;
      hazard += e * hazardPerSecond[k]!;
    }
    return risk > 0 ? hazard / risk : Number.NaN;
  };
  // start from the hazard averaged over the first band's exposure: the first band's hazard
  let theta = hazardPerSecond[0]!;
  let previousStep = 0;
  if (theta === 0 && hazardPerSecond.every((h) => h === 0)) return Number.POSITIVE_INFINITY;
  for (let round = 0; round < 30; round++) {
    const next = average(theta);
    if (!Number.isFinite(next)) break; // nobody waits: any patience gives the same queue
    // plain iteration; halve the step if it oscillates
    const step = next - theta;
    const moved = round > 0 && Math.sign(step) !== Math.sign(previousStep) ? 0.5 * step : step;
    previousStep = step;
    theta += moved;
    if (Math.abs(moved) <= 1e-4 * theta) break;
  }
  return 1 / theta;
}

/**
 * The hazard by waiting band of one (hour, day type) cell, the input of
 * {@link hazardMatchedPatience}: the SHAPE of the pooled hazard (each band's hazard divided by the
 * pooled rate, abandoned / exposure over all bands; a band without exposure borrows the band
 * before, or 1) times the LEVEL that makes it, averaged over the cell's own waiting time by band,
 * equal to the cell's exponential rate `levelPerSecond` (1 / the cell's patience MLE). With no
 * exposure in the cell the shape is scaled by the level itself. Per second; O(bands).
 *
 * @internal
 * @param pooled hazard bands over every queued call the cell belongs to (`abandonmentHazard`).
 * @param cellBands the same bands over the cell's own calls (only their exposure is used).
 * @example
 * // pooled: 2 abandons in 100 s of band 1, 1 in 100 s of band 2 (rate 3/200): shape [4/3, 2/3];
 * // a cell with its waits all in band 2 and patience 100 s gets [0.02, 0.01]
 * scaledCellHazard(
 *   [{ fromSeconds: 0, toSeconds: 10, abandoned: 2, exposureSeconds: 100, hazardPerSecond: 0.02 },
 *    { fromSeconds: 10, toSeconds: Infinity, abandoned: 1, exposureSeconds: 100, hazardPerSecond: 0.01 }],
 *   [{ fromSeconds: 0, toSeconds: 10, abandoned: 0, exposureSeconds: 0, hazardPerSecond: NaN },
 *    { fromSeconds: 10, toSeconds: Infinity, abandoned: 0, exposureSeconds: 50, hazardPerSecond: 0 }],
 *   1 / 100); // [0.02, 0.01] (to 1e-15)
 */
export function scaledCellHazard(
  pooled: readonly HazardBand[],
  cellBands: readonly HazardBand[],
  levelPerSecond: number,
): number[] {
  let abandonedAll = 0;
  let exposureAll = 0;
  for (const b of pooled) {
    abandonedAll += b.abandoned;
    exposureAll += b.exposureSeconds;
  }
  const thetaAll = abandonedAll / exposureAll;
  const shape: number[] = [];
  for (const b of pooled)
    shape.push(b.exposureSeconds > 0 ? b.hazardPerSecond / thetaAll : (shape[shape.length - 1] ?? 1));
  let risk = 0;
  let weighted = 0;
  cellBands.forEach((b, k) => {
    risk += b.exposureSeconds;
    weighted += b.exposureSeconds * shape[k]!;
  });
  const scale = risk > 0 && weighted > 0 ? levelPerSecond / (weighted / risk) : levelPerSecond;
  return shape.map((x) => scale * x);
}

/**
 * The abandonment rate (1 / {@link hazardMatchedPatience}) of one interval at any fractional agent
 * count, as `calibrate` feeds it to Erlang A: computed at whole agent counts (memoised: a fit
 * revisits the same counts) and interpolated linearly in the rate between floor and ceil
 * (negative agents count as 0). Per second; 0 means no abandonment (infinite patience). Cost: one
 * `hazardMatchedPatience` per distinct whole count.
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` as `hazardMatchedPatience` (when called).
 * @example
 * // a constant hazard of 1/200 per second: 1/200 at any agent count
 * const rateAt = matchedAbandonRate({ arrivalsPerSecond: 1 / 30, ahtSeconds: 180 }, [0, 60],
 *   [1 / 200, 1 / 200]);
 * rateAt(6.5); // 0.005 (to 1e-12)
 */
export function matchedAbandonRate(
  queue: Omit<HazardPatienceInput, 'agents'>,
  edgesSeconds: readonly number[],
  hazardPerSecond: readonly number[],
): (agents: number) => number {
  const rates = new Map<number, number>();
  const rateAt = (whole: number): number => {
    let theta = rates.get(whole);
    if (theta === undefined) {
      theta = 1 / hazardMatchedPatience({ ...queue, agents: whole }, edgesSeconds, hazardPerSecond);
      rates.set(whole, theta);
    }
    return theta;
  };
  return (agents) => {
    const low = Math.max(0, Math.floor(agents));
    const share = Math.max(0, agents) - low;
    return share > 0 ? (1 - share) * rateAt(low) + share * rateAt(low + 1) : rateAt(low);
  };
}
