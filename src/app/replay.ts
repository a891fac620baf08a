import { dirname, resolve } from 'node:path';
import type { CallRecord } from '../calibration/records.js';
import { invalidInput, StaffcastError } from '../errors.js';
import { historyAsOf } from '../forecast/historyAsOf.js';
import { resampleHistory } from '../forecast/resample.js';
import { readCallRecords } from '../io/callRecords.js';
import { jsonText } from '../io/jsonText.js';
import { writeReplayDaysCsv, writeReplayWeeksCsv } from '../io/replayCsv.js';
import { DEFAULT_THRESHOLD_SECONDS } from '../queueing/requiredAgents.js';
import { renderReplayHtml } from '../report/replayHtml.js';
import { renderReplaySummary } from '../report/replayTerminal.js';
import { type PlanConfig, type PlanConfigInput, parsePlanConfig } from '../schemas/planConfig.js';
import { type ReplayDayOutcome, simulateReplayDay } from '../simulation/replayDay.js';
import { type ReplayedCalls, replayedCallsFromRecords } from '../simulation/replayedCalls.js';
import {
  type ReplayDay,
  type ReplayPeriod,
  type ReplayWeekSummary,
  summarizeReplayDays,
} from '../simulation/replaySummary.js';
import { spreadArrivals } from '../simulation/spreadArrivals.js';
import type { ServiceLevelEstimates } from '../simulation/types.js';
import { DEFAULT_INTRADAY_FLEX, intradayAgents } from '../staffing/intradayAdjust.js';
import type { History } from '../time/history.js';
import { dateOfDayNumber, dayNumberOfDate, localDayNumber } from '../time/localCalendar.js';
import { resolveLocalTime } from '../time/resolveLocalTime.js';
import { VERSION } from '../version.js';
import { planTarget } from './intraday.js';
import { readPlanConfigFile, readPlanHistory } from './plan/readPlanInputs.js';
import { type PlanResult, plan } from './plan.js';
import type { OnProgress } from './progress.js';

/**
 * Fewest local days of history before the first replayed week (one weekly cycle).
 *
 * @internal
 */
export const REPLAY_MIN_HISTORY_DAYS = 7;

/** Options of `replay`. */
export interface ReplayOptions {
  /** Folder the config's relative paths are resolved against (the config file's folder). */
  baseDir: string;
  /** Name of the config for messages. Default `'plan config'`. */
  source?: string;
  /** Weeks to replay, the last ones of the history (integer >= 1). Default 8. */
  weeks?: number;
  /**
   * Last local day replayed, `yyyy-MM-dd`: the weeks are the 7-day blocks ending on it. Default:
   * the last day of the history with data.
   */
  lastDay?: string | undefined;
  /**
   * Per-call records (`readCallRecords`): the real calls are replayed as they came, with their
   * talk times and, for abandoned calls, their patience (`replayedCallsFromRecords`). Default:
   * none, the history's interval counts are replayed (arrivals spread within each interval,
   * exponential handle times at the interval's real AHT, or the plan's where the history has none).
   */
  callRecords?: readonly CallRecord[] | undefined;
  /** Seed of every random draw, an integer in [0, 2^32). Default 1. */
  seed?: number;
  /** Simulation replications per day (1..1000). Default 10 for counts, 1 for per-call records. */
  replications?: number;
  /** Receives `weeks` start, advance (one per week planned and replayed) and done. Default: none. */
  onProgress?: OnProgress | undefined;
  /**
   * Intraday management in the replay: at each of these local times of every day the agents are
   * adjusted from the calls seen so far (`intradayAgents`), and the day is simulated again with
   * the adjusted agents (same seed). Default: none.
   */
  intraday?: ReplayIntradayOptions | undefined;
}

/** How `replay` applies intraday management to each day. */
export interface ReplayIntradayOptions {
  /** Decision times, local `HH:MM` in the history's zone, e.g. `['11:00', '14:00']`. */
  atTimes: readonly string[];
  /** Largest change per interval, a fraction of its scheduled agents. Default 0.05. */
  flex?: number;
  /** Release spare agents as well as add them. Default false (see `IntradayAdjustOptions.release`). */
  release?: boolean;
}

/** One replayed day with intraday management. */
export interface ReplayIntradayDay {
  /** Local date `yyyy-MM-dd`. */
  date: string;
  /** Service level the simulated day got with the adjusted agents, 0..1. */
  realisedServiceLevel: number;
  /** realisedServiceLevel >= the target. */
  meetsTarget: boolean;
  /** Agent-hours on the phones added (> 0) or released (< 0) by the decisions. */
  agentHoursChange: number;
}

