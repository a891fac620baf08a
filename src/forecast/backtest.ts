import { invalidInput, StaffcastError } from '../errors.js';
import type { History } from '../time/history.js';
import { dateOfDayNumber, dayNumberOfDate } from '../time/localCalendar.js';
import { dayLogSdAt, predictiveCdf } from './dayEffect.js';
import { buildDayTable, type DayTable } from './dayTable.js';
import {
  chooseModel,
  type DayForecast,
  type ForecastMethod,
  forecastDays,
  indexSpecialDays,
  MODEL_NAMES,
  type ModelName,
} from './engine.js';
import { historyAsOf } from './historyAsOf.js';
import { type AccuracyMetrics, MetricsAccumulator } from './metrics.js';
import { type ForecastOptions, resolveForecastOptions } from './options.js';
import { ValidationMemo } from './validationMemo.js';

/** Options of `backtest` (defaults in brackets); model options as in `ForecastOptions`. */
export interface BacktestOptions extends Omit<ForecastOptions, 'method'> {
  /**
   * Rolling origins: a count spread evenly over the eligible days, or `'all'` for every eligible
   * open day (the protocol of the README figures). [8]
   */
  origins?: number | 'all';
  /** Methods to compare. [every model and 'auto'] */
  methods?: readonly ForecastMethod[];
  /** Origins are taken from the days after this fraction of the history (0.75 = last quarter). [0.75] */
  originsFrom?: number;
  /**
   * Explicit origins, `YYYY-MM-DD` local dates of days with data that are followed by a day with
   * data; replace `origins` and `originsFrom` when given.
   */
  originDates?: readonly string[];
  /**
   * Called after each origin is scored with the origins done and the total (for a progress bar);
   * it never changes the result.
   */
  onOrigin?: (done: number, total: number) => void;
}

/** Accuracy of one method at one lead (or over all leads). */
export interface BacktestRow {
  method: ForecastMethod;
  /**
   * Open days after the origin, 1..horizonDays (1 = the next day with data, even after a weekend
   * or a gap); 0 = all leads pooled.
   */
  leadDay: number;
  metrics: AccuracyMetrics;
}

/** What `backtest` returns. */
export interface BacktestResult {
  /** Leads scored at each origin, in open days. */
  horizonDays: number;
  /** Origin dates (the last day of each training history), `YYYY-MM-DD`. */
  origins: string[];
  /** Per method, leads 1..horizonDays then the pooled row (leadDay 0). */
  rows: BacktestRow[];
  /** Model auto chose at each origin, e.g. `'auto:robust-profile'`. */
  autoChoices: string[];
}

/**
 * In-sample MAE of the weekly seasonal naive over the last 8 weeks before `end` (the MASE scale).
 */
/**
 * The randomized PIT's range [P(Y < y), P(Y <= y)] of actual `y` under the day-effect predictive
 * of target `i` (forecast `mu`; -1 or a closed day: mu = 0), [F(y - 1), F(y)] for a count and
 * [F(y), F(y)] otherwise; undefined without a fitted day effect.
 */
function pitOf(f: DayForecast, i: number, mu: number, y: number): [number, number] | undefined {
  const model = f.dayEffect;
  if (model === undefined) return undefined;
  const logSd = dayLogSdAt(model, f.targets[i]?.openDaysAhead ?? 1);
  const upper = predictiveCdf(model, mu, logSd, y);
  const lower = Number.isInteger(y) ? predictiveCdf(model, mu, logSd, y - 1) : upper;
  return [lower, upper];
}

