import { invalidInput, StaffcastError } from '../errors.js';
import { type CalibrationGrid, calibrationGrid } from './grid.js';
import { type ObservedKpis, observedKpis } from './observedKpis.js';
import type { ResolvedCalibrateOptions } from './options.js';
import { type CallRecord, queueEntryMs } from './records.js';

/**
 * What a calibration runs on: the interval grid over the records, its split into a training half
 * and a held-out half, the busy window the errors are scored on, and the KPIs the centre observed.
 */
export interface CalibrationFrame {
  /** Epoch ms of the earliest queue entry of the records. */
  firstMs: number;
  /** Epoch ms of the latest queue entry of the records. */
  lastMs: number;
  /** Whole local days from the day of `firstMs` to the day of `lastMs` (`calibrationGrid`). */
  grid: CalibrationGrid;
  /** Days (from the first) in the training half. */
  trainDays: number;
  /** The centre's own KPIs per grid interval (`observedKpis`). */
  kpis: ObservedKpis;
  /** Whether grid interval i is in the training half (its local day < `trainDays`). */
  isTrain: (i: number) => boolean;
  /**
   * Whether grid interval i is busy: a working weekday, inside the busy window and with at least
   * `minBusyCalls` offered calls.
   */
  isBusy: (i: number) => boolean;
}

/**
 * Step 1 of `calibrate`: builds the grid over the records' queue-entry times (arrival + VRU time)
 * in `timeZone`, splits its days into the training half (`trainDays`, default half the days rounded
 * down) and the held-out half, and measures the observed KPIs of every interval
 * (`observedKpis`). O(records log intervals).
 *
 * @throws StaffcastError `INVALID_INPUT` when `trainDays` is not a whole number in 1..days - 1 or
 *   the interval does not divide the day (`calibrationGrid`).
 * @example
 * import { resolveCalibrateOptions } from './options.js';
 * // two weekdays (Monday 1 and Tuesday 2 January 2024, UTC), a call a minute 10:00-10:59: waits 0-30 s,
 * // talk 120-180 s by agents A0-A2, every fifth caller hangs up after 30 s
 * const call = (day, k) => { const ab = k % 5 === 4, wait = ab ? 30 : (k % 4) * 10;
 *   return { arrivalMs: Date.UTC(2024, 0, 1 + day, 10) + k * 60_000, serviceType: 'PS', priority: 0,
 *     outcome: ab ? 'HANG' : 'AGENT', vruSeconds: 0, queued: wait > 0, queueSeconds: wait,
 *     servedByAgent: !ab, serviceSeconds: ab ? NaN : 120 + (k % 7) * 10, agent: ab ? '' : `A${k % 3}` }; };
 * const records = [0, 1].flatMap((day) => Array.from({ length: 60 }, (_, k) => call(day, k)));
 * const options = resolveCalibrateOptions({ timeZone: 'UTC' });
 * const frame = calibrationFrame(records, options);
 * [frame.grid.days, frame.trainDays]; // [2, 1]
 * frame.kpis.offered[20]; // 30 (Monday 10:00)
 */
export function calibrationFrame(
  records: readonly CallRecord[],
  options: Pick<
    ResolvedCalibrateOptions,
    | 'timeZone'
    | 'intervalMinutes'
    | 'thresholdSeconds'
    | 'busyWeekdays'
    | 'busyMinutes'
    | 'minBusyCalls'
    | 'trainDays'
  >,
): CalibrationFrame {
  const { timeZone, intervalMinutes, thresholdSeconds, busyWeekdays, minBusyCalls } = options;
  const [busyFrom, busyTo] = options.busyMinutes;
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  for (const r of records) {
    const t = queueEntryMs(r);
    if (t < firstMs) firstMs = t;
    if (t > lastMs) lastMs = t;
  }
  const grid = calibrationGrid(firstMs, lastMs, timeZone, intervalMinutes);
  const trainDays = options.trainDays ?? Math.floor(grid.days / 2);
  if (!(Number.isInteger(trainDays) && trainDays >= 1 && trainDays < grid.days))
    invalidInput('calibrate', 'trainDays', `must be a whole number in 1..${grid.days - 1}`, trainDays);
  const kpis = observedKpis(records, grid, { thresholdSeconds });
  return {
    firstMs,
    lastMs,
    grid,
    trainDays,
    kpis,
    isTrain: (i) => grid.dayIndex[i]! < trainDays,
    isBusy: (i) =>
      busyWeekdays.includes(grid.weekday[i]!) &&
      grid.minuteOfDay[i]! >= busyFrom &&
      grid.minuteOfDay[i]! < busyTo &&
      kpis.offered[i]! >= minBusyCalls,
  };
}

/** The busy intervals the fit and the scores use, by half (grid indices, increasing). */
export interface BusyHalves {
  /** Busy intervals of the training half: the availability factor is fitted on these only. */
  train: number[];
  /** Busy intervals of the held-out half: scored, never fitted on. */
  test: number[];
}

/**
 * Step 3 of `calibrate`: the busy intervals of each half that have a handle time to model with
 * (`frame.isBusy(i)` and `ahtSeconds[i] > 0`). O(intervals).
 *
 * @throws StaffcastError `NO_DATA` when the training half has no such interval.
 * @example
 * import { resolveCalibrateOptions } from './options.js';
 * import { handleTimes } from './handleTime.js';
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
 * busyHalves(frame, handleTime.seconds); // { train: [20, 21], test: [68, 69] } (10:00 and 10:30 of each day)
 */
export function busyHalves(frame: CalibrationFrame, ahtSeconds: ArrayLike<number>): BusyHalves {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < frame.grid.starts.length; i++) {
    if (!frame.isBusy(i) || !(ahtSeconds[i]! > 0)) continue;
    (frame.isTrain(i) ? train : test).push(i);
  }
  if (train.length === 0)
    throw new StaffcastError('NO_DATA', 'calibrate: no busy interval in the training days to fit on');
  return { train, test };
}
