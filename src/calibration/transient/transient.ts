import { invalidInput } from '../../errors.js';
import { rk4Stepper } from '../../numeric/rk4.js';
import type { QueueDemand } from '../../queueing/types.js';
import type { PredictedKpis } from '../predictedKpis.js';

/** The queue found at an interval start (measured from the calls of the interval before). */
export interface QueueStart {
  /** Agents talking at the start. */
  busyAgents: number;
  /** Callers waiting in the agent queue at the start. */
  waitingCallers: number;
}

/**
 * Outcome of a caller who arrives to find `ahead` callers already waiting (all agents busy), in an
 * M/M/n+M queue: P(served), P(served within the threshold), E[wait x 1{served}]. While j callers
 * are ahead, the line moves at rate n/aht + j/patience (a service ends or one ahead gives up) and
 * the caller gives up at rate 1/patience. Computed for every j = 0..maxAhead.
 */
function aheadOutcomes(
  agents: number,
  ahtSeconds: number,
  abandonPerSecond: number,
  thresholdSeconds: number,
  maxAhead: number,
) {
  const served = new Float64Array(maxAhead + 1);
  const waitServed = new Float64Array(maxAhead + 1);
  let prevServed = 1;
  let prevWait = 0;
  for (let j = 0; j <= maxAhead; j++) {
    const move = agents / ahtSeconds + j * abandonPerSecond;
    const q = move / (move + abandonPerSecond);
    served[j] = q * prevServed;
    waitServed[j] = q * (prevServed / (move + abandonPerSecond) + prevWait);
    prevServed = served[j]!;
    prevWait = waitServed[j]!;
  }
  // P(served within tau | j ahead): backward equations dg_j/dtau = r_j (g_{j-1} - g_j) - theta g_j,
  // g_{-1} = 1, g_j(0) = 0; RK4 over [0, threshold]
  const within = new Float64Array(maxAhead + 1);
  if (thresholdSeconds > 0 && agents > 0) {
    const rate = (j: number) => agents / ahtSeconds + j * abandonPerSecond;
    const top = rate(maxAhead) + abandonPerSecond;
    const steps = Math.max(20, Math.ceil((thresholdSeconds * top) / 0.5));
    const h = thresholdSeconds / steps;
    const deriv = (g: Float64Array, out: Float64Array) => {
      for (let j = 0; j <= maxAhead; j++) {
        const before = j === 0 ? 1 : g[j - 1]!;
        out[j] = rate(j) * (before - g[j]!) - abandonPerSecond * g[j]!;
      }
    };
    const step = rk4Stepper(maxAhead + 1, deriv);
    for (let s = 0; s < steps; s++) step(within, h, maxAhead + 1);
  }
  return { served, waitServed, within };
}

/**
 * One stretch of an interval with a constant arrival rate and number of agents.
 *
 * @internal
 */
export interface TransientSegment {
  /** Length in seconds (> 0). */
  seconds: number;
  /** Calls arriving in the stretch (expected, >= 0). */
  calls: number;
  /**
   * Agents working during the stretch (>= 0); `transientProfileKpis` splits a fractional count
   * into whole-agent stretches before running the chain.
   */
  agents: number;
}

interface SegmentSums {
  /** Expected arrivals. */
  arrivals: number;
  /** Expected arrivals answered within the threshold. */
  within: number;
  /** Expected arrivals answered. */
  served: number;
  /** Expected total wait of the answered arrivals (s). */
  wait: number;
}

/**
 * Runs the birth-death chain of callers in the system over consecutive segments, from the state
 * `k0`, and sums what the arrivals see (PASTA) with the outcome of their place in line (FIFO, the
 * agents of their arrival's segment).
 */
