import fc from 'fast-check';
import { describe, it } from 'vitest';
import { queueMetrics } from '../../src/queueing/queueMetrics.js';
import type { QueueDemand, ServiceLevelBasis } from '../../src/queueing/types.js';

const basisArb = fc.constantFrom(
  'offered',
  'excludeShortAbandons',
  'virtualWait',
) as fc.Arbitrary<ServiceLevelBasis>;
const EPS = 1e-12;

describe('queue metrics are monotone in agents', () => {
  it('service level never falls and P(wait), ASA, abandonment and occupancy never rise as agents are added', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 2000, noNaN: true }),
        fc.integer({ min: 10, max: 900 }),
        fc.option(fc.integer({ min: 5, max: 900 }), { nil: undefined }),
        fc.integer({ min: 0, max: 120 }),
        basisArb,
        fc.double({ min: 0.3, max: 1.5, noNaN: true }),
        (erlangs, aht, patience, threshold, basis, where) => {
          const demand: QueueDemand = {
            callsPerInterval: (erlangs * 900) / aht,
            intervalMinutes: 15,
            ahtSeconds: aht,
          };
          if (patience !== undefined) demand.patienceSeconds = patience;
          const n = Math.max(0, Math.floor(erlangs * where));
          const options = { thresholdSeconds: threshold, serviceLevelBasis: basis };
          for (let k = n; k < n + 4; k++) {
            const a = queueMetrics(demand, k, options);
            const b = queueMetrics(demand, k + 1, options);
            if (b.serviceLevel < a.serviceLevel - EPS) return false;
            if (b.probWait > a.probWait + EPS) return false;
            if (b.abandonRate > a.abandonRate + EPS) return false;
            if (k > 0 && b.asaSeconds > a.asaSeconds * (1 + 1e-12) + EPS) return false;
            if (k > 0 && b.occupancy > a.occupancy + EPS) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});
