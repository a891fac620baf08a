import { csvText } from '../io/csvText.js';
import type { ScenarioRow } from './compareScenarios.js';

/** Columns of the scenario table: header and how a row's figure is written. */
const COLUMNS: ReadonlyArray<readonly [string, keyof ScenarioRow, (v: number) => string]> = [
  ['calls', 'forecastCalls', (v) => v.toFixed(0)],
  ['agent_hours', 'agentHours', (v) => v.toFixed(1)],
  ['fte', 'fte', (v) => v.toFixed(1)],
  ['peak_agents', 'peakAgents', (v) => v.toFixed(0)],
  ['schedule_cost', 'scheduleCost', (v) => v.toFixed(1)],
  ['service_level', 'serviceLevel', (v) => v.toFixed(3)],
  ['asa_seconds', 'asaSeconds', (v) => v.toFixed(1)],
  ['abandon_rate', 'abandonRate', (v) => v.toFixed(3)],
  ['outbound_calls', 'outboundCalls', (v) => v.toFixed(0)],
];

/**
 * Whether a row's schedule was not proven optimal (its MIP stopped at the time limit, or had no
 * bound): such a row can differ between runs. False without scheduling. O(1).
 *
 * @example
 * scheduleNotProven({ scheduleStatus: 'feasible' }); // true
 * scheduleNotProven({ scheduleStatus: 'optimal' }); // false
 * scheduleNotProven({ scheduleStatus: null }); // false
 */
export function scheduleNotProven(row: Pick<ScenarioRow, 'scheduleStatus'>): boolean {
  return row.scheduleStatus !== null && row.scheduleStatus !== 'optimal';
}

/**
 * The one-line explanation of the `*` that `formatScenarioTable` puts after the schedule cost of
 * a row whose schedule was not proven optimal.
 */
export const SCENARIO_NOT_PROVEN_NOTE =
  '* schedule not proven optimal: the solver stopped at schedule.timeLimitSeconds (or had no bound) ' +
  'with the best schedule found by then, which depends on machine load, so a marked row can differ ' +
  'between runs (raise the limit until every schedule is optimal)';

/**
 * The one-line statement of what the `fte` column divides, for below the table: the distinct
 * `fteBasis` of the rows ('' for no rows). O(rows).
 *
 * @example
 * scenarioFteNote([{ fteBasis: 'paid hours per week / 40 h' }, { fteBasis: 'paid hours per week / 40 h' }]);
 * // 'fte = paid hours per week / 40 h (calendar weeks of the horizon, closed days included)'
 */
export function scenarioFteNote(rows: ReadonlyArray<Pick<ScenarioRow, 'fteBasis'>>): string {
  const bases = [...new Set(rows.map((r) => r.fteBasis))];
  return bases.length === 0
    ? ''
    : `fte = ${bases.join(' or ')} (calendar weeks of the horizon, closed days included)`;
}

function cells(row: ScenarioRow, markNotProven: boolean): string[] {
  return [
    row.name,
    ...COLUMNS.map(([, key, format]) => {
      const v = row[key];
      if (typeof v !== 'number') return '';
      if (!markNotProven || key !== 'scheduleCost') return format(v);
      // the mark, or a space so the figures stay aligned
      return `${format(v)}${scheduleNotProven(row) ? '*' : ' '}`;
    }),
  ];
}

/**
 * The scenario rows as a side-by-side text table: a header, one line per scenario, names left- and
 * figures right-aligned; an empty cell is a figure not computed (schedule cost and outbound calls
 * without scheduling, outbound calls without an `outbound` config). Fractions with 3 decimals,
 * hours and seconds with 1, counts whole. When some row's schedule was not proven optimal
 * (`scheduleNotProven`), its schedule cost ends in `*` (the other costs in a space, to keep the
 * figures aligned); `SCENARIO_NOT_PROVEN_NOTE` explains the mark. O(rows).
 *
 * @example
 * formatScenarioTable([{ name: 'base', forecastCalls: 100, agentHours: 10, fte: 1.25,
 *   fteBasis: 'paid hours per week / 40 h', peakAgents: 4,
 *   scheduleCost: 50, scheduleStatus: 'feasible', serviceLevel: 0.8, asaSeconds: 12, abandonRate: 0.02,
 *   outboundCalls: null, scheduled: true }]);
 * // 'scenario  calls  agent_hours  fte  peak_agents  schedule_cost  service_level  asa_seconds  abandon_rate  outbound_calls\n' +
 * // 'base        100         10.0  1.3            4          50.0*          0.800         12.0         0.020\n'
 */
export function formatScenarioTable(rows: readonly ScenarioRow[]): string {
  const header = ['scenario', ...COLUMNS.map(([h]) => h)];
  const markNotProven = rows.some(scheduleNotProven);
  const body = rows.map((r) => cells(r, markNotProven));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[header, ...body].map(line).join('\n')}\n`;
}

/**
 * The scenario rows as CSV (csv-stringify): header `scenario,calls,agent_hours,fte,peak_agents,
 * schedule_cost,service_level,asa_seconds,abandon_rate,outbound_calls,schedule_status`, numbers
 * to 12 significant digits (`formatCsvNumber`: no float noise; a figure that is not finite is an
 * empty cell), a scenario name starting with `= + - @` prefixed with `'` (`csvText`); schedule_cost, outbound_calls and schedule_status empty without scheduling,
 * outbound_calls empty without an `outbound` config; schedule_status is `ScenarioRow.scheduleStatus`
 * ('optimal', 'feasible', 'heuristic'). O(rows).
 *
 * @example
 * formatScenarioCsv([]);
 * // 'scenario,calls,agent_hours,fte,peak_agents,schedule_cost,service_level,asa_seconds,abandon_rate,outbound_calls,schedule_status\n'
 */
export function formatScenarioCsv(rows: readonly ScenarioRow[]): string {
  const header = ['scenario', ...COLUMNS.map(([h]) => h), 'schedule_status'];
  const body = rows.map((r) => [
    r.name,
    ...COLUMNS.map(([, key]) => {
      const v = r[key];
      return typeof v === 'number' ? v : '';
    }),
    r.scheduleStatus ?? '',
  ]);
  return csvText([header, ...body]);
}
