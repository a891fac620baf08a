import { describe, expect, it } from 'vitest';
import { rk4Stepper } from '../../src/numeric/rk4.js';

describe('rk4Stepper', () => {
  it("solves y' = -y to e^-1 within 4e-7 in ten steps of 0.1 (fourth-order error)", () => {
    const step = rk4Stepper(1, (y, out) => {
      out[0] = -y[0]!;
    });
    const y = new Float64Array([1]);
    for (let s = 0; s < 10; s++) step(y, 0.1, 1);
    expect(y[0]!).toBeCloseTo(0.36787977, 8);
    expect(Math.abs(y[0]! - Math.exp(-1))).toBeLessThan(4e-7);
  });

  it('halving the step cuts the error about 16-fold (order 4) on a rotation y1 = y2, y2 = -y1', () => {
    const error = (steps: number): number => {
      const step = rk4Stepper(2, (y, out) => {
        out[0] = y[1]!;
        out[1] = -y[0]!;
      });
      const y = new Float64Array([0, 1]);
      for (let s = 0; s < steps; s++) step(y, 1 / steps, 2);
      return Math.abs(y[0]! - Math.sin(1));
    };
    const ratio = error(10) / error(20);
    expect(ratio).toBeGreaterThan(14);
    expect(ratio).toBeLessThan(18);
  });

  it('advances only the first m entries', () => {
    const step = rk4Stepper(3, (y, out) => {
      for (let i = 0; i < 3; i++) out[i] = -y[i]!;
    });
    const y = new Float64Array([1, 1, 1]);
    step(y, 0.1, 2);
    expect(y[2]).toBe(1);
    expect(y[1]).toBe(y[0]);
    expect(y[0]!).toBeLessThan(1);
  });
});
