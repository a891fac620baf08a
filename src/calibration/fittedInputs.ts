import { localMinuteOfDay, localWeekday } from '../time/localCalendar.js';
import type { CalibrationParams } from './params.js';

/** Model inputs per interval read from the parameters `calibrate` fitted. */
export interface FittedInputs {
  /** Mean handle time by the interval's local hour and day type; NaN where not estimated. */
  ahtSeconds: Float64Array;
  /** Mean patience likewise; NaN where no caller abandoned (use Erlang C there). */
  patienceSeconds: Float64Array;
  /** Effective agents per agent present. */
  availabilityFactor: number;
}

/**
 * Spreads fitted parameters (`staffcast calibrate --params-out`, `calibrationParamsSchema`) over
 * interval starts: each interval takes the handle time and patience of its local hour (in
 * `params.timeZone`) for its day type (`busyWeekdays` -> `workweek`, other days -> `weekend`);
 * `null` becomes NaN. Pass the arrays to `staffingPlan` as `ahtSeconds` / `patienceSeconds` and
 * the factor as `availabilityFactor`. Cost O(n).
 *
 * @example
 * const hours = (v: number | null) => Array.from({ length: 24 }, () => v);
 * fittedInputsByInterval({ kind: 'staffcast-calibration', version: 1, timeZone: 'UTC',
 *   intervalMinutes: 30, thresholdSeconds: 20, busyWeekdays: [1, 2, 3, 4, 5], availabilityFactor: 0.8,
 *   ahtSecondsByHour: { workweek: hours(180), weekend: hours(150) },
 *   patienceSecondsByHour: { workweek: hours(90), weekend: hours(null) },
 *   fittedOn: { from: '', to: '' } }, [Date.UTC(2024, 0, 1, 9), Date.UTC(2024, 0, 6, 9)]).patienceSeconds;
 * // Float64Array [90, NaN] (Monday, Saturday)
 */
export function fittedInputsByInterval(params: CalibrationParams, starts: ArrayLike<number>): FittedInputs {
  const n = starts.length;
  const ahtSeconds = new Float64Array(n);
  const patienceSeconds = new Float64Array(n);
  const busy = new Set(params.busyWeekdays);
  for (let i = 0; i < n; i++) {
    const t = starts[i]!;
    const hour = Math.floor(localMinuteOfDay(t, params.timeZone) / 60);
    const type = busy.has(localWeekday(t, params.timeZone)) ? 'workweek' : 'weekend';
    ahtSeconds[i] = params.ahtSecondsByHour[type][hour] ?? Number.NaN;
    patienceSeconds[i] = params.patienceSecondsByHour[type][hour] ?? Number.NaN;
  }
  return { ahtSeconds, patienceSeconds, availabilityFactor: params.availabilityFactor };
}
