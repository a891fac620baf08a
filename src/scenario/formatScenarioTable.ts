import { csvText } from '../io/csvText.js';
import type { ScenarioRow } from './scenarioRow.js';

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

/** Columns of a roster (a base plan with agents), after the others when some row has a roster. */
const ROSTER_COLUMNS: typeof COLUMNS = [
  ['roster_paid_hours', 'rosterPaidHours', (v) => v.toFixed(1)],
  ['roster_cost', 'rosterCost', (v) => v.toFixed(1)],
  ['roster_under_agent_intervals', 'rosterUnderAgentIntervals', (v) => v.toFixed(1)],
  ['unfilled_shifts', 'rosterUnfilledShifts', (v) => v.toFixed(0)],
  ['weekends_off_met', 'rosterWeekendsOffMet', (v) => v.toFixed(0)],
  ['roster_service_level', 'rosterServiceLevel', (v) => v.toFixed(3)],
];

/** The columns of `rows`: the roster's too when some row has a roster. */
function columnsOf(rows: readonly ScenarioRow[]): typeof COLUMNS {
  return rows.some((r) => typeof r.rosterCost === 'number') ? [...COLUMNS, ...ROSTER_COLUMNS] : COLUMNS;
}

/**
 * Whether a row's schedule was not proven optimal (its MIP stopped at the work budget or the
 * wall-clock safety net, or had no valid bound): its cost is an upper bound, not the optimum, so
 * it must not be compared with a proven one unmarked. False without scheduling. O(1).
 *
 * @internal
 * @example
 * scheduleNotProven({ scheduleStatus: 'feasible' }); // true
 * scheduleNotProven({ scheduleStatus: 'optimal' }); // false
 * scheduleNotProven({ scheduleStatus: null }); // false
 */
export function scheduleNotProven(row: Pick<ScenarioRow, 'scheduleStatus'>): boolean {
  return row.scheduleStatus !== null && row.scheduleStatus !== 'optimal';
}

/**
 * The mark after a row's schedule cost: `''` for a proven optimum or no schedule, `'*'` for a
 * schedule not proven optimal that is the same on every run (stopped by the deterministic work
 * budget, or without a bound), `'!'` for one stopped by the wall-clock safety net (it depends on
 * machine load). O(1).
 *
 * @internal
 * @example
 * scheduleMark({ scheduleStatus: 'feasible', scheduleStoppedBy: 'work' }); // '*'
 * scheduleMark({ scheduleStatus: 'feasible', scheduleStoppedBy: 'time' }); // '!'
 * scheduleMark({ scheduleStatus: 'optimal', scheduleStoppedBy: 'gap' }); // ''
 */
export function scheduleMark(row: Pick<ScenarioRow, 'scheduleStatus' | 'scheduleStoppedBy'>): '' | '*' | '!' {
  if (!scheduleNotProven(row)) return '';
  return row.scheduleStoppedBy === 'time' ? '!' : '*';
}

/**
 * The one-line explanation of the `*` that `formatScenarioTable` puts after the schedule cost of
 * a row whose schedule was not proven optimal but is reproducible.
 *
 * @internal
 */
export const SCENARIO_NOT_PROVEN_NOTE =
  '* schedule not proven optimal (stopped at its work budget schedule.workLimit, or no bound): the cost ' +
  'is an upper bound, the same on every run; compare it with a proven cost only as such (raise ' +
  'schedule.workLimit until every schedule is optimal)';

/**
 * The one-line explanation of the `!` that `formatScenarioTable` puts after the schedule cost of
 * a row whose solver was stopped by the wall-clock safety net.
 *
 * @internal
 */
export const SCENARIO_TIME_LIMIT_NOTE =
  '! schedule not proven optimal and stopped by the wall-clock safety net schedule.timeLimitSeconds: ' +
  'the cost is an upper bound that depends on machine load and can differ between runs (raise ' +
  'schedule.timeLimitSeconds)';

/**
 * The legend lines of the marks the rows carry (`scheduleMark`): `SCENARIO_NOT_PROVEN_NOTE` when
 * a row is marked `*`, `SCENARIO_TIME_LIMIT_NOTE` when one is marked `!`; none when every schedule
 * was proven optimal. O(rows).
 *
 * @internal
 * @example
 * scenarioTableNotes([{ scheduleStatus: 'optimal', scheduleStoppedBy: 'gap' }]); // []
 */
export function scenarioTableNotes(
  rows: ReadonlyArray<Pick<ScenarioRow, 'scheduleStatus' | 'scheduleStoppedBy'>>,
): string[] {
  const marks = new Set(rows.map(scheduleMark));
  const notes: string[] = [];
  if (marks.has('*')) notes.push(SCENARIO_NOT_PROVEN_NOTE);
  if (marks.has('!')) notes.push(SCENARIO_TIME_LIMIT_NOTE);
  return notes;
}

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

