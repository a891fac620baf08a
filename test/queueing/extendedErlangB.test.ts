import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB } from '../../src/queueing/erlangB.js';
import { extendedErlangB } from '../../src/queueing/extendedErlangB.js';
import cases from '../fixtures/reference/erlang-cases.json' with { type: 'json' };

describe('extendedErlangB', () => {
  it('matches the retrial case of erlang-cases.json to 1e-9 relative', () => {
    expect(cases.ext_b.length).toBeGreaterThan(0);
    for (const c of cases.ext_b) {
      const r = extendedErlangB(c.n, c.a0, c.retry);
      expect(Math.abs(r.blocking - c.blocking) / c.blocking).toBeLessThan(1e-9);
      expect(Math.abs(r.offeredErlangs - c.load) / c.load).toBeLessThan(1e-9);
    }
  });

  it('reduces to Erlang B when nobody retries', () => {
    expect(extendedErlangB(2, 1, 0)).toEqual({ blocking: erlangB(2, 1), offeredErlangs: 1 });
  });

  it('returns a self-consistent load A = A0 + r A B(n, A), never below the fresh load', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (n, a0, r) => {
          const { blocking, offeredErlangs } = extendedErlangB(n, a0, r);
          expect(offeredErlangs).toBeGreaterThanOrEqual(a0);
          expect(blocking).toBeGreaterThanOrEqual(erlangB(n, a0) - 1e-15);
          const residual = offeredErlangs - a0 - r * offeredErlangs * blocking;
          expect(Math.abs(residual)).toBeLessThan(1e-9 * offeredErlangs);
        },
      ),
    );
  });

  it('rejects a retry fraction of 1 or more', () => {
    expect(() => extendedErlangB(10, 5, 1)).toThrow(
      'extendedErlangB: retryFraction must be in [0, 1) (got 1)',
    );
  });

  it('handles zero load cleanly', () => {
    expect(extendedErlangB(5, 0, 0.5)).toEqual({ blocking: 0, offeredErlangs: 0 });
  });
});
