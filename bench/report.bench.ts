/**
 * Report benchmarks (issue 6): `renderReportHtml` for a week of 15-minute intervals open 24 h (672)
 * with four weeks of history (2,688), the P10-P90 band, service level and a 4 x 6 scenario table
 * (five inline SVG charts). Target: < 2 s per report. Also `renderTerminalSummary` of the same input.
 */
import { Bench } from 'tinybench';
import { renderReportHtml } from '../src/report/html.js';
import { renderTerminalSummary } from '../src/report/terminal.js';
import type { ReportInput } from '../src/report/types.js';
import { syntheticInput } from '../test/report/syntheticInput.js';

const TARGET_MS = 2000;

export async function run(): Promise<void> {
  const input: ReportInput = {
    ...syntheticInput({ intervalMinutes: 15, openHour: 0, closeHour: 24, historyDays: 28 }),
    scenarios: {
      columns: ['Agent-hours', 'FTE', 'Peak agents', 'Cost', 'ASA', 'Outbound'].map((label) => ({
        label,
        unit: 'hours' as const,
      })),
      rows: ['Base', 'Volume +10%', 'AHT 180 s', 'Self-service 20%'].map((name, i) => ({
        name,
        values: [100 + i, 20 + i, 12 + i, 900 + i, 14 + i, 50 + i],
      })),
    },
  };
  let bytes = 0;
  let lines = 0;
  const bench = new Bench({ iterations: 5, warmupIterations: 1, time: 0 });
  bench
    .add('renderReportHtml: 672 intervals + 2,688 history, 5 charts', async () => {
      bytes = (await renderReportHtml(input)).length;
    })
    .add('renderTerminalSummary: same input, 80 columns', () => {
      lines = renderTerminalSummary(input, { color: true, width: 80 }).split('\n').length;
    });
  await bench.run();
  console.table(bench.table());
  const html = bench.tasks[0]?.result;
  const mean = html && 'latency' in html ? html.latency.mean : Number.NaN;
  console.log(`HTML size ${bytes} bytes; terminal summary ${lines} lines`);
  console.log(
    `target renderReportHtml < ${TARGET_MS} ms: ${mean < TARGET_MS ? 'met' : 'NOT met'} (mean ${mean.toFixed(0)} ms)`,
  );
}
