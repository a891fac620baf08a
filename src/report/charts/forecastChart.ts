import type { TopLevelSpec } from 'vega-lite';
import type { ReportInput } from '../types.js';
import { CHART_CONFIG, CHART_WIDTH, COLORS } from './theme.js';
import { timeRows, timeX } from './timeRows.js';

/**
 * Vega-lite spec of chart 1: observed contacts of the last weeks (grey) and the forecast (blue),
 * with the P10-P90 band shaded when the forecast has one. x = local time in the input's zone.
 * O(n) in the number of intervals.
 *
 * @internal
 * @example
 * const starts = [0, 900_000];
 * const input: ReportInput = { title: 'Week 1', timeZone: 'UTC', intervalMinutes: 15, generatedAt: 0, summary: {},
 *   forecast: { starts, calls: [10, 12] }, staffing: { starts, requiredAgents: [3, 4], scheduledAgents: [3, 3] } };
 * forecastChartSpec(input).layer.length; // 2 (without a band, 3 with one)
 */
export function forecastChartSpec(input: ReportInput): TopLevelSpec & { layer: unknown[] } {
  const opts = { timeZone: input.timeZone, intervalMinutes: input.intervalMinutes };
  const f = input.forecast;
  const hist = input.history
    ? timeRows(
        input.history.starts,
        { calls: input.history.calls },
        { ...opts, constants: { kind: 'History' } },
      )
    : [];
  const bandCols = f.p10 && f.p90 ? { p10: f.p10, p90: f.p90 } : {};
  const fc = timeRows(
    f.starts,
    { calls: f.calls, ...bandCols },
    { ...opts, constants: { kind: 'Forecast' } },
  );
  const rows = [...hist, ...fc];
  const x = timeX(rows);
  const layer: unknown[] = [];
  if (f.p10 && f.p90) {
    layer.push({
      transform: [{ filter: 'datum.kind === "Forecast"' }],
      mark: { type: 'area', color: COLORS.band, opacity: 0.7, invalid: 'break-paths-show-domains' },
      encoding: { x, y: { field: 'p10', type: 'quantitative' }, y2: { field: 'p90' } },
    });
  }
  layer.push({
    mark: { type: 'line', strokeWidth: 1.2, invalid: 'break-paths-show-domains' },
    encoding: {
      x,
      y: { field: 'calls', type: 'quantitative', title: `Contacts per ${input.intervalMinutes} min` },
      color: {
        field: 'kind',
        type: 'nominal',
        scale: { domain: ['History', 'Forecast'], range: [COLORS.history, COLORS.forecast] },
      },
      detail: { field: 'kind' },
    },
  });
  layer.push({
    mark: { type: 'rule', strokeDash: [4, 3], color: '#666' },
    data: { values: fc.length > 0 ? [{ t: fc[0]!.t }] : [] },
    encoding: { x: { field: 't', type: 'temporal' } },
  });
  return {
    width: CHART_WIDTH,
    height: 260,
    config: CHART_CONFIG,
    data: { values: rows },
    layer,
  } as TopLevelSpec & { layer: unknown[] };
}
