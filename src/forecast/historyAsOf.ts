import { completeGrid } from '../time/completeGrid.js';
import type { History } from '../time/history.js';
import { localDayNumber } from '../time/localCalendar.js';
import { createSeries, type Series } from '../time/series.js';

/**
 * The history as it was known at the end of local day `lastDayNumber`: only the intervals of that
 * day and before, with the decision "missing data (NaN) or closed (absent)" taken again from those
 * intervals alone (`completeGrid`: opening hours per weekday learned from the days up to the
 * origin), so nothing after the origin leaks into the grid, the open calendar or the models.
 * Intervals whose calls are NaN are treated as not observed (the reader's gaps are re-decided);
 * the other series (`ahtSeconds`, `handled`, `abandoned`) follow the calls grid. O(n + days * slots).
 *
 * @example
 * import { dayNumberOfDate } from '../time/localCalendar.js';
 * // a 2-day history, cut at the end of the first day -> only the first day's intervals
 * const starts = [Date.UTC(2024, 0, 1, 9), Date.UTC(2024, 0, 1, 10), Date.UTC(2024, 0, 2, 9)];
 * const history = { calls: createSeries('UTC', 60, starts, [1, 2, 3]) };
 * historyAsOf(history, dayNumberOfDate('2024-01-01')).calls.starts.length; // 2 (the first day's interval count)
 */
export function historyAsOf(history: History, lastDayNumber: number): History {
  const calls = history.calls;
  const { timeZone, intervalMinutes } = calls;
  const kept: number[] = [];
  for (let i = 0; i < calls.starts.length; i++) {
    const start = calls.starts[i]!;
    if (localDayNumber(start, timeZone) > lastDayNumber) break;
    if (!Number.isNaN(calls.values[i]!)) kept.push(i);
  }
  const grid = completeGrid(
    Float64Array.from(kept, (i) => calls.starts[i]!),
    timeZone,
    intervalMinutes,
  );
  const onGrid = (series: Series): Series => {
    const values = new Float64Array(grid.starts.length);
    for (let g = 0; g < values.length; g++) {
      const k = grid.observed[g]!;
      values[g] = k < 0 ? Number.NaN : series.values[kept[k]!]!;
    }
    return createSeries(timeZone, intervalMinutes, grid.starts, values);
  };
  const out: History = { calls: onGrid(calls) };
  if (history.ahtSeconds) out.ahtSeconds = onGrid(history.ahtSeconds);
  if (history.handled) out.handled = onGrid(history.handled);
  if (history.abandoned) out.abandoned = onGrid(history.abandoned);
  return out;
}
