import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../src/forecast/types.js';
import { formatCsvNumber } from '../../src/io/csvText.js';
import { readForecastCsv, readForecastCsvByQueue } from '../../src/io/readForecastCsv.js';
import { quantileColumn, writeForecastCsv } from '../../src/io/writeForecastCsv.js';
import { futureGrid } from '../../src/time/futureGrid.js';

const read = (text: string, timeZone: string) =>
  readForecastCsv(Readable.from([text]), { timeZone, fileName: 'f.csv' });

describe('writeForecastCsv', () => {
  it('writes interval_start with the zone offset, calls, aht_seconds and quantile columns', () => {
    const forecast: Forecast = {
      timeZone: 'America/New_York',
      intervalMinutes: 30,
      starts: Float64Array.of(Date.UTC(2003, 4, 5, 11), Date.UTC(2003, 4, 5, 11, 30)),
      calls: Float64Array.of(12.5, 14),
      ahtSeconds: Float64Array.of(180, Number.NaN),
      quantiles: [
        { probability: 0.1, calls: Float64Array.of(8, 9) },
        { probability: 0.9, calls: Float64Array.of(17, 19.25) },
      ],
    };
    expect(writeForecastCsv(forecast)).toBe(
      'interval_start,calls,aht_seconds,calls_p10,calls_p90\n' +
        '2003-05-05T07:00:00-04:00,12.5,180,8,17\n' +
        '2003-05-05T07:30:00-04:00,14,,9,19.25\n',
    );
  });

  it('writes numbers without float noise and a value that is not finite as an empty cell', () => {
    const forecast: Forecast = {
      timeZone: 'UTC',
      intervalMinutes: 30,
      starts: Float64Array.of(0, 1_800_000),
      calls: Float64Array.of(21062.299999999996, Number.POSITIVE_INFINITY),
      ahtSeconds: Float64Array.of(0.1 + 0.2, 180),
    };
    expect(writeForecastCsv(forecast)).toBe(
      'interval_start,calls,aht_seconds\n1970-01-01T00:00:00Z,21062.3,0.3\n1970-01-01T00:30:00Z,,180\n',
    );
  });

  it('names quantile columns by percent', () => {
    expect([0.1, 0.5, 0.9, 0.025].map(quantileColumn)).toEqual([
      'calls_p10',
      'calls_p50',
      'calls_p90',
      'calls_p2_5',
    ]);
    expect(() => quantileColumn(1)).toThrow(
      'quantileColumn: probability must be strictly between 0 and 1 (got 1)',
    );
  });
});

