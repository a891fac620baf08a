import type { BacktestResult } from './backtest.js';

function fmt(x: number | undefined, digits: number): string {
  return x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(digits);
}

/**
 * The backtest as a fixed-width text table: one line per method and lead day (`all` = pooled),
 * with WAPE, WAPE relative to the historical average at the same lead day, MAE, RMSE, MASE, bias
 * and, when quantiles were forecast, the coverage of [lowest, highest] quantile. O(rows).
 *
 * @example
 * // three weeks of daily totals, the same each week (Monday 20 ... Sunday 5) plus 2 calls a week more
 * const days = Array.from({ length: 21 }, (_, d) => Date.UTC(2024, 0, 1 + d));
 * const history = { calls: createSeries('UTC', 1440, days,
 *   days.map((_, d) => [20, 30, 30, 30, 30, 10, 5][d % 7] + 2 * Math.floor(d / 7))) };
 * const methods = ['seasonal-naive', 'historical-average'];
 * const table = formatBacktestTable(backtest(history, { horizonDays: 1, origins: 'all', methods }));
 * table.split('\n').slice(0, 3);
 * // ['method              lead  intervals    wape  vs_avg     mae    rmse   mase    bias  coverage',
 * //  'seasonal-naive         1          5  0.0800   0.667    2.00    2.00  1.000   -2.00         -',
 * //  'seasonal-naive       all          5  0.0800   0.667    2.00    2.00  1.000   -2.00         -']
 */
export function formatBacktestTable(result: BacktestResult): string {
  const base = new Map<number, number>();
  for (const r of result.rows) if (r.method === 'historical-average') base.set(r.leadDay, r.metrics.wape);
  const lines = [
    `${'method'.padEnd(20)}${'lead'.padStart(4)}${'intervals'.padStart(11)}${'wape'.padStart(8)}${'vs_avg'.padStart(8)}${'mae'.padStart(8)}${'rmse'.padStart(8)}${'mase'.padStart(7)}${'bias'.padStart(8)}${'coverage'.padStart(10)}`,
  ];
  for (const r of result.rows) {
    const m = r.metrics;
    const b = base.get(r.leadDay);
    lines.push(
      `${r.method.padEnd(20)}${(r.leadDay === 0 ? 'all' : String(r.leadDay)).padStart(4)}${String(m.n).padStart(11)}${fmt(m.wape, 4).padStart(8)}${fmt(b ? m.wape / b : undefined, 3).padStart(8)}${fmt(m.mae, 2).padStart(8)}${fmt(m.rmse, 2).padStart(8)}${fmt(m.mase, 3).padStart(7)}${fmt(m.bias, 2).padStart(8)}${fmt(m.coverage, 3).padStart(10)}`,
    );
  }
  lines.push(`origins: ${result.origins.join(' ')}`);
  if (result.autoChoices.length > 0) lines.push(`auto chose: ${result.autoChoices.join(' ')}`);
  return `${lines.join('\n')}\n`;
}
