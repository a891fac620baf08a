import { dayNumberOfDate } from '../time/localCalendar.js';
import type { SpecialDay } from '../time/specialDays.js';
import { forecastAht } from './aht.js';
import { learnOpenCalendar, type OpenCalendar, targetDaysAfter } from './calendar.js';
import {
  type DayEffectModel,
  type DayPairs,
  dayLogSdAt,
  fitDayEffect,
  predictiveQuantiles,
} from './dayEffect.js';
import { rowTotals } from './dayStats.js';
import type { DayTable } from './dayTable.js';
import { historicalAverage } from './historicalAverage.js';
import { holtWinters } from './holtWinters.js';
import type { DayModel, ModelParameters, TargetDay } from './model.js';
import { robustProfile } from './robustProfile.js';
import { seasonalNaive } from './seasonalNaive.js';
import { topDown } from './topDown.js';
import type { ValidationMemo } from './validationMemo.js';

/** Names of the forecasting models. */
export type ModelName =
  | 'seasonal-naive'
  | 'historical-average'
  | 'top-down'
  | 'holt-winters'
  | 'robust-profile';
/** A model name or `'auto'` (chosen by rolling-origin backtest, falling back to the baseline). */
export type ForecastMethod = ModelName | 'auto';

/** Every model by name. */
export const MODELS: Readonly<Record<ModelName, DayModel>> = Object.freeze({
  'seasonal-naive': seasonalNaive,
  'historical-average': historicalAverage,
  'top-down': topDown,
  'holt-winters': holtWinters,
  'robust-profile': robustProfile,
});

/** The model names in table order. */
export const MODEL_NAMES: readonly ModelName[] = Object.keys(MODELS) as ModelName[];

/**
 * The baseline every model must beat, and auto's fall-back.
 *
 * @internal
 */
export const BASELINE: ModelName = 'historical-average';

/** Settings shared by the engine's forecast of one origin. */
export interface EngineSettings {
  horizonDays: number;
  method: ForecastMethod;
  params: ModelParameters;
  /** Quantile probabilities (ascending), maybe empty. */
  probabilities: number[];
  /** Candidates auto chooses from. */
  candidates: readonly ModelName[];
  /** Relative WAPE gain over the baseline auto needs to leave it (0.01 = 1 %). */
  autoMargin: number;
  /** Validation origins auto uses. */
  validationOrigins: number;
  /** Fit the day-level uncertainty (`DayForecast.dayEffect`) even without quantiles. */
  dayEffect?: boolean;
}

/** Special days keyed by local day number, and the training rows they exclude. */
export interface SpecialIndex {
  byDay: Map<number, SpecialDay>;
  excluded: Uint8Array;
}

/**
 * Indexes special days against a table: `excluded[row]` = 1 for rows on a special day. O(rows).
 *
 * @example
 * import { buildDayTable } from './dayTable.js';
 * const days = [Date.UTC(2024, 11, 24), Date.UTC(2024, 11, 25), Date.UTC(2024, 11, 26)];
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, [50, 5, 40]) });
 * indexSpecialDays(table, [{ date: '2024-12-25', label: 'Christmas' }]).excluded; // Uint8Array [0, 1, 0] (1 on the row of 25 Dec)
 */
export function indexSpecialDays(table: DayTable, days: readonly SpecialDay[]): SpecialIndex {
  const byDay = new Map<number, SpecialDay>();
  for (const d of days) byDay.set(dayNumberOfDate(d.date), d);
  const excluded = new Uint8Array(table.dayNumbers.length);
  if (byDay.size > 0) {
    for (let r = 0; r < excluded.length; r++) if (byDay.has(table.dayNumbers[r]!)) excluded[r] = 1;
  }
  return { byDay, excluded };
}

/** One origin's forecast on the day grid. */
export interface DayForecast {
  targets: TargetDay[];
  /** Calls per target and slot, row-major; NaN where the calendar is closed. */
  values: Float64Array;
  /** Quantile matrices in the order of `settings.probabilities`. */
  quantiles: Float64Array[];
  /** AHT per target and slot, when the table has AHT. */
  ahtSeconds?: Float64Array;
  calendar: OpenCalendar;
  /** Model actually used, e.g. `'auto:robust-profile'`. */
  method: string;
  /** Special target days forecast as closed (factor 0, or closed last time). */
  closedDays: Set<number>;
  /** The fitted day-level uncertainty, with quantiles or `settings.dayEffect`. */
  dayEffect?: DayEffectModel;
}

