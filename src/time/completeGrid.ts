import { dateOfDayNumber, localWallMs, weekdayOfDayNumber } from './localCalendar.js';
import { checkInterval, localDayIntervals } from './localDayIntervals.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** A run of consecutive missing intervals (a data gap inside open hours). */
export interface GapRange {
  /** Epoch ms of the first missing interval. */
  start: number;
  /** Epoch ms of the end of the last missing interval (exclusive). */
  end: number;
  /** Number of missing intervals in the run. */
  intervals: number;
}

/**
 * The full interval grid of observed starts, with gaps told apart from closed periods.
 *
 * @internal
 */
export interface CompletedGrid {
  /** Grid starts: every observed start plus every gap interval, strictly increasing. */
  starts: Float64Array;
  /** For each grid interval, the index of its observed start, or -1 for a gap (NaN in a series). */
  observed: Int32Array;
  /** Gap intervals (observed = -1). */
  gapIntervals: number;
  /** Runs of gap intervals. */
  gaps: GapRange[];
  /** Local days with at least one observed or reported interval. */
  openDays: number;
  /** Weekdays (0 = Sunday) with no observed interval at all. */
  closedWeekdays: number[];
  /** Absent local dates (`YYYY-MM-DD`) between the first and last day whose weekday is otherwise open. */
  closedDays: string[];
  /** Absent intervals on open days outside the learned opening hours. */
  closedIntervals: number;
}

/**
 * Completes observed interval starts (sorted, unique, on the local grid of `intervalMinutes`)
 * into a series grid, deciding for every absent interval between the first and last start
 * whether it is a gap (missing data: kept as NaN) or closed (centre shut: left out):
 *
 * - a local day with no observed or reported interval is closed (a closed weekday when its weekday never has
 *   data, else a closed day such as a holiday);
 * - on a day with data, the opening hours are learned per weekday: slot s of weekday w is open
 *   when it is observed on at least half of the days of weekday w that have data. An absent open
 *   slot is a gap; an absent slot outside the learned hours is closed (nights).
 *
 * - `reported` starts (rows the file had but that could not be used) are always gaps, and count as
 *   evidence of opening like observed ones.
 *
 * DST days use their own local grid (`localDayIntervals`). O(n + days * 1440 / intervalMinutes).
 *
 * @internal
 * @example
 * // one day with 09:00 and 11:00: 10:00 was never observed, so it is outside the learned hours
 * completeGrid(Float64Array.of(Date.UTC(2024, 4, 6, 9), Date.UTC(2024, 4, 6, 11)), 'UTC', 60).closedIntervals; // 1
 */
export function completeGrid(
  starts: Float64Array,
  timeZone: string,
  intervalMinutes: number,
  reported: ArrayLike<number> = [],
): CompletedGrid {
  checkInterval('completeGrid', intervalMinutes);
  const n = starts.length;
  const slotsPerDay = 1440 / intervalMinutes;
  const intervalMs = intervalMinutes * MINUTE_MS;
  if (n === 0) {
    return {
      starts: new Float64Array(0),
      observed: new Int32Array(0),
      gapIntervals: 0,
      gaps: [],
      openDays: 0,
      closedWeekdays: [0, 1, 2, 3, 4, 5, 6],
      closedDays: [],
      closedIntervals: 0,
    };
  }
  const slotOf = (start: number, day: number): number =>
    Math.floor((localWallMs(start, timeZone) - day * DAY_MS) / intervalMs);

  // evidence of opening: observed starts plus reported (rejected) ones, each (day, slot) once
  const reportedSet = new Set<number>();
  for (let r = 0; r < reported.length; r++) reportedSet.add(reported[r]!);
  const seenDaySlot = new Set<number>();
  const slotCount = new Int32Array(7 * slotsPerDay);
  const daySet = new Set<number>();
  const note = (start: number): void => {
    const wall = localWallMs(start, timeZone);
    const day = Math.floor(wall / DAY_MS);
    const slot = Math.floor((wall - day * DAY_MS) / intervalMs);
    daySet.add(day);
    const key = day * slotsPerDay + slot;
    if (seenDaySlot.has(key)) return;
    seenDaySlot.add(key);
    slotCount[weekdayOfDayNumber(day) * slotsPerDay + slot]!++;
  };
  for (let i = 0; i < n; i++) note(starts[i]!);
  for (const start of reportedSet) note(start);
  const dayList = [...daySet].sort((a, b) => a - b);
  const daysPerWeekday = new Int32Array(7);
  for (const day of dayList) daysPerWeekday[weekdayOfDayNumber(day)]!++;

  const closedWeekdays: number[] = [];
  for (let w = 0; w < 7; w++) if (daysPerWeekday[w] === 0) closedWeekdays.push(w);
  const closedDays: string[] = [];
  let firstStart = starts[0]!;
  let lastStart = starts[n - 1]!;
  for (const start of reportedSet) {
    firstStart = Math.min(firstStart, start);
    lastStart = Math.max(lastStart, start);
  }
  const gridStarts: number[] = [];
  const observed: number[] = [];
  const gaps: GapRange[] = [];
  let gapIntervals = 0;
  let closedIntervals = 0;
  let i = 0;
  let previousDay = dayList[0]! - 1;
  for (const day of dayList) {
    for (let d = previousDay + 1; d < day; d++) {
      if (daysPerWeekday[weekdayOfDayNumber(d)]! > 0) closedDays.push(dateOfDayNumber(d));
    }
    previousDay = day;
    const weekday = weekdayOfDayNumber(day);
    const need = daysPerWeekday[weekday]!;
    for (const start of localDayIntervals(day, timeZone, intervalMinutes)) {
      if (start < firstStart || start > lastStart) continue;
      while (i < n && starts[i]! < start) {
        // an observed start off this day's grid cannot happen for aligned input; keep it anyway
        gridStarts.push(starts[i]!);
        observed.push(i);
        i++;
      }
      if (i < n && starts[i] === start) {
        gridStarts.push(start);
        observed.push(i);
        i++;
        continue;
      }
      const slot = slotOf(start, day);
      if (reportedSet.has(start) || slotCount[weekday * slotsPerDay + slot]! * 2 >= need) {
        gridStarts.push(start);
        observed.push(-1);
        gapIntervals++;
        const last = gaps[gaps.length - 1];
        if (last !== undefined && observed.length >= 2 && observed[observed.length - 2] === -1) {
          last.end = start + intervalMs;
          last.intervals++;
        } else {
          gaps.push({ start, end: start + intervalMs, intervals: 1 });
        }
      } else {
        closedIntervals++;
      }
    }
  }
  while (i < n) {
    gridStarts.push(starts[i]!);
    observed.push(i);
    i++;
  }
  return {
    starts: Float64Array.from(gridStarts),
    observed: Int32Array.from(observed),
    gapIntervals,
    gaps,
    openDays: dayList.length,
    closedWeekdays,
    closedDays,
    closedIntervals,
  };
}