describe('readForecastCsv', () => {
  it('round-trips a forecast across a DST change to 12 significant digits (property over values)', async () => {
    const grid = futureGrid({
      timeZone: 'Europe/Madrid',
      intervalMinutes: 15,
      firstDay: '2024-10-26',
      days: 3,
      open: () => true,
    });
    const n = grid.starts.length;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
        async (values) => {
          const forecast: Forecast = {
            timeZone: 'Europe/Madrid',
            intervalMinutes: 15,
            starts: grid.starts,
            calls: Float64Array.from(values),
            ahtSeconds: Float64Array.from(values, (v) => v * 0.0864), // within the one-day bound
            quantiles: [{ probability: 0.5, calls: Float64Array.from(values, (v) => v * 0.9) }],
          };
          const { forecast: back, report } = await read(writeForecastCsv(forecast), 'Europe/Madrid');
          const written = (a: Float64Array) => a.map((v) => Number(formatCsvNumber(v)));
          expect(back).toEqual({
            ...forecast,
            calls: written(forecast.calls),
            ahtSeconds: written(forecast.ahtSeconds!),
            quantiles: [{ probability: 0.5, calls: written(forecast.quantiles![0]!.calls) }],
          });
          for (let i = 0; i < n; i++)
            expect(Math.abs(back.calls[i]! - values[i]!)).toBeLessThanOrEqual(5e-12 * values[i]!);
          expect(report.warnings).toEqual([]);
        },
      ),
      { numRuns: 10 },
    );
    expect(n).toBe(96 + 100 + 96);
  });

  it('leaves ahtSeconds undefined without an aht_seconds column and detects the interval over closed nights', async () => {
    const text =
      'interval_start,calls\n2003-05-05T20:30:00-04:00,3\n2003-05-05T21:00:00-04:00,2\n2003-05-06T07:00:00-04:00,5\n';
    const { forecast } = await read(text, 'America/New_York');
    expect(forecast.ahtSeconds).toBeUndefined();
    expect(forecast.quantiles).toBeUndefined();
    expect(forecast.intervalMinutes).toBe(30);
    expect(Array.from(forecast.calls)).toEqual([3, 2, 5]);
  });

  it('warns when the offsets do not match the zone it was told', async () => {
    const { report } = await read(
      'interval_start,calls\n2003-05-05T07:00:00-04:00,3\n2003-05-05T07:30:00-04:00,3\n',
      'UTC',
    );
    expect(report.warnings).toEqual([
      "f.csv:2:interval_start: offset -04:00 differs from UTC's at that instant (2003-05-05T11:00:00Z); is --tz right?",
      "f.csv: 2 timestamps have an offset other than UTC's",
    ]);
  });

  it('reads one forecast per queue in one pass, naming the queue and the line of the file', async () => {
    const text = [
      'interval_start,queue,calls,aht_seconds',
      '2024-01-01T09:00:00Z,a,1,100',
      '2024-01-01T09:00:00Z, b ,2,200',
      '',
      '2024-01-01T09:30:00Z,a,3,',
      '2024-01-01T09:30:00Z,b,4,250',
    ].join('\n');
    const byQueue = await readForecastCsvByQueue(Readable.from([text]), { fileName: 'q.csv' });
    expect([...byQueue.keys()]).toEqual(['a', 'b']);
    const a = byQueue.get('a')!;
    expect(a.forecast.calls).toEqual(Float64Array.of(1, 3));
    expect(a.forecast.ahtSeconds).toEqual(Float64Array.of(100, Number.NaN));
    expect(a.forecast.intervalMinutes).toBe(30);
    expect(a.report.file).toBe('q.csv (queue a)');
    expect(a.report.ignoredColumns).toEqual([]);
    expect(byQueue.get('b')!.forecast.calls).toEqual(Float64Array.of(2, 4));
    await expect(
      readForecastCsvByQueue(Readable.from([text.replace(',b,4,', ',b,-4,')]), { fileName: 'q.csv' }),
    ).rejects.toThrow('q.csv (queue b):6:calls: negative count (got -4)');
    await expect(
      readForecastCsvByQueue(Readable.from([text.replace('Z,a,3', 'Z,b,3')]), {
        fileName: 'q.csv',
      }),
    ).rejects.toThrow(
      'q.csv (queue b):6:interval_start: repeats the start of line 5; a forecast must be sorted without duplicates',
    );
    await expect(
      readForecastCsvByQueue(Readable.from([text.replace('Z,a,3', 'Z, ,3')]), { fileName: 'q.csv' }),
    ).rejects.toThrow(
      'q.csv:5:queue: empty queue name (every row of a multi-queue forecast names its queue)',
    );
  });

  it('keys the one forecast of a file without a queue column by the empty name', async () => {
    const byQueue = await readForecastCsvByQueue(
      Readable.from(['interval_start,calls\n2024-01-01T09:00:00Z,1\n2024-01-01T09:30:00Z,2\n']),
    );
    expect([...byQueue.keys()]).toEqual(['']);
    expect(byQueue.get('')!.report.file).toBe('stdin');
  });

  it('throws on rows out of order, a duplicate start and a bad number', async () => {
    await expect(
      read('interval_start,calls\n2003-05-05T07:30:00Z,3\n2003-05-05T07:00:00Z,3\n', 'UTC'),
    ).rejects.toThrow(
      'f.csv:3:interval_start: is earlier than the start of line 2; a forecast must be sorted without duplicates',
    );
    await expect(
      read('interval_start,calls\n2003-05-05T07:30:00Z,3\n2003-05-05T07:30:00Z,3\n', 'UTC'),
    ).rejects.toThrow(
      'f.csv:3:interval_start: repeats the start of line 2; a forecast must be sorted without duplicates',
    );
    await expect(read('interval_start,calls\n2003-05-05T07:30:00Z,-1\n', 'UTC')).rejects.toThrow(
      'f.csv:2:calls: negative count (got -1)',
    );
    await expect(read('start,calls\n', 'UTC')).rejects.toThrow(
      "f.csv:1: missing column 'interval_start' (header has: start, calls)",
    );
  });
});
