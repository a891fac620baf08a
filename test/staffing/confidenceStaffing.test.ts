import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../src/forecast/types.js';
import { confidenceStaffing } from '../../src/staffing/confidenceStaffing.js';
import { staffingPlan } from '../../src/staffing/staffingPlan.js';

/** Two local days (UTC) of `perDay` half-hours from 08:00 with the given calls and day effect. */
function twoDays(calls: number[], logSd: [number, number]): Forecast {
  const starts: number[] = [];
  const values: number[] = [];
  const sd: number[] = [];
  for (let d = 0; d < 2; d++)
    calls.forEach((c, j) => {
      starts.push(Date.UTC(2024, 0, 1 + d, 8) + j * 1800e3);
      values.push(c);
      sd.push(logSd[d]!);
    });
  return {
    timeZone: 'UTC',
    intervalMinutes: 30,
    starts: Float64Array.from(starts),
    calls: Float64Array.from(values),
    dayLogSd: Float64Array.from(sd),
  };
}

const options = {
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  ahtSeconds: 240,
  patienceSeconds: 120,
};

describe('confidenceStaffing with the location and shape of the day multiplier', () => {
  const calls = [40, 120, 200, 90];
  const total = (a: Float64Array) => a.reduce((x, y) => x + y, 0);

  it('staffs fewer agents at 0.5 when the forecast runs 5 % high on a typical day', () => {
    const plain = twoDays(calls, [0.05, 0.05]);
    const biased = { ...plain, dayLogLocation: new Float64Array(8).fill(Math.log(0.95)) };
    const a = confidenceStaffing(plain, { ...options, confidence: 0.5 });
    const b = confidenceStaffing(biased, { ...options, confidence: 0.5 });
    expect(total(b.agents)).toBeLessThan(total(a.agents));
    expect(b.confidence.days[0]!.dayLogLocation).toBeCloseTo(Math.log(0.95), 12);
    expect(a.confidence.days[0]!.dayLogLocation).toBeCloseTo(-(0.05 ** 2) / 2, 12);
    // the mean plan is the same: the forecast is not corrected
    expect(b.confidence.meanAgentHours).toBe(a.confidence.meanAgentHours);
  });

  it('staffs more at 0.9 for a right-skewed day multiplier than for a normal one of the same median and scale', () => {
    const normal = { ...twoDays(calls, [0.08, 0.08]), dayLogLocation: new Float64Array(8) };
    // 20 standardised values: most just below 0, a long right tail
    const shape = Float64Array.from({ length: 20 }, (_, k) => (k < 16 ? -0.6 + 0.04 * k : 1 + (k - 15)));
    const skewed = { ...normal, dayLogShape: shape };
    const n = confidenceStaffing(normal, { ...options, confidence: 0.9 });
    const s = confidenceStaffing(skewed, { ...options, confidence: 0.9 });
    expect(total(s.agents)).toBeGreaterThan(total(n.agents));
    // each day is staffed so that its multiplier's 0.9-quantile still meets the target
    for (const d of s.confidence.days) expect(d.probability).toBeGreaterThanOrEqual(0.9);
  });

  it('names the forecast field when the location or shape does not fit the forecast', () => {
    const f = twoDays(calls, [0.05, 0.05]);
    expect(() =>
      confidenceStaffing({ ...f, dayLogLocation: new Float64Array(3) }, { ...options, confidence: 0.8 }),
    ).toThrow(/forecast\.dayLogLocation must have one value per interval \(got 3\)/);
    expect(() =>
      confidenceStaffing({ ...f, dayLogShape: Float64Array.of(1, 0) }, { ...options, confidence: 0.8 }),
    ).toThrow(/forecast\.dayLogShape\[1\] must be finite and ascending \(got 0\)/);
  });
});

