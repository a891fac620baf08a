import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfDay } from 'date-fns';
import { invalidInput } from '../errors.js';
import type { Agent, AgentRosterStats, Roster, RosterAssignment, UnfilledShift } from '../rostering/types.js';
import { WEEKDAYS, type Weekday } from '../time/weekday.js';
import { isKnownTimeZone } from '../time/zoneOffset.js';
import { REPORT_CSS } from './css.js';
import { escapeHtml } from './escape.js';
import { formatFigure, MISSING_FIGURE } from './format.js';
import { localDateKey, localParts } from './localTime.js';
import { ROSTER_CSS, SHIFT_TYPE_COLORS } from './rosterCss.js';

/** Coverage of one queue per interval, for the understaffed strips of the roster page. */
export interface RosterQueueCoverage {
  /** Agents required per interval (e.g. the requirement's scheduled agents). */
  required: ArrayLike<number>;
  /** Agents rostered on the queue per interval, breaks taken out (may be fractional). */
  rostered: ArrayLike<number>;
  /** Agents short per interval, `max(0, required - rostered)`; an interval is marked when it is > 0. */
  under: ArrayLike<number>;
}

/** Coverage per interval and queue on the complete local grid (see {@link RosterReportInput}). */
export interface RosterReportCoverage {
  /** Epoch ms of each interval start, strictly increasing (DST days have 92 or 100 quarter hours). */
  starts: ArrayLike<number>;
  /** Interval length in minutes, dividing a day. */
  intervalMinutes: number;
  /** Queue (skill) name -> its coverage, one value per start in each array. */
  queues: Readonly<Record<string, RosterQueueCoverage>>;
}

/** What {@link renderRosterHtml} draws. */
export interface RosterReportInput {
  /** Page title, e.g. `Roster: regular, March 1999`. */
  title: string;
  /** A line under the title. */
  subtitle?: string | undefined;
  /** IANA zone of the grid's days and of every time shown. */
  timeZone: string;
  /** Epoch ms printed as the time of writing. */
  generatedAt: number;
  /** Program that wrote the page, e.g. `staffcast 0.1.0 roster`. */
  generator?: string | undefined;
  /** The roster: assignments, per-agent figures, totals, unfilled shifts and how it was solved. */
  roster: Roster;
  /** The agents (names, sites, contracts, fixed days off, leave and wishes); every assignment's agent among them. */
  agents: readonly Agent[];
  /** The rules' weekend days (`RosterRules.weekendDays`): their columns are shaded. */
  weekendDays: readonly Weekday[];
  /** Shift type names in legend (and colour) order, e.g. the rules' order; other types follow by name. */
  shiftTypes?: readonly string[] | undefined;
  /** Coverage per interval and queue; without it the page has no understaffed strips. */
  coverage?: RosterReportCoverage | undefined;
  /** Caveats, one line each. */
  notes?: readonly string[] | undefined;
}

const FN = 'renderRosterHtml';
/** The most local days one page draws (a year). */
const MAX_DAYS = 366;
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** One local day (a column of the grid). */
interface GridDay {
  key: string;
  startMs: number;
  endMs: number;
  weekday: Weekday;
  weekend: boolean;
  /** `Tue 5 Mar`. */
  label: string;
}

/** Everything the sections share, computed once. */
interface RosterPage {
  input: RosterReportInput;
  tz: string;
  days: GridDay[];
  dayOf: Map<string, number>;
  agents: Agent[];
  typeIndex: Map<string, number>;
  types: string[];
  /** Local `HH:mm` of an instant, memoised for this page (interval ends are the next starts). */
  hm: (ms: number) => string;
}

/** `HH:mm` local. */
function hm(ms: number, tz: string): string {
  return format(new TZDate(ms, tz), 'HH:mm');
}

