import { invalidInput } from '../../errors.js';

/** One waiting-time band of the abandonment hazard (`abandonmentHazard`). */
export interface HazardBand {
  /** Band start, seconds of waiting (inclusive of exposure beyond it). */
  fromSeconds: number;
  /** Band end, seconds of waiting (Infinity for the last band; null in JSON). */
  toSeconds: number;
  /** Callers who abandoned with a wait in (from, to]. */
  abandoned: number;
  /** Seconds of waiting all queued callers spent inside the band (time at risk). */
  exposureSeconds: number;
  /** abandoned / exposureSeconds, per second; NaN with no exposure. */
  hazardPerSecond: number;
}

/**
 * Piecewise-constant abandonment hazard by waiting time, the check of the exponential-patience
 * assumption behind Erlang A (Brown et al. 2005, "Statistical analysis of a telephone call centre",
 * JASA 100: the hazard of the bank's callers is not constant). For each band (from, to] of waiting
 * time, hazard = callers who abandoned with a wait in the band / total seconds that all callers
 * (answered and abandoned) spent waiting inside the band: the maximum likelihood of a hazard that is
 * constant within each band (censored by answers). Exponential patience means equal hazards in all
 * bands; with one band [0, Infinity) this is `patienceMle`'s rate. O(calls x bands).
 *
 * @internal
 * @param waitsSeconds waiting time of every queued caller (answered callers' waits are censored).
 * @param abandonedFlags true where that caller abandoned.
 * @param edgesSeconds increasing band edges starting at 0; the last band runs to Infinity.
 * @throws StaffcastError `INVALID_INPUT` for arrays of different lengths, a negative or non-finite
 *   wait, or edges that do not start at 0 and strictly increase.
 * @example
 * // waits 10 s (abandoned), 30 s (answered), 50 s (abandoned); bands (0,20], (20,Infinity)
 * abandonmentHazard([10, 30, 50], [true, false, true], [0, 20]).map((b) => b.hazardPerSecond);
 * // [1 / 50, 1 / 40]  (exposure 10 + 20 + 20 = 50 s, then 10 + 30 = 40 s)
 */
export function abandonmentHazard(
  waitsSeconds: ArrayLike<number>,
  abandonedFlags: ArrayLike<boolean>,
  edgesSeconds: readonly number[],
): HazardBand[] {
  if (waitsSeconds.length !== abandonedFlags.length)
    invalidInput(
      'abandonmentHazard',
      'abandonedFlags',
      `must have one flag per wait (${waitsSeconds.length})`,
      abandonedFlags.length,
    );
  if (edgesSeconds[0] !== 0 || edgesSeconds.some((e, k) => k > 0 && !(e > edgesSeconds[k - 1]!)))
    invalidInput(
      'abandonmentHazard',
      'edgesSeconds',
      'must start at 0 and strictly increase',
      edgesSeconds.join(','),
    );
  const bands = edgesSeconds.length;
  const abandoned = new Float64Array(bands);
  const exposure = new Float64Array(bands);
  for (let c = 0; c < waitsSeconds.length; c++) {
    const wait = waitsSeconds[c]!;
    if (!(wait >= 0 && Number.isFinite(wait)))
      invalidInput('abandonmentHazard', `waitsSeconds[${c}]`, 'must be a finite number >= 0', wait);
    for (let b = 0; b < bands && wait > edgesSeconds[b]!; b++) {
      const to = b + 1 < bands ? edgesSeconds[b + 1]! : Number.POSITIVE_INFINITY;
      exposure[b]! += Math.min(wait, to) - edgesSeconds[b]!;
      if (abandonedFlags[c] && wait <= to) abandoned[b]!++;
    }
  }
  return Array.from({ length: bands }, (_, b) => ({
    fromSeconds: edgesSeconds[b]!,
    toSeconds: b + 1 < bands ? edgesSeconds[b + 1]! : Number.POSITIVE_INFINITY,
    abandoned: abandoned[b]!,
    exposureSeconds: exposure[b]!,
    hazardPerSecond: exposure[b]! > 0 ? abandoned[b]! / exposure[b]! : Number.NaN,
  }));
}