/** What intraday management did over the replayed days. */
export interface ReplayIntraday {
  /** The decision times and flexibility applied. */
  atTimes: string[];
  flex: number;
  release: boolean;
  /** Per replayed day. */
  days: ReplayIntradayDay[];
  /** Days meeting the target with and without intraday management (of the same replayed days). */
  daysMeetingTarget: number;
  daysMeetingTargetWithout: number;
  /** Days meeting the target only with it, and only without it. */
  daysSaved: number;
  daysLost: number;
  /** Realised service level of all the days (weighted by real calls) with intraday management. */
  realisedServiceLevel: number;
  /** Agent-hours on the phones added minus released over all the days. */
  agentHoursChange: number;
}

/** One replayed week: `ReplayWeekSummary` and the history it was planned from. */
export interface ReplayWeek extends ReplayWeekSummary {
  /** Last local date of the history the week was planned from. */
  historyUntil: string;
}

/** What `replay` returns. */
export interface ReplayResult {
  /** The validated plan config (with its defaults) every week was planned with. */
  config: PlanConfig;
  /** `counts`: the history's interval counts replayed; `records`: per-call records. */
  arrivals: 'counts' | 'records';
  /** IANA zone of the dates. */
  timeZone: string;
  /** Service-level target, answer threshold and basis the days are scored on. */
  target: { serviceLevel: number; thresholdSeconds: number; basis: keyof ServiceLevelEstimates };
  /** Oldest first. */
  weeks: ReplayWeek[];
  /** Every planned day of the replayed weeks, in order. */
  days: ReplayDay[];
  /** All replayed days together. */
  total: ReplayPeriod;
  seed: number;
  replications: number;
  /** With per-call records: how they were turned into calls (answered, abandoned, not offered). */
  records: Omit<ReplayedCalls, 'arrivalMs' | 'handleSeconds' | 'patienceSeconds'> | null;
  /** With `options.intraday`: the days with intraday management beside those without; else null. */
  intraday: ReplayIntraday | null;
}

/** The real calls of one local day: arrival instants, and with records their own times. */
interface DayCalls {
  arrivalMs: Float64Array;
  handleSeconds?: Float64Array;
  patienceSeconds?: Float64Array;
}

/** Local day number -> the positions [from, to) of a sorted instant array within that day. */
function dayRanges(instants: ArrayLike<number>, timeZone: string): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  for (let i = 0; i < instants.length; i++) {
    const day = localDayNumber(instants[i]!, timeZone);
    const range = out.get(day);
    if (range === undefined) out.set(day, [i, i + 1]);
    else range[1] = i + 1;
  }
  return out;
}

/** A seed for day `day` of base `seed` (and a second, independent one for the simulation). */
function daySeed(seed: number, day: number, salt: number): number {
  return (Math.imul(seed ^ salt, 0x9e3779b1) + Math.imul(day, 0x85ebca6b)) >>> 0;
}

/** The source of real calls per local day: spread counts, or the replayed records. */
type RealCalls = (day: number) => DayCalls | null;

function countsSource(raw: History, seed: number): RealCalls {
  const calls = raw.calls;
  const ranges = dayRanges(calls.starts, calls.timeZone);
  const intervalSeconds = calls.intervalMinutes * 60;
  return (day) => {
    const range = ranges.get(day);
    if (range === undefined) return null;
    const [from, to] = range;
    const counts = calls.values.subarray(from, to);
    if (counts.some((c) => Number.isNaN(c))) return null; // a missing interval: the day is unknown
    const base = calls.starts[from]!;
    const seconds = spreadArrivals(counts, intervalSeconds, { seed: daySeed(seed, day, 1) });
    // counts[k] calls sit in [k I, (k + 1) I) from base; move each block to its interval's real start
    const arrivalMs = new Float64Array(seconds.length);
    let at = 0;
    for (let k = 0; k < counts.length; k++) {
      const shift = calls.starts[from + k]! - base - k * intervalSeconds * 1000;
      for (let c = 0; c < counts[k]!; c++, at++) arrivalMs[at] = base + seconds[at]! * 1000 + shift;
    }
    return { arrivalMs };
  };
}