function cells(row: ScenarioRow, markNotProven: boolean, columns: typeof COLUMNS): string[] {
  return [
    row.name,
    ...columns.map(([, key, format]) => {
      const v = row[key];
      if (typeof v !== 'number') return '';
      if (!markNotProven || key !== 'scheduleCost') return format(v);
      // the mark, or a space so the figures stay aligned
      return `${format(v)}${scheduleMark(row) || ' '}`;
    }),
  ];
}

/**
 * The scenario rows as a side-by-side text table: a header, one line per scenario, names left- and
 * figures right-aligned; an empty cell is a figure not computed (schedule cost and outbound calls
 * without scheduling, outbound calls without an `outbound` config). Fractions with 3 decimals,
 * hours and seconds with 1, counts whole. When some row's schedule was not proven optimal
 * (`scheduleNotProven`), its schedule cost ends in its `scheduleMark` (`*` reproducible, `!`
 * stopped by the wall-clock safety net; the other costs in a space, to keep the figures aligned)
 * and the table ends with one legend line per mark used (`scenarioTableNotes`), so an unproven
 * cost never stands unexplained beside a proven one. When some row has a roster (a base plan with
 * `agents`), five columns follow: roster_paid_hours, roster_cost, roster_under_agent_intervals
 * (the rostered agents' shortfall against the scheduled requirement), unfilled_shifts and
 * weekends_off_met (agents meeting the weekends-off rule; empty without the rule). O(rows).
 *
 * @example
 * formatScenarioTable([{ name: 'base', forecastCalls: 100, agentHours: 10, fte: 1.25,
 *   fteBasis: 'paid hours per week / 40 h', peakAgents: 4,
 *   scheduleCost: 50, scheduleStatus: 'feasible', scheduleStoppedBy: 'work', scheduleGap: 0.02,
 *   serviceLevel: 0.8, asaSeconds: 12, abandonRate: 0.02, outboundCalls: null, scheduled: true }]);
 * // 'scenario  calls  agent_hours  fte  peak_agents  schedule_cost  service_level  asa_seconds  abandon_rate  outbound_calls\n' +
 * // 'base        100         10.0  1.3            4          50.0*          0.800         12.0         0.020\n' +
 * // SCENARIO_NOT_PROVEN_NOTE + '\n'
 */
export function formatScenarioTable(rows: readonly ScenarioRow[]): string {
  const columns = columnsOf(rows);
  const header = ['scenario', ...columns.map(([h]) => h)];
  const markNotProven = rows.some(scheduleNotProven);
  const body = rows.map((r) => cells(r, markNotProven, columns));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [...[header, ...body].map(line), ...scenarioTableNotes(rows)].map((l) => `${l}\n`).join('');
}

/**
 * The scenario rows as CSV (csv-stringify): header `scenario,calls,agent_hours,fte,peak_agents,
 * schedule_cost,service_level,asa_seconds,abandon_rate,outbound_calls,schedule_status,
 * schedule_stopped_by,schedule_gap`, numbers to 12 significant digits (`formatCsvNumber`: no float
 * noise; a figure that is not finite is an empty cell), a scenario name starting with `= + - @`
 * prefixed with `'` (`csvText`); the schedule columns and outbound_calls empty without scheduling,
 * outbound_calls empty without an `outbound` config; schedule_status is
 * `ScenarioRow.scheduleStatus` ('optimal', 'feasible', 'heuristic'), schedule_stopped_by
 * `ScenarioRow.scheduleStoppedBy` ('gap', 'work', 'time', 'error'), schedule_gap the relative gap
 * to the solver's bound (empty without a bound); when some row has a roster, the five roster
 * columns of `formatScenarioTable` follow schedule_gap. O(rows).
 *
 * @example
 * formatScenarioCsv([]);
 * // 'scenario,calls,agent_hours,fte,peak_agents,schedule_cost,service_level,asa_seconds,abandon_rate,outbound_calls,schedule_status,schedule_stopped_by,schedule_gap\n'
 */
export function formatScenarioCsv(rows: readonly ScenarioRow[]): string {
  const roster = columnsOf(rows).slice(COLUMNS.length);
  const header = [
    'scenario',
    ...COLUMNS.map(([h]) => h),
    'schedule_status',
    'schedule_stopped_by',
    'schedule_gap',
    ...roster.map(([h]) => h),
  ];
  const figure = (r: ScenarioRow, key: keyof ScenarioRow) => {
    const v = r[key];
    return typeof v === 'number' ? v : '';
  };
  const body = rows.map((r) => [
    r.name,
    ...COLUMNS.map(([, key]) => figure(r, key)),
    r.scheduleStatus ?? '',
    r.scheduleStoppedBy ?? '',
    r.scheduleGap ?? '',
    ...roster.map(([, key]) => figure(r, key)),
  ]);
  return csvText([header, ...body]);
}
