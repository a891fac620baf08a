import { formatInstant } from '../time/formatInstant.js';
import type { History } from '../time/history.js';
import { type CsvCell, csvText } from './csvText.js';

/**
 * Writes a `History` as an interval CSV: `interval_start` (ISO-8601 with the offset of the
 * series' zone), `calls`, then `handled`, `abandoned`, `aht_seconds` for the series present.
 * NaN is written as an empty field; `aht_seconds` is rounded to 0.001 s, counts through
 * `formatCsvNumber` (whole counts in full). `readHistoryCsv` reads the result back to the same
 * series. `csvText` (csv-stringify). O(n).
 *
 * @example
 * writeHistoryCsv({ calls: createSeries('UTC', 30, [0], [4]) });
 * // 'interval_start,calls\n1970-01-01T00:00:00Z,4\n'
 */
export function writeHistoryCsv(history: History): string {
  const { calls } = history;
  const extra = (
    [
      ['handled', history.handled, (v: number) => v],
      ['abandoned', history.abandoned, (v: number) => v],
      ['aht_seconds', history.ahtSeconds, (v: number) => Math.round(v * 1000) / 1000],
    ] as const
  ).filter(([, series]) => series !== undefined);
  const rows: CsvCell[][] = [['interval_start', 'calls', ...extra.map(([name]) => name)]];
  for (let i = 0; i < calls.starts.length; i++) {
    const row: CsvCell[] = [formatInstant(calls.starts[i]!, calls.timeZone), calls.values[i]!];
    for (const [, series, format] of extra) row.push(format(series!.values[i]!));
    rows.push(row);
  }
  return csvText(rows);
}
