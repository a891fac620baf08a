import { invalidInput } from '../../errors.js';
import type { QueueDemand } from '../../queueing/types.js';
import { predictKpis } from '../predictedKpis.js';

/**
 * One interval of {@link modelNoiseFloor}: the model's inputs.
 *
 * @internal
 */
export interface NoiseFloorInterval {
  /** Offered calls (the observed count), interval length, AHT and patience (Erlang A). */
  demand: QueueDemand;
  /** Agents (fractional: each replication draws floor or ceil with the interpolation weight). */
  agents: number;
}

/** Mean absolute error a perfectly specified model would still show against one interval's outcome. */
export interface NoiseFloor {
  /** Mean over intervals of E|simulated SL - predicted SL| (fraction). */
  serviceLevelMae: number;
  /** Likewise for abandonment (fraction). */
  abandonRateMae: number;
  /** Likewise for ASA (s), over replications with an answered call; NaN when there is none. */
  asaSecondsMae: number;
  /** Mean over intervals and replications of the simulated SL (checks the replay against the model). */
  serviceLevelSimulated: number;
  /** Mean over intervals of the predicted SL (`predictKpis`). */
  serviceLevelPredicted: number;
  /** Mean over intervals and replications of the simulated abandonment. */
  abandonRateSimulated: number;
  /** Mean over intervals of the predicted abandonment. */
  abandonRatePredicted: number;
  /** Replications per interval. */
  replications: number;
}

/**
 * Options of {@link modelNoiseFloor}.
 *
 * @internal
 */
export interface ModelNoiseFloorOptions {
  /** Replications per interval. Default 200. */
  replications?: number;
  /** Seed of the generator (same seed, same answer). Default 1. */
  seed?: number;
}

/**
 * @deprecated Use {@link ModelNoiseFloorOptions} (the `<function>Options` name of `modelNoiseFloor`); kept for existing
 * imports of the public API.
 */
export type NoiseFloorOptions = ModelNoiseFloorOptions;

/** mulberry32: a small, fast, seeded uniform generator on (0, 1). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4_294_967_296;
  };
}

/**
 * Stationary distribution of the number of callers in an M/M/n+M system (birth-death: arrivals
 * `rate`, departures min(k, n) / aht + max(k - n, 0) / patience), as cumulative probabilities;
 * undefined when there is none (no abandonment and load >= n). Truncated where the terms fall
 * below 1e-12 of the largest.
 */
function stationaryCumulative(rate: number, agents: number, ahtSeconds: number, patienceSeconds: number) {
  const abandon = Number.isFinite(patienceSeconds) ? 1 / patienceSeconds : 0;
  if (abandon === 0 && rate * ahtSeconds >= agents) return undefined;
  const weights = [1];
  let w = 1;
  let largest = 1;
  for (let k = 1; k < 100_000; k++) {
    const departures = Math.min(k, agents) / ahtSeconds + Math.max(k - agents, 0) * abandon;
    w *= rate / departures;
    if (!Number.isFinite(w)) return undefined;
    weights.push(w);
    largest = Math.max(largest, w);
    if (k > agents && w < 1e-12 * largest) break;
  }
  const total = weights.reduce((a, b) => a + b, 0);
  let running = 0;
  return weights.map((x) => {
    running += x / total;
    return running;
  });
}

/**
 * The error floor of the per-interval targets: how far ONE interval's outcome lies from the
 * model's expected value even when the model is exactly right. Each interval is replayed
 * `replications` times as an M/M/n+M queue (Poisson arrivals, exponential talk times with mean AHT,
 * exponential patience, FIFO, n agents) with the observed number of offered calls spread uniformly
 * over the interval (a Poisson process conditioned on its count), starting from a state drawn from
 * the queue's stationary distribution (callers in the system; by memorylessness, busy agents and
 * waiting callers then need fresh exponential talk times and patiences), or, where there is none
 * (Erlang C at load >= agents), after a warm-up of two interval lengths at the same arrival rate.
 * Each caller's fate follows from the virtual waiting time: served at the first moment one of the n
 * agents is free, unless that is later than arrival + patience. The floor is the mean over intervals
 * of E|simulated KPI - `predictKpis`|: what a perfectly specified model would still miss by.
 * It is a floor only for inputs that do not share the interval's randomness; `calibrate`'s inputs
 * (the interval's own offered calls and talk times, presence inferred from the same calls, the
 * queue at the start) do share some of it, so the calibrated MAE can fall below this figure (it
 * does on the bank month), and the floor reads as the scale of the scatter, not a strict bound.
 * Without patience (Erlang C) nobody abandons. Cost: replications x (calls + warm-up calls) x agents
 * per interval, plus the stationary law once per interval (about 0.3 s for 140 half hours at 200
 * replications).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` for no interval or replications not a whole number >= 1.
 * @example
 * // 100 calls of 180 s in 30 min at 12 agents, no abandonment: one half hour's SL scatters by 21 points
 * modelNoiseFloor([{ demand: { callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 },
 *   agents: 12 }], 20).serviceLevelMae; // 0.2131 (seed 1, 200 replications: the same on every run)
 */
