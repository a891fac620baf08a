import fc from 'fast-check';
import type { Agent, RosterShift } from '../../src/rostering/types.js';
import { agent, CONTRACT, seat } from './fixtures.js';

/** Monday 1 January 2024, 00:00 UTC: the horizon start of the random instances. */
export const MONDAY = Date.UTC(2024, 0, 1);

/** Small random teams: minimum hours and days, weekly maxima, preferences, a soft wish, two skills. */
export const arbTeam = fc
  .array(
    fc.record({
      minHours: fc.constantFrom(0, 8, 16, 24),
      maxDays: fc.integer({ min: 1, max: 5 }),
      maxConsecutive: fc.integer({ min: 1, max: 5 }),
      minDays: fc.integer({ min: 0, max: 3 }),
      skills: fc.subarray(['sales', 'stocks'], { minLength: 1 }),
      preference: fc.option(fc.constantFrom('early' as const, 'late' as const)),
      wishDay: fc.option(fc.integer({ min: 0, max: 13 })),
      seniority: fc.integer({ min: 0, max: 3 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((list) =>
    list.map(
      (r, i): Agent =>
        agent(`ag${i}`, {
          contract: {
            ...CONTRACT,
            minHoursPerWeek: Math.min(r.minHours, 8 * r.maxDays),
            maxHoursPerWeek: 8 * r.maxDays,
            maxDaysPerWeek: r.maxDays,
            minDaysPerWeek: Math.min(r.minDays, r.maxDays),
            maxConsecutiveDays: r.maxConsecutive,
          },
          skills: r.skills,
          shiftPreferences: r.preference === null ? [] : [{ kind: r.preference, weight: 1 }],
          timeOff:
            r.wishDay === null
              ? []
              : [
                  {
                    kind: 'soft',
                    startMs: MONDAY + r.wishDay * 86_400_000,
                    endMs: MONDAY + (r.wishDay + 1) * 86_400_000,
                    weight: 3,
                  },
                ],
          seniority: r.seniority,
        }),
    ),
  );

/** Two weeks of random 4- and 8-hour seats (early to night starts), each needing one of two skills. */
export const arbSeats = fc
  .array(
    fc.record({
      day: fc.integer({ min: 1, max: 14 }),
      hour: fc.constantFrom(6, 7, 8, 10, 13, 15, 21, 22),
      hours: fc.constantFrom(4, 8),
      queue: fc.constantFrom('sales', 'stocks'),
    }),
    { minLength: 1, maxLength: 20 },
  )
  .map((list) => list.map((s, i): RosterShift => seat(`s${i}`, s.day, s.hour, s.hours, { queue: s.queue })));
