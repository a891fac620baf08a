import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planRequirement, readAndForecastPlan } from '../../../src/app/plan/planRequirement.js';
import { planStaffingOptions } from '../../../src/app/plan/planStaffing.js';
import { plan } from '../../../src/app/plan.js';
import { forecast } from '../../../src/forecast/forecast.js';
import { parsePlanConfig } from '../../../src/schemas/planConfig.js';
import { staffingPlan } from '../../../src/staffing/staffingPlan.js';
import { twoQueueConfig } from './twoQueueConfig.js';

const baseDir = fileURLToPath(new URL('../../fixtures/plan/', import.meta.url));
const single = {
  history: { file: 'bank_3weeks_5min.csv', timeZone: 'America/New_York' },
  outputIntervalMinutes: 30,
  horizonDays: 7,
  forecast: { method: 'seasonal-naive' as const },
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  ahtSeconds: 300,
  patienceSeconds: 180,
  rules: 'rules.json',
};
const queues = twoQueueConfig;

describe('planRequirement', () => {
  it('gives the requirement that plan schedules, without scheduling', async () => {
    const cfg = parsePlanConfig(single);
    const staffed = await planRequirement(cfg, { baseDir, source: 'single' });
    const planned = await plan(single, { baseDir });
    expect(staffed.pooled).toBeNull();
    expect(Array.from(staffed.requirement.agents)).toEqual(Array.from(planned.requirement.agents));
    expect(Array.from(staffed.forecast.calls)).toEqual(Array.from(planned.forecast.calls));
  }, 60_000);

  it('equals staffingPlan of the forecast with the config staffing options', async () => {
    const cfg = parsePlanConfig(single);
    const staffed = await planRequirement(cfg, { baseDir, source: 'single' });
    const direct = staffingPlan(staffed.forecast, planStaffingOptions(cfg));
    expect(Array.from(staffed.requirement.scheduledAgents)).toEqual(Array.from(direct.scheduledAgents));
    expect(planStaffingOptions(cfg)).toEqual({
      target: { serviceLevel: 0.8, thresholdSeconds: 20 },
      shrinkage: 0.3,
      scope: 'interval',
      ahtSeconds: 300,
      patienceSeconds: 180,
    });
  });

  it('reuses a given history and forecast instead of reading the file', async () => {
    const cfg = parsePlanConfig(single);
    const first = await planRequirement(cfg, { baseDir, source: 'single' });
    const missing = parsePlanConfig({ ...single, history: { ...single.history, file: 'no-such.csv' } });
    const reused = await planRequirement(missing, {
      baseDir,
      source: 'single',
      history: first.history,
      readReport: first.readReport,
      forecast: forecast(first.history, { horizonDays: 7, method: 'seasonal-naive' }),
      forecastTransform: (f) => ({ ...f, calls: f.calls.map((c) => 2 * c) }),
    });
    expect(reused.forecast.calls[40]).toBeCloseTo(2 * (first.forecast.calls[40] ?? Number.NaN), 9);
    expect(reused.requirement.agentHours).toBeGreaterThan(first.requirement.agentHours);
  });

  it('staffs every queue of a multi-queue config and sums them into the pool', async () => {
    const staffed = await planRequirement(parsePlanConfig(queues), { baseDir, source: 'queues' });
    const pooled = staffed.pooled;
    expect(pooled?.queues.map((q) => q.config.name)).toEqual(['regular', 'stocks']);
    const sum = (pooled?.queues ?? []).reduce((s, q) => s + q.requirement.agentHours, 0);
    expect(staffed.requirement.agentHours).toBeCloseTo(sum, 9);
    expect(staffed.requirement).toBe(pooled?.requirement);
  });

  it('names the config key of a missing history file', async () => {
    const cfg = parsePlanConfig({ ...single, history: { ...single.history, file: 'no-such.csv' } });
    await expect(planRequirement(cfg, { baseDir, source: 'p.json' })).rejects.toThrow(
      /^p\.json: history\.file: cannot read no-such\.csv: no such file/,
    );
  });
});

describe('readAndForecastPlan', () => {
  it('gives the history and the forecast that planRequirement staffs before any transform', async () => {
    const cfg = parsePlanConfig(single);
    const inputs = await readAndForecastPlan(cfg, { baseDir, source: 'single' });
    const staffed = await planRequirement(cfg, {
      baseDir,
      source: 'single',
      forecastTransform: (f) => ({ ...f, calls: f.calls.map((c) => c / 2) }),
    });
    expect(inputs.readReport).toEqual(staffed.readReport);
    expect(inputs.forecast.method).toBe('seasonal-naive');
    expect(Array.from(inputs.forecast.calls, (c) => c / 2)).toEqual(Array.from(staffed.forecast.calls));
  });

  it('reads the file only without a given history, and checks for a handle time first', async () => {
    const noAht = parsePlanConfig({ ...single, ahtSeconds: undefined });
    await expect(readAndForecastPlan(noAht, { baseDir, source: 'p.json' })).rejects.toThrow(
      'p.json: ahtSeconds: required because bank_3weeks_5min.csv has no aht_seconds column',
    );
    const missing = parsePlanConfig({ ...single, history: { ...single.history, file: 'no-such.csv' } });
    const first = await readAndForecastPlan(parsePlanConfig(single), { baseDir, source: 'single' });
    const reused = await readAndForecastPlan(missing, {
      baseDir,
      source: 'single',
      history: first.history,
      readReport: first.readReport,
    });
    expect(reused.history).toBe(first.history);
    expect(Array.from(reused.forecast.calls)).toEqual(Array.from(first.forecast.calls));
  });
});

describe('planRequirement with target.confidence', () => {
  it('staffs at least the mean plan, more at 0.95 than at 0.8, and keeps the mean forecast', async () => {
    const mean = await planRequirement(parsePlanConfig(single), { baseDir, source: 'single' });
    const at = async (confidence: number) =>
      (
        await planRequirement(parsePlanConfig({ ...single, target: { ...single.target, confidence } }), {
          baseDir,
          source: 'single',
        })
      ).requirement;
    const low = await at(0.8);
    const high = await at(0.95);
    expect(Array.from(low.calls)).toEqual(Array.from(mean.requirement.calls));
    low.agents.forEach((a, i) => {
      expect(a).toBeGreaterThanOrEqual(mean.requirement.agents[i]!);
      expect(high.agents[i]).toBeGreaterThanOrEqual(a);
    });
    expect(high.agentHours).toBeGreaterThan(mean.requirement.agentHours);
    expect('confidence' in mean.requirement).toBe(false);
  });

  it('leaves the forecast without dayLogSd when the config has no confidence', async () => {
    const { forecast: f } = await readAndForecastPlan(parsePlanConfig(single), { baseDir, source: 'single' });
    expect(f.dayLogSd).toBeUndefined();
  });
});
