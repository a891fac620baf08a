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
 * import { resolveCalibrateOptions } from '../options.js';
 * import { intervalDemand } from '../demand.js';
 * import { busyHalves, calibrationFrame } from '../frame.js';
 * import { handleTimes } from '../handleTime.js';
 * import { fitPatience } from '../patience/fitPatience.js';
 * import { fitPresence } from '../presence/fitPresence.js';
 * // two weekdays (Monday 1 and Tuesday 2 January 2024, UTC), a call a minute 10:00-10:59: waits 0-30 s,
 * // talk 120-180 s by agents A0-A2, every fifth caller hangs up after 30 s
 * const call = (day, k) => { const ab = k % 5 === 4, wait = ab ? 30 : (k % 4) * 10;
 *   return { arrivalMs: Date.UTC(2024, 0, 1 + day, 10) + k * 60_000, serviceType: 'PS', priority: 0,
 *     outcome: ab ? 'HANG' : 'AGENT', vruSeconds: 0, queued: wait > 0, queueSeconds: wait,
 *     servedByAgent: !ab, serviceSeconds: ab ? NaN : 120 + (k % 7) * 10, agent: ab ? '' : `A${k % 3}` }; };
 * const records = [0, 1].flatMap((day) => Array.from({ length: 60 }, (_, k) => call(day, k)));
 * const options = resolveCalibrateOptions({ timeZone: 'UTC' });
 * const frame = calibrationFrame(records, options);
 * const handleTime = handleTimes(frame, options);
 * const patience = fitPatience(records, frame, handleTime.seconds, options);
 * const demandOf = intervalDemand(frame, handleTime.seconds, patience, 30);
 * const halves = busyHalves(frame, handleTime.seconds);
 * const presence = fitPresence(records, frame, halves.train, demandOf, options);
 * const inputs = { demandOf, present: presence.present, agentsOf: (i) => presence.agentsAt(i, 0.9) };
 * halfDiagnostics(frame, halves, inputs, { ...options, noiseFloorReplications: 0 })
 *   .presenceOracle.test.agentsMae; // 0.1115 (0.73 on the February 1999 bank month)
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