export function modelNoiseFloor(
  intervals: readonly NoiseFloorInterval[],
  thresholdSeconds: number,
  options: ModelNoiseFloorOptions = {},
): NoiseFloor {
  const replications = options.replications ?? 200;
  if (intervals.length === 0) invalidInput('modelNoiseFloor', 'intervals', 'must not be empty', 0);
  if (!(Number.isInteger(replications) && replications >= 1))
    invalidInput('modelNoiseFloor', 'replications', 'must be a whole number >= 1', replications);
  const random = generator(options.seed ?? 1);
  const exponential = (mean: number): number => -Math.log(random()) * mean;
  let slSum = 0;
  let abSum = 0;
  let asaSum = 0;
  let asaIntervals = 0;
  let slSimulated = 0;
  let slPredicted = 0;
  let abSimulated = 0;
  let abPredicted = 0;
  // buffers reused by every replication (the draws and their order are what fix the result)
  let free = new Float64Array(0);
  let inside = new Float64Array(0);
  const arrivals: number[] = [];
  for (const v of intervals) {
    const { callsPerInterval: calls, intervalMinutes, ahtSeconds } = v.demand;
    const patience = v.demand.patienceSeconds ?? Number.POSITIVE_INFINITY;
    const lengthSeconds = intervalMinutes * 60;
    const predicted = predictKpis(v.demand, v.agents, thresholdSeconds);
    const low = Math.max(0, Math.floor(v.agents));
    const weight = Math.max(0, v.agents) - low;
    const rate = calls / lengthSeconds;
    const stationary = [low, low + 1].map((n) =>
      n > 0 && rate > 0 ? stationaryCumulative(rate, n, ahtSeconds, patience) : undefined,
    );
    if (free.length < low + 1) free = new Float64Array(low + 1);
    if (inside.length !== calls) inside = new Float64Array(calls);
    let sl = 0;
    let ab = 0;
    let asa = 0;
    let asaCount = 0;
    for (let r = 0; r < replications; r++) {
      const agents = random() < weight ? low + 1 : low;
      arrivals.length = 0;
      free.fill(Number.NEGATIVE_INFINITY, 0, agents);
      const cumulative = stationary[agents - low];
      if (cumulative !== undefined) {
        const u = random();
        let state = 0;
        while (state + 1 < cumulative.length && cumulative[state]! < u) state++;
        for (let s = 0; s < Math.min(state, agents); s++) free[s] = exponential(ahtSeconds);
        for (let q = agents; q < state; q++) arrivals.push(0); // waiting at the start, FIFO
      } else if (rate > 0) {
        for (let t = -2 * lengthSeconds + exponential(1 / rate); t < 0; t += exponential(1 / rate))
          arrivals.push(t);
      }
      const warmUp = arrivals.length;
      for (let c = 0; c < calls; c++) inside[c] = random() * lengthSeconds;
      inside.sort();
      for (let c = 0; c < calls; c++) arrivals.push(inside[c]!);
      let within = 0;
      let abandoned = 0;
      let answered = 0;
      let waitAnswered = 0;
      for (let c = 0; c < arrivals.length; c++) {
        const arrival = arrivals[c]!;
        // the agent free soonest (the first of equals)
        let k = 0;
        let soonest = free[0]!;
        for (let s = 1; s < agents; s++) {
          const at = free[s]!;
          if (at < soonest) {
            soonest = at;
            k = s;
          }
        }
        const start = agents > 0 ? Math.max(arrival, soonest) : Number.POSITIVE_INFINITY;
        const counted = c >= warmUp;
        if (agents === 0 || start - arrival > exponential(patience)) {
          if (counted) abandoned++;
          continue;
        }
        free[k] = start + exponential(ahtSeconds);
        if (!counted) continue;
        answered++;
        waitAnswered += start - arrival;
        if (start - arrival <= thresholdSeconds) within++;
      }
      if (calls > 0) {
        slSimulated += within / calls / replications;
        abSimulated += abandoned / calls / replications;
        sl += Math.abs(within / calls - predicted.serviceLevel);
        ab += Math.abs(abandoned / calls - predicted.abandonRate);
      }
      if (answered > 0 && Number.isFinite(predicted.asaSeconds)) {
        asa += Math.abs(waitAnswered / answered - predicted.asaSeconds);
        asaCount++;
      }
    }
    slPredicted += calls > 0 ? predicted.serviceLevel : 0;
    abPredicted += calls > 0 ? predicted.abandonRate : 0;
    slSum += sl / replications;
    abSum += ab / replications;
    if (asaCount > 0) {
      asaSum += asa / asaCount;
      asaIntervals++;
    }
  }
  const count = intervals.length;
  return {
    serviceLevelMae: slSum / count,
    abandonRateMae: abSum / count,
    asaSecondsMae: asaIntervals > 0 ? asaSum / asaIntervals : Number.NaN,
    serviceLevelSimulated: slSimulated / count,
    serviceLevelPredicted: slPredicted / count,
    abandonRateSimulated: abSimulated / count,
    abandonRatePredicted: abPredicted / count,
    replications,
  };
}
