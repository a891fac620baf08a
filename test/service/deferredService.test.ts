import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deferredService } from '../../src/service/deferredService.js';
import { deferredRequirement } from '../../src/staffing/deferredRequirement.js';

describe('deferredService', () => {
  it('handles items first in, first out at agents x interval / handle time per interval', () => {
    // 5 items per agent-hour; 10 items arrive in hour 0, due by the end of hour 1
    const s = deferredService([10, 0, 0], [1, 1, 0], {
      intervalMinutes: 60,
      ahtSeconds: 720,
      dueInterval: [1, 2, 2],
    });
    expect(Array.from(s.handled)).toEqual([5, 5, 0]);
    expect(Array.from(s.backlog)).toEqual([5, 0, 0]);
    expect(s.onTimeShare[0]).toBe(1);
    expect(s.onTimeTotal).toBe(1);
    expect(s.waitSeconds[0]).toBe(1800); // half handled after 0 s, half after 3600 s
    expect(Array.from(s.occupancy)).toEqual([1, 1, 0]);
  });

  it('counts items handled after their due interval, or never, as late', () => {
    const s = deferredService([10, 4, 0], [1, 0, 2], {
      intervalMinutes: 60,
      ahtSeconds: 720,
      dueInterval: [1, 1, 2],
    });
    // hour 0: 5 of the first 10; hour 1: nobody; hour 2: the other 5 (late) and the 4 (late), capacity 10
    expect(s.onTimeShare[0]).toBeCloseTo(0.5, 12);
    expect(s.onTimeShare[1]).toBe(0);
    expect(s.onTimeTotal).toBeCloseTo(5 / 14, 12);
    expect(s.occupancy[2]).toBeCloseTo(0.9, 12);
    const none = deferredService([3], [0], { intervalMinutes: 30, ahtSeconds: 60, dueInterval: [0] });
    expect(none.onTimeTotal).toBe(0);
    expect(Number.isNaN(none.waitSeconds[0])).toBe(true);
  });

  it('rejects arrays of other lengths and due intervals before their arrival', () => {
    expect(() =>
      deferredService([1, 2], [1], { intervalMinutes: 30, ahtSeconds: 60, dueInterval: [0, 1] }),
    ).toThrow(/^deferredService: agents must have one value per interval \(2\)/);
    expect(() =>
      deferredService([1, 2], [1, 1], { intervalMinutes: 30, ahtSeconds: 60, dueInterval: [0, 0] }),
    ).toThrow(/^deferredService: dueInterval\[1\] must be >= 1/);
  });

  it('clears every item on time with the agents of deferredRequirement, and no better with fewer agents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 30, max: 240 }),
        fc.integer({ min: 60, max: 900 }),
        (arrivals, deadlineMinutes, ahtSeconds) => {
          const options = { intervalMinutes: 30, ahtSeconds, deadlineMinutes };
          const req = deferredRequirement(arrivals, options);
          const opts = { intervalMinutes: 30, ahtSeconds, dueInterval: req.dueInterval };
          const s = deferredService(arrivals, req.agents, opts);
          expect(s.onTimeTotal).toBeGreaterThanOrEqual(1 - 1e-9);
          const fewer = deferredService(
            arrivals,
            req.agents.map((a) => Math.max(0, a - 1)),
            opts,
          );
          expect(fewer.onTimeTotal).toBeLessThanOrEqual(s.onTimeTotal + 1e-12);
        },
      ),
    );
  });
});
