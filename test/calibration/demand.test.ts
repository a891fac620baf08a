import { describe, expect, it } from 'vitest';
import { intervalDemand } from '../../src/calibration/demand.js';
import { calibrationFrame } from '../../src/calibration/frame.js';
import { resolveCalibrateOptions } from '../../src/calibration/options.js';
import { call } from './records.helpers.js';

describe('intervalDemand', () => {
  const records = [
    call('10:00:00'),
    call('10:05:00'),
    { ...call('10:00:00'), arrivalMs: Date.UTC(1999, 1, 2, 10) },
  ];
  const frame = calibrationFrame(records, resolveCalibrateOptions({}));
  const aht = new Float64Array(frame.grid.starts.length).fill(150);
  const asked: [number, number][] = [];
  const patience = {
    secondsAt: (i: number, agents: number): number | undefined => {
      asked.push([i, agents]);
      return i === 20 ? 300 : undefined;
    },
  };
  const demandOf = intervalDemand(frame, aht, patience, 30);

  it('gives the offered calls and handle time, and patience only for Erlang A when one was estimated', () => {
    expect(demandOf(20, false)).toEqual({ callsPerInterval: 2, intervalMinutes: 30, ahtSeconds: 150 });
    expect(asked).toEqual([]);
    expect(demandOf(20, true, 4.5)).toEqual({
      callsPerInterval: 2,
      intervalMinutes: 30,
      ahtSeconds: 150,
      patienceSeconds: 300,
    });
    expect(demandOf(21, true)).toEqual({ callsPerInterval: 0, intervalMinutes: 30, ahtSeconds: 150 });
    // without an agent count the patience is asked at NaN (the exponential level)
    expect(asked).toEqual([
      [20, 4.5],
      [21, Number.NaN],
    ]);
  });
});
