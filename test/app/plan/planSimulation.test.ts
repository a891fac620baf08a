import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { planReportInput } from '../../../src/app/plan/reportInput.js';
import { planPatience, simulatePlan } from '../../../src/app/plan/simulatePlan.js';
import { type PlanResult, plan } from '../../../src/app/plan.js';
import type { ProgressEvent } from '../../../src/app/progress.js';
import { renderReportHtml } from '../../../src/report/html.js';
import { renderTerminalSummary } from '../../../src/report/terminal.js';
import { parsePlanConfig } from '../../../src/schemas/planConfig.js';

const baseDir = fileURLToPath(new URL('../../fixtures/plan/', import.meta.url));
// two open days (Monday and Tuesday 24-25 March 2003, after a closed weekend) of the three-week
// bank fixture on quarter-hours
const config = {
  history: { file: 'bank_3weeks_5min.csv', timeZone: 'America/New_York' },
  outputIntervalMinutes: 15,
  horizonDays: 4,
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  ahtSeconds: 300,
  patienceSeconds: 180,
  shrinkage: 0.3,
  rules: 'rules.json',
  schedule: { timeLimitSeconds: 600, simulation: { replications: 20, seed: 5 } },
};

describe('plan with the simulated schedule', () => {
  let result: PlanResult;
  const events: ProgressEvent[] = [];
  beforeAll(async () => {
    result = await plan(config, { baseDir, onProgress: (e) => events.push(e) });
  }, 120_000);

  it('promises the simulated service level with its 95% interval, the Erlang figure beside it', () => {
    const { summary } = result;
    const sim = summary.simulation!;
    expect(sim.replications).toBe(20);
    expect(sim.seed).toBe(5);
    expect(summary.promise).toEqual({
      serviceLevel: sim.total.serviceLevel,
      lower: sim.total.serviceLevelLower,
      upper: sim.total.serviceLevelUpper,
      source: 'simulation',
    });
    expect(sim.total.erlangServiceLevel).toBe(summary.serviceLevel);
    expect(sim.days.map((d) => d.date)).toEqual(['2003-03-24', '2003-03-25']);
    expect(summary.simulationSkipped).toBeNull();
    expect(summary.simulationCheck).toBeNull();
    expect(events.filter((e) => e.phase === 'done').map((e) => e.step)).toContain('simulate');
  });

  it('simulates the whole agents the Erlang evaluation counts, per interval, with the config patience', () => {
    expect(planPatience(result.requirement)).toEqual({ kind: 'exponential', meanSeconds: 180 });
    const s = result.simulation!;
    expect(s.serviceLevel).toHaveLength(result.requirement.starts.length);
    for (let t = 0; t < s.serviceLevel.length; t++) {
      expect(s.serviceLevelLower[t]).toBeLessThanOrEqual(s.serviceLevel[t]!);
      expect(s.serviceLevelUpper[t]).toBeGreaterThanOrEqual(s.serviceLevel[t]!);
    }
    const gaps = result.summary.simulation!.largestGaps;
    expect(gaps).toHaveLength(10);
    for (let k = 1; k < gaps.length; k++)
      expect(gaps[k - 1]!.erlangServiceLevel - gaps[k - 1]!.serviceLevel).toBeGreaterThanOrEqual(
        gaps[k]!.erlangServiceLevel - gaps[k]!.serviceLevel,
      );
  });

  it('keeps its promise within 0.5 point of an independent simulation of the schedule, where the Erlang figure does not', async () => {
    const independent = await simulatePlan(result.requirement, result.evaluation, {
      thresholdSeconds: 20,
      replications: 40,
      seed: 77,
    });
    const truth = independent.summary.total.serviceLevel;
    expect(Math.abs(result.summary.promise.serviceLevel - truth)).toBeLessThan(0.005);
    // each interval scored as if it started empty is optimistic by more than the goal
    expect(result.summary.serviceLevel - truth).toBeGreaterThan(0.005);
  }, 60_000);

  it('gives the same figures with one worker thread or two', async () => {
    const options = { thresholdSeconds: 20, replications: 4, seed: 5 };
    const one = await simulatePlan(result.requirement, result.evaluation, { ...options, workers: 1 });
    const two = await simulatePlan(result.requirement, result.evaluation, { ...options, workers: 2 });
    expect(two.summary).toEqual(one.summary);
    expect(Array.from(two.serviceLevel)).toEqual(Array.from(one.serviceLevel));
  }, 60_000);

  it('shows the simulated promise, the Erlang figure and where they differ in the terminal and the report', async () => {
    const input = planReportInput(result, { generatedAt: 0 });
    expect(input.summary.serviceLevel).toBe(result.summary.promise.serviceLevel);
    expect(input.summary.erlangServiceLevel).toBe(result.summary.serviceLevel);
    const text = renderTerminalSummary(input, { color: false });
    expect(text).toMatch(/Service level \(simulated, 95% interval\) +\d+\.\d% \(\d+\.\d%–\d+\.\d%\)/);
    expect(text).toMatch(/Service level, Erlang per interval \(from empty\) +\d+\.\d%/);
    const html = await renderReportHtml(input);
    expect(html).toContain('Service level: Erlang per interval vs simulated schedule');
    expect(html).toContain('Intervals where Erlang is most optimistic');
    expect(html).toContain('<td>Week</td>');
  }, 60_000);
});

