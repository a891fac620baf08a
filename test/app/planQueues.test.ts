import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { planFileContents } from '../../src/app/plan/planOutputs.js';
import { planReportInput } from '../../src/app/plan/reportInput.js';
import { type PlanResult, plan } from '../../src/app/plan.js';
import { forecast } from '../../src/forecast/forecast.js';
import { readHistoryCsv } from '../../src/io/readHistoryCsv.js';
import { writeRequirementCsv } from '../../src/io/requirementCsv.js';
import { queueMetrics } from '../../src/queueing/queueMetrics.js';
import { renderReportHtml } from '../../src/report/html.js';
import { validateReportInput } from '../../src/report/validate.js';
import type { PlanConfigInput } from '../../src/schemas/planConfig.js';
import { deferredRequirement } from '../../src/staffing/deferredRequirement.js';
import { outboundCapacity } from '../../src/staffing/outboundCapacity.js';
import { staffingPlan } from '../../src/staffing/staffingPlan.js';

const baseDir = fileURLToPath(new URL('../fixtures/plan/', import.meta.url));
const file = 'anonymous_bank_queues_30min.csv';
const target = { serviceLevel: 0.8, thresholdSeconds: 20 };
const config: PlanConfigInput = {
  history: { file, timeZone: 'Asia/Jerusalem' },
  horizonDays: 7,
  forecast: { method: 'historical-average' },
  target,
  patienceSeconds: 120,
  shrinkage: 0.3,
  rules: 'rules_il.json',
  outbound: { ahtSeconds: 300 },
  queues: [
    { name: 'regular', historyQueue: 'PS' },
    {
      name: 'prospects',
      historyQueue: 'NW',
      channel: 'chat',
      concurrency: 2,
      target: { serviceLevel: 0.9, thresholdSeconds: 30 },
    },
    { name: 'stocks', historyQueue: 'NE', channel: 'email', deadlineMinutes: 120, ahtSeconds: 200 },
  ],
};

async function queueForecast(queue: string) {
  const { history } = await readHistoryCsv(`${baseDir}${file}`, { timeZone: 'Asia/Jerusalem', queue });
  return forecast(history, { horizonDays: 7, method: 'historical-average' });
}

const sumAt = (r: PlanResult, field: 'agents' | 'scheduledAgents' | 'calls', k: number) =>
  (r.queues ?? []).reduce((s, q) => {
    const i = Array.from(q.poolIndex).indexOf(k);
    return s + (i < 0 ? 0 : (q.requirement[field][i] ?? 0));
  }, 0);

