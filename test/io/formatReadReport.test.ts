import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatReadReport } from '../../src/io/formatReadReport.js';
import { readHistoryCsv } from '../../src/io/readHistoryCsv.js';

describe('formatReadReport', () => {
  it('prints rows, interval, span, closed periods, gaps, notes and the rejected rows', async () => {
    const rows = [
      'interval_start,calls,note',
      '2024-05-06T09:00:00,1,a',
      '2024-05-06T10:00:00,2.5,a',
      '2024-05-06T11:00:00,3,a',
      '2024-05-07T09:00:00,1,a',
      '2024-05-07T10:00:00,x,a',
      '2024-05-07T11:00:00,1,a',
      '2024-05-07T11:00:00,1,a',
      '2024-05-09T10:00:00,1,a',
      '2024-05-09T09:00:00,1,a',
      '2024-05-09T11:00:00,1,a',
    ];
    const { report } = await readHistoryCsv(Readable.from([`${rows.join('\n')}\n`]), { fileName: 'h.csv' });
    expect(formatReadReport(report)).toBe(
      [
        'read 10 rows from h.csv: 8 used, 2 rejected',
        '  60-minute intervals (detected) in UTC, 2024-05-06T09:00:00Z .. 2024-05-09T11:00:00Z; 3 open days',
        '  closed: Sun, Wed, Fri, Sat every week; 42 intervals outside opening hours',
        '  gaps: 1 missing intervals (NaN) in 1 runs: 2024-05-07T10:00:00Z (1)',
        '  duplicate intervals: 1 row ignored; rows out of order: 1 (sorted); fractional counts: 1 (accepted); ignored columns: note',
        '  rejected rows:',
        "    h.csv:6:calls: not a number (got 'x')",
        '    h.csv:8:interval_start: duplicate interval 2024-05-07T11:00:00Z (first at line 7); row ignored',
        '  warnings:',
        '    h.csv:10:interval_start: out of order (earlier than line 9); rows were sorted by time',
        '',
      ].join('\n'),
    );
  });
});
