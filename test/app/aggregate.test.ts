import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { aggregateFromFile, aggregateRecordsOptions } from '../../src/app/aggregate.js';
import type { ProgressEvent } from '../../src/app/progress.js';

describe('aggregateRecordsOptions', () => {
  it("keeps aggregateRecords' default rules unless an outcome flag is given, adding the extra conditions", () => {
    const base = { baseDir: '.', intervalMinutes: 30, timeZone: 'UTC' };
    const defaults = aggregateRecordsOptions('-', base);
    expect(defaults.handled).toBeUndefined();
    expect(defaults.abandoned).toBeUndefined();
    expect(defaults.fileName).toBe('stdin');
    const extra = aggregateRecordsOptions('c.csv', {
      ...base,
      handledIf: [{ column: 'served_by_agent', values: ['1'] }],
    });
    expect(extra.handled).toEqual([
      { column: 'outcome', values: ['AGENT'] },
      { column: 'served_by_agent', values: ['1'] },
    ]);
    expect(extra.abandoned).toBeUndefined();
    const explicit = aggregateRecordsOptions('c.csv', {
      ...base,
      outcomeColumn: 'result',
      abandoned: ['LOST'],
    });
    expect([explicit.handled, explicit.abandoned, explicit.excluded]).toEqual([
      [{ column: 'result', values: ['AGENT'] }],
      [{ column: 'result', values: ['LOST'] }],
      [{ column: 'result', values: ['PHANTOM'] }],
    ]);
  });

  it('names a service column only when it is not the default', () => {
    const base = { baseDir: '.', intervalMinutes: 30, timeZone: 'UTC' };
    expect(aggregateRecordsOptions('c.csv', { ...base, serviceColumn: 'service_seconds' }).columns).toEqual({
      arrival: 'arrival',
    });
    expect(aggregateRecordsOptions('c.csv', { ...base, serviceColumn: 'talk' }).columns).toEqual({
      arrival: 'arrival',
      serviceSeconds: 'talk',
    });
  });
});

describe('aggregateFromFile', () => {
  it('counts records under the given outcome values, returning the CSV, the report and a read step', async () => {
    const events: ProgressEvent[] = [];
    const run = await aggregateFromFile('-', {
      baseDir: '.',
      stdin: Readable.from([
        'arrival,result\n2024-05-06T09:10:00,OK\n2024-05-06T09:50:00,LOST\n2024-05-06T09:55:00,TEST\n',
      ]),
      intervalMinutes: 60,
      timeZone: 'UTC',
      outcomeColumn: 'result',
      handled: ['OK'],
      abandoned: ['LOST'],
      excluded: ['TEST'],
      onProgress: (e) => events.push(e),
    });
    expect(run.csv.split('\n')[10]).toBe('2024-05-06T09:00:00Z,2,1,1');
    expect(run.report.rowsExcluded).toBe(1);
    expect(run.message).toContain('read 3 rows from stdin: 2 used, 0 rejected, 1 excluded');
    expect(events.map((e) => `${e.step}:${e.phase}`)).toEqual(['read:start', 'read:done']);
  });

  it('rejects an outcome no rule names instead of dropping the call', async () => {
    await expect(
      aggregateFromFile('-', {
        baseDir: '.',
        stdin: Readable.from(['arrival,result\n2024-05-06T09:10:00,OK\n2024-05-06T09:50:00,ODD\n']),
        intervalMinutes: 60,
        timeZone: 'UTC',
        outcomeColumn: 'result',
        handled: ['OK'],
      }),
    ).rejects.toMatchObject({ code: 'CSV_ROW' });
  });
});
