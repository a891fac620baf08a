/**
 * Writes the input of the many-queues memory check of `staff --config` (issue "Trust first",
 * bounded memory): a forecast CSV of `queues` queues x `days` days of 15-minute intervals (24 h,
 * `interval_start,queue,calls,aht_seconds`, rows by start then queue) and the staffing config naming
 * them. Synthetic: each queue peaks at 5..50 calls per quarter hour on a daily curve. Not committed
 * as data (200 x 365 days is 7 million rows, about 330 MB); measure with e.g.
 *
 *   npx tsx bench/staffManyQueues.ts /tmp/many 200 365
 *   /usr/bin/time -v npx tsx src/cli/main.ts staff /tmp/many/forecast.csv --sl 80/20 \
 *     --config /tmp/many/staffing.json > /dev/null   # "Maximum resident set size"
 *
 * `staff --config` reads the forecast once, checking every row, into a temporary spill file under
 * TMPDIR (`spillForecastCsvByQueue`: 32 bytes a row with `aht_seconds`, 224 MB for 200 queues x a
 * year), then loads and plans the queues one at a time (a batch of 4 on worker threads), spills each
 * queue's requirement rows to a temporary folder (about 60 bytes a row: 420 MB) and merges them by
 * start into the output; both are removed at the end, on error and on SIGINT/SIGTERM. Measured
 * (built `node dist/cli/main.js`, -o to a file, 2 cores shared with other jobs, so wall times are
 * not comparable), peak resident memory for 20 / 50 / 200 queues x 365 days: 345 / 377 / 414 MB
 * (before the forecast spill, with every queue's forecast read into memory: 378 / 428 / 793 MB;
 * before the requirement spill, 200 queues ran out of memory at 5.8 GB); output byte for byte the
 * same. CPU time for 200 queues: 131 s user (was 143 s). What still grows with the queues is small:
 * the per-queue summaries (days and weeks) and one read buffer per queue in the merge.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [dir = 'many-queues', queuesText = '200', daysText = '365'] = process.argv.slice(2);
const queues = Number(queuesText);
const days = Number(daysText);
await mkdir(dir, { recursive: true });
const names = Array.from({ length: queues }, (_, q) => `q${String(q).padStart(3, '0')}`);
await writeFile(
  join(dir, 'staffing.json'),
  `${JSON.stringify({ queues: names.map((name) => ({ name, ahtSeconds: 240 })) }, null, 2)}\n`,
);
const out = createWriteStream(join(dir, 'forecast.csv'));
const write = (text: string) =>
  new Promise<void>((done) => {
    if (out.write(text)) done();
    else out.once('drain', done);
  });
await write('interval_start,queue,calls,aht_seconds\n');
const t0 = Date.UTC(2025, 0, 6);
for (let i = 0; i < days * 96; i++) {
  const start = new Date(t0 + i * 900_000).toISOString().replace('.000Z', 'Z');
  const hour = (i % 96) / 4;
  const curve = 0.05 + 0.95 * Math.exp(-((hour - 13) ** 2) / 18);
  let chunk = '';
  names.forEach((name, q) => {
    const calls = Math.round((5 + (45 * q) / Math.max(1, queues - 1)) * curve * 100) / 100;
    chunk += `${start},${name},${calls},240\n`;
  });
  await write(chunk);
}
await new Promise<void>((done) => out.end(done));
console.log(`wrote ${queues} queues x ${days} days (${queues * days * 96} rows) to ${dir}`);
