import { weekdayOfDayNumber } from '../time/localCalendar.js';
import type { DayTable } from './dayTable.js';
import type { TargetDay } from './model.js';

/** Open weekdays and open slots per weekday, learned from recent history. */
export interface OpenCalendar {
  /** 1 for each open weekday (0 = Sunday ... 6 = Saturday). */
  openWeekday: Uint8Array;
  /** 1 where slot j of weekday w is open, index `w * slotsPerDay + j`. */
  openSlot: Uint8Array;
}

/**
 * Learns opening hours from the last `weeks` weeks of rows before `end`: a weekday is open when it
 * has data in at least a third of those weeks (so a holiday or two does not close it), and a slot
 * of an open weekday is open when the series had that interval on at least half of that weekday's
 * days. Nothing about weekends is assumed. O(weeks * 7 * slots).
 *
 * @example
 * import { buildDayTable } from './dayTable.js';
 * // Mon-Fri 07:00-21:00 history -> Saturday and Sunday closed, 07:00-21:00 open on weekdays
 * // (here two weeks of daily totals, Monday to Friday only)
 * const days = Array.from({ length: 14 }, (_, d) => Date.UTC(2024, 0, 1 + d)).filter((_, d) => d % 7 < 5);
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, days.map(() => 100)) });
 * learnOpenCalendar(table, days.length).openWeekday; // Uint8Array [0, 1, 1, 1, 1, 1, 0] (Sunday first)
 */
export function learnOpenCalendar(table: DayTable, end: number, weeks = 8): OpenCalendar {
  const s = table.slotsPerDay;
  const openWeekday = new Uint8Array(7);
  const openSlot = new Uint8Array(7 * s);
  if (end === 0) return { openWeekday, openSlot };
  const last = table.dayNumbers[end - 1]!;
  const first = last - 7 * weeks + 1;
  const spanWeeks = Math.max(1, Math.min(weeks, Math.ceil((last - table.dayNumbers[0]! + 1) / 7)));
  const days = new Int32Array(7);
  const slotDays = new Int32Array(7 * s);
  for (let r = end - 1; r >= 0 && table.dayNumbers[r]! >= first; r--) {
    const w = table.weekdays[r]!;
    days[w] = days[w]! + 1;
    for (let j = 0; j < s; j++)
      if (table.present[r * s + j] === 1) slotDays[w * s + j] = slotDays[w * s + j]! + 1;
  }
  for (let w = 0; w < 7; w++) {
    if (days[w]! * 3 < spanWeeks || days[w] === 0) continue;
    openWeekday[w] = 1;
    for (let j = 0; j < s; j++) if (slotDays[w * s + j]! * 2 >= days[w]!) openSlot[w * s + j] = 1;
  }
  return { openWeekday, openSlot };
}

/**
 * The open days among the `horizonDays` local calendar days after `lastDay`, numbered by
 * `openDaysAhead`. O(horizonDays).
 *
 * @example
 * import { dayNumberOfDate } from '../time/localCalendar.js';
 * // lastDay a Friday, horizon 3, weekdays-only calendar -> [Monday (openDaysAhead 1)]
 * const weekdaysOnly = { openWeekday: Uint8Array.of(0, 1, 1, 1, 1, 1, 0), openSlot: new Uint8Array(7).fill(1) };
 * targetDaysAfter(dayNumberOfDate('2024-01-05'), 3, weekdaysOnly);
 * // [{ dayNumber: dayNumberOfDate('2024-01-08'), weekday: 1, openDaysAhead: 1 }]
 */
export function targetDaysAfter(lastDay: number, horizonDays: number, calendar: OpenCalendar): TargetDay[] {
  const out: TargetDay[] = [];
  for (let d = lastDay + 1; d <= lastDay + horizonDays; d++) {
    const weekday = weekdayOfDayNumber(d);
    if (calendar.openWeekday[weekday] === 1)
      out.push({ dayNumber: d, weekday, openDaysAhead: out.length + 1 });
  }
  return out;
}
