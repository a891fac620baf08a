import { TZDate } from '@date-fns/tz';
import asciichart from 'asciichart';
import { format } from 'date-fns';
import { invalidInput } from '../errors.js';
import { busiestDay } from './busiestDay.js';
import { formatFigure } from './format.js';
import { summaryFigures } from './summaryFigures.js';
import type { ReportInput } from './types.js';
import { validateReportInput } from './validate.js';

/** Options of `renderTerminalSummary`. */
export interface TerminalSummaryOptions {
  /** Use ANSI colours (false when `NO_COLOR` is set or the output is not a terminal). */
  color: boolean;
  /** Terminal width in columns (>= 40); the chart and lines fit in it. Default 80. */
  width?: number;
  /** Height of the chart in rows (>= 3). Default 10. */
  height?: number;
}

/**
 * A compact plain-text summary of the plan for the terminal: the title, the headline figures
 * (`summaryFigures`) aligned in two columns, one line per queue when there are `queues`
 * (contacts, agent-hours required, service level, ASA), each of `warnings` as a `Warning:` line
 * (wrapped to the width; red when coloured), and an ASCII line chart (asciichart) of required
 * (`─` red when coloured) vs scheduled (`─` blue) agents over the busiest local day (the day with
 * the most required agent-intervals), on an even time grid where closed intervals count as 0 agents.
 * When the day has more intervals than fit in the width, each chart column shows the mean of
 * consecutive intervals; when it has far fewer, each interval is repeated (up to 4 columns). Every line is at most `width` columns
 * (ANSI codes excluded); with `color: false` there is no escape code at all. O(n).
 *
 * @throws StaffcastError `INVALID_INPUT` for a width below 40 or an invalid input.
 * @example
 * const starts = [0, 900_000];
 * const input: ReportInput = { title: 'Week 1', timeZone: 'UTC', intervalMinutes: 15, generatedAt: 0, summary: {},
 *   forecast: { starts, calls: [10, 12] }, staffing: { starts, requiredAgents: [3, 4], scheduledAgents: [3, 3] } };
 * renderTerminalSummary(input, { color: false, width: 80 }).split('\n')[0]; // 'Week 1' (the title)
 */
