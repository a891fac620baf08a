import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * The starting states of `count` independent random streams derived from one `seed`: stream r is
 * pure-rand's xoroshiro128+ seeded with `seed` and jumped forward r + 1 times (each jump skips 2^64
 * draws, so the streams never overlap). Four 32-bit integers per stream, stream r at [4r, 4r + 4).
 * A replication's results depend only on (seed, r), never on which thread runs it. Cost O(count).
 *
 * @example
 * streamStates(7, 2).length; // 8
 *
 * @internal
 */
export function streamStates(seed: number, count: number): Int32Array {
  const states = new Int32Array(4 * count);
  const rng = xoroshiro128plus(seed);
  // the seeded state itself is sparse (its first outputs are near 0 or 1 for small seeds); one jump
  // mixes it, so stream 0 starts one jump in
  rng.jump();
  for (let r = 0; r < count; r++) {
    states.set(rng.getState(), 4 * r);
    rng.jump();
  }
  return states;
}

/**
 * Random variates drawn from one pure-rand stream (xoroshiro128+; uniforms in [0, 1) with 53 random
 * bits from `uniformFloat64`). Methods, all deterministic given the stream's state:
 * - `exponential()`: unit-mean exponential by inversion, -ln(1 - U);
 * - `normal()`: standard normal by the Box-Muller transform (two uniforms give two normals; the
 *   second is kept for the next call);
 * - `gamma(shape)`: Gamma(shape, scale 1) by Marsaglia and Tsang, "A simple method for generating
 *   gamma variables", ACM TOMS 26(3), 2000 (shape >= 1 by squeeze-and-reject on (1 + cZ)^3;
 *   shape < 1 as Gamma(shape + 1) U^(1/shape)).
 *
 * @example
 * const v = new Variates(Int32Array.from(streamStates(1, 1)));
 * v.uniform() >= 0 && v.uniform() < 1; // true
 *
 * @internal
 */
export class Variates {
  private readonly rng: RandomGenerator;
  private spare = Number.NaN;

  /** @param state four 32-bit integers, e.g. from `streamStates` */
  constructor(state: ArrayLike<number>) {
    this.rng = xoroshiro128plusFromState(Array.from(state));
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return uniformFloat64(this.rng);
  }

  /** Exponential with mean 1. */
  exponential(): number {
    return -Math.log(1 - uniformFloat64(this.rng));
  }

  /** Standard normal (mean 0, variance 1). */
  normal(): number {
    const spare = this.spare;
    if (!Number.isNaN(spare)) {
      this.spare = Number.NaN;
      return spare;
    }
    const r = Math.sqrt(-2 * Math.log(1 - uniformFloat64(this.rng)));
    const theta = 2 * Math.PI * uniformFloat64(this.rng);
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** Gamma with the given shape (> 0) and scale 1: mean shape, variance shape. */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * this.uniform() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = this.normal();
      const base = 1 + c * z;
      if (base <= 0) continue;
      const v = base * base * base;
      const u = this.uniform();
      if (u < 1 - 0.0331 * z * z * z * z) return d * v;
      if (Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) return d * v;
    }
  }
}