function runSegments(
  segments: readonly TransientSegment[],
  ahtSeconds: number,
  theta: number,
  k0: number,
  thresholdSeconds: number,
): SegmentSums {
  const mu = 1 / ahtSeconds;
  let expected = 0;
  let maxAgents = 0;
  for (const g of segments) {
    expected += g.calls;
    maxAgents = Math.max(maxAgents, g.agents);
  }
  const top = Math.ceil(k0 + expected + 6 * Math.sqrt(expected) + 10 + maxAgents);
  const states = top + 1;
  const p = new Float64Array(states);
  p[Math.min(k0, top)] = 1;
  const death = new Float64Array(states + 1);
  const outcomes = new Map<number, ReturnType<typeof aheadOutcomes>>();
  let lambda = 0;
  let agents = 0;
  // the states that can hold probability: up to `hi`, widened as the mass spreads (RK4 moves it at
  // most 4 states a step), so that the step size follows the rates of the states in use
  let hi = Math.min(top, k0 + 4);
  const deriv = (y: Float64Array, d: Float64Array) => {
    const last = Math.min(hi + 4, top);
    for (let k = 0; k <= last; k++) {
      const inflow = (k > 0 ? lambda * y[k - 1]! : 0) + (k < last ? death[k + 1]! * y[k + 1]! : 0);
      const outflow = ((k < top ? lambda : 0) + death[k]!) * y[k]!;
      d[k] = inflow - outflow;
    }
  };
  const step = rk4Stepper(states, deriv);
  const sums: SegmentSums = { arrivals: 0, within: 0, served: 0, wait: 0 };
  for (const g of segments) {
    if (!(g.seconds > 0)) continue;
    lambda = g.calls / g.seconds;
    agents = g.agents;
    for (let k = 0; k <= states; k++) death[k] = Math.min(k, agents) * mu + Math.max(k - agents, 0) * theta;
    let out = outcomes.get(agents);
    if (out === undefined) {
      out = aheadOutcomes(agents, ahtSeconds, theta, thresholdSeconds, Math.max(0, top - agents));
      outcomes.set(agents, out);
    }
    const seen = (y: Float64Array): [number, number, number] => {
      let within = 0;
      let served = 0;
      let wait = 0;
      const last = Math.min(hi + 4, top);
      for (let k = 0; k <= last; k++) {
        const pk = y[k]!;
        if (pk === 0) continue;
        if (k < agents) {
          within += pk;
          served += pk;
        } else {
          const j = k - agents;
          within += pk * out.within[j]!;
          served += pk * out.served[j]!;
          wait += pk * out.waitServed[j]!;
        }
      }
      return [within, served, wait];
    };
    let before = seen(p);
    let t = 0;
    while (t < g.seconds) {
      // RK4 is stable for h x (largest eigenvalue) < 2.78; Gershgorin bounds it by twice the
      // largest outflow rate of the states in use
      const bound = 2 * (lambda + death[Math.min(hi + 8, top)]!);
      const h = bound > 0 ? Math.min(g.seconds - t, 2 / bound) : g.seconds - t;
      step(p, h, Math.min(hi + 5, states));
      t += h;
      while (hi < top && p[hi]! > 1e-15) hi++;
      const now = seen(p);
      const weight = 0.5 * h * lambda;
      sums.within += weight * (before[0] + now[0]);
      sums.served += weight * (before[1] + now[1]);
      sums.wait += weight * (before[2] + now[2]);
      before = now;
    }
    sums.arrivals += g.calls;
  }
  return sums;
}

/** KPIs of one whole-agent run, with the fraction of arrivals answered (the ASA weight). */
type WholeKpis = PredictedKpis & { answered: number };

function kpisOf(sums: SegmentSums): WholeKpis {
  if (!(sums.arrivals > 0))
    return { serviceLevel: Number.NaN, abandonRate: Number.NaN, asaSeconds: Number.NaN, answered: 0 };
  const served = sums.served / sums.arrivals;
  return {
    serviceLevel: Math.min(1, Math.max(0, sums.within / sums.arrivals)),
    abandonRate: Math.min(1, Math.max(0, 1 - served)),
    asaSeconds: sums.served > 0 ? sums.wait / sums.served : Number.NaN,
    answered: served,
  };
}

function patienceRate(demand: QueueDemand): number {
  return demand.patienceSeconds !== undefined && Number.isFinite(demand.patienceSeconds)
    ? 1 / demand.patienceSeconds
    : 0;
}