function recordsSource(calls: ReplayedCalls, timeZone: string): RealCalls {
  const ranges = dayRanges(calls.arrivalMs, timeZone);
  return (day) => {
    const range = ranges.get(day);
    if (range === undefined) return null;
    const [from, to] = range;
    return {
      arrivalMs: calls.arrivalMs.subarray(from, to),
      handleSeconds: calls.handleSeconds.subarray(from, to),
      patienceSeconds: calls.patienceSeconds.subarray(from, to),
    };
  };
}

/** Sum of `values[i] x weights[i]` / sum of `weights[i]` over `rows` (NaN without weight). */
function weighted(rows: readonly number[], values: ArrayLike<number>, weights: ArrayLike<number>): number {
  let sum = 0;
  let weight = 0;
  for (const i of rows) {
    const w = weights[i]!;
    if (w > 0) {
      sum += values[i]! * w;
      weight += w;
    }
  }
  return sum / weight;
}

/** Inputs one week's replay shares. */
interface WeekContext {
  cfg: PlanConfig;
  week: number;
  firstDay: number;
  realCalls: RealCalls;
  /** The plan history (at the plan's interval), for the real AHT per interval. */
  realAht: Map<number, number> | null;
  target: ReplayResult['target'];
  seed: number;
  replications: number;
  /** Intraday management to apply, and where its days go; null: none. */
  intraday: { options: ReplayIntradayOptions; days: ReplayIntradayDay[] } | null;
}

/** The epoch ms of local `HH:MM` times on a local day (times that do not exist that day are left out). */
function decisionInstants(day: number, atTimes: readonly string[], timeZone: string): number[] {
  const [y, m, d] = dateOfDayNumber(day).split('-').map(Number) as [number, number, number];
  return atTimes.flatMap((t) => {
    const [h, min] = t.split(':').map(Number) as [number, number];
    const r = resolveLocalTime(Date.UTC(y, m - 1, d, h, min), timeZone);
    return r.kind === 'unique' ? [r.epochMs] : [];
  });
}

/** Calls arriving in each interval [starts[i], starts[i] + interval) (sorted arrivals). */
function countsPerInterval(
  arrivalMs: ArrayLike<number>,
  starts: readonly number[],
  intervalMs: number,
): number[] {
  const counts = new Array<number>(starts.length).fill(0);
  let i = 0;
  for (let k = 0; k < arrivalMs.length; k++) {
    const t = arrivalMs[k]!;
    while (i < starts.length && t >= starts[i]! + intervalMs) i++;
    if (i >= starts.length) break;
    if (t >= starts[i]!) counts[i]!++;
  }
  return counts;
}

/**
 * Replays one planned week day by day (`simulateReplayDay`) and scores each day.
 */
