import { describe, expect, it } from 'vitest';
import { parseShiftRules } from '../../src/schemas/shiftRules.js';

const day = { name: 'day', earliestStart: '08:00', latestStart: '10:00' };

describe('parseShiftRules', () => {
  it('rejects a break that cannot fit its shift, naming the break by its rules path', () => {
    expect(() =>
      parseShiftRules(
        {
          shiftTypes: [
            { ...day, lengthsMinutes: [480] },
            {
              ...day,
              name: 'short',
              lengthsMinutes: [240, 480],
              breaks: [
                { name: 'lunch', durationMinutes: 30, earliestStartMinutes: 240, latestStartMinutes: 300 },
              ],
            },
          ],
        },
        'rules.json',
      ),
    ).toThrow(
      'rules.json: shiftTypes[1].breaks[0]: lunch of 30 min starting 240..300 min after the shift start does not fit in a shift of 240 min',
    );
  });

  it('rejects tour hours no shift type and length can reach', () => {
    expect(() =>
      parseShiftRules(
        {
          shiftTypes: [{ ...day, lengthsMinutes: [480] }],
          tours: { minShiftsPerWeek: 4, maxShiftsPerWeek: 5, minPaidHoursPerWeek: 45 },
        },
        'rules.json',
      ),
    ).toThrow(
      'rules.json: tours: no shift type and length gives 45-any paid hours a week in 4-5 shifts (day 480 min: 32-40 h)',
    );
    expect(() =>
      parseShiftRules(
        {
          shiftTypes: [{ ...day, lengthsMinutes: [480] }],
          tours: { minPaidHoursPerWeek: 40, maxPaidHoursPerWeek: 30 },
        },
        'rules.json',
      ),
    ).toThrow('rules.json: tours: minPaidHoursPerWeek must be <= maxPaidHoursPerWeek');
  });

  it('rejects a shift longer than a week', () => {
    expect(() =>
      parseShiftRules({ shiftTypes: [{ ...day, lengthsMinutes: [480, 10095] }] }, 'rules.json'),
    ).toThrow(
      'rules.json: shiftTypes[0].lengthsMinutes[1]: a shift of 10095 min is longer than a week (10080 min)',
    );
  });

  it('accepts breaks that fit every length and reachable tour hours', () => {
    const r = parseShiftRules({
      shiftTypes: [
        {
          ...day,
          lengthsMinutes: [480, 510],
          breaks: [
            { durationMinutes: 30, earliestStartMinutes: -240, latestStartMinutes: -120, relativeTo: 'end' },
          ],
        },
      ],
      tours: { minPaidHoursPerWeek: 37.5, maxPaidHoursPerWeek: 40 },
    });
    expect(r.shiftTypes[0]?.fixedDuration).toBe(false);
    expect(r.coverage.shiftsOutsideOpeningHours).toBe(false);
  });
});
