import { describe, expect, it } from 'vitest';
import { writeHistoryCsv } from '../../src/io/writeHistoryCsv.js';
import { createSeries } from '../../src/time/series.js';

describe('writeHistoryCsv', () => {
  const starts = [0, 1_800_000, 3_600_000];

  it('writes counts without float noise, aht to 0.001 s and NaN or Infinity as an empty cell', () => {
    const text = writeHistoryCsv({
      calls: createSeries('UTC', 30, starts, [0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY]),
      handled: createSeries('UTC', 30, starts, [3, 4, 5]),
      ahtSeconds: createSeries('UTC', 30, starts, [180.12345, 21062.299999999996, Number.NaN]),
    });
    expect(text).toBe(
      'interval_start,calls,handled,aht_seconds\n' +
        '1970-01-01T00:00:00Z,0.3,3,180.123\n' +
        '1970-01-01T00:30:00Z,,4,21062.3\n' +
        '1970-01-01T01:00:00Z,,5,\n',
    );
  });
});
