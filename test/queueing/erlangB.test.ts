import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StaffcastError } from '../../src/errors.js';
import { erlangB } from '../../src/queueing/erlangB.js';
import { expectClose, vectors } from './reference.js';

describe('erlangB', () => {
  it('matches every 40-digit reference vector to 1e-9 relative', () => {
    for (const v of vectors.erlang)
      expectClose(erlangB(v.agents, v.erlangs), v.erlangB, `B(${v.agents}, ${v.erlangs})`);
  });

  it('gives the textbook values B(1, A) = A / (1 + A) and B(2, 1) = 0.2', () => {
    expect(erlangB(1, 3)).toBeCloseTo(0.75, 15);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15);
  });

  it('blocks everything with no agents and nothing with no load', () => {
    expect(erlangB(0, 5)).toBe(1);
    expect(erlangB(0, 0)).toBe(1);
    expect(erlangB(7, 0)).toBe(0);
  });

  it('stays finite in 0..1 for 0..20,000 agents and 0..20,000 Erlangs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20000 }),
        fc.double({ min: 0, max: 20000, noNaN: true }),
        (n, a) => {
          const b = erlangB(n, a);
          return Number.isFinite(b) && b >= 0 && b <= 1;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('falls as agents are added', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.double({ min: 0.01, max: 3000, noNaN: true }),
        (n, a) => {
          return erlangB(n + 1, a) <= erlangB(n, a);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects non-integer or negative agents and negative or NaN load, naming the field', () => {
    expect.assertions(6);
    expect(() => erlangB(-1, 2)).toThrow('erlangB: agents must be a non-negative integer (got -1)');
    expect(() => erlangB(1.5, 2)).toThrow('erlangB: agents must be a non-negative integer (got 1.5)');
    expect(() => erlangB(2, Number.NaN)).toThrow('erlangB: erlangs must be a finite number >= 0 (got NaN)');
    expect(() => erlangB(2, -0.5)).toThrow('erlangB: erlangs must be a finite number >= 0 (got -0.5)');
    try {
      erlangB(-1, 2);
    } catch (e) {
      expect(e).toBeInstanceOf(StaffcastError);
      expect((e as StaffcastError).code).toBe('INVALID_INPUT');
    }
  });
});
