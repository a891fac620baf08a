import { dirname, resolve } from 'node:path';
import { StaffcastError } from '../errors.js';
import type { DateFormat } from '../io/parseTimestamp.js';
import { type HistoryColumns, readHistoryCsv } from '../io/readHistoryCsv.js';
import { readScheduleCsv } from '../io/readScheduleCsv.js';
import { readTextInput } from '../io/readTextInput.js';
import { type RowStart, rowStarts } from '../io/rowStarts.js';
import type { StaffingTarget } from '../queueing/types.js';
import { agentsAtWork, type ClockShift } from '../scheduling/agentsAtWork.js';
import { type PlanConfig, type PlanConfigInput, parsePlanConfig } from '../schemas/planConfig.js';
import {
  DEFAULT_INTRADAY_FLEX,
  type IntradayAdjustment,
  intradayAdjust,
} from '../staffing/intradayAdjust.js';
import { formatInstant } from '../time/formatInstant.js';
import { localDate, localMinuteOfDay } from '../time/localCalendar.js';
import { resolveLocalTime } from '../time/resolveLocalTime.js';
import { planRequirement } from './plan/planRequirement.js';
import { readPlanConfigFile } from './plan/readPlanInputs.js';
import { plan } from './plan.js';
import type { OnProgress } from './progress.js';

/** Options of `runIntraday`. */
export interface RunIntradayOptions {
  /** Path of the plan config JSON (relative to `cwd`); its paths are relative to its folder. */
  configFile: string;
  /** Folder `configFile`, `actualsFile` and `scheduleFile` are resolved against. */
  cwd: string;
  /**
   * The day's contacts so far: an interval history CSV in the config's format (`interval_start`,
   * `calls`, ...; times without offset are local in the config's zone), rows of one local day,
   * each ending at or before `at`. Any interval length that divides the plan's.
   */
  actualsFile: string;
  /** Decision time `HH:MM`, local in the config's zone, on the plan's interval grid; the date is the actuals' day. */
  at: string;
  /**
   * A `schedule.csv` written by `staffcast plan` for this config: the agents scheduled are read
   * from its shifts. Absent: the plan is run (history, forecast, staffing, schedule) and its
   * schedule is used, which takes the MIP's time.
   */
  scheduleFile?: string | undefined;
  /** Largest change per interval as a fraction of the scheduled agents. Default 0.05. */
  flex?: number | undefined;
  /** Release spare agents (early leave, off-phone work) as well as add them. Default false (see `IntradayAdjustOptions.release`). */
  release?: boolean | undefined;
  /** Receives the plan's steps (`read`, `forecast`, `staff`, `schedule`, `evaluate`). Default: none. */
  onProgress?: OnProgress | undefined;
}

/** One remaining interval of the day as `runIntraday` reports it. */
export interface IntradayInterval {
  /** Interval start, ISO-8601 with the zone's offset. */
  start: string;
  /** Local `HH:MM` of the start. */
  time: string;
  /** Re-forecast offered contacts. */
  calls: number;
  /** Whole agents on the phones as scheduled. */
  scheduled: number;
  /** Agents the re-forecast needs on the phones to meet the target. */
  needed: number;
  /** needed - scheduled. */
  gap: number;
  /** Agents added (> 0) or released (< 0) by the actions. */
  change: number;
  /** scheduled + change. */
  adjusted: number;
  /** Service level the interval is heading for as scheduled (0..1). */
  serviceLevel: number;
  /** Service level after the actions (0..1). */
  serviceLevelAfter: number;
}

/** A run of consecutive intervals with the same change, and what to do about it. */
export interface IntradayAction {
  /** Local `HH:MM` of the first interval and of the end of the last. */
  from: string;
  to: string;
  /** Agents added (> 0, overtime) or released (< 0, early leave or off-phone work). */
  agents: number;
  /** `overtime` or `release`. */
  kind: 'overtime' | 'release';
  /**
   * Overtime: scheduled agents whose shift ends at `from` (they can be extended); release:
   * agents whose shift ends after `from` and by `to` (they can leave early).
   */
  shiftsEnding: number;
  /** The action in words. */
  advice: string;
}

