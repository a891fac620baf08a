import { stringify } from 'csv-stringify/sync';
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

function cells(row: ScenarioRow): string[] {
  return [
    row.name,
    ...COLUMNS.map(([, key, format]) => {
      const v = row[key];
      return typeof v === 'number' ? format(v) : '';
    }),
  ];
}

/**
 * The scenario rows as a side-by-side text table: a header, one line per scenario, names left- and
 * figures right-aligned; an empty cell is a figure not computed (schedule cost and outbound calls
 * without scheduling, outbound calls without an `outbound` config). Fractions with 3 decimals,
 * hours and seconds with 1, counts whole. O(rows).
 *
 * @example
 * formatScenarioTable([{ name: 'base', forecastCalls: 100, agentHours: 10, fte: 1.25, peakAgents: 4,
 *   scheduleCost: null, serviceLevel: 0.8, asaSeconds: 12, abandonRate: 0.02, outboundCalls: null,
 *   scheduled: false }]);
 * // 'scenario  calls  agent_hours  fte  peak_agents  schedule_cost  service_level  asa_seconds  abandon_rate  outbound_calls\n
 * //  base        100         10.0  1.3            4                        0.800         12.0         0.020\n'
 */
export function formatScenarioTable(rows: readonly ScenarioRow[]): string {
  const header = ['scenario', ...COLUMNS.map(([h]) => h)];
  const body = rows.map(cells);
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
 * schedule_cost,service_level,asa_seconds,abandon_rate,outbound_calls`, full precision, empty
 * schedule_cost and outbound_calls without scheduling, empty outbound_calls without an `outbound`
 * config. O(rows).
 *
 * @example
 * formatScenarioCsv([]);
 * // 'scenario,calls,agent_hours,fte,peak_agents,schedule_cost,service_level,asa_seconds,abandon_rate,outbound_calls\n'
 */
export function formatScenarioCsv(rows: readonly ScenarioRow[]): string {
  const header = ['scenario', ...COLUMNS.map(([h]) => h)];
  const body = rows.map((r) => [
    r.name,
    ...COLUMNS.map(([, key]) => {
      const v = r[key];
      return typeof v === 'number' ? String(v) : '';
    }),
  ]);
  return stringify([header, ...body]);
}
