import { createSeries } from '../../src/time/series.js';

/** 2024-01-01, a Monday, as epoch ms. */
export const MONDAY_MS = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

/**
 * A UTC history of `days` days from Monday 2024-01-01 at `intervalMinutes`, keeping the intervals
 * for which `value(day, weekday, slot)` is not undefined (undefined = closed).
 */
export function makeHistory(
  days: number,
  intervalMinutes: number,
  value: (day: number, weekday: number, slot: number) => number | undefined,
) {
  const starts: number[] = [];
  const values: number[] = [];
  const slots = 1440 / intervalMinutes;
  for (let d = 0; d < days; d++) {
    const weekday = (d + 1) % 7;
    for (let j = 0; j < slots; j++) {
      const v = value(d, weekday, j);
      if (v === undefined) continue;
      starts.push(MONDAY_MS + d * DAY_MS + j * intervalMinutes * 60_000);
      values.push(v);
    }
  }
  return { calls: createSeries('UTC', intervalMinutes, starts, values) };
}

/** Business hours 09:00-12:00 (hourly slots 9, 10, 11) Monday to Friday. */
export function officeHours(weekday: number, slot: number): boolean {
  return weekday >= 1 && weekday <= 5 && slot >= 9 && slot <= 11;
}
