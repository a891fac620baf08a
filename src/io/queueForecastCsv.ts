import type { Forecast } from '../forecast/types.js';
import { formatInstant } from '../time/formatInstant.js';
import { type CsvCell, csvText } from './csvText.js';
import { quantileColumn } from './writeForecastCsv.js';

/** One queue's forecast, named, for `writeQueueForecastCsv`. */
export interface NamedForecast {
  /** Queue name (the `queue` column). */
  name: string;
  forecast: Forecast;
}

/**
 * The forecast CSV of several queues: the columns of `writeForecastCsv` (DESIGN.md section 5)
 * with a `queue` column after `interval_start`, one row per queue per interval, ordered by start,
 * then by the order of `queues`; times ISO-8601 with the offset of `timeZone`; `aht_seconds` and
 * the `calls_pNN` columns when any queue has them (empty cells where a queue has not). Through
 * `csvText` (a queue name starting with `= + - @` is prefixed with `'`). O(rows x columns).
 *
 * @example
 * const f = (calls: number): Forecast => ({ starts: Float64Array.of(0), calls: Float64Array.of(calls),
 *   intervalMinutes: 15, timeZone: 'UTC' });
 * writeQueueForecastCsv([{ name: 'sales', forecast: f(3) }, { name: 'help', forecast: f(5) }], 'UTC');
 * // 'interval_start,queue,calls\n1970-01-01T00:00:00Z,sales,3\n1970-01-01T00:00:00Z,help,5\n'
 */
export function writeQueueForecastCsv(queues: readonly NamedForecast[], timeZone: string): string {
  const probabilities = [
    ...new Set(queues.flatMap((q) => (q.forecast.quantiles ?? []).map((x) => x.probability))),
  ].sort((a, b) => a - b);
  const withAht = queues.some((q) => q.forecast.ahtSeconds !== undefined);
  const rows: Array<[number, number, number]> = []; // start, queue, row
  queues.forEach((q, qi) => {
    q.forecast.starts.forEach((ms, i) => {
      rows.push([ms, qi, i]);
    });
  });
  rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const header = [
    'interval_start',
    'queue',
    'calls',
    ...(withAht ? ['aht_seconds'] : []),
    ...probabilities.map(quantileColumn),
  ];
  const body = rows.map(([ms, qi, i]): CsvCell[] => {
    const q = queues[qi]!;
    const f = q.forecast;
    return [
      formatInstant(ms, timeZone),
      q.name,
      f.calls[i],
      ...(withAht ? [f.ahtSeconds?.[i]] : []),
      ...probabilities.map((p) => f.quantiles?.find((x) => x.probability === p)?.calls[i]),
    ];
  });
  return csvText([header, ...body]);
}
