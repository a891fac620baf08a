import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planQueueDemand, planRosterResult } from '../../../src/app/plan/planRoster.js';
import { rosterService } from '../../../src/app/plan/rosterService.js';
import { type PlanResult, plan } from '../../../src/app/plan.js';
import { assignShifts } from '../../../src/rostering/assignShifts.js';
import { rosterCoverage } from '../../../src/rostering/rosterCoverage.js';
import type { PlanConfigInput } from '../../../src/schemas/planConfig.js';
import { freshDir, removeFreshDirs } from '../../io/tempDir.js';
import { agent, RULES, seat } from '../../rostering/fixtures.js';
import { teamRegularWeek } from './teamRegularWeek.js';
import { planFixtureDir } from './twoQueueConfig.js';

const config = teamRegularWeek;

describe('plan with agents (one queue, the schedule assigned)', () => {
  let r: PlanResult;
  beforeAll(async () => {
    r = await plan(config, { baseDir: planFixtureDir, source: 'plan.json' });
  }, 120_000);

  it('rosters the named agents on the seats of its schedule, each shift on the queue', () => {
    const roster = r.roster?.roster;
    expect(roster).toBeDefined();
    const seats = r.schedule.shifts.reduce((s, x) => s + x.count, 0);
    expect((roster?.totals.assignedShifts ?? 0) + (roster?.totals.unfilledShifts ?? 0)).toBe(seats);
    expect(roster?.totals.assignedShifts).toBeGreaterThan(0);
    expect(roster?.totals.unfilledShifts).toBeGreaterThan(0); // eight agents cannot fill a week of the bank
    expect(new Set(roster?.assignments.map((a) => a.queue))).toEqual(new Set(['regular']));
    // the approved leave of r02 (2-3 March 1999, local days) is kept
    const leaveStart = Date.UTC(1999, 2, 1, 22);
    const leaveEnd = Date.UTC(1999, 2, 3, 22);
    expect(
      roster?.assignments.filter((a) => a.agentId === 'r02' && a.startMs < leaveEnd && leaveStart < a.endMs),
    ).toEqual([]);
  });

  it('summarises the roster: totals, per-queue under-coverage from the agents really rostered', () => {
    const s = r.summary.roster;
    const roster = r.roster?.roster;
    expect(s?.method).toBe('assign');
    expect(s?.solveMethod).toBe('heuristic');
    expect(s?.agents).toBe(8);
    expect(s?.assignedShifts).toBe(roster?.totals.assignedShifts);
    expect(s?.unfilledShifts).toBe(roster?.totals.unfilledShifts);
    expect(s?.paidHours).toBeCloseTo(roster?.totals.paidHours ?? Number.NaN, 9);
    expect(s?.weekendsOffMet).toBeNull(); // no weekendsOff rule in rules_il.json
    const required = planQueueDemand(r.requirement, null, 'regular').required.regular ?? new Float64Array();
    const under = rosterCoverage(roster?.assignments ?? [], {
      starts: r.requirement.starts,
      intervalMinutes: r.requirement.intervalMinutes,
      required,
      queue: 'regular',
    }).underAgentIntervals;
    expect(s?.queues).toEqual([
      {
        name: 'regular',
        requiredAgentIntervals: required.reduce((a, b) => a + b, 0),
        underAgentIntervals: under,
        serviceLevel: r.roster?.service?.evaluation.total.serviceLevel,
      },
    ]);
    expect(s?.underAgentIntervals).toBe(under);
    expect(under).toBeGreaterThan(0);
  });

  it("evaluates the service the agents rostered give as the plan evaluates its schedule: the plan's own figures with the schedule's agents, never better per interval with seats left empty", () => {
    const input = { config: r.config, requirement: r.requirement, pooled: null, schedule: r.schedule };
    // the schedule's own agents on the phones: exactly the plan's evaluation
    const same = rosterService(input, { regular: { rostered: r.schedule.coverage.net } });
    r.evaluation.serviceLevel.forEach((sl, t) => {
      expect(same.evaluation.serviceLevel[t]).toBeCloseTo(sl, 12);
      expect(same.evaluation.asaSeconds[t]).toBeCloseTo(r.evaluation.asaSeconds[t] ?? Number.NaN, 9);
    });
    expect(same.evaluation.total.serviceLevel).toBeCloseTo(r.evaluation.total.serviceLevel, 12);
    // the roster fills some of the schedule's seats only, so no interval is served better
    const service = r.roster?.service;
    expect(service?.queues?.map((q) => q.name) ?? ['regular']).toEqual(['regular']);
    const rostered = r.roster?.coverage.regular?.rostered ?? new Float64Array();
    let worse = 0;
    r.evaluation.serviceLevel.forEach((sl, t) => {
      expect(rostered[t]).toBeLessThanOrEqual((r.schedule.coverage.net[t] ?? 0) + 1e-9);
      expect(service?.evaluation.serviceLevel[t]).toBeLessThanOrEqual(sl + 1e-12);
      if ((service?.evaluation.serviceLevel[t] ?? 0) < sl - 1e-9) worse++;
    });
    expect(worse).toBeGreaterThan(0);
    const s = r.summary.roster;
    expect(s?.serviceLevel).toBe(service?.evaluation.total.serviceLevel);
    expect(s?.serviceLevel).toBeLessThan(r.evaluation.total.serviceLevel);
    expect(s?.asaSeconds).toBe(service?.evaluation.total.asaSeconds);
    expect(s?.abandonRate).toBe(service?.evaluation.total.abandonRate);
    expect(r.roster?.messages).toContain(
      `roster: with the agents rostered, service level ${(100 * (s?.serviceLevel ?? 0)).toFixed(1)}%, ASA ${(s?.asaSeconds ?? 0).toFixed(0)} s, abandoned ${(100 * (s?.abandonRate ?? 0)).toFixed(1)}%\n`,
    );
  });

  it("writes roster-coverage.csv in coverage.csv's format: the agents rostered per interval and the service they give", () => {
    const lines = (r.roster?.files['roster-coverage.csv'] ?? '').split('\n').filter((l) => l !== '');
    expect(lines[0]).toBe(
      'interval_start,calls,required_agents,required_scheduled,scheduled,on_break,net,on_phone,under,over,service_level,asa_seconds,abandon_rate,occupancy',
    );
    expect(lines.length).toBe(r.requirement.starts.length + 1);
    const rostered = r.roster?.coverage.regular?.rostered ?? new Float64Array();
    const t = rostered.findIndex((v) => v > 0);
    const row = (lines[t + 1] ?? '').split(',');
    expect(Number(row[6])).toBeCloseTo(rostered[t] ?? Number.NaN, 3);
    expect(Number(row[10])).toBeCloseTo(r.roster?.service?.evaluation.serviceLevel[t] ?? Number.NaN, 3);
  });

  it('gives the roster files and the lines for stderr', () => {
    const files = r.roster?.files ?? {};
    expect(Object.keys(files).slice(0, 3)).toEqual(['roster.csv', 'agents.csv', 'team.ics']);
    expect(Object.keys(files).filter((f) => f.endsWith('.ics') && f !== 'team.ics').length).toBe(
      r.summary.roster?.agentsRostered,
    );
    expect(files['roster.csv']?.split('\n').filter((l) => l !== '').length).toBe(
      (r.roster?.roster.assignments.length ?? 0) + 1,
    );
    expect(r.roster?.messages[0]).toMatch(
      /^roster: heuristic, objective [\d.]+, no proven bound; \d+ of \d+ shifts/,
    );
    expect(r.roster?.messages.some((m) => m.startsWith('roster: unfilled: '))).toBe(true);
  });
});

