import type { CalibrationFrame } from '../frame.js';
import { intervalIndex } from '../grid.js';
import { type HourlyTable, hourCell, hourCellValue, hourlyRatio } from '../hourlyTable.js';
import type { ResolvedCalibrateOptions } from '../options.js';
import { type CallRecord, classifyCall, queueEntryMs, waitSeconds } from '../records.js';
import { abandonmentHazard, type HazardBand } from './abandonHazard.js';
import { matchedAbandonRate, scaledCellHazard } from './hazardPatience.js';

/**
 * Waiting-time band edges (s) of `PatienceCheck.hazard` and of the hazard-matched patience; the
 * last band runs from 360 s to Infinity.
 *
 * @example
 * HAZARD_EDGES_SECONDS.length; // 10 (bands 0-10 s, 10-20 s, ..., 240-360 s, 360 s and more)
 */
export const HAZARD_EDGES_SECONDS: readonly number[] = [0, 10, 20, 30, 60, 90, 120, 180, 240, 360];

/** The patience `calibrate` gives Erlang A, and the measurements it came from. */
export interface FittedPatience {
  /** Exponential patience MLE (s) by local hour and day type over the training days. */
  byHour: HourlyTable;
  /** The same over the held-out days (used only with `patienceFrom` 'evaluated'). */
  byHourHeldOut: HourlyTable;
  /** Exponential patience of each grid interval (s), from the table of its `patienceFrom` days. */
  seconds: Float64Array;
  /** Abandonment hazard by waiting band over every queued call of the training days. */
  trainHazard: HazardBand[];
  /**
   * Patience (s) given to Erlang A in interval i: undefined when none was estimated (no finite
   * positive MLE); the exponential level without an agent count (NaN) or with `patienceModel`
   * 'exponential'; with 'hazard', the patience matching the cell's hazard at the waits `agents`
   * agents produce (memoised per interval), undefined when that abandon rate is not positive.
   */
  secondsAt: (i: number, agents: number) => number | undefined;
}

/** A call that reached the agent queue: its grid interval, wait and outcome. */
interface QueuedCall {
  interval: number;
  waitSeconds: number;
  abandoned: boolean;
}

/** The answered and abandoned calls whose queue entry falls in the grid, in record order. */
function queuedCalls(records: readonly CallRecord[], frame: CalibrationFrame): QueuedCall[] {
  const calls: QueuedCall[] = [];
  for (const r of records) {
    const cls = classifyCall(r);
    if (cls !== 'answered' && cls !== 'abandoned') continue;
    const interval = intervalIndex(frame.grid, queueEntryMs(r));
    if (interval >= 0) calls.push({ interval, waitSeconds: waitSeconds(r), abandoned: cls === 'abandoned' });
  }
  return calls;
}

function hazardOf(calls: readonly QueuedCall[]): HazardBand[] {
  return abandonmentHazard(
    calls.map((c) => c.waitSeconds),
    calls.map((c) => c.abandoned),
    HAZARD_EDGES_SECONDS,
  );
}

/**
 * Step 2 of `calibrate` (with `handleTimes`): the patience of every interval. Exponential patience
 * is the maximum likelihood abandonments / total waiting time of all queued callers (`hourlyRatio`
 * of waits and abandonments, a cell needs `minPatienceAbandons`), by local hour and day type, from
 * the training days (`patienceFrom` 'train') or from each half's own days ('evaluated'). With
 * `patienceModel` 'hazard', each (hour, day type) cell also gets the pooled hazard shape of its
 * half scaled to its MLE (`scaledCellHazard`), and `secondsAt` matches it to the waits of the
 * interval at a given agent count (`matchedAbandonRate`). The training days' hazard is always
 * measured for the patience check. O(records + intervals), plus 48 hazard tables per half with
 * 'hazard'.
 *
 * @example
 * import { resolveCalibrateOptions } from '../options.js';
 * import { calibrationFrame } from '../frame.js';
 * import { handleTimes } from '../handleTime.js';
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
 * patience.byHour.workweek[10]; // 90 (waiting seconds of the queued callers / abandonments)
 */
export function fitPatience(
  records: readonly CallRecord[],
  frame: CalibrationFrame,
  ahtSeconds: ArrayLike<number>,
  options: Pick<
    ResolvedCalibrateOptions,
    'busyWeekdays' | 'minPatienceAbandons' | 'patienceFrom' | 'patienceModel' | 'intervalMinutes'
  >,
): FittedPatience {
  const { grid, kpis, isTrain } = frame;
  const { busyWeekdays, minPatienceAbandons, patienceFrom, patienceModel, intervalMinutes } = options;
  const byHour = hourlyRatio(
    kpis.waitSecondsTotal,
    kpis.abandoned,
    grid,
    isTrain,
    busyWeekdays,
    minPatienceAbandons,
  );
  const byHourHeldOut = hourlyRatio(
    kpis.waitSecondsTotal,
    kpis.abandoned,
    grid,
    (i) => !isTrain(i),
    busyWeekdays,
    minPatienceAbandons,
  );
  const cellOf = (i: number): number => hourCell(grid, busyWeekdays, i);
  const heldOutTable = (i: number): boolean => patienceFrom === 'evaluated' && !isTrain(i);
  const seconds = new Float64Array(grid.starts.length);
  for (let i = 0; i < seconds.length; i++)
    seconds[i] = hourCellValue(heldOutTable(i) ? byHourHeldOut : byHour, cellOf(i));
  // every queued call (answered or abandoned) in the grid, in record order: the patience check and
  // the hazard model read their waits
  const queued = queuedCalls(records, frame);
  const trainHazard = hazardOf(queued.filter((c) => isTrain(c.interval)));
  // 'hazard': per half, the pooled shape by waiting band scaled to each (hour, day type) cell's MLE
  const cellHazards =
    patienceModel === 'hazard'
      ? [true, false].map((train) => {
          const half = queued.filter((c) => isTrain(c.interval) === train);
          const pooled = train ? trainHazard : hazardOf(half);
          const levels = train ? byHour : byHourHeldOut;
          return Array.from({ length: 48 }, (_, c) =>
            scaledCellHazard(
              pooled,
              hazardOf(half.filter((call) => cellOf(call.interval) === c)),
              1 / hourCellValue(levels, c),
            ),
          );
        })
      : undefined;
  const matchedRates: ((agents: number) => number)[] = [];
  const secondsAt = (i: number, agents: number): number | undefined => {
    const level = seconds[i]!;
    if (!(Number.isFinite(level) && level > 0)) return undefined;
    if (cellHazards === undefined || !Number.isFinite(agents)) return level;
    const hazard = cellHazards[heldOutTable(i) ? 1 : 0]![cellOf(i)]!;
    if (!hazard.every((x) => Number.isFinite(x))) return level;
    matchedRates[i] ??= matchedAbandonRate(
      { arrivalsPerSecond: kpis.offered[i]! / (intervalMinutes * 60), ahtSeconds: ahtSeconds[i]! },
      HAZARD_EDGES_SECONDS,
      hazard,
    );
    const theta = matchedRates[i](agents);
    return theta > 0 && Number.isFinite(theta) ? 1 / theta : undefined;
  };
  return { byHour, byHourHeldOut, seconds, trainHazard, secondsAt };
}
