import { describe, expect, it } from 'vitest';
import { parseSweep, sweepVariants } from '../../src/scenario/sweep.js';

describe('parseSweep', () => {
  it('lists from..to inclusive without float drift', () => {
    expect(parseSweep('volume=0.9:1.2:0.05')).toEqual({
      parameter: 'volume',
      values: [0.9, 0.95, 1, 1.05, 1.1, 1.15, 1.2],
    });
    expect(parseSweep('sl=0.8:0.9:0.1').values).toEqual([0.8, 0.9]);
    expect(parseSweep('aht=1:1:0.1').values).toEqual([1]);
  });

  it.each([
    ['volume', "--sweep: expected <parameter>=<from>:<to>:<step>, e.g. volume=0.9:1.2:0.05 (got 'volume')"],
    [
      'volume=0.9:1.2',
      "--sweep: expected <parameter>=<from>:<to>:<step>, e.g. volume=0.9:1.2:0.05 (got 'volume=0.9:1.2')",
    ],
    ['speed=1:2:1', "--sweep: unknown parameter 'speed' (known: volume, aht, sl, shrinkage)"],
    ['volume=a:2:1', "--sweep: from must be a number (got 'a')"],
    ['volume=1:2:0', '--sweep: step must be > 0 (got 0)'],
    ['volume=2:1:0.1', '--sweep: to must be >= from (got 1 < 2)'],
    ['volume=0:10:0.001', '--sweep: at most 1000 steps (got 10001)'],
  ])('rejects %s with a USAGE error naming --sweep', (text, message) => {
    expect(() => parseSweep(text)).toThrowError(message);
    try {
      parseSweep(text);
    } catch (error) {
      expect((error as { code: string }).code).toBe('USAGE');
    }
  });
});

describe('sweepVariants', () => {
  it('maps each parameter to its override', () => {
    expect(sweepVariants({ parameter: 'volume', values: [1.1] })).toEqual([
      { name: 'volume=1.1', volumeFactor: 1.1 },
    ]);
    expect(sweepVariants({ parameter: 'aht', values: [0.9] })).toEqual([{ name: 'aht=0.9', ahtFactor: 0.9 }]);
    expect(sweepVariants({ parameter: 'sl', values: [0.9] })).toEqual([
      { name: 'sl=0.9', target: { serviceLevel: 0.9 } },
    ]);
    expect(sweepVariants({ parameter: 'shrinkage', values: [0.25] })).toEqual([
      { name: 'shrinkage=0.25', shrinkage: 0.25 },
    ]);
  });
});