describe('plan config with agents: validation', () => {
  const base = {
    history: { file: 'h.csv', timeZone: 'UTC' },
    target: { serviceLevel: 0.8, thresholdSeconds: 20 },
    ahtSeconds: 300,
    rules: 'rules_il.json',
  } as const;
  const error = async (cfg: unknown) => {
    try {
      await plan(cfg as PlanConfigInput, { baseDir: planFixtureDir, source: 'p.json' });
    } catch (e) {
      return e as { code: string; message: string };
    }
    return null;
  };

  it('needs roster.queue for a plan without queues, and agents for timeOff and roster', async () => {
    expect((await error({ ...base, agents: 'a.csv' }))?.message).toBe(
      "p.json: roster.queue: required with agents and no queues: the skill the plan's shifts need (e.g. 'regular')",
    );
    expect((await error({ ...base, timeOff: 't.csv' }))?.message).toBe(
      'p.json: timeOff: needs agents (the agents file to roster)',
    );
  });

  it("refuses method 'assign' with several queues", async () => {
    const e = await error({
      ...base,
      agents: 'a.csv',
      roster: { method: 'assign' },
      queues: [{ name: 'a' }, { name: 'b' }],
    });
    expect(e?.message).toBe(
      "p.json: roster.method: 'assign' rosters one queue; with several queues use 'build'",
    );
  });

  it('names the config key of an agents file that cannot be read', async () => {
    const e = await error({ ...config, agents: 'no-such-team.csv' });
    expect(e?.code).toBe('FILE_READ');
    expect(e?.message).toMatch(/^p\.json: agents: cannot read no-such-team\.csv/);
  });

  it('checks the agents against the queues before the slow steps', async () => {
    const e = await error({ ...config, queues: [{ name: 'stocks', historyQueue: 'NE' }] });
    expect(e?.code).toBe('CSV_ROW');
    expect(e?.message).toBe(
      "team_regular.csv:2:skills: unknown skill 'regular' (known queues: stocks) (and 7 more problems)",
    );
  });
});

