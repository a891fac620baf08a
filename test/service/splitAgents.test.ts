import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAgents } from '../../src/service/splitAgents.js';

describe('splitAgents', () => {
  it('gives the whole quotas first and the leftover agents to the largest remainders', () => {
    expect(Array.from(splitAgents(10, [3, 1]))).toEqual([8, 2]); // 7.5 / 2.5: tie to the first
    expect(Array.from(splitAgents(7, [1, 1, 1]))).toEqual([3, 2, 2]);
    expect(Array.from(splitAgents(5, [6, 3, 1]))).toEqual([3, 2, 0]); // 3, 1.5, 0.5
    expect(Array.from(splitAgents(10, [0.3, 0.3, 0.4]))).toEqual([3, 3, 4]);
  });

  it('splits equally when no queue needs agents, and returns nothing for no queue and no agents', () => {
    expect(Array.from(splitAgents(3, [0, 0, 0]))).toEqual([1, 1, 1]);
    expect(Array.from(splitAgents(0, []))).toEqual([]);
  });

  it('rejects fractional totals, negative weights and agents without a queue', () => {
    expect(() => splitAgents(2.5, [1])).toThrow('splitAgents: total must be a whole number >= 0 (got 2.5)');
    expect(() => splitAgents(2, [1, -1])).toThrow(/^splitAgents: weights\[1\] must be a finite number >= 0/);
    expect(() => splitAgents(1, [])).toThrow(/^splitAgents: weights must name at least one queue/);
  });

  it('gives whole shares adding up to the total, each within one agent of its exact quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          const share = splitAgents(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(share.reduce((a, b) => a + b, 0)).toBe(total);
          share.forEach((s, q) => {
            expect(Number.isInteger(s)).toBe(true);
            const quota = sum > 0 ? (total * weights[q]!) / sum : total / weights.length;
            expect(s).toBeGreaterThanOrEqual(Math.floor(quota + 1e-9));
            expect(s).toBeLessThanOrEqual(Math.ceil(quota - 1e-9));
            if (sum > 0 && weights[q] === 0) expect(s).toBe(0);
          });
        },
      ),
    );
  });
});