describe('plan without the simulation', () => {
  it('promises the Erlang figure when the simulation is turned off, by option or config', async () => {
    const off = await plan({ ...config, horizonDays: 3 }, { baseDir, simulate: false });
    expect(off.simulation).toBeNull();
    expect(off.summary.simulation).toBeNull();
    expect(off.summary.simulationSkipped).toBe('off');
    expect(off.summary.promise).toEqual({
      serviceLevel: off.summary.serviceLevel,
      lower: null,
      upper: null,
      source: 'erlang',
    });
    const cfgOff = await plan(
      { ...config, horizonDays: 3, schedule: { simulation: { enabled: false } } },
      { baseDir },
    );
    expect(cfgOff.summary.simulationSkipped).toBe('off');
    const text = renderTerminalSummary(planReportInput(off, { generatedAt: 0 }), { color: false });
    expect(text).toMatch(/^Service level {2,}\d/m);
    expect(text).not.toContain('simulated');
  }, 120_000);
});

describe('plan with the simulation check', () => {
  it('adds cover where the simulated interval misses, re-solving from the previous schedule, and reports the cost', async () => {
    const r = await plan(
      {
        ...config,
        horizonDays: 3,
        schedule: { simulation: { replications: 6, seed: 2 }, simulationCheck: { rounds: 2 } },
      },
      { baseDir },
    );
    const check = r.summary.simulationCheck!;
    expect(check.maxRounds).toBe(2);
    expect(check.history[0]!.missedIntervals).toBeGreaterThan(0);
    expect(check.rounds).toBeGreaterThan(0);
    expect(check.history).toHaveLength(check.rounds + 1);
    const first = check.history[0]!;
    const last = check.history.at(-1)!;
    expect(check.extraPaidHours).toBe(last.paidHours - first.paidHours);
    expect(check.extraPaidHours).toBeGreaterThan(0);
    expect(check.addedAgentIntervals).toBeGreaterThanOrEqual(first.missedIntervals);
    expect(last.serviceLevel).toBeGreaterThan(first.serviceLevel);
    // the plan keeps the last schedule: its figures are the last round's
    expect(r.summary.paidHours).toBeCloseTo(last.paidHours, 9);
    expect(r.summary.promise.serviceLevel).toBe(last.serviceLevel);
    // the raised requirement covers at least the staffing requirement everywhere
    const required = r.schedule.coverage.required;
    for (let t = 0; t < required.length; t++)
      expect(required[t]).toBeGreaterThanOrEqual(r.requirement.scheduledAgents[t]!);
    const text = renderTerminalSummary(planReportInput(r, { generatedAt: 0 }), { color: false });
    expect(text).toMatch(/Simulation check: paid hours added \(\d rounds\) +[\d.,]+ \(\+\d+\.\d%\)/);
  }, 300_000);
});

describe('plan config: simulation keys', () => {
  const base = {
    history: { file: 'h.csv', timeZone: 'UTC' },
    target: { serviceLevel: 0.8, thresholdSeconds: 20 },
    ahtSeconds: 300,
    rules: 'r.json',
  };
  it('rejects replications below 2, a negative seed, rounds above 20 and unknown keys, naming the field', () => {
    expect(() =>
      parsePlanConfig({ ...base, schedule: { simulation: { replications: 1 } } }, 'plan.json'),
    ).toThrow(/plan\.json.*schedule\.simulation\.replications/);
    expect(() => parsePlanConfig({ ...base, schedule: { simulation: { seed: -1 } } }, 'plan.json')).toThrow(
      /schedule\.simulation\.seed/,
    );
    expect(() =>
      parsePlanConfig({ ...base, schedule: { simulationCheck: { rounds: 21 } } }, 'plan.json'),
    ).toThrow(/schedule\.simulationCheck\.rounds/);
    expect(() => parsePlanConfig({ ...base, schedule: { simulation: { reps: 5 } } }, 'plan.json')).toThrow(
      /unknown key "reps"/,
    );
  });
  it('accepts the keys and leaves the defaults to the plan (on, 20 replications, seed 1, no check)', () => {
    const cfg = parsePlanConfig({
      ...base,
      schedule: { simulation: { replications: 40 }, simulationCheck: { rounds: 3 } },
    });
    expect(cfg.schedule.simulation).toEqual({ replications: 40 });
    expect(cfg.schedule.simulationCheck).toEqual({ rounds: 3 });
    expect(parsePlanConfig(base).schedule.simulation).toBeUndefined();
  });
});
