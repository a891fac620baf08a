import { digammaDifference } from './digamma.js';
import { logNegativeBinomialPmf } from './negativeBinomial.js';

/**
 * The Erlang A model (M/M/n+M): Poisson arrivals, exponential handle times, exponential patience,
 * FCFS, an abandoning caller takes no agent time (Palm 1943; Garnett, Mandelbaum and Reiman 2002,
 * "Designing a call center with impatient customers", MSOM 4(3)).
 */

/** Everything the Erlang A model gives for one (servers, load) pair; probabilities per arriving contact. */
export interface ErlangAResult {
  /** P(an arrival finds all servers busy). */
  probWait: number;
  /** P(an arrival abandons). */
  abandonRate: number;
  /** P(an arrival abandons within the threshold). */
  abandonWithinThreshold: number;
  /** P(answered within the threshold): basis 'offered'. */
  serviceLevelOffered: number;
  /** P(virtual wait <= threshold): basis 'virtualWait'. */
  serviceLevelVirtualWait: number;
  /** serviceLevelOffered / (1 - abandonWithinThreshold): basis 'excludeShortAbandons'. */
  serviceLevelExcludeShortAbandons: number;
  /** Mean wait of answered contacts in seconds (Infinity when nobody is answered). */
  asaSeconds: number;
}

const RESCALE_ABOVE = 1e250;
const RESCALE_BY = 1e-250;
const TAIL = 1e-17;
const LOG_UNDERFLOW = -690;
/** Start the queue-state sum near its mode when that skips more than this many states. */
const SKIP_ABOVE = 5000;

/**
 * Erlang A performance measures for `servers` servers, without validation (inner loops).
 *
 * Derivation. With x = n mu / theta and y = lambda / theta, the stationary probability of n + j in
 * system is proportional to r_j = prod_{i=1..j} y / (x + i) (relative to state n), and the states
 * below n sum to 1/B - 1 (B = Erlang B of n and A = lambda / mu). A caller who finds j waiting is
 * answered after j + 1 departure stages of rates n mu + i theta (i = j..0) unless his own patience
 * runs out first, so his virtual wait V_j has e^{-theta V_j} ~ Beta(x, j + 1): P(V_j > t) =
 * I_{z}(x, j + 1) with z = e^{-theta t}, P(answered) = x / (x + j + 1), P(answered after t) =
 * x / (x + j + 1) I_z(x + 1, j + 1) and E[V_j e^{-theta V_j}] = x / (x + j + 1) sum_{i=1..j+1}
 * 1 / ((x + i) theta). I_z(x, j + 1) is the negative-binomial CDF, carried term by term. (Summed over
 * j these give the incomplete-gamma closed forms, e.g. sum_j r_j = x e^y y^-x gamma(x, y).)
 *
 * Numerics. Only ratios and positive sums: the weights rescale on overflow; the NB terms start in log
 * space when z^x underflows and the CDFs are set to exactly 1 once the remaining NB tail is below 1e-17;
 * each small quantity (service level, answered fraction) is taken from its own direct sum rather than
 * as 1 minus something; the sum stops when the remaining weight is below 1e-17 of the total. In heavy
 * overload (the weights are a Poisson(y) pmf at x + j) the sum starts 40 standard deviations below
 * the mode, with the NB start from Loader's saddle-point pmf and the harmonic sum from the digamma
 * function. Accuracy about 1e-14 relative against 40-digit references. Cost O(terms): a few dozen
 * sqrt(y) plus, below the skip threshold, the queue length at the mode ((A - n)+ patience / aht).
 *
 * @param skipAbove start near the mode only when that skips more states than this (tests compare both)
 *
 * @param servers number of servers (non-negative integer)
 * @param lambda arrivals per second (>= 0)
 * @param ahtSeconds mean handle time (> 0)
 * @param patienceSeconds mean patience (> 0)
 * @param thresholdSeconds service-level threshold (>= 0)
 * @param erlangB Erlang B of (servers, lambda * ahtSeconds)
 * @example
 * erlangAUnchecked(11, 1 / 18, 180, 60, 20, 0.16323233324443395).probWait; // 0.3267885999598519 (40-digit reference 0.32678859995985177)
 */