function transientWhole(
  demand: QueueDemand,
  agents: number,
  start: QueueStart,
  thresholdSeconds: number,
): WholeKpis {
  const theta = patienceRate(demand);
  if (agents === 0)
    return {
      serviceLevel: 0,
      abandonRate: theta > 0 ? 1 : 0,
      asaSeconds: theta > 0 ? Number.NaN : Number.POSITIVE_INFINITY,
      answered: 0,
    };
  const k0 = Math.min(start.busyAgents, agents) + start.waitingCallers;
  const segment = { seconds: demand.intervalMinutes * 60, calls: demand.callsPerInterval, agents };
  return kpisOf(runSegments([segment], demand.ahtSeconds, theta, k0, thresholdSeconds));
}

/**
 * Like {@link transientKpis}, but the interval is split into consecutive sub-intervals with their
 * own arrivals and (fractional) agents: the chain carries its state across them (a time-varying
 * queue, not a sequence of steady states). A fractional agent count a is a time share: floor(a)
 * agents for the first (1 - frac(a)) of the sub-interval, one more for the rest (what an average
 * of a whole number of agents over a stretch of time means). A caller's outcome uses the agents of
 * the stretch they arrive in. SL and abandonment are per arriving caller, ASA per answered caller,
 * over the whole interval. Cost O(steps x states in use).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` for no sub-interval, a negative count, or a bad start.
 * @example
 * // one sub-interval of 30 min equals transientKpis at whole agents
 * transientProfileKpis([{ seconds: 1800, calls: 60, agents: 6 }], 200, 300, { busyAgents: 0,
 *   waitingCallers: 0 }, 20).serviceLevel; // 0.4941 (as transientKpis at 6 agents)
 */
export function transientProfileKpis(
  parts: readonly TransientSegment[],
  ahtSeconds: number,
  patienceSeconds: number | undefined,
  start: QueueStart,
  thresholdSeconds: number,
): PredictedKpis {
  if (parts.length === 0) invalidInput('transientProfileKpis', 'parts', 'must not be empty', 0);
  checkStart('transientProfileKpis', start);
  const segments: TransientSegment[] = [];
  for (const [k, part] of parts.entries()) {
    if (!(part.seconds > 0 && part.calls >= 0 && part.agents >= 0 && Number.isFinite(part.agents)))
      invalidInput(
        'transientProfileKpis',
        `parts[${k}]`,
        'needs seconds > 0, calls >= 0 and finite agents >= 0',
        JSON.stringify(part),
      );
    const low = Math.floor(part.agents);
    const share = part.agents - low;
    if (share < 1 - 1e-9)
      segments.push({ seconds: part.seconds * (1 - share), calls: part.calls * (1 - share), agents: low });
    if (share > 1e-9)
      segments.push({ seconds: part.seconds * share, calls: part.calls * share, agents: low + 1 });
  }
  const theta =
    patienceSeconds !== undefined && Number.isFinite(patienceSeconds) && patienceSeconds > 0
      ? 1 / patienceSeconds
      : 0;
  const k0 = Math.min(start.busyAgents, segments[0]!.agents) + start.waitingCallers;
  const { answered: _, ...kpis } = kpisOf(runSegments(segments, ahtSeconds, theta, k0, thresholdSeconds));
  return kpis;
}

function checkStart(fn: string, start: QueueStart): void {
  for (const field of ['busyAgents', 'waitingCallers'] as const)
    if (!(Number.isInteger(start[field]) && start[field] >= 0))
      invalidInput(fn, `start.${field}`, 'must be a whole number >= 0', start[field]);
}