/** What `runIntraday` returns: the decision, its figures and the texts the command writes. */
export interface IntradayRun {
  /** The local date of the actuals (the day decided on). */
  date: string;
  /** The decision time as given (`HH:MM`) and as an instant (epoch ms). */
  at: string;
  atMs: number;
  timeZone: string;
  intervalMinutes: number;
  flex: number;
  /** `'plan'` (the plan was run) or the schedule file as given. */
  scheduleSource: string;
  /** Contacts seen before `at`, and what the plan forecast for those intervals. */
  callsSeen: number;
  forecastSoFar: number;
  /** The decision per interval of the day (`intradayAdjust`). */
  adjustment: IntradayAdjustment;
  /** The remaining intervals. */
  intervals: IntradayInterval[];
  actions: IntradayAction[];
  /** Notes for stderr (past intervals without actuals ...), one line each. */
  notes: string[];
  /** The readable table. */
  text: string;
  /** The same as JSON (what `--json` prints). */
  json: string;
}

const AT = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `HH:MM` of an instant in the zone. */
function clock(ms: number, timeZone: string): string {
  const m = localMinuteOfDay(ms, timeZone);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** A `CSV_ROW` error naming the actuals' row and column. */
function rowError(file: string, row: RowStart | undefined, message: string): StaffcastError {
  const where = row === undefined ? file : `${file}:${row.line}:interval_start`;
  return new StaffcastError('CSV_ROW', `${where}: ${message}`, { file, ...(row ? { row: row.line } : {}) });
}

/** The fields of `StaffingTarget` a plan config's target may carry. */
const TARGET_KEYS = [
  'serviceLevel',
  'thresholdSeconds',
  'serviceLevelBasis',
  'maxAsaSeconds',
  'maxAbandonRate',
  'maxOccupancy',
  'maxAgents',
] as const;

/**
 * The config's staffing target (only the fields `StaffingTarget` knows, none undefined).
 *
 * @internal
 * @example
 * planTarget({ serviceLevel: 0.8, thresholdSeconds: 20, maxAsaSeconds: undefined }); // { serviceLevel: 0.8, thresholdSeconds: 20 }
 */
export function planTarget(t: PlanConfig['target']): StaffingTarget {
  const given = t as Record<string, unknown>;
  return Object.fromEntries(
    TARGET_KEYS.filter((k) => given[k] !== undefined).map((k) => [k, given[k]]),
  ) as StaffingTarget;
}

/**
 * The `staffcast intraday` use case: how the day is going against the plan at `at`, and the
 * overtime or release that would close the gap.
 *
 * Reads the plan config and the day's actuals (`readHistoryCsv` in the config's zone and
 * columns; every row must be good, of one local day and end by `at`), forecasts and staffs the
 * plan (`planRequirement`), and takes the day's agents on the phones from the schedule: the
 * shifts of `scheduleFile` (`readScheduleCsv`, `agentsAtWork` x (1 - shrinkage) x availability
 * factor), or the plan's own schedule (`plan`, run with the history and forecast already read).
 * The actuals are summed into the plan's intervals (an interval counts only when every row of it
 * is there), and `intradayAdjust` re-forecasts the rest of the day, staffs it to the config's
 * target on the mean (Erlang C, or Erlang A with the config's patience; the plan's handle time)
 * and adds or releases whole agents within `flex`. Single-queue configs only. Pure apart from
 * reading the files. Cost: the plan's forecast, plus its MIP without `scheduleFile`.
 *
 * @throws StaffcastError `USAGE` for an `at` that is not `HH:MM`, not on the plan's grid or not a
 *   time of the day in the zone, or a flex outside [0, 1]; `CSV_ROW`
 *   "`<actuals>:<line>:interval_start: ...`" for actuals of more than one day, a row ending after
 *   `at`, or a day outside the plan's forecast horizon; `CONFIG` for a config with `queues`;
 *   whatever reading, `plan` and `readScheduleCsv` throw.
 * @example
 * // 24 March 2003 at the US bank, cut at 11:30; the schedule a plan of the three weeks before wrote
 * const run = await runIntraday({ configFile: 'test/fixtures/intraday/plan.json', cwd: '.',
 *   actualsFile: 'test/fixtures/intraday/bank_2003-03-24_to_1130.csv', at: '11:30',
 *   scheduleFile: 'test/fixtures/intraday/schedule.csv' });
 * [run.date, run.intervals.length, run.callsSeen]; // ['2003-03-24', 39, 12573]
 */
export async function runIntraday(options: RunIntradayOptions): Promise<IntradayRun> {
  const { configFile, cwd, actualsFile, at } = options;
  const parts = AT.exec(at);
  if (parts === null)
    throw new StaffcastError('USAGE', `intraday: --at ${at} is not a time of day (write HH:MM, e.g. 11:30)`);
  const flex = options.flex ?? DEFAULT_INTRADAY_FLEX;
  if (!(flex >= 0 && flex <= 1))
    throw new StaffcastError(
      'USAGE',
      `intraday: --flex ${flex} must be a fraction between 0 and 1 (0.05 = 5%)`,
    );

  // the config, as runPlan reads it
  const json = await readPlanConfigFile(configFile, cwd);
  const cfg = parsePlanConfig(json as PlanConfigInput, configFile);
  if (cfg.queues !== undefined)
    throw new StaffcastError(
      'CONFIG',
      `${configFile}: queues: intraday handles a single queue (a config without queues)`,
    );
  const baseDir = dirname(resolve(cwd, configFile));
  const timeZone = cfg.history.timeZone;

  // the day's actuals: good rows only, one local day, each ending by `at`
  const dateFormat = cfg.history.dateFormat === 'auto' ? undefined : cfg.history.dateFormat;
  const { history: actuals } = await readHistoryCsv(resolve(cwd, actualsFile), {
    timeZone,
    fileName: actualsFile,
    rejectBadRows: 'throw',
    ...(cfg.history.columns === undefined ? {} : { columns: cfg.history.columns as HistoryColumns }),
    ...(dateFormat === undefined ? {} : { dateFormat }),
    ...(cfg.history.intervalMinutes === undefined ? {} : { intervalMinutes: cfg.history.intervalMinutes }),
  });
  const rows = rowStarts(await readTextInput(actualsFile, { baseDir: cwd }), actualsFile, timeZone, {
    column: cfg.history.columns?.start,
    dateFormat: dateFormat as DateFormat | undefined,
  }).sort((a, b) => a.startMs - b.startMs || a.line - b.line);
  const first = actuals.calls.starts[0]!;
  const date = localDate(first, timeZone);
  const otherDay = rows.find((r) => localDate(r.startMs, timeZone) !== date);
  if (otherDay !== undefined)
    throw rowError(
      actualsFile,
      otherDay,
      `actuals from more than one day (${localDate(otherDay.startMs, timeZone)} after ${date}): give the rows of one day`,
    );
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const local = resolveLocalTime(Date.UTC(y, mo - 1, d, Number(parts[1]), Number(parts[2])), timeZone);
  if (local.kind !== 'unique')
    throw new StaffcastError(
      'USAGE',
      `intraday: --at ${at} is not a single time on ${date} in ${timeZone} (a DST change)`,
    );
  const atMs = local.epochMs;
  const actualsMs = actuals.calls.intervalMinutes * 60_000;
  const late = rows.find((r) => r.startMs + actualsMs > atMs);
  const lateMs = late?.startMs ?? actuals.calls.starts[actuals.calls.starts.length - 1]!;
  if (lateMs + actualsMs > atMs)
    throw rowError(
      actualsFile,
      late,
      `the interval ${clock(lateMs, timeZone)}-${clock(lateMs + actualsMs, timeZone)} ends after --at ${at} (the actuals must end by the decision time)`,
    );

  // forecast and requirement of the plan, and the day in them
  const staffed = await planRequirement(cfg, { baseDir, source: configFile, onProgress: options.onProgress });
  const { forecast, requirement } = staffed;
  const dayIndex: number[] = [];
  forecast.starts.forEach((s, i) => {
    if (localDate(s, timeZone) === date) dayIndex.push(i);
  });
  if (dayIndex.length === 0) {
    const span = `${localDate(forecast.starts[0]!, timeZone)} to ${localDate(forecast.starts[forecast.starts.length - 1]!, timeZone)}`;
    throw rowError(actualsFile, rows[0], `${date} is outside the plan's forecast horizon (${span})`);
  }
  const intervalMinutes = forecast.intervalMinutes;
  if (localMinuteOfDay(atMs, timeZone) % intervalMinutes !== 0)
    throw new StaffcastError(
      'USAGE',
      `intraday: --at ${at} is not on the plan's ${intervalMinutes}-minute grid`,
    );
  if (intervalMinutes % actuals.calls.intervalMinutes !== 0)
    throw new StaffcastError(
      'CSV_ROW',
      `${actualsFile}: ${actuals.calls.intervalMinutes}-minute rows do not add up to the plan's ${intervalMinutes}-minute intervals`,
    );
  const starts = dayIndex.map((i) => forecast.starts[i]!);

  // agents on the phones as scheduled
  const shrinkage = dayIndex.map((i) => {
    const s = requirement.shrinkage[i]!;
    return Number.isFinite(s) ? s : 0;
  });
  const factor = requirement.availabilityFactor ?? 1;
  let onPhone: number[];
  let shifts: ClockShift[];
  if (options.scheduleFile !== undefined) {
    const text = await readTextInput(options.scheduleFile, { baseDir: cwd });
    shifts = readScheduleCsv(text, options.scheduleFile, timeZone);
    const net = agentsAtWork(shifts, starts, intervalMinutes);
    onPhone = starts.map((_, t) => net[t]! * (1 - shrinkage[t]!) * factor);
  } else {
    const planned = await plan(json as PlanConfigInput, {
      baseDir,
      source: configFile,
      onProgress: options.onProgress,
      history: staffed.history,
      readReport: staffed.readReport,
      forecast,
    });
    onPhone = dayIndex.map((i) => planned.effectiveAgents[i]!);
    shifts = planned.schedule.shifts.flatMap((s) =>
      s.startMs === undefined || s.endMs === undefined
        ? []
        : [
            {
              startMs: s.startMs,
              endMs: s.endMs,
              count: s.count,
              breaks: s.breaks.flatMap((b) =>
                b.startMs === undefined ? [] : [{ startMs: b.startMs, minutes: b.durationMinutes }],
              ),
            },
          ],
    );
  }

  // the actuals on the plan's grid: an interval counts when all of its rows are there
  const seenByStart = new Map<number, number>();
  actuals.calls.starts.forEach((s, i) => {
    seenByStart.set(s, actuals.calls.values[i]!);
  });
  const perInterval = intervalMinutes / actuals.calls.intervalMinutes;
  const actualCalls = starts.map((s) => {
    let sum = 0;
    for (let k = 0; k < perInterval; k++) {
      const v = seenByStart.get(s + k * actualsMs);
      if (v === undefined || !Number.isFinite(v)) return Number.NaN;
      sum += v;
    }
    return sum;
  });
  const aht = dayIndex.map((i) => {
    const a = requirement.ahtSeconds[i]!;
    return Number.isFinite(a) && a > 0 ? a : (cfg.ahtSeconds ?? 1);
  });
  const patience = requirement.patienceSeconds ?? cfg.patienceSeconds;
  const target = planTarget(cfg.target);
  const adjustment = intradayAdjust(
    {
      timeZone,
      intervalMinutes,
      starts,
      scheduledAgents: onPhone,
      forecastCalls: dayIndex.map((i) => forecast.calls[i]!),
      actualCalls,
      ahtSeconds: aht,
      ...(patience === undefined
        ? {}
        : { patienceSeconds: typeof patience === 'number' ? patience : dayIndex.map((i) => patience[i]!) }),
    },
    { atMs, target, flex, release: options.release ?? false },
  );

  const past = adjustment.firstRemaining;
  let callsSeen = 0;
  let forecastSoFar = 0;
  for (let t = 0; t < past; t++) {
    if (Number.isFinite(actualCalls[t]!)) {
      callsSeen += actualCalls[t]!;
      forecastSoFar += forecast.calls[dayIndex[t]!]!;
    }
  }
  const intervals: IntradayInterval[] = [];
  for (let t = past; t < starts.length; t++)
    intervals.push({
      start: formatInstant(starts[t]!, timeZone),
      time: clock(starts[t]!, timeZone),
      calls: adjustment.calls[t]!,
      scheduled: adjustment.scheduled[t]!,
      needed: adjustment.needed[t]!,
      gap: adjustment.gap[t]!,
      change: adjustment.change[t]!,
      adjusted: adjustment.adjusted[t]!,
      serviceLevel: adjustment.serviceLevelBefore[t]!,
      serviceLevelAfter: adjustment.serviceLevelAfter[t]!,
    });
  const actions = actionsOf(adjustment, starts, intervalMinutes, shifts, timeZone);
  const notes: string[] = [];
  if (adjustment.pastWithoutActuals > 0)
    notes.push(
      `intraday: ${adjustment.pastWithoutActuals} interval(s) before ${at} have no actuals in ${actualsFile}: their re-forecast stands in`,
    );
  const run = {
    date,
    at,
    atMs,
    timeZone,
    intervalMinutes,
    flex,
    scheduleSource: options.scheduleFile ?? 'plan',
    callsSeen,
    forecastSoFar,
    adjustment,
    intervals,
    actions,
    notes,
  };
  return { ...run, text: intradayText(run, target), json: intradayJson(run, target) };
}

/** Runs of equal non-zero change, with the shifts that could be extended or let go. */
function actionsOf(
  a: IntradayAdjustment,
  starts: readonly number[],
  intervalMinutes: number,
  shifts: readonly ClockShift[],
  timeZone: string,
): IntradayAction[] {
  const out: IntradayAction[] = [];
  const step = intervalMinutes * 60_000;
  let t = a.firstRemaining;
  while (t < starts.length) {
    const k = a.change[t]!;
    let end = t + 1;
    while (end < starts.length && a.change[end] === k && starts[end]! === starts[end - 1]! + step) end++;
    if (k !== 0) {
      const fromMs = starts[t]!;
      const toMs = starts[end - 1]! + step;
      const from = clock(fromMs, timeZone);
      const to = clock(toMs, timeZone);
      if (k > 0) {
        const ending = shifts.reduce((n, s) => n + (s.endMs === fromMs ? s.count : 0), 0);
        const extend = Math.min(k, ending);
        const advice =
          extend === 0
            ? `call in ${k} agent${k === 1 ? '' : 's'} (no shift ends at ${from})`
            : `extend the shifts of ${extend} of the ${ending} agents ending at ${from} to ${to}${extend < k ? `, call in ${k - extend}` : ''}`;
        out.push({ from, to, agents: k, kind: 'overtime', shiftsEnding: ending, advice });
      } else {
        const ending = shifts.reduce((n, s) => n + (s.endMs > fromMs && s.endMs <= toMs ? s.count : 0), 0);
        const leave = Math.min(-k, ending);
        const advice =
          leave === 0
            ? `${-k} agent${k === -1 ? '' : 's'} to off-phone work`
            : `early leave at ${from} for ${leave} of the ${ending} agents whose shifts end by ${to}${leave < -k ? `, ${-k - leave} to off-phone work` : ''}`;
        out.push({ from, to, agents: k, kind: 'release', shiftsEnding: ending, advice });
      }
    }
    t = end;
  }
  return out;
}

type RunFigures = Omit<IntradayRun, 'text' | 'json'>;

const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '-');
const signed = (x: number): string => (x > 0 ? `+${x}` : String(x));

