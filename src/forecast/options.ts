import { invalidInput, StaffcastError } from '../errors.js';
import { dateOfDayNumber } from '../time/localCalendar.js';
import { holidaySpecialDays, mergeSpecialDays, type SpecialDay } from '../time/specialDays.js';
import type { DayTable } from './dayTable.js';
import { BASELINE, type EngineSettings, type ForecastMethod, MODEL_NAMES, type ModelName } from './engine.js';
import { DEFAULT_MODEL_PARAMETERS, type ModelParameters } from './model.js';

/** Options of `forecast` (defaults in brackets). */
export interface ForecastOptions {
  /** Local calendar days to forecast after the last day of history (1..366). */
  horizonDays: number;
  /** Model, or `'auto'` (chosen by a rolling-origin backtest on the history, else the baseline). ['auto'] */
  method?: ForecastMethod;
  /** Quantile probabilities in (0, 1), e.g. `[0.1, 0.5, 0.9]`. [none] */
  quantiles?: readonly number[];
  /** Special days (past ones are kept out of training; future ones forecast from their own history). */
  specialDays?: readonly SpecialDay[];
  /** Public holidays of a country or region via date-holidays, e.g. `'US'`, `'IL'`, `'US-CA'`. */
  holidays?: string;
  /** Model parameters; see `DEFAULT_MODEL_PARAMETERS`. */
  parameters?: Partial<ModelParameters>;
  /** Models `auto` chooses from. [all] */
  candidates?: readonly ModelName[];
  /** Relative WAPE gain over the baseline that auto needs before leaving it. [0.02] */
  autoMargin?: number;
  /** Validation origins used by auto. [8] */
  validationOrigins?: number;
  /**
   * Fit the day-level uncertainty and return it as `Forecast.dayLogSd` even without quantiles
   * (staffing to a confidence needs it). [false; always with quantiles]
   */
  dayEffect?: boolean;
}

/**
 * Validates options and resolves defaults and holidays against the table's years.
 *
 * @example
 * import { buildDayTable } from './dayTable.js';
 * const days = [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2)];
 * const table = buildDayTable({ calls: createSeries('UTC', 1440, days, [50, 40]) });
 * resolveForecastOptions('forecast', { horizonDays: 7 }, table).settings.method; // 'auto'
 */
export function resolveForecastOptions(
  fn: string,
  options: ForecastOptions,
  table: DayTable,
  extraDays = 0,
): { settings: EngineSettings; specialDays: SpecialDay[] } {
  const h = options.horizonDays;
  if (!Number.isInteger(h) || h < 1 || h > 366)
    invalidInput(fn, 'horizonDays', 'must be a whole number 1..366', h);
  const method = options.method ?? 'auto';
  if (method !== 'auto' && !MODEL_NAMES.includes(method)) {
    invalidInput(fn, 'method', `must be 'auto' or one of ${MODEL_NAMES.join(', ')}`, method);
  }
  const probabilities = [...(options.quantiles ?? [])].sort((a, b) => a - b);
  for (const p of probabilities) {
    if (!(p > 0 && p < 1)) invalidInput(fn, 'quantiles', 'must be probabilities strictly between 0 and 1', p);
  }
  const candidates = options.candidates ?? MODEL_NAMES;
  for (const c of candidates)
    if (!MODEL_NAMES.includes(c)) invalidInput(fn, 'candidates', 'must name models', c);
  const params: ModelParameters = { ...DEFAULT_MODEL_PARAMETERS, ...(options.parameters ?? {}) };
  for (const [k, v] of Object.entries(params)) {
    if (!Number.isFinite(v)) invalidInput(fn, `parameters.${k}`, 'must be a finite number', v);
  }
  if (!(params.averageWeeks >= 1 && params.profileWeeks >= 1 && params.hwWeeks >= 3)) {
    invalidInput(fn, 'parameters', 'need averageWeeks >= 1, profileWeeks >= 1, hwWeeks >= 3');
  }
  const autoMargin = options.autoMargin ?? 0.02;
  const validationOrigins = options.validationOrigins ?? 8;
  if (!(autoMargin >= 0 && autoMargin < 1)) invalidInput(fn, 'autoMargin', 'must be in [0, 1)', autoMargin);
  if (!Number.isInteger(validationOrigins) || validationOrigins < 1) {
    invalidInput(fn, 'validationOrigins', 'must be a whole number >= 1', validationOrigins);
  }
  if (table.dayNumbers.length === 0) throw new StaffcastError('NO_DATA', `${fn}: history has no intervals`);
  let holidays: SpecialDay[] = [];
  if (options.holidays !== undefined) {
    const from = Number(dateOfDayNumber(table.dayNumbers[0]!).slice(0, 4));
    const to = Number(
      dateOfDayNumber(table.dayNumbers[table.dayNumbers.length - 1]! + h + extraDays).slice(0, 4),
    );
    holidays = holidaySpecialDays(options.holidays, from, to);
  }
  const specialDays = mergeSpecialDays(holidays, options.specialDays ?? []);
  return {
    settings: {
      horizonDays: h,
      method,
      params,
      probabilities,
      candidates: candidates.includes(BASELINE) ? candidates : [BASELINE, ...candidates],
      autoMargin,
      validationOrigins,
      ...(options.dayEffect === true ? { dayEffect: true } : {}),
    },
    specialDays,
  };
}