/** `Tue 5 Mar` local. */
function dayLabel(ms: number, tz: string): string {
  return format(new TZDate(ms, tz), 'EEE d MMM');
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Throws `INVALID_INPUT` naming the first inconsistent field of the input. */
function validate(input: RosterReportInput): void {
  if (!isKnownTimeZone(input.timeZone))
    invalidInput(FN, 'timeZone', 'must be an IANA time-zone name', input.timeZone);
  if (!Number.isFinite(input.generatedAt))
    invalidInput(FN, 'generatedAt', 'must be a finite epoch ms', input.generatedAt);
  input.weekendDays.forEach((d, i) => {
    if (!(WEEKDAYS as readonly string[]).includes(d))
      invalidInput(FN, `weekendDays[${i}]`, `must be one of ${WEEKDAYS.join(', ')}`, d);
  });
  const ids = new Set(input.agents.map((a) => a.id));
  input.roster.assignments.forEach((a, i) => {
    if (!ids.has(a.agentId))
      invalidInput(FN, `roster.assignments[${i}].agentId`, 'must name one of the agents', a.agentId);
    if (!(Number.isFinite(a.startMs) && Number.isFinite(a.endMs) && a.endMs > a.startMs))
      invalidInput(FN, `roster.assignments[${i}]`, 'must have finite startMs < endMs', a.id);
  });
  const c = input.coverage;
  if (c === undefined) return;
  const m = c.intervalMinutes;
  if (!Number.isInteger(m) || m <= 0 || 1440 % m !== 0)
    invalidInput(FN, 'coverage.intervalMinutes', 'must be a whole number of minutes dividing 1440', m);
  for (let i = 0; i < c.starts.length; i++) {
    const t = c.starts[i] as number;
    if (!Number.isFinite(t)) invalidInput(FN, `coverage.starts[${i}]`, 'must be a finite epoch ms', t);
    if (i > 0 && t <= (c.starts[i - 1] as number))
      invalidInput(FN, `coverage.starts[${i}]`, 'must be strictly increasing', t);
  }
  for (const [queue, q] of Object.entries(c.queues))
    for (const key of ['required', 'rostered', 'under'] as const)
      if (q[key].length !== c.starts.length)
        invalidInput(
          FN,
          `coverage.queues.${queue}.${key}`,
          `must have one value per start (${c.starts.length})`,
          q[key].length,
        );
}

/** The local days from the first to the last instant of the roster and its coverage. */
function gridDays(input: RosterReportInput): GridDay[] {
  const tz = input.timeZone;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const see = (ms: number) => {
    if (ms < min) min = ms;
    if (ms > max) max = ms;
  };
  const starts = input.coverage?.starts;
  if (starts && starts.length > 0) {
    see(starts[0] as number);
    see(starts[starts.length - 1] as number);
  }
  for (const a of input.roster.assignments) see(a.startMs);
  for (const u of input.roster.unfilled) see(u.shift.startMs);
  if (min > max) return [];
  const lastKey = localDateKey(max, tz);
  const weekend = new Set<string>(input.weekendDays);
  const days: GridDay[] = [];
  let day = startOfDay(new TZDate(min, tz));
  for (;;) {
    const next = addDays(day, 1);
    const key = format(day, 'yyyy-MM-dd');
    const weekday = WEEKDAYS[(day.getDay() + 6) % 7] as Weekday;
    days.push({
      key,
      startMs: day.getTime(),
      endMs: next.getTime(),
      weekday,
      weekend: weekend.has(weekday),
      label: format(day, 'EEE d MMM'),
    });
    if (key === lastKey) break;
    if (days.length >= MAX_DAYS)
      invalidInput(FN, 'roster', `must span at most ${MAX_DAYS} local days`, `${days[0]?.key} to ${lastKey}`);
    day = next;
  }
  return days;
}

function page(input: RosterReportInput): RosterPage {
  validate(input);
  const days = gridDays(input);
  const dayOf = new Map(days.map((d, i) => [d.key, i]));
  const agents = [...input.agents].sort(
    (a, b) =>
      collator.compare(a.site, b.site) || collator.compare(a.name, b.name) || collator.compare(a.id, b.id),
  );
  const seen = new Set<string>();
  for (const a of input.roster.assignments) seen.add(a.shiftType);
  for (const u of input.roster.unfilled) seen.add(u.shift.shiftType);
  const types = [...new Set(input.shiftTypes ?? [])];
  types.push(...[...seen].filter((t) => !types.includes(t)).sort(collator.compare));
  const typeIndex = new Map(types.map((t, i) => [t, i % SHIFT_TYPE_COLORS.length]));
  const clock = new Map<number, string>();
  const memo = (ms: number) => {
    let text = clock.get(ms);
    if (text === undefined) {
      text = hm(ms, input.timeZone);
      clock.set(ms, text);
    }
    return text;
  };
  return { input, tz: input.timeZone, days, dayOf, agents, typeIndex, types, hm: memo };
}

function card(label: string, value: string): string {
  return `<div class="card"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div></div>`;
}

/** Intervals (over all queues) with agents short, and the agent-hours short. */
function shortfall(c: RosterReportCoverage | undefined): { intervals: number; agentHours: number } {
  let intervals = 0;
  let sum = 0;
  if (c)
    for (const q of Object.values(c.queues))
      for (let i = 0; i < q.under.length; i++) {
        const u = q.under[i] as number;
        if (u > 0) {
          intervals++;
          sum += u;
        }
      }
  return { intervals, agentHours: (sum * (c?.intervalMinutes ?? 0)) / 60 };
}

function summarySection(p: RosterPage): string {
  const { totals, solve } = p.input.roster;
  const seats = totals.assignedShifts + totals.unfilledShifts;
  const method = solve?.method === 'mip' ? 'MIP' : 'heuristic';
  const gap = solve?.gap === undefined ? 'no proven bound' : `gap ${(100 * solve.gap).toFixed(2)}%`;
  const cards = [
    card('Agents', formatFigure(totals.agents, 'count')),
    card(
      'Shifts filled',
      `${formatFigure(totals.assignedShifts, 'count')} of ${formatFigure(seats, 'count')}`,
    ),
    card('Shifts unfilled', formatFigure(totals.unfilledShifts, 'count')),
    card('Paid hours', formatFigure(totals.paidHours, 'hours')),
    card('Cost', formatFigure(totals.cost, 'money')),
    card('Solved by', `${method}, ${gap}`),
  ];
  if (p.input.coverage) {
    const s = shortfall(p.input.coverage);
    cards.push(
      card('Understaffed intervals', formatFigure(s.intervals, 'count')),
      card('Agent-hours short', formatFigure(s.agentHours, 'hours')),
    );
  }
  return [
    '<section aria-label="Summary">',
    '<h2>Summary</h2>',
    '<div class="cards">',
    ...cards,
    '</div>',
    '</section>',
  ].join('\n');
}

/** Whether `[startMs, endMs)` overlaps `[from, to)`. */
const overlaps = (startMs: number, endMs: number, from: number, to: number) => startMs < to && from < endMs;

function shiftCell(p: RosterPage, agent: Agent, list: readonly RosterAssignment[], day: GridDay): string {
  const first = list[0] as RosterAssignment;
  const classes = ['shift', `st${p.typeIndex.get(first.shiftType) ?? 0}`];
  if (day.weekend) classes.push('we');
  const titles: string[] = [];
  const lines: string[] = [];
  for (const a of list) {
    const time = `${p.hm(a.startMs)}–${p.hm(a.endMs)}`;
    lines.push(`${escapeHtml(time)}${a.queue === undefined ? '' : `<small>${escapeHtml(a.queue)}</small>`}`);
    const breaks = a.breaks.map((b) => `${b.name} ${p.hm(b.startMs)} (${b.durationMinutes} min)`);
    titles.push(
      `${a.shiftType} ${time}${a.queue === undefined ? '' : ` ${a.queue}`}, ${formatFigure(a.paidMinutes / 60, 'hours')} paid hours` +
        (breaks.length > 0 ? `; breaks ${breaks.join(', ')}` : ''),
    );
    for (const w of agent.timeOff)
      if (w.kind === 'soft' && overlaps(a.startMs, a.endMs, w.startMs, w.endMs)) {
        if (!classes.includes('wish-broken')) classes.push('wish-broken');
        titles.push(`wish not granted${w.note ? `: ${w.note}` : ''}`);
      }
  }
  return `<td class="${classes.join(' ')}" title="${escapeHtml(titles.join('; '))}">${lines.join('<br>')}</td>`;
}

function emptyCell(agent: Agent, day: GridDay): string {
  const we = day.weekend ? ' we' : '';
  const inDay = (kind: 'hard' | 'soft') =>
    agent.timeOff.find((t) => t.kind === kind && overlaps(t.startMs, t.endMs, day.startMs, day.endMs));
  const leave = inDay('hard');
  if (leave) return `<td class="leave${we}" title="${escapeHtml(leave.note ?? 'leave')}">leave</td>`;
  if (agent.fixedDaysOff.includes(day.weekday)) return `<td class="off${we}" title="fixed day off">off</td>`;
  const wish = inDay('soft');
  if (wish)
    return `<td class="wish${we}" title="${escapeHtml(`wish granted${wish.note ? `: ${wish.note}` : ''}`)}">wish</td>`;
  return day.weekend ? '<td class="we"></td>' : '<td></td>';
}

function legend(p: RosterPage): string {
  const items = p.types.map(
    (t) => `<li><span class="swatch st${p.typeIndex.get(t) ?? 0}"></span>${escapeHtml(t)}</li>`,
  );
  items.push(
    '<li><span class="swatch leave"></span>leave (approved)</li>',
    '<li><strong>off</strong> fixed day off</li>',
    '<li><strong>wish</strong> day-off wish granted</li>',
  );
  if (p.input.coverage)
    items.push(
      '<li><span class="swatch open"></span>open hours</li>',
      '<li><span class="swatch short"></span>understaffed (1+ agents short)</li>',
      '<li><span class="swatch part"></span>less than one agent short</li>',
    );
  return `<ul class="legend">${items.join('')}</ul>`;
}

/** Height in CSS pixels of one strip row (they stack, sticky, at the bottom of the grid's box). */
const STRIP_ROW_PX = 25;

/**
 * The `<tfoot>` rows: per queue, a strip per day marking the intervals with agents short, and the
 * local hours the strips span (`07:00–24:00`).
 */
function strips(p: RosterPage): { rows: string[]; window: string } {
  const c = p.input.coverage;
  if (!c || c.starts.length === 0) return { rows: [], window: '' };
  const tz = p.tz;
  const len = c.intervalMinutes;
  const n = c.starts.length;
  const day = new Int32Array(n);
  const minute = new Float64Array(n);
  let winStart = 1440;
  let winEnd = 0;
  for (let i = 0; i < n; i++) {
    const t = c.starts[i] as number;
    day[i] = p.dayOf.get(localDateKey(t, tz)) ?? -1;
    const m = localParts(t, tz).minuteOfDay;
    minute[i] = m;
    winStart = Math.min(winStart, m);
    winEnd = Math.max(winEnd, Math.min(1440, m + len));
  }
  const span = Math.max(len, winEnd - winStart);
  const pos = (m: number, w: number) =>
    `left:${((100 * (m - winStart)) / span).toFixed(3)}%;width:${((100 * w) / span).toFixed(3)}%`;
  const rows: string[] = [];
  const queues = Object.keys(c.queues).sort(collator.compare);
  queues.forEach((queue, qi) => {
    const q = c.queues[queue] as RosterQueueCoverage;
    const bottom = `bottom:${(queues.length - 1 - qi) * STRIP_ROW_PX}px`;
    const marks: string[][] = p.days.map(() => []);
    const open = p.days.map(() => ({ from: 1440, to: 0, short: 0, sum: 0 }));
    for (let i = 0; i < n; i++) {
      const d = day[i] as number;
      const o = open[d];
      if (o === undefined) continue;
      const m = minute[i] as number;
      o.from = Math.min(o.from, m);
      o.to = Math.max(o.to, Math.min(1440, m + len));
      const under = q.under[i] as number;
      if (!(under > 0)) continue;
      o.short++;
      o.sum += under;
      const t = c.starts[i] as number;
      const g = p.days[d] as GridDay;
      const fallBack = g.endMs - g.startMs > 86_400_000;
      const when = `${g.label} ${p.hm(t)}-${p.hm(t + len * 60_000)}${fallBack ? ` (UTC${format(new TZDate(t, tz), 'xxx')})` : ''}`;
      const title = `${when} ${queue}: ${formatFigure(under, 'agents')} short (${formatFigure(q.required[i] as number, 'agents')} required, ${formatFigure(q.rostered[i] as number, 'agents')} rostered)`;
      const cls = under < 1 ? 'short part' : 'short';
      marks[d]?.push(
        `<span class="${cls}" style="${pos(m, Math.min(len, 1440 - m))}" title="${escapeHtml(title)}"></span>`,
      );
    }
    const cells = p.days.map((g, d) => {
      const o = open[d] as { from: number; to: number; short: number; sum: number };
      const we = `${g.weekend ? ' class="we"' : ''} style="${bottom}"`;
      if (o.from >= o.to) return `<td${we} title="closed"></td>`;
      const summary =
        o.short === 0
          ? `${queue} ${g.label}: fully staffed`
          : `${queue} ${g.label}: ${o.short} intervals short, ${formatFigure((o.sum * len) / 60, 'hours')} agent-hours`;
      return `<td${we} title="${escapeHtml(summary)}"><div class="strip"><span class="open" style="${pos(o.from, o.to - o.from)}"></span>${(marks[d] ?? []).join('')}</div></td>`;
    });
    rows.push(
      `<tr class="under${qi === 0 ? ' first' : ''}" data-queue="${escapeHtml(queue)}"><th class="agent" scope="row" style="${bottom}">Short: ${escapeHtml(queue)}</th>${cells.join('')}</tr>`,
    );
  });
  return { rows, window: `${hm0(winStart)}–${hm0(winStart + span)}` };
}

/** Minutes after midnight as `HH:mm` (24:00 for the end of the day). */
function hm0(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - 60 * h);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function gridSection(p: RosterPage): string {
  const tz = p.tz;
  const byAgent = new Map<string, Map<number, RosterAssignment[]>>();
  for (const a of p.input.roster.assignments) {
    const d = p.dayOf.get(localDateKey(a.startMs, tz)) ?? 0;
    const days = byAgent.get(a.agentId) ?? new Map<number, RosterAssignment[]>();
    byAgent.set(a.agentId, days);
    const list = days.get(d);
    if (list) list.push(a);
    else days.set(d, [a]);
  }
  const head = p.days.map(
    (d) =>
      `<th scope="col" class="day${d.weekend ? ' we' : ''}">${escapeHtml(format(new TZDate(d.startMs, tz), 'EEE'))}<small>${escapeHtml(format(new TZDate(d.startMs, tz), 'd MMM'))}</small></th>`,
  );
  const rows: string[] = [];
  let site: string | undefined;
  for (const agent of p.agents) {
    const start = site !== undefined && agent.site !== site ? ' site-start' : '';
    site = agent.site;
    const days = byAgent.get(agent.id);
    const cells = p.days.map((day, d) => {
      const list = days?.get(d);
      return list ? shiftCell(p, agent, list, day) : emptyCell(agent, day);
    });
    rows.push(
      `<tr class="agent${start}" data-agent="${escapeHtml(agent.id)}"><th class="agent" scope="row" title="${escapeHtml(`${agent.name} (${agent.id})`)}">${escapeHtml(agent.name)}<small>${escapeHtml(`${agent.site} · ${agent.contract.name}`)}</small></th>${cells.join('')}</tr>`,
    );
  }
  const foot = strips(p);
  const caption =
    "One row per agent (by site, then name), one column per local day; each cell the shift's local start–end and queue, coloured by shift type." +
    (foot.rows.length > 0
      ? ` Under the grid, per queue, a strip per day from ${foot.window}: the open hours (green) with the intervals short of agents marked in red (hover for the time and how many).`
      : '') +
    ` Times in ${tz}.`;
  return [
    '<section class="roster-grid" aria-label="Roster">',
    '<h2>Roster</h2>',
    `<p class="caption">${escapeHtml(caption)}</p>`,
    legend(p),
    '<div class="grid-wrap">',
    '<table class="roster">',
    `<thead><tr><th scope="col" class="agent">Agent</th>${head.join('')}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    foot.rows.length > 0 ? `<tfoot>\n${foot.rows.join('\n')}\n</tfoot>` : '',
    '</table>',
    '</div>',
    '</section>',
  ].join('\n');
}

function fairnessSection(p: RosterPage): string {
  const stats = new Map<string, AgentRosterStats>(p.input.roster.agentStats.map((s) => [s.agentId, s]));
  const weeks = p.days.length / 7;
  let hours = 0;
  let days = 0;
  let cost = 0;
  const rows = p.agents.map((agent) => {
    const s = stats.get(agent.id);
    const c = agent.contract;
    if (s === undefined)
      return `<tr><td>${escapeHtml(agent.name)}</td><td>${escapeHtml(agent.site)}</td><td>${escapeHtml(c.name)}</td>${'<td>–</td>'.repeat(11)}</tr>`;
    hours += s.paidHours;
    days += s.days;
    cost += s.cost;
    const perWeek = weeks > 0 ? s.paidHours / weeks : Number.NaN;
    const outside = perWeek < c.minHoursPerWeek - 1e-9 || perWeek > c.maxHoursPerWeek + 1e-9;
    return [
      `<tr><td>${escapeHtml(agent.name)}</td><td>${escapeHtml(agent.site)}</td><td>${escapeHtml(c.name)}</td>`,
      `<td>${formatFigure(s.paidHours, 'hours')}</td>`,
      `<td${outside ? ' class="below"' : ''}>${formatFigure(perWeek, 'hours')}</td>`,
      `<td>${formatFigure(c.minHoursPerWeek, 'agents')}–${formatFigure(c.maxHoursPerWeek, 'agents')}</td>`,
      `<td>${s.shifts}</td><td>${s.days}</td>`,
      `<td>${s.weekendsOff} of ${s.weekends}</td>`,
      `<td>${s.earlyShifts}</td><td>${s.lateShifts}</td>`,
      `<td>${s.wishesRequested === 0 ? MISSING_FIGURE : `${s.wishesGranted} of ${s.wishesRequested}`}</td>`,
      `<td>${formatFigure(s.preferencesGranted, 'fraction')}</td>`,
      `<td>${formatFigure(s.cost, 'money')}</td></tr>`,
    ].join('');
  });
  const caption = `Per agent over the ${p.days.length} days: paid hours, their average per week (red: outside the contract's weekly hours; leave lowers it), shifts, working days, free weekends of the complete weekends, early and late shifts, day-off wishes kept, wishes and shift preferences granted, cost.`;
  return [
    '<section aria-label="Fairness">',
    '<h2>Fairness per agent</h2>',
    `<p class="caption">${escapeHtml(caption)}</p>`,
    '<table class="fairness"><thead><tr><th>Agent</th><th>Site</th><th>Contract</th><th>Paid hours</th>',
    '<th>Paid h / week</th><th>Contract h / week</th><th>Shifts</th><th>Days</th><th>Weekends off</th>',
    '<th>Early shifts</th><th>Late shifts</th><th>Wishes kept</th><th>Wishes + preferences granted</th><th>Cost</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    `<tfoot><tr><td>Total</td><td></td><td></td><td>${formatFigure(hours, 'hours')}</td><td></td><td></td><td>${p.input.roster.totals.assignedShifts}</td><td>${days}</td><td></td><td></td><td></td><td></td><td></td><td>${formatFigure(cost, 'money')}</td></tr></tfoot>`,
    '</table>',
    '</section>',
  ].join('\n');
}

function unfilledSection(p: RosterPage): string {
  const tz = p.tz;
  const groups = new Map<string, { first: UnfilledShift; seats: number }>();
  for (const u of p.input.roster.unfilled) {
    const s = u.shift;
    const key = `${s.startMs}|${s.endMs}|${s.shiftType}|${s.queue ?? ''}`;
    const g = groups.get(key);
    if (g) g.seats++;
    else groups.set(key, { first: u, seats: 1 });
  }
  const sorted = [...groups.values()].sort((a, b) => a.first.shift.startMs - b.first.shift.startMs);
  const rows = sorted.map(({ first, seats }) => {
    const s = first.shift;
    const reasons = first.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('');
    return [
      `<tr><td>${escapeHtml(dayLabel(s.startMs, tz))}</td>`,
      `<td>${escapeHtml(`${p.hm(s.startMs)}–${p.hm(s.endMs)}`)}</td>`,
      `<td>${escapeHtml(s.shiftType)}</td><td>${escapeHtml(s.queue ?? '')}</td><td>${seats}</td>`,
      `<td>${reasons === '' ? MISSING_FIGURE : `<ul class="reasons">${reasons}</ul>`}</td></tr>`,
    ].join('');
  });
  return [
    '<section aria-label="Unfilled shifts">',
    `<h2>Unfilled shifts (${p.input.roster.unfilled.length})</h2>`,
    rows.length === 0
      ? '<p class="caption">Every shift has an agent.</p>'
      : [
          '<table class="unfilled"><thead><tr><th>Day</th><th>Time</th><th>Type</th><th>Queue</th><th>Seats</th><th>Why</th></tr></thead>',
          `<tbody>\n${rows.join('\n')}\n</tbody>`,
          '</table>',
        ].join('\n'),
    '</section>',
  ].join('\n');
}

/**
 * The roster page's sections, for embedding in another page (e.g. the plan report) whose
 * stylesheet includes `REPORT_CSS` and `ROSTER_CSS`: the summary cards, the people x days grid
 * with its understaffed strips, the fairness table per agent, the unfilled shifts and the notes.
 * See {@link renderRosterHtml} for what each shows. Every text from the input is HTML-escaped.
 * O(agents x days + assignments + intervals x queues).
 *
 * @throws StaffcastError `INVALID_INPUT` when the input is inconsistent (unknown zone, an
 *   assignment of an unknown agent, coverage arrays not one value per start, more than 366 days).
 * @example
 * const html = rosterReportSections({ title: 'Roster', timeZone: 'UTC', generatedAt: 0, agents: [], weekendDays: [],
 *   roster: { assignments: [], agentStats: [], unfilled: [], totals: { agents: 0, assignedShifts: 0,
 *     unfilledShifts: 0, paidHours: 0, cost: 0, penalty: 0 } } });
 * html.startsWith('<section aria-label="Summary">'); // true
 * html.includes('<p class="caption">Every shift has an agent.</p>'); // true
 */
export function rosterReportSections(input: RosterReportInput): string {
  const p = page(input);
  const parts = [summarySection(p), gridSection(p), fairnessSection(p), unfilledSection(p)];
  if (input.notes && input.notes.length > 0) {
    parts.push('<section aria-label="Notes">', '<h2>Notes</h2>', '<ul class="notes">');
    for (const note of input.notes) parts.push(`<li>${escapeHtml(note)}</li>`);
    parts.push('</ul>', '</section>');
  }
  return parts.join('\n');
}

/**
 * Renders a roster (`staffcast roster`) as ONE self-contained HTML page (inline CSS, no script,
 * nothing fetched): headline cards (agents, shifts filled and unfilled, paid hours, cost, how it
 * was solved and its gap, understaffed intervals and agent-hours short); the grid of people (rows,
 * sorted by site then name; the name column sticky) by local days (columns with weekday and date,
 * the rules' weekend days shaded), each cell the shift's local start–end and queue coloured by
 * shift type (a legend; days of approved leave marked `leave`, fixed days off `off`, granted
 * day-off wishes `wish`, a shift on a wished day outlined), and under it, per queue, a strip per
 * day of its open hours with every interval whose `under` is > 0 marked (hover title e.g.
 * `Tue 5 Mar 07:15-07:30 regular: 2 short (5 required, 3 rostered)`); the fairness table per agent
 * (paid hours and their weekly average against the contract's, days, weekends off, early and late
 * shifts, wishes and preferences granted, cost); the unfilled shifts with their reasons; notes.
 * Days are the local days of `timeZone` from the first to the last instant of the roster and its
 * coverage (TZDate, so DST days are right). The grid scrolls in its own box, so 100 agents x 28
 * days stays usable. All text from the input is HTML-escaped. O(agents x days + assignments +
 * intervals x queues).
 *
 * @throws StaffcastError `INVALID_INPUT` when the input is inconsistent (see `rosterReportSections`).
 * @example
 * const contract = { name: 'full-time', minHoursPerWeek: 0, maxHoursPerWeek: 40, minDaysPerWeek: 0,
 *   maxDaysPerWeek: 5, maxConsecutiveDays: 5, minRestHours: 11, costPerHour: 1 };
 * const agents = [{ id: 'a1', name: 'A. <Cohen>', contract, skills: ['sales'], site: 'hq', timeZone: 'UTC',
 *   fixedDaysOff: [], timeOff: [], shiftPreferences: [], seniority: 0 }];
 * const shift = { id: 's1', agentId: 'a1', shiftType: 'day', queue: 'sales', startMs: Date.UTC(2024, 0, 1, 8),
 *   endMs: Date.UTC(2024, 0, 1, 16), paidMinutes: 480, breaks: [] };
 * const html = renderRosterHtml({ title: 'Roster', timeZone: 'UTC', generatedAt: 0, agents, weekendDays: ['sat', 'sun'],
 *   roster: { assignments: [shift], agentStats: [], unfilled: [], totals: { agents: 1, assignedShifts: 1,
 *     unfilledShifts: 0, paidHours: 8, cost: 8, penalty: 0 } } });
 * html.includes('A. &lt;Cohen&gt;'); // true
 * html.includes('08:00–16:00<small>sales</small>'); // true
 */
export function renderRosterHtml(input: RosterReportInput): string {
  const body = rosterReportSections(input);
  const tz = input.timeZone;
  const days = gridDays(input);
  const first = days[0];
  const last = days[days.length - 1];
  const horizon =
    first && last
      ? `Horizon: ${format(new TZDate(first.startMs, tz), 'EEE d MMM yyyy')} – ${format(new TZDate(last.startMs, tz), 'EEE d MMM yyyy')} (${days.length} days)`
      : 'No shifts';
  const weekend = input.weekendDays.length > 0 ? input.weekendDays.map(cap).join(', ') : 'none';
  const generated = format(new TZDate(input.generatedAt, tz), "yyyy-MM-dd'T'HH:mm:ssXXX");
  const by = input.generator ? ` by ${input.generator}` : '';
  const parts = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${REPORT_CSS}${ROSTER_CSS}</style>`,
    '</head>',
    '<body>',
    '<main class="roster-page">',
    '<header>',
    `<h1>${escapeHtml(input.title)}</h1>`,
    input.subtitle ? `<p>${escapeHtml(input.subtitle)}</p>` : '',
    `<p>${escapeHtml(`${horizon} · weekend: ${weekend} · times in ${tz}`)}</p>`,
    '</header>',
    body,
    `<footer>${escapeHtml(`Generated ${generated}${by}. Times are local to ${tz}.`)}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ];
  return parts
    .filter((s) => s !== '')
    .join('\n')
    .concat('\n');
}