/** The readable report: the day so far, where it is heading, the intervals and the actions. */
function intradayText(r: RunFigures, target: StaffingTarget): string {
  const a = r.adjustment;
  const goal =
    target.serviceLevel === undefined
      ? 'the plan target'
      : `target ${pct(target.serviceLevel)} in ${target.thresholdSeconds ?? 20} s`;
  const lines = [
    `intraday ${r.date} at ${r.at} (${r.timeZone}), ${r.intervalMinutes}-minute intervals, ${goal}, flex ${pct(r.flex)}, schedule: ${r.scheduleSource}`,
    `seen by ${r.at}: ${r.callsSeen.toLocaleString('en-US', { maximumFractionDigits: 1 })} calls against ${r.forecastSoFar.toLocaleString('en-US', { maximumFractionDigits: 1 })} forecast: the rest of the day x ${a.reforecastRatio.toFixed(3)}`,
    `service level so far ${pct(a.pastServiceLevel)}; the day is heading for ${pct(a.dayServiceLevelBefore)} as scheduled, ${pct(a.dayServiceLevelAfter)} after the actions`,
    '',
  ];
  const head = ['time', 'calls', 'scheduled', 'needed', 'gap', 'change', 'after', 'SL', 'SL after'];
  const body = r.intervals.map((i) => [
    i.time,
    i.calls.toFixed(1),
    String(i.scheduled),
    String(i.needed),
    signed(i.gap),
    signed(i.change),
    String(i.adjusted),
    pct(i.serviceLevel),
    pct(i.serviceLevelAfter),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
  for (const row of [head, ...body])
    lines.push(
      row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
    );
  lines.push('');
  if (r.actions.length === 0)
    lines.push('actions: none (the schedule meets the re-forecast within the flexibility)');
  else {
    lines.push(
      `actions (whole agents on the phones, at most ${pct(r.flex)} of an interval's scheduled agents):`,
    );
    for (const x of r.actions)
      lines.push(`  ${x.from}-${x.to}  ${signed(x.agents).padStart(4)}  ${x.advice}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Rounds a figure for JSON output (6 decimals; non-finite: null). */
const round = (x: number): number | null => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : null);

/** The run as JSON (what `--json` prints). */
function intradayJson(r: RunFigures, target: StaffingTarget): string {
  const a = r.adjustment;
  return `${JSON.stringify(
    {
      date: r.date,
      at: r.at,
      timeZone: r.timeZone,
      intervalMinutes: r.intervalMinutes,
      target,
      flex: r.flex,
      schedule: r.scheduleSource,
      callsSeen: round(r.callsSeen),
      forecastSoFar: round(r.forecastSoFar),
      reforecastRatio: round(a.reforecastRatio),
      pastIntervalsWithoutActuals: a.pastWithoutActuals,
      serviceLevelSoFar: round(a.pastServiceLevel),
      dayServiceLevel: round(a.dayServiceLevelBefore),
      dayServiceLevelAfterActions: round(a.dayServiceLevelAfter),
      intervals: r.intervals.map((i) => ({
        ...i,
        calls: round(i.calls),
        serviceLevel: round(i.serviceLevel),
        serviceLevelAfter: round(i.serviceLevelAfter),
      })),
      actions: r.actions,
    },
    null,
    2,
  )}\n`;
}
