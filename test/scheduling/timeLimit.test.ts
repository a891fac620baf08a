import { describe, expect, it } from 'vitest';
import { scheduleShifts } from '../../src/scheduling/scheduleShifts.js';

describe('scheduleShifts time limit', () => {
  it('stops a week-long explicit-break MIP at the wall-clock limit and returns a schedule no worse than greedy', async () => {
    const required: number[] = [];
    for (let d = 0; d < 7; d++)
      for (let q = 0; q < 96; q++) {
        const h = q / 4;
        const shape = Math.exp(-((h - 11) ** 2) / 8) + 0.8 * Math.exp(-((h - 15.5) ** 2) / 10);
        required.push(
          h >= 7 && h < 22 ? Math.round(3 + 25 * shape * (d < 5 ? 1 : 0.6) + ((d * 7 + q) % 3)) : 0,
        );
      }
    const brk = { name: 'break', durationMinutes: 15, earliestStartMinutes: 90, latestStartMinutes: 150 };
    const lunch = { name: 'lunch', durationMinutes: 30, earliestStartMinutes: 210, latestStartMinutes: 300 };
    const t0 = performance.now();
    const s = await scheduleShifts(
      { intervalMinutes: 15, required },
      {
        openingHours: Object.fromEntries(
          ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
            d,
            [{ open: '07:00', close: '22:00' }],
          ]),
        ),
        breakMethod: 'explicit',
        shiftTypes: [
          {
            name: 'full',
            earliestStart: '07:00',
            latestStart: '14:00',
            lengthsMinutes: [480, 540],
            breaks: [brk, lunch],
          },
          {
            name: 'part',
            earliestStart: '07:00',
            latestStart: '18:00',
            lengthsMinutes: [240],
            breaks: [brk],
            maxShare: 0.3,
          },
        ],
      },
      { timeLimitSeconds: 1, relativeGap: 0 },
    );
    const seconds = (performance.now() - t0) / 1000;
    // 1 s for HiGHS, at most 2 s more before the worker is killed, plus model building
    expect(seconds).toBeLessThan(20);
    expect(s.solverSeconds).toBeLessThan(3.5);
    expect(s.candidates).toBeGreaterThan(5000);
    expect(s.objective).toBeLessThanOrEqual((s.greedyObjective ?? Number.POSITIVE_INFINITY) + 1e-9);
    if (s.bestBound !== null) expect(s.bestBound).toBeLessThanOrEqual(s.objective + 1e-9);
  });
});
