import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { planRequirement } from '../../../src/app/plan/planRequirement.js';
import { planStaffingOptions } from '../../../src/app/plan/planStaffing.js';
import { readPlanParams } from '../../../src/app/plan/readPlanInputs.js';
import { type PlanResult, plan } from '../../../src/app/plan.js';
import { fittedInputsByInterval } from '../../../src/calibration/fittedInputs.js';
import { queueMetrics } from '../../../src/queueing/queueMetrics.js';
import { applyShrinkage } from '../../../src/queueing/shrinkage.js';
import { calibrationParamsSchema } from '../../../src/schemas/calibrationParams.js';
import { type PlanConfigInput, parsePlanConfig } from '../../../src/schemas/planConfig.js';
import { withFittedInputs } from '../../../src/staffing/multiQueuePlan.js';
import { outboundCapacity } from '../../../src/staffing/outboundCapacity.js';
import { staffingPlan } from '../../../src/staffing/staffingPlan.js';

const baseDir = fileURLToPath(new URL('../../fixtures/plan/', import.meta.url));
const params = calibrationParamsSchema.parse(
  JSON.parse(readFileSync(join(baseDir, 'bank_params.json'), 'utf8')),
);
const factor = params.availabilityFactor;
const target = { serviceLevel: 0.8, thresholdSeconds: 20 };

/** One queue of the bank (no aht_seconds column), fitted inputs from bank_params.json. */
const single = {
  history: { file: 'bank_3weeks_5min.csv', timeZone: 'Asia/Jerusalem' },
  outputIntervalMinutes: 30,
  horizonDays: 5,
  forecast: { method: 'seasonal-naive' },
  target,
  fittedParams: 'bank_params.json',
  rules: 'rules.json',
  outbound: { ahtSeconds: 300 },
} as const satisfies PlanConfigInput;

/** Two voice queues and a chat queue of the Anonymous Bank, no patience or AHT in the config. */
const queues = {
  history: { file: 'anonymous_bank_queues_30min.csv', timeZone: 'Asia/Jerusalem' },
  horizonDays: 2,
  forecast: { method: 'seasonal-naive' },
  target,
  fittedParams: 'bank_params.json',
  rules: 'rules_il.json',
  queues: [
    { name: 'regular', historyQueue: 'PS' },
    { name: 'stocks', historyQueue: 'NE', useParams: false },
    { name: 'prospects', historyQueue: 'NW', channel: 'chat', concurrency: 2 },
  ],
} as const satisfies PlanConfigInput;

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'staffcast-params-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('readPlanParams', () => {
  it('reads and validates the JSON calibrate --params-out writes', async () => {
    const p = await readPlanParams(baseDir, 'bank_params.json', 'plan.json');
    expect(p).toEqual(params);
    expect(p.timeZone).toBe('Asia/Jerusalem');
  });

  it('names the config key of a missing params file', async () => {
    await expect(readPlanParams(baseDir, 'no-such.json', 'plan.json')).rejects.toThrow(
      /^plan\.json: fittedParams: cannot read no-such\.json: no such file/,
    );
  });

  it('names the config, key, file and field of an invalid params file in one line', async () => {
    const bad = { ...params, availabilityFactor: 3 };
    const dir = tempDir({ 'p.json': JSON.stringify(bad), 'broken.json': '{"kind": ' });
    await expect(readPlanParams(dir, 'p.json', 'plan.json')).rejects.toThrow(
      'plan.json: fittedParams: p.json: availabilityFactor: Too big: expected number to be <=2',
    );
    await expect(readPlanParams(dir, 'broken.json', 'plan.json')).rejects.toThrow(
      /^plan\.json: fittedParams: broken\.json: not valid JSON[^\n]*$/,
    );
  });
});