async function replayWeek(p: PlanResult, ctx: WeekContext): Promise<ReplayDay[]> {
  const { cfg, target } = ctx;
  const req = p.requirement;
  const tz = req.timeZone;
  const hours = req.intervalMinutes / 60;
  const rowsByDay = new Map<number, number[]>();
  req.starts.forEach((start, i) => {
    const day = localDayNumber(start, tz);
    if (day < ctx.firstDay || day > ctx.firstDay + 6) return;
    const rows = rowsByDay.get(day) ?? [];
    rows.push(i);
    rowsByDay.set(day, rows);
  });
  const paidByDay = new Map<number, number>();
  for (const s of p.schedule.shifts) {
    if (s.startMs === undefined) continue;
    const day = localDayNumber(s.startMs, tz);
    paidByDay.set(day, (paidByDay.get(day) ?? 0) + (s.count * s.paidMinutes) / 60);
  }
  const fallbackAht = cfg.ahtSeconds ?? 1;
  const planAht = Float64Array.from(req.ahtSeconds, (a) => (Number.isFinite(a) && a > 0 ? a : fallbackAht));
  const patienceMean =
    cfg.patienceSeconds ??
    (req.patienceSeconds === undefined
      ? undefined
      : (() => {
          const finite = Array.from(req.patienceSeconds).filter((v) => Number.isFinite(v) && v > 0);
          return finite.length === 0 ? undefined : finite.reduce((a, b) => a + b, 0) / finite.length;
        })());
  const simulatedDays = new Map((p.simulation?.summary.days ?? []).map((d) => [d.date, d]));
  const days: ReplayDay[] = [];
  for (let day = ctx.firstDay; day < ctx.firstDay + 7; day++) {
    const rows = rowsByDay.get(day) ?? [];
    const calls = ctx.realCalls(day);
    if (rows.length === 0 && (calls === null || calls.arrivalMs.length === 0)) continue; // closed
    const forecastCalls = rows.reduce((a, i) => a + req.calls[i]!, 0);
    // the plan's promise: its simulated day when it simulated the schedule (the default), else Erlang
    const promised = simulatedDays.get(dateOfDayNumber(day));
    const base: ReplayDay = {
      date: dateOfDayNumber(day),
      week: ctx.week,
      status: 'no-data',
      forecastCalls,
      actualCalls: Number.NaN,
      volumeError: Number.NaN,
      intervalWape: Number.NaN,
      promisedServiceLevel: promised?.serviceLevel ?? weighted(rows, p.evaluation.serviceLevel, req.calls),
      realisedServiceLevel: Number.NaN,
      meetsTarget: null,
      asaSeconds: Number.NaN,
      abandonRate: Number.NaN,
      answeredCalls: Number.NaN,
      promisedAsaSeconds: promised?.asaSeconds ?? weighted(rows, p.evaluation.asaSeconds, req.calls),
      promisedAbandonRate: promised?.abandonRate ?? weighted(rows, p.evaluation.abandonRate, req.calls),
      paidHours: paidByDay.get(day) ?? 0,
      onPhoneAgentHours: rows.reduce((a, i) => a + p.evaluation.agents[i]!, 0) * hours,
      callsOutsidePlan: Number.NaN,
    };
    if (calls === null) {
      days.push(base);
      continue;
    }
    const aht = rows.map((i) => ctx.realAht?.get(req.starts[i]!) ?? planAht[i]!);
    const simulateDay = (agents: ArrayLike<number>): Promise<ReplayDayOutcome> =>
      simulateReplayDay(
        {
          intervalMinutes: req.intervalMinutes,
          starts: rows.map((i) => req.starts[i]!),
          agents,
          ahtSeconds: aht,
          arrivalMs: calls.arrivalMs,
          handleSeconds: calls.handleSeconds,
          patienceSeconds: calls.patienceSeconds,
          patienceMeanSeconds: patienceMean,
        },
        {
          thresholdSeconds: target.thresholdSeconds,
          replications: ctx.replications,
          seed: daySeed(ctx.seed, day, 2),
        },
      );
    const scheduled = rows.map((i) => p.evaluation.agents[i]!);
    const outcome = await simulateDay(scheduled);
    if (ctx.intraday !== null && rows.length > 0) {
      // the plan's schedule adjusted at the decision times from the calls seen, then the same day again
      const starts = rows.map((i) => req.starts[i]!);
      const patience = req.patienceSeconds ?? cfg.patienceSeconds;
      const adjusted = intradayAgents(
        {
          timeZone: tz,
          intervalMinutes: req.intervalMinutes,
          starts,
          scheduledAgents: scheduled,
          forecastCalls: rows.map((i) => req.calls[i]!),
          actualCalls: countsPerInterval(calls.arrivalMs, starts, req.intervalMinutes * 60_000),
          ahtSeconds: rows.map((i) => planAht[i]!),
          ...(patience === undefined
            ? {}
            : { patienceSeconds: typeof patience === 'number' ? patience : rows.map((i) => patience[i]!) }),
        },
        decisionInstants(day, ctx.intraday.options.atTimes, tz),
        {
          target: planTarget(cfg.target),
          flex: ctx.intraday.options.flex ?? DEFAULT_INTRADAY_FLEX,
          release: ctx.intraday.options.release ?? false,
        },
      );
      const managed = await simulateDay(adjusted);
      const sl = managed.day.serviceLevel[target.basis].mean;
      ctx.intraday.days.push({
        date: dateOfDayNumber(day),
        realisedServiceLevel: sl,
        meetsTarget: calls.arrivalMs.length === 0 ? true : sl >= target.serviceLevel,
        agentHoursChange: adjusted.reduce((a, v, r) => a + v - scheduled[r]!, 0) * hours,
      });
    }
    const actual = calls.arrivalMs.length;
    let absError = outcome.callsOutsidePlan;
    rows.forEach((i, r) => {
      absError += Math.abs(outcome.actualCalls[r]! - req.calls[i]!);
    });
    const realised = outcome.day.serviceLevel[target.basis].mean;
    days.push({
      ...base,
      status: 'replayed',
      actualCalls: actual,
      volumeError: actual / forecastCalls - 1,
      intervalWape: absError / actual,
      realisedServiceLevel: realised,
      meetsTarget: actual === 0 ? true : realised >= target.serviceLevel,
      asaSeconds: outcome.day.asaSeconds.mean,
      abandonRate: outcome.day.abandonRate.mean,
      answeredCalls: outcome.day.answered.mean,
      callsOutsidePlan: outcome.callsOutsidePlan,
    });
  }
  return days;
}

