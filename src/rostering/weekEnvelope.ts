/** What one agent may work in one week, for {@link weekPenaltyEnvelope} (internal). @internal */
export interface WeekShape {
  /** Distinct paid minutes of the shifts the agent may work that week. */
  lengths: readonly number[];
  /** Most working days that week: the contract's, and no more than the days with a shift to work. */
  maxDays: number;
  /** The contract's weekly minimum and maximum paid minutes. */
  minMinutes: number;
  maxMinutes: number;
  /** The contract's weekly minimum days. */
  minDays: number;
  /** Penalty per hour and per day short of the minimums. */
  shortHour: number;
  shortDay: number;
}

/** A plane `penalty >= alpha + perMinute x paid minutes + perDay x days` (internal). @internal */
export type EnvelopePlane = readonly [alpha: number, perMinute: number, perDay: number];

/** Most (days, minutes) points an envelope is computed from; larger weeks get none. @internal */
export const ENVELOPE_MAX_POINTS = 64;

/** Most shapes remembered; the memo starts afresh past it (a long-running process stays bounded). */
const ENVELOPE_MEMO_SIZE = 4096;
const memo = new Map<string, EnvelopePlane[]>();

/**
 * The lower convex envelope of one agent-week's shortfall penalty (internal): the planes
 * `alpha + perMinute M + perDay D` that lie on or below `shortHour x max(0, minMinutes - M) / 60 +
 * shortDay x max(0, minDays - D)` at every (D days, M paid minutes) the week can hold (D from 0 to
 * `maxDays`, M a sum of D of the `lengths`, at most `maxMinutes`), each touching three of those
 * points: the facets of the lower convex hull. Every one is a valid inequality of the roster MIP
 * (the shortfall columns' cost is at least the plane at the week's paid minutes and days), and
 * together they give its LP relaxation the true cost of a fractional week: an agent with a 37.5 h
 * minimum and 8 h shifts cannot meet it exactly, so the LP may no longer pretend 4.7 days do. The
 * planes the shortfall rows already imply (the penalty's own pieces) are left out. With one length
 * the paid minutes are that length times the days, so the planes are lines in the days
 * (`perMinute` 0). Memoised by shape; none when the shape has more than `ENVELOPE_MAX_POINTS`
 * points. O(points^4) per shape.
 *
 * @internal
 * @example
 * // 8 h shifts, at least 37.5 h and 5 days, at most 40 h and 5 days; 10 an hour, 20 a day short
 * weekPenaltyEnvelope({ lengths: [480], maxDays: 5, minMinutes: 2250, maxMinutes: 2400, minDays: 5,
 *   shortHour: 10, shortDay: 20 }).length > 0; // true
 */
export function weekPenaltyEnvelope(shape: WeekShape): EnvelopePlane[] {
  const lengths = [...new Set(shape.lengths)].filter((l) => l > 0).sort((p, q) => p - q);
  const key = `${lengths.join(',')}|${shape.maxDays}|${shape.minMinutes}|${shape.maxMinutes}|${shape.minDays}|${shape.shortHour}|${shape.shortDay}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const penalty = (d: number, m: number) =>
    (shape.shortHour * Math.max(0, shape.minMinutes - m)) / 60 +
    shape.shortDay * Math.max(0, shape.minDays - d);
  // the (days, minutes) points, by days
  const points: [number, number, number][] = [[0, 0, penalty(0, 0)]];
  let level = new Set<number>([0]);
  for (let d = 1; d <= shape.maxDays && points.length <= ENVELOPE_MAX_POINTS; d++) {
    const next = new Set<number>();
    for (const m of level) for (const l of lengths) if (m + l <= shape.maxMinutes) next.add(m + l);
    if (next.size === 0) break;
    for (const m of next) points.push([d, m, penalty(d, m)]);
    level = next;
  }
  const planes: EnvelopePlane[] = [];
  if (lengths.length === 1) {
    // one length: paid minutes = length x days, in the LP too, so the envelope is a line in the days
    const n = points.length;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const [d1, , f1] = points[i] ?? [0, 0, 0];
        const [d2, , f2] = points[j] ?? [0, 0, 0];
        const perDay = (f2 - f1) / (d2 - d1);
        const plane: EnvelopePlane = [f1 - perDay * d1, 0, perDay];
        if (
          points.every(([d, , f]) => f >= plane[0] + perDay * d - 1e-7) &&
          !implied(plane, shape, lengths[0] ?? 0)
        )
          if (!planes.some((q) => Math.abs(q[0] - plane[0]) < 1e-9 && Math.abs(q[2] - perDay) < 1e-9))
            planes.push(plane);
      }
  } else if (points.length <= ENVELOPE_MAX_POINTS) {
    const n = points.length;
    const seen = new Set<string>();
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        for (let k = j + 1; k < n; k++) {
          const plane = through(points[i], points[j], points[k]);
          if (plane === undefined) continue;
          const [alpha, perMinute, perDay] = plane;
          const below = points.every(([d, m, f]) => f >= alpha + perMinute * m + perDay * d - 1e-7);
          if (!below || implied(plane, shape)) continue;
          const id = plane.map((v) => v.toFixed(9)).join('|');
          if (seen.has(id)) continue;
          seen.add(id);
          planes.push(plane);
        }
  }
  if (memo.size >= ENVELOPE_MEMO_SIZE) memo.clear();
  memo.set(key, planes);
  return planes;
}

/** The plane through three (days, minutes, penalty) points, undefined when they stand on one line. */
function through(
  p: readonly [number, number, number] | undefined,
  q: readonly [number, number, number] | undefined,
  r: readonly [number, number, number] | undefined,
): EnvelopePlane | undefined {
  if (p === undefined || q === undefined || r === undefined) return undefined;
  // f = alpha + b m + c d: solve with q - p and r - p
  const [d1, m1, f1] = [q[0] - p[0], q[1] - p[1], q[2] - p[2]];
  const [d2, m2, f2] = [r[0] - p[0], r[1] - p[1], r[2] - p[2]];
  const det = m1 * d2 - m2 * d1;
  if (Math.abs(det) < 1e-9) return undefined;
  const b = (f1 * d2 - f2 * d1) / det;
  const c = (m1 * f2 - m2 * f1) / det;
  return [p[2] - b * p[1] - c * p[0], b, c];
}

/**
 * Whether a plane is one of the pieces the shortfall rows already give (0, hours, days, both);
 * with `length`, along the line of one length's weeks (paid minutes = length x days, so a piece's
 * slope in the minutes counts in the days).
 */
function implied([alpha, perMinute, perDay]: EnvelopePlane, shape: WeekShape, length?: number): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) <= 1e-7 * Math.max(1, Math.abs(y));
  const hour = shape.minMinutes > 0 ? [0, 1] : [0];
  const day = shape.minDays > 0 ? [0, 1] : [0];
  for (const h of hour)
    for (const d of day) {
      const pieceMinute = (-h * shape.shortHour) / 60;
      const pieceDay = -d * shape.shortDay;
      const slopes =
        length === undefined
          ? close(perMinute, pieceMinute) && close(perDay, pieceDay)
          : close(perDay, pieceDay + pieceMinute * length);
      if (
        close(alpha, (h * shape.shortHour * shape.minMinutes) / 60 + d * shape.shortDay * shape.minDays) &&
        slopes
      )
        return true;
    }
  return false;
}