export function erlangAUnchecked(
  servers: number,
  lambda: number,
  ahtSeconds: number,
  patienceSeconds: number,
  thresholdSeconds: number,
  erlangB: number,
  skipAbove = SKIP_ABOVE,
): ErlangAResult {
  if (lambda === 0) {
    return {
      probWait: 0,
      abandonRate: 0,
      abandonWithinThreshold: 0,
      serviceLevelOffered: 1,
      serviceLevelVirtualWait: 1,
      serviceLevelExcludeShortAbandons: 1,
      asaSeconds: 0,
    };
  }
  const tt = thresholdSeconds / patienceSeconds; // theta * t
  const z = Math.exp(-tt);
  if (servers === 0) {
    return {
      probWait: 1,
      abandonRate: 1,
      abandonWithinThreshold: -Math.expm1(-tt),
      serviceLevelOffered: 0,
      serviceLevelVirtualWait: 0,
      serviceLevelExcludeShortAbandons: 0,
      asaSeconds: Number.POSITIVE_INFINITY,
    };
  }
  const x = (servers * patienceSeconds) / ahtSeconds;
  const y = lambda * patienceSeconds;
  const w = -Math.expm1(-tt);

  // In heavy overload the weights r_j are a Poisson(y) pmf at x + j: below y - x - 40 sqrt(y) they are
  // < e^-800 of the total, so the sum may start there (the states below n are then negligible too).
  const skipTo = Math.floor(y - x - 40 * Math.sqrt(y));
  const j0 = skipTo > skipAbove ? skipTo : 0;
  const start = startNegativeBinomial(x, tt, z, w, j0);
  // negative-binomial pmf p_b = z^x (1 - z)^b (x)_b / b!, in log space while it underflows
  let logP = start.logP;
  let p = 0;
  let acc = 1;
  let logMode = logP < LOG_UNDERFLOW;
  if (!logMode) p = Math.exp(logP);

  let r = 1;
  let scale = j0 > 0 ? 0 : 1;
  let total = 0; // sum r_j
  let abandonSum = 0; // sum r_j (1 - e_j)
  let virtualLate = 0; // sum r_j P(V_j > t)
  let answeredLate = 0; // sum r_j e_j I_z(x + 1, j + 1)
  let abandonEarly = 0; // sum r_j P(abandon by t | j)
  let waitAnswered = 0; // sum r_j e_j H_j
  // the complements, summed directly so that small values keep their relative accuracy
  let served = 0; // sum r_j e_j
  let answeredEarly = 0; // sum r_j e_j (1 - I_z(x + 1, j + 1))
  let virtualEarly = 0; // sum r_j (1 - I_z(x, j + 1))
  let cdfP = start.cdfP;
  let cdfQ = start.cdfQ;
  let cdfDone = start.cdfP === 1 && start.cdfQ === 1;
  let harmonic = j0 > 0 ? digammaDifference(x + 1, x + j0 + 1) : 0;
  for (let j = j0; ; j++) {
    const inv = 1 / (x + j + 1);
    const e = x * inv;
    if (!logMode && !cdfDone) {
      cdfP += p;
      cdfQ += (z * p * (x + j)) / x;
      if (cdfQ > 1) cdfQ = 1;
      if (cdfP > 1) cdfP = 1;
    }
    harmonic += inv;
    total += r;
    const oneMinusE = (j + 1) * inv;
    abandonSum += r * oneMinusE;
    virtualLate += r * cdfP;
    answeredLate += r * e * cdfQ;
    const early = oneMinusE + e * cdfQ - z * cdfP;
    if (early > 0) abandonEarly += r * early;
    waitAnswered += r * e * harmonic;
    served += r * e;
    answeredEarly += r * e * (1 - cdfQ);
    virtualEarly += r * (1 - cdfP);

    const ratio = y * inv;
    r *= ratio;
    const step = (w * (x + j)) / (j + 1);
    if (logMode) {
      acc *= step;
      if (acc > 1e100 || acc < 1e-100) {
        logP += Math.log(acc);
        acc = 1;
        if (logP > LOG_UNDERFLOW) {
          p = Math.exp(logP);
          logMode = false;
        }
      }
    } else if (!cdfDone) {
      p *= step;
      // past the bulk the remaining terms (ratios falling below max(step, w) < 1) are < 1e-17: the CDFs are
      // exactly 1, which is more accurate than the rounded running sums
      const fall = Math.max(step, w);
      if (fall < 1 && cdfP > 0.5 && (p * Math.max(1, (z * (x + j + 1)) / x)) / (1 - fall) < 1e-17) {
        cdfDone = true;
        cdfP = 1;
        cdfQ = 1;
      }
    }
    if (r > RESCALE_ABOVE) {
      r *= RESCALE_BY;
      scale *= RESCALE_BY;
      total *= RESCALE_BY;
      abandonSum *= RESCALE_BY;
      virtualLate *= RESCALE_BY;
      answeredLate *= RESCALE_BY;
      abandonEarly *= RESCALE_BY;
      waitAnswered *= RESCALE_BY;
      served *= RESCALE_BY;
      answeredEarly *= RESCALE_BY;
      virtualEarly *= RESCALE_BY;
    }
    if (ratio < 1 && r <= TAIL * total * (1 - ratio)) break;
  }
  const b = erlangB;
  const den = (1 - b) * scale + b * total;
  const probWait = (b * total) / den;
  const abandonRate = clamp01((b * abandonSum) / den);
  const late = clamp01((b * answeredLate) / den);
  const abandonWithinThreshold = clamp01((b * abandonEarly) / den);
  // near 1 the complement forms are the accurate ones, near 0 the direct sums
  const notWaiting = (1 - b) * scale;
  const offeredMiss = abandonRate + late;
  const serviceLevelOffered = clamp01(
    offeredMiss < 0.5 ? 1 - offeredMiss : (notWaiting + b * answeredEarly) / den,
  );
  const virtualMiss = (b * virtualLate) / den;
  const serviceLevelVirtualWait = clamp01(
    virtualMiss < 0.5 ? 1 - virtualMiss : (notWaiting + b * virtualEarly) / den,
  );
  const keep = 1 - abandonWithinThreshold;
  const serviceLevelExcludeShortAbandons = keep > 0 ? clamp01(serviceLevelOffered / keep) : 0;
  const answered = abandonRate < 0.5 ? 1 - abandonRate : (notWaiting + b * served) / den;
  const asaSeconds =
    answered > 0 ? (((b * waitAnswered) / den) * patienceSeconds) / answered : Number.POSITIVE_INFINITY;
  return {
    probWait: clamp01(probWait),
    abandonRate,
    abandonWithinThreshold,
    serviceLevelOffered,
    serviceLevelVirtualWait,
    serviceLevelExcludeShortAbandons,
    asaSeconds,
  };
}

