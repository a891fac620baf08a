import { invalidInput } from '../errors.js';
import { localDayNumber } from '../time/localCalendar.js';
import { assertTimeZone } from '../time/zoneOffset.js';
import type { SimulationInput, SimulationQueue } from './types.js';

/** A requirement-like series: per interval start the calls offered, the AHT and the agents on duty. */
export interface SimulationSeries {
  /** IANA zone of the local days (`dayIndex`). */
  timeZone: string;
  /** Interval length in minutes (> 0, at most 1440). */
  intervalMinutes: number;
  /** Epoch ms of each interval start, strictly increasing, each one or more whole intervals after the one before. */
  starts: ArrayLike<number>;
  /** Expected calls per interval (finite, >= 0). */
  calls: ArrayLike<number>;
  /** Mean handle time per interval, or one number (finite, > 0). */
  ahtSeconds: number | ArrayLike<number>;
  /** Agents on duty per interval (non-negative integers). */
  agents: ArrayLike<number>;
}

/** The simulation grid built by `simulationInputFromSeries`. */
export interface SeriesSimulationInput {
  /** One queue with the series' calls and AHT; closed intervals have no calls and no agents. */
  input: SimulationInput;
  /** Epoch ms of every grid interval start (the series' starts plus the closed intervals between). */
  gridStarts: Float64Array;
  /** For each series row, its grid interval: `result.intervals[rowInterval[i]]` is row i's figure. */
  rowInterval: Int32Array;
}

/**
 * Builds the input of `simulate` from a requirement-like series on the real clock. The simulation
 * needs continuous time, so the grid is completed: where two consecutive starts are m > 1 intervals
 * apart (the centre was closed), the m - 1 intervals between are added with no calls and no agents
 * (a caller still waiting at closing waits for the next open interval, or is counted as waiting at
 * the end). Days are the local dates in `timeZone` (DST days have 23 or 25 hours). Extra queue
 * settings (patience, handle-time law ...) go in `queue`. Cost O(grid intervals).
 *
 * @throws StaffcastError INVALID_INPUT naming `simulationInputFromSeries`: lengths differ, starts not
 *   increasing or not whole intervals apart, a missing (NaN) or negative count, a bad AHT or agent
 *   count, an unknown time zone
 * @example
 * const h = 3_600_000;
 * simulationInputFromSeries({ timeZone: 'UTC', intervalMinutes: 60, starts: [0, h, 3 * h],
 *   calls: [10, 20, 30], ahtSeconds: 180, agents: [1, 2, 3] }).input.agents; // Int32Array [1, 2, 0, 3]
 */
export function simulationInputFromSeries(
  series: SimulationSeries,
  queue: Omit<SimulationQueue, 'callsPerInterval' | 'ahtSeconds'> = {},
): SeriesSimulationInput {
  const fn = 'simulationInputFromSeries';
  const { starts, calls, agents } = series;
  assertTimeZone(fn, series.timeZone);
  const minutes = series.intervalMinutes;
  if (typeof minutes !== 'number' || !(minutes > 0 && minutes <= 1440))
    invalidInput(fn, 'intervalMinutes', 'must be a number in (0, 1440]', minutes);
  const n = starts.length;
  if (n === 0) invalidInput(fn, 'starts', 'must have at least one interval');
  if (calls.length !== n) invalidInput(fn, 'calls.length', `must equal starts.length ${n}`, calls.length);
  if (agents.length !== n) invalidInput(fn, 'agents.length', `must equal starts.length ${n}`, agents.length);
  const aht = series.ahtSeconds;
  if (typeof aht !== 'number' && aht.length !== n)
    invalidInput(fn, 'ahtSeconds.length', `must equal starts.length ${n}`, aht.length);
  const step = minutes * 60_000;
  const rowInterval = new Int32Array(n);
  let size = 1;
  for (let i = 1; i < n; i++) {
    const gap = (starts[i]! - starts[i - 1]!) / step;
    if (!(Number.isInteger(gap) && gap >= 1))
      invalidInput(
        fn,
        `starts[${i}]`,
        `must be a whole number of ${minutes}-minute intervals after starts[${i - 1}]`,
        starts[i],
      );
    size += gap;
    rowInterval[i] = size - 1;
  }
  const gridStarts = new Float64Array(size);
  const gridCalls = new Float64Array(size);
  const gridAht = new Float64Array(size);
  const gridAgents = new Int32Array(size);
  const dayIndex = new Int32Array(size);
  for (let k = 0; k < size; k++) gridStarts[k] = starts[0]! + k * step;
  // closed intervals: no calls, no agents; their AHT (the row's before) is never used: no call arrives
  for (let i = 0; i < n; i++) {
    const k = rowInterval[i]!;
    const c = calls[i]!;
    if (!(c >= 0 && c < Number.POSITIVE_INFINITY))
      invalidInput(fn, `calls[${i}]`, 'must be finite and >= 0 (NaN: missing data, fill it first)', c);
    const a = agents[i]!;
    if (!(Number.isInteger(a) && a >= 0))
      invalidInput(fn, `agents[${i}]`, 'must be a non-negative integer', a);
    const h = typeof aht === 'number' ? aht : aht[i]!;
    if (!(h > 0 && h < Number.POSITIVE_INFINITY))
      invalidInput(
        fn,
        typeof aht === 'number' ? 'ahtSeconds' : `ahtSeconds[${i}]`,
        'must be finite and > 0',
        h,
      );
    gridCalls[k] = c;
    gridAgents[k] = a;
    gridAht[k] = h;
    const end = i + 1 < n ? rowInterval[i + 1]! : size;
    gridAht.fill(h, k + 1, end);
  }
  const first = localDayNumber(gridStarts[0]!, series.timeZone);
  for (let k = 0; k < size; k++) dayIndex[k] = localDayNumber(gridStarts[k]!, series.timeZone) - first;
  return {
    input: {
      intervalMinutes: minutes,
      agents: gridAgents,
      dayIndex,
      queues: [{ ...queue, callsPerInterval: gridCalls, ahtSeconds: gridAht }],
    },
    gridStarts,
    rowInterval,
  };
}
