import { describe, expect, it } from 'vitest';
import { agentsWorking } from '../../../src/calibration/presence/fitPresence.js';

describe('agentsWorking', () => {
  it('scales the agents present by the availability factor when there is no queue profile', () => {
    const at = agentsWorking(Float64Array.of(10, 12), undefined);
    expect(at(1, 0.8)).toBeCloseTo(9.6, 12);
    expect(at(0, 1)).toBe(10);
  });
});
