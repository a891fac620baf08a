import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outboundCapacity } from '../../src/staffing/outboundCapacity.js';

describe('outboundCapacity', () => {
  it('fits floor(spare agent-seconds / aht) calls per interval and sums them', () => {
    const r = outboundCapacity([3, 5, 2], [5, 5, 6], { ahtSeconds: 300, intervalMinutes: 30 });
    expect([...r.spareAgents]).toEqual([2, 0, 4]);
    expect([...r.calls]).toEqual([12, 0, 24]);
    expect(r.totalCalls).toBe(36);
    expect(r.totalSpareAgentHours).toBe(3);
  });

  it('takes shrinkage off the scheduled heads and reports a shortfall instead of negative spare time', () => {
    // 10 heads x (1 - 0.3) = 7 productive; need 4 -> 3 spare; need 9 -> 2 short
    const r = outboundCapacity([4, 9], [10, 10], {
      ahtSeconds: 420,
      intervalMinutes: 15,
      shrinkage: 0.3,
      maxOccupancy: 0.8,
    });
    expect(r.spareAgents[0]).toBeCloseTo(3, 12);
    expect(r.spareAgentSeconds[0]).toBeCloseTo(3 * 900 * 0.8, 9);
    expect([...r.calls]).toEqual([5, 0]); // 2160 s / 420 s = 5.14
    expect(r.shortAgents[1]).toBeCloseTo(2, 12);
  });

  it('never fits more call-seconds than the spare time and leaves less than one call unused (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(50), fc.nat(50)), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 30, max: 1200 }),
        (pairs, aht) => {
          const r = outboundCapacity(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
            { ahtSeconds: aht, intervalMinutes: 15 },
          );
          for (let i = 0; i < pairs.length; i++) {
            expect(r.calls[i]! * aht).toBeLessThanOrEqual(r.spareAgentSeconds[i]! + 1e-6);
            expect((r.calls[i]! + 1) * aht).toBeGreaterThan(r.spareAgentSeconds[i]! - 1e-6);
          }
        },
      ),
    );
  });

  it('rejects a negative requirement and arrays of different lengths with messages naming the field', () => {
    expect(() => outboundCapacity([-1], [2], { ahtSeconds: 300, intervalMinutes: 30 })).toThrow(
      'outboundCapacity: requiredAgents[0] must be a finite number >= 0 (got -1)',
    );
    expect(() => outboundCapacity([1, 2], [2], { ahtSeconds: 300, intervalMinutes: 30 })).toThrow(
      'outboundCapacity: scheduledAgents must have one value per interval (2) (got 1)',
    );
  });
});
