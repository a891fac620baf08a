import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../src/forecast/types.js';
import { readStaffingConfig } from '../../src/schemas/staffingConfig.js';
import { deferredRequirement } from '../../src/staffing/deferredRequirement.js';
import {
  multiQueuePlan,
  multiQueuePlanEach,
  planTotalsAccumulator,
  type QueueStaffing,
} from '../../src/staffing/multiQueuePlan.js';
import { staffingPlan } from '../../src/staffing/staffingPlan.js';

const SL80 = { serviceLevel: 0.8, thresholdSeconds: 20 };
const T0 = Date.UTC(2024, 0, 1, 8);

function grid(calls: number[], intervalMinutes: number, start = T0, timeZone = 'UTC'): Forecast {
  return {
    timeZone,
    intervalMinutes,
    starts: Float64Array.from(calls, (_, i) => start + i * intervalMinutes * 60_000),
    calls: Float64Array.from(calls),
  };
}

describe('multiQueuePlan', () => {
  it('plans voice, chat and email queues with their own parameters and sums agents per instant', () => {
    const config = readStaffingConfig(
      JSON.stringify({
        queues: [
          { name: 'voice', patienceSeconds: 120 },
          { name: 'chat', channel: 'chat', concurrency: 2, ahtSeconds: 600 },
          { name: 'mail', channel: 'email', ahtSeconds: 360, deadlineMinutes: 60 },
        ],
      }),
    );
    const forecasts = new Map([
      ['voice', grid([100, 80], 30)],
      ['chat', grid([40, 40], 30)],
      ['mail', grid([30, 0], 30)],
    ]);
    const plan = multiQueuePlan(forecasts, config, { target: SL80, ahtSeconds: 180 });
    const voice = staffingPlan(forecasts.get('voice')!, {
      target: SL80,
      ahtSeconds: 180,
      patienceSeconds: 120,
    });
    const chat = staffingPlan(forecasts.get('chat')!, { target: SL80, ahtSeconds: 600, concurrency: 2 });
    const mail = deferredRequirement([30, 0], { intervalMinutes: 30, ahtSeconds: 360, deadlineMinutes: 60 });
    expect([...plan.queues[0]!.plan.agents]).toEqual([...voice.agents]);
    expect([...plan.queues[1]!.plan.agents]).toEqual([...chat.agents]);
    expect([...plan.queues[2]!.plan.agents]).toEqual([...mail.agents]);
    expect([...plan.queues[2]!.deferred!.backlog]).toEqual([15, 0]);
    expect([...plan.totals.agents]).toEqual(
      [0, 1].map((i) => voice.agents[i]! + chat.agents[i]! + mail.agents[i]!),
    );
    expect(plan.requirement.queue).toEqual(['voice', 'chat', 'mail', 'voice', 'chat', 'mail']);
    expect(plan.agentHours).toBe(voice.agentHours + chat.agentHours + mail.agentHours);
  });

  it('staffs an email queue with no contacts at all to zero agents from its handle-time column', () => {
    const config = readStaffingConfig(
      JSON.stringify({ queues: [{ name: 'mail', channel: 'email', deadlineMinutes: 120 }] }),
    );
    const mail = { ...grid([0, 0], 30), ahtSeconds: Float64Array.of(220, 220) };
    const plan = multiQueuePlan(new Map([['mail', mail]]), config, { target: SL80 });
    expect([...plan.requirement.agents]).toEqual([0, 0]);
    // without any known handle time it is still an error naming the missing input
    const bare = grid([0, 0], 30);
    expect(() => multiQueuePlan(new Map([['mail', bare]]), config, { target: SL80 })).toThrow(/ahtSeconds/);
  });

  it('aligns a +05:30 site on 30-minute intervals with an hourly UTC queue by instant', () => {
    const config = readStaffingConfig(
      JSON.stringify({ queues: [{ name: 'uk' }, { name: 'india', timeZone: 'Asia/Kolkata' }] }),
    );
    // uk: hourly from 08:00 UTC; india: half-hours from 08:30 UTC (14:00 local)
    const uk = grid([100, 100], 60);
    const india = grid([50, 50], 30, T0 + 30 * 60_000, 'Asia/Kolkata');
    const plan = multiQueuePlan(
      new Map([
        ['uk', uk],
        ['india', india],
      ]),
      config,
      { target: SL80, ahtSeconds: 180 },
    );
    const a = plan.queues[0]!.plan.agents;
    const b = plan.queues[1]!.plan.agents;
    expect(plan.totals.intervalMinutes).toBe(30);
    expect([...plan.totals.starts]).toEqual([0, 1, 2, 3].map((k) => T0 + k * 30 * 60_000));
    expect([...plan.totals.agents]).toEqual([a[0]!, a[0]! + b[0]!, a[1]! + b[1]!, a[1]!]);
  });

  it('names a forecast queue missing from the config, and a config queue missing from the forecast', () => {
    const config = readStaffingConfig('{"queues":[{"name":"sales"}]}');
    expect(() =>
      multiQueuePlan(
        new Map([
          ['sales', grid([1], 30)],
          ['support', grid([1], 30)],
        ]),
        config,
        { target: SL80, ahtSeconds: 180 },
      ),
    ).toThrow(
      "staffing config: queue 'support' is in the forecast but not in the config (config queues: sales)",
    );
    const two = readStaffingConfig('{"queues":[{"name":"sales"},{"name":"billing"}]}');
    expect(() =>
      multiQueuePlan(new Map([['sales', grid([1], 30)]]), two, { target: SL80, ahtSeconds: 180 }),
    ).toThrow("staffing config: queue 'billing' is not in the forecast (forecast queues: sales)");
  });

  it('prefixes errors of one queue with its name', () => {
    const config = readStaffingConfig('{"queues":[{"name":"sales"}]}');
    expect(() => multiQueuePlan(new Map([['sales', grid([1], 30)]]), config, { target: SL80 })).toThrow(
      "queue 'sales': staffingPlan: ahtSeconds is required",
    );
  });

  it("hands a queue's target and shrinkage on as given: an Infinity is refused as Infinity, never read as null", () => {
    const forecasts = new Map([['sales', grid([100], 30)]]);
    const base = { target: SL80, ahtSeconds: 180 };
    // a shrinkage table whose default is not a fraction: refused as staffingPlan refuses it
    const shrinkage = { default: Number.POSITIVE_INFINITY, rules: [] };
    expect(() => staffingPlan(grid([100], 30), { ...base, shrinkage })).toThrow(
      'shrinkageByInterval: shrinkage.default must be a fraction in [0, 1) (got Infinity)',
    );
    expect(() =>
      multiQueuePlan(forecasts, { queues: [{ name: 'sales', channel: 'voice' as const, shrinkage }] }, base),
    ).toThrow(
      "queue 'sales': shrinkageByInterval: shrinkage.default must be a fraction in [0, 1) (got Infinity)",
    );
    const target = { ...SL80, maxAsaSeconds: Number.POSITIVE_INFINITY };
    expect(() =>
      multiQueuePlan(forecasts, { queues: [{ name: 'sales', channel: 'voice' as const, target }] }, base),
    ).toThrow(
      "queue 'sales': staffingPlan: target.maxAsaSeconds must be a finite number >= 0 (got Infinity)",
    );
  });
});

