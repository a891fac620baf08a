import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { calibrateFromFile } from '../../src/app/calibrate.js';
import type { ProgressEvent } from '../../src/app/progress.js';
import { calibrationParamsSchema } from '../../src/schemas/calibrationParams.js';
import { BANK_CALLS_GZ } from '../calibration/calibrate.helpers.js';

describe('calibrateFromFile', () => {
  it('counts the rows before calibrating, and returns JSON with interval starts in the zone and the params file', async () => {
    const events: string[] = [];
    const messages: string[] = [];
    const run = await calibrateFromFile('-', {
      baseDir: '.',
      stdin: createReadStream(BANK_CALLS_GZ).pipe(createGunzip()),
      timeZone: 'Asia/Jerusalem',
      intervalMinutes: 60,
      maxGapMinutes: 30,
      padMinutes: 0,
      startState: 'steady',
      noiseFloorReplications: 0,
      json: true,
      onProgress: (e: ProgressEvent) => events.push(`${e.step}:${e.phase}`),
      onMessage: (text) => messages.push(`${events.length} ${text.split('\n')[0]}`),
    });
    expect(run.rows).toEqual({ read: 33344, used: 33319, rejected: 25 });
    // the counts arrive after the read and before the calibration starts
    expect(messages).toEqual(['2 calibrate: 33344 rows read, 33319 used, 25 rejected']);
    expect(events).toEqual(['read:start', 'read:done', 'calibrate:start', 'calibrate:done']);
    const out = JSON.parse(run.text);
    expect(out.intervals[10].start).toBe('1999-02-01T10:00:00+02:00');
    expect(out.targets).toHaveLength(8);
    const params = calibrationParamsSchema.parse(JSON.parse(run.paramsJson));
    expect(params).toEqual(run.result.params);
    expect(params.intervalMinutes).toBe(60);
  });
});
