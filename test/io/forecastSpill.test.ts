import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { spillForecastCsvByQueue } from '../../src/io/forecastSpill.js';
import { readForecastCsvByQueue } from '../../src/io/readForecastCsv.js';
import { planTotalsAccumulator } from '../../src/staffing/multiQueuePlan.js';
import { freshDir, removeFreshDirs } from './tempDir.js';

afterAll(removeFreshDirs);

const T0 = Date.UTC(2024, 2, 4, 6);

/** A multi-queue forecast CSV: queues interleaved by start, each with its own rows and spacing. */
function forecastText(
  queues: Array<{ rows: number; minutes: number; offsetMinutes: number; calls: number[] }>,
  columns: { aht: boolean; quantile: boolean },
): string {
  const rows: Array<[number, number, string]> = [];
  queues.forEach((q, k) => {
    for (let i = 0; i < q.rows; i++) {
      const t = T0 + (q.offsetMinutes + i * q.minutes) * 60_000;
      const calls = q.calls[i % q.calls.length]!;
      let line = `${new Date(t).toISOString().replace('.000Z', 'Z')},q${k},${calls}`;
      if (columns.aht) line += `,${i % 7 === 3 ? '' : 200 + k}`;
      if (columns.quantile) line += `,${calls + 1}`;
      rows.push([t, k, line]);
    }
  });
  rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const header = `interval_start,queue,calls${columns.aht ? ',aht_seconds' : ''}${columns.quantile ? ',calls_p90' : ''}`;
  return `${[header, ...rows.map((r) => r[2])].join('\n')}\n`;
}

const queueArb = fc.record({
  rows: fc.integer({ min: 2, max: 300 }),
  minutes: fc.constantFrom(15, 30, 60),
  offsetMinutes: fc.constantFrom(0, 15, 45, 90),
  calls: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 5 }),
});

async function spilledMessage(text: string, dir: string): Promise<string> {
  try {
    const spill = await spillForecastCsvByQueue(Readable.from([text]), { dir, fileName: 'q.csv' });
    await spill.remove();
    return 'no error';
  } catch (error) {
    return (error as Error).message;
  }
}

async function inMemoryMessage(text: string): Promise<string> {
  try {
    await readForecastCsvByQueue(Readable.from([text]), { fileName: 'q.csv' });
    return 'no error';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('spillForecastCsvByQueue', () => {
  it('loads every queue equal, value for value and report for report, to readForecastCsvByQueue (property)', async () => {
    const dir = freshDir('forecast-spill');
    await fc.assert(
      fc.asyncProperty(
        fc.array(queueArb, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        async (queues, aht, quantile) => {
          const text = forecastText(queues, { aht, quantile });
          const whole = await readForecastCsvByQueue(Readable.from([text]), {
            fileName: 'q.csv',
            timeZone: 'Europe/Berlin',
          });
          const spill = await spillForecastCsvByQueue(Readable.from([text]), {
            dir,
            fileName: 'q.csv',
            timeZone: 'Europe/Berlin',
          });
          try {
            expect(spill.queues).toEqual([...whole.keys()]);
            expect(spill.hasAhtSeconds).toBe(aht);
            expect(spill.rows).toBe(queues.reduce((n, q) => n + q.rows, 0));
            // loaded in another order than read: each load stands alone
            for (const queue of [...spill.queues].reverse())
              expect(await spill.load(queue)).toEqual(whole.get(queue));
            // the spans place the queues on the same totals grid as their starts
            const fromSpans = planTotalsAccumulator(
              spill.queues.map((q) => spill.grid(q)),
              'UTC',
            );
            const fromStarts = planTotalsAccumulator(
              [...whole.values()].map((r) => r.forecast),
              'UTC',
            );
            for (const r of whole.values()) {
              const plan = { ...r.forecast, agents: r.forecast.calls, scheduledAgents: r.forecast.calls };
              fromSpans.add(plan);
              fromStarts.add(plan);
            }
            expect(fromSpans.totals()).toEqual(fromStarts.totals());
          } finally {
            await spill.remove();
          }
        },
      ),
      { numRuns: 25 },
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('throws the message readForecastCsvByQueue throws for a bad row, and leaves no file behind', async () => {
    const dir = freshDir('forecast-spill-bad');
    const good = forecastText(
      [
        { rows: 200, minutes: 15, offsetMinutes: 0, calls: [3, 4] },
        { rows: 150, minutes: 30, offsetMinutes: 0, calls: [5] },
      ],
      { aht: true, quantile: false },
    );
    const lines = good.split('\n');
    const broken = [
      good.replace('interval_start,queue', 'start,queue'), // missing column
      good.replace(/(T1\d:00:00Z,q1,)\d+/, '$1-2'), // negative count in a later queue
      lines.map((l, i) => (i === 77 ? l.replace(/,q\d,/, ',,') : l)).join('\n'), // empty queue name
      lines.map((l, i) => (i === 200 ? `${l},9` : l)).join('\n'), // extra field
      [lines[0], lines[3], lines[1], ...lines.slice(4)].join('\n'), // out of order
      `${lines[0]}\n${lines[1]}\n`, // one row: cannot detect the interval
      `${lines[0]}\n`, // no rows
    ];
    for (const text of broken) {
      const expected = await inMemoryMessage(text);
      expect(expected, `case ${broken.indexOf(text)}`).not.toBe('no error');
      expect(await spilledMessage(text, dir)).toBe(expected);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the temporary file when its folder is missing, and passes a missing input on as the reader does', async () => {
    const dir = freshDir('forecast-spill-missing');
    const text = 'interval_start,queue,calls\n2024-01-01T09:00:00Z,a,3\n2024-01-01T09:30:00Z,a,4\n';
    await expect(
      spillForecastCsvByQueue(Readable.from([text]), { dir: join(dir, 'gone') }),
    ).rejects.toMatchObject({
      code: 'FILE_READ',
      message: expect.stringMatching(/^temporary file .*gone.*staffcast-forecast.*: /),
    });
    const missing = join(dir, 'none.csv');
    let expected = '';
    await readForecastCsvByQueue(missing).catch((error: Error) => {
      expected = error.message;
    });
    expect(expected).not.toBe('');
    await expect(spillForecastCsvByQueue(missing, { dir })).rejects.toThrow(expected);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads a file from disk, refuses an unknown queue and a load after remove', async () => {
    const dir = freshDir('forecast-spill-file');
    const file = join(dir, 'f.csv');
    writeFileSync(
      file,
      'interval_start,queue,calls\n2024-01-01T09:00:00Z,a,3\n2024-01-01T09:00:00Z,b,4\n' +
        '2024-01-01T09:30:00Z,a,5\n2024-01-01T09:30:00Z,b,6\n',
    );
    const spill = await spillForecastCsvByQueue(file, { dir });
    expect(readdirSync(dir).filter((n) => n.includes('staffcast-forecast'))).toHaveLength(1);
    expect((await spill.load('b')).forecast.calls).toEqual(Float64Array.of(4, 6));
    expect(spill.grid('a')).toEqual({
      intervalMinutes: 30,
      firstStart: Date.UTC(2024, 0, 1, 9),
      lastStart: Date.UTC(2024, 0, 1, 9, 30),
      offsetMinutesGcd: 30,
    });
    await expect(spill.load('c')).rejects.toThrow("no queue 'c'");
    await spill.remove();
    await spill.remove();
    await expect(spill.load('a')).rejects.toThrow('already removed');
    expect(readdirSync(dir)).toEqual(['f.csv']);
  });
});
