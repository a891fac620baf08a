import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { invalidInput } from '../errors.js';

/** A run of consecutive intervals with no agents, or with fewer agents than required. */
export interface UncoveredRange {
  /** `'none'`: nobody on the phones though agents are required; `'short'`: fewer than required. */
  kind: 'none' | 'short';
  /** Epoch ms of the first interval's start. */
  start: number;
  /** Epoch ms of the end of the last interval (exclusive). */
  end: number;
  /** Intervals in the run. */
  intervals: number;
  /** Largest shortfall `required - net` in the run (agents). */
  maxShortfall: number;
  /** Start (epoch ms) of the first interval with that shortfall. */
  worstStart: number;
  /** Local time range, e.g. `'27 Oct 05:00-06:00'` (`'27 Oct 23:00-24:00'`, `'27 Oct 23:00-28 Oct 01:00'`). */
  label: string;
}

const TOLERANCE = 1e-9;

/** `'d MMM HH:mm'` of an instant in a zone. */
function localDayTime(ms: number, timeZone: string): string {
  return format(new TZDate(ms, timeZone), 'd MMM HH:mm');
}

/** `'27 Oct 05:00-06:00'`: the end's date only when it differs; a local midnight end as 24:00. */
function rangeLabel(start: number, end: number, timeZone: string): string {
  const from = new TZDate(start, timeZone);
  const to = new TZDate(end, timeZone);
  const head = format(from, 'd MMM HH:mm');
  const sameDate = format(from, 'yyyy-MM-dd') === format(to, 'yyyy-MM-dd');
  if (sameDate) return `${head}-${format(to, 'HH:mm')}`;
  const before = new TZDate(end - 1, timeZone);
  if (format(to, 'HH:mm') === '00:00' && format(before, 'yyyy-MM-dd') === format(from, 'yyyy-MM-dd'))
    return `${head}-24:00`;
  return `${head}-${format(to, 'd MMM HH:mm')}`;
}

/**
 * The intervals a schedule leaves uncovered, merged into runs of consecutive intervals in real
 * time: `'none'` where agents are required (`required > 0`) but nobody is on the phones
 * (`net = 0`), `'short'` where some are but fewer than required (`0 < net < required`). Two
 * intervals are consecutive when their starts are `intervalMinutes` apart (so a gap in `starts`,
 * e.g. a closed night, ends a run, and a run across a DST change stays one run). An interval with
 * `required` 0 or NaN (closed, or nothing needed) is never uncovered, so complete local grids
 * and open-interval-only series give the same runs. `required` and `net` are in the same unit
 * (e.g. the schedule's `coverage.required` and `coverage.net`). Labels are local times in
 * `timeZone` (via `@date-fns/tz`). O(n).
 *
 * @throws StaffcastError `INVALID_INPUT` for arrays of different lengths or a non-positive interval.
 * @example
 * const h = 3_600_000;
 * uncoveredRanges([0, h, 2 * h, 3 * h], [2, 2, 3, 0], [0, 0, 1, 0], 60, 'UTC').map((r) => r.label);
 * // ['1 Jan 00:00-02:00', '1 Jan 02:00-03:00'] (kinds 'none' and 'short', the second short by 2)
 */
export function uncoveredRanges(
  starts: ArrayLike<number>,
  required: ArrayLike<number>,
  net: ArrayLike<number>,
  intervalMinutes: number,
  timeZone: string,
): UncoveredRange[] {
  const fn = 'uncoveredRanges';
  const n = starts.length;
  if (required.length !== n)
    invalidInput(fn, 'required', `must have one value per interval (${n})`, required.length);
  if (net.length !== n) invalidInput(fn, 'net', `must have one value per interval (${n})`, net.length);
  if (!(intervalMinutes > 0)) invalidInput(fn, 'intervalMinutes', 'must be > 0', intervalMinutes);
  const step = intervalMinutes * 60_000;
  const out: UncoveredRange[] = [];
  let open: Omit<UncoveredRange, 'label'> | undefined;
  const close = () => {
    if (open !== undefined) out.push({ ...open, label: rangeLabel(open.start, open.end, timeZone) });
    open = undefined;
  };
  for (let i = 0; i < n; i++) {
    const r = required[i]!;
    const a = Number.isFinite(net[i]!) ? Math.max(0, net[i]!) : 0;
    const t = starts[i]!;
    const shortfall = r - a;
    if (!(r > TOLERANCE) || !(shortfall > TOLERANCE)) {
      close();
      continue;
    }
    const kind = a <= TOLERANCE ? 'none' : 'short';
    if (open !== undefined && (open.kind !== kind || open.end !== t)) close();
    if (open === undefined) {
      open = { kind, start: t, end: t + step, intervals: 1, maxShortfall: shortfall, worstStart: t };
      continue;
    }
    open.end = t + step;
    open.intervals++;
    if (shortfall > open.maxShortfall + TOLERANCE) {
      open.maxShortfall = shortfall;
      open.worstStart = t;
    }
  }
  close();
  return out;
}

/** Options of `describeUncovered`. */
export interface DescribeUncoveredOptions {
  /** Ranges listed per line before `and N more`. Default 6. */
  maxRanges?: number;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function roundAgents(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

/**
 * The uncovered intervals in words, one line per kind (none when everything is covered), for
 * the terminal summary, the report's notes and messages: `'2 intervals with no agents:
 * 27 Oct 05:00-06:00'` and `'3 intervals under-covered (fewer agents on the phones than required;
 * worst short by 4 at 27 Oct 10:15): 27 Oct 10:00-10:45'`. At most `maxRanges` ranges are listed
 * per line, then `and N more`. O(ranges).
 *
 * @example
 * const h = 3_600_000;
 * describeUncovered(uncoveredRanges([0, h], [2, 2], [0, 0], 60, 'UTC'), 'UTC');
 * // ['2 intervals with no agents: 1 Jan 00:00-02:00']
 */
export function describeUncovered(
  ranges: ReadonlyArray<UncoveredRange>,
  timeZone: string,
  options: DescribeUncoveredOptions = {},
): string[] {
  const max = options.maxRanges ?? 6;
  const list = (rs: ReadonlyArray<UncoveredRange>) =>
    rs
      .slice(0, max)
      .map((r) => r.label)
      .join(', ') + (rs.length > max ? `, and ${rs.length - max} more` : '');
  const lines: string[] = [];
  const none = ranges.filter((r) => r.kind === 'none');
  const short = ranges.filter((r) => r.kind === 'short');
  if (none.length > 0) {
    const count = none.reduce((s, r) => s + r.intervals, 0);
    lines.push(`${plural(count, 'interval', 'intervals')} with no agents: ${list(none)}`);
  }
  if (short.length > 0) {
    const count = short.reduce((s, r) => s + r.intervals, 0);
    const worst = short.reduce((w, r) => (r.maxShortfall > w.maxShortfall ? r : w));
    lines.push(
      `${plural(count, 'interval', 'intervals')} under-covered (fewer agents on the phones than required; ` +
        `worst short by ${roundAgents(worst.maxShortfall)} at ${localDayTime(worst.worstStart, timeZone)}): ${list(short)}`,
    );
  }
  return lines;
}
