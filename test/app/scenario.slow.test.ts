import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planRequirement } from '../../src/app/plan/planRequirement.js';
import type { PlanResult } from '../../src/app/plan.js';
import type { ProgressEvent } from '../../src/app/progress.js';
import { compareScenarios, runScenario } from '../../src/app/scenario.js';
import {
  formatScenarioCsv,
  formatScenarioTable,
  scenarioFteNote,
} from '../../src/scenario/formatScenarioTable.js';
import type { ScenarioRow } from '../../src/scenario/scenarioRow.js';
import { type PlanConfigInput, parsePlanConfig } from '../../src/schemas/planConfig.js';
import { planFixtureDir, twoQueueConfig } from './plan/twoQueueConfig.js';

const baseDir = fileURLToPath(new URL('../fixtures/scenario/', import.meta.url));
const planJson = JSON.parse(readFileSync(`${baseDir}plan.json`, 'utf8')) as PlanConfigInput;
/** The fixture plan over 3 days (one weekday), the default work budget (it proves optimality). */
const shortBase: PlanConfigInput = { ...planJson, horizonDays: 3 };

describe('compareScenarios without scheduling', () => {
  it('puts the base first, raises agent-hours with volume x1.1 and equates deflection 0.2 with volume 0.8', async () => {
    const rows = await compareScenarios(
      {
        base: 'plan.json',
        variants: [
          { name: 'busy', volumeFactor: 1.1 },
          { name: 'deflect', selfServiceDeflection: 0.2 },
          { name: 'v08', volumeFactor: 0.8 },
          { name: 'sl90', target: { serviceLevel: 0.9 } },
          { name: 'shrink', shrinkage: 0.4 },
        ],
      },
      { baseDir, schedule: false },
    );
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    const base = by.base!;
    expect(rows.map((r) => r.name)).toEqual(['base', 'busy', 'deflect', 'v08', 'sl90', 'shrink']);
    expect(by.busy!.forecastCalls).toBeCloseTo(base.forecastCalls * 1.1, 6);
    expect(by.busy!.agentHours).toBeGreaterThan(base.agentHours);
    expect(by.busy!.peakAgents).toBeGreaterThanOrEqual(base.peakAgents);
    expect(by.deflect).toEqual({ ...by.v08, name: 'deflect' });
    expect(by.sl90!.serviceLevel).toBeGreaterThanOrEqual(0.9);
    expect(by.sl90!.agentHours).toBeGreaterThan(base.agentHours);
    // same agents on the phones, more paid: FTE scales by about (1 - 0.3) / (1 - 0.4)
    // (scheduled agents are whole, so not exactly)
    expect(by.shrink!.agentHours).toBe(base.agentHours);
    expect(Math.abs(by.shrink!.fte / base.fte - 0.7 / 0.6)).toBeLessThan(0.01);
    for (const r of rows) {
      expect(r.scheduled).toBe(false);
      expect(r.scheduleCost).toBeNull();
      expect(r.scheduleStatus).toBeNull();
      expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8 - 1e-9);
      expect(Number.isFinite(r.asaSeconds)).toBe(true);
      expect(r.abandonRate).toBeGreaterThan(0);
    }
  });

  it('staffs to target.confidence in a variant: more agent-hours at 0.95 than at 0.8, none below the base', async () => {
    const rows = await compareScenarios(
      {
        base: 'plan.json',
        variants: [
          { name: 'c80', target: { confidence: 0.8 } },
          { name: 'c95', target: { confidence: 0.95 } },
        ],
      },
      { baseDir, schedule: false },
    );
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(by.c80!.forecastCalls).toBe(by.base!.forecastCalls);
    expect(by.c80!.agentHours).toBeGreaterThanOrEqual(by.base!.agentHours);
    expect(by.c95!.agentHours).toBeGreaterThan(by.c80!.agentHours);
    expect(by.c95!.fte).toBeGreaterThan(by.base!.fte);
  });

  it('gives identical rows on two runs of the same inputs', async () => {
    const file = { base: 'plan.json', variants: [{ name: 'x', volumeFactor: 1.05, ahtFactor: 1.1 }] };
    const a = await compareScenarios(file, { baseDir, schedule: false });
    const b = await compareScenarios(file, { baseDir, schedule: false });
    expect(a).toEqual(b);
  });

  it('rejects an unknown variant key with a CONFIG error naming the source and path', async () => {
    await expect(
      compareScenarios(
        { base: 'plan.json', variants: [{ name: 'x', colour: 1 }] },
        { baseDir, source: 's.json' },
      ),
    ).rejects.toThrowError(
      's.json: variants[0]: unknown key "colour" (known keys: name, volumeFactor, addedVolume, ' +
        'selfServiceDeflection, ahtSeconds, ahtFactor, target, patienceSeconds, shrinkage, rules, ' +
        'horizonDays, outbound, openingHours, team)',
    );
    await expect(
      compareScenarios({ base: 'plan.json', variants: [{ name: 'base' }] }, { baseDir, source: 's.json' }),
    ).rejects.toThrowError("s.json: variants[0].name: duplicate name 'base'");
  });

  it.each([
    [
      { outbound: { ahtSeconds: -1 } },
      's.json: variants[0].outbound.ahtSeconds: Too small: expected number to be >0',
    ],
    [
      { outbound: { ahtSeconds: 60, dialer: true } },
      's.json: variants[0].outbound: unknown key "dialer" (known keys: ahtSeconds, maxOccupancy)',
    ],
    [
      { openingHours: { mon: [{ open: '18:00', close: '17:00' }] } },
      's.json: variants[0].openingHours.mon[0]: open must be before close',
    ],
    [{ openingHours: { monday: [] } }, 's.json: variants[0].openingHours: unknown key "monday"'],
  ])('rejects a bad outbound or openingHours override %j with the zod error', async (override, message) => {
    const error = await compareScenarios(
      { base: 'plan.json', variants: [{ name: 'x', ...override }] },
      { baseDir, source: 's.json', schedule: false },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFIG', message });
  });

  it('rejects a number of workers that is not an integer >= 1, by the name it was given', async () => {
    await expect(
      compareScenarios({ base: 'plan.json', variants: [] }, { baseDir, workers: 1.5 }),
    ).rejects.toThrowError('compareScenarios: workers must be an integer >= 1 (got 1.5)');
    // the deprecated alias
    await expect(
      compareScenarios({ base: 'plan.json', variants: [] }, { baseDir, concurrency: 0 }),
    ).rejects.toThrowError('compareScenarios: concurrency must be an integer >= 1 (got 0)');
    // workers wins over the alias
    await expect(
      compareScenarios({ base: 'plan.json', variants: [] }, { baseDir, workers: 0, concurrency: 2 }),
    ).rejects.toThrowError('compareScenarios: workers must be an integer >= 1 (got 0)');
  });

  it('leaves outbound calls null without scheduling, even with an outbound config', async () => {
    const rows = await compareScenarios(
      { base: 'plan.json', variants: [{ name: 'ob', outbound: { ahtSeconds: 240 } }] },
      { baseDir, schedule: false },
    );
    expect(rows.map((r) => r.outboundCalls)).toEqual([null, null]);
  });

  it("drops the forecast contacts of the intervals a variant's opening hours close", async () => {
    const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
    const nineToFive = Object.fromEntries(weekdays.map((d) => [d, [{ open: '09:00', close: '17:00' }]]));
    const rows = await compareScenarios(
      {
        base: 'plan.json',
        variants: [
          { name: 'short', openingHours: nineToFive },
          { name: 'mon only', openingHours: { mon: [{ open: '00:00', close: '24:00' }] } },
          {
            name: 'all',
            openingHours: Object.fromEntries(weekdays.map((d) => [d, [{ open: '00:00', close: '24:00' }]])),
          },
        ],
      },
      { baseDir, schedule: false },
    );
    const [base, short, mon, all] = rows as [ScenarioRow, ScenarioRow, ScenarioRow, ScenarioRow];
    expect(all).toEqual({ ...base, name: 'all' });
    expect(short.forecastCalls).toBeLessThan(base.forecastCalls);
    expect(short.forecastCalls).toBeGreaterThan(0.5 * base.forecastCalls);
    expect(short.agentHours).toBeLessThan(base.agentHours);
    // one weekday of five: about a fifth of the week's contacts (Mondays are busier)
    expect(mon.forecastCalls / base.forecastCalls).toBeGreaterThan(0.15);
    expect(mon.forecastCalls / base.forecastCalls).toBeLessThan(0.3);
  });
});