/**
 * Runs a model with the open calendar applied: closed slots NaN, unknown open slots 0.
 *
 * @example
 * import { dayNumberOfDate } from '../time/localCalendar.js';
 * import { learnOpenCalendar } from './calendar.js';
 * import { buildDayTable } from './dayTable.js';
 * import { DEFAULT_MODEL_PARAMETERS } from './model.js';
 * // four weeks of daily slots from Monday 1 January 2024: Mondays 10, 12, 14, 16, other days 5
 * const days = Array.from({ length: 28 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, days.map((_, d) => (d % 7 === 0 ? 10 + 2 * (d / 7) : 5))) });
 * const targets = [{ dayNumber: dayNumberOfDate('2024-01-29'), weekday: 1, openDaysAhead: 1 }];
 * runModel('historical-average', table, 28, targets, new Uint8Array(28), DEFAULT_MODEL_PARAMETERS,
 *   learnOpenCalendar(table, 28)); // Float64Array [13]
 */
export function runModel(
  name: ModelName,
  table: DayTable,
  end: number,
  targets: readonly TargetDay[],
  excluded: Uint8Array,
  params: ModelParameters,
  calendar: OpenCalendar,
): Float64Array {
  const raw = MODELS[name]({ table, end, targets, excluded, params });
  const s = table.slotsPerDay;
  // a model without information (e.g. Holt-Winters on a short history) falls back to the baseline
  let needBaseline = false;
  targets.forEach((t, i) => {
    for (let j = 0; j < s; j++) {
      if (calendar.openSlot[t.weekday * s + j] === 1 && Number.isNaN(raw[i * s + j]!)) needBaseline = true;
    }
  });
  const base =
    needBaseline && name !== BASELINE
      ? MODELS[BASELINE]({ table, end, targets, excluded, params })
      : undefined;
  targets.forEach((t, i) => {
    for (let j = 0; j < s; j++) {
      const c = i * s + j;
      if (calendar.openSlot[t.weekday * s + j] !== 1) raw[c] = Number.NaN;
      else if (Number.isNaN(raw[c]!)) raw[c] = base && Number.isFinite(base[c]!) ? base[c]! : 0;
    }
  });
  return raw;
}

/** Pairs of forecast and actual from a validation backtest inside the training rows. */
export interface ValidationPairs {
  mu: number[];
  y: number[];
}

/**
 * Rolling-origin validation on rows `[0, end)`: origins spread over the last `horizonDays + 28`
 * days (every third row, the newest `validationOrigins`), each forecasting its next `horizonDays`
 * days with data (open days, as `backtest` counts leads: the Monday after a weekend is one day
 * ahead of a Friday); returns
 * per model the pairs of forecast and actual on normal days. O(origins * models * end * slots).
 *
 * @example
 * import { buildDayTable } from './dayTable.js';
 * import { resolveForecastOptions } from './options.js';
 * // four weeks of daily slots from Monday 1 January 2024: Mondays 10, 12, 14, 16, other days 5
 * const days = Array.from({ length: 28 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, days.map((_, d) => (d % 7 === 0 ? 10 + 2 * (d / 7) : 5))) });
 * const settings = resolveForecastOptions('forecast', { horizonDays: 1, method: 'historical-average' }, table).settings;
 * const special = indexSpecialDays(table, []);
 * validate(table, 28, special, settings, ['historical-average']).get('historical-average')!.mu.length; // 5 (pairs scored)
 */
