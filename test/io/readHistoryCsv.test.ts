import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StaffcastError } from '../../src/errors.js';
import { type ReadHistoryOptions, readHistoryCsv } from '../../src/io/readHistoryCsv.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/history/${name}`, import.meta.url));

function read(text: string, options: ReadHistoryOptions = {}) {
  return readHistoryCsv(Readable.from([text]), { fileName: 'h.csv', ...options });
}

async function failure(promise: Promise<unknown>): Promise<StaffcastError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StaffcastError) return error;
    throw error;
  }
  throw new Error('expected a StaffcastError');
}

const hourly = (day: string, hours: number[], value = (h: number) => h): string =>
  hours.map((h) => `${day}T${String(h).padStart(2, '0')}:00:00,${value(h)}`).join('\n');

describe('readHistoryCsv: rejections with exact messages', () => {
  it('rejects a header without the calls column, naming file and column', async () => {
    const e = await failure(read('interval_start,volume\n2024-05-06T09:00:00,3\n'));
    expect(e.code).toBe('CSV_ROW');
    expect(e.message).toBe(
      "h.csv:1: missing column 'calls' (the offered calls column; header has: interval_start, volume)",
    );
  });

  it('rejects a header without interval_start', async () => {
    const e = await failure(read('time,calls\n2024-05-06T09:00:00,3\n'));
    expect(e.message).toBe(
      "h.csv:1: missing column 'interval_start' (the interval start column; header has: time, calls)",
    );
  });

  it('reports a bad number as file:row:column and leaves the interval as a gap', async () => {
    const { history, report } = await read(
      `interval_start,calls\n${hourly('2024-05-06', [9, 10, 11])}\n${hourly('2024-05-07', [9])}\n2024-05-07T10:00:00,abc\n${hourly('2024-05-07', [11])}\n`,
    );
    expect(report.errors).toEqual(["h.csv:6:calls: not a number (got 'abc')"]);
    expect(report.rowsRead).toBe(6);
    expect(report.rowsUsed).toBe(5);
    expect(report.rowsRejected).toBe(1);
    expect(report.gapIntervals).toBe(1);
    expect(report.gaps).toEqual([
      { start: Date.UTC(2024, 4, 7, 10), end: Date.UTC(2024, 4, 7, 11), intervals: 1 },
    ]);
    expect(Array.from(history.calls.values)).toEqual([9, 10, 11, 9, Number.NaN, 11]);
  });

  it('rejects a negative count', async () => {
    const { report } = await read(
      'interval_start,calls\n2024-05-06T09:00:00,1\n2024-05-06T10:00:00,-2\n2024-05-06T11:00:00,3\n2024-05-06T12:00:00,3\n',
    );
    expect(report.errors).toEqual(['h.csv:3:calls: negative count (got -2)']);
  });

  it('rejects an empty count and a negative handle time', async () => {
    const { report } = await read(
      'interval_start,calls,aht_seconds\n2024-05-06T09:00:00,,100\n2024-05-06T10:00:00,2,-5\n2024-05-06T11:00:00,3,\n2024-05-06T12:00:00,3,200\n',
    );
    expect(report.errors).toEqual([
      'h.csv:2:calls: empty (a number is required)',
      'h.csv:3:aht_seconds: negative duration (got -5)',
    ]);
  });

  it('rejects a row with the wrong number of fields', async () => {
    const { history, report } = await read(
      `interval_start,calls\n2024-05-06T09:00:00,1\n2024-05-06T10:00:00,2,7\n${hourly('2024-05-06', [11, 12, 13])}\n`,
    );
    expect(report.errors).toEqual(['h.csv:3: 3 fields, but the header has 2']);
    expect(Array.from(history.calls.values)).toEqual([1, Number.NaN, 11, 12, 13]);
  });

  it('rejects a timestamp that is not ISO-8601 and one that is not a real date', async () => {
    const { report } = await read(
      'interval_start,calls\n2024-05-06T09:00:00,1\nyesterday,2\n2024-02-30T10:00:00,2\n2024-05-06T10:00:00,3\n2024-05-06T11:00:00,3\n',
    );
    expect(report.errors).toEqual([
      "h.csv:3:interval_start: not an ISO-8601 date-time (got 'yesterday')",
      "h.csv:4:interval_start: not a real date-time (got '2024-02-30T10:00:00')",
    ]);
  });

  it('sorts rows out of order and reports them', async () => {
    const { history, report } = await read(
      'interval_start,calls\n2024-05-06T09:00:00,1\n2024-05-06T11:00:00,3\n2024-05-06T10:00:00,2\n2024-05-06T12:00:00,4\n',
    );
    expect(report.unsortedRows).toBe(1);
    expect(report.warnings).toEqual([
      'h.csv:4:interval_start: out of order (earlier than line 3); rows were sorted by time',
    ]);
    expect(report.rowsUsed).toBe(4);
    expect(Array.from(history.calls.values)).toEqual([1, 2, 3, 4]);
  });

  it('rejects a duplicate interval and keeps the first row', async () => {
    const { history, report } = await read(
      'interval_start,calls\n2024-05-06T09:00:00,1\n2024-05-06T10:00:00,2\n2024-05-06T09:00:00Z,7\n2024-05-06T11:00:00,3\n',
    );
    expect(report.duplicateIntervals).toBe(1);
    expect(report.errors).toEqual([
      'h.csv:4:interval_start: duplicate interval 2024-05-06T09:00:00Z (first at line 2); row ignored',
    ]);
    expect(Array.from(history.calls.values)).toEqual([1, 2, 3]);
  });

  it('rejects a local time in the spring-forward gap (Europe/Madrid 2024-03-31 02:15)', async () => {
    const rows = ['01:45', '02:15', '03:00', '03:15'].map((t, i) => `2024-03-31T${t}:00,${i}`).join('\n');
    const { report } = await read(`interval_start,calls\n${rows}\n`, { timeZone: 'Europe/Madrid' });
    expect(report.errors).toEqual([
      'h.csv:3:interval_start: local time 2024-03-31T02:15:00 does not exist in Europe/Madrid (skipped by a DST change); give a UTC offset',
    ]);
    expect(report.rowsUsed).toBe(3);
    expect(report.gapIntervals).toBe(0); // 02:00-02:45 do not exist: nothing is missing
  });

  it('rejects an ambiguous local time in the fall-back overlap and accepts it with an offset', async () => {
    const rows = [
      '2024-10-27T01:45:00,1',
      '2024-10-27T02:15:00,2',
      '2024-10-27T02:00:00+02:00,3',
      '2024-10-27T02:15:00+02:00,4',
      '2024-10-27T02:30:00+02:00,5',
      '2024-10-27T02:45:00+02:00,6',
      '2024-10-27T02:00:00+01:00,7',
    ].join('\n');
    const { history, report } = await read(`interval_start,calls\n${rows}\n`, { timeZone: 'Europe/Madrid' });
    expect(report.errors).toEqual([
      'h.csv:3:interval_start: local time 2024-10-27T02:15:00 is ambiguous in Europe/Madrid (occurs at +02:00 and +01:00); give a UTC offset',
    ]);
    expect(Array.from(history.calls.starts)).toEqual([
      Date.UTC(2024, 9, 26, 23, 45),
      Date.UTC(2024, 9, 27, 0, 0),
      Date.UTC(2024, 9, 27, 0, 15),
      Date.UTC(2024, 9, 27, 0, 30),
      Date.UTC(2024, 9, 27, 0, 45),
      Date.UTC(2024, 9, 27, 1, 0),
    ]);
  });

  it('rejects mixed interval lengths', async () => {
    const day1 = hourly('2024-05-06', [9, 10, 11, 12]);
    const day2 = ['09:00', '09:30', '10:00', '10:30'].map((t) => `2024-05-07T${t}:00,1`).join('\n');
    const e = await failure(
      read(`interval_start,calls\n${day1}\n${day2}\n${hourly('2024-05-08', [9, 10, 11, 12])}\n`),
    );
    expect(e.code).toBe('CSV_ROW');
    expect(e.message).toBe(
      'h.csv:6:interval_start: mixed interval lengths: rows 30 minutes apart on 2024-05-07, but the interval is 60 minutes (detected from the other days)',
    );
  });

  it('rejects rows off the grid of a given interval', async () => {
    const { report } = await read(
      `interval_start,calls\n2024-05-06T09:00:00,1\n2024-05-06T09:30:00,2\n${hourly('2024-05-06', [10, 11, 12, 13])}\n`,
      { intervalMinutes: 60 },
    );
    expect(report.errors).toEqual([
      'h.csv:3:interval_start: local time 09:30:00 is not on the 60-minute grid of the day',
    ]);
    expect(report.intervalDetected).toBe(false);
  });

  it('fails with NO_DATA on an empty file, a header-only file and a file of bad rows', async () => {
    const empty = await failure(read(''));
    expect([empty.code, empty.message]).toEqual(['NO_DATA', 'h.csv: empty file (no header row)']);
    const headerOnly = await failure(read('interval_start,calls\r\n'));
    expect([headerOnly.code, headerOnly.message]).toEqual([
      'NO_DATA',
      'h.csv: no data rows after the header',
    ]);
    const bad = await failure(read('interval_start,calls\n2024-05-06T09:00:00,x\n2024-05-06T10:00:00,-1\n'));
    expect(bad.code).toBe('NO_DATA');
    expect(bad.message).toBe(
      "h.csv: no usable rows (2 read, 2 rejected); first problem: h.csv:2:calls: not a number (got 'x')",
    );
  });

  it('throws on the first bad row with rejectBadRows: throw', async () => {
    const e = await failure(
      read('interval_start,calls\n2024-05-06T09:00:00,1\n2024-05-06T10:00:00,-1\n', {
        rejectBadRows: 'throw',
      }),
    );
    expect([e.code, e.message]).toEqual(['CSV_ROW', 'h.csv:3:calls: negative count (got -1)']);
  });

  it('fails with FILE_READ when the file does not exist', async () => {
    const e = await failure(readHistoryCsv('/nonexistent/h.csv'));
    expect([e.code, e.message]).toEqual(['FILE_READ', 'cannot read /nonexistent/h.csv: no such file']);
  });

  it('rejects an unknown time zone', async () => {
    const e = await failure(read('interval_start,calls\n', { timeZone: 'Mars/Olympus' }));
    expect([e.code, e.message]).toEqual([
      'INVALID_INPUT',
      'readHistoryCsv: timeZone must be an IANA time-zone name such as Europe/Madrid (got Mars/Olympus)',
    ]);
  });
});

