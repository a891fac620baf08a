import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleTimeSource } from '../../src/staffing/handleTimeSource.js';

describe('handleTimeSource', () => {
  it("takes the queue's own handle time, then the plan-wide one, then the data's column, then fitted parameters", () => {
    const voice = { channel: 'voice' as const };
    expect(
      handleTimeSource({
        queue: { ...voice, ahtSeconds: 200 },
        planAhtSeconds: 300,
        dataHasAhtSeconds: true,
        fittedParams: true,
      }),
    ).toBe('queue');
    expect(
      handleTimeSource({ queue: voice, planAhtSeconds: 300, dataHasAhtSeconds: true, fittedParams: true }),
    ).toBe('plan');
    expect(
      handleTimeSource({
        queue: voice,
        planAhtSeconds: undefined,
        dataHasAhtSeconds: true,
        fittedParams: true,
      }),
    ).toBe('data');
    expect(
      handleTimeSource({
        queue: voice,
        planAhtSeconds: undefined,
        dataHasAhtSeconds: false,
        fittedParams: true,
      }),
    ).toBe('fitted');
    expect(
      handleTimeSource({ planAhtSeconds: undefined, dataHasAhtSeconds: false, fittedParams: false }),
    ).toBeUndefined();
  });

  it('gives fitted parameters to a single queue and to voice queues, to others only with useParams', () => {
    const none = { planAhtSeconds: undefined, dataHasAhtSeconds: false, fittedParams: true };
    expect(handleTimeSource(none)).toBe('fitted');
    expect(handleTimeSource({ ...none, queue: { channel: 'chat' } })).toBeUndefined();
    expect(handleTimeSource({ ...none, queue: { channel: 'chat', useParams: true } })).toBe('fitted');
    expect(handleTimeSource({ ...none, queue: { channel: 'voice', useParams: false } })).toBeUndefined();
  });

  it('finds a handle time exactly when one of the sources gives one (property)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1, max: 3600 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 3600 }), { nil: undefined }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('voice' as const, 'chat' as const, 'email' as const),
        fc.option(fc.boolean(), { nil: undefined }),
        (own, plan, data, fitted, channel, useParams) => {
          const source = handleTimeSource({
            queue: { channel, ahtSeconds: own, useParams },
            planAhtSeconds: plan,
            dataHasAhtSeconds: data,
            fittedParams: fitted,
          });
          const applies = fitted && (useParams ?? channel === 'voice');
          expect(source !== undefined).toBe(own !== undefined || plan !== undefined || data || applies);
        },
      ),
    );
  });
});
