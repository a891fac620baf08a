import type { IntervalDemand } from '../demand.js';
import type { CalibrationFrame } from '../frame.js';
import { modelNoiseFloor, type NoiseFloor } from './noiseFloor.js';
import { type PresenceOracle, presenceOracle } from './oracle.js';

/** What the diagnostics of {@link halfDiagnostics} read besides the frame. */
export interface HalfDiagnosticsInputs {
  /** The model inputs of an interval (`intervalDemand`). */
  demandOf: IntervalDemand;
  /** Agents present per grid interval. */
  present: ArrayLike<number>;
  /** Effective agents of grid interval i at the fitted factor. */
  agentsOf: (i: number) => number;
}

/** The presence oracle and the noise floor of each half. */
export interface HalfDiagnostics {
  /** Erlang A at the best agent count of each busy interval (`presenceOracle`), by half. */
  presenceOracle: { train: PresenceOracle; test: PresenceOracle };
  /** The model's own scatter (`modelNoiseFloor`), by half; undefined when skipped. */
  noiseFloor?: { train: NoiseFloor; test: NoiseFloor };
}

/**
 * Step 10 of `calibrate`: the diagnostics of each half's busy intervals: the error floor at a
 * perfect agent count (`presenceOracle`) and the scatter Erlang A itself implies for one interval
 * (`modelNoiseFloor`, seed 1, `noiseFloorReplications` replications; skipped at 0 or when the
 * held-out half has no busy interval). Cost: about 60 `queueMetrics` calls per busy interval plus
 * the simulation (~0.3 s per half at 200 replications).
 *
 * @example
 * // the February 1999 bank month on half hours
 * halfDiagnostics(frame, halves, inputs, { thresholdSeconds: 20, noiseFloorReplications: 200 })
 *   .presenceOracle.test.agentsMae; // 0.73
 */
export function halfDiagnostics(
  frame: CalibrationFrame,
  halves: { train: readonly number[]; test: readonly number[] },
  inputs: HalfDiagnosticsInputs,
  options: { thresholdSeconds: number; noiseFloorReplications: number },
): HalfDiagnostics {
  const { kpis } = frame;
  const { demandOf, present, agentsOf } = inputs;
  const { thresholdSeconds, noiseFloorReplications } = options;
  const oracleOf = (set: readonly number[]): PresenceOracle =>
    presenceOracle(
      set.map((i) => ({
        demand: demandOf(i, true, agentsOf(i)),
        presentAgents: present[i]!,
        effectiveAgents: agentsOf(i),
        serviceLevel: kpis.serviceLevel[i]!,
        abandonRate: kpis.abandonRate[i]!,
        asaSeconds: kpis.asaSeconds[i]!,
      })),
      thresholdSeconds,
    );
  const noiseOf = (set: readonly number[]): NoiseFloor =>
    modelNoiseFloor(
      set.map((i) => ({ demand: demandOf(i, true, agentsOf(i)), agents: agentsOf(i) })),
      thresholdSeconds,
      { replications: noiseFloorReplications, seed: 1 },
    );
  return {
    ...(noiseFloorReplications > 0 && halves.test.length > 0
      ? { noiseFloor: { train: noiseOf(halves.train), test: noiseOf(halves.test) } }
      : {}),
    presenceOracle: { train: oracleOf(halves.train), test: oracleOf(halves.test) },
  };
}