describe('readHistoryCsv: accepted input', () => {
  it('reads a UTF-8 BOM and CRLF line ends', async () => {
    const { history, report } = await read(
      '\uFEFFinterval_start,calls\r\n2024-05-06T09:00:00,1\r\n2024-05-06T09:30:00,2\r\n',
    );
    expect(report.rowsUsed).toBe(2);
    expect(report.intervalMinutes).toBe(30);
    expect(Array.from(history.calls.values)).toEqual([1, 2]);
  });

  it('accepts fractional counts and counts them', async () => {
    const { history, report } = await read(
      'interval_start,calls,handled\n2024-05-06T09:00:00,1.5,1\n2024-05-06T09:30:00,2,1.5\n2024-05-06T10:00:00,2.5,2\n',
    );
    expect(report.fractionalCounts).toBe(3);
    expect(report.errors).toEqual([]);
    expect(Array.from(history.calls.values)).toEqual([1.5, 2, 2.5]);
    expect(Array.from(history.handled!.values)).toEqual([1, 1.5, 2]);
  });

  it('tells gaps inside open hours (NaN) from closed nights, weekdays and days', async () => {
    // Mon-Wed open 09-12 on three weeks; one Tuesday absent (closed day); one Wednesday missing 10:00 and 11:00
    const days = [
      '2024-05-06',
      '2024-05-07',
      '2024-05-08',
      '2024-05-13',
      '2024-05-15',
      '2024-05-20',
      '2024-05-21',
      '2024-05-22',
    ];
    const rows = days.map((d) => hourly(d, d === '2024-05-15' ? [9, 12] : [9, 10, 11, 12])).join('\n');
    const { history, report } = await read(`interval_start,calls\n${rows}\n`);
    expect(report.closedDays).toEqual(['2024-05-14']);
    expect(report.closedWeekdays).toEqual([0, 4, 5, 6]);
    expect(report.openDays).toBe(8);
    expect(report.gapIntervals).toBe(2);
    expect(report.gaps).toEqual([
      { start: Date.UTC(2024, 4, 15, 10), end: Date.UTC(2024, 4, 15, 12), intervals: 2 },
    ]);
    // 20 closed hours a day on 8 days, less the 9 before the first and 11 after the last start
    expect(report.closedIntervals).toBe(8 * 20 - 9 - 11);
    expect(history.calls.values.length).toBe(8 * 4);
    expect(history.calls.values.filter(Number.isNaN).length).toBe(2);
  });

  it('reads the optional columns of the February 30-minute file on the same grid', async () => {
    const { history, report } = await readHistoryCsv(fixture('anonymous_bank_feb1999_30min.csv'), {
      timeZone: 'Asia/Jerusalem',
    });
    expect(report.rowsUsed).toBe(1344);
    expect(report.ignoredColumns).toEqual(['offered_to_agent']);
    expect(history.ahtSeconds!.starts).toEqual(history.calls.starts);
    expect(history.handled!.values.length).toBe(1344);
    // blank aht_seconds where no call was handled is NaN, not 0
    const blank = history.handled!.values.reduce(
      (n, h, i) => n + (h === 0 && Number.isNaN(history.ahtSeconds!.values[i]!) ? 1 : 0),
      0,
    );
    expect(blank).toBeGreaterThan(0);
    expect(history.calls.values.reduce((a, b) => a + b, 0)).toBe(33_066); // 33,344 records minus 278 PHANTOM
  });

  it('reads the US bank file: 164 open days, weekends closed, six closed weekdays, no gaps', async () => {
    const { history, report } = await readHistoryCsv(fixture('bank_calls_5min.csv'), {
      timeZone: 'America/New_York',
    });
    expect(report.rowsRead).toBe(27_716);
    expect(report.rowsUsed).toBe(27_716);
    expect(report.intervalMinutes).toBe(5);
    expect(report.openDays).toBe(164);
    expect(report.closedWeekdays).toEqual([0, 6]);
    expect(report.closedDays).toEqual([
      '2003-04-04',
      '2003-04-07',
      '2003-05-26',
      '2003-07-04',
      '2003-09-01',
      '2003-10-14',
    ]);
    expect(report.gapIntervals).toBe(0);
    expect(report.closedIntervals).toBe((288 - 169) * 163); // nights between the first and last interval
    expect(history.calls.starts[0]).toBe(Date.UTC(2003, 2, 3, 12)); // 07:00 EST
    expect(history.calls.starts[history.calls.starts.length - 1]).toBe(Date.UTC(2003, 9, 24, 1 + 24)); // 21:00 EDT
  });

  it('reads the Israeli 6-minute quarter: in Asia/Jerusalem the ten rows of the 1999-04-02 DST gap are rejected', async () => {
    const utc = await readHistoryCsv(fixture('anonymous_bank_1999q2_6min.csv'));
    expect(utc.report.rowsUsed).toBe(21_840);
    expect(utc.report.intervalMinutes).toBe(6);
    const local = await readHistoryCsv(fixture('anonymous_bank_1999q2_6min.csv'), {
      timeZone: 'Asia/Jerusalem',
      fileName: 'q2.csv',
      maxReportedErrors: 2,
    });
    expect(local.report.rowsRejected).toBe(10);
    expect(local.report.errors).toEqual([
      'q2.csv:262:interval_start: local time 1999-04-02T02:00:00 does not exist in Asia/Jerusalem (skipped by a DST change); give a UTC offset',
      'q2.csv:263:interval_start: local time 1999-04-02T02:06:00 does not exist in Asia/Jerusalem (skipped by a DST change); give a UTC offset',
    ]);
    expect(local.report.gapIntervals).toBe(0);
    expect(local.history.calls.values.length).toBe(21_830);
  });
});

