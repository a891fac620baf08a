import { wallClockAsUtc } from '../localTime.js';

/** One row of chart data: `t` is local wall-clock time encoded as UTC ms; other fields numbers or null. */
export type TimeRow = { t: number } & Record<string, number | string | null>;

/** Options of `timeRows`. */
export interface TimeRowsOptions {
  /** IANA zone of the local times shown. */
  timeZone: string;
  /** Interval length in minutes (used to find gaps and to close the last step). */
  intervalMinutes: number;
  /**
   * Add a row at the end of every run of contiguous intervals repeating its values, so a
   * `step-after` line or area covers the last interval too. Default false.
   */
  closeSteps?: boolean;
  /** Constant fields added to every row, e.g. `{ kind: 'History' }`. */
  constants?: Record<string, string>;
}

/**
 * Turns parallel arrays into chart rows `{ t, ...columns }`, `t` being the local wall-clock time
 * (`wallClockAsUtc`) so a UTC time scale shows local clock times. NaN becomes `null` (a gap in a
 * line with `invalid: 'break-paths-show-domains'`), and where the centre is closed (consecutive
 * starts further apart than one interval) a row of nulls is inserted so lines do not bridge the
 * night. O(n).
 *
 * @example
 * timeRows([0, 1_800_000], { y: [1, Number.NaN] }, { timeZone: 'UTC', intervalMinutes: 30 });
 * // [{ t: 0, y: 1 }, { t: 1800000, y: null }]
 */
export function timeRows(
  starts: ArrayLike<number>,
  columns: Record<string, ArrayLike<number>>,
  options: TimeRowsOptions,
): TimeRow[] {
  const intervalMs = options.intervalMinutes * 60_000;
  const keys = Object.keys(columns);
  const constants = options.constants ?? {};
  const rows: TimeRow[] = [];
  const valuesAt = (i: number): Record<string, number | null> => {
    const r: Record<string, number | null> = {};
    for (const k of keys) {
      const v = columns[k]![i]!;
      r[k] = Number.isFinite(v) ? v : null;
    }
    return r;
  };
  const nulls: Record<string, null> = {};
  for (const k of keys) nulls[k] = null;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    const t = wallClockAsUtc(s, options.timeZone);
    rows.push({ ...constants, t, ...valuesAt(i) });
    const next = starts[i + 1];
    const endOfRun = next === undefined || next - s > intervalMs;
    if (endOfRun) {
      if (options.closeSteps) rows.push({ ...constants, t: t + intervalMs, ...valuesAt(i), closing: 1 });
      if (next !== undefined) rows.push({ ...constants, t: t + intervalMs + 1, ...nulls });
    }
  }
  return rows;
}

/**
 * Time-axis ticks for rows from `timeRows`: one labelled tick per local midnight (every day up to
 * 10 days, then every `ceil(days / 10)` days, at most 12 labels), formatted as weekday and date.
 * Explicit values, because vega's label-overlap test relies on estimated text widths. O(days).
 *
 * @example
 * timeAxisFormat([{ t: 0 }, { t: 2 * 86_400_000 }]).values; // [0, 86400000, 172800000]
 */
export function timeAxisFormat(rows: ReadonlyArray<TimeRow>): {
  format: string;
  values: number[];
  labelOverlap: false;
} {
  const day = 86_400_000;
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 0;
  const days = Math.ceil((last - first) / day);
  const step = days <= 10 ? 1 : Math.ceil(days / 10);
  const values: number[] = [];
  for (let t = Math.ceil(first / day) * day; t <= last; t += step * day) values.push(t);
  return { format: days <= 60 ? '%a %e %b' : '%e %b %Y', values, labelOverlap: false };
}

/**
 * The x encoding of every time chart: field `t` (wall-clock ms from `timeRows`, read as UTC so
 * vega shows local time), no title, one horizontal label per day (`timeAxisFormat`). O(days).
 *
 * @example
 * timeX([{ t: 0 }, { t: 86_400_000 }]).axis.values; // [0, 86400000]
 */
export function timeX(rows: ReadonlyArray<TimeRow>) {
  return {
    field: 't',
    type: 'temporal' as const,
    scale: { type: 'utc' as const },
    title: null,
    axis: { ...timeAxisFormat(rows), labelAngle: 0 },
  };
}