/**
 * The backtest of a whole planning policy: for each of the last `weeks` weeks of the history (7-day
 * blocks ending on `lastDay`), plans from the history strictly before the week with the same config
 * (`historyAsOf`, then `plan`: forecast, staffing, schedule, evaluation; the horizon starts the day
 * after the history's last day and runs to the week's end), then simulates the plan's schedule -
 * the whole agents it puts on the phones per interval, after shrinkage, as `plan` evaluates them -
 * against the week's REAL calls, day by day (`simulateReplayDay`): interval counts spread within
 * each interval (`spreadArrivals`, handle times exponential at the real AHT, else the plan's;
 * patience exponential at the config's `patienceSeconds`), or per-call records replayed as they
 * came (`replayedCallsFromRecords`). Each day gets the plan's promise (its evaluation: service
 * level, ASA, abandonment, contact-weighted) beside what it realised, its forecast error (volume
 * and interval WAPE) and paid hours (shifts starting that day); weeks and the total sum the days
 * (`summarizeReplayDays`), with the share of days meeting the service-level target. A planned day
 * without real data (no rows, a missing interval, no records) is `no-data` and not scored.
 * Deterministic: every draw is seeded by (`seed`, local day), and the schedule stops on its work
 * budget. Single-queue configs with a service-level target only. Cost: `weeks` plans (the MIP
 * dominates) plus one simulation per day.
 *
 * @throws StaffcastError `CONFIG` for a config with `queues` or `dailyTotals`, or a target without
 *   `serviceLevel`; `NO_DATA` when the history has fewer than `REPLAY_MIN_HISTORY_DAYS` days before
 *   the first replayed week; `INVALID_INPUT` for weeks not a whole number >= 1, a bad `lastDay`,
 *   seed or replications, or fractional counts; and whatever `plan` throws.
 * @example
 * // (not run: plans and simulates several weeks)
 * const r = await replay(config, { baseDir: 'examples', weeks: 8 });
 * r.total.shareOfDaysMeetingTarget; // the share of the replayed days meeting 80/20
 */
