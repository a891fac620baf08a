import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitAvailability } from '../../../src/calibration/availabilityFit.js';
import { presenceOracle } from '../../../src/calibration/diagnostics/oracle.js';
import { predictKpis } from '../../../src/calibration/predictedKpis.js';

const demand = { callsPerInterval: 90, intervalMinutes: 30, ahtSeconds: 180, patienceSeconds: 300 };

function generated(agents: number, effectiveAgents: number) {
  const p = predictKpis(demand, agents, 20);
  return {
    demand,
    presentAgents: effectiveAgents / 0.75,
    effectiveAgents,
    serviceLevel: p.serviceLevel,
    abandonRate: p.abandonRate,
    asaSeconds: p.asaSeconds,
  };
}

describe('presenceOracle', () => {
  it('recovers the agent count that generated an interval, with zero error left', () => {
    const o = presenceOracle([generated(6.4, 7)], 20);
    expect(o.bestAgents[0]).toBeCloseTo(6.4, 2);
    expect(o.serviceLevel.mae).toBeLessThan(1e-4);
    expect(o.abandonRate.mae).toBeLessThan(1e-4);
    expect(o.agentsMae).toBeCloseTo(0.6, 2);
    expect(o.agentsBias).toBeCloseTo(0.6, 2);
  });

  it('never does worse than any one availability factor (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            agents: fc.double({ min: 3, max: 10, noNaN: true }),
            noise: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
          }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (cells) => {
          const intervals = cells.map((c) => {
            const g = generated(c.agents, 6);
            return { ...g, serviceLevel: Math.min(1, Math.max(0, g.serviceLevel + c.noise)) };
          });
          const o = presenceOracle(intervals, 20);
          const fit = fitAvailability(intervals, 20);
          let oracleLoss = 0;
          intervals.forEach((v, k) => {
            const p = predictKpis(v.demand, o.bestAgents[k]!, 20);
            oracleLoss += (p.serviceLevel - v.serviceLevel) ** 2 + (p.abandonRate - v.abandonRate) ** 2;
          });
          expect(oracleLoss / intervals.length).toBeLessThanOrEqual(fit.meanSquaredError + 1e-6);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('returns NaN agent errors and empty statistics for no interval', () => {
    const o = presenceOracle([], 20);
    expect(o.agentsMae).toBeNaN();
    expect(o.serviceLevel.count).toBe(0);
  });
});
