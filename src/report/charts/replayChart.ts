import { format } from 'date-fns';
import type { TopLevelSpec } from 'vega-lite';
import type { ReplayDay } from '../../simulation/replaySummary.js';
import { CHART_CONFIG, CHART_WIDTH, COLORS } from './theme.js';

/** `yyyy-MM-dd` -> `Mon 20 Oct` (a calendar date: no zone involved). */
function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1), 'EEE d MMM');
}

/** The replayed days as chart rows: label, week, realised and promised service level, met or not. */
function replayRows(days: readonly ReplayDay[]) {
  return days
    .filter((d) => d.status === 'replayed')
    .map((d) => ({
      day: `${dayLabel(d.date)}`,
      week: `week ${d.week}`,
      realised: d.realisedServiceLevel,
      promised: d.promisedServiceLevel,
      volumeError: d.volumeError,
      met: d.meetsTarget === true ? 'met the target' : 'missed the target',
    }));
}

/**
 * Vega-lite spec of the replay's main chart: one bar per replayed day, the service level the real
 * calls got (blue when the day met the target, red when it missed), the plan's promise as a black
 * tick on each bar, and the target as a dashed red rule; days in date order, labelled `Mon 20 Oct`.
 * O(days).
 *
 * @internal
 * @example
 * const day = { date: '2024-01-15', week: 1, status: 'replayed', realisedServiceLevel: 0.7,
 *   promisedServiceLevel: 0.86, meetsTarget: false, volumeError: 0.1 } as ReplayDay;
 * replayChartSpec([day], 0.8).layer.length; // 3 (bars, promise ticks, target)
 */
export function replayChartSpec(
  days: readonly ReplayDay[],
  target: number,
): TopLevelSpec & { layer: unknown[] } {
  const rows = replayRows(days);
  const x = {
    field: 'day',
    type: 'ordinal' as const,
    sort: null,
    title: null,
    axis: { labelAngle: -60 },
  };
  const y = { type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  return {
    width: CHART_WIDTH,
    height: 240,
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', opacity: 0.85 },
        encoding: {
          x,
          y: { ...y, field: 'realised', title: 'Service level' },
          color: {
            field: 'met',
            type: 'nominal',
            scale: {
              domain: ['met the target', 'missed the target'],
              range: [COLORS.serviceLevel, COLORS.under],
            },
            title: null,
            legend: { labelLimit: 240 },
          },
        },
      },
      {
        mark: { type: 'tick', color: COLORS.required, thickness: 2 },
        encoding: { x, y: { ...y, field: 'promised' } },
      },
      {
        data: { values: [{ target }] },
        mark: { type: 'rule', color: COLORS.target, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec & { layer: unknown[] };
}

/**
 * Vega-lite spec of the replay's second chart: each replayed day as a point, its volume error
 * (real calls / forecast - 1) against the service level it got, coloured as the main chart, with
 * the target as a dashed rule: the picture of why days miss. O(days).
 *
 * @internal
 * @example
 * const day = { date: '2024-01-15', week: 1, status: 'replayed', realisedServiceLevel: 0.7,
 *   promisedServiceLevel: 0.86, meetsTarget: false, volumeError: 0.1 } as ReplayDay;
 * replayErrorChartSpec([day], 0.8).layer.length; // 2 (points, target)
 */
export function replayErrorChartSpec(
  days: readonly ReplayDay[],
  target: number,
): TopLevelSpec & { layer: unknown[] } {
  return {
    width: CHART_WIDTH / 2,
    height: 220,
    config: CHART_CONFIG,
    data: { values: replayRows(days) },
    layer: [
      {
        mark: { type: 'circle', size: 60, opacity: 0.85 },
        encoding: {
          x: {
            field: 'volumeError',
            type: 'quantitative',
            title: 'Real calls vs forecast',
            axis: { format: '+.0%' },
          },
          y: {
            field: 'realised',
            type: 'quantitative',
            title: 'Service level',
            scale: { domain: [0, 1] },
            axis: { format: '.0%' },
          },
          color: {
            field: 'met',
            type: 'nominal',
            scale: {
              domain: ['met the target', 'missed the target'],
              range: [COLORS.serviceLevel, COLORS.under],
            },
            title: null,
            legend: { labelLimit: 240 },
          },
          tooltip: [{ field: 'day' }, { field: 'week' }],
        },
      },
      {
        data: { values: [{ target }] },
        mark: { type: 'rule', color: COLORS.target, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
