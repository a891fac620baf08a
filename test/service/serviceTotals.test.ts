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