/**
 * Erlang A (or Erlang C without patience) over ONE interval that starts from the queue found at
 * its start, instead of the steady state: the number of callers in the system is a birth-death
 * process (arrivals at offered / interval length; departures min(k, n) / AHT + max(k - n, 0) /
 * patience) started at min(busy, n) + waiting, solved forward over the interval (RK4, Kolmogorov
 * forward equations with the step set by the rates of the states holding probability; state space
 * truncated at start + 6 standard deviations of the arrivals). A
 * caller arriving at time t sees state k with probability p_k(t) (PASTA) and, in FIFO order, is
 * answered at once (k < n) or waits behind k - n callers; P(served), P(served within the
 * threshold) and E[wait | served] follow from the phases of the line ahead. SL, abandonment and ASA
 * are averaged over the interval's arrivals. From a steady-state start this gives the steady-state
 * values of `queueMetrics`; it also stays finite for Erlang C at load >= agents (a finite interval).
 * Fractional agents: linear interpolation between floor and ceil, as `predictKpis`. Cost
 * O(steps x states in use), about 0.5 ms for a busy half hour; {@link transientModel} memoises the
 * runs for repeated calls on one interval.
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` for a negative or non-finite start or agent count.
 * @example
 * // 60 calls of 200 s in 30 min at 6 agents, patience 300 s, starting with 6 busy and 5 waiting
 * transientKpis({ callsPerInterval: 60, intervalMinutes: 30, ahtSeconds: 200, patienceSeconds: 300 },
 *   6, { busyAgents: 6, waitingCallers: 5 }, 20).serviceLevel; // 0.3084 (0.4941 from an empty start)
 */
export function transientKpis(
  demand: QueueDemand,
  agents: number,
  start: QueueStart,
  thresholdSeconds: number,
): PredictedKpis {
  if (!(agents >= 0 && Number.isFinite(agents)))
    invalidInput('transientKpis', 'agents', 'must be a finite number >= 0', agents);
  checkStart('transientKpis', start);
  return mixWhole(agents, (whole) => transientWhole(demand, whole, start, thresholdSeconds));
}

/**
 * {@link transientKpis} for one interval start, memoised: the returned function gives the same
 * result as `transientKpis(demand, agents, start, thresholdSeconds)`, but runs the chain once per
 * whole agent count and demand (offered calls, interval, AHT, patience), so a search over
 * fractional agents (`fitAvailability`, which revisits floor and ceil of nearby counts) costs a few
 * runs per interval instead of two per call. Memory: one small record per distinct run.
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` for a bad start (at once) or agent count (when called).
 * @example
 * const at = transientModel({ busyAgents: 6, waitingCallers: 5 }, 20);
 * at({ callsPerInterval: 60, intervalMinutes: 30, ahtSeconds: 200, patienceSeconds: 300 }, 6)
 *   .serviceLevel; // 0.3084 (as transientKpis; a second call at 6.5 agents runs only 7 agents)
 */
export function transientModel(
  start: QueueStart,
  thresholdSeconds: number,
): (demand: QueueDemand, agents: number) => PredictedKpis {
  checkStart('transientModel', start);
  const runs = new Map<string, WholeKpis>();
  return (demand, agents) => {
    if (!(agents >= 0 && Number.isFinite(agents)))
      invalidInput('transientModel', 'agents', 'must be a finite number >= 0', agents);
    return mixWhole(agents, (whole) => {
      const key = `${whole} ${demand.callsPerInterval} ${demand.intervalMinutes} ${demand.ahtSeconds} ${demand.patienceSeconds}`;
      let run = runs.get(key);
      if (run === undefined) {
        run = transientWhole(demand, whole, start, thresholdSeconds);
        runs.set(key, run);
      }
      return run;
    });
  };
}

/** Linear interpolation between the whole-agent runs at floor and ceil of `agents`. */
function mixWhole(agents: number, whole: (agents: number) => WholeKpis): PredictedKpis {
  const low = Math.floor(agents);
  const weight = agents - low;
  const a = whole(low);
  if (weight === 0)
    return { serviceLevel: a.serviceLevel, asaSeconds: a.asaSeconds, abandonRate: a.abandonRate };
  const b = whole(low + 1);
  const mix = (x: number, y: number): number => x + weight * (y - x);
  // ASA mixes the answered-weighted waits, so an interval with nobody answered at one end counts less
  const answered = mix(a.answered, b.answered);
  const waitA = Number.isFinite(a.asaSeconds) ? a.asaSeconds * a.answered : 0;
  const waitB = Number.isFinite(b.asaSeconds) ? b.asaSeconds * b.answered : 0;
  return {
    serviceLevel: mix(a.serviceLevel, b.serviceLevel),
    abandonRate: mix(a.abandonRate, b.abandonRate),
    asaSeconds: answered > 0 ? mix(waitA, waitB) / answered : Number.NaN,
  };
}
