import { describe, expect, it } from 'vitest';
import type { ScenarioRow } from '../../src/scenario/compareScenarios.js';
import { formatScenarioCsv, formatScenarioTable } from '../../src/scenario/formatScenarioTable.js';

const rows: ScenarioRow[] = [
  {
    name: 'base',
    forecastCalls: 100,
    agentHours: 10,
    fte: 1.25,
    peakAgents: 4,
    scheduleCost: null,
    serviceLevel: 0.8,
    asaSeconds: 12,
    abandonRate: 0.02,
    outboundCalls: null,
    scheduled: false,
  },
  {
    name: 'volume +10%',
    forecastCalls: 110,
    agentHours: 11.5,
    fte: 1.4,
    peakAgents: 5,
    scheduleCost: 123.45,
    serviceLevel: 0.8123,
    asaSeconds: 11,
    abandonRate: 0.019,
    outboundCalls: 1234,
    scheduled: true,
  },
];

describe('formatScenarioTable', () => {
  it('aligns names left and figures right, leaving missing figures (cost, outbound) empty', () => {
    expect(formatScenarioTable(rows)).toBe(
      [
        'scenario     calls  agent_hours  fte  peak_agents  schedule_cost  service_level  asa_seconds  abandon_rate  outbound_calls',
        'base           100         10.0  1.3            4                         0.800         12.0         0.020',
        'volume +10%    110         11.5  1.4            5          123.5          0.812         11.0         0.019            1234',
        '',
      ].join('\n'),
    );
  });
});

describe('formatScenarioCsv', () => {
  it('writes full precision, quoting nothing needless and leaving null cost and outbound empty', () => {
    expect(formatScenarioCsv(rows)).toBe(
      [
        'scenario,calls,agent_hours,fte,peak_agents,schedule_cost,service_level,asa_seconds,abandon_rate,outbound_calls',
        'base,100,10,1.25,4,,0.8,12,0.02,',
        'volume +10%,110,11.5,1.4,5,123.45,0.8123,11,0.019,1234',
        '',
      ].join('\n'),
    );
  });
});
