import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../src/forecast/types.js';
import { staffingPlan } from '../../src/staffing/staffingPlan.js';
import { staffingPlanParallel } from '../../src/staffing/staffingPlanParallel.js';

function forecast(peak: number): Forecast {
  const n = 96;
  return {
    timeZone: 'Europe/Madrid',
    intervalMinutes: 15,
    starts: Float64Array.from({ length: n }, (_, i) => Date.UTC(2024, 2, 31) + i * 900_000),
    calls: Float64Array.from({ length: n }, (_, i) => peak * Math.sin((Math.PI * i) / n) ** 2),
    ahtSeconds: new Float64Array(n).fill(240),
  };
}

describe('staffingPlanParallel', () => {
  it('returns in job order exactly what staffingPlan returns, computed in worker threads', async () => {
    const options = { target: { serviceLevel: 0.8, thresholdSeconds: 20 }, patienceSeconds: 180 };
    const jobs = [10, 200, 50, 120, 5].map((peak) => ({ forecast: forecast(peak), options }));
    const plans = await staffingPlanParallel(jobs, { workers: 2 });
    expect(plans.map((p) => [...p.agents])).toEqual(
      jobs.map((j) => [...staffingPlan(j.forecast, j.options).agents]),
    );
    expect(plans[1]!.agentHours).toBe(staffingPlan(jobs[1]!.forecast, options).agentHours);
  });

  it('rethrows the error of a failing job with its code and message', async () => {
    const jobs = [
      { forecast: forecast(10), options: { target: { serviceLevel: 0.8, thresholdSeconds: 20 } } },
      {
        forecast: { ...forecast(10), ahtSeconds: undefined } as unknown as Forecast,
        options: { target: {} },
      },
    ];
    await expect(staffingPlanParallel(jobs, { workers: 2 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message:
        'staffingPlan: ahtSeconds is required: the forecast has no handle time (give options.ahtSeconds) (got undefined)',
    });
  });
});
