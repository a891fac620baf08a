import { TZDate } from '@date-fns/tz';
import type { ShiftPreference, TimeWindow, WeeklyAvailability } from '../rostering/types.js';
import { parseTimeWindow } from '../schemas/agentsFile.js';
import { WEEKDAYS, type Weekday } from '../schemas/shiftRules.js';
import { parseTimestamp } from './parseTimestamp.js';

/**
 * The cell syntax of the agents files (`agents.csv` and the time-off CSV), shared by their readers
 * and writers. Lists are separated by `;` (spaces around items ignored).
 */

/** Value or the problem in words. */
type Parsed<T> = T | { problem: string };

/** Whether a parse result is a problem. @internal */
export function isProblem<T>(x: Parsed<T>): x is { problem: string } {
  return typeof x === 'object' && x !== null && 'problem' in x;
}

/**
 * A `;`-separated list cell: trimmed items, empty items dropped (`'stocks; loans'` -> two items).
 *
 * @internal
 * @example
 * splitList(' stocks;loans ; '); // ['stocks', 'loans']
 */
export function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function weekday(text: string): Weekday | undefined {
  const t = text.trim().toLowerCase();
  return (WEEKDAYS as readonly string[]).includes(t) ? (t as Weekday) : undefined;
}

/**
 * Weekdays as written in a cell: `mon`, a range `mon-fri` (wrapping past Sunday: `sun-thu` is
 * sun mon tue wed thu) or a comma list `mon,wed,fri` (items may be ranges).
 *
 * @internal
 * @example
 * parseWeekdays('sun-tue'); // ['sun', 'mon', 'tue']
 * parseWeekdays('mon,fri'); // ['mon', 'fri']
 * parseWeekdays('mo'); // { problem: "unknown weekday 'mo' (mon tue wed thu fri sat sun)" }
 */
export function parseWeekdays(text: string): Parsed<Weekday[]> {
  const out: Weekday[] = [];
  for (const part of text.split(',')) {
    const [a = '', b, ...rest] = part.split('-');
    const from = weekday(a);
    const to = b === undefined ? from : weekday(b);
    if (from === undefined || to === undefined || rest.length > 0) {
      const bad = from === undefined ? a : (b ?? part);
      return { problem: `unknown weekday '${bad.trim().slice(0, 20)}' (${WEEKDAYS.join(' ')})` };
    }
    let i = WEEKDAYS.indexOf(from);
    for (;;) {
      const d = WEEKDAYS[i]!;
      if (!out.includes(d)) out.push(d);
      if (d === to) break;
      i = (i + 1) % 7;
    }
  }
  return out;
}

/** `HH:MM` of minutes after midnight, modulo a day. */
function hhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * A window as `HH:MM-HH:MM` (an end at midnight of the same day is `24:00`).
 *
 * @internal
 * @example
 * formatTimeWindow({ startMinutes: 1320, endMinutes: 1800 }); // '22:00-06:00'
 * formatTimeWindow({ startMinutes: 0, endMinutes: 1440 }); // '00:00-24:00'
 */
export function formatTimeWindow(w: TimeWindow): string {
  return `${hhmm(w.startMinutes)}-${w.endMinutes === 1440 ? '24:00' : hhmm(w.endMinutes)}`;
}

/**
 * An `availability` cell: `;`-separated entries `<weekdays> <window> [<window> ...]`, e.g.
 * `sun-thu 07:00-19:00; fri 07:00-13:00` or `mon 07:00-12:00 13:00-19:00`; weekdays as in
 * `parseWeekdays`, windows as in `parseTimeWindow` (`22:00-06:00` crosses midnight). A weekday in
 * two entries gets the windows of both, in order. An empty cell is undefined (always available).
 *
 * @internal
 * @example
 * parseAvailability('sun-mon 07:00-19:00; fri 07:00-13:00');
 * // { sun: [{ startMinutes: 420, endMinutes: 1140 }], mon: [{ startMinutes: 420, endMinutes: 1140 }], fri: [{ startMinutes: 420, endMinutes: 780 }] }
 * parseAvailability(''); // undefined
 * parseAvailability('mon'); // { problem: "entry 'mon': give weekdays then windows, e.g. 'mon-fri 07:00-19:00'" }
 */
