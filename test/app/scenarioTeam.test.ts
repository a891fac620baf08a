import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/app/scenario.js';
import { formatScenarioCsv, formatScenarioTable } from '../../src/scenario/formatScenarioTable.js';
import type { ScenarioRow } from '../../src/scenario/scenarioRow.js';
import { parsePlanConfig } from '../../src/schemas/planConfig.js';
import { parseScenarioFile } from '../../src/schemas/scenarioFile.js';
import { teamRegularWeek } from './plan/teamRegularWeek.js';
import { planFixtureDir } from './plan/twoQueueConfig.js';

/** The understaffed week of test/app/plan/planRoster.test.ts as a base plan. */
const base = teamRegularWeek;

const error = async (scenario: unknown) => {
  try {
    await compareScenarios(scenario, { baseDir: planFixtureDir, source: 's.json', workers: 1 });
  } catch (e) {
    return e as { code: string; message: string };
  }
  return null;
};

describe('scenario team changes (hire, attrition, leave)', () => {
  let rows: ScenarioRow[];
  beforeAll(async () => {
    rows = await compareScenarios(
      {
        base,
        variants: [
          { name: 'hire5', team: { hire: [{ count: 5, like: 'r01' }] } },
          { name: 'lose3', team: { attrition: { count: 3 } } },
          { name: 'leave', team: { leave: [{ agent: 'r01', start: '1999-03-01', end: '1999-03-07' }] } },
        ],
      },
      { baseDir: planFixtureDir, source: 's.json', workers: 1 },
    );
  }, 240_000);

  it('hiring five agents fills more shifts and lowers the under-coverage of the understaffed week', () => {
    const [b, hire] = rows;
    expect(b?.rosterUnfilledShifts).toBeGreaterThan(5);
    expect(hire?.rosterUnderAgentIntervals).toBeLessThan(b?.rosterUnderAgentIntervals ?? 0);
    expect(hire?.rosterUnfilledShifts).toBeLessThan(b?.rosterUnfilledShifts ?? 0);
    expect(hire?.rosterPaidHours).toBeGreaterThan(b?.rosterPaidHours ?? Number.POSITIVE_INFINITY);
    // and the rostered agents serve more of the calls
    expect(hire?.rosterServiceLevel).toBeGreaterThan(b?.rosterServiceLevel ?? 1);
    // the schedule (what is needed) is the same: only the team changed
    expect(hire?.scheduleCost).toBe(b?.scheduleCost);
  });

  it('attrition and a week of leave raise the under-coverage', () => {
    const [b, , lose, leave] = rows;
    expect(lose?.rosterUnderAgentIntervals).toBeGreaterThan(b?.rosterUnderAgentIntervals ?? 0);
    expect(leave?.rosterUnderAgentIntervals).toBeGreaterThan(b?.rosterUnderAgentIntervals ?? 0);
    expect(lose?.rosterServiceLevel).toBeLessThan(b?.rosterServiceLevel ?? 0);
  });

  it('the table and the CSV gain the roster columns', () => {
    const table = formatScenarioTable(rows);
    expect(table.split('\n')[0]).toMatch(
      / roster_paid_hours {2}roster_cost {2}roster_under_agent_intervals {2}unfilled_shifts {2}weekends_off_met {2}roster_service_level$/,
    );
    expect(formatScenarioCsv(rows).split('\n')[0]).toBe(
      'scenario,calls,agent_hours,fte,peak_agents,schedule_cost,service_level,asa_seconds,abandon_rate,outbound_calls,' +
        'schedule_status,schedule_stopped_by,schedule_gap,roster_paid_hours,roster_cost,roster_under_agent_intervals,' +
        'unfilled_shifts,weekends_off_met,roster_service_level',
    );
  });
});

describe('scenario team changes: errors name the scenario and the field', () => {
  it('an unknown agent in attrition', async () => {
    const e = await error({
      base,
      variants: [{ name: 'lose', team: { attrition: { agents: ['r01', 'zz'] } } }],
    });
    expect(e?.code).toBe('CONFIG');
    expect(e?.message).toBe(
      "s.json: lose: team: attrition.agents[1]: unknown agent 'zz' (team: r01, r02, r03, r04, r05, r06, r07, r08)",
    );
  });

  it('leave of an unknown agent, and leave with a date that cannot be read', async () => {
    expect(
      (
        await error({
          base,
          variants: [
            { name: 'x', team: { leave: [{ agent: 'q9', start: '1999-03-01', end: '1999-03-02' }] } },
          ],
        })
      )?.message,
    ).toBe(
      "s.json: x: team: leave[0].agent: unknown agent 'q9' (team: r01, r02, r03, r04, r05, r06, r07, r08)",
    );
    expect(
      (
        await error({
          base,
          variants: [
            { name: 'x', team: { leave: [{ agent: 'r01', start: '1999-02-30', end: '1999-03-02' }] } },
          ],
        })
      )?.message,
    ).toBe("s.json: x: team: leave[0].start: not a date (got '1999-02-30')");
  });

  it('leave overlapping approved leave, and a hire whose skill is not a queue of the plan', async () => {
    expect(
      (
        await error({
          base,
          variants: [
            { name: 'x', team: { leave: [{ agent: 'r02', start: '1999-03-03', end: '1999-03-04' }] } },
          ],
        })
      )?.message,
    ).toMatch(/^s\.json: x: team: leave\[0\]: overlaps approved leave of agent 'r02' /);
    expect(
      (
        await error({
          base,
          variants: [{ name: 'x', team: { hire: [{ count: 1, like: 'r01', skills: ['stocks'] }] } }],
        })
      )?.message,
    ).toBe("s.json: x: team: agent 'hire-1': skills: unknown skill 'stocks' (known queues: regular)");
  });

  it('team changes need a base plan with agents', async () => {
    const { agents: _a, timeOff: _t, roster: _r, ...noAgents } = base;
    const e = await error({ base: noAgents, variants: [{ name: 'x', team: { attrition: { count: 1 } } }] });
    expect(e?.message).toBe(
      's.json: x: team: changes the team, but the base plan has no agents (give it an agents file)',
    );
  });
});

describe('the rostering examples', () => {
  const read = async (name: string) =>
    JSON.parse(await readFile(new URL(`../../examples/${name}`, import.meta.url), 'utf8')) as unknown;

  it('plan-roster.json is a valid plan with agents, and scenarios-team.json a valid scenario file on it', async () => {
    const cfg = parsePlanConfig(await read('plan-roster.json'), 'plan-roster.json');
    expect([cfg.agents, cfg.timeOff, cfg.roster?.method]).toEqual([
      'il-bank-agents.csv',
      'il-bank-time-off.csv',
      'build',
    ]);
    const file = parseScenarioFile(await read('scenarios-team.json'), 'scenarios-team.json');
    expect(file.base).toBe('plan-roster.json');
    expect(file.variants.map((v) => Object.keys(v.team ?? {}))).toEqual([
      ['hire'],
      ['attrition'],
      ['leave'],
      ['hire'],
    ]);
  });
});
