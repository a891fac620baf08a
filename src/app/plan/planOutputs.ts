import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns';
import { type CsvCell, csvText } from '../../io/csvText.js';
import { writeRequirementCsv } from '../../io/requirementCsv.js';
import { quantileColumn, writeForecastCsv } from '../../io/writeForecastCsv.js';
import { formatInstant } from '../../time/formatInstant.js';
import type { PlanResult } from '../plan.js';

/** The files `staffcast plan` writes, in order. */
export const PLAN_FILES = [
  'forecast.csv',
  'requirements.csv',
  'schedule.csv',
  'coverage.csv',
  'summary.json',
  'report.html',
] as const;

/** File name -> content of a plan's output folder. */
export type PlanFileContents = Record<(typeof PLAN_FILES)[number], string>;

// Rounds to `digits` places; csvText writes a value that is not finite as an empty cell.
const round = (v: number, digits = 4) => Math.round(v * 10 ** digits) / 10 ** digits;

function iso(ms: number | undefined, tz: string): string {
  return ms === undefined || !Number.isFinite(ms) ? '' : formatISO(new TZDate(ms, tz));
}

/**
 * The shifts of a plan's schedule as CSV: one row per group of identical shifts (type, local day,
 * start and end as ISO-8601 with offset, paid minutes, count, breaks), through `csvText` (a
 * shift type or break name starting with `= + - @` is prefixed with `'`). O(shifts).
 *
 * @internal
 * @example
 * planScheduleCsv(result).split('\n')[0];
 * // 'type,day,start,end,length_minutes,paid_minutes,count,breaks'
 */
export function planScheduleCsv(result: PlanResult): string {
  const s = result.schedule;
  const tz = s.timeZone;
  const rows = s.shifts.map((sh) => ({
    type: sh.type,
    day: sh.day,
    start: sh.startMs === undefined ? sh.startTime : iso(sh.startMs, tz),
    end: sh.startMs === undefined ? sh.endTime : iso(sh.startMs + sh.lengthMinutes * 60_000, tz),
    length_minutes: sh.lengthMinutes,
    paid_minutes: sh.paidMinutes,
    count: sh.count,
    breaks: sh.breaks
      .map((b) => `${b.name} ${b.startTime} ${b.durationMinutes}min${b.paid ? ' paid' : ''}`)
      .join('; '),
  }));
  const columns = ['type', 'day', 'start', 'end', 'length_minutes', 'paid_minutes', 'count', 'breaks'];
  return csvText(rows, { header: true, columns });
}

/**
 * Coverage and service per interval as CSV: forecast calls, agents required on the phones and to
 * schedule, agents on shift, on break, net, on the phones after shrinkage, under/over the
 * scheduled requirement, and the service level, ASA, abandonment and occupancy the schedule gives;
 * with outbound configured, a last column `outbound_calls` (whole outbound calls that fit in the
 * interval, `PlanResult.outbound.calls`). Figures rounded to 4 places (ASA to 2), through
 * `csvText`: a value that is not finite (no forecast; the unbounded ASA of an interval with fewer
 * agents than its load) is an empty cell. O(intervals).
 *
 * @internal
 * @example
 * planCoverageCsv(result).split('\n')[0];
 * // 'interval_start,calls,required_agents,required_scheduled,scheduled,on_break,net,on_phone,under,over,service_level,asa_seconds,abandon_rate,occupancy'
 */
export function planCoverageCsv(result: PlanResult): string {
  const req = result.requirement;
  const c = result.schedule.coverage;
  const e = result.evaluation;
  const rows = Array.from(req.starts, (start, t) => {
    const need = c.required[t] ?? 0;
    const net = c.net[t] ?? 0;
    return [
      iso(start, req.timeZone),
      round(req.calls[t] ?? Number.NaN),
      req.agents[t] ?? 0,
      round(need),
      round(c.scheduled[t] ?? 0),
      round(c.onBreak[t] ?? 0),
      round(net),
      round(result.onPhoneAgents[t] ?? 0),
      round(Math.max(0, need - net)),
      round(Math.max(0, net - need)),
      round(e.serviceLevel[t] ?? Number.NaN),
      round(e.asaSeconds[t] ?? Number.NaN, 2),
      round(e.abandonRate[t] ?? Number.NaN),
      round(e.occupancy[t] ?? Number.NaN),
      ...(result.outbound === null ? [] : [result.outbound.calls[t] ?? 0]),
    ];
  });
  const header = [
    'interval_start',
    'calls',
    'required_agents',
    'required_scheduled',
    'scheduled',
    'on_break',
    'net',
    'on_phone',
    'under',
    'over',
    'service_level',
    'asa_seconds',
    'abandon_rate',
    'occupancy',
    ...(result.outbound === null ? [] : ['outbound_calls']),
  ];
  return csvText([header, ...rows]);
}

