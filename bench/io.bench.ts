/**
 * Reader suite: reading a history CSV (ISO timestamps, and the same week as a spreadsheet export),
 * and parsing a 213 KB timestamp field, whose cost `MAX_TIMESTAMP_CHARS` bounds (it took 24-60 s
 * when the pattern ran on the whole field).
 */
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { parseTimestamp } from '../src/io/parseTimestamp.js';
import { readHistoryCsv } from '../src/io/readHistoryCsv.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../test/fixtures/history/${name}`, import.meta.url));

export async function run(): Promise<void> {
  const longField = `2026-03-02T08:00${' '.repeat(213_000)}x`;
  const bench = new Bench({ iterations: 5, warmupIterations: 1, time: 0 });
  bench
    .add('readHistoryCsv, 6-min quarter (21,840 rows, ISO)', async () => {
      await readHistoryCsv(fixture('anonymous_bank_1999q2_6min.csv'), { timeZone: 'UTC' });
    })
    .add("readHistoryCsv, US bank week as an Excel export (845 rows, ';', dd/mm/yyyy)", async () => {
      await readHistoryCsv(fixture('bank_calls_5min_week_excel_dmy.csv'), { timeZone: 'America/New_York' });
    })
    .add('parseTimestamp of a 213 KB field (rejected by its length)', () => {
      parseTimestamp(longField, 'UTC');
    });
  await bench.run();
  console.table(bench.table());
}
