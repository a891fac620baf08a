import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { historyAsOf } from '../../src/forecast/historyAsOf.js';
import { readHistoryCsv } from '../../src/io/readHistoryCsv.js';
import { dayNumberOfDate } from '../../src/time/localCalendar.js';

describe('historyAsOf', () => {
  // 4 weeks from Monday 1 Jan 2024: 09:00-10:00 hourly in the first week, 08:00-10:00 after it. Read
  // whole, 08:00 is open on 3 of each weekday's 4 days, so the absent 08:00 of the first week is a
  // gap (NaN), except on 1 Jan, before the file's first interval
  const lines = ['interval_start,calls'];
  for (let d = 1; d <= 28; d++) {
    const date = `2024-01-${String(d).padStart(2, '0')}`;
    for (const h of d <= 7 ? [9, 10] : [8, 9, 10])
      lines.push(`${date}T${String(h).padStart(2, '0')}:00:00,${d + h}`);
  }
  const read = async () =>
    (await readHistoryCsv(Readable.from([`${lines.join('\n')}\n`]), { timeZone: 'UTC' })).history;

  it('keeps the days up to the cut and decides gaps from them alone', async () => {
    const whole = await read();
    expect(whole.calls.values.filter((v) => Number.isNaN(v)).length).toBe(6); // 08:00 of 2-7 Jan
    const cut = historyAsOf(whole, dayNumberOfDate('2024-01-07'));
    // up to 7 January, 08:00 was never open: closed (absent), not missing
    expect(cut.calls.starts.length).toBe(14);
    expect(cut.calls.values.every((v) => Number.isFinite(v))).toBe(true);
    expect(cut.calls.values[13]).toBe(17); // 7 Jan 10:00
  });

  it('keeps the reader gaps when cut at the last day', async () => {
    const whole = await read();
    const all = historyAsOf(whole, dayNumberOfDate('2024-01-28'));
    expect(Array.from(all.calls.starts)).toEqual(Array.from(whole.calls.starts));
    expect(Array.from(all.calls.values)).toEqual(Array.from(whole.calls.values));
  });
});