describe('plan with three queues (voice, chat, email) from one history with a queue column', () => {
  let r: PlanResult;
  beforeAll(async () => {
    r = await plan(config, { baseDir, source: 'multi.json' });
  }, 60_000);

  it('forecasts each queue from its own rows, as a single-queue forecast of those rows would', async () => {
    expect(r.queues?.map((q) => [q.name, q.channel])).toEqual([
      ['regular', 'voice'],
      ['prospects', 'chat'],
      ['stocks', 'email'],
    ]);
    const f = await queueForecast('NW');
    expect(Array.from(r.queues?.[1]?.forecast.calls ?? [])).toEqual(Array.from(f.calls));
    expect(r.queues?.[1]?.readReport.rowsUsed).toBe(952); // 28 days x 34 intervals
  });

  it('staffs the voice queue as staffingPlan of that queue alone (Erlang A, top-level target)', async () => {
    const alone = staffingPlan(await queueForecast('PS'), { target, patienceSeconds: 120, shrinkage: 0.3 });
    const q = r.queues?.[0];
    expect(Array.from(q?.requirement.agents ?? [])).toEqual(Array.from(alone.agents));
    expect(Array.from(q?.requirement.scheduledAgents ?? [])).toEqual(Array.from(alone.scheduledAgents));
    expect(q?.requirement.model).toBe('erlang-a');
  });

  it('staffs the chat queue with its concurrency and its own target', async () => {
    const alone = staffingPlan(await queueForecast('NW'), {
      target: { serviceLevel: 0.9, thresholdSeconds: 30 },
      patienceSeconds: 120,
      shrinkage: 0.3,
      concurrency: 2,
    });
    expect(Array.from(r.queues?.[1]?.requirement.agents ?? [])).toEqual(Array.from(alone.agents));
    const single = staffingPlan(await queueForecast('NW'), {
      target: { serviceLevel: 0.9, thresholdSeconds: 30 },
      patienceSeconds: 120,
    });
    expect(alone.agentHours).toBeLessThan(single.agentHours); // two chats at once need fewer agents
  });

  it('staffs the email queue with deferredRequirement: smallest peak clearing every item within 120 minutes', async () => {
    const f = await queueForecast('NE');
    const q = r.queues?.[2];
    const step = 30 * 60_000;
    const first = f.starts[0] ?? 0;
    const len = Math.round(((f.starts.at(-1) ?? 0) - first) / step) + 1;
    const arrivals = new Float64Array(len);
    const open = new Array<boolean>(len).fill(false);
    f.starts.forEach((ms, i) => {
      const k = Math.round((ms - first) / step);
      arrivals[k] = f.calls[i] ?? 0;
      open[k] = true;
    });
    const d = deferredRequirement(arrivals, {
      intervalMinutes: 30,
      ahtSeconds: 200,
      deadlineMinutes: 120,
      open,
    });
    const agents = Array.from(f.starts, (ms) => d.agents[Math.round((ms - first) / step)]);
    expect(Array.from(q?.requirement.agents ?? [])).toEqual(agents);
    expect(q?.deferred?.peakAgents).toBe(d.peakAgents);
  });

  it('sums the queues per interval into the pool requirement the schedule covers', () => {
    const req = r.requirement;
    for (let k = 0; k < req.starts.length; k++) {
      expect(req.agents[k]).toBe(sumAt(r, 'agents', k));
      expect(req.scheduledAgents[k]).toBe(sumAt(r, 'scheduledAgents', k));
      expect(req.calls[k]).toBeCloseTo(sumAt(r, 'calls', k), 9);
    }
    expect(Array.from(r.schedule.coverage.required)).toEqual(Array.from(req.scheduledAgents));
    const hours = (r.queues ?? []).reduce((s, q) => s + q.requirement.agentHours, 0);
    expect(r.summary.requiredAgentHours).toBeCloseTo(hours, 9);
    expect(r.summary.queues?.reduce((s, q) => s + q.requiredAgentHours, 0)).toBeCloseTo(hours, 9);
  });

  it("splits the pool's whole on-phone agents among the queues in proportion to their requirement", () => {
    const req = r.requirement;
    expect(r.queues?.length).toBeGreaterThan(0);
    for (let k = 0; k < req.starts.length; k++) {
      const pool = Math.floor((r.onPhoneAgents[k] ?? 0) + 1e-9);
      let given = 0;
      for (const q of r.queues ?? []) {
        const i = Array.from(q.poolIndex).indexOf(k);
        if (i < 0) continue;
        const share = q.onPhoneAgents[i] ?? 0;
        given += share;
        const need = req.agents[k] ?? 0;
        if (need > 0)
          expect(Math.abs(share - (pool * (q.requirement.agents[i] ?? 0)) / need)).toBeLessThan(1);
      }
      expect(given).toBe(pool);
    }
  });

  it('evaluates the voice queue with Erlang A at its share of the agents', () => {
    const q = r.queues?.[0];
    if (q === undefined) throw new Error('no queue');
    for (let i = 0; i < q.requirement.starts.length; i += 7) {
      const m = queueMetrics(
        {
          callsPerInterval: q.requirement.calls[i] ?? 0,
          intervalMinutes: 30,
          ahtSeconds: (q.requirement.calls[i] ?? 0) > 0 ? (q.requirement.ahtSeconds[i] ?? 1) : 1,
          patienceSeconds: 120,
        },
        q.onPhoneAgents[i] ?? 0,
        { thresholdSeconds: 20 },
      );
      expect(q.evaluation.serviceLevel[i]).toBeCloseTo(m.serviceLevel, 12);
    }
  });

  it('aggregates the service level over the queues weighted by contacts', () => {
    const qs = r.summary.queues ?? [];
    const calls = qs.reduce((s, q) => s + q.forecastCalls, 0);
    expect(r.summary.forecastCalls).toBeCloseTo(calls, 6);
    expect(r.summary.serviceLevel).toBeCloseTo(
      qs.reduce((s, q) => s + q.forecastCalls * q.serviceLevel, 0) / calls,
      9,
    );
    expect(qs[2]?.abandonRate).toBe(0);
    expect(qs[2]?.serviceLevel).toBeGreaterThan(0.99); // the email share follows its requirement
  });

  it("computes outbound capacity on the pool: the pool's required and expected on-phone agents", () => {
    const cap = outboundCapacity(r.requirement.agents, r.onPhoneAgents, {
      ahtSeconds: 300,
      intervalMinutes: 30,
    });
    expect(r.outbound).toEqual(cap);
    expect(cap.totalCalls).toBeGreaterThan(0);
    expect(r.summary.outbound?.calls).toBe(cap.totalCalls);
  });

  it('reports the peak of the expected on-phone agents and evaluates their whole number', () => {
    const onPhone = Array.from(r.onPhoneAgents);
    expect(r.summary.peakOnPhoneAgents).toBe(Math.max(...onPhone));
    expect(onPhone.some((a) => !Number.isInteger(a))).toBe(true); // net x (1 - 0.3) is fractional
    expect(Array.from(r.evaluation.agents)).toEqual(onPhone.map((a) => Math.floor(a + 1e-9)));
    const input = planReportInput(r, { generatedAt: 0 });
    expect(input.summary.peakScheduledAgents).toBe(r.summary.peakOnPhoneAgents);
  });

  it('writes forecast.csv and requirements.csv with a queue column, coverage.csv for the pool', () => {
    const rows = (r.queues ?? []).reduce((s, q) => s + q.forecast.starts.length, 0);
    const fcsv = planFileContents(r, '')['forecast.csv'].trim().split('\n');
    expect(fcsv[0]).toBe('interval_start,queue,calls,aht_seconds');
    expect(fcsv).toHaveLength(rows + 1);
    expect(fcsv[1]).toMatch(/^1999-03-01T07:00:00\+02:00,regular,/);
    expect(fcsv[2]).toMatch(/^1999-03-01T07:00:00\+02:00,prospects,/);
    const rcsv = writeRequirementCsv(r.queueRequirements ?? r.requirement)
      .trim()
      .split('\n');
    expect(rcsv[0]?.startsWith('interval_start,queue,calls')).toBe(true);
    expect(rcsv).toHaveLength(rows + 1);
    expect(planFileContents(r, '')['coverage.csv'].trim().split('\n')).toHaveLength(
      r.requirement.starts.length + 1,
    );
    const json = JSON.parse(planFileContents(r, '')['summary.json']);
    expect(json.summary.queues.map((q: { name: string }) => q.name)).toEqual([
      'regular',
      'prospects',
      'stocks',
    ]);
  });

  it('shows a per-queue table in the report', async () => {
    const input = planReportInput(r, { generatedAt: 0 });
    expect(() => validateReportInput(input)).not.toThrow();
    expect(input.queues?.map((q) => q.name)).toEqual(['regular', 'prospects', 'stocks']);
    const html = await renderReportHtml(input);
    expect(html).toContain('<h2>By queue</h2>');
    expect(html).toContain('<td>prospects</td><td>chat</td>');
  }, 30_000);
});

