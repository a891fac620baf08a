import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_FILES } from '../../src/app/plan/planOutputs.js';
import { parsePlanConfig } from '../../src/schemas/planConfig.js';
import { runStaffcast } from './run.js';

const fixtures = fileURLToPath(new URL('../fixtures/plan/', import.meta.url));
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'staffcast-plan-multi-'));
  const config = {
    history: { file: join(fixtures, 'anonymous_bank_queues_30min.csv'), timeZone: 'Asia/Jerusalem' },
    horizonDays: 3,
    forecast: { method: 'seasonal-naive' },
    target: { serviceLevel: 0.8, thresholdSeconds: 20 },
    patienceSeconds: 120,
    rules: join(fixtures, 'rules_il.json'),
    queues: [
      { name: 'regular', historyQueue: 'PS' },
      { name: 'stocks', historyQueue: 'NE', channel: 'email', deadlineMinutes: 60, ahtSeconds: 200 },
    ],
  };
  await writeFile(join(dir, 'multi.json'), JSON.stringify(config));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('staffcast plan with queues', () => {
  it('writes the six files with queue columns and prints one read report per queue', async () => {
    const r = await runStaffcast(['plan', '--config', 'multi.json', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((await readdir(join(dir, 'out'))).sort()).toEqual([...PLAN_FILES].sort());
    expect(r.stderr).toMatch(
      /^queue regular: read 2,856 rows from .*: 952 used, 0 rejected, 1,904 excluded/m,
    );
    expect(r.stderr).toMatch(/^queue stocks: read 2,856 rows/m);
    const forecastCsv = await readFile(join(dir, 'out', 'forecast.csv'), 'utf8');
    expect(forecastCsv.split('\n')[0]).toBe('interval_start,queue,calls,aht_seconds');
    const requirements = await readFile(join(dir, 'out', 'requirements.csv'), 'utf8');
    expect(requirements.split('\n')[0]?.startsWith('interval_start,queue,')).toBe(true);
    const coverage = (await readFile(join(dir, 'out', 'coverage.csv'), 'utf8')).trim().split('\n');
    expect(coverage).toHaveLength(3 * 34 + 1); // the pool: one row per interval
    const summary = JSON.parse(await readFile(join(dir, 'out', 'summary.json'), 'utf8'));
    expect(summary.summary.queues.map((q: { name: string; channel: string }) => [q.name, q.channel])).toEqual(
      [
        ['regular', 'voice'],
        ['stocks', 'email'],
      ],
    );
    const html = await readFile(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('<h2>By queue</h2>');
  }, 60_000);

  it('exits 1 naming queues[i] for a bad queue', async () => {
    await writeFile(
      join(dir, 'dup.json'),
      JSON.stringify({
        ...JSON.parse(await readFile(join(dir, 'multi.json'), 'utf8')),
        queues: [{ name: 'a' }, { name: 'a' }],
      }),
    );
    const r = await runStaffcast(['plan', '--config', 'dup.json', '-o', 'dup'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("staffcast: dup.json: queues[1].name: duplicate queue name 'a' (also queues[0])\n");
  });
});

describe('examples/plan-multi.json', () => {
  it('is a valid plan config with a voice, a chat and an email queue whose files exist', async () => {
    const text = await readFile(join(examples, 'plan-multi.json'), 'utf8');
    const cfg = parsePlanConfig(JSON.parse(text), 'plan-multi.json');
    expect(cfg.queues?.map((q) => q.channel)).toEqual(['voice', 'chat', 'email']);
    expect(cfg.description).toMatch(/^Illustrative/);
    await readFile(resolve(dirname(join(examples, 'plan-multi.json')), cfg.history.file));
    await readFile(join(examples, String(cfg.rules)));
  });
});

describe('examples/plan-queues.json', () => {
  it('plans the three real Anonymous Bank queues into one pooled, proven-optimal schedule', async () => {
    const out = join(dir, 'queues-out');
    const r = await runStaffcast(['plan', '--config', join(examples, 'plan-queues.json'), '-o', out, '-q']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    const queues: { name: string; forecastCalls: number; requiredAgentHours: number }[] = json.summary.queues;
    expect(queues.map((q) => q.name)).toEqual(['regular', 'prospects', 'stocks']);
    const sum = (k: 'forecastCalls' | 'requiredAgentHours') => queues.reduce((s, q) => s + q[k], 0);
    expect(sum('forecastCalls')).toBeCloseTo(json.summary.forecastCalls, 6);
    expect(sum('requiredAgentHours')).toBeCloseTo(json.summary.requiredAgentHours, 6);
    expect(json.summary.scheduleStatus).toBe('optimal');
    expect(json.summary.underAgentIntervals).toBe(0);
  }, 60_000);
});