interface NegativeBinomialStart {
  /** ln p_{j0}. */
  logP: number;
  /** sum_{b < j0} p_b = I_z(x, j0). */
  cdfP: number;
  /** sum_{b < j0} q_b = I_z(x + 1, j0). */
  cdfQ: number;
}

/**
 * The negative-binomial terms at j0: ln p_{j0} (Loader's saddle-point form), and the CDFs below j0 summed over the
 * bulk of the distribution only (mean x w / z, sd sqrt(x w) / z; 40 sd either side), so a start far out
 * costs O(bulk) instead of O(j0).
 */
function startNegativeBinomial(
  x: number,
  tt: number,
  z: number,
  w: number,
  j0: number,
): NegativeBinomialStart {
  if (j0 === 0) return { logP: -x * tt, cdfP: 0, cdfQ: 0 };
  const logPmf = (b: number): number => (b === 0 ? -x * tt : logNegativeBinomialPmf(b, x, z, w));
  const mean = ((x + 1) * w) / z;
  const sd = Math.sqrt((x + 1) * w) / z;
  if (!(w > 0) || j0 > mean + 40 * sd + 40) return { logP: Number.NEGATIVE_INFINITY, cdfP: 1, cdfQ: 1 };
  const from = Math.max(0, Math.floor(mean - 40 * sd - 40));
  if (from >= j0) return { logP: logPmf(j0), cdfP: 0, cdfQ: 0 };
  let logP = logPmf(from);
  let cdfP = 0;
  let cdfQ = 0;
  for (let b = from; b < j0; b++) {
    if (logP > LOG_UNDERFLOW) {
      const p = Math.exp(logP);
      cdfP += p;
      cdfQ += (z * p * (x + b)) / x;
    }
    logP += Math.log((w * (x + b)) / (b + 1));
  }
  return { logP, cdfP: Math.min(1, cdfP), cdfQ: Math.min(1, cdfQ) };
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}
