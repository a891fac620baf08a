import type { TopLevelSpec } from 'vega-lite';
import type { ReportInput } from '../types.js';
import { CHART_CONFIG, CHART_WIDTH, COLORS } from './theme.js';
import { timeRows, timeX } from './timeRows.js';

const LABELS = {
  required: 'Required',
  scheduled: 'Scheduled',
  under: 'Understaffed',
  over: 'Overstaffed',
} as const;

/**
 * Vega-lite spec of chart 2: required (black) and scheduled (blue) agents per interval as step
 * lines, the shortfall shaded red (scheduled < required) and the surplus shaded green. x = local
 * time in the input's zone. O(n).
 *
 * @internal
 * @example
 * const starts = [0, 900_000];
 * const input: ReportInput = { title: 'Week 1', timeZone: 'UTC', intervalMinutes: 15, generatedAt: 0, summary: {},
 *   forecast: { starts, calls: [10, 12] }, staffing: { starts, requiredAgents: [3, 4], scheduledAgents: [3, 3] } };
 * staffingChartSpec(input).layer.length; // 4 (under, over, required, scheduled)
 */
export function staffingChartSpec(input: ReportInput): TopLevelSpec & { layer: unknown[] } {
  const s = input.staffing;
  const n = s.starts.length;
  const underLo = new Float64Array(n);
  const underHi = new Float64Array(n);
  const overLo = new Float64Array(n);
  const overHi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = s.requiredAgents[i]!;
    const c = s.scheduledAgents[i]!;
    underLo[i] = Math.min(r, c);
    underHi[i] = r;
    overLo[i] = Math.min(r, c);
    overHi[i] = c;
  }
  const rows = timeRows(
    s.starts,
    { required: s.requiredAgents, scheduled: s.scheduledAgents, underLo, underHi, overLo, overHi },
    { timeZone: input.timeZone, intervalMinutes: input.intervalMinutes, closeSteps: true },
  );
  const x = timeX(rows);
  const color = {
    scale: {
      domain: [LABELS.required, LABELS.scheduled, LABELS.under, LABELS.over],
      range: [COLORS.required, COLORS.scheduled, COLORS.under, COLORS.over],
    },
  };
  const area = (lo: string, hi: string, label: string) => ({
    mark: { type: 'area', interpolate: 'step-after', opacity: 0.45, invalid: 'break-paths-show-domains' },
    encoding: {
      x,
      y: { field: lo, type: 'quantitative' },
      y2: { field: hi },
      color: { datum: label, ...color },
    },
  });
  const line = (field: string, label: string, width: number) => ({
    mark: {
      type: 'line',
      interpolate: 'step-after',
      strokeWidth: width,
      invalid: 'break-paths-show-domains',
    },
    encoding: {
      x,
      y: { field, type: 'quantitative', title: 'Agents' },
      color: { datum: label, ...color },
    },
  });
  return {
    width: CHART_WIDTH,
    height: 260,
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      area('underLo', 'underHi', LABELS.under),
      area('overLo', 'overHi', LABELS.over),
      line('required', LABELS.required, 1.4),
      line('scheduled', LABELS.scheduled, 1.4),
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
