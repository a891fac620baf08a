import { describe, expect, it } from 'vitest';
import { fittedInputsByInterval } from '../../src/calibration/fittedInputs.js';
import type { CalibrationParams } from '../../src/schemas/calibrationParams.js';

const hours = (f: (h: number) => number | null) => Array.from({ length: 24 }, (_, h) => f(h));

const params: CalibrationParams = {
  kind: 'staffcast-calibration',
  version: 1,
  timeZone: 'Asia/Jerusalem',
  intervalMinutes: 30,
  thresholdSeconds: 20,
  busyWeekdays: [0, 1, 2, 3, 4],
  availabilityFactor: 0.75,
  ahtSecondsByHour: { workweek: hours((h) => 100 + h), weekend: hours((h) => 200 + h) },
  patienceSecondsByHour: { workweek: hours((h) => (h < 7 ? null : 60 + h)), weekend: hours(() => 400) },
  fittedOn: { from: '1999-02-01T00:00:00Z', to: '1999-02-15T00:00:00Z' },
};

describe('fittedInputsByInterval', () => {
  it('takes the local hour and day type of each interval, null as NaN', () => {
    const starts = [
      Date.UTC(1999, 1, 1, 7), // Monday 09:00 Jerusalem (+02:00): workweek hour 9
      Date.UTC(1999, 1, 5, 22, 30), // Saturday 00:30 local: weekend hour 0
      Date.UTC(1999, 1, 7, 2), // Sunday 04:00 local: workweek hour 4, no patience fitted
    ];
    const fitted = fittedInputsByInterval(params, starts);
    expect([...fitted.ahtSeconds]).toEqual([109, 200, 104]);
    expect([...fitted.patienceSeconds]).toEqual([69, 400, Number.NaN]);
    expect(fitted.availabilityFactor).toBe(0.75);
  });
});
