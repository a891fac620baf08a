import { describe, expect, it } from 'vitest';
import { addService, emptyServiceTotals, serviceSummary } from '../../src/service/serviceTotals.js';

describe('serviceTotals', () => {
  it('weights service level and abandonment by calls and ASA by answered calls', () => {
    const t = emptyServiceTotals();
    addService(t, 100, 0.8, 10, 0.1);
    addService(t, 50, 0.5, 40, 0.2);
    const s = serviceSummary(t);
    expect(s.calls).toBe(150);
    expect(s.serviceLevel).toBeCloseTo(0.7, 12);
    expect(s.abandonRate).toBeCloseTo(20 / 150, 12);
    expect(s.asaSeconds).toBeCloseTo((90 * 10 + 40 * 40) / 130, 12);
  });

  it('keeps sums: calls answered within the threshold, abandoned, answered and their total wait in seconds', () => {
    const t = emptyServiceTotals();
    addService(t, 100, 0.8, 10, 0.1);
    addService(t, 50, 0.5, 40, 0.2);
    expect(t.calls).toBe(150);
    expect(t.answeredWithin).toBeCloseTo(105, 12);
    expect(t.abandoned).toBeCloseTo(20, 12);
    expect(t.answered).toBeCloseTo(130, 12);
    // 90 answered waited 10 s each, 40 waited 40 s each: 2500 s in all, not an ASA
    expect(t.answeredWaitSeconds).toBeCloseTo(2500, 12);
  });

  it('skips intervals without calls, and the ASA of email (withAsa false) or a NaN ASA', () => {
    const t = emptyServiceTotals();
    addService(t, 0, 0, 99, 0);
    addService(t, Number.NaN, 0, 99, 0);
    addService(t, 10, 1, 5, 0);
    addService(t, 10, 1, 500, 0, false);
    addService(t, 10, 1, Number.NaN, 0);
    expect(serviceSummary(t)).toEqual({ calls: 30, serviceLevel: 1, asaSeconds: 5, abandonRate: 0 });
  });

  it('reports an empty period as fully served', () => {
    expect(serviceSummary(emptyServiceTotals())).toEqual({
      calls: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      abandonRate: 0,
    });
  });
});
