import { localDayNumber } from './localCalendar.js';
import { startOfLocalDay } from './localDayIntervals.js';

/**
 * The start of the local day after the one containing `epochMs` (see `startOfLocalDay` for
 * days whose midnight is skipped). O(1).
 *
 * @internal
 * @example
 * nextLocalMidnight(Date.UTC(2003, 4, 5, 15), 'America/New_York') === Date.UTC(2003, 4, 6, 4); // true
 */
export function nextLocalMidnight(epochMs: number, timeZone: string): number {
  return startOfLocalDay(localDayNumber(epochMs, timeZone) + 1, timeZone);
}
