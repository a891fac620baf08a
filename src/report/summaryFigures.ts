import { formatFigure, MISSING_FIGURE } from './format.js';
import type { ReportSummary } from './types.js';

/** One formatted headline figure. */
export interface SummaryFigure {
  /** Label, e.g. `'Peak on-phone agents (required / scheduled)'`. */
  label: string;
  /** Formatted value, e.g. `'41 / 44'`. */
  value: string;
}

/**
 * The headline figures of a plan, labelled and formatted (see `formatFigure`), in a fixed order:
 * forecast contacts, on-phone agent-hours required / scheduled, FTE (its basis in the label when
 * given, e.g. 'FTE (paid hours per week / 40 h)'), peak on-phone agents
 * required / scheduled (`ReportStaffing`'s unit: agents on the phones after shrinkage; the
 * scheduled peak may be fractional, e.g. 17.5 expected heads), service level, ASA, abandonment,
 * schedule cost, outbound calls that fit, schedule status (with the MIP gap). Figures that
 * are absent are left out, except the first five, which show a dash. Shared by the HTML and terminal
 * reports. O(1).
 *
 * @example
 * summaryFigures({ fte: 12.34, serviceLevel: 0.8 }).find((f) => f.label === 'FTE')?.value; // '12.3'
 */
export function summaryFigures(s: ReportSummary): SummaryFigure[] {
  const out: SummaryFigure[] = [
    { label: 'Forecast contacts', value: formatFigure(s.forecastCalls, 'count') },
    {
      label: 'On-phone agent-hours (required / scheduled)',
      value: `${formatFigure(s.requiredAgentHours, 'hours')} / ${formatFigure(s.scheduledAgentHours, 'hours')}`,
    },
    { label: s.fteBasis ? `FTE (${s.fteBasis})` : 'FTE', value: formatFigure(s.fte, 'fte') },
    {
      label: 'Peak on-phone agents (required / scheduled)',
      value: `${formatFigure(s.peakRequiredAgents, 'agents')} / ${formatFigure(s.peakScheduledAgents, 'agents')}`,
    },
    {
      label: 'Service level',
      value: formatFigure(s.serviceLevel, 'fraction'),
    },
  ];
  if (s.asaSeconds !== undefined) out.push({ label: 'ASA', value: formatFigure(s.asaSeconds, 'seconds') });
  if (s.abandonRate !== undefined)
    out.push({ label: 'Abandonment', value: formatFigure(s.abandonRate, 'fraction') });
  if (s.scheduleCost !== undefined) {
    const unit = s.scheduleCostUnit ? ` ${s.scheduleCostUnit}` : '';
    out.push({ label: 'Schedule cost', value: `${formatFigure(s.scheduleCost, 'money')}${unit}` });
  }
  if (s.outboundCallsFit !== undefined) {
    out.push({ label: 'Outbound calls that fit', value: formatFigure(s.outboundCallsFit, 'count') });
  }
  if (s.scheduleStatus !== undefined) {
    const gap = s.scheduleGap === undefined ? '' : ` (gap ${formatFigure(s.scheduleGap, 'fraction')})`;
    out.push({ label: 'Schedule', value: `${s.scheduleStatus}${gap}` });
  }
  return out.map((f) =>
    f.value === `${MISSING_FIGURE} / ${MISSING_FIGURE}` ? { ...f, value: MISSING_FIGURE } : f,
  );
}
