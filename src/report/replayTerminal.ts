import { format } from 'date-fns';
import type { ReplayDay, ReplayPeriod, ReplayWeekSummary } from '../simulation/replaySummary.js';
import { formatFigure, MISSING_FIGURE } from './format.js';

/** What `renderReplaySummary` prints. */
export interface ReplaySummaryInput {
  target: { serviceLevel: number; thresholdSeconds: number };
  arrivals: 'counts' | 'records';
  days: readonly ReplayDay[];
  weeks: readonly ReplayWeekSummary[];
  total: ReplayPeriod;
}

/** `yyyy-MM-dd` -> `Mon 20 Oct` (a calendar date: no zone involved). */
function shortDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1), 'EEE d MMM');
}

function signed(value: number): string {
  if (!Number.isFinite(value)) return MISSING_FIGURE;
  const text = formatFigure(Math.abs(value), 'fraction');
  return value > 0 ? `+${text}` : value < 0 ? `-${text}` : text;
}

/**
 * The terminal summary of `staffcast replay`: the target, one line per week (days meeting the
 * target, promised and realised service level, real calls vs forecast, interval WAPE, paid hours),
 * the total, and the days that missed with their service level. Plain text, no colour. O(days).
 *
 * @example
 * const total = { daysReplayed: 1, daysMeetingTarget: 0, shareOfDaysMeetingTarget: 0, forecastCalls: 80,
 *   actualCalls: 88, volumeError: 0.1, intervalWape: 0.125, promisedServiceLevel: 0.86,
 *   realisedServiceLevel: 0.79, asaSeconds: 12, abandonRate: 0, paidHours: 8 };
 * const day = { date: '2024-01-15', status: 'replayed', meetsTarget: false, realisedServiceLevel: 0.79,
 *   volumeError: 0.1 } as ReplayDay;
 * renderReplaySummary({ target: { serviceLevel: 0.8, thresholdSeconds: 20 }, arrivals: 'counts', days: [day],
 *   weeks: [], total }).split('\n').at(-2); // 'Missed: Mon 15 Jan 79.0% (calls +10.0%)'
 */
export function renderReplaySummary(input: ReplaySummaryInput): string {
  const { target, total } = input;
  const header = [
    'Week',
    'Days met',
    'Promised',
    'Realised',
    'Calls vs forecast',
    'Interval WAPE',
    'Paid hours',
  ];
  const line = (label: string, p: ReplayPeriod) => [
    label,
    `${p.daysMeetingTarget} of ${p.daysReplayed}`,
    formatFigure(p.promisedServiceLevel, 'fraction'),
    formatFigure(p.realisedServiceLevel, 'fraction'),
    signed(p.volumeError),
    formatFigure(p.intervalWape, 'fraction'),
    formatFigure(p.paidHours, 'hours'),
  ];
  const rows = [
    header,
    ...input.weeks.map((w) => line(`${w.week}  ${shortDay(w.firstDate)} – ${shortDay(w.lastDate)}`, w)),
    line('All weeks', total),
  ];
  const widths = header.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const table = rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
  const how = input.arrivals === 'records' ? 'per-call records replayed as they came' : 'interval counts';
  const missed = input.days
    .filter((d) => d.meetsTarget === false)
    .map(
      (d) =>
        `${shortDay(d.date)} ${formatFigure(d.realisedServiceLevel, 'fraction')} (calls ${signed(d.volumeError)})`,
    );
  const noData = input.days.filter((d) => d.status === 'no-data').map((d) => shortDay(d.date));
  return [
    `Replay: each week planned from the history before it, then simulated with its real calls (${how}).`,
    `Target ${formatFigure(target.serviceLevel, 'fraction')} within ${target.thresholdSeconds} s.`,
    '',
    ...table,
    '',
    `Days meeting the target: ${total.daysMeetingTarget} of ${total.daysReplayed} (${formatFigure(total.shareOfDaysMeetingTarget, 'fraction')})`,
    ...(noData.length > 0 ? [`Planned days without real data (not scored): ${noData.join(', ')}`] : []),
    ...(missed.length > 0 ? [`Missed: ${missed.join('; ')}`] : []),
    '',
  ].join('\n');
}
