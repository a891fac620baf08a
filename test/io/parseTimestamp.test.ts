import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TIMESTAMP_CHARS, parseTimestamp, slashedDate } from '../../src/io/parseTimestamp.js';

describe('parseTimestamp', () => {
  it('reads offsets in every ISO form as that instant, whatever the zone', () => {
    const t = Date.UTC(2003, 4, 5, 11);
    for (const text of [
      '2003-05-05T07:00:00-04:00',
      '2003-05-05T07:00-0400',
      '2003-05-05 07:00:00-04',
      '2003-05-05T11:00:00Z',
    ]) {
      expect(parseTimestamp(text, 'Asia/Tokyo')).toEqual({ ok: true, epochMs: t });
    }
  });

  it('reads a time without offset as local wall-clock time in the zone', () => {
    expect(parseTimestamp('2003-05-05T07:00:00', 'America/New_York')).toEqual({
      ok: true,
      epochMs: Date.UTC(2003, 4, 5, 11),
    });
    expect(parseTimestamp('2003-05-05T07:00:00.250', 'UTC')).toEqual({
      ok: true,
      epochMs: Date.UTC(2003, 4, 5, 7, 0, 0, 250),
    });
  });

  it('names the problem of a bad, an impossible, a skipped and a repeated time', () => {
    expect(parseTimestamp('5/5/2003 7:00', 'UTC')).toEqual({
      ok: false,
      problem: "not an ISO-8601 date-time (got '5/5/2003 7:00')",
    });
    expect(parseTimestamp('2003-05-05T24:00:00', 'UTC')).toEqual({
      ok: false,
      problem: "not a real date-time (got '2003-05-05T24:00:00')",
    });
    expect(parseTimestamp('2003-04-06T02:30:00', 'America/New_York')).toEqual({
      ok: false,
      problem:
        'local time 2003-04-06T02:30:00 does not exist in America/New_York (skipped by a DST change); give a UTC offset',
    });
    expect(parseTimestamp('2003-10-26T01:30:00', 'America/New_York')).toEqual({
      ok: false,
      problem:
        'local time 2003-10-26T01:30:00 is ambiguous in America/New_York (occurs at -04:00 and -05:00); give a UTC offset',
    });
  });

  it('rejects a UTC offset outside -12:00..+14:00 or with minutes above 59 instead of shifting the time', () => {
    expect(parseTimestamp('2026-03-02T08:00:00+99:99', 'UTC')).toEqual({
      ok: false,
      problem: "UTC offset +99:99 is not a real offset (-12:00 to +14:00) (got '2026-03-02T08:00:00+99:99')",
    });
    expect(parseTimestamp('2026-03-02T08:00:00-13:00', 'UTC').ok).toBe(false);
    expect(parseTimestamp('2026-03-02T08:00:00+05:60', 'UTC').ok).toBe(false);
    expect(parseTimestamp('2026-03-02T08:00:00+14:00', 'UTC')).toEqual({
      ok: true,
      epochMs: Date.UTC(2026, 2, 1, 18),
    });
    expect(parseTimestamp('2026-03-02T08:00:00+05:45', 'UTC')).toEqual({
      ok: true,
      epochMs: Date.UTC(2026, 2, 2, 2, 15),
    });
  });

  it('looks at no more than MAX_TIMESTAMP_CHARS characters: a 213 KB field is rejected by its length', () => {
    const long = `2026-03-02T08:00${' '.repeat(213_000)}x`;
    const r = parseTimestamp(long, 'UTC');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem).toBe(
        `not a date-time: ${long.length} characters, at most ${MAX_TIMESTAMP_CHARS} (got '2026-03-02T08:00${' '.repeat(64)}…')`,
      );
    }
  });

  it('rejects every text longer than MAX_TIMESTAMP_CHARS whatever it holds (bounded work per field)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: MAX_TIMESTAMP_CHARS + 1, maxLength: 400 }), (text) => {
        const r = parseTimestamp(text, 'UTC');
        return !r.ok && r.problem.startsWith(`not a date-time: ${text.length} characters`);
      }),
    );
  });

  it('still reads an ISO time padded with spaces, with a space before the offset', () => {
    expect(parseTimestamp('  2003-05-05T07:00:00 Z  ', 'UTC')).toEqual({
      ok: true,
      epochMs: Date.UTC(2003, 4, 5, 7),
    });
  });

  it('reads spreadsheet dates day first or month first when told, as local times in the zone', () => {
    expect(parseTimestamp('05/04/2003 07:00', 'UTC', { dateFormat: 'dmy' })).toEqual({
      ok: true,
      epochMs: Date.UTC(2003, 3, 5, 7),
    });
    expect(parseTimestamp('04/05/2003 07:00:30', 'America/New_York', { dateFormat: 'mdy' })).toEqual({
      ok: true,
      epochMs: Date.UTC(2003, 3, 5, 12, 0, 30), // EST: DST began on 6 April 2003
    });
    expect(parseTimestamp('5.4.2003 7:00', 'UTC', { dateFormat: 'dmy' })).toEqual({
      ok: true,
      epochMs: Date.UTC(2003, 3, 5, 7),
    });
    expect(parseTimestamp('13/04/2003 07:00', 'UTC', { dateFormat: 'mdy' })).toEqual({
      ok: false,
      problem: "not a real date-time (got '13/04/2003 07:00')",
    });
    expect(parseTimestamp('05/04/2003 07:00', 'UTC').ok).toBe(false);
    expect(parseTimestamp('2003-04-05T07:00', 'UTC', { dateFormat: 'dmy' }).ok).toBe(true);
  });

  it('slashedDate gives the parts that settle the date order', () => {
    expect(slashedDate('13/03/2026 08:00')).toEqual({ first: 13, second: 3, year: 2026 });
    expect(slashedDate('2026-03-13T08:00')).toBeUndefined();
  });
});
