import { describe, expect, it } from 'vitest';
import { jsonSchemaFor } from '../../src/app/schema.js';
import { type PlanConfigInput, parsePlanConfig, readPlanConfig } from '../../src/schemas/planConfig.js';

const minimal = {
  history: { file: 'h.csv', timeZone: 'America/New_York' },
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  ahtSeconds: 300,
  rules: 'rules.json',
};

describe('planConfigSchema', () => {
  it('accepts the four-line minimal config and fills in the documented defaults', () => {
    const c = parsePlanConfig(minimal);
    expect(c.horizonDays).toBe(7);
    expect(c.shrinkage).toBe(0.3);
    expect(c.scope).toBe('interval');
    expect(c.paidHoursPerWeek).toBe(40);
    expect(c.schedule).toEqual({ timeLimitSeconds: 600 });
    expect(c.forecast).toBeUndefined();
    expect(c.rules).toBe('rules.json');
  });

  it('takes a whole positive schedule.workLimit and rejects a fractional or zero one naming it', () => {
    expect(parsePlanConfig({ ...minimal, schedule: { workLimit: 5000 } }).schedule).toEqual({
      workLimit: 5000,
      timeLimitSeconds: 600,
    });
    for (const workLimit of [0, 2.5])
      expect(() => parsePlanConfig({ ...minimal, schedule: { workLimit } }, 'plan.json')).toThrow(
        /^plan\.json: schedule\.workLimit: /,
      );
  });

  it('takes target.confidence in [0.5, 0.99] and rejects others naming the key', () => {
    for (const confidence of [0.5, 0.9, 0.99])
      expect(
        parsePlanConfig({ ...minimal, target: { ...minimal.target, confidence } }).target.confidence,
      ).toBe(confidence);
    for (const confidence of [0.49, 0.995, 1, 90])
      expect(() =>
        parsePlanConfig({ ...minimal, target: { ...minimal.target, confidence } }, 'plan.json'),
      ).toThrow(/^plan\.json: target\.confidence: /);
  });

  it('rejects target.confidence with queues, without a service level, or with scope week', () => {
    const q = { ...minimal, target: { ...minimal.target, confidence: 0.9 }, queues: [{ name: 'a' }] };
    expect(() => parsePlanConfig(q, 'plan.json')).toThrow(/target\.confidence: not supported with queues/);
    expect(() =>
      parsePlanConfig({ ...minimal, target: { thresholdSeconds: 20, confidence: 0.9 } }, 'plan.json'),
    ).toThrow(/target\.confidence: needs target\.serviceLevel/);
    expect(() =>
      parsePlanConfig(
        { ...minimal, scope: 'week', target: { ...minimal.target, confidence: 0.9 } },
        'plan.json',
      ),
    ).toThrow(/target\.confidence: needs scope/);
  });

  it('rejects an unknown top-level key naming it', () => {
    expect(() => parsePlanConfig({ ...minimal, colour: 'red' }, 'plan.json')).toThrow(
      /^plan\.json: (\(root\): )?[^:]*"colour"/,
    );
  });

  it('rejects an unknown nested key naming its path', () => {
    expect(() =>
      parsePlanConfig({ ...minimal, history: { ...minimal.history, tz: 'UTC' } }, 'plan.json'),
    ).toThrow(/^plan\.json: history: [^:]*"tz"/);
    expect(() => parsePlanConfig({ ...minimal, schedule: { timeLimit: 5 } }, 'plan.json')).toThrow(
      /^plan\.json: schedule: [^:]*"timeLimit"/,
    );
  });

  it('rejects a missing history file, a percent service level and a bad output interval', () => {
    const { history: _h, ...noHistory } = minimal;
    expect(() => parsePlanConfig(noHistory, 'p')).toThrow(/^p: history: /);
    expect(() =>
      parsePlanConfig({ ...minimal, target: { serviceLevel: 80, thresholdSeconds: 20 } }, 'p'),
    ).toThrow(/^p: target\.serviceLevel: /);
    expect(() => parsePlanConfig({ ...minimal, outputIntervalMinutes: 7 }, 'p')).toThrow(
      'p: outputIntervalMinutes: must divide 1440',
    );
  });

  it('accepts outbound work with a default maxOccupancy of 1 and rejects bad outbound fields', () => {
    expect(parsePlanConfig(minimal).outbound).toBeUndefined();
    expect(parsePlanConfig({ ...minimal, outbound: { ahtSeconds: 240 } }).outbound).toEqual({
      ahtSeconds: 240,
      maxOccupancy: 1,
    });
    expect(() => parsePlanConfig({ ...minimal, outbound: { ahtSeconds: 0 } }, 'p')).toThrow(
      /^p: outbound\.ahtSeconds: /,
    );
    expect(() =>
      parsePlanConfig({ ...minimal, outbound: { ahtSeconds: 60, maxOccupancy: 1.5 } }, 'p'),
    ).toThrow(/^p: outbound\.maxOccupancy: /);
    expect(() => parsePlanConfig({ ...minimal, outbound: { ahtSeconds: 60, dialer: 'x' } }, 'p')).toThrow(
      /^p: outbound: [^:]*"dialer"/,
    );
    expect(() => parsePlanConfig({ ...minimal, outbound: {} }, 'p')).toThrow(/^p: outbound\.ahtSeconds: /);
  });

  it('accepts queues with per-queue overrides, defaulting the channel to voice', () => {
    const c = parsePlanConfig({
      ...minimal,
      queues: [
        { name: 'sales', historyQueue: 'S' },
        { name: 'chat', channel: 'chat', concurrency: 3, ahtSeconds: 400, shrinkage: 0.2 },
        { name: 'mail', channel: 'email', deadlineMinutes: 480, deadlineBasis: 'business' },
      ],
    });
    expect(c.queues?.map((q) => q.channel)).toEqual(['voice', 'chat', 'email']);
    expect(c.queues?.[1]?.concurrency).toBe(3);
    expect(parsePlanConfig(minimal).queues).toBeUndefined();
  });

  it('rejects an empty queue list, a queue without a name and a bad nested queue history', () => {
    expect(() => parsePlanConfig({ ...minimal, queues: [] }, 'p')).toThrow(/^p: queues: /);
    expect(() => parsePlanConfig({ ...minimal, queues: [{ channel: 'chat' }] }, 'p')).toThrow(
      /^p: queues\[0\]\.name: /,
    );
    expect(() =>
      parsePlanConfig({ ...minimal, queues: [{ name: 'a', history: { file: 'x.csv' } }] }, 'p'),
    ).toThrow(/^p: queues\[0\]\.history\.timeZone: /);
  });

  it('accepts inline shift rules and validates them', () => {
    const rules = {
      shiftTypes: [{ name: 'd', earliestStart: '08:00', latestStart: '10:00', lengthsMinutes: [480] }],
    };
    expect(parsePlanConfig({ ...minimal, rules }).rules).toMatchObject({ shiftTypes: [{ name: 'd' }] });
    expect(() => parsePlanConfig({ ...minimal, rules: { shiftTypes: 'x' } }, 'p')).toThrow(/^p: rules/);
  });

  it('reads a config from JSON as written, so plan (which parses it again) takes it, inline rules included', () => {
    const rules = {
      shiftTypes: [{ name: 'day', earliestStart: '08:00', latestStart: '10:00', lengthsMinutes: [480] }],
    };
    const text = JSON.stringify({ ...minimal, rules });
    const read: PlanConfigInput = readPlanConfig(text, 'plan.json');
    expect(read).toEqual(JSON.parse(text));
    expect(parsePlanConfig(read, 'plan.json')).toEqual(parsePlanConfig(JSON.parse(text), 'plan.json'));
  });

  it('reports invalid JSON as a CONFIG error naming the file', () => {
    expect.assertions(2);
    expect(() => readPlanConfig('{"history":', 'plan.json')).toThrow(/^plan\.json: not valid JSON: /);
    try {
      readPlanConfig('[', 'plan.json');
    } catch (error) {
      expect((error as { code: string }).code).toBe('CONFIG');
    }
  });

  it('is printed by `staffcast schema plan` with its defaults documented', () => {
    const schema = jsonSchemaFor('plan') as {
      required: string[];
      properties: Record<string, { default?: unknown; description?: string }>;
    };
    expect(schema.required.sort()).toEqual(['history', 'rules', 'target']);
    expect(schema.properties.horizonDays?.default).toBe(7);
    expect(schema.properties.shrinkage?.description).toMatch(/Default 0\.3/);
    expect(schema.properties.outbound?.description).toMatch(/^Outbound work fitted into quiet periods/);
    expect(schema.properties.queues?.description).toMatch(/^Several queues or channels staffed by one pool/);
  });
});
