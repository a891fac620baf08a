import { describe, expect, it } from 'vitest';
import { modelErrors, type ScoredInterval } from '../../../src/calibration/diagnostics/modelErrors.js';

const kpis = (serviceLevel: number, asaSeconds: number, abandonRate: number) => ({
  serviceLevel,
  asaSeconds,
  abandonRate,
});

describe('modelErrors', () => {
  const oneDay: ScoredInterval[] = [
    {
      day: 0,
      offered: 10,
      answeredWithin: 8,
      abandoned: 1,
      observed: kpis(0.8, 10, 0.1),
      predicted: kpis(0.7, 12, 0.1),
    },
    {
      day: 0,
      offered: 30,
      answeredWithin: 18,
      abandoned: 3,
      observed: kpis(0.6, 20, 0.1),
      predicted: kpis(0.6, 20, 0.1),
    },
  ];

  it('scores each interval: SL MAE 0.05, bias -0.05; ASA MAE 1 s, bias +1 s', () => {
    const e = modelErrors(oneDay);
    expect(e.serviceLevel.mae).toBeCloseTo(0.05, 12);
    expect(e.serviceLevel.bias).toBeCloseTo(-0.05, 12);
    expect(e.asaSeconds).toEqual({ mae: 1, bias: 1, count: 2, infinite: 0 });
  });

  it('weights the day total by offered calls: predicted 25 / 40 against 26 / 40 answered within', () => {
    const e = modelErrors(oneDay);
    expect(e.dayServiceLevel.count).toBe(1);
    expect(e.dayServiceLevel.bias).toBeCloseTo(-0.025, 12);
    expect(e.dayAbandonRate.mae).toBeCloseTo(0, 12);
  });

  it('makes one day total per day', () => {
    const twoDays = [oneDay[0]!, { ...oneDay[1]!, day: 1 }];
    const e = modelErrors(twoDays);
    expect(e.dayServiceLevel.count).toBe(2);
    // day 0: 0.7 against 0.8; day 1: 0.6 against 0.6
    expect(e.dayServiceLevel.mae).toBeCloseTo(0.05, 12);
  });
});