describe('plan with queues in two time zones', () => {
  it("puts both on the first queue's grid by instant: the second zone's intervals start an hour later", async () => {
    const r = await plan(
      {
        ...config,
        outbound: undefined,
        queues: [
          { name: 'il', historyQueue: 'PS' },
          { name: 'de', historyQueue: 'NE', history: { file, timeZone: 'Europe/Berlin' } },
        ],
      } as PlanConfigInput,
      { baseDir },
    );
    const [il, de] = r.queues ?? [];
    expect(de?.forecast.timeZone).toBe('Europe/Berlin');
    expect(r.requirement.timeZone).toBe('Asia/Jerusalem');
    // 07:00 in Berlin is 08:00 in Jerusalem; the pool grid runs to 01:00 Jerusalem time
    expect((de?.forecast.starts[0] ?? 0) - (il?.forecast.starts[0] ?? 0)).toBe(3_600_000);
    expect(r.requirement.starts.length).toBe(7 * 36);
    expect(il?.poolIndex.length).toBeGreaterThan(0);
    expect(de?.poolIndex.length).toBeGreaterThan(0);
    for (const q of [il, de])
      q?.poolIndex.forEach((k, i) => {
        expect(r.requirement.starts[k]).toBe(q.requirement.starts[i]);
      });
    expect(r.summary.unstaffedIntervals).toBeGreaterThan(0); // 00:00-01:00 is outside the rules' hours
  }, 60_000);
});

