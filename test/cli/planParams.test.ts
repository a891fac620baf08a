import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStaffcast } from './run.js';

const fixtures = fileURLToPath(new URL('../fixtures/plan/', import.meta.url));
let dir: string;

const config = (fittedParams: string) => ({
  history: { file: join(fixtures, 'bank_3weeks_5min.csv'), timeZone: 'Asia/Jerusalem' },
  outputIntervalMinutes: 30,
  horizonDays: 5,
  forecast: { method: 'seasonal-naive' },
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  fittedParams,
  rules: join(fixtures, 'rules.json'),
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'staffcast-plan-params-'));
  await copyFile(join(fixtures, 'bank_params.json'), join(dir, 'p.json'));
  const params = JSON.parse(await readFile(join(fixtures, 'bank_params.json'), 'utf8'));
  await writeFile(join(dir, 'bad-params.json'), JSON.stringify({ ...params, availabilityFactor: 3 }));
  await writeFile(join(dir, 'plan.json'), JSON.stringify(config('p.json')));
  await writeFile(join(dir, 'missing.json'), JSON.stringify(config('gone.json')));
  await writeFile(join(dir, 'invalid.json'), JSON.stringify(config('bad-params.json')));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('staffcast plan with fittedParams', () => {
  it('schema plan shows fittedParams and the per-queue useParams', async () => {
    const r = await runStaffcast(['schema', 'plan']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.fittedParams.type).toBe('string');
    expect(schema.properties.fittedParams.description).toMatch(/calibrate --params-out/);
    expect(schema.properties.queues.items.properties.useParams.type).toBe('boolean');
    expect(schema.properties.queues.items.properties.useParams.description).toMatch(/voice/);
  });

  it('plans with the params file named relative to the config', async () => {
    const r = await runStaffcast(['plan', '--config', 'plan.json', '-o', 'out', '--quiet'], { cwd: dir });
    // only the coverage warnings (the fixture rules cannot cover 21:00-21:30)
    expect(r.stderr).toMatch(/^(plan: warning: [^\n]+\n)*$/);
    expect(r.code).toBe(0);
    const summary = JSON.parse(await readFile(join(dir, 'out', 'summary.json'), 'utf8'));
    expect(summary.config.fittedParams).toBe('p.json');
    const requirements = (await readFile(join(dir, 'out', 'requirements.csv'), 'utf8')).trim().split('\n');
    expect(requirements.length).toBeGreaterThan(80);
  }, 60_000);

  it('a missing params file is one line naming the config key (exit 1)', async () => {
    const r = await runStaffcast(['plan', '--config', 'missing.json', '-o', 'o2'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('staffcast: missing.json: fittedParams: cannot read gone.json: no such file\n');
  });

  it('an invalid params file is one line naming the config, key, file and field (exit 1)', async () => {
    const r = await runStaffcast(['plan', '--config', 'invalid.json', '-o', 'o3'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'staffcast: invalid.json: fittedParams: bad-params.json: availabilityFactor: Too big: expected number to be <=2\n',
    );
  });
});
