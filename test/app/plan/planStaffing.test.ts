import { describe, expect, it } from 'vitest';
import { planQueueStaffing, planStaffingOptions } from '../../../src/app/plan/planStaffing.js';
import { parsePlanConfig, planQueueSchema } from '../../../src/schemas/planConfig.js';

const config = {
  history: { file: 'h.csv', timeZone: 'UTC' },
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  ahtSeconds: 300,
  rules: 'r.json',
};

describe('planStaffingOptions', () => {
  it('gives the defaults and only the keys the config sets, with no undefined target keys', () => {
    const options = planStaffingOptions(parsePlanConfig(config));
    expect(options).toStrictEqual({
      target: { serviceLevel: 0.8, thresholdSeconds: 20 },
      shrinkage: 0.3,
      scope: 'interval',
      ahtSeconds: 300,
    });
    expect(
      planStaffingOptions(parsePlanConfig({ ...config, patienceSeconds: 120, minAgents: 2 })),
    ).toMatchObject({ patienceSeconds: 120, minAgents: 2 });
  });
});

describe('planQueueStaffing', () => {
  it("keeps a queue's name, channel and the staffing keys it sets, and nothing else", () => {
    expect(
      planQueueStaffing(planQueueSchema.parse({ name: 'chat', channel: 'chat', concurrency: 2 })),
    ).toStrictEqual({ name: 'chat', channel: 'chat', concurrency: 2 });
    expect(
      planQueueStaffing(
        planQueueSchema.parse({
          name: 'mail',
          channel: 'email',
          historyQueue: 'NE',
          deadlineMinutes: 120,
          ahtSeconds: 200,
          shrinkage: 0.2,
        }),
      ),
    ).toStrictEqual({
      name: 'mail',
      channel: 'email',
      deadlineMinutes: 120,
      ahtSeconds: 200,
      shrinkage: 0.2,
    });
    expect(planQueueStaffing(planQueueSchema.parse({ name: 'v' }))).toStrictEqual({
      name: 'v',
      channel: 'voice',
    });
  });
});
