import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/io/parseTimestamp.js';

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
});
