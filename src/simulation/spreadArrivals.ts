import { invalidInput } from '../errors.js';
import { streamStates, Variates } from './random.js';

/** Options of `spreadArrivals`. */
export interface SpreadArrivalsOptions {
  /** Seed, an integer in [0, 2^32); default 1. The same seed gives the same times. */
  seed?: number;
  /** Seconds added to every time (where interval 0 starts on the simulation's clock); default 0. */
  offsetSeconds?: number;
}

/**
 * Turns real arrival counts per interval into arrival times for a replayed simulation
 * (`SimulationArrivals` kind `replayed`): the `counts[k]` calls of interval k are placed uniformly
 * at random within [offset + k * intervalSeconds, offset + (k + 1) * intervalSeconds), which is
 * what a Poisson process conditioned on its count does (the order statistics of uniforms), so the
 * count of every interval is kept exactly. Times are non-decreasing. Seeded (stream 0 of `seed`,
 * `streamStates`). Cost O(calls log calls_k).
 *
 * @throws StaffcastError INVALID_INPUT naming `spreadArrivals`: a count that is not a whole number
 *   >= 0 (NaN: missing data), intervalSeconds not finite and > 0, a bad seed or offset
 * @example
 * const t = spreadArrivals([2, 0, 1], 60, { seed: 7 });
 * t.length; // 3
 * t[2]! >= 120 && t[2]! < 180; // true (the third call is in the third minute)
 */
export function spreadArrivals(
  counts: ArrayLike<number>,
  intervalSeconds: number,
  options: SpreadArrivalsOptions = {},
): Float64Array {
  const fn = 'spreadArrivals';
  if (!(intervalSeconds > 0 && intervalSeconds < Number.POSITIVE_INFINITY))
    invalidInput(fn, 'intervalSeconds', 'must be finite and > 0', intervalSeconds);
  const seed = options.seed ?? 1;
  if (!(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32))
    invalidInput(fn, 'options.seed', 'must be an integer in [0, 2^32)', seed);
  const offset = options.offsetSeconds ?? 0;
  if (!Number.isFinite(offset)) invalidInput(fn, 'options.offsetSeconds', 'must be finite', offset);
  let total = 0;
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k]!;
    if (!(Number.isInteger(c) && c >= 0))
      invalidInput(fn, `counts[${k}]`, 'must be a whole number >= 0 (NaN: missing data)', c);
    total += c;
  }
  const out = new Float64Array(total);
  const random = new Variates(streamStates(seed, 1));
  let at = 0;
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k]!;
    const start = offset + k * intervalSeconds;
    for (let i = 0; i < c; i++) {
      const t = start + random.uniform() * intervalSeconds;
      // rounding may land a time on the next interval's start: keep it in its own interval
      out[at + i] = t < start + intervalSeconds ? t : start;
    }
    out.subarray(at, at + c).sort();
    at += c;
  }
  return out;
}
