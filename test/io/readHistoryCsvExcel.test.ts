import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StaffcastError } from '../../src/errors.js';
import { type ReadHistoryOptions, readHistoryCsv } from '../../src/io/readHistoryCsv.js';
import type { Series } from '../../src/time/series.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/history/${name}`, import.meta.url));

/** The part of a series from `from` (inclusive) to `to` (exclusive), epoch ms. */
function slice(series: Series, from: number, to: number): { starts: number[]; values: number[] } {
  const keep = [...series.starts.keys()].filter((i) => series.starts[i]! >= from && series.starts[i]! < to);
  return { starts: keep.map((i) => series.starts[i]!), values: keep.map((i) => series.values[i]!) };
}

const read = (text: string, options: ReadHistoryOptions = {}) =>
  readHistoryCsv(Readable.from([text]), { fileName: 'x.csv', ...options });

describe('readHistoryCsv on spreadsheet exports', () => {
  it("reads a week of the US bank saved by a European Excel (';', dd/mm/yyyy, BOM, CRLF) as the original", async () => {
    const zone = 'America/New_York';
    const excel = await readHistoryCsv(fixture('bank_calls_5min_week_excel_dmy.csv'), { timeZone: zone });
    const original = await readHistoryCsv(fixture('bank_calls_5min.csv'), { timeZone: zone });
    const from = Date.UTC(2003, 2, 10, 5);
    const to = Date.UTC(2003, 2, 15, 5);
    expect(excel.report.rowsRejected).toBe(0);
    expect(excel.report.rowsUsed).toBe(5 * 169);
    expect(slice(excel.history.calls, from, to)).toEqual(slice(original.history.calls, from, to));
    expect(excel.history.calls.intervalMinutes).toBe(5);
  });

  it('reads the same week saved by a US Excel (m/d/yyyy h:mm) as the original', async () => {
    const zone = 'America/New_York';
    const excel = await readHistoryCsv(fixture('bank_calls_5min_week_excel_mdy.csv'), { timeZone: zone });
    const dmy = await readHistoryCsv(fixture('bank_calls_5min_week_excel_dmy.csv'), { timeZone: zone });
    expect(excel.report.rowsRejected).toBe(0);
    expect(excel.history.calls).toEqual(dmy.history.calls);
  });

  it('reads decimal-comma handle times of the Israeli bank week as the original, every column', async () => {
    const zone = 'Asia/Jerusalem';
    const excel = await readHistoryCsv(fixture('anonymous_bank_feb1999_30min_week_excel_dmy.csv'), {
      timeZone: zone,
      intervalMinutes: 30,
    });
    const original = await readHistoryCsv(fixture('anonymous_bank_feb1999_30min.csv'), {
      timeZone: zone,
      intervalMinutes: 30,
    });
    const from = Date.UTC(1999, 1, 7, 22);
    const to = Date.UTC(1999, 1, 14, 22);
    expect(excel.report.rowsUsed).toBe(336);
    for (const key of ['calls', 'ahtSeconds', 'handled', 'abandoned'] as const) {
      expect(slice(excel.history[key]!, from, to), key).toEqual(slice(original.history[key]!, from, to));
    }
    // the first five days (8-12 February) are ambiguous; 13/02 settles day first
    expect(excel.history.calls.starts[0]).toBe(from);
  });

  it('says the date order is ambiguous, and which flag settles it, when no day is above 12', async () => {
    const text = 'interval_start;calls\n03/04/2026 08:00;1\n03/04/2026 09:00;2\n04/04/2026 08:00;3\n';
    const error = (await read(text).catch((e: unknown) => e)) as StaffcastError;
    expect(error.message).toBe(
      "x.csv:2:interval_start: ambiguous date order: no date has a day above 12 (first '03/04/2026 08:00'); give --date-format dmy (day first) or mdy (month first)",
    );
    const dmy = await read(text, { dateFormat: 'dmy' });
    expect(dmy.history.calls.starts[0]).toBe(Date.UTC(2026, 3, 3, 8));
    const mdy = await read(text, { dateFormat: 'mdy' });
    expect(mdy.history.calls.starts[0]).toBe(Date.UTC(2026, 2, 4, 8));
  });

  it('reads a decimal comma only with a ; or tab separator', async () => {
    const tab = await read(
      'interval_start\tcalls\taht_seconds\n2026-03-02T08:00\t1\t180,5\n2026-03-02T09:00\t2\t181\n',
    );
    expect([...tab.history.ahtSeconds!.values]).toEqual([180.5, 181]);
    const comma = await read(
      'interval_start,calls,aht_seconds\n2026-03-02T08:00,1,"180,5"\n2026-03-02T09:00,2,181\n2026-03-02T10:00,2,182\n',
    );
    expect(comma.report.errors).toEqual(["x.csv:2:aht_seconds: not a number (got '180,5')"]);
  });
});
