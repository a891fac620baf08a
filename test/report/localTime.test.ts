import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateKey, localParts, wallClockAsUtc } from '../../src/report/localTime.js';

/** Independent oracle: the local fields as Intl formats them. */
function intlParts(ms: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday'));
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    weekday,
    minuteOfDay: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

describe('localParts', () => {
  it('reads 06:30 UTC on 1 Feb 1999 as Monday 08:30 in Jerusalem', () => {
    expect(localParts(Date.UTC(1999, 1, 1, 6, 30), 'Asia/Jerusalem')).toEqual({
      year: 1999,
      month: 2,
      day: 1,
      weekday: 0,
      minuteOfDay: 510,
    });
  });

  it('follows the DST shift: 07:00 UTC is 03:00 before and 03:00 after the New York spring-forward', () => {
    expect(localParts(Date.UTC(2021, 2, 14, 6, 0), 'America/New_York').minuteOfDay).toBe(60); // 01:00 EST
    expect(localParts(Date.UTC(2021, 2, 14, 7, 0), 'America/New_York').minuteOfDay).toBe(180); // 03:00 EDT
  });

  it('agrees with Intl.DateTimeFormat for any instant in several zones', () => {
    const zones = [
      'UTC',
      'Asia/Jerusalem',
      'America/New_York',
      'Europe/Madrid',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, tz) => {
          expect(localParts(ms, tz)).toEqual(intlParts(ms, tz));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('wallClockAsUtc and localDateKey', () => {
  it('encode the local clock as UTC and give the local date', () => {
    expect(wallClockAsUtc(Date.UTC(1999, 1, 1, 6, 30), 'Asia/Jerusalem')).toBe(Date.UTC(1999, 1, 1, 8, 30));
    expect(localDateKey(Date.UTC(1999, 1, 1, 23, 0), 'Asia/Jerusalem')).toBe('1999-02-02');
    expect(localDateKey(Date.UTC(1999, 1, 1, 23, 0), 'UTC')).toBe('1999-02-01');
  });
});