export function renderTerminalSummary(input: ReportInput, options: TerminalSummaryOptions): string {
  validateReportInput(input);
  const width = options.width ?? 80;
  const height = options.height ?? 10;
  if (!Number.isInteger(width) || width < 40) {
    invalidInput('renderTerminalSummary', 'width', 'must be a whole number of columns >= 40', width);
  }
  if (!Number.isInteger(height) || height < 3) {
    invalidInput('renderTerminalSummary', 'height', 'must be a whole number of rows >= 3', height);
  }
  const paint = (text: string, code: string) => (options.color ? `${code}${text}${asciichart.reset}` : text);
  const lines: string[] = [];
  lines.push(clip(input.title, width));
  if (input.subtitle) lines.push(clip(input.subtitle, width));
  lines.push('');
  const figures = summaryFigures(input.summary, input.timeZone);
  // labels are cut on a narrow terminal to leave 20 columns for the values ('12,963.0 / 13,500.0')
  const labelWidth = Math.min(Math.max(...figures.map((f) => f.label.length)), width - 22);
  for (const f of figures) {
    lines.push(
      `${clip(f.label, labelWidth).padEnd(labelWidth)}  ` +
        paint(clip(f.value, width - labelWidth - 2), '\x1b[1m'),
    );
  }

  if (input.queues && input.queues.length > 0) {
    // one line per queue: name (channel), contacts, agent-hours required, service level, ASA
    const nameWidth = Math.max(
      ...input.queues.map((q) => q.name.length + (q.channel ? q.channel.length + 3 : 0)),
    );
    for (const q of input.queues) {
      const name = q.channel ? `${q.name} (${q.channel})` : q.name;
      lines.push(
        clip(
          `  ${name.padEnd(nameWidth)}  ${formatFigure(q.forecastCalls, 'count')} contacts, ` +
            `${formatFigure(q.requiredAgentHours, 'hours')} h required, ` +
            `SL ${formatFigure(q.serviceLevel, 'fraction')}, ASA ${formatFigure(q.asaSeconds, 'seconds')}`,
          width,
        ),
      );
    }
  }

  for (const w of input.warnings ?? [])
    lines.push(...wrap(`Warning: ${w}`, width).map((l) => paint(l, asciichart.red)));

  const s = input.staffing;
  const day = busiestDay(s.starts, s.requiredAgents, input.timeZone);
  if (day && day.to > day.from) {
    // The day on an even time grid from its first to its last interval; closed slots are 0 agents.
    const intervalMs = input.intervalMinutes * 60_000;
    const startMs = s.starts[day.from]!;
    const slots = Math.round((s.starts[day.to - 1]! - startMs) / intervalMs) + 1;
    const required = new Array<number>(slots).fill(0);
    const scheduled = new Array<number>(slots).fill(0);
    for (let i = day.from; i < day.to; i++) {
      const k = Math.round((s.starts[i]! - startMs) / intervalMs);
      required[k] = s.requiredAgents[i]!;
      scheduled[k] = s.scheduledAgents[i]!;
    }
    const maxValue = Math.max(1, ...required.filter(Number.isFinite), ...scheduled.filter(Number.isFinite));
    const decimals = maxValue < height ? 1 : 0; // small peaks: whole labels would repeat
    const labelCols = Math.max(4, formatAxis(maxValue, decimals).length) + 3;
    const columns = Math.max(1, width - labelCols - 1);
    // More intervals than columns: mean of `bucket` intervals per column; fewer: repeat each.
    const bucket = Math.ceil(required.length / columns);
    const repeat = bucket > 1 ? 1 : Math.max(1, Math.min(4, Math.floor(columns / required.length)));
    const req = stretch(meanBuckets(required, bucket), repeat);
    const sch = stretch(meanBuckets(scheduled, bucket), repeat);
    const zone = input.timeZone;
    const first = format(new TZDate(startMs, zone), 'EEE d MMM yyyy');
    const endMs = s.starts[day.to - 1]! + intervalMs;
    lines.push('');
    lines.push(
      clip(`Busiest day ${first} (${zone}), ${clockOf(startMs, zone)}–${clockOf(endMs, zone, true)}:`, width),
    );
    const legend = `${paint('──', asciichart.red)} required   ${paint('──', asciichart.blue)} scheduled`;
    lines.push(`${' '.repeat(labelCols)}${legend}`);
    const chart = asciichart.plot([req, sch], {
      height,
      min: 0,
      max: maxValue,
      padding: ' '.repeat(labelCols - 3),
      format: (x) => formatAxis(x, decimals).padStart(labelCols - 3),
      ...(options.color ? { colors: [asciichart.red, asciichart.blue] } : {}),
    });
    lines.push(...chart.split('\n'));
    // Time axis: a local clock label about every 12 columns, at the start of the interval there.
    const axis = Array.from({ length: req.length + 6 }, () => ' ');
    for (let col = 0; col + 5 <= axis.length; col += 12) {
      const label = clockOf(startMs + Math.floor(col / repeat) * bucket * intervalMs, zone, col > 0);
      for (let k = 0; k < label.length; k++) axis[col + k] = label[k]!;
    }
    lines.push(clip(`${' '.repeat(labelCols)}${axis.join('').trimEnd()}`, width));
    const per = bucket > 1 ? `, mean of ${bucket} per column` : '';
    lines.push(clip(`${' '.repeat(labelCols)}Agents per ${input.intervalMinutes} min${per}`, width));
  }
  return `${lines.join('\n')}\n`;
}

/** Means of consecutive groups of `size` values (NaN skipped; an all-NaN group gives 0). */
function meanBuckets(values: ReadonlyArray<number>, size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i += size) {
    let sum = 0;
    let n = 0;
    for (let j = i; j < Math.min(values.length, i + size); j++) {
      const v = values[j]!;
      if (Number.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    out.push(n > 0 ? sum / n : 0);
  }
  return out;
}

/** Each value repeated `times` times (widens a short day to the terminal). */
function stretch(values: ReadonlyArray<number>, times: number): number[] {
  return values.flatMap((v) => Array.from({ length: times }, () => v));
}

/** Local `HH:mm` of an instant; with `end`, a midnight is shown as `24:00` (end of the day). */
function clockOf(epochMs: number, timeZone: string, end = false): string {
  const text = format(new TZDate(epochMs, timeZone), 'HH:mm');
  return end && text === '00:00' ? '24:00' : text;
}

/** Axis label of the chart: agents with `decimals` decimals. */
function formatAxis(x: number, decimals: number): string {
  return x.toFixed(decimals);
}

/** Splits `text` at spaces into lines of at most `width` characters (continuations indented 2). */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (next.length <= width || line.trim() === '') line = next;
    else {
      out.push(line);
      line = `  ${word}`;
    }
  }
  if (line !== '') out.push(line);
  return out.map((l) => clip(l, width));
}

/** Cuts `text` to at most `width` characters. */
function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}
