import { TZDate } from '@date-fns/tz';
import type { Forecast } from '../forecast/types.js';
import type { OpeningHours } from '../schemas/scenarioFile.js';
import { WEEKDAYS } from '../schemas/shiftRules.js';

/**
 * Keeps the forecast intervals that lie wholly inside the opening hours (a closed interval is
 * absent from a series, DESIGN.md 3): interval i, starting at local minute m on local weekday d
 * of `forecast.timeZone` (`TZDate`, DST-correct), stays when some period p of d has
 * p.open <= m and m + intervalMinutes <= p.close (the rule `openSlots` of the scheduler uses).
 * Contacts forecast in the closed intervals are dropped, not moved. Calls, handle times and
 * quantiles are filtered alike; a weekday absent from `openingHours` is closed all day. Opening
 * hours wider than the forecast add no intervals (there is no forecast for them). Returns a new
 * forecast; O(intervals x periods per day).
 *
 * @internal
 * @example
 * // 2024-01-01 is a Monday; two 60-minute UTC intervals at 08:00 and 09:00, open 09:00-17:00
 * restrictToOpeningHours({ timeZone: 'UTC', intervalMinutes: 60,
 *   starts: Float64Array.of(Date.UTC(2024, 0, 1, 8), Date.UTC(2024, 0, 1, 9)), calls: Float64Array.of(5, 7) },
 *   { mon: [{ open: 540, close: 1020 }] }).calls; // Float64Array [7]
 */
export function restrictToOpeningHours(forecast: Forecast, openingHours: OpeningHours): Forecast {
  const n = forecast.starts.length;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = new TZDate(forecast.starts[i] ?? 0, forecast.timeZone);
    const m = d.getHours() * 60 + d.getMinutes();
    const periods = openingHours[WEEKDAYS[(d.getDay() + 6) % 7] ?? 'mon'] ?? [];
    if (periods.some((p) => p.open <= m && m + forecast.intervalMinutes <= p.close)) keep.push(i);
  }
  const pick = (values: Float64Array) => Float64Array.from(keep, (i) => values[i] ?? Number.NaN);
  const out: Forecast = { ...forecast, starts: pick(forecast.starts), calls: pick(forecast.calls) };
  if (forecast.ahtSeconds !== undefined) out.ahtSeconds = pick(forecast.ahtSeconds);
  if (forecast.dayLogSd !== undefined) out.dayLogSd = pick(forecast.dayLogSd);
  if (forecast.dayLogLocation !== undefined) out.dayLogLocation = pick(forecast.dayLogLocation);
  if (forecast.quantiles !== undefined)
    out.quantiles = forecast.quantiles.map((q) => ({ probability: q.probability, calls: pick(q.calls) }));
  return out;
}