export function parseAvailability(cell: string): Parsed<WeeklyAvailability | undefined> {
  const entries = splitList(cell);
  if (entries.length === 0) return undefined;
  const out: Partial<Record<Weekday, TimeWindow[]>> = {};
  for (const entry of entries) {
    const [days = '', ...windows] = entry.split(/\s+/);
    if (windows.length === 0)
      return {
        problem: `entry '${entry.slice(0, 40)}': give weekdays then windows, e.g. 'mon-fri 07:00-19:00'`,
      };
    const ds = parseWeekdays(days);
    if (isProblem(ds)) return ds;
    const ws: TimeWindow[] = [];
    for (const text of windows) {
      const w = parseTimeWindow(text);
      if (typeof w === 'string') return { problem: w };
      ws.push(w);
    }
    for (const d of ds) out[d] = [...(out[d] ?? []), ...ws];
  }
  return out;
}

/**
 * The `availability` cell of a weekly availability (undefined: empty cell): weekdays with the same
 * windows are joined in one entry (`sun,mon,tue 07:00-19:00`), in weekday order.
 *
 * @internal
 * @example
 * formatAvailability({ mon: [{ startMinutes: 420, endMinutes: 1140 }], tue: [{ startMinutes: 420, endMinutes: 1140 }] });
 * // 'mon,tue 07:00-19:00'
 */
export function formatAvailability(a: WeeklyAvailability | undefined): string {
  if (a === undefined) return '';
  const groups = new Map<string, Weekday[]>();
  for (const d of WEEKDAYS) {
    const ws = a[d];
    if (ws === undefined || ws.length === 0) continue;
    const key = ws.map(formatTimeWindow).join(' ');
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups].map(([windows, days]) => `${days.join(',')} ${windows}`).join('; ');
}

/**
 * A `preferences` cell: `;`-separated `early|late [weight]` (weight default 1), e.g. `early 2`.
 *
 * @internal
 * @example
 * parsePreferences('early 2; late'); // [{ kind: 'early', weight: 2 }, { kind: 'late', weight: 1 }]
 * parsePreferences('night'); // { problem: "unknown preference 'night' (early or late, then an optional weight)" }
 */
export function parsePreferences(cell: string): Parsed<ShiftPreference[]> {
  const out: ShiftPreference[] = [];
  for (const item of splitList(cell)) {
    const [kind = '', weight, ...rest] = item.split(/\s+/);
    if ((kind !== 'early' && kind !== 'late') || rest.length > 0)
      return {
        problem: `unknown preference '${item.slice(0, 40)}' (early or late, then an optional weight)`,
      };
    const w = weight === undefined ? 1 : Number(weight);
    if (!/^\d+(\.\d+)?$/.test(weight ?? '1') || !Number.isFinite(w))
      return { problem: `preference '${item.slice(0, 40)}': weight must be a number >= 0` };
    out.push({ kind, weight: w });
  }
  return out;
}

/**
 * The `preferences` cell of a list of preferences.
 *
 * @internal
 * @example
 * formatPreferences([{ kind: 'late', weight: 1.5 }]); // 'late 1.5'
 */
export function formatPreferences(ps: readonly ShiftPreference[]): string {
  return ps.map((p) => `${p.kind} ${p.weight}`).join('; ');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A time-off bound as an instant: a date `YYYY-MM-DD` is a whole local day in `timeZone` (a start
 * is its local midnight, an end the local midnight after it: the end date is included); a
 * date-time is read by `parseTimestamp` (local in `timeZone` unless it has an offset; a time a DST
 * change skips or repeats is a problem). Local midnight through `TZDate` (a zone whose clocks jump
 * at midnight starts the day at the first instant that exists).
 *
 * @internal
 * @example
 * timeOffBound('2024-03-04', 'Asia/Jerusalem', 'start'); // Date.UTC(2024, 2, 3, 22)
 * timeOffBound('2024-03-04', 'Asia/Jerusalem', 'end'); // Date.UTC(2024, 2, 4, 22)
 * timeOffBound('2024-03-04T12:00', 'UTC', 'end'); // Date.UTC(2024, 2, 4, 12)
 */
export function timeOffBound(text: string, timeZone: string, side: 'start' | 'end'): Parsed<number> {
  const m = DATE.exec(text.trim());
  if (m !== null) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const check = new Date(Date.UTC(y, mo - 1, d));
    if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
      return { problem: `not a date (got '${text.trim()}')` };
    return new TZDate(y, mo - 1, d + (side === 'end' ? 1 : 0), timeZone).getTime();
  }
  const t = parseTimestamp(text, timeZone);
  return t.ok ? t.epochMs : { problem: t.problem };
}