/**
 * The forecast CSV of a plan: for one queue `writeForecastCsv` (DESIGN.md section 5); for a
 * multi-queue plan the same columns with a `queue` column after `interval_start`, one row per
 * queue per interval (ordered by start, then config order; times with the offset of the first
 * queue's zone), `aht_seconds` and the `calls_pNN` columns when any queue has them (empty cells
 * where a queue has not), through `csvText` (a queue name starting with `= + - @` is prefixed
 * with `'`). O(rows x columns).
 *
 * @internal
 * @example
 * // result: plan of examples/plan-queues.json (three queues)
 * planForecastCsv(result).split('\n')[0]; // 'interval_start,queue,calls,aht_seconds'
 */
export function planForecastCsv(result: PlanResult): string {
  const queues = result.queues;
  if (queues === null) return writeForecastCsv(result.forecast);
  const tz = result.requirement.timeZone;
  const probabilities = [
    ...new Set(queues.flatMap((q) => (q.forecast.quantiles ?? []).map((x) => x.probability))),
  ].sort((a, b) => a - b);
  const withAht = queues.some((q) => q.forecast.ahtSeconds !== undefined);
  const rows: Array<[number, number, number]> = []; // start, queue, row
  queues.forEach((q, qi) => {
    q.forecast.starts.forEach((ms, i) => {
      rows.push([ms, qi, i]);
    });
  });
  rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const header = [
    'interval_start',
    'queue',
    'calls',
    ...(withAht ? ['aht_seconds'] : []),
    ...probabilities.map(quantileColumn),
  ];
  const body = rows.map(([ms, qi, i]): CsvCell[] => {
    const f = queues[qi]!.forecast;
    return [
      formatInstant(ms, tz),
      queues[qi]!.name,
      f.calls[i],
      ...(withAht ? [f.ahtSeconds?.[i]] : []),
      ...probabilities.map((p) => f.quantiles?.find((x) => x.probability === p)?.calls[i]),
    ];
  });
  return csvText([header, ...body]);
}

/**
 * The summary JSON of a plan: the figures of `PlanSummary` (Infinity written as the string
 * `"Infinity"`), the forecast method, the queueing model and the config with its defaults.
 *
 * @internal
 * @example
 * // result: plan of examples/plan.json
 * JSON.parse(planSummaryJson(result)).summary.serviceLevel; // 0.8369421558564418
 */
export function planSummaryJson(result: PlanResult): string {
  const out = {
    forecastMethod: result.forecast.method ?? null,
    model: result.requirement.model,
    timeZone: result.requirement.timeZone,
    intervalMinutes: result.requirement.intervalMinutes,
    intervals: result.requirement.starts.length,
    summary: result.summary,
    config: result.config,
  };
  return `${JSON.stringify(out, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`;
}

/**
 * All six output files of a plan (`PLAN_FILES`), given the rendered report HTML. With `queues`,
 * forecast.csv and requirements.csv have a `queue` column (one row per queue per interval);
 * schedule.csv and coverage.csv are the pool's; summary.json has the totals and `queues`.
 *
 * @example
 * Object.keys(planFileContents(result, html));
 * // ['forecast.csv', 'requirements.csv', 'schedule.csv', 'coverage.csv', 'summary.json', 'report.html']
 */
export function planFileContents(result: PlanResult, reportHtml: string): PlanFileContents {
  return {
    'forecast.csv': planForecastCsv(result),
    'requirements.csv': writeRequirementCsv(result.queueRequirements ?? result.requirement),
    'schedule.csv': planScheduleCsv(result),
    'coverage.csv': planCoverageCsv(result),
    'summary.json': planSummaryJson(result),
    'report.html': reportHtml,
  };
}

export { writeFilesAtomically } from '../../io/writeFilesAtomically.js';
