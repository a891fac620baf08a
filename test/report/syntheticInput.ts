/**
 * Synthetic `ReportInput`s for tests: open `openHour`..`closeHour` local time every day, a smooth
 * daily curve of calls, required = ceil(calls / 4), scheduled = required - 1 in the first open hour
 * and + 1 in the last (so both under- and overstaffing occur). Local times come from TZDate.
 */
import { TZDate } from '@date-fns/tz';
import type { ReportInput } from '../../src/report/types.js';

/** Options of `syntheticInput`. */
export interface SyntheticOptions {
  timeZone?: string;
  intervalMinutes?: number;
  /** First local day (year, month 1..12, day). */
  start?: [number, number, number];
  days?: number;
  openHour?: number;
  closeHour?: number;
  historyDays?: number;
}

/** Builds the synthetic input described in the file comment. */
export function syntheticInput(o: SyntheticOptions = {}): ReportInput {
  const tz = o.timeZone ?? 'Europe/Madrid';
  const m = o.intervalMinutes ?? 15;
  const [y, mo, d] = o.start ?? [2024, 3, 4];
  const days = o.days ?? 7;
  const open = o.openHour ?? 8;
  const close = o.closeHour ?? 20;
  const grid = (firstDay: number, count: number) => {
    const starts: number[] = [];
    for (let day = 0; day < count; day++) {
      for (let minute = open * 60; minute < close * 60; minute += m) {
        starts.push(
          new TZDate(y, mo - 1, d + firstDay + day, Math.floor(minute / 60), minute % 60, tz).getTime(),
        );
      }
    }
    return starts;
  };
  const curve = (t: number) => {
    const local = new TZDate(t, tz);
    const h = local.getHours() + local.getMinutes() / 60;
    return Math.round(10 + 40 * Math.sin((Math.PI * (h - open)) / (close - open)) ** 2);
  };
  const starts = grid(0, days);
  const calls = starts.map(curve);
  const required = calls.map((c) => Math.ceil(c / 4));
  const perDay = ((close - open) * 60) / m;
  const scheduled = required.map((r, i) => {
    const k = i % perDay;
    if (k < 60 / m) return Math.max(0, r - 1);
    if (k >= perDay - 60 / m) return r + 1;
    return r;
  });
  const hStarts = grid(-(o.historyDays ?? 14), o.historyDays ?? 14);
  return {
    title: 'Synthetic plan',
    timeZone: tz,
    intervalMinutes: m,
    generatedAt: Date.UTC(2024, 2, 1, 12, 0),
    history: { starts: hStarts, calls: hStarts.map(curve) },
    forecast: {
      starts,
      calls,
      p10: calls.map((c) => c * 0.8),
      p90: calls.map((c) => c * 1.2),
    },
    staffing: { starts, requiredAgents: required, scheduledAgents: scheduled },
    serviceLevel: {
      starts,
      values: scheduled.map((s, i) => (s >= required[i]! ? 0.85 : 0.6)),
      target: 0.8,
      thresholdSeconds: 20,
    },
    summary: {
      forecastCalls: calls.reduce((a, b) => a + b, 0),
      peakRequiredAgents: Math.max(...required),
      peakScheduledAgents: Math.max(...scheduled),
      serviceLevel: 0.82,
      scheduleStatus: 'feasible',
      scheduleGap: 0.012,
    },
  };
}
