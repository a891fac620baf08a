import { describe, expect, it } from 'vitest';
import { forecastOptionsOf } from '../../src/app/forecastOptionsOf.js';

describe('forecastOptionsOf', () => {
  it('forwards the six shared forecast options that are set, and nothing else', () => {
    const all = {
      quantiles: [0.5],
      holidays: 'ES',
      parameters: { averageWeeks: 6 },
      candidates: ['seasonal-naive' as const],
      autoMargin: 0.01,
      validationOrigins: 3,
    };
    expect(forecastOptionsOf({ ...all, horizonDays: 7, method: 'auto' } as typeof all)).toEqual(all);
    const none = forecastOptionsOf({
      quantiles: undefined,
      holidays: undefined,
      validationOrigins: undefined,
    });
    expect(Object.keys(none)).toEqual([]);
  });
});
