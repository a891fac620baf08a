import { describe, expect, it } from 'vitest';
import { DEFAULT_ERLANG_THRESHOLD_SECONDS, erlangCalculator, erlangJson } from '../../src/app/erlang.js';
import { MAX_CALLS_PER_SECOND } from '../../src/queueing/limits.js';
import { queueMetrics } from '../../src/queueing/queueMetrics.js';
import { requiredAgents } from '../../src/queueing/requiredAgents.js';

const demand = { callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 };
const SL80 = { serviceLevel: 0.8, thresholdSeconds: 20 };

describe('erlangCalculator', () => {
  it('finds the agents requiredAgents gives, with shrinkage applied and a table of n-3..n+3', () => {
    const result = erlangCalculator({
      calls: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      target: SL80,
      shrinkage: 0.3,
    });
    expect(result.mode).toBe('required');
    expect(result.metrics).toEqual(requiredAgents(demand, SL80));
    expect(result.metrics.agents).toBe(14);
    expect(result.scheduledAgents).toBe(20);
    expect(result.meetsTarget).toBe(true);
    expect(result.table.map((m) => m.agents)).toEqual([11, 12, 13, 14, 15, 16, 17]);
  });

  it('evaluates a given staffing, reports a missed target, and reports at 20 s when no threshold is set', () => {
    const result = erlangCalculator({
      calls: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      target: { maxAsaSeconds: 5 },
      agents: 11,
    });
    expect(result.mode).toBe('evaluate');
    expect(result.target.thresholdSeconds).toBe(DEFAULT_ERLANG_THRESHOLD_SECONDS);
    expect(result.metrics).toEqual(
      queueMetrics(demand, 11, { thresholdSeconds: 20, serviceLevelBasis: 'offered' }),
    );
    expect(result.meetsTarget).toBe(false);
    expect(result.table[0]!.agents).toBe(8);
  });

  it('writes an unstable queue in JSON with a null ASA and starts the table at 0 agents', () => {
    const result = erlangCalculator({
      calls: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      target: {},
      agents: 1,
    });
    expect(result.table.map((m) => m.agents)).toEqual([0, 1, 2, 3, 4]);
    const json = erlangJson(result) as { metrics: { asaSeconds: unknown; stable: boolean }; agents: number };
    expect(json.agents).toBe(1);
    expect(json.metrics).toMatchObject({ asaSeconds: null, stable: false });
    expect(JSON.stringify(json)).not.toContain('Infinity');
  });

  it('is a USAGE error for more than MAX_CALLS_PER_SECOND contacts per second', () => {
    expect(() =>
      erlangCalculator({
        calls: MAX_CALLS_PER_SECOND * 60 + 1,
        intervalMinutes: 1,
        ahtSeconds: 180,
        target: SL80,
      }),
    ).toThrow(
      expect.objectContaining({ code: 'USAGE', message: expect.stringMatching(/^erlang: --calls /) }),
    );
  });
});