describe('plan config with fittedParams', () => {
  it('accepts fittedParams and per-queue useParams, and useParams: true needs fittedParams', () => {
    expect(parsePlanConfig(queues).queues?.map((q) => q.useParams)).toEqual([undefined, false, undefined]);
    const { fittedParams: _, ...without } = queues;
    const on = { ...without, queues: [{ name: 'regular', historyQueue: 'PS', useParams: true }] };
    expect(() => parsePlanConfig(on, 'plan.json')).toThrow(
      'plan.json: queues[0].useParams: needs the top-level fittedParams',
    );
  });

  it('a missing params file fails the plan naming the config key', async () => {
    const cfg = parsePlanConfig({ ...single, fittedParams: 'gone.json' });
    await expect(planRequirement(cfg, { baseDir, source: 'plan.json' })).rejects.toThrow(
      /^plan\.json: fittedParams: cannot read gone\.json: no such file/,
    );
  });

  it('staffs exactly as staffingPlan with withFittedInputs of the params', async () => {
    const cfg = parsePlanConfig(single);
    const staffed = await planRequirement(cfg, { baseDir, source: 'plan.json' });
    const fc = staffed.forecast;
    const direct = staffingPlan(fc, withFittedInputs(fc, planStaffingOptions(cfg), params));
    expect(staffed.fitted).toEqual(params);
    expect(staffed.requirement).toEqual(direct);
    // the inputs are the params' by local hour: independent check against fittedInputsByInterval
    const byHour = fittedInputsByInterval(params, fc.starts);
    expect(Array.from(staffed.requirement.ahtSeconds)).toEqual(Array.from(byHour.ahtSeconds));
    expect(Array.from(staffed.requirement.patienceSeconds ?? [])).toEqual(Array.from(byHour.patienceSeconds));
    expect(staffed.requirement.model).toBe('erlang-a');
    expect(staffed.requirement.availabilityFactor).toBe(factor);
    const t = staffed.requirement.agents.findIndex((a) => a > 5);
    expect(staffed.requirement.scheduledAgents[t]).toBe(
      applyShrinkage(staffed.requirement.agents[t]! / factor, 0.3),
    );
  });

  it("the config's ahtSeconds and patienceSeconds win over the params; the factor still applies", async () => {
    const cfg = parsePlanConfig({ ...single, ahtSeconds: 300, patienceSeconds: 180 });
    const staffed = await planRequirement(cfg, { baseDir, source: 'plan.json' });
    const req = staffed.requirement;
    expect(new Set(req.ahtSeconds)).toEqual(new Set([300]));
    expect(new Set(req.patienceSeconds)).toEqual(new Set([180]));
    expect(req.availabilityFactor).toBe(factor);
    const plain = staffingPlan(staffed.forecast, {
      target,
      shrinkage: 0.3,
      ahtSeconds: 300,
      patienceSeconds: 180,
      availabilityFactor: factor,
    });
    expect(Array.from(req.scheduledAgents)).toEqual(Array.from(plain.scheduledAgents));
  });

  it('without fittedParams the requirement carries no fitted inputs', async () => {
    const { fittedParams: _, ...without } = single;
    const staffed = await planRequirement(parsePlanConfig({ ...without, ahtSeconds: 300 }), {
      baseDir,
      source: 'plan.json',
    });
    expect(staffed.fitted).toBeNull();
    expect(staffed.requirement.availabilityFactor).toBeUndefined();
    expect(staffed.requirement.patienceSeconds).toBeUndefined();
    expect(staffed.requirement.model).toBe('erlang-c');
  });

  it('multi-queue: the params go to voice queues by default, useParams: false turns them off', async () => {
    const staffed = await planRequirement(parsePlanConfig(queues), { baseDir, source: 'plan.json' });
    const [regular, stocks, prospects] = staffed.pooled?.queues ?? [];
    const byHour = fittedInputsByInterval(params, regular!.requirement.starts);
    expect(regular!.requirement.availabilityFactor).toBe(factor);
    expect(Array.from(regular!.requirement.patienceSeconds ?? [])).toEqual(
      Array.from(byHour.patienceSeconds),
    );
    // the history's aht_seconds column wins over the params' handle time (blank cells filled)
    const own = regular!.forecast.ahtSeconds!;
    expect(regular!.requirement.ahtSeconds.length).toBeGreaterThan(0);
    regular!.requirement.ahtSeconds.forEach((a, i) => {
      expect(a).toBe(Number.isFinite(own[i]!) ? own[i]! : a);
    });
    for (const q of [stocks!, prospects!]) {
      expect(q.requirement.availabilityFactor).toBeUndefined();
      expect(q.requirement.patienceSeconds).toBeUndefined();
      expect(q.requirement.model).toBe('erlang-c');
    }
  });

  it('multi-queue: useParams: true gives the params to a chat queue', async () => {
    const cfg = parsePlanConfig({
      ...queues,
      queues: [
        { name: 'regular', historyQueue: 'PS', useParams: false },
        { name: 'prospects', historyQueue: 'NW', channel: 'chat', concurrency: 2, useParams: true },
      ],
    });
    const staffed = await planRequirement(cfg, { baseDir, source: 'plan.json' });
    const [regular, prospects] = staffed.pooled?.queues ?? [];
    expect(regular!.requirement.availabilityFactor).toBeUndefined();
    expect(prospects!.requirement.availabilityFactor).toBe(factor);
    expect(prospects!.requirement.model).toBe('erlang-a');
  });
});

