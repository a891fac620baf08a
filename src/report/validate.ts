import { invalidInput } from '../errors.js';
import { isKnownTimeZone } from '../time/zoneOffset.js';
import type { ReportInput } from './types.js';

const FN = 'renderReport';

/**
 * Checks the invariants of a `ReportInput` before rendering: a known IANA zone, an interval length
 * dividing a day, a finite `generatedAt`, shifts with finite counts and paid minutes >= 0, every series with strictly increasing finite starts and one
 * value per start, a P10/P90 band given as a pair, a service-level target in 0..1, unique scenario
 * column labels and scenario rows with one value per column. O(n) over all series.
 * `renderReportHtml` and `renderTerminalSummary` call it first.
 *
 * @throws StaffcastError `INVALID_INPUT` naming the field, e.g.
 *   "renderReport: staffing.scheduledAgents must have one value per start (96) (got 95)".
 * @internal
 * @example
 * validateReportInput({ title: 'Week 19', timeZone: 'UTC', intervalMinutes: 7 } as ReportInput);
 * // throws "renderReport: intervalMinutes must be a whole number of minutes dividing 1440 (got 7)"
 */
export function validateReportInput(input: ReportInput): void {
  if (typeof input.title !== 'string') invalidInput(FN, 'title', 'must be a string', input.title);
  if (!isKnownTimeZone(input.timeZone))
    invalidInput(FN, 'timeZone', 'must be an IANA time-zone name', input.timeZone);
  const m = input.intervalMinutes;
  if (!Number.isInteger(m) || m <= 0 || 1440 % m !== 0) {
    invalidInput(FN, 'intervalMinutes', 'must be a whole number of minutes dividing 1440', m);
  }
  if (!Number.isFinite(input.generatedAt)) {
    invalidInput(FN, 'generatedAt', 'must be a finite epoch ms', input.generatedAt);
  }
  if (input.history) checkSeries('history', input.history.starts, { calls: input.history.calls });
  const f = input.forecast;
  if ((f.p10 === undefined) !== (f.p90 === undefined)) {
    invalidInput(FN, 'forecast.p10', 'and forecast.p90 must be given together');
  }
  checkSeries('forecast', f.starts, {
    calls: f.calls,
    ...(f.p10 ? { p10: f.p10 } : {}),
    ...(f.p90 ? { p90: f.p90 } : {}),
  });
  const s = input.staffing;
  checkSeries('staffing', s.starts, { requiredAgents: s.requiredAgents, scheduledAgents: s.scheduledAgents });
  const sl = input.serviceLevel;
  if (sl) {
    checkSeries('serviceLevel', sl.starts, { values: sl.values });
    if (!(sl.target >= 0 && sl.target <= 1)) {
      invalidInput(FN, 'serviceLevel.target', 'must be a fraction in 0..1', sl.target);
    }
  }
  input.shifts?.forEach((sh, i) => {
    if (!(sh.count >= 0) || !Number.isFinite(sh.count))
      invalidInput(FN, `shifts[${i}].count`, 'must be a finite number >= 0', sh.count);
    if (!(sh.paidMinutes >= 0) || !Number.isFinite(sh.paidMinutes))
      invalidInput(FN, `shifts[${i}].paidMinutes`, 'must be a finite number >= 0', sh.paidMinutes);
  });
  const sc = input.scenarios;
  if (sc) {
    const labels = sc.columns.map((c) => c.label);
    labels.forEach((label, j) => {
      if (labels.indexOf(label) !== j)
        invalidInput(FN, `scenarios.columns[${j}].label`, 'must be unique', label);
    });
    sc.rows.forEach((row, i) => {
      if (row.values.length !== sc.columns.length) {
        invalidInput(
          FN,
          `scenarios.rows[${i}].values`,
          `must have one value per column (${sc.columns.length})`,
          row.values.length,
        );
      }
    });
  }
}

/** Throws unless `starts` is strictly increasing and finite and every column has its length. */
function checkSeries(
  name: string,
  starts: ArrayLike<number>,
  columns: Record<string, ArrayLike<number>>,
): void {
  for (let i = 0; i < starts.length; i++) {
    const t = starts[i]!;
    if (!Number.isFinite(t)) invalidInput(FN, `${name}.starts[${i}]`, 'must be a finite epoch ms', t);
    if (i > 0 && t <= starts[i - 1]!)
      invalidInput(FN, `${name}.starts[${i}]`, 'must be strictly increasing', t);
  }
  for (const [key, values] of Object.entries(columns)) {
    if (values.length !== starts.length) {
      invalidInput(FN, `${name}.${key}`, `must have one value per start (${starts.length})`, values.length);
    }
  }
}
