import { echoValue } from '../messageText.js';
import { formatInstant } from '../time/formatInstant.js';
import type { ReadReport } from './readReport.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LIST = 8;

/** Options of `formatReadReport`. */
export interface FormatReadReportOptions {
  /** Longest list of dates or gap runs shown before "... and N more". Default 8. */
  maxListed?: number;
}

/**
 * The reading report as the multi-line text the CLI prints to stderr: rows read / used /
 * rejected (/ excluded), the classes of per-contact records (handled, abandoned, neither,
 * excluded) when known, interval and zone, span and open days, closed weekdays, closed days and
 * night intervals, gaps (runs with their first start), duplicates, unsorted and fractional
 * counts, ignored columns, then the kept rejection messages and warnings. O(listed items).
 *
 * @example
 * const { report } = await readHistoryCsv('data/us_bank_calls_5min.csv', { timeZone: 'America/New_York' });
 * formatReadReport(report).split('\n')[0];
 * // 'read 27,716 rows from data/us_bank_calls_5min.csv: 27,716 used, 0 rejected'
 */
export function formatReadReport(report: ReadReport, options: FormatReadReportOptions = {}): string {
  const max = options.maxListed ?? LIST;
  const n = (x: number): string => x.toLocaleString('en-US');
  const when = (t: number): string => formatInstant(t, report.timeZone);
  const list = (items: string[]): string =>
    items.length <= max
      ? items.join(', ')
      : `${items.slice(0, max).join(', ')}, ... and ${n(items.length - max)} more`;
  const lines: string[] = [];
  const excluded = report.rowsExcluded > 0 ? `, ${n(report.rowsExcluded)} excluded` : '';
  lines.push(
    `read ${n(report.rowsRead)} rows from ${report.file}: ${n(report.rowsUsed)} used, ${n(report.rowsRejected)} rejected${excluded}`,
  );
  const classes = report.recordClasses;
  if (classes !== undefined)
    lines.push(
      `  records: ${n(classes.handled)} handled, ${n(classes.abandoned)} abandoned, ${n(classes.neither)} neither (offered only), ${n(classes.excluded)} excluded`,
    );
  const span = Number.isNaN(report.firstStart)
    ? ''
    : `, ${when(report.firstStart)} .. ${when(report.lastStart)}`;
  lines.push(
    `  ${report.intervalMinutes}-minute intervals${report.intervalDetected ? ' (detected)' : ''} in ${report.timeZone}${span}; ${n(report.openDays)} open days`,
  );
  const closed: string[] = [];
  if (report.closedWeekdays.length > 0 && report.closedWeekdays.length < 7) {
    closed.push(`${report.closedWeekdays.map((d) => WEEKDAYS[d]).join(', ')} every week`);
  }
  if (report.closedDays.length > 0) {
    closed.push(`${n(report.closedDays.length)} other days (${list(report.closedDays)})`);
  }
  if (report.closedIntervals > 0) closed.push(`${n(report.closedIntervals)} intervals outside opening hours`);
  lines.push(`  closed: ${closed.length === 0 ? 'none' : closed.join('; ')}`);
  if (report.gapIntervals === 0) {
    lines.push('  gaps: none');
  } else {
    const runs = report.gaps.map((g) => `${when(g.start)} (${n(g.intervals)})`);
    lines.push(
      `  gaps: ${n(report.gapIntervals)} missing intervals (NaN) in ${n(report.gaps.length)} runs: ${list(runs)}`,
    );
  }
  const notes: string[] = [];
  if (report.duplicateIntervals > 0)
    notes.push(
      `duplicate intervals: ${n(report.duplicateIntervals)} ${report.duplicateIntervals === 1 ? 'row' : 'rows'} ignored`,
    );
  if (report.unsortedRows > 0) notes.push(`rows out of order: ${n(report.unsortedRows)} (sorted)`);
  if (report.fractionalCounts > 0) notes.push(`fractional counts: ${n(report.fractionalCounts)} (accepted)`);
  if (report.ignoredColumns.length > 0)
    notes.push(`ignored columns: ${report.ignoredColumns.map(echoValue).join(', ')}`);
  if (notes.length > 0) lines.push(`  ${notes.join('; ')}`);
  if (report.errors.length > 0) {
    const of =
      report.errors.length < report.rowsRejected
        ? ` (first ${n(report.errors.length)} of ${n(report.rowsRejected)})`
        : '';
    lines.push(`  rejected rows${of}:`);
    for (const e of report.errors) lines.push(`    ${e}`);
  }
  if (report.warnings.length > 0) {
    lines.push('  warnings:');
    for (const w of report.warnings) lines.push(`    ${w}`);
  }
  return `${lines.join('\n')}\n`;
}
