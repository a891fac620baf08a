import type { ScheduleCoverage } from '../scheduling/scheduleShifts.js';
import { formatInstant } from '../time/formatInstant.js';
import { type CsvCell, csvText } from './csvText.js';

/** Rounds to `digits` places; csvText writes a value that is not finite as an empty cell. */
const round = (v: number, digits = 4) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Instant as ISO-8601 with the zone's offset; '' when there is none. */
function instant(ms: number | undefined, timeZone: string): string {
  return ms === undefined || !Number.isFinite(ms) ? '' : formatInstant(ms, timeZone);
}

/**
 * What `writeCoverageCsv` writes: the requirement, a schedule's coverage and the service it gives,
 * per requirement interval. The figures a command does not compute are left out and written as
 * empty cells (`schedule` has no forecast model, shrinkage or queue evaluation).
 */
export interface CoverageCsvInput {
  /** Epoch ms of each interval start (the requirement's rows, which the coverage arrays follow). */
  starts: ArrayLike<number>;
  /** IANA zone the instants are written in. */
  timeZone: string;
  /** Forecast contacts per interval (NaN or absent: no forecast, an empty cell). */
  calls?: ArrayLike<number> | undefined;
  /** Agents required on the phones per interval, before shrinkage (NaN: not known, an empty cell). */
  requiredAgents: ArrayLike<number>;
  /** The schedule's coverage: `required` is the requirement it covered (agents to schedule). */
  coverage: ScheduleCoverage;
  /** Agents on the phones after shrinkage (net x (1 - shrinkage)) per interval; absent: empty cells. */
  onPhoneAgents?: ArrayLike<number> | undefined;
  /** Service level, ASA, abandonment and occupancy the schedule gives per interval; absent: empty cells. */
  evaluation?:
    | {
        serviceLevel: ArrayLike<number>;
        asaSeconds: ArrayLike<number>;
        abandonRate: ArrayLike<number>;
        occupancy: ArrayLike<number>;
      }
    | undefined;
  /** Whole outbound calls that fit per interval; absent: no `outbound_calls` column. */
  outboundCalls?: ArrayLike<number> | undefined;
}

/** The columns of coverage.csv, in order (`outbound_calls` follows when there is outbound work). */
const COVERAGE_COLUMNS = [
  'interval_start',
  'calls',
  'required_agents',
  'required_scheduled',
  'scheduled',
  'on_break',
  'net',
  'on_phone',
  'under',
  'over',
  'service_level',
  'asa_seconds',
  'abandon_rate',
  'occupancy',
] as const;

/**
 * The one `coverage.csv` format, written by `plan` and by `schedule --coverage`: per requirement
 * interval `interval_start` (ISO-8601 with the offset of `timeZone`), `calls` (forecast contacts),
 * `required_agents` (agents needed on the phones), `required_scheduled` (the requirement the
 * schedule covered: agents to schedule, shrinkage included), `scheduled` (agents on shift),
 * `on_break`, `net` (on shift and not on break), `on_phone` (net after shrinkage), `under` and
 * `over` (net below / above `required_scheduled`), and the `service_level`, `asa_seconds`,
 * `abandon_rate` and `occupancy` the schedule gives; with `outboundCalls`, a last column
 * `outbound_calls`. An empty cell is a figure not known: `schedule` fills `calls` and
 * `required_agents` from its requirement file's `calls` and `agents` columns when it has them and
 * leaves `on_phone` and the four service columns empty (it knows no shrinkage and evaluates no
 * queue; `plan` fills every column); an unbounded ASA (fewer agents than the load) is empty too.
 * Figures rounded to 4 places (ASA to 2), through `csvText`. O(intervals).
 *
 * @example
 * const c = { required: Float64Array.of(2), scheduled: Float64Array.of(3), onBreak: Float64Array.of(1),
 *   net: Float64Array.of(2), dayIndex: Int32Array.of(0) };
 * writeCoverageCsv({ starts: [0], timeZone: 'UTC', calls: [10], requiredAgents: [2], coverage: c,
 *   onPhoneAgents: [1.4], evaluation: { serviceLevel: [0.5], asaSeconds: [Infinity], abandonRate: [0],
 *   occupancy: [1] } }).split('\n')[1];
 * // '1970-01-01T00:00:00Z,10,2,2,3,1,2,1.4,0,0,0.5,,0,1'
 * const scheduleAlone = { starts: [0], timeZone: 'UTC', requiredAgents: [NaN], coverage: c }; // no forecast, shrinkage or evaluation
 * writeCoverageCsv(scheduleAlone).split('\n')[1];
 * // '1970-01-01T00:00:00Z,,,2,3,1,2,,0,0,,,,'
 */
export function writeCoverageCsv(input: CoverageCsvInput): string {
  const { coverage: c, evaluation: e, outboundCalls } = input;
  const none = Number.NaN;
  const rows = Array.from({ length: input.starts.length }, (_, t): CsvCell[] => {
    const need = c.required[t] ?? 0;
    const net = c.net[t] ?? 0;
    return [
      instant(input.starts[t], input.timeZone),
      round(input.calls?.[t] ?? none),
      round(input.requiredAgents[t] ?? none),
      round(need),
      round(c.scheduled[t] ?? 0),
      round(c.onBreak[t] ?? 0),
      round(net),
      round(input.onPhoneAgents?.[t] ?? none),
      round(Math.max(0, need - net)),
      round(Math.max(0, net - need)),
      round(e?.serviceLevel[t] ?? none),
      round(e?.asaSeconds[t] ?? none, 2),
      round(e?.abandonRate[t] ?? none),
      round(e?.occupancy[t] ?? none),
      ...(outboundCalls === undefined ? [] : [outboundCalls[t] ?? 0]),
    ];
  });
  const header = [...COVERAGE_COLUMNS, ...(outboundCalls === undefined ? [] : ['outbound_calls'])];
  return csvText([header, ...rows]);
}

/** One coverage row of a schedule interval, as in the schedule JSON (`writeScheduleJson`). */
export type ScheduleCoverageRow = {
  interval_start: string;
  required: number;
  scheduled: number;
  on_break: number;
  net: number;
  under: number;
  over: number;
};

/**
 * The coverage of a schedule alone as objects, the schedule JSON's `coverage`: per requirement row
 * its start (ISO-8601 with the offset of `timeZone`; empty without `starts`), agents required (the
 * requirement covered), on shift, on break, net, under and over. O(intervals).
 *
 * @example
 * const c = { required: Float64Array.of(2), scheduled: Float64Array.of(1), onBreak: Float64Array.of(0),
 *   net: Float64Array.of(1), dayIndex: Int32Array.of(0) };
 * scheduleCoverageRows(c, undefined, 'UTC');
 * // [{ interval_start: '', required: 2, scheduled: 1, on_break: 0, net: 1, under: 1, over: 0 }]
 */
export function scheduleCoverageRows(
  coverage: ScheduleCoverage,
  starts: ArrayLike<number> | undefined,
  timeZone: string,
): ScheduleCoverageRow[] {
  const c = coverage;
  return Array.from(c.required, (required, t) => ({
    interval_start: instant(starts?.[t], timeZone),
    required,
    scheduled: c.scheduled[t] ?? 0,
    on_break: c.onBreak[t] ?? 0,
    net: c.net[t] ?? 0,
    under: Math.max(0, required - (c.net[t] ?? 0)),
    over: Math.max(0, (c.net[t] ?? 0) - required),
  }));
}