describe('plan with agents (two queues, the roster built against each queue)', () => {
  let r: PlanResult;
  beforeAll(async () => {
    r = await plan(
      {
        ...config,
        queues: [
          { name: 'regular', historyQueue: 'PS' },
          { name: 'stocks', historyQueue: 'NE' },
        ],
        roster: { useSolver: false },
      },
      { baseDir: planFixtureDir, source: 'plan.json' },
    );
  }, 120_000);

  it("builds shifts on the agents' skills only: nobody serves stocks, so all of it is short", () => {
    const s = r.summary.roster;
    expect(s?.method).toBe('build');
    expect(s?.queues.map((q) => q.name)).toEqual(['regular', 'stocks']);
    const stocks = s?.queues[1];
    expect(stocks?.requiredAgentIntervals).toBeGreaterThan(0);
    expect(stocks?.underAgentIntervals).toBeCloseTo(stocks?.requiredAgentIntervals ?? Number.NaN, 9);
    expect(new Set(r.roster?.roster.assignments.map((a) => a.queue))).toEqual(new Set(['regular']));
    expect(s?.underAgentIntervals).toBeCloseTo(
      (s?.queues[0]?.underAgentIntervals ?? 0) + (stocks?.underAgentIntervals ?? 0),
      9,
    );
    expect(r.roster?.messages.at(-2)).toMatch(
      /^roster: under-coverage per queue: regular [\d.]+, stocks [\d.]+ agent-intervals\n$/,
    );
  });

  it('evaluates each queue with the agents rostered on it: nobody on stocks serves none of its calls', () => {
    const service = r.roster?.service;
    const byName = new Map(service?.queues?.map((q) => [q.name, q]));
    expect(byName.get('stocks')?.serviceLevel).toBe(0);
    expect(byName.get('regular')?.serviceLevel).toBeGreaterThan(0);
    expect(r.summary.roster?.queues.map((q) => q.serviceLevel)).toEqual([
      byName.get('regular')?.serviceLevel,
      byName.get('stocks')?.serviceLevel,
    ]);
    expect(r.summary.roster?.serviceLevel).toBe(service?.evaluation.total.serviceLevel);
    expect(r.summary.roster?.serviceLevel).toBeLessThan(byName.get('regular')?.serviceLevel ?? 0);
  });

  it('evaluates the coverage per queue on the plan grid from the assignments', () => {
    const regular = r.roster?.coverage.regular;
    const required = planQueueDemand(r.requirement, null, 'x').starts;
    expect(regular?.rostered.length).toBe(required.length);
    expect(Math.max(...(regular?.rostered ?? []))).toBeGreaterThan(0);
  });
});