describe('plan queue config errors', () => {
  const queues = config.queues ?? [];
  const run = (patch: Partial<PlanConfigInput>) =>
    plan({ ...config, ...patch }, { baseDir, source: 'p.json' });

  it('rejects an unknown queue key naming the queue index', async () => {
    await expect(run({ queues: [{ name: 'a', colour: 'red' } as never] })).rejects.toMatchObject({
      code: 'CONFIG',
      message: expect.stringMatching(/^p\.json: queues\[0\][^\n]*"colour"/),
    });
  });

  it('rejects duplicate queue names', async () => {
    await expect(run({ queues: [{ name: 'a' }, { name: 'a' }] })).rejects.toThrow(
      "p.json: queues[1].name: duplicate queue name 'a' (also queues[0])",
    );
  });

  it('rejects an email queue without a deadline and chat-only or email-only fields elsewhere', async () => {
    await expect(run({ queues: [{ name: 'e', channel: 'email' }] })).rejects.toThrow(
      "p.json: queues[0].deadlineMinutes: required for channel 'email'",
    );
    await expect(run({ queues: [{ name: 'v', concurrency: 2 }] })).rejects.toThrow(
      "p.json: queues[0].concurrency: only for channel 'chat'",
    );
    await expect(
      run({ queues: [{ name: 'e', channel: 'email', deadlineMinutes: 60, patienceSeconds: 60 }] }),
    ).rejects.toThrow("p.json: queues[0].patienceSeconds: not for channel 'email' (deferred work)");
    await expect(run({ queues: [{ name: 'v', deadlineMinutes: 60 }] })).rejects.toThrow(
      "p.json: queues[0].deadlineMinutes: only for channel 'email'",
    );
  });

  it('names queues[i].ahtSeconds when a queue has no handle time', async () => {
    await expect(
      run({
        queues: [
          queues[0] ?? { name: 'x' },
          { name: 'us', history: { file: 'bank_3weeks_5min.csv', timeZone: 'America/New_York' } },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'CONFIG',
      message:
        'p.json: queues[1].ahtSeconds: required because bank_3weeks_5min.csv has no aht_seconds column and there is no top-level ahtSeconds',
    });
  });

  it('names queues[i].history.file when a queue history file is missing', async () => {
    await expect(
      run({
        queues: [queues[0] ?? { name: 'x' }, { name: 'b', history: { file: 'nope.csv', timeZone: 'UTC' } }],
      }),
    ).rejects.toMatchObject({
      code: 'FILE_READ',
      message: 'p.json: queues[1].history.file: cannot read nope.csv: no such file',
    });
  });

  it('fails naming the queue value when historyQueue is not in the file', async () => {
    await expect(run({ queues: [{ name: 'x', historyQueue: 'ZZ' }] })).rejects.toThrow(
      /no rows of queue 'ZZ'/,
    );
  });
});
