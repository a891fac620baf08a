import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveLocalTime } from '../../src/time/resolveLocalTime.js';
import { assertTimeZone, zoneOffsetMinutes } from '../../src/time/zoneOffset.js';

describe('resolveLocalTime', () => {
  it('finds the spring-forward gap and when the clock jumped (New York 2003-04-06 02:30)', () => {
    expect(resolveLocalTime(Date.UTC(2003, 3, 6, 2, 30), 'America/New_York')).toEqual({
      kind: 'gap',
      transitionMs: Date.UTC(2003, 3, 6, 7),
    });
  });

  it('finds both instants of a fall-back time (New York 2003-10-26 01:30)', () => {
    expect(resolveLocalTime(Date.UTC(2003, 9, 26, 1, 30), 'America/New_York')).toEqual({
      kind: 'ambiguous',
      earlierMs: Date.UTC(2003, 9, 26, 5, 30),
      laterMs: Date.UTC(2003, 9, 26, 6, 30),
    });
  });

  it('resolves an ordinary time to the one instant, in zones with half- and quarter-hour offsets', () => {
    expect(resolveLocalTime(Date.UTC(2003, 4, 5, 7), 'America/New_York')).toEqual({
      kind: 'unique',
      epochMs: Date.UTC(2003, 4, 5, 11),
    });
    expect(resolveLocalTime(Date.UTC(2024, 0, 1, 12), 'Asia/Kolkata')).toEqual({
      kind: 'unique',
      epochMs: Date.UTC(2024, 0, 1, 6, 30),
    });
    expect(resolveLocalTime(Date.UTC(2024, 0, 1, 12), 'Asia/Kathmandu')).toEqual({
      kind: 'unique',
      epochMs: Date.UTC(2024, 0, 1, 6, 15),
    });
  });

  it('agrees with TZDate wherever the wall-clock time is unique (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(
          'Europe/Madrid',
          'America/New_York',
          'Asia/Jerusalem',
          'Australia/Sydney',
          'America/Sao_Paulo',
        ),
        (instant, zone) => {
          const t = Math.floor(instant / 60_000) * 60_000;
          const d = new TZDate(t, zone);
          const wall = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes());
          const r = resolveLocalTime(wall, zone);
          if (r.kind === 'unique') expect(r.epochMs).toBe(t);
          else if (r.kind === 'ambiguous') expect([r.earlierMs, r.laterMs]).toContain(t);
          else throw new Error("an instant's own wall-clock time cannot be in a gap");
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('zoneOffsetMinutes and assertTimeZone', () => {
  it('gives the offset of New York in summer and winter 2003', () => {
    expect(zoneOffsetMinutes('America/New_York', Date.UTC(2003, 4, 5, 11))).toBe(-240);
    expect(zoneOffsetMinutes('America/New_York', Date.UTC(2003, 0, 5, 11))).toBe(-300);
    // the changeover instant itself: 07:00Z on 2003-04-06 is already EDT, a ms before is EST
    expect(zoneOffsetMinutes('America/New_York', Date.UTC(2003, 3, 6, 7))).toBe(-240);
    expect(zoneOffsetMinutes('America/New_York', Date.UTC(2003, 3, 6, 7) - 1)).toBe(-300);
  });

  it('rejects a name that is not a zone', () => {
    expect(() => assertTimeZone('f', 'Nowhere/Town')).toThrow(
      'f: timeZone must be an IANA time-zone name such as Europe/Madrid (got Nowhere/Town)',
    );
    expect(assertTimeZone('f', 'UTC')).toBe('UTC');
  });
});
