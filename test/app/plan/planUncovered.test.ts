import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { planFileContents } from '../../../src/app/plan/planOutputs.js';
import { planReportInput } from '../../../src/app/plan/reportInput.js';
import { type PlanResult, plan } from '../../../src/app/plan.js';
import type { Weekday } from '../../../src/schemas/shiftRules.js';
import { localMinuteOfDay } from '../../../src/time/localCalendar.js';

const baseDir = fileURLToPath(new URL('../../fixtures/plan/', import.meta.url));
const TZ = 'America/New_York';
const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const open = Object.fromEntries(weekdays.map((d) => [d, [{ open: '07:00', close: '21:00' }]]));

// the centre opens at 07:00 but no shift may start before 09:00: 07:00-09:00 has nobody every day
const config = {
  history: { file: 'bank_3weeks_5min.csv', timeZone: TZ },
  outputIntervalMinutes: 30,
  horizonDays: 7,
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  ahtSeconds: 300,
  patienceSeconds: 180,
  shrinkage: 0.3,
  rules: {
    shiftTypes: [
      {
        name: 'full-time',
        days: weekdays,
        earliestStart: '09:00',
        latestStart: '13:00',
        startStepMinutes: 30,
        lengthsMinutes: [480],
        breaks: [{ name: 'lunch', durationMinutes: 30, earliestStartMinutes: 180, latestStartMinutes: 300 }],
      },
    ],
    openingHours: open,
  },
  schedule: { timeLimitSeconds: 30 },
};

describe('plan: uncovered intervals', () => {
  let result: PlanResult;
  beforeAll(async () => {
    result = await plan(config, { baseDir });
  }, 120_000);

  it('counts and merges the intervals the schedule leaves uncovered, in summary.json with local times', () => {
    const cov = result.schedule.coverage;
    const starts = result.requirement.starts;
    let none = 0;
    let short = 0;
    for (let t = 0; t < starts.length; t++) {
      if (!(cov.required[t]! > 0)) continue;
      if (cov.net[t] === 0) none++;
      else if (cov.net[t]! < cov.required[t]!) short++;
    }
    const u = result.summary.uncovered;
    expect([u.noAgentIntervals, u.underCoveredIntervals]).toEqual([none, short]);
    // every morning 07:00-09:00 has nobody (4 half-hours x 5 weekdays)
    const early = Array.from(starts).filter((s) => localMinuteOfDay(s, TZ) < 9 * 60).length;
    expect(early).toBe(20);
    expect(none).toBeGreaterThanOrEqual(20);
    const mornings = u.ranges.filter((r) => r.kind === 'none' && r.start.slice(11, 16) === '07:00');
    expect(mornings.map((r) => [r.start, r.end, r.intervals])).toEqual([
      ['2003-03-24T07:00:00-05:00', '2003-03-24T09:00:00-05:00', 4],
      ['2003-03-25T07:00:00-05:00', '2003-03-25T09:00:00-05:00', 4],
      ['2003-03-26T07:00:00-05:00', '2003-03-26T09:00:00-05:00', 4],
      ['2003-03-27T07:00:00-05:00', '2003-03-27T09:00:00-05:00', 4],
      ['2003-03-28T07:00:00-05:00', '2003-03-28T09:00:00-05:00', 4],
    ]);
    // and 21:00-21:30, after the last shift ends (open in the forecast, closed in the rules)
    expect(u.lines[0]).toMatch(
      new RegExp(
        `^${none} intervals with no agents: 24 Mar 07:00-09:00, 24 Mar 21:00-21:30, 25 Mar 07:00-09:00, `,
      ),
    );
    const json = JSON.parse(planFileContents(result, '')['summary.json']).summary;
    expect(json.uncovered).toEqual(u);
  });

  it('puts the uncovered intervals, the peak, paid hours and the shifts into the report input', () => {
    const input = planReportInput(result, { generatedAt: 0 });
    const s = input.summary;
    expect(s.noAgentIntervals).toBe(result.summary.uncovered.noAgentIntervals);
    expect(s.underCoveredIntervals).toBe(result.summary.uncovered.underCoveredIntervals);
    expect(input.notes).toContain(
      `${result.summary.uncovered.lines[0]} (agents to schedule vs agents on shift and not on break).`,
    );
    expect(s.paidHours).toBe(result.summary.paidHours);
    const req = result.requirement;
    const t = req.agents.indexOf(Math.max(...req.agents));
    expect(s.peak).toEqual({
      start: req.starts[t],
      requiredAgents: req.agents[t],
      onPhoneAgents: result.effectiveAgents[t],
      onShiftHeadcount: result.schedule.coverage.scheduled[t],
    });
    const shifts = input.shifts ?? [];
    expect(shifts.reduce((a, x) => a + x.count, 0)).toBe(
      result.schedule.shifts.reduce((a, x) => a + x.count, 0),
    );
    expect(shifts.reduce((a, x) => a + (x.count * x.paidMinutes) / 60, 0)).toBeCloseTo(
      result.summary.paidHours,
      9,
    );
    expect(new Set(shifts.map((x) => x.date))).toEqual(
      new Set(['2003-03-24', '2003-03-25', '2003-03-26', '2003-03-27', '2003-03-28']),
    );
  });
});
