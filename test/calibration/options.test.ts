import { describe, expect, it } from 'vitest';
import { resolveCalibrateOptions } from '../../src/calibration/options.js';

describe('resolveCalibrateOptions', () => {
  it('fills in the documented defaults, the sub-interval being the interval', () => {
    expect(resolveCalibrateOptions({})).toEqual({
      intervalMinutes: 30,
      thresholdSeconds: 20,
      timeZone: 'UTC',
      busyWeekdays: [0, 1, 2, 3, 4],
      busyMinutes: [600, 1020],
      minBusyCalls: 10,
      ahtSource: 'interval',
      minPatienceAbandons: 10,
      agentsSource: 'sessions',
      patienceFrom: 'train',
      patienceModel: 'exponential',
      startState: 'observed',
      subIntervalMinutes: 30,
      noiseFloorReplications: 200,
    });
    expect(resolveCalibrateOptions({ intervalMinutes: 60 }).subIntervalMinutes).toBe(60);
  });

  it('keeps the data-dependent options only when given', () => {
    const r = resolveCalibrateOptions({ trainDays: 7, maxGapMinutes: 10 });
    expect([r.trainDays, r.maxGapMinutes, 'padMinutes' in r]).toEqual([7, 10, false]);
  });

  it('rejects bad values naming the option', () => {
    expect(() => resolveCalibrateOptions({ noiseFloorReplications: 1.5 })).toThrow(
      /calibrate: noiseFloorReplications must be a whole number >= 0/,
    );
    expect(() => resolveCalibrateOptions({ subIntervalMinutes: 7 })).toThrow(
      /subIntervalMinutes must be a whole divisor of 30/,
    );
    expect(() => resolveCalibrateOptions({ thresholdSeconds: -1 })).toThrow(/thresholdSeconds/);
    expect(() => resolveCalibrateOptions({ ahtSource: 'daily' as 'hourly' })).toThrow(/ahtSource must be/);
    expect(() => resolveCalibrateOptions({ busyMinutes: [600, 1500] })).toThrow(/busyMinutes/);
  });
});