async function collect(queues: AsyncIterable<QueueStaffing>): Promise<QueueStaffing[]> {
  const out: QueueStaffing[] = [];
  for await (const q of queues) out.push(q);
  return out;
}

describe('multiQueuePlanEach and planTotalsAccumulator', () => {
  const config = readStaffingConfig(
    JSON.stringify({
      queues: [
        { name: 'voice', patienceSeconds: 120, shrinkage: 0.2 },
        { name: 'chat', channel: 'chat', concurrency: 2, ahtSeconds: 600 },
        { name: 'mail', channel: 'email', ahtSeconds: 360, deadlineMinutes: 60 },
        { name: 'india', timeZone: 'Asia/Kolkata' },
        { name: 'late', minAgents: 2 },
      ],
    }),
  );
  const forecasts = new Map([
    ['voice', grid([100, 80, 60, 20], 30)],
    ['chat', grid([40, 40], 60, T0 + 30 * 60_000)],
    ['mail', grid([30, 0, 12], 30)],
    ['india', grid([10, 20, 30, 40, 50], 15, T0 + 45 * 60_000)],
    ['late', grid([5, 6], 30, T0 + 3 * 3_600_000)],
  ]);
  const base = { target: SL80, ahtSeconds: 180 };

  it('yields the queues of multiQueuePlan one by one, in config order, in the calling thread and on threads in batches', async () => {
    const whole = multiQueuePlan(forecasts, config, base);
    expect(await collect(multiQueuePlanEach(forecasts, config, base))).toEqual(whole.queues);
    const threaded = multiQueuePlanEach(forecasts, config, base, {
      parallel: true,
      workers: 2,
      batchQueues: 2,
    });
    expect(await collect(threaded)).toEqual(whole.queues);
  });

  it('sums the queues added one at a time into the totals of multiQueuePlan, whatever the order', () => {
    const whole = multiQueuePlan(forecasts, config, base);
    const totals = planTotalsAccumulator([...forecasts.values()], 'UTC');
    for (const q of [...whole.queues].reverse()) totals.add(q.plan);
    expect(totals.totals()).toEqual(whole.totals);
    expect(planTotalsAccumulator([], 'UTC').totals().starts).toEqual(new Float64Array(0));
  });

  it('throws the error of the first failing queue in config order when its turn comes, after the queues before it', async () => {
    const bad = new Map(forecasts);
    bad.set('india', { ...forecasts.get('india')!, calls: Float64Array.of(10, -1, 30, 40, 50) });
    bad.set('late', { ...forecasts.get('late')!, calls: Float64Array.of(-5, 6) });
    let expected = '';
    try {
      multiQueuePlan(bad, config, base);
    } catch (error) {
      expected = (error as Error).message;
    }
    expect(expected).toMatch(/^queue 'india': /);
    for (const options of [{}, { parallel: true, workers: 2, batchQueues: 4 }]) {
      const seen: string[] = [];
      const run = async () => {
        for await (const q of multiQueuePlanEach(bad, config, base, options)) seen.push(q.name);
      };
      await expect(run()).rejects.toMatchObject({
        message: expected,
        details: expect.objectContaining({ queue: 'india' }),
      });
      expect(seen).toEqual(['voice', 'chat', 'mail']);
    }
  });

  it('loads the forecasts of a QueueForecastSource one batch at a time, giving the queues of multiQueuePlan', async () => {
    const whole = multiQueuePlan(forecasts, config, base);
    for (const options of [{ batchQueues: 1 }, { parallel: true, workers: 2, batchQueues: 2 }]) {
      const loaded: string[] = [];
      const yielded: string[] = [];
      const source = {
        names: [...forecasts.keys()],
        load: async (name: string) => {
          loaded.push(name);
          return forecasts.get(name)!;
        },
      };
      const plans: QueueStaffing[] = [];
      for await (const q of multiQueuePlanEach(source, config, base, options)) {
        yielded.push(q.name);
        plans.push(q);
        // never more than one batch loaded ahead of the queues handed out
        expect(loaded.length).toBeLessThanOrEqual(
          Math.ceil(yielded.length / options.batchQueues) * options.batchQueues,
        );
      }
      expect(plans).toEqual(whole.queues);
      expect(loaded).toEqual(config.queues.map((q) => q.name));
    }
  });

  it('checks the queue names of a source before loading any forecast', async () => {
    const load = () => {
      throw new Error('loaded');
    };
    await expect(
      collect(
        multiQueuePlanEach({ names: ['voice', 'chat', 'other'], load }, config, base, {
          configName: 'c.json',
        }),
      ),
    ).rejects.toThrow("c.json: queue 'other' is in the forecast but not in the config");
    await expect(collect(multiQueuePlanEach({ names: ['voice'], load }, config, base))).rejects.toThrow(
      "staffing config: queue 'chat' is not in the forecast (forecast queues: voice)",
    );
  });

  it('rejects a batch size that is not a whole number >= 1', async () => {
    await expect(collect(multiQueuePlanEach(forecasts, config, base, { batchQueues: 0 }))).rejects.toThrow(
      'batchQueues',
    );
  });
});
