import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { formatFigure, MISSING_FIGURE } from './format.js';
import type { ReportSummary } from './types.js';

/**
 * One formatted headline figure.
 *
 * @internal
 */
export interface SummaryFigure {
  /** Label, e.g. `'Peak on-phone agents (required / scheduled)'`. */
  label: string;
  /** Formatted value, e.g. `'41 / 44'`. */
  value: string;
}

/**
 * The headline figures of a plan, labelled and formatted (see `formatFigure`), in a fixed order:
 * forecast contacts, on-phone agent-hours required / scheduled, paid hours of the shifts, FTE (its
 * basis in the label when given, e.g. 'FTE (paid hours per week / 40 h)'), agents on the phones
 * at the peak required / scheduled (with `peak`: at the interval with the most agents required;
 * without: the largest of each; `ReportStaffing`'s unit, agents on the phones after shrinkage,
 * may be fractional, e.g. 17.5 expected heads) and beside it the headcount on shift at the peak
 * (its local time in `timeZone` when given), service level, uncovered intervals (no agents /
 * under-covered, with the worst shortfall), ASA, abandonment, schedule cost, outbound calls that
 * fit, schedule status (with the MIP gap). A simulated service level (`serviceLevelLower` and
 * `serviceLevelUpper` given) shows its 95% interval, followed by the Erlang figure
 * (`erlangServiceLevel`) and the simulation check (`simulationCheck`: paid hours added, service
 * level before -> after) when given. Figures that are absent are left out, except the
 * first five of the list without the optional ones, which show a dash. Shared by the HTML and
 * terminal reports. O(1).
 *
 * @internal
 * @example
 * summaryFigures({ fte: 12.34, serviceLevel: 0.8 }).find((f) => f.label === 'FTE')?.value; // '12.3'
 */
export function summaryFigures(s: ReportSummary, timeZone?: string): SummaryFigure[] {
  const out: SummaryFigure[] = [
    { label: 'Forecast contacts', value: formatFigure(s.forecastCalls, 'count') },
    {
      label: 'On-phone agent-hours (required / scheduled)',
      value: `${formatFigure(s.requiredAgentHours, 'hours')} / ${formatFigure(s.scheduledAgentHours, 'hours')}`,
    },
    { label: s.fteBasis ? `FTE (${s.fteBasis})` : 'FTE', value: formatFigure(s.fte, 'fte') },
    s.peak === undefined
      ? {
          label: 'Peak on-phone agents (required / scheduled)',
          value: `${formatFigure(s.peakRequiredAgents, 'agents')} / ${formatFigure(s.peakScheduledAgents, 'agents')}`,
        }
      : {
          label: 'On the phones at the peak (required / scheduled)',
          value: `${formatFigure(s.peak.requiredAgents, 'agents')} / ${formatFigure(s.peak.onPhoneAgents, 'agents')}`,
        },
    s.serviceLevelLower !== undefined && s.serviceLevelUpper !== undefined
      ? {
          label: 'Service level (simulated, 95% interval)',
          value: `${formatFigure(s.serviceLevel, 'fraction')} (${formatFigure(s.serviceLevelLower, 'fraction')}–${formatFigure(s.serviceLevelUpper, 'fraction')})`,
        }
      : {
          label: 'Service level',
          value: formatFigure(s.serviceLevel, 'fraction'),
        },
  ];
  // the per-interval Erlang figure beside a simulated one, and what the simulation check added
  const extra: SummaryFigure[] = [];
  if (s.erlangServiceLevel !== undefined)
    extra.push({
      label: 'Service level, Erlang per interval (from empty)',
      value: formatFigure(s.erlangServiceLevel, 'fraction'),
    });
  const check = s.simulationCheck;
  if (check !== undefined) {
    const share = check.paidHoursBefore > 0 ? check.extraPaidHours / check.paidHoursBefore : 0;
    extra.push(
      {
        label: `Simulation check: paid hours added (${check.rounds} rounds)`,
        value: `${formatFigure(check.extraPaidHours, 'hours')} (+${formatFigure(share, 'fraction')})`,
      },
      {
        label: 'Service level before the check (simulated)',
        value: formatFigure(check.serviceLevelBefore, 'fraction'),
      },
    );
  }
  out.splice(5, 0, ...extra);
  if (s.peak !== undefined) {
    const when =
      timeZone === undefined ? '' : ` (${format(new TZDate(s.peak.start, timeZone), 'EEE d MMM HH:mm')})`;
    out.splice(4, 0, {
      label: `Headcount on shift at the peak${when}`,
      value: formatFigure(s.peak.onShiftHeadcount, 'count'),
    });
  }
  if (s.paidHours !== undefined)
    out.splice(2, 0, { label: 'Paid hours (shifts)', value: formatFigure(s.paidHours, 'hours') });
  if (s.noAgentIntervals !== undefined || s.underCoveredIntervals !== undefined) {
    const worst =
      (s.underCoveredIntervals ?? 0) + (s.noAgentIntervals ?? 0) > 0 && s.worstShortfall !== undefined
        ? ` (worst short by ${formatFigure(s.worstShortfall, 'agents')})`
        : '';
    out.push({
      label: 'Uncovered intervals (no agents / under-covered)',
      value: `${formatFigure(s.noAgentIntervals, 'count')} / ${formatFigure(s.underCoveredIntervals, 'count')}${worst}`,
    });
  }
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
  if (s.confidence !== undefined)
    out.push({ label: 'Confidence: premium over mean staffing', value: s.confidence });
  if (s.scheduleStatus !== undefined) {
    const gap = s.scheduleGap === undefined ? '' : ` (gap ${formatFigure(s.scheduleGap, 'fraction')})`;
    out.push({ label: 'Schedule', value: `${s.scheduleStatus}${gap}` });
  }
  return out.map((f) =>
    f.value === `${MISSING_FIGURE} / ${MISSING_FIGURE}` ? { ...f, value: MISSING_FIGURE } : f,
  );
}