describe('compareScenarios with scheduling', () => {
  it('schedules each scenario and reports its cost; more volume costs more', async () => {
    const rows = await compareScenarios(
      { base: 'plan.json', variants: [{ name: 'busy', volumeFactor: 1.3 }] },
      { baseDir },
    );
    expect(rows.map((r) => [r.name, r.scheduled])).toEqual([
      ['base', true],
      ['busy', true],
    ]);
    const [base, busy] = rows as [(typeof rows)[0], (typeof rows)[0]];
    expect(base.scheduleCost).toBeGreaterThan(0);
    expect(busy.scheduleCost!).toBeGreaterThan(base.scheduleCost!);
    expect(busy.agentHours).toBeGreaterThan(base.agentHours);
    expect(busy.forecastCalls).toBeCloseTo(base.forecastCalls * 1.3, 6);
    expect(busy.fte).toBeGreaterThan(base.fte);
  }, 60_000);

  it('gives the same rows with 1 and 2 workers (proven-optimal schedules), base first', async () => {
    const file = {
      base: shortBase,
      variants: [
        { name: 'busy', volumeFactor: 1.1 },
        { name: 'sl90', target: { serviceLevel: 0.9 } },
        { name: 'quiet', volumeFactor: 0.8 },
      ],
    };
    const statuses: string[] = [];
    const onPlan = (_: string, r: PlanResult) => statuses.push(r.summary.scheduleStatus);
    const sequential = await compareScenarios(file, { baseDir, workers: 1, onPlan });
    const parallel = await compareScenarios(file, { baseDir, workers: 2, onPlan });
    expect(statuses).toEqual(new Array(8).fill('optimal'));
    expect(sequential.map((r) => r.scheduleStatus)).toEqual(new Array(4).fill('optimal'));
    expect(parallel).toEqual(sequential);
    expect(parallel.map((r) => r.name)).toEqual(['base', 'busy', 'sl90', 'quiet']);
  }, 60_000);

  it("solves the base first and starts each variant from the base's schedule: an identical variant keeps its cost", async () => {
    const plans = new Map<string, PlanResult>();
    const rows = await compareScenarios(
      { base: shortBase, variants: [{ name: 'same' }, { name: 'busy', volumeFactor: 1.1 }] },
      { baseDir, workers: 2, onPlan: (name, r) => plans.set(name, r) },
    );
    expect(plans.get('base')!.schedule.startSource).not.toBe('given');
    // the base's schedule meets every rule of the identical variant and is its cheapest start
    expect(plans.get('same')!.schedule.startSource).toBe('given');
    expect(rows[1]!.scheduleCost).toBeCloseTo(rows[0]!.scheduleCost!, 6);
    expect(rows.map((r) => r.scheduleStatus)).toEqual(['optimal', 'optimal', 'optimal']);
  }, 60_000);

  it("reports a schedule stopped by its work budget as not proven optimal, the plan's status, the same twice", async () => {
    const statuses: string[] = [];
    const file = { base: { ...planJson, schedule: { workLimit: 1 } }, variants: [] };
    const rows = await compareScenarios(file, {
      baseDir,
      onPlan: (_, r) => statuses.push(r.summary.scheduleStatus),
    });
    expect(rows[0]!.scheduleStatus).toBe('feasible');
    expect(rows[0]!.scheduleStoppedBy).toBe('work');
    expect(rows[0]!.scheduleGap).toBeGreaterThan(1e-4);
    expect(rows[0]!.scheduleStatus).toBe(statuses[0]);
    expect(await compareScenarios(file, { baseDir })).toEqual(rows);
  }, 60_000);

  it('reads and forecasts the history once per distinct forecast input and shares it', async () => {
    const plans = new Map<string, PlanResult>();
    await compareScenarios(
      {
        base: shortBase,
        variants: [
          { name: 'busy', volumeFactor: 1.2 },
          { name: 'sl90', target: { serviceLevel: 0.9 } },
          { name: 'longer', horizonDays: 4 },
        ],
      },
      { baseDir, workers: 2, onPlan: (name, r) => plans.set(name, r) },
    );
    const base = plans.get('base')!;
    // one read and forecast, shared: the very same history object in every plan with the same inputs
    expect(plans.get('busy')!.history).toBe(base.history);
    expect(plans.get('sl90')!.history).toBe(base.history);
    expect(plans.get('longer')!.history).not.toBe(base.history); // another horizon: its own read and forecast
    expect(plans.get('longer')!.forecast.starts.length).toBeGreaterThan(base.forecast.starts.length);
  }, 60_000);

  it('reports the outbound calls that fit for a variant with outbound work, null for the base', async () => {
    const rows = await compareScenarios(
      {
        base: shortBase,
        variants: [
          { name: 'outbound', outbound: { ahtSeconds: 240 } },
          { name: 'outbound half', outbound: { ahtSeconds: 240, maxOccupancy: 0.5 } },
        ],
      },
      { baseDir },
    );
    const [base, ob, half] = rows as [ScenarioRow, ScenarioRow, ScenarioRow];
    expect(base.outboundCalls).toBeNull();
    expect(ob.outboundCalls).toBeGreaterThan(0);
    expect(Number.isInteger(ob.outboundCalls)).toBe(true);
    // same schedule, half the usable spare time (whole calls per interval: at most the half, rounded)
    expect(half.outboundCalls!).toBeLessThanOrEqual(ob.outboundCalls! / 2);
    expect(half.outboundCalls!).toBeGreaterThan(ob.outboundCalls! / 2 - ob.outboundCalls! / 10);
    expect({ ...ob, name: 'base', outboundCalls: null }).toEqual(base);
  }, 60_000);

  it("replaces the rules' opening hours for a variant and staffs only its open intervals", async () => {
    const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
    // 09:00-18:00: the rules' 8- and 8.5-hour full-time shifts fit inside (part-time is at most 30%)
    const hours = Object.fromEntries(weekdays.map((d) => [d, [{ open: '09:00', close: '18:00' }]]));
    const plans = new Map<string, PlanResult>();
    const rows = await compareScenarios(
      { base: shortBase, variants: [{ name: 'short', openingHours: hours }] },
      { baseDir, onPlan: (name, r) => plans.set(name, r) },
    );
    const short = plans.get('short')!;
    const hoursOf = (r: PlanResult) =>
      Array.from(r.requirement.starts, (t) =>
        new Date(t).toLocaleTimeString('en-GB', { timeZone: 'America/New_York', hour12: false }),
      );
    expect(hoursOf(short)[0]).toBe('09:00:00');
    expect(hoursOf(short).at(-1)).toBe('17:30:00');
    expect(hoursOf(plans.get('base')!)[0]).toBe('07:00:00');
    expect(short.requirement.starts.length).toBe(18); // one weekday of 30-minute intervals 09:00-18:00
    expect(rows[1]!.scheduleCost!).toBeLessThan(rows[0]!.scheduleCost!);
    expect(rows[1]!.serviceLevel).toBeGreaterThan(0.8);
  }, 60_000);
});

