import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { StaffcastError } from '../../src/errors.js';
import { aggregateRecords } from '../../src/io/aggregateRecords.js';
import { readCallRecords } from '../../src/io/callRecords.js';

const HEADER =
  'arrival,service_type,priority,outcome,vru_seconds,queued,queue_seconds,served_by_agent,service_seconds,agent';
const stream = (lines: string[]): Readable => Readable.from([`${lines.join('\n')}\n`]);

async function errorOf(promise: Promise<unknown>): Promise<StaffcastError> {
  try {
    await promise;
  } catch (error) {
    return error as StaffcastError;
  }
  throw new Error('expected a rejection');
}

describe('readCallRecords', () => {
  it('reads every column of valid rows, blank talk time as NaN and NO_SERVER as no agent', async () => {
    const read = await readCallRecords(
      stream([
        HEADER,
        '1999-02-01T08:00:00,PS,2,AGENT,10,1,30,1,100,A01',
        '1999-02-01T08:01:00,NW,0,HANG,12,0,0,0,,',
        '1999-02-01T08:02:00,PS,0,AGENT,9,0,0,0,,NO_SERVER',
      ]),
      { fileLabel: 'calls.csv' },
    );
    expect(read.rowsRead).toBe(3);
    expect(read.rowsUsed).toBe(3);
    expect(read.rowsRejected).toBe(0);
    expect(read.records[0]).toEqual({
      arrivalMs: Date.UTC(1999, 1, 1, 8, 0, 0),
      serviceType: 'PS',
      priority: 2,
      outcome: 'AGENT',
      vruSeconds: 10,
      queued: true,
      queueSeconds: 30,
      servedByAgent: true,
      serviceSeconds: 100,
      agent: 'A01',
    });
    expect(read.records[1]!.serviceSeconds).toBeNaN();
    expect(read.records[2]!.agent).toBe('');
  });

  it('rejects bad rows with file:row:column messages and keeps reading', async () => {
    const read = await readCallRecords(
      stream([
        HEADER,
        '1999-02-01T08:00:00,PS,0,HANG,-65,0,0,0,,',
        '1999-02-01T08:00:00,PS,0,BUSY,5,0,0,0,,',
        '1999-02-01 8am,PS,0,HANG,5,0,0,0,,',
        '1999-02-01T08:00:00,PS,0,AGENT,5,0,0,1,,A01',
        '1999-02-01T08:00:00,PS,0,HANG,5,2,0,0,,',
        '1999-02-01T08:00:00,PS,0',
        '1999-02-01T08:00:00,PS,0,HANG,5,0,0,0,,',
      ]),
      { fileLabel: 'calls.csv' },
    );
    expect(read.rowsRead).toBe(7);
    expect(read.rowsUsed).toBe(1);
    expect(read.rowsRejected).toBe(6);
    expect(read.errors).toEqual([
      "calls.csv:2:vru_seconds: must be a number of seconds >= 0 (got '-65')",
      "calls.csv:3:outcome: must be AGENT, HANG or PHANTOM (got 'BUSY')",
      "calls.csv:4:arrival: must be an ISO-8601 time like 1999-02-01T08:00:00 (got '1999-02-01 8am')",
      'calls.csv:5:service_seconds: must be given when served_by_agent is 1',
      "calls.csv:6:queued: must be 0 or 1 (got '2')",
      'calls.csv:7:outcome: missing value (row too short)',
    ]);
  });

  it('throws CSV_ROW naming the header row and column when a required column is missing', async () => {
    const error = await errorOf(
      readCallRecords(stream(['arrival,outcome', '1999-02-01T08:00:00,HANG']), { fileLabel: 'x.csv' }),
    );
    expect(error.code).toBe('CSV_ROW');
    expect(error.message).toBe("x.csv:1: missing column 'service_type' (header has: arrival, outcome)");
  });

  it('throws on the first bad row when strict', async () => {
    const error = await errorOf(
      readCallRecords(stream([HEADER, '1999-02-01T08:00:00,PS,x,HANG,5,0,0,0,,']), {
        fileLabel: 'x.csv',
        strict: true,
      }),
    );
    expect(error.code).toBe('CSV_ROW');
    expect(error.message).toBe("x.csv:2:priority: must be a whole number >= 0 (got 'x')");
  });

  it('reads renamed columns', async () => {
    const read = await readCallRecords(
      stream([
        'vru_entry,service_type,priority,outcome,vru_seconds,queued,queue_seconds,served_by_agent,service_seconds,agent',
        '1999-02-01T08:00:00,PS,0,HANG,5,1,20,0,,',
      ]),
      { columns: { arrival: 'vru_entry' } },
    );
    expect(read.records[0]!.arrivalMs).toBe(Date.UTC(1999, 1, 1, 8));
  });

  it('reads wall-clock arrivals in the given zone and honours explicit offsets', async () => {
    const read = await readCallRecords(
      stream([
        HEADER,
        '1999-02-01T08:00:00,PS,0,HANG,5,0,0,0,,',
        '1999-02-01T08:00:00+05:00,PS,0,HANG,5,0,0,0,,',
      ]),
      { timeZone: 'Asia/Jerusalem' },
    );
    // Israel is UTC+2 in February
    expect(read.records[0]!.arrivalMs).toBe(Date.UTC(1999, 1, 1, 6));
    expect(read.records[1]!.arrivalMs).toBe(Date.UTC(1999, 1, 1, 3));
  });

  it('rejects a wall-clock time that does not exist on a spring-forward day', async () => {
    const read = await readCallRecords(
      stream([HEADER, '2024-03-31T02:30:00,PS,0,HANG,5,0,0,0,,', '2024-03-31T03:30:00,PS,0,HANG,5,0,0,0,,']),
      { timeZone: 'Europe/Madrid', fileLabel: 'dst.csv' },
    );
    expect(read.errors).toEqual([
      'dst.csv:2:arrival: local time 2024-03-31T02:30:00 does not exist in Europe/Madrid (skipped by a DST change); give a UTC offset',
    ]);
  });

  it('rejects an ambiguous fall-back time with the same message as aggregate (no silent choice)', async () => {
    const lines = [
      HEADER,
      '2024-10-27T02:30:00,PS,0,HANG,5,0,0,0,,',
      '2024-10-27T04:30:00,PS,0,HANG,5,0,0,0,,',
    ];
    const read = await readCallRecords(stream(lines), { timeZone: 'Europe/Madrid', fileLabel: 'dst.csv' });
    const message =
      'dst.csv:2:arrival: local time 2024-10-27T02:30:00 is ambiguous in Europe/Madrid (occurs at +02:00 and +01:00); give a UTC offset';
    expect(read.errors).toEqual([message]);
    const { report } = await aggregateRecords(stream(lines), {
      intervalMinutes: 60,
      timeZone: 'Europe/Madrid',
      fileName: 'dst.csv',
    });
    expect(report.errors).toEqual([message]);
  });

  it('matches outcomes case-insensitively and rejects a duration over a day', async () => {
    const read = await readCallRecords(
      stream([
        HEADER,
        '1999-02-01T08:00:00,PS,0,hang,5,1,12,0,,',
        '1999-02-01T08:01:00,PS,0,Agent,1e3,0,0,0,,',
        '1999-02-01T08:02:00,PS,0,AGENT,5,0,0,1,90000,A',
      ]),
      { fileLabel: 'c.csv' },
    );
    expect(read.records.map((r) => r.outcome)).toEqual(['HANG']);
    expect(read.errors).toEqual([
      "c.csv:3:vru_seconds: must be a number of seconds >= 0 (got '1e3')",
      "c.csv:4:service_seconds: must be at most 86400 seconds (one day) (got '90000')",
    ]);
  });

  it('throws NO_DATA when no row is usable and FILE_READ for a missing file', async () => {
    const none = await errorOf(readCallRecords(stream([HEADER]), { fileLabel: 'empty.csv' }));
    expect(none.code).toBe('NO_DATA');
    expect(none.message).toBe('empty.csv: no usable call records (0 rows read)');
    const missing = await errorOf(readCallRecords('/nonexistent/calls.csv'));
    expect(missing.code).toBe('FILE_READ');
    expect(missing.message).toBe('cannot read /nonexistent/calls.csv: no such file');
  });
});
