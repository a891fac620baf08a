import type { TopLevelSpec } from 'vega-lite';
import { weeklyHeatmap } from '../heatmap.js';
import type { ReportInput } from '../types.js';
import { CHART_CONFIG, CHART_WIDTH, COLORS } from './theme.js';

/** Weekday labels, ISO order (index 0 = Monday). */
export const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Name of the vega mark holding one rect per heat-map cell (all `7 x slots` cells). */
export const HEATMAP_CELL_MARK = 'heatmap_cells';

/**
 * Vega-lite spec of chart 4: mean required agents per local weekday (rows, Monday first) and local
 * time of day (columns, one per interval) in the input's zone (`weeklyHeatmap`). Every one of the
 * `7 x 1440 / intervalMinutes` cells is drawn (mark `HEATMAP_CELL_MARK`); cells with no
 * requirement in the horizon (closed) are light grey. O(n + cells).
 *
 * @internal
 * @example
 * const starts = [0, 900_000];
 * const input: ReportInput = { title: 'Week 1', timeZone: 'UTC', intervalMinutes: 15, generatedAt: 0, summary: {},
 *   forecast: { starts, calls: [10, 12] }, staffing: { starts, requiredAgents: [3, 4], scheduledAgents: [3, 3] } };
 * heatmapChartSpec(input).data.values.length; // 7 * 96 (for 15-minute intervals)
 */
export function heatmapChartSpec(input: ReportInput): TopLevelSpec & { data: { values: unknown[] } } {
  const m = input.intervalMinutes;
  const heat = weeklyHeatmap(input.staffing.starts, input.staffing.requiredAgents, input.timeZone, m);
  const values = heat.cells.map((c) => ({
    day: WEEKDAY_LABELS[c.weekday]!,
    time: clock(c.minuteOfDay),
    agents: Number.isFinite(c.value) ? Math.round(c.value * 10) / 10 : null,
  }));
  const labelEvery = Math.max(1, Math.round(120 / m)); // a label every two hours
  const labels = heat.cells
    .filter((c) => c.weekday === 0 && c.slot % labelEvery === 0)
    .map((c) => clock(c.minuteOfDay));
  const x = {
    field: 'time',
    type: 'ordinal' as const,
    sort: null,
    title: `Local time of day (${input.timeZone})`,
    axis: { values: labels, labelAngle: 0, ticks: false, domain: false },
  };
  const y = {
    field: 'day',
    type: 'ordinal' as const,
    sort: [...WEEKDAY_LABELS],
    title: null,
    axis: { ticks: false, domain: false },
  };
  return {
    width: CHART_WIDTH - 70, // room for the colour legend on the right
    height: 7 * 26,
    config: { ...CHART_CONFIG, legend: { ...CHART_CONFIG.legend, orient: 'right', direction: 'vertical' } },
    data: { values },
    layer: [
      {
        name: HEATMAP_CELL_MARK,
        mark: { type: 'rect', color: COLORS.closed },
        encoding: { x, y },
      },
      {
        transform: [{ filter: 'isValid(datum.agents)' }],
        mark: { type: 'rect' },
        encoding: {
          x,
          y,
          color: {
            field: 'agents',
            type: 'quantitative',
            title: 'Agents',
            scale: { scheme: 'yelloworangered', zero: true },
            legend: { title: 'Agents', gradientLength: 150 },
          },
        },
      },
    ],
  } as TopLevelSpec & { data: { values: unknown[] } };
}

/** `HH:mm` of a minute of day. */
function clock(minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  const mm = minuteOfDay % 60;
  return `${h < 10 ? '0' : ''}${h}:${mm < 10 ? '0' : ''}${mm}`;
}