describe('compareScenarios with a multi-queue base plan', () => {
  const planDir = planFixtureDir;
  const queuesBase: PlanConfigInput = twoQueueConfig;

  it('staffs every queue (not the unfiltered history) and scales each with the volume override', async () => {
    const rows = await compareScenarios(
      { base: queuesBase, variants: [{ name: 'busy', volumeFactor: 1.2 }] },
      { baseDir: planDir, schedule: false },
    );
    const [base, busy] = rows;
    const staffed = await planRequirement(parsePlanConfig(queuesBase), { baseDir: planDir, source: 'q' });
    const pooledCalls = staffed.forecast.calls.reduce((s, c) => s + c, 0);
    expect(pooledCalls).toBeGreaterThan(0);
    expect(base?.forecastCalls).toBeCloseTo(pooledCalls, 6);
    expect(base?.agentHours).toBeCloseTo(staffed.requirement.agentHours, 9);
    expect(busy?.forecastCalls).toBeCloseTo(1.2 * (base?.forecastCalls ?? Number.NaN), 6);
    expect(busy?.agentHours).toBeGreaterThan(base?.agentHours ?? Number.POSITIVE_INFINITY);
  });
});

describe('runScenario', () => {
  it('renders the rows of a scenario file as the format asks and reports scenarios done of the total', async () => {
    const events: ProgressEvent[] = [];
    const run = await runScenario({
      input: { file: 'scenarios.json' },
      cwd: baseDir,
      schedule: false,
      format: 'csv',
      onProgress: (e) => events.push(e),
    });
    expect(run.output).toBe(formatScenarioCsv(run.rows));
    expect(run.rows.map((r) => r.name)).toEqual(['base', 'busy', 'deflect']);
    expect(run.reportHtml).toBeNull();
    expect(run.messages).toEqual([]);
    expect(events.map((e) => [e.phase, e.done, e.total])).toEqual([
      ['start', undefined, 3],
      ['advance', 1, 3],
      ['advance', 2, 3],
      ['advance', 3, 3],
      ['done', undefined, undefined],
    ]);
    const table = await runScenario({
      input: { file: 'scenarios.json' },
      cwd: baseDir,
      schedule: false,
      format: 'table',
    });
    expect(table.output).toBe(formatScenarioTable(table.rows));
    expect(table.messages).toEqual([`scenario: ${scenarioFteNote(table.rows)}\n`]);
  });

  it('sweeps a base plan, one row per step', async () => {
    const run = await runScenario({
      input: { base: 'plan.json', sweep: 'volume=0.9:1.1:0.1' },
      cwd: baseDir,
      schedule: false,
      format: 'json',
    });
    expect(JSON.parse(run.output).map((r: { name: string }) => r.name)).toEqual([
      'base',
      'volume=0.9',
      'volume=1',
      'volume=1.1',
    ]);
  });

  it('throws USAGE for a report without scheduling and for a file with a sweep', async () => {
    await expect(
      runScenario({
        input: { file: 'scenarios.json' },
        cwd: baseDir,
        schedule: false,
        report: true,
        format: 'table',
      }),
    ).rejects.toMatchObject({ code: 'USAGE' });
    await expect(
      runScenario({
        input: { file: 'scenarios.json', base: 'plan.json', sweep: 'volume=1:1:1' },
        cwd: baseDir,
        format: 'table',
      }),
    ).rejects.toThrow('scenario: give a scenario file or --base with --sweep, not both');
  });
});
