import { describe, expect, it } from 'vitest';
import { calibrationFrame } from '../../src/calibration/frame.js';
import { resolveCalibrateOptions } from '../../src/calibration/options.js';
import { fittedParams } from '../../src/calibration/params.js';
import { calibrationParamsSchema } from '../../src/schemas/calibrationParams.js';
import { call } from './records.helpers.js';

describe('fittedParams', () => {
  it('writes the training span with the zone offset and unestimated hourly cells as null', () => {
    // four local days in Jerusalem (UTC+2 in February); two training days
    const day = 86_400_000;
    const records = [0, 1, 2, 3].map((d) => ({
      ...call('10:00:00'),
      arrivalMs: Date.UTC(1999, 1, 1, 10) + d * day,
    }));
    const options = resolveCalibrateOptions({ timeZone: 'Asia/Jerusalem' });
    const frame = calibrationFrame(records, options);
    const hourly = (v: number) => ({ workweek: Array(24).fill(v), weekend: Array(24).fill(v) });
    const params = fittedParams(frame, options, {
      ahtSecondsByHour: hourly(180),
      patienceSecondsByHour: hourly(Number.POSITIVE_INFINITY),
      availabilityFactor: 0.85,
    });
    expect(params.fittedOn).toEqual({ from: '1999-02-01T00:00:00+02:00', to: '1999-02-03T00:00:00+02:00' });
    expect(params.patienceSecondsByHour.weekend[3]).toBeNull();
    expect(params.ahtSecondsByHour.workweek[3]).toBe(180);
    expect(params.availabilityFactor).toBe(0.85);
    expect(calibrationParamsSchema.parse(params)).toEqual(params);
  });
});
