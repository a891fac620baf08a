import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_FILES } from '../../src/app/plan/planOutputs.js';
import { teamRegularWeek } from '../app/plan/teamRegularWeek.js';
import { planFixtureDir } from '../app/plan/twoQueueConfig.js';
import { runStaffcast } from './run.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'staffcast-plan-roster-'));
  // the week of test/app/plan/planRoster.test.ts, its files by absolute path, the roster built
  const { history, rules, agents, timeOff } = teamRegularWeek;
  await writeFile(
    join(dir, 'plan.json'),
    JSON.stringify({
      ...teamRegularWeek,
      history: { ...history, file: join(planFixtureDir, history.file) },
      rules: join(planFixtureDir, rules),
      agents: join(planFixtureDir, agents),
      timeOff: join(planFixtureDir, timeOff),
      roster: { useSolver: false },
    }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('staffcast plan with agents', () => {
  it("writes the plan's files and the roster's, and the roster's lines to stderr", async () => {
    const r = await runStaffcast(['plan', '--config', 'plan.json', '-o', 'out', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    const files = await readdir(join(dir, 'out'));
    expect(files).toEqual(expect.arrayContaining([...PLAN_FILES, 'roster.csv', 'agents.csv', 'team.ics']));
    expect(files.filter((f) => /^r0\d\.ics$/.test(f)).length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(
      /^roster: heuristic, objective [\d.]+, no proven bound; \d+ of \d+ shifts filled by 8 agents/m,
    );
    expect(r.stderr).toMatch(
      /^roster: under-coverage of the requirement by the rostered agents [\d.]+ agent-intervals$/m,
    );
    const summary = JSON.parse(await readFile(join(dir, 'out', 'summary.json'), 'utf8'));
    expect(summary.summary.roster.method).toBe('build');
    expect(summary.summary.roster.queues[0].name).toBe('regular');
    expect(summary.config.agents).toMatch(/team_regular\.csv$/);
    const roster = await readFile(join(dir, 'out', 'roster.csv'), 'utf8');
    expect(roster.split('\n').filter((l) => l !== '').length - 1).toBe(summary.summary.roster.assignedShifts);
    // the roster page: one grid row per agent of the team
    const page = await readFile(join(dir, 'out', 'roster.html'), 'utf8');
    expect(page).toContain('<title>Roster: regular');
    expect(page).toContain('R. Amar');
    expect(page).toContain('T. Biton');
  }, 120_000);
});
