import type { Forecast } from '../forecast/types.js';
import type { PlanConfigInput } from '../schemas/planConfig.js';
import type { ScenarioVariant } from '../schemas/scenarioFile.js';

/** How a variant changes the forecast: calls' = calls x volumeFactor x (1 - deflection) + addedVolume. */
export interface ForecastOverrides {
  volumeFactor?: number;
  addedVolume?: number;
  selfServiceDeflection?: number;
  /** Multiplies the forecast handle time (when the forecast has one). */
  ahtFactor?: number;
}

/**
 * Applies volume and handle-time overrides to a forecast: every interval's calls (and each
 * quantile's calls) become calls x volumeFactor x (1 - selfServiceDeflection) + addedVolume, and
 * forecast ahtSeconds x ahtFactor. NaN stays NaN. Returns a new forecast; O(intervals x quantiles).
 *
 * @example
 * scaleForecast({ timeZone: 'UTC', intervalMinutes: 15, starts: new Float64Array([0]),
 *   calls: new Float64Array([100]) }, { volumeFactor: 1.2, selfServiceDeflection: 0.5, addedVolume: 3 })
 *   .calls[0]; // 63
 */
export function scaleForecast(forecast: Forecast, overrides: ForecastOverrides): Forecast {
  const factor = (overrides.volumeFactor ?? 1) * (1 - (overrides.selfServiceDeflection ?? 0));
  const added = overrides.addedVolume ?? 0;
  const scale = (calls: Float64Array) => calls.map((c) => c * factor + added);
  const out: Forecast = { ...forecast, calls: scale(forecast.calls) };
  if (forecast.quantiles !== undefined)
    out.quantiles = forecast.quantiles.map((q) => ({ probability: q.probability, calls: scale(q.calls) }));
  if (forecast.ahtSeconds !== undefined && overrides.ahtFactor !== undefined) {
    const f = overrides.ahtFactor;
    out.ahtSeconds = forecast.ahtSeconds.map((a) => a * f);
  }
  return out;
}

/** A variant turned into a plan config and a forecast transform. */
export interface AppliedVariant {
  /** The base plan config with the variant's config overrides. */
  config: PlanConfigInput;
  /** The forecast overrides (volume, deflection, handle-time factor on a forecast aht). */
  forecast: ForecastOverrides;
}

/**
 * Splits a variant into config overrides (ahtSeconds, target fields, patienceSeconds, shrinkage,
 * rules, horizonDays, outbound; ahtFactor multiplies the base ahtSeconds when the base has one) and
 * forecast overrides (volumeFactor, addedVolume, selfServiceDeflection; ahtFactor when the handle
 * time comes from the history). `openingHours` needs the rules file and is applied by
 * `compareScenarios` (rules with the variant's opening hours, `restrictToOpeningHours`). Pure; O(1).
 *
 * @example
 * applyOverrides({ history: { file: 'h.csv', timeZone: 'UTC' }, target: { serviceLevel: 0.8 },
 *   ahtSeconds: 300, rules: 'r.json' }, { name: 'slow', ahtFactor: 1.1, target: { serviceLevel: 0.9 } })
 *   .config;
 * // { history: { file: 'h.csv', timeZone: 'UTC' }, target: { serviceLevel: 0.9 }, ahtSeconds: 330, rules: 'r.json' }
 */
export function applyOverrides(base: PlanConfigInput, variant: ScenarioVariant): AppliedVariant {
  const config: PlanConfigInput = { ...base };
  const forecast: ForecastOverrides = {};
  if (variant.volumeFactor !== undefined) forecast.volumeFactor = variant.volumeFactor;
  if (variant.addedVolume !== undefined) forecast.addedVolume = variant.addedVolume;
  if (variant.selfServiceDeflection !== undefined)
    forecast.selfServiceDeflection = variant.selfServiceDeflection;
  if (variant.ahtSeconds !== undefined) config.ahtSeconds = variant.ahtSeconds;
  if (variant.ahtFactor !== undefined) {
    if (base.ahtSeconds !== undefined) config.ahtSeconds = base.ahtSeconds * variant.ahtFactor;
    else forecast.ahtFactor = variant.ahtFactor;
  }
  if (variant.target !== undefined) config.target = { ...base.target, ...variant.target };
  if (variant.patienceSeconds !== undefined) config.patienceSeconds = variant.patienceSeconds;
  if (variant.shrinkage !== undefined) config.shrinkage = variant.shrinkage;
  if (variant.rules !== undefined) config.rules = variant.rules;
  if (variant.horizonDays !== undefined) config.horizonDays = variant.horizonDays;
  if (variant.outbound !== undefined) config.outbound = variant.outbound;
  return { config, forecast };
}