describe('confidenceStaffing', () => {
  it('staffs every confidence alike with no day variance: the fewest agents whose day meets the target at the forecast', () => {
    const f = twoDays([40, 120, 200, 90], [0, 0]);
    const mean = staffingPlan(f, options);
    const plans = [0.5, 0.8, 0.99].map((confidence) => confidenceStaffing(f, { ...options, confidence }));
    for (const p of plans.slice(1)) expect(p.agents).toEqual(plans[0]!.agents);
    for (const d of plans[0]!.confidence.days) {
      expect(d.probability).toBe(1);
      expect(d.multiplier).toBeLessThanOrEqual(1);
    }
    // the day's service level at the forecast still meets 80% (the table is at the mean forecast)
    const daySl = (p: { serviceLevel: Float64Array }, from: number) => {
      let served = 0;
      let offered = 0;
      for (let i = from; i < from + 4; i++) {
        served += f.calls[i]! * p.serviceLevel[i]!;
        offered += f.calls[i]!;
      }
      return served / offered;
    };
    expect(daySl(plans[0]!, 0)).toBeGreaterThanOrEqual(0.8);
    expect(daySl(plans[0]!, 4)).toBeGreaterThanOrEqual(0.8);
    // each interval staffed to 80/20 leaves slack over the day: fewer agents than the mean plan
    const total = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect(total(plans[0]!.agents)).toBeLessThan(total(mean.agents));
  });

  it('never staffs fewer agents at a higher confidence, and never fewer than mean staffing where mean staffing falls short (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        (calls, s, c1, c2) => {
          const f = twoDays(calls, [s, s / 2]);
          const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
          const a = confidenceStaffing(f, { ...options, confidence: lo });
          const b = confidenceStaffing(f, { ...options, confidence: hi });
          const mean = staffingPlan(f, options);
          a.agents.forEach((x, i) => {
            expect(b.agents[i]).toBeGreaterThanOrEqual(x);
          });
          const perDay = calls.length;
          a.confidence.days.forEach((d, day) => {
            if (d.meanProbability >= lo) return;
            for (let i = day * perDay; i < (day + 1) * perDay; i++)
              expect(a.agents[i]).toBeGreaterThanOrEqual(mean.agents[i]!);
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reaches the confidence on each day, and mean staffing falls short of it where it adds agents', () => {
    const f = twoDays([60, 150, 220, 180, 80], [0.12, 0.06]);
    const p = confidenceStaffing(f, { ...options, confidence: 0.9 });
    for (const d of p.confidence.days) {
      expect(d.probability).toBeGreaterThanOrEqual(0.9);
      if (d.multiplier > 1) expect(d.meanProbability).toBeLessThan(0.9);
    }
    expect(p.confidence.days[0]!.multiplier).toBeGreaterThan(p.confidence.days[1]!.multiplier);
    expect(p.confidence.scheduledAgentHours).toBeGreaterThan(p.confidence.meanScheduledAgentHours);
  });

  it('keeps the mean forecast in its table (calls and the service level there)', () => {
    const f = twoDays([60, 150, 220], [0.15, 0.15]);
    const p = confidenceStaffing(f, { ...options, confidence: 0.95 });
    expect(p.calls).toEqual(f.calls);
    const mean = staffingPlan(f, options);
    p.serviceLevel.forEach((sl, i) => {
      expect(sl).toBeGreaterThanOrEqual(mean.serviceLevel[i]!);
    });
  });

  it('rejects a confidence outside [0.5, 0.99], naming it', () => {
    const f = twoDays([60], [0.1, 0.1]);
    for (const confidence of [0.49, 0.995, Number.NaN])
      expect(() => confidenceStaffing(f, { ...options, confidence })).toThrow(/confidence/);
  });

  it('needs the day-level uncertainty, a service-level target, and not scope week', () => {
    const f = twoDays([60], [0.1, 0.1]);
    const { dayLogSd: _, ...bare } = f;
    expect(() => confidenceStaffing(bare, { ...options, confidence: 0.9 })).toThrow(/dayLogSd/);
    expect(() =>
      confidenceStaffing(f, { target: { maxAsaSeconds: 30 }, ahtSeconds: 240, confidence: 0.9 }),
    ).toThrow(/target.serviceLevel/);
    expect(() => confidenceStaffing(f, { ...options, scope: 'week', confidence: 0.9 })).toThrow(/scope/);
  });
});