describe('planRosterResult', () => {
  it("names the plan config's roster.timeLimitSeconds when the wall-clock safety net stopped the roster", async () => {
    const agents = [agent('a1')];
    const roster = await assignShifts([seat('s1', 1, 8)], agents, RULES, {
      timeZone: 'UTC',
      useSolver: false,
    });
    const starts = Float64Array.from({ length: 8 }, (_, h) => Date.UTC(2024, 0, 1, 8 + h));
    const demand = { starts, intervalMinutes: 60, required: { sales: starts.map(() => 1) } };
    const messages = planRosterResult(
      { ...roster, stoppedBy: 'time' },
      agents,
      demand,
      RULES,
      'assign',
    ).messages;
    expect(messages[0]).toContain(
      '(stopped by the wall-clock safety net roster.timeLimitSeconds: depends on machine load)',
    );
    expect(messages.join('')).not.toContain('--time-limit');
  });
});

describe("plan with agents whose skills name the rules' other queues", () => {
  // the rules name the centre's queues regular and stocks; r01 also serves stocks, r08 only stocks
  const dir = freshDir('plan-skills');
  afterAll(removeFreshDirs);
  const rules = JSON.parse(readFileSync(join(planFixtureDir, teamRegularWeek.rules), 'utf8')) as object;
  writeFileSync(
    join(dir, 'rules.json'),
    JSON.stringify({ ...rules, roster: { queues: ['regular', 'stocks'] } }),
  );
  const team = readFileSync(join(planFixtureDir, teamRegularWeek.agents), 'utf8').split('\n');
  const skills = (line: number, skill: string) => team[line]?.replace(',regular,', `,${skill},`);
  const teamWith = (r01: string, r08: string) =>
    [team[0], skills(1, r01), ...team.slice(2, 8), skills(8, r08), ''].join('\n');
  const config = {
    ...teamRegularWeek,
    horizonDays: 2,
    history: { ...teamRegularWeek.history, file: join(planFixtureDir, teamRegularWeek.history.file) },
    timeOff: join(planFixtureDir, teamRegularWeek.timeOff),
    rules: 'rules.json',
  };

  it("rosters the plan's queue only: the other skills are valid and unused, the agent without the queue gets no shift", async () => {
    writeFileSync(join(dir, 'team.csv'), teamWith('regular;stocks', 'stocks'));
    const r = await plan({ ...config, agents: 'team.csv' }, { baseDir: dir, source: 'plan.json' });
    const roster = r.roster?.roster;
    expect(roster?.totals.assignedShifts).toBeGreaterThan(0);
    expect(new Set(roster?.assignments.map((a) => a.queue))).toEqual(new Set(['regular']));
    expect(roster?.assignments.filter((a) => a.agentId === 'r08')).toEqual([]);
    expect(r.roster?.messages).toContain(
      'roster: 2 agents have skills outside the rostered queues (regular), not used in this run; 1 of them has no rostered skill and gets no shift: r08\n',
    );
  }, 120_000);

  it('a skill that is neither a queue of the plan nor of the rules is an error naming file, line and column', async () => {
    writeFileSync(join(dir, 'typo.csv'), teamWith('regular;stoks', 'regular'));
    await expect(
      plan({ ...config, agents: 'typo.csv' }, { baseDir: dir, source: 'plan.json' }),
    ).rejects.toMatchObject({
      code: 'CSV_ROW',
      message: "typo.csv:2:skills: unknown skill 'stoks' (known queues: regular, stocks)",
    });
  });
});
