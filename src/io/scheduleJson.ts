import type { ShiftSchedule } from '../scheduling/scheduleShifts.js';
import { formatInstant } from '../time/formatInstant.js';
import { scheduleCoverageRows } from './coverageCsv.js';

/** Instant as ISO-8601 with the zone's offset; '' when there is none (no real clock). */
function instant(ms: number | undefined, timeZone: string): string {
  return ms === undefined || !Number.isFinite(ms) ? '' : formatInstant(ms, timeZone);
}

/**
 * A schedule as one JSON document (`staffcast schedule --json`): status, break method, objective,
 * bound, gap, greedy objective, under/over agent-intervals, efficiency; the shifts with `start`
 * and `end` (ISO-8601 with the offset of `timeZone`) and each break's `start`; the intervals no
 * shift can cover (their starts), the warnings, the tours when the rules asked for them, and the
 * coverage per interval (`scheduleCoverageRows`). Indented by 2, newline at the
 * end. O(shifts + intervals).
 *
 * @example
 * // 2 agents 02:00-06:00 on Monday 2024-01-01 (UTC) with 4-hour shifts
 * const starts = Array.from({ length: 8 }, (_, h) => Date.UTC(2024, 0, 1, h));
 * const s = await scheduleShifts({ intervalMinutes: 60, timeZone: 'UTC', required: [0, 0, 2, 2, 2, 2, 0, 0],
 *   starts },
 *   { shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '04:00', startStepMinutes: 60,
 *     lengthsMinutes: [240] }] });
 * JSON.parse(writeScheduleJson(s, 'UTC')).shifts[0].start; // '2024-01-01T02:00:00Z'
 */
export function writeScheduleJson(s: ShiftSchedule, timeZone: string): string {
  const out = {
    status: s.status,
    breakMethod: s.breakMethod,
    objective: s.objective,
    bestBound: s.bestBound,
    gap: s.gap,
    greedyObjective: s.greedyObjective,
    underAgentIntervals: s.underAgentIntervals,
    overAgentIntervals: s.overAgentIntervals,
    efficiency: s.efficiency,
    shifts: s.shifts.map((sh) => ({
      ...sh,
      start: instant(sh.startMs, timeZone),
      end: instant(sh.endMs, timeZone),
      breaks: sh.breaks.map((b) => ({ ...b, start: instant(b.startMs, timeZone) })),
    })),
    uncoverable: s.uncoverable.map((t) => instant(s.starts?.[t], timeZone)),
    warnings: s.warnings,
    ...(s.tours === undefined ? {} : { tours: s.tours }),
    coverage: scheduleCoverageRows(s.coverage, s.starts, timeZone),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
