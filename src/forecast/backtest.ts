import { invalidInput, StaffcastError } from '../errors.js';
import type { History } from '../time/history.js';
import { dateOfDayNumber } from '../time/localCalendar.js';
import { buildDayTable, type DayTable } from './dayTable.js';
import { type ForecastMethod, forecastDays, indexSpecialDays, MODEL_NAMES } from './engine.js';
import { type AccuracyMetrics, MetricsAccumulator } from './metrics.js';
import { type ForecastOptions, resolveForecastOptions } from './options.js';

/** Options of `backtest` (defaults in brackets); model options as in `ForecastOptions`. */
export interface BacktestOptions extends Omit<ForecastOptions, 'method'> {
  /** Rolling origins, spread evenly over the eligible days. [8] */
  origins?: number;
  /** Methods to compare. [every model and 'auto'] */
  methods?: readonly ForecastMethod[];
  /** Origins are taken from the days after this fraction of the history (0.75 = last quarter). [0.75] */
  originsFrom?: number;
}

/** Accuracy of one method at one lead day (or over all lead days). */
export interface BacktestRow {
  method: ForecastMethod;
  /** Calendar days after the origin, 1..horizonDays; 0 = all lead days pooled. */
  leadDay: number;
  metrics: AccuracyMetrics;
}

/** What `backtest` returns. */
export interface BacktestResult {
  horizonDays: number;
  /** Origin dates (the last day of each training history), `YYYY-MM-DD`. */
  origins: string[];
  /** Per method, lead days 1..horizonDays then the pooled row (leadDay 0). */
  rows: BacktestRow[];
  /** Model auto chose at each origin, e.g. `'auto:robust-profile'`. */
  autoChoices: string[];
}

/**
 * In-sample MAE of the weekly seasonal naive over the last 8 weeks before `end` (the MASE scale).
 */
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

/**
 * Rolling-origin backtest: at each origin (the end of a day in the last quarter of the history that
 * is followed by a day with data), every method forecasts the next `horizonDays` days from the data
 * up to the origin, and is scored against the actual intervals of those days: WAPE, MAE, RMSE,
 * MASE (scaled by the weekly seasonal naive's in-sample MAE), bias and, with quantiles, the
 * coverage of [lowest, highest] quantile and the hit rate of each quantile, per lead day and pooled.
 * Cost: origins x methods x one `forecast`.
 *
 * @throws StaffcastError `INVALID_INPUT` for bad options; `NO_DATA` when no origin qualifies.
 * @example
 * // backtest(history, { horizonDays: 7, origins: 8 }).rows.filter((r) => r.leadDay === 0)
 * // -> one pooled row per method
 */
export function backtest(history: History, options: BacktestOptions): BacktestResult {
  const table = buildDayTable(history);
  const { settings, specialDays } = resolveForecastOptions('backtest', options, table);
  const count = options.origins ?? 8;
  if (!Number.isInteger(count) || count < 1)
    invalidInput('backtest', 'origins', 'must be a whole number >= 1', count);
  const from = options.originsFrom ?? 0.75;
  if (!(from >= 0 && from < 1)) invalidInput('backtest', 'originsFrom', 'must be in [0, 1)', from);
  const methods = options.methods ?? [...MODEL_NAMES, 'auto'];
  for (const m of methods) {
    if (m !== 'auto' && !MODEL_NAMES.includes(m))
      invalidInput('backtest', 'methods', 'must name models or auto', m);
  }
  const rows = table.dayNumbers.length;
  const firstDay = table.dayNumbers[0]!;
  const lastDay = table.dayNumbers[rows - 1]!;
  const cut = firstDay + from * (lastDay - firstDay);
  const eligible: number[] = [];
  for (let o = 0; o < rows - 1; o++) {
    if (table.dayNumbers[o]! >= cut && table.dayNumbers[o + 1] === table.dayNumbers[o]! + 1 && o >= 14) {
      eligible.push(o);
    }
  }
  if (eligible.length === 0)
    throw new StaffcastError('NO_DATA', 'backtest: no origin in the chosen part of the history');
  const chosen: number[] = [];
  const k = Math.min(count, eligible.length);
  for (let i = 0; i < k; i++) {
    const idx = k === 1 ? eligible.length - 1 : Math.round((i * (eligible.length - 1)) / (k - 1));
    if (!chosen.includes(eligible[idx]!)) chosen.push(eligible[idx]!);
  }
  const special = indexSpecialDays(table, specialDays);
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
  const rowOf = new Map<number, number>();
  for (let r = 0; r < rows; r++) rowOf.set(table.dayNumbers[r]!, r);
  for (const o of chosen) {
    const scale = naiveScale(table, o + 1);
    const originDay = table.dayNumbers[o]!;
    for (const m of methods) {
      const f = forecastDays(table, o + 1, special, { ...settings, method: m });
      if (m === 'auto') autoChoices.push(f.method);
      const q = new Float64Array(f.quantiles.length);
      f.targets.forEach((t, i) => {
        const r = rowOf.get(t.dayNumber);
        if (r === undefined) return;
        const lead = t.dayNumber - originDay;
        const byLead = accFor(m, lead);
        const pooled = accFor(m, 0);
        for (let j = 0; j < s; j++) {
          const c = i * s + j;
          const y = table.values[r * s + j]!;
          let fc = f.values[c]!;
          if (!Number.isFinite(y)) continue;
          if (!Number.isFinite(fc) || f.closedDays.has(t.dayNumber)) fc = 0;
          for (let p = 0; p < q.length; p++)
            q[p] = Number.isFinite(f.quantiles[p]![c]!) ? f.quantiles[p]![c]! : 0;
          byLead.add(y, fc, scale, q);
          pooled.add(y, fc, scale, q);
        }
      });
    }
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
