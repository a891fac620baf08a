import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { ReplayDay, ReplayPeriod, ReplayWeekSummary } from '../simulation/replaySummary.js';
import { replayChartSpec, replayErrorChartSpec } from './charts/replayChart.js';
import { REPORT_CSS } from './css.js';
import { escapeHtml } from './escape.js';
import { formatFigure, MISSING_FIGURE } from './format.js';
import { renderVegaLiteSvg } from './renderSvg.js';

/** What `renderReplayHtml` draws. */
export interface ReplayReportInput {
  /** Page title, e.g. `Replay of 8 weeks: plan.json`. */
  title: string;
  /** A line under the title (the config's description). */
  subtitle?: string | undefined;
  /** IANA zone of the dates (named in the footer). */
  timeZone: string;
  /** Epoch ms printed as the time of writing. */
  generatedAt: number;
  /** Program that wrote the page, e.g. `staffcast 0.1.0 replay`. */
  generator?: string | undefined;
  /** The service-level target and its answer threshold. */
  target: { serviceLevel: number; thresholdSeconds: number };
  /** `counts` (interval counts spread within each interval) or `records` (per-call records). */
  arrivals: 'counts' | 'records';
  days: readonly ReplayDay[];
  weeks: readonly ReplayWeekSummary[];
  total: ReplayPeriod;
  /** Caveats, one line each. */
  notes?: readonly string[] | undefined;
}

/** A signed percentage with one decimal: `+2.0%`, `-4.3%`. */
function signed(value: number): string {
  if (!Number.isFinite(value)) return MISSING_FIGURE;
  const text = formatFigure(Math.abs(value), 'fraction');
  return value > 0 ? `+${text}` : value < 0 ? `-${text}` : text;
}

/** `yyyy-MM-dd` -> `Mon 20 Oct 2003` (a calendar date: no zone involved). */
function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1), 'EEE d MMM yyyy');
}

function card(label: string, value: string): string {
  return `<div class="card"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div></div>`;
}

