import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StaffcastError } from '../../src/errors.js';
import { type AggregateRecordsOptions, aggregateRecords } from '../../src/io/aggregateRecords.js';
import { readHistoryCsv } from '../../src/io/readHistoryCsv.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/history/${name}`, import.meta.url));
const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);

function aggregate(text: string, options: Partial<AggregateRecordsOptions> = {}) {
  return aggregateRecords(Readable.from([text]), { intervalMinutes: 30, fileName: 'r.csv', ...options });
}

describe('aggregateRecords', () => {
  it('reproduces calls, handled and abandoned of the February 30-minute file for 1-14 February exactly', async () => {
    const { history, report } = await aggregateRecords(fixture('anonymous_bank_feb1999_calls_1to14.csv'), {
      intervalMinutes: 30,
      timeZone: 'Asia/Jerusalem',
      handled: [
        { column: 'outcome', values: ['AGENT'] },
        { column: 'served_by_agent', values: ['1'] },
      ],
    });
    const reference = await readHistoryCsv(fixture('anonymous_bank_feb1999_30min.csv'), {
      timeZone: 'Asia/Jerusalem',
    });
    expect(report.rowsRead).toBe(17_456);
    expect(report.rowsExcluded).toBe(143); // PHANTOM
    expect(report.rowsUsed + report.rowsRejected + report.rowsExcluded).toBe(report.rowsRead);
    const n = 14 * 48;
    expect(history.calls.values.length).toBe(n);
    expect(Array.from(history.calls.starts)).toEqual(Array.from(reference.history.calls.starts.slice(0, n)));
    expect(Array.from(history.calls.values)).toEqual(Array.from(reference.history.calls.values.slice(0, n)));
    expect(Array.from(history.handled!.values)).toEqual(
      Array.from(reference.history.handled!.values.slice(0, n)),
    );
    expect(Array.from(history.abandoned!.values)).toEqual(
      Array.from(reference.history.abandoned!.values.slice(0, n)),
    );
    // the reference AHT is rounded to 0.1 s
    for (let i = 0; i < n; i++) {
      const mine = history.ahtSeconds!.values[i]!;
      const theirs = reference.history.ahtSeconds!.values[i]!;
      if (Number.isNaN(theirs)) expect(mine).toBeNaN();
      else expect(Math.abs(mine - theirs)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it('counts with the default rules: PHANTOM excluded, AGENT handled, HANG after queueing abandoned', async () => {
    const text = [
      'arrival,outcome,queued,service_seconds',
      '2024-05-06T09:01:00,AGENT,1,100',
      '2024-05-06T09:10:00,AGENT,1,200',
      '2024-05-06T09:20:00,HANG,1,',
      '2024-05-06T09:25:00,HANG,0,',
      '2024-05-06T09:29:59,PHANTOM,0,',
      '2024-05-06T09:30:00,AGENT,1,',
    ].join('\n');
    const { history, report } = await aggregate(text);
    const at = (t: number) => history.calls.starts.indexOf(t);
    const i = at(Date.UTC(2024, 4, 6, 9));
    expect(history.calls.values[i]).toBe(4);
    expect(history.handled!.values[i]).toBe(2);
    expect(history.abandoned!.values[i]).toBe(1);
    expect(history.ahtSeconds!.values[i]).toBe(150);
    expect(history.calls.values[i + 1]).toBe(1);
    expect(history.ahtSeconds!.values[i + 1]).toBeNaN();
    expect(history.calls.values.length).toBe(48);
    expect(report.rowsExcluded).toBe(1);
    expect(report.warnings).toEqual([
      'r.csv: 1 handled records have no service_seconds; aht_seconds averages the others',
    ]);
  });

  it('reports bad records with file:row:column and skips them', async () => {
    const text =
      'arrival,outcome,service_seconds\n2024-05-06T09:01:00,AGENT,-3\nsoon,AGENT,5\n2024-05-06T09:02:00,AGENT,5\n';
    const { report } = await aggregate(text);
    expect(report.errors).toEqual([
      'r.csv:2:service_seconds: negative duration (got -3)',
      "r.csv:3:arrival: not an ISO-8601 date-time (got 'soon')",
    ]);
    expect([report.rowsUsed, report.rowsRejected]).toEqual([1, 2]);
  });

  it('rejects a file without the arrival column and one without usable records', async () => {
    await expect(aggregate('time,outcome\n2024-05-06T09:01:00,AGENT\n')).rejects.toThrow(
      "r.csv:1: missing column 'arrival' (the arrival time column; header has: time, outcome)",
    );
    const e = (await aggregate('arrival\nnever\n').catch((error: unknown) => error)) as StaffcastError;
    expect([e.code, e.message]).toEqual([
      'NO_DATA',
      "r.csv: no usable records (1 read, 1 rejected, 0 excluded); first problem: r.csv:2:arrival: not an ISO-8601 date-time (got 'never')",
    ]);
  });

  it('without an outcome column counts calls only and says so', async () => {
    const { history, report } = await aggregate('arrival\n2024-05-06T09:01:00\n', { intervalMinutes: 60 });
    expect(history.handled).toBeUndefined();
    expect(sum(history.calls.values)).toBe(1);
    expect(report.warnings).toContain("r.csv: no 'outcome' column: handled records are not counted");
  });

  it('puts a call in the repeated hour of a fall-back day into the right one of the two intervals', async () => {
    const text = 'arrival\n2024-10-27T02:10:00+02:00\n2024-10-27T02:10:00+01:00\n2024-10-27T02:20:00+01:00\n';
    const { history } = await aggregate(text, { intervalMinutes: 60, timeZone: 'Europe/Madrid' });
    expect(history.calls.values.length).toBe(25);
    const first = history.calls.starts.indexOf(Date.UTC(2024, 9, 27, 0)); // 02:00 +02:00
    const second = history.calls.starts.indexOf(Date.UTC(2024, 9, 27, 1)); // 02:00 +01:00
    expect([history.calls.values[first], history.calls.values[second]]).toEqual([1, 2]);
  });

  it('counts lower-case outcomes and rejects the file on an outcome nobody mapped', async () => {
    const text = 'arrival,outcome,queued\n2024-01-01T09:01:00Z,hang,1\n2024-01-01T09:02:00Z,Agent,1\n';
    const { history, report } = await aggregate(text);
    expect([sum(history.handled!.values), sum(history.abandoned!.values)]).toEqual([1, 1]);
    expect(report.recordClasses).toEqual({ handled: 1, abandoned: 1, neither: 0, excluded: 0 });
    const error = await aggregate(`${text}2024-01-01T09:03:00Z,TRANSFER,1\n`).catch((e: StaffcastError) => e);
    expect((error as StaffcastError).message).toBe(
      "r.csv:4:outcome: unknown outcome 'TRANSFER' (known: AGENT, HANG, PHANTOM); count it with --handled, --abandoned, --other or --exclude",
    );
    const other = await aggregate(`${text}2024-01-01T09:03:00Z,TRANSFER,1\n`, {
      otherOutcomes: ['transfer'],
    });
    expect(sum(other.history.calls.values)).toBe(3);
    expect(other.report.recordClasses).toEqual({ handled: 1, abandoned: 1, neither: 1, excluded: 0 });
  });

  it("reads a spreadsheet export of records: ';', dd/mm/yyyy times, decimal-comma service seconds", async () => {
    const excel =
      'arrival;service_seconds;outcome\n01/02/1999 08:01;120,5;AGENT\n13/02/1999 08:02;60;AGENT\n';
    const iso = 'arrival,service_seconds,outcome\n1999-02-01T08:01,120.5,AGENT\n1999-02-13T08:02,60,AGENT\n';
    const a = await aggregate(excel, { intervalMinutes: 60, timeZone: 'Asia/Jerusalem' });
    const b = await aggregate(iso, { intervalMinutes: 60, timeZone: 'Asia/Jerusalem' });
    expect(a.history).toEqual(b.history);
    const ambiguous = 'arrival;outcome\n01/02/1999 08:01;AGENT\n';
    expect(await aggregate(ambiguous).catch((e: StaffcastError) => e.message)).toBe(
      "r.csv:2:arrival: ambiguous date order: no date has a day above 12 (first '01/02/1999 08:01'); give --date-format dmy (day first) or mdy (month first)",
    );
    const mdy = await aggregate(ambiguous, { dateFormat: 'mdy' });
    expect(mdy.history.calls.starts[0]).toBe(Date.UTC(1999, 0, 2));
  });

  it('refuses a span of more intervals than maxIntervals, naming the first and last arrivals', async () => {
    const text = 'arrival,outcome\n2024-01-01T09:01:00Z,AGENT\n2924-01-01T09:02:00Z,AGENT\n';
    const error = await aggregate(text, { intervalMinutes: 15 }).catch((e: StaffcastError) => e);
    expect((error as StaffcastError).message).toBe(
      'r.csv: records span 2024-01-01T09:01:00Z (line 2) to 2924-01-01T09:02:00Z (line 3): 31,557,024 intervals of 15 minutes, more than 1,000,000; check those dates, or allow it with --max-intervals',
    );
    const small = 'arrival,outcome\n2024-01-01T09:01:00Z,AGENT\n2024-01-03T09:02:00Z,AGENT\n';
    expect(
      (await aggregate(small, { intervalMinutes: 60, maxIntervals: 72 })).history.calls.values.length,
    ).toBe(72);
    expect(
      await aggregate(small, { intervalMinutes: 60, maxIntervals: 71 }).catch((e: StaffcastError) => e.code),
    ).toBe('CSV_ROW');
  });

  it('preserves totals for any records, interval length, zone and outcome case (property)', async () => {
    const record = fc.record({
      t: fc.integer({ min: Date.UTC(2024, 2, 29), max: Date.UTC(2024, 3, 2) }),
      outcome: fc.constantFrom('AGENT', 'HANG', 'PHANTOM', 'OTHER', 'hang', 'Agent', 'phantom'),
      queued: fc.constantFrom('0', '1'),
      service: fc.integer({ min: 0, max: 900 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 60 }),
        fc.constantFrom(5, 6, 10, 15, 30, 60),
        fc.constantFrom('UTC', 'Europe/Madrid', 'America/New_York', 'Asia/Kolkata'),
        async (records, minutes, zone) => {
          const lines = records.map(
            (r) => `${new Date(r.t).toISOString()},${r.outcome},${r.queued},${r.service}`,
          );
          const result = await aggregate(`arrival,outcome,queued,service_seconds\n${lines.join('\n')}\n`, {
            intervalMinutes: minutes,
            timeZone: zone,
            otherOutcomes: ['other'],
          }).catch((error: StaffcastError) => error);
          const upper = records.map((r) => ({ ...r, outcome: r.outcome.toUpperCase() }));
          const kept = upper.filter((r) => r.outcome !== 'PHANTOM');
          if (kept.length === 0) {
            expect((result as StaffcastError).code).toBe('NO_DATA');
            return;
          }
          if (result instanceof Error) throw result;
          const { history, report } = result;
          expect(sum(history.calls.values)).toBe(kept.length);
          expect(sum(history.handled!.values)).toBe(kept.filter((r) => r.outcome === 'AGENT').length);
          expect(sum(history.abandoned!.values)).toBe(
            kept.filter((r) => r.outcome === 'HANG' && r.queued === '1').length,
          );
          expect(report.rowsExcluded).toBe(records.length - kept.length);
          // every record is in exactly one class
          const c = report.recordClasses!;
          expect([c.handled + c.abandoned + c.neither, c.excluded]).toEqual([
            kept.length,
            report.rowsExcluded,
          ]);
          // each record lands in the interval that contains it
          const ahtWeighted = history.ahtSeconds!.values.reduce(
            (s, a, i) => s + (Number.isNaN(a) ? 0 : a * history.handled!.values[i]!),
            0,
          );
          const serviceTotal = kept.filter((r) => r.outcome === 'AGENT').reduce((s, r) => s + r.service, 0);
          expect(ahtWeighted).toBeCloseTo(serviceTotal, 6);
          for (const r of kept) {
            const starts = history.calls.starts;
            let k = starts.length - 1;
            while (k > 0 && starts[k]! > r.t) k--;
            expect(r.t - starts[k]!).toBeLessThan(minutes * 60_000);
            expect(history.calls.values[k]!).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('streams 200,000 records from a generator without holding the text', async () => {
    function* lines(): Generator<string> {
      yield 'arrival,outcome\n';
      for (let i = 0; i < 200_000; i++) {
        const t = Date.UTC(2024, 0, 1) + i * 13_000; // one call every 13 s for about 30 days
        yield `${new Date(t).toISOString().slice(0, 19)},${i % 10 === 0 ? 'HANG' : 'AGENT'}\n`;
      }
    }
    const { history, report } = await aggregateRecords(Readable.from(lines()), {
      intervalMinutes: 15,
      fileName: 'big.csv',
    });
    expect(report.rowsUsed).toBe(200_000);
    expect(sum(history.calls.values)).toBe(200_000);
    expect(sum(history.handled!.values)).toBe(180_000);
    expect(sum(history.abandoned!.values)).toBe(20_000); // no queued column: HANG alone
    expect(history.calls.values.length % 96).toBe(0);
  });
});