export function validate(
  table: DayTable,
  end: number,
  special: SpecialIndex,
  settings: EngineSettings,
  models: readonly ModelName[],
  memo?: ValidationMemo,
): Map<ModelName, ValidationPairs> {
  const out = new Map<ModelName, ValidationPairs>();
  for (const m of models) out.set(m, { mu: [], y: [] });
  if (end < 2) return out;
  const s = table.slotsPerDay;
  const lastDay = table.dayNumbers[end - 1]!;
  const origins: number[] = [];
  for (let o = end - 2; o >= 0 && origins.length < settings.validationOrigins; o -= 3) {
    if (table.dayNumbers[o]! < lastDay - settings.horizonDays - 28) break;
    origins.push(o);
  }
  for (const o of origins) {
    if (o < 14) continue;
    const calendar = learnOpenCalendar(table, o + 1);
    // the next horizonDays open days (days with data), as the backtest scores them
    const lastRow = Math.min(o + settings.horizonDays, end - 1);
    const span = table.dayNumbers[lastRow]! - table.dayNumbers[o]!;
    const targets = targetDaysAfter(table.dayNumbers[o]!, span, calendar);
    const rowOf = new Map<number, number>();
    for (let r = o + 1; r < end && table.dayNumbers[r]! <= table.dayNumbers[o]! + span; r++) {
      if (special.excluded[r] !== 1) rowOf.set(table.dayNumbers[r]!, r);
    }
    for (const m of models) {
      const f = validationForecast(m, table, o, span, targets, special, settings, calendar, memo);
      const pairs = out.get(m)!;
      targets.forEach((t, i) => {
        const r = rowOf.get(t.dayNumber);
        if (r === undefined) return;
        for (let j = 0; j < s; j++) {
          const y = table.values[r * s + j]!;
          const mu = f[i * s + j]!;
          if (Number.isFinite(y) && Number.isFinite(mu)) {
            pairs.mu.push(mu);
            pairs.y.push(y);
          }
        }
      });
    }
  }
  return out;
}

/** Days of history before the origin over which `validateDays` places its origins (12 weeks). */
const DAY_EFFECT_WINDOW_DAYS = 84;
/** Most origins `validateDays` scores. */
const DAY_EFFECT_ORIGINS = 42;

/**
 * Rolling-origin validation of one model, grouped by target day, for the day-level uncertainty
 * (`fitDayEffect`): origins at every second day with data over the last `horizonDays + 84` days
 * before row `end - 1` (at most 42, each with 14 days of data before it), each forecasting its next
 * `horizonDays` days with data (lead = open days after the origin, as `backtest` counts it) from
 * the rows up to the origin only (each day with its age in days with data before row `end - 1`);
 * special days are left out. O(origins * end * slots).
 *
 * @internal
 * @example
 * import { buildDayTable } from './dayTable.js';
 * import { resolveForecastOptions } from './options.js';
 * // six weeks of daily slots from Monday 1 January 2024, 10 calls a day
 * const days = Array.from({ length: 42 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, days.map(() => 10)) });
 * const settings = resolveForecastOptions('forecast', { horizonDays: 2, method: 'historical-average' }, table).settings;
 * validateDays(table, 42, indexSpecialDays(table, []), settings, 'historical-average').map((d) => d.leadDays).slice(0, 5);
 * // [1, 1, 2, 1, 2] (the newest origin has one day after it, the others two)
 */
export function validateDays(
  table: DayTable,
  end: number,
  special: SpecialIndex,
  settings: EngineSettings,
  model: ModelName,
  memo?: ValidationMemo,
): DayPairs[] {
  const out: DayPairs[] = [];
  if (end < 2) return out;
  const s = table.slotsPerDay;
  const lastDay = table.dayNumbers[end - 1]!;
  const h = settings.horizonDays;
  for (let o = end - 2, n = 0; o >= 14 && n < DAY_EFFECT_ORIGINS; o -= 2, n++) {
    if (table.dayNumbers[o]! < lastDay - h - DAY_EFFECT_WINDOW_DAYS) break;
    const calendar = learnOpenCalendar(table, o + 1);
    const lastRow = Math.min(o + h, end - 1);
    const span = table.dayNumbers[lastRow]! - table.dayNumbers[o]!;
    const targets = targetDaysAfter(table.dayNumbers[o]!, span, calendar);
    const f = validationForecast(model, table, o, span, targets, special, settings, calendar, memo);
    const indexOf = new Map<number, number>();
    targets.forEach((t, i) => {
      indexOf.set(t.dayNumber, i);
    });
    for (let r = o + 1; r <= lastRow; r++) {
      if (special.excluded[r] === 1) continue;
      const i = indexOf.get(table.dayNumbers[r]!);
      if (i === undefined) continue;
      const mu: number[] = [];
      const y: number[] = [];
      for (let j = 0; j < s; j++) {
        const v = table.values[r * s + j]!;
        const m = f[i * s + j]!;
        if (Number.isFinite(v) && Number.isFinite(m)) {
          mu.push(m);
          y.push(v);
        }
      }
      if (mu.length > 0) out.push({ leadDays: r - o, daysBeforeEnd: end - 1 - r, mu, y });
    }
  }
  return out;
}