function weekTable(weeks: readonly ReplayWeekSummary[], target: number): string {
  const rows = weeks.map((w) => {
    const below = w.realisedServiceLevel < target;
    return [
      `<tr><td>${w.week}: ${escapeHtml(dayLabel(w.firstDate))} – ${escapeHtml(dayLabel(w.lastDate))}</td>`,
      `<td>${w.daysMeetingTarget} of ${w.daysReplayed}</td>`,
      `<td>${formatFigure(w.promisedServiceLevel, 'fraction')}</td>`,
      `<td${below ? ' class="below"' : ''}>${formatFigure(w.realisedServiceLevel, 'fraction')}</td>`,
      `<td>${formatFigure(w.asaSeconds, 'seconds')}</td>`,
      `<td>${formatFigure(w.abandonRate, 'fraction')}</td>`,
      `<td>${signed(w.volumeError)}</td>`,
      `<td>${formatFigure(w.intervalWape, 'fraction')}</td>`,
      `<td>${formatFigure(w.paidHours, 'hours')}</td></tr>`,
    ].join('');
  });
  return [
    '<section aria-label="Weeks">',
    '<h2>By week</h2>',
    '<table><thead><tr><th>Week</th><th>Days meeting target</th><th>Promised</th><th>Realised</th>',
    '<th>ASA</th><th>Abandonment</th><th>Calls vs forecast</th><th>Interval WAPE</th><th>Paid hours</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

function dayTable(days: readonly ReplayDay[]): string {
  const rows = days.map((d) => {
    const missed = d.meetsTarget === false;
    const status = d.status === 'replayed' ? (missed ? 'missed' : 'met') : 'no data';
    return [
      `<tr><td>${escapeHtml(dayLabel(d.date))}</td>`,
      `<td${missed ? ' class="below"' : ''}>${status}</td>`,
      `<td>${formatFigure(d.promisedServiceLevel, 'fraction')}</td>`,
      `<td${missed ? ' class="below"' : ''}>${formatFigure(d.realisedServiceLevel, 'fraction')}</td>`,
      `<td>${formatFigure(d.asaSeconds, 'seconds')}</td>`,
      `<td>${formatFigure(d.abandonRate, 'fraction')}</td>`,
      `<td>${formatFigure(d.forecastCalls, 'count')}</td>`,
      `<td>${formatFigure(d.actualCalls, 'count')}</td>`,
      `<td>${signed(d.volumeError)}</td>`,
      `<td>${formatFigure(d.intervalWape, 'fraction')}</td>`,
      `<td>${formatFigure(d.paidHours, 'hours')}</td></tr>`,
    ].join('');
  });
  return [
    '<section aria-label="Days">',
    '<h2>By day</h2>',
    '<table><thead><tr><th>Day</th><th>Target</th><th>Promised</th><th>Realised</th><th>ASA</th>',
    '<th>Abandonment</th><th>Forecast calls</th><th>Real calls</th><th>Calls vs forecast</th>',
    '<th>Interval WAPE</th><th>Paid hours</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

/**
 * Renders the replay report (`staffcast replay`) as ONE self-contained HTML page (inline CSS and
 * SVG, no script, nothing fetched): headline cards (days meeting the target, promised vs realised
 * service level, ASA, abandonment, forecast error, paid hours); the chart a planner shows their
 * manager - per replayed day the service level the real calls got (red: missed the target) with the
 * plan's promise as a tick and the target dashed (`replayChartSpec`); the day's volume error
 * against its service level (`replayErrorChartSpec`); the week and day tables (missed days in
 * red); notes. All text is HTML-escaped. Cost O(days) plus the chart rendering.
 *
 * @example
 * const day = { date: '2024-01-15', week: 1, status: 'replayed', forecastCalls: 80, actualCalls: 88,
 *   volumeError: 0.1, intervalWape: 0.125, promisedServiceLevel: 0.86, realisedServiceLevel: 0.79,
 *   meetsTarget: false, asaSeconds: 12, abandonRate: 0, answeredCalls: 88, promisedAsaSeconds: 9,
 *   promisedAbandonRate: 0, paidHours: 8, onPhoneAgentHours: 8, callsOutsidePlan: 0 } as const;
 * const total = { daysReplayed: 1, daysMeetingTarget: 0, shareOfDaysMeetingTarget: 0, forecastCalls: 80,
 *   actualCalls: 88, volumeError: 0.1, intervalWape: 0.125, promisedServiceLevel: 0.86,
 *   realisedServiceLevel: 0.79, asaSeconds: 12, abandonRate: 0, paidHours: 8 };
 * const html = await renderReplayHtml({ title: 'Replay', timeZone: 'UTC', generatedAt: 0,
 *   target: { serviceLevel: 0.8, thresholdSeconds: 20 }, arrivals: 'counts', days: [day],
 *   weeks: [{ ...total, week: 1, firstDate: '2024-01-13', lastDate: '2024-01-19',
 *     forecastMethod: 'historical-average', scheduleStatus: 'optimal' }], total });
 * html.includes('0 of 1 days (0.0%)'); // true
 */
export async function renderReplayHtml(input: ReplayReportInput): Promise<string> {
  const { target, total } = input;
  const goal = `${formatFigure(target.serviceLevel, 'fraction')} within ${target.thresholdSeconds} s`;
  const how =
    input.arrivals === 'records'
      ? 'the real calls replayed as they came (per-call records: arrival, talk time, patience of those who hung up)'
      : 'the real calls of each interval, spread at random within it (handle times exponential at the interval AHT)';
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${escapeHtml(input.title)}</h1>`,
  ];
  if (input.subtitle) parts.push(`<p>${escapeHtml(input.subtitle)}</p>`);
  parts.push(
    `<p>${escapeHtml(
      `Each week was planned from the history before it, then its schedule was simulated with ${how}. Target: ${goal}.`,
    )}</p>`,
    '</header>',
    '<section aria-label="Summary">',
    '<h2>Summary</h2>',
    '<div class="cards">',
    card(
      'Days meeting the target',
      `${total.daysMeetingTarget} of ${total.daysReplayed} days (${formatFigure(total.shareOfDaysMeetingTarget, 'fraction')})`,
    ),
    card('Service level promised (plan)', formatFigure(total.promisedServiceLevel, 'fraction')),
    card('Service level realised', formatFigure(total.realisedServiceLevel, 'fraction')),
    card('ASA realised', formatFigure(total.asaSeconds, 'seconds')),
    card('Abandonment realised', formatFigure(total.abandonRate, 'fraction')),
    card('Real calls vs forecast', signed(total.volumeError)),
    card('Interval WAPE', formatFigure(total.intervalWape, 'fraction')),
    card('Paid hours', formatFigure(total.paidHours, 'hours')),
    '</div>',
    '</section>',
  );
  const charts = [
    {
      title: 'Promised vs realised service level per day',
      caption: `Bars: the service level the real calls got (red: the day missed ${goal}). Black tick: what the plan promised. Dashed: the target.`,
      svg: await renderVegaLiteSvg(replayChartSpec(input.days, target.serviceLevel), 'replay-days'),
    },
    {
      title: 'Why days miss: real calls vs forecast',
      caption:
        'Each replayed day: how far its real calls were above (+) or below (-) the forecast, and the service level it got.',
      svg: await renderVegaLiteSvg(replayErrorChartSpec(input.days, target.serviceLevel), 'replay-error'),
    },
  ];
  for (const c of charts)
    parts.push(
      `<section class="chart"><h2>${escapeHtml(c.title)}</h2><p class="caption">${escapeHtml(c.caption)}</p>${c.svg}</section>`,
    );
  parts.push(weekTable(input.weeks, target.serviceLevel), dayTable(input.days));
  if (input.notes && input.notes.length > 0) {
    parts.push('<section aria-label="Notes">', '<h2>Notes</h2>', '<ul class="notes">');
    for (const note of input.notes) parts.push(`<li>${escapeHtml(note)}</li>`);
    parts.push('</ul>', '</section>');
  }
  const generated = format(new TZDate(input.generatedAt, input.timeZone), "yyyy-MM-dd'T'HH:mm:ssXXX");
  const by = input.generator ? ` by ${input.generator}` : '';
  parts.push(
    `<footer>${escapeHtml(`Generated ${generated}${by}. Dates are local to ${input.timeZone}.`)}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  );
  return parts.join('\n');
}
