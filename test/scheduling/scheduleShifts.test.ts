import { describe, expect, it } from 'vitest';
import { StaffcastError } from '../../src/errors.js';
import { scheduleShifts } from '../../src/scheduling/scheduleShifts.js';
import type { ShiftRulesInput } from '../../src/schemas/shiftRules.js';

describe('scheduleShifts', () => {
  it('covers a 4-hour block exactly with two 4-hour shifts and proves it optimal', async () => {
    const s = await scheduleShifts(
      { intervalMinutes: 60, required: [0, 0, 2, 2, 2, 2, 0, 0] },
      {
        shiftTypes: [
          {
            name: 'd',
            earliestStart: '00:00',
            latestStart: '04:00',
            startStepMinutes: 60,
            lengthsMinutes: [240],
          },
        ],
      },
    );
    expect(s.status).toBe('optimal');
    expect(s.shifts).toHaveLength(1);
    expect(s.shifts[0]).toMatchObject({
      type: 'd',
      day: 'mon',
      startTime: '02:00',
      endTime: '06:00',
      count: 2,
    });
    expect(s.objective).toBeCloseTo(8, 9); // 2 shifts * 4 paid hours * cost 1
    expect(s.gap).toBe(0);
    expect(s.efficiency).toEqual({ coverage: 1, utilisation: 1, intervalEfficiency: 1, withinTenPercent: 1 });
    expect(Array.from(s.coverage.net)).toEqual([0, 0, 2, 2, 2, 2, 0, 0]);
  });

  it('charges the under-coverage penalty instead of failing when a cap is below the peak', async () => {
    const s = await scheduleShifts(
      { intervalMinutes: 60, required: [3, 3, 3, 3] },
      {
        shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '00:00', lengthsMinutes: [240] }],
        caps: { maxAgentsPerInterval: 2 },
      },
    );
    expect(s.shifts[0]?.count).toBe(2);
    expect(s.underAgentIntervals).toBe(4);
    expect(s.objective).toBeCloseTo(8 + 4 * 100, 9);
    expect(s.efficiency.coverage).toBeCloseTo(8 / 12, 12);
  });

  it('throws INFEASIBLE naming caps.maxAgentsPerInterval and the interval when under-coverage is forbidden', async () => {
    const run = scheduleShifts(
      { intervalMinutes: 60, required: [1, 3, 1, 1] },
      {
        shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '00:00', lengthsMinutes: [240] }],
        caps: { maxAgentsPerInterval: 2 },
        coverage: { allowUnderCoverage: false },
      },
    );
    await expect(run).rejects.toThrow(/caps\.maxAgentsPerInterval \(2\).*interval 1 \(mon 01:00\)/);
    await expect(run).rejects.toMatchObject({ code: 'INFEASIBLE' });
  });

  it('throws INFEASIBLE naming the interval no shift type can cover', async () => {
    const run = scheduleShifts(
      { intervalMinutes: 60, required: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1] },
      {
        shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '02:00', lengthsMinutes: [240] }],
        coverage: { allowUnderCoverage: false },
      },
    );
    await expect(run).rejects.toThrow(/no shift type can cover interval 10 \(mon 10:00\)/);
  });

  it('never starts or runs a shift while the centre is closed', async () => {
    const required = new Array(24).fill(2);
    const s = await scheduleShifts(
      { intervalMinutes: 60, required },
      {
        shiftTypes: [
          {
            name: 'd',
            earliestStart: '00:00',
            latestStart: '20:00',
            startStepMinutes: 60,
            lengthsMinutes: [240],
          },
        ],
        openingHours: { mon: [{ open: '08:00', close: '16:00' }] },
      },
    );
    for (let t = 0; t < 24; t++) if (t < 8 || t >= 16) expect(s.coverage.scheduled[t]).toBe(0);
    expect(Array.from(s.coverage.net.slice(8, 16))).toEqual(new Array(8).fill(2));
  });

  it('lets a night shift run past the end of a cyclic week into its first intervals', async () => {
    const required = new Array(7 * 24).fill(0);
    required[7 * 24 - 1] = 1; // Sunday 23:00
    required[0] = 1; // Monday 00:00
    required[1] = 1;
    const s = await scheduleShifts(
      { intervalMinutes: 60, required },
      {
        cyclicWeek: true,
        shiftTypes: [
          {
            name: 'night',
            days: ['sun'],
            earliestStart: '23:00',
            latestStart: '23:00',
            lengthsMinutes: [180],
          },
        ],
      },
    );
    expect(s.shifts).toHaveLength(1);
    expect(s.shifts[0]).toMatchObject({ day: 'sun', startTime: '23:00', endTime: '02:00', count: 1 });
    expect(s.underAgentIntervals).toBe(0);
  });

  it('places breaks inside their windows (explicit columns, implicit break counts and afterwards) at the least-cost schedule', async () => {
    // 8-hour shift from 00:00; demand dips at 04:00, so the 1-hour lunch (window 3:00-5:00 after start) goes there
    const required = [2, 2, 2, 2, 1, 2, 2, 2];
    const rules: ShiftRulesInput = {
      shiftTypes: [
        {
          name: 'd',
          earliestStart: '00:00',
          latestStart: '00:00',
          lengthsMinutes: [480],
          breaks: [
            { name: 'lunch', durationMinutes: 60, earliestStartMinutes: 180, latestStartMinutes: 300 },
          ],
        },
      ],
      coverage: { underPenaltyPerAgentInterval: 100, overPenaltyPerAgentInterval: 1 },
    };
    for (const breakMethod of ['explicit', 'implicit', 'afterwards'] as const) {
      const s = await scheduleShifts({ intervalMinutes: 60, required }, { ...rules, breakMethod });
      expect(s.breakMethod).toBe(breakMethod);
      const total = s.shifts.reduce((a, b) => a + b.count, 0);
      expect(total).toBe(3);
      expect(s.shifts.flatMap((sh) => sh.breaks).length).toBeGreaterThan(0);
      for (const sh of s.shifts)
        for (const b of sh.breaks) expect(['03:00', '04:00', '05:00']).toContain(b.startTime);
      // 3 agents, one lunch in each of 3 hours (or two in the 04:00 dip): over-coverage 6 agent-hours,
      // cost 3 * 7 paid hours (unpaid lunch) + 6 * 1
      expect(s.objective).toBeCloseTo(27, 9);
      expect(s.coverage.onBreak.reduce((a, b) => a + b, 0)).toBe(3);
      expect(s.underAgentIntervals).toBe(0);
    }
  });

  it('keeps part-time shifts within their maximum share', async () => {
    const required = [1, 1, 1, 1, 3, 3, 3, 3, 1, 1, 1, 1];
    const s = await scheduleShifts(
      { intervalMinutes: 60, required },
      {
        shiftTypes: [
          {
            name: 'full',
            earliestStart: '00:00',
            latestStart: '04:00',
            startStepMinutes: 60,
            lengthsMinutes: [480],
          },
          {
            name: 'part',
            earliestStart: '00:00',
            latestStart: '08:00',
            startStepMinutes: 60,
            lengthsMinutes: [240],
            maxShare: 0.25,
          },
        ],
      },
    );
    const part = s.shifts.filter((x) => x.type === 'part').reduce((a, b) => a + b.count, 0);
    const all = s.shifts.reduce((a, b) => a + b.count, 0);
    expect(part).toBeLessThanOrEqual(0.25 * all + 1e-9);
  });

  it('returns the greedy schedule with status heuristic when the solver is off', async () => {
    const s = await scheduleShifts(
      { intervalMinutes: 60, required: [0, 1, 2, 2, 1, 0] },
      {
        shiftTypes: [
          {
            name: 'd',
            earliestStart: '00:00',
            latestStart: '03:00',
            startStepMinutes: 60,
            lengthsMinutes: [120, 180],
          },
        ],
      },
      { useSolver: false },
    );
    expect(s.status).toBe('heuristic');
    expect(s.bestBound).toBeNull();
    expect(s.objective).toBeCloseTo(s.greedyObjective ?? Number.NaN, 9);
  });

  it('rejects unknown keys in the rules with CONFIG naming the path', async () => {
    const run = scheduleShifts({ intervalMinutes: 60, required: [1] }, {
      shiftTypes: [
        { name: 'd', earliestStart: '00:00', latestStart: '00:00', lengthsMinutes: [60], colour: 'red' },
      ],
    } as unknown as ShiftRulesInput);
    await expect(run).rejects.toThrow(StaffcastError);
    await expect(run).rejects.toThrow(/shiftTypes\[0\]: unknown key "colour" \(known keys: name, days, /);
  });

  it('writes the infeasible interval as local time with the offset of the requirement zone', async () => {
    // 08:00 Madrid on Monday 16 March 2026 is 07:00 UTC (CET, +01:00)
    const start = Date.UTC(2026, 2, 16, 7);
    const run = scheduleShifts(
      {
        intervalMinutes: 60,
        required: [1, 3],
        starts: Float64Array.of(start, start + 3_600_000),
        timeZone: 'Europe/Madrid',
      },
      {
        shiftTypes: [{ name: 'd', earliestStart: '08:00', latestStart: '08:00', lengthsMinutes: [120] }],
        caps: { maxAgentsPerInterval: 2 },
        coverage: { allowUnderCoverage: false },
      },
    );
    await expect(run).rejects.toThrow(
      'scheduleShifts: caps.maxAgentsPerInterval (2) is below the 3 agents required in interval 2026-03-16T09:00:00+01:00 (mon 09:00) and coverage.allowUnderCoverage is false',
    );
  });

  it('names a shift type by its index in brackets when its length misses the interval grid', async () => {
    await expect(
      scheduleShifts(
        { intervalMinutes: 60, required: [1, 1] },
        {
          shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '00:00', lengthsMinutes: [90] }],
        },
      ),
    ).rejects.toThrow('rules: shiftTypes[0] (d): length 90 min is not a multiple of the 60-minute interval');
  });

  it('rejects a shift length that is not a multiple of the interval', async () => {
    await expect(
      scheduleShifts(
        { intervalMinutes: 60, required: [1, 1] },
        {
          shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '00:00', lengthsMinutes: [90] }],
        },
      ),
    ).rejects.toMatchObject({ code: 'CONFIG' });
  });

  it('builds weekly tours of 5 shifts with two consecutive days off and reports their counts', async () => {
    const required: number[] = [];
    for (let d = 0; d < 7; d++)
      for (let h = 0; h < 24; h++) required.push(h >= 8 && h < 16 ? (d < 5 ? 4 : 2) : 0);
    const s = await scheduleShifts(
      { intervalMinutes: 60, required },
      {
        cyclicWeek: true,
        shiftTypes: [{ name: 'd', earliestStart: '08:00', latestStart: '08:00', lengthsMinutes: [480] }],
        tours: { minShiftsPerWeek: 5, maxShiftsPerWeek: 5, consecutiveDaysOff: true },
      },
    );
    expect(s.status).toBe('optimal');
    const tours = s.tours ?? [];
    const totalTours = tours.reduce((a, t) => a + t.count, 0);
    const totalShifts = s.shifts.reduce((a, b) => a + b.count, 0);
    expect(totalShifts).toBe(tours.reduce((a, t) => a + t.count * t.workDays.length, 0));
    // 24 shifts of demand need at least 5 tours of 5 days (25 shifts), so one day is over-covered
    expect(totalTours).toBe(5);
    const order = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    for (const t of tours) {
      expect(t.workDays).toHaveLength(5);
      expect(t.paidHoursPerWeek).toBe(40);
      const off = order.map((d) => !t.workDays.includes(d as never));
      const blocks = off.filter((o, i) => o && !off[(i + 6) % 7]).length;
      expect(blocks).toBe(1);
    }
  });
});
