import type { ForecastOptions } from '../forecast/options.js';

/** The forecast options `forecastFromFile` and `backtestFromFile` both hand on as given. */
type SharedForecastOptions = Pick<
  ForecastOptions,
  'quantiles' | 'holidays' | 'parameters' | 'candidates' | 'autoMargin' | 'validationOrigins'
>;

/**
 * The six forecast options the `forecast` and `backtest` use cases forward unchanged from their
 * options (`quantiles`, `holidays`, `parameters`, `candidates`, `autoMargin`,
 * `validationOrigins`), each only when set (exactOptionalPropertyTypes: an absent option stays
 * absent, so the forecaster's default applies). O(1).
 *
 * @internal
 * @example
 * forecastOptionsOf({ quantiles: [0.1, 0.9], autoMargin: undefined, horizonDays: 7 });
 * // { quantiles: [0.1, 0.9] }
 */
export function forecastOptionsOf(
  options: {
    [K in keyof SharedForecastOptions]?: SharedForecastOptions[K] | undefined;
  },
): SharedForecastOptions {
  return {
    ...(options.quantiles === undefined ? {} : { quantiles: options.quantiles }),
    ...(options.holidays === undefined ? {} : { holidays: options.holidays }),
    ...(options.parameters === undefined ? {} : { parameters: options.parameters }),
    ...(options.candidates === undefined ? {} : { candidates: options.candidates }),
    ...(options.autoMargin === undefined ? {} : { autoMargin: options.autoMargin }),
    ...(options.validationOrigins === undefined ? {} : { validationOrigins: options.validationOrigins }),
  };
}
