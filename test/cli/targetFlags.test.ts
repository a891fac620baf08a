import { InvalidArgumentError } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseServiceLevel } from '../../src/cli/targetFlags.js';

describe('parseServiceLevel', () => {
  it('reads PERCENT/SECONDS as a fraction and a threshold', () => {
    expect(parseServiceLevel('80/20')).toEqual({ level: 0.8, thresholdSeconds: 20, text: '80/20' });
    expect(parseServiceLevel('1/20').level).toBe(0.01);
  });

  it('rejects a percentage below 1 in the slash form (0.8/20 would be 0.8%), naming the percentage to write', () => {
    expect(() => parseServiceLevel('0.8/20')).toThrow(InvalidArgumentError);
    expect(() => parseServiceLevel('0.8/20')).toThrow(
      "'0.8/20': the percentage must be 1..100 (write 80/20 for 80% within 20 s).",
    );
    expect(() => parseServiceLevel('0.95/15')).toThrow('(write 95/15 for 95% within 15 s)');
    expect(() => parseServiceLevel('0/20')).toThrow("'0/20': the percentage must be 1..100.");
  });

  it('rejects every slash percentage below 1 and accepts every one from 1 to 100', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 600 }), (p, s) => {
        const text = `${p.toFixed(3)}/${s}`;
        const percent = Number(p.toFixed(3));
        if (percent < 1) expect(() => parseServiceLevel(text)).toThrow(InvalidArgumentError);
        else expect(parseServiceLevel(text).level).toBeCloseTo(percent / 100, 12);
      }),
    );
  });

  it('still reads a plain fraction (threshold from --threshold)', () => {
    expect(parseServiceLevel('0.8')).toEqual({ level: 0.8, text: '0.8' });
  });
});
