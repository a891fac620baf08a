import { localWallMs } from './localCalendar.js';
import type { Series } from './series.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Where each interval of a series falls in the local calendar (see `gridPositions`).
 *
 * @internal
 */
export interface GridPositions {
  /** Local day number of each interval (days since 1970-01-01 in the series' zone; `dateOfDayNumber` gives the date). */
  dayNumbers: Int32Array;
  /** Local weekday of each interval, 0 = Sunday ... 6 = Saturday. */
  weekdays: Uint8Array;
  /** Slot of each interval within its local day: floor(local minute of day / intervalMinutes). */
  slots: Int32Array;
  /** Slots in a (non-DST) day: 1440 / intervalMinutes. */
  slotsPerDay: number;
}

/**
 * For each interval of `series`: its local day number, local weekday and slot within the local day,
 * in the series' own zone. The slot is the local minute of day divided by the interval length, so
 * seasonal keys (weekday, slot) line up across DST changes; on a fall-back day the repeated hour
 * has the same slots twice and on a spring-forward day the skipped slots are absent. O(n).
 *
 * @internal
 * @example
 * const s = createSeries('America/New_York', 30, [Date.UTC(2003, 4, 5, 11), Date.UTC(2003, 4, 5, 11, 30)], [1, 2]);
 * gridPositions(s); // { dayNumbers: [12177, 12177], weekdays: [1, 1], slots: [14, 15], slotsPerDay: 48 }
 */
export function gridPositions(series: Series): GridPositions {
  const n = series.starts.length;
  const dayNumbers = new Int32Array(n);
  const weekdays = new Uint8Array(n);
  const slots = new Int32Array(n);
  const intervalMs = series.intervalMinutes * MINUTE_MS;
  for (let i = 0; i < n; i++) {
    const wall = localWallMs(series.starts[i]!, series.timeZone);
    const day = Math.floor(wall / DAY_MS);
    dayNumbers[i] = day;
    weekdays[i] = (((day + 4) % 7) + 7) % 7;
    slots[i] = Math.floor((wall - day * DAY_MS) / intervalMs);
  }
  return { dayNumbers, weekdays, slots, slotsPerDay: 1440 / series.intervalMinutes };
}