/**
 * A validation forecast: `runModel` from rows `[0, o]` for the targets of the next `span` days,
 * through the backtest's memo when there is one (the forecast depends on rows `[0, o]`, the model
 * and the span alone once the parameters and special days are fixed). The array is read only.
 */
function validationForecast(
  model: ModelName,
  table: DayTable,
  o: number,
  span: number,
  targets: readonly TargetDay[],
  special: SpecialIndex,
  settings: EngineSettings,
  calendar: OpenCalendar,
  memo: ValidationMemo | undefined,
): Float64Array {
  const compute = () => runModel(model, table, o + 1, targets, special.excluded, settings.params, calendar);
  return memo === undefined ? compute() : memo.forecast(table, o, `${model}|${span}`, compute);
}

function wapeOf(p: ValidationPairs): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < p.mu.length; i++) {
    num += Math.abs(p.mu[i]! - p.y[i]!);
    den += p.y[i]!;
  }
  return den > 0 ? num / den : Number.NaN;
}

/**
 * The model auto forecasts with from rows `[0, end)`: the candidate (or the baseline) with the
 * lowest WAPE in `validate` over `settings.candidates` and the baseline, if that WAPE is at least
 * `settings.autoMargin` below the baseline's; else the baseline. `forecastDays` with method
 * `'auto'` is `forecastDays` with this model (labelled `'auto:<model>'`). O(validation origins *
 * models * end * slots).
 *
 * @internal
 * @example
 * import { buildDayTable } from './dayTable.js';
 * import { resolveForecastOptions } from './options.js';
 * // four weeks of daily slots from Monday 1 January 2024, 10 calls a day: no model beats the baseline
 * const days = Array.from({ length: 28 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, days.map(() => 10)) });
 * const settings = resolveForecastOptions('forecast', { horizonDays: 1 }, table).settings;
 * chooseModel(table, 28, indexSpecialDays(table, []), settings); // 'historical-average'
 */
export function chooseModel(
  table: DayTable,
  end: number,
  special: SpecialIndex,
  settings: EngineSettings,
  memo?: ValidationMemo,
): ModelName {
  const models = [...new Set<ModelName>([BASELINE, ...settings.candidates])];
  const val = validate(table, end, special, settings, models, memo);
  const baseWape = wapeOf(val.get(BASELINE)!);
  let chosen = BASELINE;
  let best = baseWape;
  for (const m of models) {
    const w = wapeOf(val.get(m)!);
    if (Number.isFinite(w) && w < best && w <= baseWape * (1 - settings.autoMargin)) {
      best = w;
      chosen = m;
    }
  }
  return chosen;
}

/**
 * Forecasts the `horizonDays` days after row `end - 1` from rows `[0, end)`: learns the open
 * calendar, runs the model (or auto's choice), applies special days, AHT and quantiles.
 * `calendarDays` (default `settings.horizonDays`) sets how many local calendar days after the
 * origin get targets, without changing auto's validation horizon (the backtest uses it to reach the
 * h-th open day after a weekend or a gap).
 *
 * @example
 * import { buildDayTable } from './dayTable.js';
 * import { resolveForecastOptions } from './options.js';
 * // four weeks of daily slots from Monday 1 January 2024: Mondays 10, 12, 14, 16, other days 5
 * const days = Array.from({ length: 28 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, days.map((_, d) => (d % 7 === 0 ? 10 + 2 * (d / 7) : 5))) });
 * const settings = resolveForecastOptions('forecast', { horizonDays: 1, method: 'historical-average' }, table).settings;
 * const special = indexSpecialDays(table, []);
 * forecastDays(table, table.dayNumbers.length, special, settings).method; // 'historical-average' ('auto:...' with method 'auto')
 */
