import { describe, expect, it } from 'vitest';
import { timeAxisFormat, timeRows, timeX } from '../../src/report/charts/timeRows.js';

const H = 3_600_000;

describe('timeRows', () => {
  it('maps NaN to null and keeps contiguous intervals as they are', () => {
    expect(timeRows([0, H / 2], { y: [1, Number.NaN] }, { timeZone: 'UTC', intervalMinutes: 30 })).toEqual([
      { t: 0, y: 1 },
      { t: H / 2, y: null },
    ]);
  });

  it('breaks the line over a closed gap and closes the last step of each run when asked', () => {
    const rows = timeRows(
      [0, H, 5 * H],
      { y: [1, 2, 3] },
      { timeZone: 'UTC', intervalMinutes: 60, closeSteps: true },
    );
    expect(rows).toEqual([
      { t: 0, y: 1 },
      { t: H, y: 2 },
      { t: 2 * H, y: 2, closing: 1 },
      { t: 2 * H + 1, y: null },
      { t: 5 * H, y: 3 },
      { t: 6 * H, y: 3, closing: 1 },
    ]);
  });

  it('shows local wall-clock time encoded as UTC and adds constant fields', () => {
    const rows = timeRows(
      [Date.UTC(1999, 1, 1, 6)],
      { y: [1] },
      {
        timeZone: 'Asia/Jerusalem',
        intervalMinutes: 30,
        constants: { kind: 'History' },
      },
    );
    expect(rows).toEqual([{ kind: 'History', t: Date.UTC(1999, 1, 1, 8), y: 1 }]);
  });
});

describe('timeAxisFormat', () => {
  it('ticks every local midnight for a week and every few days for a month', () => {
    const day = 86_400_000;
    expect(timeAxisFormat([{ t: 0 }, { t: 2 * day }]).values).toEqual([0, day, 2 * day]);
    const month = timeAxisFormat([{ t: 0 }, { t: 28 * day }]);
    expect(month.values).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27].map((d) => d * day));
  });
});

describe('timeX', () => {
  it('encodes t as UTC time with the day ticks of timeAxisFormat and level labels', () => {
    const rows = [{ t: 0 }, { t: 86_400_000 }];
    const x = timeX(rows);
    expect(x).toMatchObject({ field: 't', type: 'temporal', scale: { type: 'utc' }, title: null });
    expect(x.axis).toEqual({ ...timeAxisFormat(rows), labelAngle: 0 });
  });
});
