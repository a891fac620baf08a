import type { TopLevelSpec } from 'vega-lite';
import type { ReportServiceLevel } from '../types.js';
import { CHART_CONFIG, CHART_WIDTH, COLORS } from './theme.js';
import { timeRows, timeX } from './timeRows.js';

/**
 * Vega-lite spec of chart 3: the service level each interval gets with the scheduled agents
 * (step line, 0-100 %), the target as a dashed red rule, and the intervals below target marked
 * with red dots. x = local time in `timeZone`. O(n).
 *
 * @internal
 * @example
 * const sl = { starts: [0, 900_000], values: [0.85, 0.7], target: 0.8, thresholdSeconds: 20 };
 * serviceLevelChartSpec(sl, 'UTC', 15).layer.length; // 3 (line, misses, target)
 */
export function serviceLevelChartSpec(
  sl: ReportServiceLevel,
  timeZone: string,
  intervalMinutes: number,
): TopLevelSpec & { layer: unknown[] } {
  const rows = timeRows(sl.starts, { sl: sl.values }, { timeZone, intervalMinutes, closeSteps: true });
  const x = timeX(rows);
  const y = {
    field: 'sl',
    type: 'quantitative' as const,
    title: `Answered within ${sl.thresholdSeconds} s`,
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
  };
  return {
    width: CHART_WIDTH,
    height: 200,
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      {
        mark: {
          type: 'line',
          interpolate: 'step-after',
          strokeWidth: 1.2,
          color: COLORS.serviceLevel,
          invalid: 'break-paths-show-domains',
        },
        encoding: { x, y },
      },
      {
        transform: [{ filter: `!datum.closing && isValid(datum.sl) && datum.sl < ${sl.target}` }],
        mark: { type: 'circle', size: 14, color: COLORS.under, opacity: 0.9 },
        encoding: { x, y },
      },
      {
        data: { values: [{ target: sl.target }] },
        mark: { type: 'rule', color: COLORS.target, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
