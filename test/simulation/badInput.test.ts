import { describe, expect, it } from 'vitest';
import { StaffcastError } from '../../src/errors.js';
import { simulate, simulateOnce } from '../../src/simulation/simulate.js';
import type { SimulationInput } from '../../src/simulation/types.js';

const good: SimulationInput = {
  intervalMinutes: 15,
  agents: [2, 3],
  queues: [{ callsPerInterval: [10, 12], ahtSeconds: 180 }],
};

/** Runs `simulate` on `input` and returns the error it throws. */
async function failure(input: unknown, options: unknown = { thresholdSeconds: 20 }): Promise<StaffcastError> {
  try {
    await simulate(input as SimulationInput, options as { thresholdSeconds: number });
  } catch (e) {
    if (e instanceof StaffcastError) return e;
    throw e;
  }
  throw new Error('simulate did not throw');
}

const replayedQueue = (arrivalSeconds: number[]) => ({
  arrivals: { kind: 'replayed', arrivalSeconds },
  handleTime: { kind: 'replayed', handleSeconds: arrivalSeconds.map(() => 60) },
});

describe('simulate rejects bad input with INVALID_INPUT naming the field', () => {
  const cases: [string, unknown, RegExp, unknown?][] = [
    [
      'a negative rate',
      { ...good, queues: [{ callsPerInterval: [10, -1], ahtSeconds: 180 }] },
      /queues\[0\]\.callsPerInterval\[1\] must be finite and >= 0 \(got -1\)/,
    ],
    [
      'a NaN rate',
      { ...good, queues: [{ callsPerInterval: [Number.NaN, 1], ahtSeconds: 180 }] },
      /callsPerInterval\[0\] must be a number/,
    ],
    [
      'non-integer agents',
      { ...good, agents: [2, 2.5] },
      /simulate: agents\[1\] must be an integer in 0\.\.1000000 \(got 2\.5\)/,
    ],
    ['negative agents', { ...good, agents: [-1, 2] }, /agents\[0\] must be an integer/],
    ['no intervals', { ...good, agents: [] }, /agents must have at least one interval/],
    [
      'rates of the wrong length',
      { ...good, queues: [{ callsPerInterval: [10], ahtSeconds: 180 }] },
      /queues\[0\]\.callsPerInterval\.length must equal the number of intervals 2 \(got 1\)/,
    ],
    [
      'AHT of the wrong length',
      { ...good, queues: [{ callsPerInterval: [1, 1], ahtSeconds: [180, 180, 180] }] },
      /ahtSeconds\.length must equal the number of intervals 2/,
    ],
    [
      'a zero AHT',
      { ...good, queues: [{ callsPerInterval: [1, 1], ahtSeconds: 0 }] },
      /queues\[0\]\.ahtSeconds must be finite and > 0 \(got 0\)/,
    ],
    [
      'an unknown arrival kind',
      { ...good, queues: [{ callsPerInterval: [1, 1], ahtSeconds: 180, arrivals: { kind: 'bursty' } }] },
      /queues\[0\]\.arrivals\.kind must be one of 'poisson', 'overdispersed', 'replayed' \(got bursty\)/,
    ],
    [
      'an unknown handle-time kind',
      { ...good, queues: [{ callsPerInterval: [1, 1], ahtSeconds: 180, handleTime: { kind: 'weibull' } }] },
      /handleTime\.kind must be one of 'exponential', 'lognormal', 'replayed' \(got weibull\)/,
    ],
    [
      'an unknown patience kind',
      { ...good, queues: [{ callsPerInterval: [1, 1], ahtSeconds: 180, patience: { kind: 'erlang' } }] },
      /patience\.kind must be one of 'none', 'exponential', 'replayed'/,
    ],
    [
      'a lognormal without cv',
      { ...good, queues: [{ callsPerInterval: [1, 1], ahtSeconds: 180, handleTime: { kind: 'lognormal' } }] },
      /handleTime\.cv must be a number in \(0, 100\]/,
    ],
    [
      'over-dispersion without cv',
      {
        ...good,
        queues: [
          { callsPerInterval: [1, 1], ahtSeconds: 180, arrivals: { kind: 'overdispersed', per: 'day' } },
        ],
      },
      /arrivals\.multiplierCv must be a number/,
    ],
    [
      'over-dispersion per week',
      {
        ...good,
        queues: [
          {
            callsPerInterval: [1, 1],
            ahtSeconds: 180,
            arrivals: { kind: 'overdispersed', multiplierCv: 0.1, per: 'week' },
          },
        ],
      },
      /arrivals\.per must be 'day' or 'interval' \(got week\)/,
    ],
    [
      'exponential patience of mean 0',
      {
        ...good,
        queues: [
          { callsPerInterval: [1, 1], ahtSeconds: 180, patience: { kind: 'exponential', meanSeconds: 0 } },
        ],
      },
      /patience\.meanSeconds must be finite and > 0/,
    ],
    [
      'replayed handle times without replayed arrivals',
      {
        ...good,
        queues: [{ callsPerInterval: [1, 1], handleTime: { kind: 'replayed', handleSeconds: [] } }],
      },
      /handleTime\.kind 'replayed' needs replayed arrivals/,
    ],
    [
      'replayed patience without replayed arrivals',
      {
        ...good,
        queues: [
          { callsPerInterval: [1, 1], ahtSeconds: 180, patience: { kind: 'replayed', patienceSeconds: [] } },
        ],
      },
      /patience\.kind 'replayed' needs replayed arrivals/,
    ],
    [
      'replayed arrivals out of order',
      { ...good, queues: [replayedQueue([10, 5])] },
      /arrivalSeconds\[1\] must be finite, >= 0 and >= the one before \(10\) \(got 5\)/,
    ],
    [
      'a replayed arrival past the horizon',
      { ...good, queues: [replayedQueue([10, 1800])] },
      /arrivalSeconds\[1\] must be before the end of the horizon \(1800 s\)/,
    ],
    [
      'replayed handle times of another length',
      {
        ...good,
        queues: [
          {
            arrivals: { kind: 'replayed', arrivalSeconds: [1, 2] },
            handleTime: { kind: 'replayed', handleSeconds: [60] },
          },
        ],
      },
      /handleSeconds\.length must equal the number of replayed arrivals 2 \(got 1\)/,
    ],
    [
      'rates beside replayed arrivals',
      { ...good, queues: [{ ...replayedQueue([1]), callsPerInterval: [1, 1] }] },
      /callsPerInterval must be absent with replayed arrivals/,
    ],
    [
      'negative replayed patience',
      { ...good, queues: [{ ...replayedQueue([1]), patience: { kind: 'replayed', patienceSeconds: [-1] } }] },
      /patienceSeconds\[0\] must be >= 0/,
    ],
    ['no queues', { ...good, queues: [] }, /queues must be a non-empty array/],
    ['a day index that skips a day', { ...good, dayIndex: [0, 2] }, /dayIndex\[1\] must be 0 or 1/],
    ['a day index not starting at 0', { ...good, dayIndex: [1, 1] }, /dayIndex\[0\] must be 0/],
    [
      'an interval not dividing a day without a day index',
      { ...good, intervalMinutes: 7 },
      /dayIndex is required when intervalMinutes does not divide 1440/,
    ],
    ['an unknown routing', { ...good, routing: 'random' }, /routing must be 'fcfs' or 'priority'/],
    ['a negative threshold', good, /thresholdSeconds must be finite and >= 0/, { thresholdSeconds: -1 }],
    [
      'zero replications',
      good,
      /options\.replications must be an integer in 1\.\.100000 \(got 0\)/,
      { thresholdSeconds: 20, replications: 0 },
    ],
    [
      'a fractional seed',
      good,
      /options\.seed must be an integer in \[0, 2\^32\) \(got 1\.5\)/,
      { thresholdSeconds: 20, seed: 1.5 },
    ],
    [
      'a confidence of 1',
      good,
      /options\.confidence must be in \(0, 1\)/,
      { thresholdSeconds: 20, confidence: 1 },
    ],
    [
      'zero workers',
      good,
      /options\.workers must be a positive integer/,
      { thresholdSeconds: 20, workers: 0 },
    ],
  ];
  for (const [what, input, message, options] of cases) {
    it(`rejects ${what}`, async () => {
      const e = await failure(input, options);
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(/^simulate: /);
      expect(e.message).toMatch(message);
    });
  }

  it('simulateOnce names itself and checks the replication index', () => {
    expect(() => simulateOnce(good, { thresholdSeconds: 20, replication: -1 })).toThrow(
      /^simulateOnce: options\.replication must be an integer in 0\.\.99999 \(got -1\)$/,
    );
  });
});
