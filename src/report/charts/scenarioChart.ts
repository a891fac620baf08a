import type { TopLevelSpec } from 'vega-lite';
import { formatFigure } from '../format.js';
import type { ReportScenarioTable } from '../types.js';
import { CHART_CONFIG, COLORS } from './theme.js';

/**
 * Vega-lite spec of chart 5: one small bar chart per compared figure (agent-hours, FTE, service
 * level ...), a bar per scenario, each bar labelled with its formatted value; x scales independent
 * because the figures have different units. Missing values (NaN) draw no bar. O(rows x columns).
 *
 * @internal
 * @example
 * const table: ReportScenarioTable = { columns: [{ label: 'Agent-hours', unit: 'hours' }, { label: 'SL', unit: 'fraction' }],
 *   rows: [{ name: 'base', values: [400, 0.8] }, { name: 'busy', values: [460, 0.8] }, { name: '9-18', values: [380, 0.8] }] };
 * scenarioChartSpec(table).data.values.length; // 6 (rows.length * columns.length)
 */
export function scenarioChartSpec(
  table: ReportScenarioTable,
): TopLevelSpec & { data: { values: unknown[] } } {
  const values: Array<{
    scenario: string;
    figure: string;
    order: number;
    value: number | null;
    label: string;
  }> = [];
  table.columns.forEach((col, j) => {
    for (const row of table.rows) {
      const v = row.values[j]!;
      values.push({
        scenario: row.name,
        figure: col.label,
        order: j,
        value: Number.isFinite(v) ? v : null,
        label: formatFigure(v, col.unit),
      });
    }
  });
  const columns = Math.min(3, Math.max(1, table.columns.length));
  const cellWidth = Math.floor(980 / columns) - 150;
  const y = { field: 'scenario', type: 'nominal' as const, title: null, sort: table.rows.map((r) => r.name) };
  const x = { field: 'value', type: 'quantitative' as const, title: null, axis: null, scale: { zero: true } };
  return {
    config: { ...CHART_CONFIG, header: { labelFontSize: 12, labelFontWeight: 600, title: null } },
    data: { values },
    facet: { field: 'figure', type: 'nominal', title: null, sort: table.columns.map((c) => c.label) },
    columns,
    resolve: { scale: { x: 'independent' } },
    spec: {
      width: cellWidth,
      height: { step: 18 },
      layer: [
        { mark: { type: 'bar', color: COLORS.forecast, opacity: 0.85 }, encoding: { x, y } },
        {
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#333' },
          encoding: { x, y, text: { field: 'label' } },
        },
      ],
    },
  } as TopLevelSpec & { data: { values: unknown[] } };
}
