import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSweep, sweepVariants } from '../../src/scenario/sweep.js';

describe('parseSweep', () => {
  it('lists from..to inclusive without float drift', () => {
    expect(parseSweep('volume=0.9:1.2:0.05')).toEqual({
      parameter: 'volume',
      values: [0.9, 0.95, 1, 1.05, 1.1, 1.15, 1.2],
    });
    expect(parseSweep('sl=0.8:0.9:0.1').values).toEqual([0.8, 0.9]);
    expect(parseSweep('aht-factor=1:1:0.1').values).toEqual([1]);
    expect(parseSweep('aht-seconds=280:320:20')).toEqual({
      parameter: 'aht-seconds',
      values: [280, 300, 320],
    });
  });

  it.each([
    ['volume', "--sweep: expected <parameter>=<from>:<to>:<step>, e.g. volume=0.9:1.2:0.05 (got 'volume')"],
    [
      'volume=0.9:1.2',
      "--sweep: expected <parameter>=<from>:<to>:<step>, e.g. volume=0.9:1.2:0.05 (got 'volume=0.9:1.2')",
    ],
    [
      'speed=1:2:1',
      "--sweep: unknown parameter 'speed' (known: volume, aht-factor, aht-seconds, sl, shrinkage, confidence)",
    ],
    [
      'aht=280:320:20',
      "--sweep: 'aht' does not say its unit: write aht-factor=280:320:20 (multiplies the handle time) or aht-seconds=280:320:20 (sets it in seconds)",
    ],
    [
      'aht-factor=280:320:20',
      '--sweep: aht-factor must be 0.1..10 (a factor of the handle time; got 280): for seconds write aht-seconds=280:320:20',
    ],
    ['aht-factor=0.05:1:0.05', '--sweep: aht-factor must be 0.1..10 (a factor of the handle time; got 0.05)'],
    ['volume=1:20:1', '--sweep: volume must be 0.1..10 (a factor of the forecast contacts; got 20)'],
    [
      'aht-seconds=0:300:100',
      '--sweep: aht-seconds must be > 0 and <= 86400 (handle time in seconds; got 0)',
    ],
    [
      'sl=80:90:5',
      '--sweep: sl must be > 0 and <= 1 (a service-level fraction; got 80): write fractions, e.g. sl=0.8:0.9:0.05',
    ],
    ['shrinkage=0.3:1:0.1', '--sweep: shrinkage must be >= 0 and < 1 (a shrinkage fraction; got 1)'],
    [
      'confidence=0.4:0.9:0.1',
      '--sweep: confidence must be 0.5..0.99 (the probability that a day meets the target; got 0.4)',
    ],
    [
      'confidence=80:95:5',
      '--sweep: confidence must be 0.5..0.99 (the probability that a day meets the target; got 80): write fractions, e.g. confidence=0.8:0.95:0.05',
    ],
    ['volume=a:2:1', "--sweep: from must be a number (got 'a')"],
    ['volume=1:2:0', '--sweep: step must be > 0 (got 0)'],
    ['volume=2:1:0.1', '--sweep: to must be >= from (got 1 < 2)'],
    ['volume=0.1:10:0.001', '--sweep: at most 1000 steps (got 9901)'],
  ])('rejects %s with a USAGE error naming --sweep', (text, message) => {
    expect.assertions(2);
    expect(() => parseSweep(text)).toThrowError(message);
    try {
      parseSweep(text);
    } catch (error) {
      expect((error as { code: string }).code).toBe('USAGE');
    }
  });
});

describe('parseSweep ranges', () => {
  it('accepts every factor sweep inside 0.1..10 and rejects one reaching outside', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (from, width) => {
          const a = Number(from.toFixed(3));
          const b = Number((a + width).toFixed(3));
          const spec = `aht-factor=${a}:${b}:${Math.max(0.1, (b - a) / 10 || 0.1)}`;
          if (a >= 0.1 && b <= 10) expect(parseSweep(spec).values[0]).toBe(a);
          else expect(() => parseSweep(spec)).toThrow('--sweep: aht-factor must be 0.1..10');
        },
      ),
    );
  });
});

describe('sweepVariants', () => {
  it('maps each parameter to its override', () => {
    expect(sweepVariants({ parameter: 'volume', values: [1.1] })).toEqual([
      { name: 'volume=1.1', volumeFactor: 1.1 },
    ]);
    expect(sweepVariants({ parameter: 'aht-factor', values: [0.9] })).toEqual([
      { name: 'aht-factor=0.9', ahtFactor: 0.9 },
    ]);
    expect(sweepVariants({ parameter: 'aht-seconds', values: [300] })).toEqual([
      { name: 'aht-seconds=300', ahtSeconds: 300 },
    ]);
    expect(sweepVariants({ parameter: 'sl', values: [0.9] })).toEqual([
      { name: 'sl=0.9', target: { serviceLevel: 0.9 } },
    ]);
    expect(sweepVariants({ parameter: 'shrinkage', values: [0.25] })).toEqual([
      { name: 'shrinkage=0.25', shrinkage: 0.25 },
    ]);
    expect(sweepVariants({ parameter: 'confidence', values: [0.9] })).toEqual([
      { name: 'confidence=0.9', target: { confidence: 0.9 } },
    ]);
  });
});