export async function replay(config: PlanConfigInput, options: ReplayOptions): Promise<ReplayResult> {
  const fn = 'replay';
  const source = options.source ?? 'plan config';
  const cfg = parsePlanConfig(config, source);
  const weeks = options.weeks ?? 8;
  if (!(Number.isInteger(weeks) && weeks >= 1 && weeks <= 520))
    invalidInput(fn, 'weeks', 'must be a whole number in 1..520', weeks);
  const seed = options.seed ?? 1;
  if (!(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32))
    invalidInput(fn, 'seed', 'must be an integer in [0, 2^32)', seed);
  const records = options.callRecords;
  const replications = options.replications ?? (records === undefined ? 10 : 1);
  if (!(Number.isInteger(replications) && replications >= 1 && replications <= 1000))
    invalidInput(fn, 'replications', 'must be an integer in 1..1000', replications);
  if (cfg.queues !== undefined)
    throw new StaffcastError('CONFIG', `${source}: queues: replay plans one queue; this config has several`);
  if (cfg.history.dailyTotals === true)
    throw new StaffcastError(
      'CONFIG',
      `${source}: history.dailyTotals: replay needs interval counts (the real arrivals of each interval)`,
    );
  const serviceLevel = cfg.target.serviceLevel;
  if (serviceLevel === undefined)
    throw new StaffcastError('CONFIG', `${source}: target.serviceLevel: replay scores days on it; give one`);
  const target: ReplayResult['target'] = {
    serviceLevel,
    thresholdSeconds: cfg.target.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS,
    basis: cfg.target.serviceLevelBasis ?? 'offered',
  };

  // the history at its own interval (the real counts), and at the plan's (what the plan reads)
  const read = await readPlanHistory(cfg.history, {
    baseDir: options.baseDir,
    source,
    key: 'history',
    outputIntervalMinutes: undefined,
  });
  const raw = read.history;
  const planHistory =
    cfg.outputIntervalMinutes === undefined || cfg.outputIntervalMinutes === raw.calls.intervalMinutes
      ? raw
      : resampleHistory(raw, cfg.outputIntervalMinutes);
  const tz = raw.calls.timeZone;
  const observed = Array.from(raw.calls.starts).filter((_, i) => !Number.isNaN(raw.calls.values[i]!));
  if (observed.length === 0)
    throw new StaffcastError('NO_DATA', `${source}: ${cfg.history.file}: no interval with data`);
  const firstHistoryDay = localDayNumber(observed[0]!, tz);
  let lastDay = localDayNumber(observed[observed.length - 1]!, tz);
  if (options.lastDay !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.lastDay))
      invalidInput(fn, 'lastDay', 'must be a yyyy-MM-dd date', options.lastDay);
    lastDay = dayNumberOfDate(options.lastDay);
  }
  const firstWeekDay = lastDay - 7 * weeks + 1;
  if (firstWeekDay - firstHistoryDay < REPLAY_MIN_HISTORY_DAYS)
    throw new StaffcastError(
      'NO_DATA',
      `${source}: ${cfg.history.file}: not enough history to replay ${weeks} week${weeks === 1 ? '' : 's'} ` +
        `from ${dateOfDayNumber(firstWeekDay)}: the plan of the first week needs at least ` +
        `${REPLAY_MIN_HISTORY_DAYS} days before it, and the history starts ${dateOfDayNumber(firstHistoryDay)} ` +
        `(replay fewer weeks, or an earlier last day)`,
    );

  let replayed: ReplayedCalls | null = null;
  let realCalls: RealCalls;
  if (records === undefined) realCalls = countsSource(raw, seed);
  else {
    replayed = replayedCallsFromRecords(records, {
      seed: daySeed(seed, 0, 3),
      ...(cfg.patienceSeconds === undefined ? {} : { patienceMeanSeconds: cfg.patienceSeconds }),
    });
    realCalls = recordsSource(replayed, tz);
  }
  const realAht = new Map<number, number>();
  if (planHistory.ahtSeconds !== undefined && records === undefined) {
    const a = planHistory.ahtSeconds;
    a.starts.forEach((start, i) => {
      const v = a.values[i]!;
      if (Number.isFinite(v) && v > 0) realAht.set(start, v);
    });
  }

  const onProgress = options.onProgress;
  const t0 = performance.now();
  onProgress?.({ step: 'weeks', phase: 'start', total: weeks });
  const weekResults: ReplayWeek[] = [];
  const days: ReplayDay[] = [];
  const intradayOptions = options.intraday;
  if (intradayOptions !== undefined) {
    for (const t of intradayOptions.atTimes)
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(t))
        invalidInput(fn, 'intraday.atTimes', 'must be local HH:MM times', t);
    const flex = intradayOptions.flex ?? DEFAULT_INTRADAY_FLEX;
    if (!(flex >= 0 && flex <= 1)) invalidInput(fn, 'intraday.flex', 'must be a fraction in [0, 1]', flex);
  }
  const intraday =
    intradayOptions === undefined ? null : { options: intradayOptions, days: [] as ReplayIntradayDay[] };
  for (let w = 0; w < weeks; w++) {
    const firstDay = firstWeekDay + 7 * w;
    const cut = historyAsOf(planHistory, firstDay - 1);
    if (cut.calls.starts.length === 0)
      throw new StaffcastError(
        'NO_DATA',
        `${source}: ${cfg.history.file}: no interval with data before ${dateOfDayNumber(firstDay)} to plan week ${w + 1} from`,
      );
    const cutLast = localDayNumber(cut.calls.starts[cut.calls.starts.length - 1]!, tz);
    const p = await plan({ ...(config as object), horizonDays: firstDay + 6 - cutLast } as PlanConfigInput, {
      baseDir: options.baseDir,
      source,
      history: cut,
      readReport: read.report,
    });
    const weekDays = await replayWeek(p, {
      cfg,
      week: w + 1,
      firstDay,
      realCalls,
      realAht: realAht.size > 0 ? realAht : null,
      target,
      seed,
      replications,
      intraday,
    });
    days.push(...weekDays);
    weekResults.push({
      week: w + 1,
      firstDate: dateOfDayNumber(firstDay),
      lastDate: dateOfDayNumber(firstDay + 6),
      historyUntil: dateOfDayNumber(cutLast),
      forecastMethod: p.forecast.method ?? 'forecast',
      scheduleStatus: p.schedule.status,
      ...summarizeReplayDays(weekDays),
    });
    onProgress?.({ step: 'weeks', phase: 'advance', done: w + 1, total: weeks });
  }
  const total = summarizeReplayDays(days);
  onProgress?.({
    step: 'weeks',
    phase: 'done',
    seconds: (performance.now() - t0) / 1000,
    detail: `${total.daysMeetingTarget} of ${total.daysReplayed} days met the target`,
  });
  return {
    config: cfg,
    arrivals: records === undefined ? 'counts' : 'records',
    timeZone: tz,
    target,
    weeks: weekResults,
    days,
    total,
    seed,
    replications,
    records:
      replayed === null
        ? null
        : {
            answered: replayed.answered,
            abandoned: replayed.abandoned,
            notOffered: replayed.notOffered,
            patienceMeanSeconds: replayed.patienceMeanSeconds,
          },
    intraday: intraday === null ? null : intradaySummary(intraday.options, intraday.days, days),
  };
}

