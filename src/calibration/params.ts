import { TZDate } from '@date-fns/tz';
import { formatInstant } from '../time/formatInstant.js';
import type { CalibrationFrame } from './frame.js';
import type { HourlyTable } from './hourlyTable.js';
import type { ResolvedCalibrateOptions } from './options.js';

/**
 * An hourly table of fitted values in JSON form: one value per local hour 0..23 for the busy
 * weekdays (`workweek`) and for the other days (`weekend`); `null` where nothing was estimated.
 */
export interface HourlyValues {
  /** Local hours 0..23 of the `busyWeekdays`. */
  workweek: (number | null)[];
  /** Local hours 0..23 of the other days. */
  weekend: (number | null)[];
}

/**
 * The model inputs `calibrate` fits from per-call records (`calibrate --params-out params.json`),
 * for `staff` and `plan` to staff with (`withFittedInputs`, `fittedInputsByInterval`). Hour-indexed
 * arrays run over local hours 0..23 in `timeZone`. `null` means "not estimated": for patience,
 * that no caller of that pool abandoned (use Erlang C); for handle time, that no call was answered
 * in the whole pool. The file is validated by `calibrationParamsSchema`.
 */
export interface CalibrationParams {
  /** File tag: always `'staffcast-calibration'`. */
  kind: 'staffcast-calibration';
  /** File format version: 1. */
  version: 1;
  /** IANA zone of the hour-of-day keys. */
  timeZone: string;
  /** Interval length the parameters were fitted at (minutes). */
  intervalMinutes: number;
  /** Service-level threshold used in the fit (seconds). */
  thresholdSeconds: number;
  /** Local weekdays (0 Sunday .. 6 Saturday) of the `workweek` day type. */
  busyWeekdays: number[];
  /** Effective agents on the phones = factor x agents present (0..2). */
  availabilityFactor: number;
  /** Mean talk time by local hour (seconds). */
  ahtSecondsByHour: HourlyValues;
  /** Mean exponential patience by local hour (seconds), maximum likelihood. */
  patienceSecondsByHour: HourlyValues;
  /** Half-open span of the training data (ISO-8601 instants with offset). */
  fittedOn: { from: string; to: string };
}

/** What {@link fittedParams} writes besides the frame and the options. */
export interface FittedParamsInputs {
  /** Handle time by local hour and day type (s, `handleTimes`). */
  ahtSecondsByHour: HourlyTable;
  /** Exponential patience by local hour and day type (s, `fitPatience`, training days). */
  patienceSecondsByHour: HourlyTable;
  /** The fitted availability factor. */
  availabilityFactor: number;
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

function hourlyJson(t: HourlyTable): HourlyValues {
  return { workweek: t.workweek.map(finiteOrNull), weekend: t.weekend.map(finiteOrNull) };
}

/**
 * Step 8 of `calibrate`: the fitted parameters, ready for `staff` / `plan` (see
 * `calibrationParamsSchema`): the options they hold for, the availability factor, the hourly handle
 * time and patience tables (a cell that could not be estimated is null), and the training span
 * (`fittedOn`: the first grid interval to local midnight `trainDays` days after the first record,
 * ISO text with the zone's offset, `formatInstant`). O(1).
 *
 * @example
 * import { resolveCalibrateOptions } from './options.js';
 * import { calibrationFrame } from './frame.js';
 * import { handleTimes } from './handleTime.js';
 * import { fitPatience } from './patience/fitPatience.js';
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
 * const fitted = { ahtSecondsByHour: handleTime.byHour, patienceSecondsByHour: patience.byHour, availabilityFactor: 0.9 };
 * fittedParams(frame, options, fitted).fittedOn; // { from: '2024-01-01T00:00:00Z', to: '2024-01-02T00:00:00Z' }
 */
export function fittedParams(
  frame: CalibrationFrame,
  options: Pick<
    ResolvedCalibrateOptions,
    'timeZone' | 'intervalMinutes' | 'thresholdSeconds' | 'busyWeekdays'
  >,
  inputs: FittedParamsInputs,
): CalibrationParams {
  const { timeZone, intervalMinutes, thresholdSeconds, busyWeekdays } = options;
  const firstDay = new TZDate(frame.firstMs, timeZone);
  const trainEndMs = new TZDate(
    firstDay.getFullYear(),
    firstDay.getMonth(),
    firstDay.getDate() + frame.trainDays,
    timeZone,
  ).getTime();
  return {
    kind: 'staffcast-calibration',
    version: 1,
    timeZone,
    intervalMinutes,
    thresholdSeconds,
    busyWeekdays: [...busyWeekdays],
    availabilityFactor: inputs.availabilityFactor,
    ahtSecondsByHour: hourlyJson(inputs.ahtSecondsByHour),
    patienceSecondsByHour: hourlyJson(inputs.patienceSecondsByHour),
    fittedOn: {
      from: formatInstant(frame.grid.starts[0]!, timeZone),
      to: formatInstant(trainEndMs, timeZone),
    },
  };
}
