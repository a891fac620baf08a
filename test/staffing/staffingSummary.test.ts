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
    // two local dates -> a 7-day horizon (Sun 7 to Sat 13 Jan): 6 h a week / 40
    expect(s.horizonDays).toBe(7);
    expect(s.fte).toBeCloseTo(6 / 40, 12);
    // a day: its hours x 7 / 40; a week: its hours per its days inside the horizon
    expect(s.days.map((d) => d.fte)).toEqual([(2 * 7) / 40, (4 * 7) / 40]);
    expect(s.weeks[0]!.fte).toBeCloseTo((2 * 7) / 1 / 40, 12);
    expect(s.weeks[1]!.fte).toBeCloseTo((4 * 7) / 6 / 40, 12);
    expect(s.peakAgents).toBe(6);
    expect(s.peakStart).toBe(Date.UTC(2024, 0, 8, 8));
    expect(s.worstServiceLevel).toBe(0.7);
    expect(s.worstStart).toBe(Date.UTC(2024, 0, 7, 23, 30));
  });

  it('uses the paid hours given for FTE', () => {
    const s = staffingSummary([0], [10], { timeZone: 'UTC', intervalMinutes: 60, paidHoursPerWeek: 35 });
    expect(s.fte).toBe(10 / 35);
    expect(s.days[0]!.fte).toBe(2);
  });

  it('counts FTE over the calendar days of the horizon, closed days included (fteOf)', () => {
    // Monday to Friday, 10 agents for one hour a day, a centre closed at the weekend
    const starts = [0, 1, 2, 3, 4].map((d) => Date.UTC(2024, 0, 8 + d, 9));
    const s = staffingSummary(starts, [10, 10, 10, 10, 10], { timeZone: 'UTC', intervalMinutes: 60 });
    expect(s.horizonDays).toBe(7);
    expect(s.fte).toBe(50 / 40); // not 50 x 7 / 5 / 40 (the five open dates as if a week)
    expect(s.weeks[0]!.fte).toBe(50 / 40);
    const two = staffingSummary(starts, [10, 10, 10, 10, 10], {
      timeZone: 'UTC',
      intervalMinutes: 60,
      horizonDays: 14,
    });
    expect(two.fte).toBe(25 / 40);
  });

  it('counts FTE from the scheduled agents (after shrinkage) when given, agent-hours from agents', () => {
    const s = staffingSummary([0, 3_600_000], [7, 7], {
      timeZone: 'UTC',
      intervalMinutes: 60,
      scheduledAgents: [10, 10],
    });
    expect(s.agentHours).toBe(14);
    expect(s.scheduledAgentHours).toBe(20);
    expect(s.fte).toBe(20 / 40);
    expect(s.days[0]!.fte).toBe((20 * 7) / 40);
  });

  it('rejects a horizon shorter than the dates spanned', () => {
    expect(() =>
      staffingSummary([0, 86_400_000], [1, 1], { timeZone: 'UTC', intervalMinutes: 60, horizonDays: 1 }),
    ).toThrow('staffingSummary: horizonDays must cover the 2 local dates of the intervals (got 1)');
  });

  it('rejects negative agents naming the interval', () => {
    expect(() => staffingSummary([0], [-1], { timeZone: 'UTC', intervalMinutes: 60 })).toThrow(
      'staffingSummary: agents[0] must be a finite number >= 0 (got -1)',
    );
  });
});