/** The intraday days against the same days without it: days saved and lost, service level, hours. */
function intradaySummary(
  options: ReplayIntradayOptions,
  managed: ReplayIntradayDay[],
  days: readonly ReplayDay[],
): ReplayIntraday {
  const without = new Map(days.map((d) => [d.date, d]));
  let meeting = 0;
  let meetingWithout = 0;
  let saved = 0;
  let lost = 0;
  let weighted = 0;
  let calls = 0;
  let hours = 0;
  for (const m of managed) {
    const d = without.get(m.date);
    if (d === undefined || d.status !== 'replayed') continue;
    if (m.meetsTarget) meeting++;
    if (d.meetsTarget === true) meetingWithout++;
    if (m.meetsTarget && d.meetsTarget !== true) saved++;
    if (!m.meetsTarget && d.meetsTarget === true) lost++;
    if (d.actualCalls > 0) {
      weighted += m.realisedServiceLevel * d.actualCalls;
      calls += d.actualCalls;
    }
    hours += m.agentHoursChange;
  }
  return {
    atTimes: [...options.atTimes],
    flex: options.flex ?? DEFAULT_INTRADAY_FLEX,
    release: options.release ?? false,
    days: managed,
    daysMeetingTarget: meeting,
    daysMeetingTargetWithout: meetingWithout,
    daysSaved: saved,
    daysLost: lost,
    realisedServiceLevel: calls > 0 ? weighted / calls : Number.NaN,
    agentHoursChange: hours,
  };
}

/**
 * The line the terminal summary ends with when intraday management was replayed: days meeting the
 * target with and without it, days saved and lost, the service level and the agent-hours moved.
 *
 * @internal
 */
function intradayLine(result: ReplayResult): string {
  const i = result.intraday;
  if (i === null) return '';
  const n = i.days.length;
  const hours = Math.round(i.agentHoursChange * 10) / 10;
  return (
    `intraday at ${i.atTimes.join(', ')} (flex ${(100 * i.flex).toFixed(1)}%${i.release ? ', with release' : ''}): ` +
    `${i.daysMeetingTarget} of ${n} days meet the target (${i.daysMeetingTargetWithout} without): ` +
    `${i.daysSaved} saved, ${i.daysLost} lost; realised ${(100 * i.realisedServiceLevel).toFixed(1)}%, ` +
    `${hours >= 0 ? '+' : ''}${hours} agent-hours on the phones\n`
  );
}

/**
 * The files `staffcast replay` writes, in order.
 *
 * @internal
 */
export const REPLAY_FILES = ['replay_days.csv', 'replay_weeks.csv', 'replay.html'] as const;

/** Options of `runReplay`. */
export interface RunReplayOptions {
  /** Path of the plan config JSON as given (relative to `cwd`); its paths are relative to its folder. */
  configFile: string;
  /** Folder `configFile` and `callsFile` are resolved against. */
  cwd: string;
  /** Weeks to replay (integer >= 1). Default 8. */
  weeks?: number;
  /** Per-call records CSV (`readCallRecords` columns), wall clock in the history's zone. Default: none. */
  callsFile?: string | undefined;
  /** Last local day replayed, `yyyy-MM-dd`. Default: the history's last day with data. */
  lastDay?: string | undefined;
  /** Seed (integer in [0, 2^32)). Default 1. */
  seed?: number | undefined;
  /** Replications per day. Default 10 for counts, 1 for per-call records. */
  replications?: number | undefined;
  /** Receives the `weeks` progress of `replay`. Default: none. */
  onProgress?: OnProgress | undefined;
  /** Intraday management at these times with this flexibility (`ReplayOptions.intraday`). Default: none. */
  intraday?: ReplayIntradayOptions | undefined;
  /** Epoch ms printed in the report as its time of writing. Default `Date.now()`. */
  generatedAt?: number;
}