describe('readHistoryCsv: properties', () => {
  it('accounts for every row and returns a sorted series whatever the row order and deletions', async () => {
    const grid = Array.from({ length: 3 * 24 }, (_, i) => i);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(grid, { minLength: 66 }), async (picked) => {
        const rows = picked.map(
          (i) => `${new Date(Date.UTC(2024, 4, 6) + i * 3_600_000).toISOString().slice(0, 19)},${i}`,
        );
        const { history, report } = await read(`interval_start,calls\n${rows.join('\n')}\n`, {
          intervalMinutes: 60,
        });
        expect(report.rowsUsed + report.rowsRejected).toBe(report.rowsRead);
        expect(report.rowsUsed).toBe(picked.length);
        const values = Array.from(history.calls.values).filter((v) => !Number.isNaN(v));
        expect(values).toEqual([...picked].sort((a, b) => a - b));
        for (let i = 1; i < history.calls.starts.length; i++) {
          expect(history.calls.starts[i]!).toBeGreaterThan(history.calls.starts[i - 1]!);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('puts 92 and 100 quarter-hours on the New York DST days of a 24-hour file', async () => {
    // one row per instant: with offsets, every instant is unambiguous
    const rows: string[] = [];
    for (let t = Date.UTC(2003, 3, 5, 5); t < Date.UTC(2003, 3, 8, 4); t += 900_000)
      rows.push(`${new Date(t).toISOString()},1`);
    const { history } = await read(`interval_start,calls\n${rows.join('\n')}\n`, {
      timeZone: 'America/New_York',
    });
    const perDay = new Map<string, number>();
    for (const t of history.calls.starts) {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(t);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect([...perDay]).toEqual([
      ['2003-04-05', 96],
      ['2003-04-06', 92],
      ['2003-04-07', 96],
    ]);
  });
});

describe('readHistoryCsv: queue column', () => {
  const text = [
    'interval_start,calls,queue',
    '2024-05-06T09:00:00,1,sales',
    '2024-05-06T09:00:00,5,support',
    '2024-05-06T09:30:00,2,sales',
    '2024-05-06T09:30:00,6,support',
  ].join('\n');

  it('reads one queue and counts the other queues as excluded', async () => {
    const { history, report } = await read(text, { queue: 'support' });
    expect(Array.from(history.calls.values)).toEqual([5, 6]);
    expect([report.rowsRead, report.rowsUsed, report.rowsRejected, report.rowsExcluded]).toEqual([
      4, 2, 0, 2,
    ]);
  });

  it('refuses a file with several queues when none is chosen, and an unknown queue', async () => {
    const e = await failure(read(text));
    expect([e.code, e.message]).toEqual([
      'CSV_ROW',
      "h.csv: 2 queues in column 'queue' (sales, support); choose one with the queue option (--queue)",
    ]);
    const none = await failure(read(text, { queue: 'billing' }));
    expect([none.code, none.message]).toEqual([
      'NO_DATA',
      "h.csv: no rows of queue 'billing' (queues: sales, support)",
    ]);
  });
});
