import type { ScheduleCoverage } from '../scheduling/scheduleShifts.js';
import { formatInstant } from '../time/formatInstant.js';
import { type CsvCell, csvText } from './csvText.js';

/** Rounds to `digits` places; csvText writes a value that is not finite as an empty cell. */
const round = (v: number, digits = 4) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Instant as ISO-8601 with the zone's offset; '' when there is none. */
function instant(ms: number | undefined, timeZone: string): string {
  return ms === undefined || !Number.isFinite(ms) ? '' : formatInstant(ms, timeZone);
}

/** What `writeCoverageCsv` writes: a plan's requirement, schedule coverage and service per interval. */
export interface CoverageCsvInput {
  /** Epoch ms of each interval start. */
  starts: ArrayLike<number>;
  /** IANA zone the instants are written in. */
  timeZone: string;
  /** Forecast contacts per interval (NaN: no forecast). */
  calls: ArrayLike<number>;
  /** Agents required on the phones per interval. */
  requiredAgents: ArrayLike<number>;
  /** The schedule's coverage: `required` is the scheduled-agent requirement it covered. */
  coverage: ScheduleCoverage;
  /** Agents on the phones after shrinkage (net x (1 - shrinkage)) per interval. */
  onPhoneAgents: ArrayLike<number>;
  /** Service level, ASA, abandonment and occupancy the schedule gives per interval. */
  evaluation: {
    serviceLevel: ArrayLike<number>;
    asaSeconds: ArrayLike<number>;
    abandonRate: ArrayLike<number>;
    occupancy: ArrayLike<number>;
  };
  /** Whole outbound calls that fit per interval; absent: no `outbound_calls` column. */
  outboundCalls?: ArrayLike<number> | undefined;
}

/**
 * A plan's `coverage.csv`: per interval the forecast calls, agents required on the phones and to
 * schedule, agents on shift, on break, net, on the phones after shrinkage, under/over the
 * scheduled requirement, and the service level, ASA, abandonment and occupancy the schedule gives;
 * with `outboundCalls`, a last column `outbound_calls`. Figures rounded to 4 places (ASA to 2),
 * through `csvText`: a value that is not finite (no forecast; the unbounded ASA of an interval
 * with fewer agents than its load) is an empty cell. Instants ISO-8601 with the offset of
 * `timeZone`. O(intervals).
 *
 * @example
 * const c = { required: Float64Array.of(2), scheduled: Float64Array.of(3), onBreak: Float64Array.of(1),
 *   net: Float64Array.of(2), dayIndex: Int32Array.of(0) };
 * writeCoverageCsv({ starts: [0], timeZone: 'UTC', calls: [10], requiredAgents: [2], coverage: c,
 *   onPhoneAgents: [1.4], evaluation: { serviceLevel: [0.5], asaSeconds: [Infinity], abandonRate: [0],
 *   occupancy: [1] } }).split('\n')[1];
 * // '1970-01-01T00:00:00Z,10,2,2,3,1,2,1.4,0,0,0.5,,0,1'
 */
export function writeCoverageCsv(input: CoverageCsvInput): string {
  const { coverage: c, evaluation: e, outboundCalls } = input;
  const rows = Array.from({ length: input.starts.length }, (_, t): CsvCell[] => {
    const need = c.required[t] ?? 0;
    const net = c.net[t] ?? 0;
    return [
      instant(input.starts[t], input.timeZone),
      round(input.calls[t] ?? Number.NaN),
      input.requiredAgents[t] ?? 0,
      round(need),
      round(c.scheduled[t] ?? 0),
      round(c.onBreak[t] ?? 0),
      round(net),
      round(input.onPhoneAgents[t] ?? 0),
      round(Math.max(0, need - net)),
      round(Math.max(0, net - need)),
      round(e.serviceLevel[t] ?? Number.NaN),
      round(e.asaSeconds[t] ?? Number.NaN, 2),
      round(e.abandonRate[t] ?? Number.NaN),
      round(e.occupancy[t] ?? Number.NaN),
      ...(outboundCalls === undefined ? [] : [outboundCalls[t] ?? 0]),
    ];
  });
  const header = [
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
    ...(outboundCalls === undefined ? [] : ['outbound_calls']),
  ];
  return csvText([header, ...rows]);
}

/**
 * The coverage of a schedule alone (`staffcast schedule --coverage`), no forecast or service
 * figures: per requirement row its start (ISO-8601 with the offset of `timeZone`; empty without
 * `starts`), agents required, on shift, on break, net, under and over. O(intervals).
 *
 * @example
 * const c = { required: Float64Array.of(2), scheduled: Float64Array.of(3), onBreak: Float64Array.of(0),
 *   net: Float64Array.of(3), dayIndex: Int32Array.of(0) };
 * writeScheduleCoverageCsv(c, Float64Array.of(0), 'UTC');
 * // 'interval_start,required,scheduled,on_break,net,under,over\n1970-01-01T00:00:00Z,2,3,0,3,0,1\n'
 */
export function writeScheduleCoverageCsv(
  coverage: ScheduleCoverage,
  starts: ArrayLike<number> | undefined,
  timeZone: string,
): string {
  return csvText(scheduleCoverageRows(coverage, starts, timeZone), {
    header: true,
    columns: ['interval_start', 'required', 'scheduled', 'on_break', 'net', 'under', 'over'],
  });
}

/** One coverage row of a schedule interval, as in `writeScheduleCoverageCsv` (and the schedule JSON). */
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
 * The rows of `writeScheduleCoverageCsv`, as objects (the schedule JSON's `coverage`). O(intervals).
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
