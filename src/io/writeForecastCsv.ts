import { invalidInput } from '../errors.js';
import type { Forecast } from '../forecast/types.js';
import { formatInstant } from '../time/formatInstant.js';
import { type CsvCell, csvText } from './csvText.js';

/**
 * Column name of a quantile: `calls_p10` for 0.1, `calls_p50` for 0.5, `calls_p2_5` for 0.025.
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` unless 0 < probability < 1.
 * @example
 * quantileColumn(0.9); // 'calls_p90'
 */
export function quantileColumn(probability: number): string {
  if (!(probability > 0 && probability < 1)) {
    invalidInput('quantileColumn', 'probability', 'must be strictly between 0 and 1', probability);
  }
  const percent = String(Math.round(probability * 100 * 1e9) / 1e9).replace('.', '_');
  return `calls_p${percent}`;
}

/**
 * Writes a `Forecast` as the forecast CSV of DESIGN.md section 5: `interval_start` (ISO-8601 with
 * the offset of the forecast's zone, e.g. `2003-05-05T07:00:00-04:00`), `calls`, `aht_seconds`
 * when the forecast has it, then one `calls_pNN` column per quantile in the order given.
 * Numbers go through `formatCsvNumber` (12 significant digits, no float noise), NaN as an empty
 * field, so `readForecastCsv` gives back the forecast to 12 significant digits. `csvText`
 * (csv-stringify). O(n * columns).
 *
 * @throws StaffcastError `INVALID_INPUT` when an array's length differs from `starts`.
 * @example
 * writeForecastCsv({ timeZone: 'America/New_York', intervalMinutes: 30, starts: Float64Array.of(Date.UTC(2003, 4, 5, 11)), calls: Float64Array.of(12.5) });
 * // 'interval_start,calls\n2003-05-05T07:00:00-04:00,12.5\n'
 */
export function writeForecastCsv(forecast: Forecast): string {
  const n = forecast.starts.length;
  const columns: { name: string; values: Float64Array }[] = [{ name: 'calls', values: forecast.calls }];
  if (forecast.ahtSeconds !== undefined) columns.push({ name: 'aht_seconds', values: forecast.ahtSeconds });
  for (const q of forecast.quantiles ?? [])
    columns.push({ name: quantileColumn(q.probability), values: q.calls });
  for (const { name, values } of columns) {
    if (values.length !== n)
      invalidInput('writeForecastCsv', name, `must have one value per start (${n})`, values.length);
  }
  const rows: CsvCell[][] = [['interval_start', ...columns.map((c) => c.name)]];
  for (let i = 0; i < n; i++) {
    const row: CsvCell[] = [formatInstant(forecast.starts[i]!, forecast.timeZone)];
    for (const { values } of columns) row.push(values[i]!);
    rows.push(row);
  }
  return csvText(rows);
}
