import { describe, expect, it } from 'vitest';
import { shrinkageByInterval } from '../../src/staffing/shrinkage.js';

describe('shrinkageByInterval', () => {
  it('applies the first rule matching the local weekday and time, else the default', () => {
    const table = {
      default: 0.3,
      rules: [
        { weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '10:00', shrinkage: 0.4 },
        { weekdays: [6, 0], shrinkage: 0.1 },
      ],
    };
    // New York in summer is UTC-4: 12:00 UTC = 08:00 local
    const starts = Float64Array.of(
      Date.UTC(2024, 6, 1, 12), // Mon 08:00 local -> 0.4
      Date.UTC(2024, 6, 1, 14), // Mon 10:00 local -> default
      Date.UTC(2024, 6, 6, 12), // Sat -> 0.1
      Date.UTC(2024, 6, 8, 3, 30), // Sun 23:30 local (Mon UTC) -> 0.1
    );
    expect([...shrinkageByInterval(table, starts, 'America/New_York')]).toEqual([0.4, 0.3, 0.1, 0.1]);
  });

  it('reads local time across a DST change from the zone data', () => {
    // Europe/Madrid springs forward on 31 March 2024: 07:00 UTC is 09:00 local after, 08:00 before
    const table = { default: 0, rules: [{ from: '09:00', to: '10:00', shrinkage: 0.5 }] };
    const starts = Float64Array.of(Date.UTC(2024, 2, 30, 8), Date.UTC(2024, 2, 31, 7));
    expect([...shrinkageByInterval(table, starts, 'Europe/Madrid')]).toEqual([0.5, 0.5]);
  });

  it('rejects a shrinkage of 1 and a malformed time with messages naming the field', () => {
    expect(() => shrinkageByInterval(1, Float64Array.of(0), 'UTC')).toThrow(
      'shrinkageByInterval: shrinkage must be a fraction in [0, 1) (got 1)',
    );
    expect(() =>
      shrinkageByInterval(
        { default: 0.2, rules: [{ from: '9:00', shrinkage: 0.1 }] },
        Float64Array.of(0),
        'UTC',
      ),
    ).toThrow(
      "shrinkageByInterval: shrinkage.rules[0].from must be a local time 'HH:MM' between 00:00 and 24:00 (got 9:00)",
    );
  });
});
