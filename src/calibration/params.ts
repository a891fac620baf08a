import { TZDate } from '@date-fns/tz';
import type { CalibrationParams } from '../schemas/calibrationParams.js';
import { formatInstant } from '../time/formatInstant.js';
import type { CalibrationFrame } from './frame.js';
import type { HourlyTable } from './hourlyTable.js';
import type { ResolvedCalibrateOptions } from './options.js';

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

function hourlyJson(t: HourlyTable): { workweek: (number | null)[]; weekend: (number | null)[] } {
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
 * // the February 1999 bank month on half hours
 * fittedParams(frame, resolveCalibrateOptions({}), inputs).fittedOn;
 * // { from: '1999-02-01T00:00:00Z', to: '1999-02-15T00:00:00Z' }
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