export function forecastDays(
  table: DayTable,
  end: number,
  special: SpecialIndex,
  settings: EngineSettings,
  calendarDays: number = settings.horizonDays,
  memo?: ValidationMemo,
): DayForecast {
  const calendar = learnOpenCalendar(table, end);
  const lastDay = table.dayNumbers[end - 1]!;
  const targets = targetDaysAfter(lastDay, calendarDays, calendar);
  // special target days on closed weekdays are forecast only if they carry their own history
  const chosen =
    settings.method === 'auto' ? chooseModel(table, end, special, settings, memo) : settings.method;
  const label = settings.method === 'auto' ? `auto:${chosen}` : chosen;
  const values = runModel(chosen, table, end, targets, special.excluded, settings.params, calendar);
  const closedDays = applySpecialDays(table, end, special, targets, values, calendar);
  const quantiles: Float64Array[] = [];
  let dayEffect: DayEffectModel | undefined;
  if (settings.probabilities.length > 0 || settings.dayEffect === true) {
    const model = fitDayEffect(validateDays(table, end, special, settings, chosen, memo));
    dayEffect = model;
    const s = table.slotsPerDay;
    const probabilities = settings.probabilities;
    for (let k = 0; k < probabilities.length; k++) quantiles.push(new Float64Array(values.length));
    if (probabilities.length > 0) {
      targets.forEach((t, i) => {
        const logSd = dayLogSdAt(model, t.openDaysAhead);
        for (let c = i * s; c < (i + 1) * s; c++) {
          const qs = predictiveQuantiles(model, values[c]!, logSd, probabilities);
          for (let k = 0; k < qs.length; k++) quantiles[k]![c] = qs[k]!;
        }
      });
    }
  }
  const out: DayForecast = { targets, values, quantiles, calendar, method: label, closedDays };
  if (dayEffect !== undefined) out.dayEffect = dayEffect;
  if (table.ahtSeconds) out.ahtSeconds = forecastAht(table, end, targets, special.excluded, settings.params);
  return out;
}

/**
 * Special target days: factor -> normal forecast times factor (0 closes the day); no factor ->
 * the last training day with the same label, scaled by the ratio of the recent normal level to
 * the level then; if that day had no data the day is closed; never seen -> normal forecast.
 */
function applySpecialDays(
  table: DayTable,
  end: number,
  special: SpecialIndex,
  targets: readonly TargetDay[],
  values: Float64Array,
  calendar: OpenCalendar,
): Set<number> {
  const closed = new Set<number>();
  if (special.byDay.size === 0) return closed;
  const s = table.slotsPerDay;
  const firstDay = end > 0 ? table.dayNumbers[0]! : 0;
  const rowByDay = new Map<number, number>();
  for (let r = 0; r < end; r++) rowByDay.set(table.dayNumbers[r]!, r);
  let totals: Float64Array | undefined;
  const levelBefore = (row: number): number => {
    totals ??= rowTotals(table, end);
    let sum = 0;
    let n = 0;
    for (let r = Math.max(0, row - 28); r < row; r++) {
      if (special.excluded[r] !== 1 && Number.isFinite(totals[r]!)) {
        sum += totals[r]!;
        n++;
      }
    }
    return n > 0 ? sum / n : Number.NaN;
  };
  targets.forEach((t, i) => {
    const day = special.byDay.get(t.dayNumber);
    if (!day) return;
    if (day.factor !== undefined) {
      if (day.factor === 0) closed.add(t.dayNumber);
      for (let j = 0; j < s; j++) values[i * s + j] = values[i * s + j]! * day.factor;
      return;
    }
    let last = Number.NaN;
    for (const [d, sd] of special.byDay) {
      if (sd.label === day.label && d < t.dayNumber && d >= firstDay && d <= table.dayNumbers[end - 1]!) {
        if (!(d <= last)) last = d;
      }
    }
    if (Number.isNaN(last)) return;
    const row = rowByDay.get(last);
    if (row === undefined) {
      closed.add(t.dayNumber);
      return;
    }
    const then = levelBefore(row);
    const now = levelBefore(end);
    const scale = then > 0 && now > 0 ? now / then : 1;
    for (let j = 0; j < s; j++) {
      const v = table.values[row * s + j]!;
      const open = calendar.openSlot[t.weekday * s + j] === 1 || table.present[row * s + j] === 1;
      values[i * s + j] = open ? (Number.isFinite(v) ? v * scale : 0) : Number.NaN;
    }
  });
  return closed;
}
