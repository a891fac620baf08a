import type { ReportFigureUnit, ReportScenarioTable } from '../report/types.js';
import { scheduleMark } from './formatScenarioTable.js';
import type { ScenarioRow } from './scenarioRow.js';

/** Columns of the report's scenario comparison: label, unit and the row's figure. */
const COLUMNS: ReadonlyArray<readonly [string, ReportFigureUnit, keyof ScenarioRow]> = [
  ['Contacts', 'count', 'forecastCalls'],
  ['Agent-hours', 'hours', 'agentHours'],
  ['FTE', 'fte', 'fte'],
  ['Peak agents', 'agents', 'peakAgents'],
  ['Schedule cost', 'money', 'scheduleCost'],
  ['Service level', 'fraction', 'serviceLevel'],
  ['ASA', 'seconds', 'asaSeconds'],
  ['Abandonment', 'fraction', 'abandonRate'],
  ['Outbound calls', 'count', 'outboundCalls'],
  ['Roster paid hours', 'hours', 'rosterPaidHours'],
  ['Roster cost', 'money', 'rosterCost'],
  ['Roster under-coverage (agent-intervals)', 'count', 'rosterUnderAgentIntervals'],
  ['Unfilled shifts', 'count', 'rosterUnfilledShifts'],
  ['Weekends off met (agents)', 'count', 'rosterWeekendsOffMet'],
  ['Roster service level', 'fraction', 'rosterServiceLevel'],
];

/**
 * The scenario rows as the report's comparison table (`ReportInput.scenarios`, drawn by
 * `renderReportHtml` as a chart and a table): one row per scenario in the given order, one column
 * per figure: contacts, agent-hours, FTE, peak agents, schedule cost, service level, ASA,
 * abandonment and outbound calls that fit, then with a roster (base plan with `agents`) its paid
 * hours, cost, under-coverage, unfilled shifts, agents meeting the weekends-off rule and the
 * service level the rostered agents give. A column no row has a figure for (schedule cost without
 * scheduling, outbound without an `outbound` config) is left out; a missing figure of one row is
 * `NaN` (shown as a dash). A row whose schedule was not proven optimal has its `scheduleMark`
 * after its name (` *` reproducible, ` !` stopped by the wall-clock safety net;
 * `scenarioTableNotes` explains them). O(rows x columns).
 *
 * @example
 * scenarioReportTable([{ name: 'base', forecastCalls: 100, agentHours: 10, fte: 1.25,
 *   fteBasis: 'paid hours per week / 40 h', peakAgents: 4,
 *   scheduleCost: null, scheduleStatus: null, scheduleStoppedBy: null, scheduleGap: null,
 *   serviceLevel: 0.8, asaSeconds: 12, abandonRate: 0.02,
 *   outboundCalls: null, scheduled: false }]).columns.map((c) => c.label);
 * // ['Contacts', 'Agent-hours', 'FTE', 'Peak agents', 'Service level', 'ASA', 'Abandonment']
 */
export function scenarioReportTable(rows: readonly ScenarioRow[]): ReportScenarioTable {
  const columns = COLUMNS.filter(([, , key]) => rows.some((r) => typeof r[key] === 'number'));
  return {
    columns: columns.map(([label, unit]) => ({ label, unit })),
    rows: rows.map((r) => ({
      name: scheduleMark(r) === '' ? r.name : `${r.name} ${scheduleMark(r)}`,
      values: columns.map(([, , key]) => {
        const v = r[key];
        return typeof v === 'number' ? v : Number.NaN;
      }),
    })),
  };
}
