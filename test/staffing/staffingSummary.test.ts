import { describe, expect, it } from 'vitest';
import { staffingSummary } from '../../src/staffing/staffingSummary.js';

describe('staffingSummary', () => {
  it('sums agent-hours per local day and Monday week, FTE at 40 paid hours, peak and worst interval', () => {
    // Madrid (UTC+1 in January): 23:30 UTC on Sunday 7 Jan is 00:30 local on Monday 8 Jan
    const starts = Float64Array.of(
      Date.UTC(2024, 0, 7, 8),
      Date.UTC(2024, 0, 7, 23, 30),
      Date.UTC(2024, 0, 8, 8),
    );
    const s = staffingSummary(starts, Float64Array.of(4, 2, 6), {
      timeZone: 'Europe/Madrid',
      intervalMinutes: 30,
      serviceLevel: [0.9, 0.7, 0.85],
    });
    expect(s.agentHours).toBe(6);
    expect(s.days.map((d) => [d.start, d.agentHours])).toEqual([
      ['2024-01-07', 2],
      ['2024-01-08', 4],
    ]);
    expect(s.weeks.map((w) => [w.start, w.agentHours])).toEqual([
      ['2024-01-01', 2],
      ['2024-01-08', 4],
    ]);
    expect(s.fte).toBeCloseTo(((6 / 2) * 7) / 40, 12);
    expect(s.peakAgents).toBe(6);
    expect(s.peakStart).toBe(Date.UTC(2024, 0, 8, 8));
    expect(s.worstServiceLevel).toBe(0.7);
    expect(s.worstStart).toBe(Date.UTC(2024, 0, 7, 23, 30));
  });

  it('uses the paid hours given for FTE', () => {
    const s = staffingSummary([0], [10], { timeZone: 'UTC', intervalMinutes: 60, paidHoursPerWeek: 35 });
    expect(s.fte).toBe(2);
    expect(s.days[0]!.fte).toBe(2);
  });

  it('rejects negative agents naming the interval', () => {
    expect(() => staffingSummary([0], [-1], { timeZone: 'UTC', intervalMinutes: 60 })).toThrow(
      'staffingSummary: agents[0] must be a finite number >= 0 (got -1)',
    );
  });
});
