import { type CallRecord, classifyCall, queueEntryMs, waitSeconds } from '../calibration/records.js';
import { invalidInput } from '../errors.js';
import { streamStates, Variates } from './random.js';

/** Calls to replay through a simulation: arrival instants with their own handle time and patience. */
export interface ReplayedCalls {
  /** Epoch ms each call reached the agent queue, non-decreasing. */
  arrivalMs: Float64Array;
  /** Handle time of each call in seconds. */
  handleSeconds: Float64Array;
  /** Patience of each call in seconds (`Infinity`: never abandons). */
  patienceSeconds: Float64Array;
  /** Calls answered in the records. */
  answered: number;
  /** Calls abandoned in the records (after joining the queue). */
  abandoned: number;
  /** Records not offered to agents (hung up in the voice menu, PHANTOM, NO_SERVER). */
  notOffered: number;
  /** Mean patience used for the answered calls (see `replayedCallsFromRecords`). */
  patienceMeanSeconds: number;
}

/** Options of `replayedCallsFromRecords`. */
export interface ReplayedCallsOptions {
  /**
   * Mean (exponential) patience for the answered calls, seconds (> 0, may be Infinity). Default:
   * the maximum-likelihood estimate of the records themselves under exponential patience with
   * censoring: total seconds waited by all offered calls / calls abandoned (Infinity when none
   * abandoned).
   */
  patienceMeanSeconds?: number;
  /** Seed of the patience draws, an integer in [0, 2^32); default 1. */
  seed?: number;
}

/**
 * The calls per-call records offered to the agents, ready to replay (`SimulationArrivals` kind
 * `replayed` with replayed handle times and patience): every record `classifyCall` counts as
 * answered or abandoned, at the instant it reached the agent queue (`queueEntryMs`), sorted by it.
 * - An answered call keeps its talk time; its patience is unknown beyond the wait it had (it was
 *   censored by the answer), so it is that wait plus an exponential draw of mean
 *   `patienceMeanSeconds` (exponential patience is memoryless: the residual of a caller who has
 *   waited w has the same law).
 * - An abandoned call keeps its patience, the time it waited before hanging up; had it been answered
 *   its talk time is unknown, so it gets the mean talk time of the answered calls.
 * Records hung up in the voice menu, PHANTOM and NO_SERVER records are not offered (as in
 * `observedKpis`). Seeded; cost O(n log n).
 *
 * @throws StaffcastError INVALID_INPUT naming `replayedCallsFromRecords`: a bad seed or patience
 * @example
 * const base = { serviceType: 'PS', priority: 0, vruSeconds: 10, agent: 'A01' };
 * const r = replayedCallsFromRecords([
 *   { ...base, arrivalMs: 0, outcome: 'AGENT', queued: true, queueSeconds: 5, servedByAgent: true, serviceSeconds: 100 },
 *   { ...base, arrivalMs: 1000, outcome: 'HANG', queued: true, queueSeconds: 30, servedByAgent: false,
 *     serviceSeconds: Number.NaN, agent: '' },
 * ]);
 * [Array.from(r.arrivalMs), Array.from(r.handleSeconds), r.patienceSeconds[1]]; // [[10000, 11000], [100, 100], 30]
 */
export function replayedCallsFromRecords(
  records: readonly CallRecord[],
  options: ReplayedCallsOptions = {},
): ReplayedCalls {
  const fn = 'replayedCallsFromRecords';
  const seed = options.seed ?? 1;
  if (!(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32))
    invalidInput(fn, 'options.seed', 'must be an integer in [0, 2^32)', seed);
  const offered: CallRecord[] = [];
  let answered = 0;
  let abandoned = 0;
  let waited = 0;
  let talk = 0;
  for (const r of records) {
    const kind = classifyCall(r);
    if (kind !== 'answered' && kind !== 'abandoned') continue;
    offered.push(r);
    waited += waitSeconds(r);
    if (kind === 'answered') {
      answered++;
      talk += r.serviceSeconds;
    } else abandoned++;
  }
  const mean = options.patienceMeanSeconds ?? (abandoned > 0 ? waited / abandoned : Number.POSITIVE_INFINITY);
  if (!(mean > 0)) invalidInput(fn, 'options.patienceMeanSeconds', 'must be > 0', mean);
  const meanTalk = answered > 0 ? talk / answered : 0;
  const entries = offered.map(queueEntryMs);
  const order = Array.from(offered.keys()).sort((a, b) => entries[a]! - entries[b]! || a - b);
  const n = offered.length;
  const out: ReplayedCalls = {
    arrivalMs: new Float64Array(n),
    handleSeconds: new Float64Array(n),
    patienceSeconds: new Float64Array(n),
    answered,
    abandoned,
    notOffered: records.length - n,
    patienceMeanSeconds: mean,
  };
  const random = new Variates(streamStates(seed, 1));
  order.forEach((i, k) => {
    const r = offered[i]!;
    out.arrivalMs[k] = entries[i]!;
    if (classifyCall(r) === 'answered') {
      out.handleSeconds[k] = r.serviceSeconds;
      const draw = random.exponential(); // drawn for every answered call: the stream stays aligned
      out.patienceSeconds[k] = mean === Number.POSITIVE_INFINITY ? mean : waitSeconds(r) + draw * mean;
    } else {
      out.handleSeconds[k] = meanTalk;
      out.patienceSeconds[k] = waitSeconds(r);
    }
  });
  return out;
}