/** What `runReplay` returns: the result, its three files and the texts for the terminal. */
export interface ReplayRun {
  result: ReplayResult;
  /** `REPLAY_FILES`: the per-day CSV, the per-week CSV and the HTML report. */
  files: Record<'replay_days.csv' | 'replay_weeks.csv' | 'replay.html', string>;
  /** The result as JSON (`jsonText`: NaN and Infinity as strings). */
  json: string;
  /** The terminal summary (`renderReplaySummary`). */
  terminalSummary: string;
  /** Row accounting of the per-call file (empty without one). */
  readReportText: string;
}

/**
 * The `staffcast replay` use case: reads the plan config file (as `runPlan`), the per-call records
 * when given (`readCallRecords`, wall clock in the history's zone; rejected rows are counted in
 * `readReportText`), runs `replay`, and renders what the command writes: `replay_days.csv`
 * (`writeReplayDaysCsv`), `replay_weeks.csv` (`writeReplayWeeksCsv`) and `replay.html`
 * (`renderReplayHtml`, generator `staffcast <VERSION> replay`), the JSON of the result and the
 * terminal summary. Pure apart from reading the files; writes nothing. Cost: that of `replay`.
 *
 * @throws StaffcastError `FILE_READ` for a config or call file that cannot be read, `CONFIG` for a
 *   config that is not JSON or not valid, `CSV_ROW` for a call file without a needed column, and
 *   whatever `replay` throws.
 * @example
 * // (not run: plans and simulates eight weeks, about 4 minutes)
 * const run = await runReplay({ configFile: 'examples/plan.json', cwd: '.', weeks: 8 });
 * run.result.total.daysReplayed; // 38 (two of the 40 weekdays are closed in the data)
 */
export async function runReplay(options: RunReplayOptions): Promise<ReplayRun> {
  const { configFile, cwd } = options;
  const json = await readPlanConfigFile(configFile, cwd);
  const cfg = parsePlanConfig(json, configFile);
  let readReportText = '';
  let callRecords: CallRecord[] | undefined;
  if (options.callsFile !== undefined) {
    const read = await readCallRecords(resolve(cwd, options.callsFile), {
      timeZone: cfg.history.timeZone,
      fileLabel: options.callsFile,
    });
    callRecords = read.records;
    readReportText =
      `read ${read.rowsRead} call records from ${options.callsFile}: ${read.rowsUsed} used, ${read.rowsRejected} rejected\n` +
      read.errors
        .slice(0, 5)
        .map((e) => `  ${e}\n`)
        .join('') +
      (read.errors.length > 5 ? `  ... and ${read.errors.length - 5} more\n` : '');
  }
  const result = await replay(json, {
    baseDir: dirname(resolve(cwd, configFile)),
    source: configFile,
    ...(options.weeks === undefined ? {} : { weeks: options.weeks }),
    lastDay: options.lastDay,
    callRecords,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.replications === undefined ? {} : { replications: options.replications }),
    onProgress: options.onProgress,
    intraday: options.intraday,
  });
  const notes = [
    'Promised: the service level the plan computed for its schedule (Erlang, interval by interval). Realised: the same schedule simulated as one continuous queue per day with the real calls.',
    'The agents on the phones are the whole agents the plan evaluates (net coverage after shrinkage); nobody works overtime or leaves early.',
    ...(result.arrivals === 'records'
      ? [
          'Per-call records: one pool of agents, all call types and priorities in one FCFS queue. Answered callers keep their talk time; their patience beyond the wait they had is drawn (exponential); callers who hung up keep their patience and, had they been answered, get the mean talk time.',
        ]
      : [
          "Interval counts: the real calls of each interval are spread at random within it; handle times are exponential at the interval AHT (the history's, else the plan's).",
        ]),
    'Days planned but without real data (closed in reality, or missing) are not scored; their shifts count in the paid hours.',
  ];
  const html = await renderReplayHtml({
    title: `Replay of ${result.weeks.length} week${result.weeks.length === 1 ? '' : 's'}: ${configFile}`,
    subtitle: cfg.description,
    timeZone: result.timeZone,
    generatedAt: options.generatedAt ?? Date.now(),
    generator: `staffcast ${VERSION} replay`,
    target: result.target,
    arrivals: result.arrivals,
    days: result.days,
    weeks: result.weeks,
    total: result.total,
    notes,
  });
  return {
    result,
    files: {
      'replay_days.csv': writeReplayDaysCsv(result.days),
      'replay_weeks.csv': writeReplayWeeksCsv(result.weeks),
      'replay.html': html,
    },
    json: jsonText(result),
    terminalSummary: renderReplaySummary(result) + intradayLine(result),
    readReportText,
  };
}
