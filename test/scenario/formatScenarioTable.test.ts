import { describe, expect, it } from 'vitest';
import {
  formatScenarioCsv,
  formatScenarioTable,
  SCENARIO_NOT_PROVEN_NOTE,
  SCENARIO_TIME_LIMIT_NOTE,
  scenarioTableNotes,
  scheduleMark,
  scheduleNotProven,
} from '../../src/scenario/formatScenarioTable.js';
import type { ScenarioRow } from '../../src/scenario/scenarioRow.js';

const rows: ScenarioRow[] = [
  {
    name: 'base',
    forecastCalls: 100,
    agentHours: 10,
    fte: 1.25,
    fteBasis: 'scheduled agent-hours per week / 40 h',
    peakAgents: 4,
    scheduleCost: null,
    scheduleStatus: null,
    scheduleStoppedBy: null,
    scheduleGap: null,
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
    fteBasis: 'paid hours per week / 40 h',
    peakAgents: 5,
    scheduleCost: 123.45,
    scheduleStatus: 'optimal',
    scheduleStoppedBy: 'gap',
    scheduleGap: 0,
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

describe('formatScenarioTable with a schedule not proven optimal', () => {
  const stopped: ScenarioRow = {
    ...rows[1]!,
    name: 'stopped',
    scheduleCost: 99.5,
    scheduleStatus: 'feasible',
    scheduleStoppedBy: 'work',
    scheduleGap: 0.03,
  };
  it("ends the cost of a row stopped by the work budget in '*', pads the other costs and explains the mark in the table", () => {
    expect(formatScenarioTable([...rows, stopped])).toBe(
      [
        'scenario     calls  agent_hours  fte  peak_agents  schedule_cost  service_level  asa_seconds  abandon_rate  outbound_calls',
        'base           100         10.0  1.3            4                         0.800         12.0         0.020',
        'volume +10%    110         11.5  1.4            5         123.5           0.812         11.0         0.019            1234',
        'stopped        110         11.5  1.4            5          99.5*          0.812         11.0         0.019            1234',
        SCENARIO_NOT_PROVEN_NOTE,
        '',
      ].join('\n'),
    );
  });

  it("marks a row stopped by the wall-clock safety net '!' (load-dependent), apart from '*', with both legend lines", () => {
    const timed: ScenarioRow = { ...stopped, name: 'timed', scheduleStoppedBy: 'time' };
    const lines = formatScenarioTable([rows[1]!, stopped, timed]).split('\n');
    expect(lines[1]).toMatch(/ 123\.5 {2}/);
    expect(lines[2]).toMatch(/ 99\.5\* /);
    expect(lines[3]).toMatch(/ 99\.5! /);
    expect(lines.slice(4)).toEqual([SCENARIO_NOT_PROVEN_NOTE, SCENARIO_TIME_LIMIT_NOTE, '']);
  });

  it('tells proven-optimal and unscheduled rows apart from the others', () => {
    expect(scheduleNotProven({ scheduleStatus: 'optimal' })).toBe(false);
    expect(scheduleNotProven({ scheduleStatus: null })).toBe(false);
    expect(scheduleNotProven({ scheduleStatus: 'feasible' })).toBe(true);
    expect(scheduleNotProven({ scheduleStatus: 'heuristic' })).toBe(true);
  });

  it("marks by why the solver stopped: '' proven, '*' work budget or no bound, '!' wall clock", () => {
    expect(scheduleMark({ scheduleStatus: 'optimal', scheduleStoppedBy: 'gap' })).toBe('');
    expect(scheduleMark({ scheduleStatus: null, scheduleStoppedBy: null })).toBe('');
    expect(scheduleMark({ scheduleStatus: 'feasible', scheduleStoppedBy: 'work' })).toBe('*');
    expect(scheduleMark({ scheduleStatus: 'heuristic', scheduleStoppedBy: 'gap' })).toBe('*');
    expect(scheduleMark({ scheduleStatus: 'feasible', scheduleStoppedBy: 'time' })).toBe('!');
    expect(scenarioTableNotes(rows)).toEqual([]);
  });
});

describe('formatScenarioCsv', () => {
  it('writes full precision, quoting nothing needless and leaving null cost, outbound and status empty', () => {
    expect(formatScenarioCsv(rows)).toBe(
      [
        'scenario,calls,agent_hours,fte,peak_agents,schedule_cost,service_level,asa_seconds,abandon_rate,outbound_calls,schedule_status,schedule_stopped_by,schedule_gap',
        'base,100,10,1.25,4,,0.8,12,0.02,,,,',
        'volume +10%,110,11.5,1.4,5,123.45,0.8123,11,0.019,1234,optimal,gap,0',
        '',
      ].join('\n'),
    );
  });

  it("writes figures without float noise and prefixes a scenario name starting with = + - @ with '", () => {
    const noisy: ScenarioRow = { ...rows[0]!, name: '-10% volume', agentHours: 21062.299999999996 };
    expect(formatScenarioCsv([noisy]).split('\n')[1]).toBe(
      "'-10% volume,100,21062.3,1.25,4,,0.8,12,0.02,,,,",
    );
  });

  it('writes a figure that is not finite as an empty cell, never Infinity', () => {
    const unstable: ScenarioRow = { ...rows[0]!, asaSeconds: Number.POSITIVE_INFINITY };
    expect(formatScenarioCsv([unstable]).split('\n')[1]).toBe('base,100,10,1.25,4,,0.8,,0.02,,,,');
  });
});