function naiveScale(table: DayTable, end: number): number {
  const s = table.slotsPerDay;
  const rowOf = new Map<number, number>();
  for (let r = 0; r < end; r++) rowOf.set(table.dayNumbers[r]!, r);
  let sum = 0;
  let n = 0;
  for (let r = end - 1; r >= 0 && table.dayNumbers[r]! > table.dayNumbers[end - 1]! - 56; r--) {
    const p = rowOf.get(table.dayNumbers[r]! - 7);
    if (p === undefined) continue;
    for (let j = 0; j < s; j++) {
      const a = table.values[r * s + j]!;
      const b = table.values[p * s + j]!;
      if (Number.isFinite(a) && Number.isFinite(b)) {
        sum += Math.abs(a - b);
        n++;
      }
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** Rows of the table used as origins (see `backtest`). */
function originRows(table: DayTable, options: BacktestOptions): number[] {
  const rows = table.dayNumbers.length;
  if (options.originDates !== undefined) {
    const rowOf = new Map<number, number>();
    for (let r = 0; r < rows; r++) rowOf.set(table.dayNumbers[r]!, r);
    const out: number[] = [];
    for (const date of options.originDates) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
        invalidInput('backtest', 'originDates', 'must be YYYY-MM-DD dates', date);
      const r = rowOf.get(dayNumberOfDate(date));
      if (r === undefined || r >= rows - 1)
        invalidInput('backtest', 'originDates', 'must be days with data followed by a day with data', date);
      if (r < MIN_TRAINING_DAYS)
        invalidInput('backtest', 'originDates', `must have ${MIN_TRAINING_DAYS} days of data before`, date);
      if (!out.includes(r)) out.push(r);
    }
    if (out.length === 0) invalidInput('backtest', 'originDates', 'must name at least one date', '[]');
    return out.sort((a, b) => a - b);
  }
  const count = options.origins ?? 8;
  if (count !== 'all' && (!Number.isInteger(count) || count < 1))
    invalidInput('backtest', 'origins', "must be a whole number >= 1 or 'all'", count);
  const from = options.originsFrom ?? 0.75;
  if (!(from >= 0 && from < 1)) invalidInput('backtest', 'originsFrom', 'must be in [0, 1)', from);
  const firstDay = table.dayNumbers[0]!;
  const lastDay = table.dayNumbers[rows - 1]!;
  const cut = firstDay + from * (lastDay - firstDay);
  const eligible: number[] = [];
  for (let o = MIN_TRAINING_DAYS; o < rows - 1; o++) if (table.dayNumbers[o]! >= cut) eligible.push(o);
  if (eligible.length === 0)
    throw new StaffcastError('NO_DATA', 'backtest: no origin in the chosen part of the history');
  if (count === 'all') return eligible;
  const chosen: number[] = [];
  const k = Math.min(count, eligible.length);
  for (let i = 0; i < k; i++) {
    const idx = k === 1 ? eligible.length - 1 : Math.round((i * (eligible.length - 1)) / (k - 1));
    if (!chosen.includes(eligible[idx]!)) chosen.push(eligible[idx]!);
  }
  return chosen;
}

/** Days of data an origin needs before it (inclusive). */
const MIN_TRAINING_DAYS = 14;

/**
 * Rolling-origin backtest. An origin is the end of a day with data (in the last quarter of the
 * history by default; every such day with `origins: 'all'`); lead k is the k-th day with data after
 * it, so the Monday after a weekend and the first day after a gap are lead 1. At each origin every
 * method forecasts from `historyAsOf(history, origin)` alone: opening hours and days, gaps, special
 * days seen in training, auto's choice and the quantile model are all learned from the data up to
 * the origin. Each of the next `horizonDays` open days is scored interval by interval (a day the
 * forecast thought closed is scored as a forecast of 0): WAPE, MAE, RMSE, MASE (scaled by the
 * weekly seasonal naive's in-sample MAE), bias and, with quantiles, the coverage of [lowest,
 * highest] quantile and the hit rate of each quantile, per lead and pooled.
 * Cost: origins x (one as-of history + one `forecast` per model compared; auto's is that of the
 * model it chooses, scored again, not forecast again).
 *
 * @throws StaffcastError `INVALID_INPUT` for bad options; `NO_DATA` when no origin qualifies.
 * @example
 * // three weeks of daily totals, the same each week (Monday 20 ... Sunday 5) plus 2 calls a week more
 * const days = Array.from({ length: 21 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const history = { calls: createSeries('UTC', 1440, days,
 *   days.map((_, d) => [20, 30, 30, 30, 30, 10, 5][d % 7] + 2 * Math.floor(d / 7))) };
 * const methods = ['seasonal-naive', 'historical-average'];
 * const result = backtest(history, { horizonDays: 1, origins: 'all', methods });
 * result.origins; // ['2024-01-16', '2024-01-17', '2024-01-18', '2024-01-19', '2024-01-20'] (after 14 days)
 * result.rows.filter((r) => r.leadDay === 0).map((r) => [r.method, r.metrics.wape]);
 * // [['seasonal-naive', 0.08], ['historical-average', 0.12]] (one pooled row per method)
 * result.rows[0].metrics; // { n: 5, wape: 0.08, mae: 2, rmse: 2, mase: 1, bias: -2 } (last week is 2 short)
 */
export function backtest(history: History, options: BacktestOptions): BacktestResult {
  const table = buildDayTable(history);
  const { settings, specialDays } = resolveForecastOptions('backtest', options, table);
  const methods = options.methods ?? [...MODEL_NAMES, 'auto'];
  for (const m of methods) {
    if (m !== 'auto' && !MODEL_NAMES.includes(m))
      invalidInput('backtest', 'methods', 'must name models or auto', m);
  }
  const rows = table.dayNumbers.length;
  const chosen = originRows(table, options);
  const h = settings.horizonDays;
  const acc = new Map<string, MetricsAccumulator>();
  const accFor = (m: string, lead: number) => {
    const key = `${m}|${lead}`;
    let a = acc.get(key);
    if (!a) {
      a = new MetricsAccumulator(settings.probabilities);
      acc.set(key, a);
    }
    return a;
  };
  const autoChoices: string[] = [];
  const s = table.slotsPerDay;
  let originsDone = 0;
  // the validation forecasts the origins' as-of tables share with the full table, for this call only
  const memo = new ValidationMemo(table);
  for (const o of chosen) {
    const originDay = table.dayNumbers[o]!;
    const known = buildDayTable(historyAsOf(history, originDay));
    const end = known.dayNumbers.length;
    const special = indexSpecialDays(known, specialDays);
    const scale = naiveScale(known, end);
    const lastRow = Math.min(o + h, rows - 1);
    const calendarDays = table.dayNumbers[lastRow]! - originDay;
    // auto's forecast is that of the model it chooses: one forecast per model at each origin
    const byModel = new Map<ModelName, DayForecast>();
    const forecastOf = (model: ModelName): DayForecast => {
      let f = byModel.get(model);
      if (f === undefined) {
        f = forecastDays(known, end, special, { ...settings, method: model }, calendarDays, memo);
        byModel.set(model, f);
      }
      return f;
    };
    for (const m of methods) {
      const model = m === 'auto' ? chooseModel(known, end, special, settings, memo) : m;
      const f = forecastOf(model);
      if (m === 'auto') autoChoices.push(`auto:${model}`);
      const q = new Float64Array(f.quantiles.length);
      for (let r = o + 1; r <= lastRow; r++) {
        const lead = r - o;
        const i = f.targets.findIndex((t) => t.dayNumber === table.dayNumbers[r]);
        const open = i >= 0 && !f.closedDays.has(table.dayNumbers[r]!);
        const byLead = accFor(m, lead);
        const pooled = accFor(m, 0);
        for (let j = 0; j < s; j++) {
          const y = table.values[r * s + j]!;
          if (!Number.isFinite(y)) continue;
          const c = i * s + j;
          const fc = open && Number.isFinite(f.values[c]!) ? f.values[c]! : 0;
          for (let p = 0; p < q.length; p++) {
            const v = open ? f.quantiles[p]![c]! : 0;
            q[p] = Number.isFinite(v) ? v : 0;
          }
          const pit = pitOf(f, i, open ? fc : 0, y);
          byLead.add(y, fc, scale, q, pit);
          pooled.add(y, fc, scale, q, pit);
        }
      }
    }
    memo.endOrigin();
    options.onOrigin?.(++originsDone, chosen.length);
  }
  const out: BacktestRow[] = [];
  for (const m of methods) {
    for (let lead = 1; lead <= h; lead++) {
      const a = acc.get(`${m}|${lead}`);
      if (a) out.push({ method: m, leadDay: lead, metrics: a.result() });
    }
    const a = acc.get(`${m}|0`);
    if (a) out.push({ method: m, leadDay: 0, metrics: a.result() });
  }
  return {
    horizonDays: h,
    origins: chosen.map((o) => dateOfDayNumber(table.dayNumbers[o]!)),
    rows: out,
    autoChoices,
  };
}
