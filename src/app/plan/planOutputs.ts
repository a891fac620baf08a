import { writeCoverageCsv } from '../../io/coverageCsv.js';
import { jsonText } from '../../io/jsonText.js';
import { writeQueueForecastCsv } from '../../io/queueForecastCsv.js';
import { writeRequirementCsv } from '../../io/requirementCsv.js';
import { writeScheduleCsv } from '../../io/scheduleCsv.js';
import { writeForecastCsv } from '../../io/writeForecastCsv.js';
import type { PlanResult } from './planResult.js';

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

/**
 * What summary.json holds: the figures of `PlanSummary`, the forecast method, the queueing model,
 * the grid and the config with its defaults (written by `jsonText`: Infinity as `"Infinity"`).
 *
 * @example
 * // the fields of a plan result it reads: two half-hours staffed with Erlang C, forecast without a method
 * const doc = planSummaryDocument({ forecast: {}, config: { horizonDays: 1 },
 *   requirement: { model: 'erlang-c', timeZone: 'UTC', intervalMinutes: 30, starts: Float64Array.of(0, 1_800_000) },
 *   summary: { serviceLevel: 0.84 } });
 * doc; // { forecastMethod: null, model: 'erlang-c', timeZone: 'UTC', intervalMinutes: 30, intervals: 2,
 * //   summary: { serviceLevel: 0.84 }, config: { horizonDays: 1 } }
 */
export function planSummaryDocument(result: PlanResult) {
  return {
    forecastMethod: result.forecast.method ?? null,
    model: result.requirement.model,
    timeZone: result.requirement.timeZone,
    intervalMinutes: result.requirement.intervalMinutes,
    intervals: result.requirement.starts.length,
    summary: result.summary,
    config: result.config,
  };
}

/**
 * All six output files of a plan (`PLAN_FILES`), given the rendered report HTML, each written by
 * its `io` format: forecast.csv (`writeForecastCsv`; with `queues` `writeQueueForecastCsv`, a
 * `queue` column, times in the pool's zone), requirements.csv (`writeRequirementCsv`, with
 * `queues` every queue's rows), schedule.csv (`writeScheduleCsv`, the format of `staffcast
 * schedule`), coverage.csv (`writeCoverageCsv`, the pool's, `outbound_calls` with outbound),
 * summary.json (`jsonText` of `planSummaryDocument`) and report.html. O(output size).
 *
 * @example
 * import { plan } from '../plan.js';
 * // a one-day plan on the three-week bank fixture (Monday 2003-03-24, quarter-hours, New York)
 * const r = await plan({ history: { file: 'bank_3weeks_5min.csv', timeZone: 'America/New_York' },
 *   outputIntervalMinutes: 15, horizonDays: 3, target: { serviceLevel: 0.8, thresholdSeconds: 20 },
 *   ahtSeconds: 300, rules: 'rules.json' }, { baseDir: 'test/fixtures/plan' });
 * const files = planFileContents(r, '<html></html>');
 * Object.keys(files);
 * // ['forecast.csv', 'requirements.csv', 'schedule.csv', 'coverage.csv', 'summary.json', 'report.html']
 * files['forecast.csv'].split('\n')[1]; // '2003-03-24T07:00:00-05:00,252'
 * files['report.html']; // '<html></html>'
 */
export function planFileContents(result: PlanResult, reportHtml: string): PlanFileContents {
  const req = result.requirement;
  return {
    'forecast.csv':
      result.queues === null
        ? writeForecastCsv(result.forecast)
        : writeQueueForecastCsv(result.queues, req.timeZone),
    'requirements.csv': writeRequirementCsv(result.queueRequirements ?? req),
    'schedule.csv': writeScheduleCsv(result.schedule.shifts, result.schedule.timeZone),
    'coverage.csv': writeCoverageCsv({
      starts: req.starts,
      timeZone: req.timeZone,
      calls: req.calls,
      requiredAgents: req.agents,
      coverage: result.schedule.coverage,
      onPhoneAgents: result.onPhoneAgents,
      evaluation: result.evaluation,
      outboundCalls: result.outbound?.calls,
    }),
    'summary.json': jsonText(planSummaryDocument(result)),
    'report.html': reportHtml,
  };
}