describe('plan evaluation with fittedParams', () => {
  let single_: PlanResult;
  let multi: PlanResult;
  beforeAll(async () => {
    single_ = await plan(single, { baseDir, source: 'plan.json' });
    multi = await plan(queues, { baseDir, source: 'plan.json' });
  }, 120_000);

  it("an interval's service level is queueMetrics with its fitted patience and factor-scaled agents", () => {
    const r = single_;
    const req = r.requirement;
    const patience = fittedInputsByInterval(params, req.starts).patienceSeconds;
    let scaledDiffers = 0;
    let checked = 0;
    req.calls.forEach((calls, t) => {
      if (!(calls > 0)) return;
      const effective = Math.floor(r.onPhoneAgents[t]! * factor + 1e-9);
      if (effective !== Math.floor(r.onPhoneAgents[t]! + 1e-9)) scaledDiffers++;
      const m = queueMetrics(
        {
          callsPerInterval: calls,
          intervalMinutes: 30,
          ahtSeconds: req.ahtSeconds[t]!,
          patienceSeconds: patience[t]!,
        },
        effective,
        { thresholdSeconds: 20 },
      );
      expect(r.evaluation.agents[t]).toBe(effective);
      expect(r.evaluation.serviceLevel[t]).toBeCloseTo(m.serviceLevel, 12);
      expect(r.evaluation.abandonRate[t]).toBeCloseTo(m.abandonRate, 12);
      checked++;
    });
    expect(checked).toBeGreaterThan(80);
    expect(scaledDiffers).toBeGreaterThan(checked / 2); // the factor really changes the agents
  });

  it('the schedule meets the target it was staffed for once the factor is applied', () => {
    // scheduled = agents / factor / (1 - shrinkage): the effective agents cover the requirement
    expect(single_.evaluation.total.serviceLevel).toBeGreaterThan(0.75);
    expect(single_.evaluation.total.serviceLevel).toBeLessThanOrEqual(1);
  });

  it('outbound capacity compares effective agents (on the phones x factor) with the requirement', () => {
    const r = single_;
    const expected = outboundCapacity(
      r.requirement.agents,
      r.onPhoneAgents.map((a) => a * factor),
      { ahtSeconds: 300, intervalMinutes: 30, maxOccupancy: 1 },
    );
    expect(r.outbound).toEqual(expected);
    const unscaled = outboundCapacity(r.requirement.agents, r.onPhoneAgents, {
      ahtSeconds: 300,
      intervalMinutes: 30,
      maxOccupancy: 1,
    });
    expect(r.outbound!.totalCalls).toBeLessThan(unscaled.totalCalls);
    expect(Array.from(r.effectiveAgents)).toEqual(Array.from(r.onPhoneAgents, (a) => a * factor));
  });

  it('multi-queue: the pool effective agents use the requirement-weighted factor of the open queues', () => {
    const effective = new Float64Array(multi.onPhoneAgents.length);
    const present = new Float64Array(multi.onPhoneAgents.length);
    for (const q of multi.queues!) {
      const f = q.name === 'regular' ? factor : 1; // stocks: useParams false; prospects: chat
      q.poolIndex.forEach((k, i) => {
        effective[k]! += q.requirement.agents[i]!;
        present[k]! += q.requirement.agents[i]! / f;
      });
    }
    expect(multi.effectiveAgents.length).toBeGreaterThan(0);
    multi.effectiveAgents.forEach((a, k) => {
      const f = present[k]! > 0 ? effective[k]! / present[k]! : 1;
      expect(a).toBeCloseTo(multi.onPhoneAgents[k]! * f, 9);
    });
    expect(multi.effectiveAgents.some((a, k) => a < multi.onPhoneAgents[k]! - 0.5)).toBe(true);
  });

  it('multi-queue: a voice queue is evaluated with its share x factor and its fitted patience', () => {
    const regular = multi.queues![0]!;
    const stocks = multi.queues![1]!;
    const patience = fittedInputsByInterval(params, regular.requirement.starts).patienceSeconds;
    let checked = 0;
    regular.requirement.calls.forEach((calls, i) => {
      if (!(calls > 0)) return;
      const m = queueMetrics(
        {
          callsPerInterval: calls,
          intervalMinutes: 30,
          ahtSeconds: regular.requirement.ahtSeconds[i]!,
          patienceSeconds: patience[i]!,
        },
        Math.floor(regular.onPhoneAgents[i]! * factor + 1e-9),
        { thresholdSeconds: 20 },
      );
      expect(regular.evaluation.serviceLevel[i]).toBeCloseTo(m.serviceLevel, 12);
      checked++;
    });
    expect(checked).toBeGreaterThan(20);
    // stocks (useParams: false): Erlang C with its whole share, no factor
    let checkedStocks = 0;
    stocks.requirement.calls.forEach((calls, i) => {
      if (!(calls > 0)) return;
      const m = queueMetrics(
        { callsPerInterval: calls, intervalMinutes: 30, ahtSeconds: stocks.requirement.ahtSeconds[i]! },
        stocks.onPhoneAgents[i]!,
        { thresholdSeconds: 20 },
      );
      expect(stocks.evaluation.serviceLevel[i]).toBeCloseTo(m.serviceLevel, 12);
      expect(stocks.evaluation.abandonRate[i]).toBe(0);
      checkedStocks++;
    });
    expect(checkedStocks).toBeGreaterThan(0);
  });
});
