import { describe, expect, it } from 'vitest';
import { busyHalves, calibrationFrame } from '../../src/calibration/frame.js';
import { resolveCalibrateOptions } from '../../src/calibration/options.js';
import type { CallRecord } from '../../src/calibration/records.js';
import { call } from './records.helpers.js';

const DAY_MS = 86_400_000;

/** `n` answered calls from `time` on 1 February 1999 (a Monday), `dayOffset` days later, 1 min apart. */
function calls(n: number, time: string, dayOffset = 0): CallRecord[] {
  return Array.from({ length: n }, (_, k) => {
    const c = call(time);
    return { ...c, arrivalMs: c.arrivalMs + dayOffset * DAY_MS + k * 60_000 };
  });
}

describe('calibrationFrame', () => {
  const records = [...calls(12, '10:00:00'), ...calls(3, '11:00:00', 1)];

  it('splits the grid days into halves and marks busy intervals by weekday, window and offered calls', () => {
    const frame = calibrationFrame(records, resolveCalibrateOptions({}));
    expect(frame.grid.days).toBe(2);
    expect(frame.trainDays).toBe(1);
    expect(frame.grid.starts).toHaveLength(96);
    expect(frame.isTrain(20)).toBe(true);
    expect(frame.isTrain(48 + 22)).toBe(false);
    // Monday 10:00 with 12 offered calls is busy; Tuesday 11:00 with 3 is not (minBusyCalls 10)
    expect(frame.kpis.offered[20]).toBe(12);
    expect(frame.isBusy(20)).toBe(true);
    expect(frame.isBusy(48 + 22)).toBe(false);
    // with a lower call minimum, Tuesday 11:00 is busy; 09:30 is outside the 10:00-17:00 window
    const loose = calibrationFrame(records, resolveCalibrateOptions({ minBusyCalls: 1 }));
    expect(loose.isBusy(48 + 22)).toBe(true);
    expect(loose.isBusy(19)).toBe(false);
  });

  it('rejects a training half that leaves no held-out day', () => {
    expect(() => calibrationFrame(records, resolveCalibrateOptions({ trainDays: 2 }))).toThrow(
      'calibrate: trainDays must be a whole number in 1..1',
    );
  });
});

describe('busyHalves', () => {
  it('keeps the busy intervals with a handle time, by half, and fails with no busy training interval', () => {
    const records = [...calls(12, '10:00:00'), ...calls(12, '10:00:00', 1), ...calls(12, '15:00:00', 1)];
    const frame = calibrationFrame(records, resolveCalibrateOptions({}));
    const aht = new Float64Array(96).fill(100);
    expect(busyHalves(frame, aht)).toEqual({ train: [20], test: [68, 78] });
    aht[78] = Number.NaN;
    expect(busyHalves(frame, aht).test).toEqual([68]);
    aht[20] = 0;
    expect(() => busyHalves(frame, aht)).toThrow(
      expect.objectContaining({ code: 'NO_DATA', message: expect.stringContaining('no busy interval') }),
    );
  });
});
