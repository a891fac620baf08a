import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_FILES } from '../../src/app/plan/planOutputs.js';
import { runCli } from '../../src/cli/program.js';
import { runStaffcast } from './run.js';

const fixtures = fileURLToPath(new URL('../fixtures/plan/', import.meta.url));
let dir: string;

const config = (history: string) => ({
  history: { file: join(fixtures, history), timeZone: 'America/New_York' },
  outputIntervalMinutes: 30,
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  ahtSeconds: 300,
  patienceSeconds: 180,
  rules: join(fixtures, 'rules.json'),
});

/** Runs the CLI with stderr as a terminal or not. */
async function runTty(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([]),
    cwd: dir,
    env,
    stderrIsTTY: true,
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'staffcast-plan-'));
  await writeFile(join(dir, 'plan.json'), JSON.stringify(config('bank_3weeks_5min.csv')));
  await writeFile(join(dir, 'bad.json'), JSON.stringify(config('missing.csv')));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('staffcast plan', () => {
  it('writes the six files and prints the summary, without progress in a pipe', async () => {
    const r = await runStaffcast(['plan', '--config', 'plan.json', '-o', 'out'], { cwd: dir });
    expect(r.stderr).not.toMatch(/plan: forecast/);
    expect(r.code).toBe(0);
    expect((await readdir(join(dir, 'out'))).sort()).toEqual([...PLAN_FILES].sort());
    expect(r.stdout).toMatch(/Service level/);
    expect(r.stdout).not.toContain('\x1b[');
    const summary = JSON.parse(await readFile(join(dir, 'out', 'summary.json'), 'utf8'));
    expect(summary.summary.days).toHaveLength(5);
    expect(summary.config.shrinkage).toBe(0.3);
    // the promise is the simulated schedule's service level, 20 replications by default
    expect(summary.summary.promise.source).toBe('simulation');
    expect(summary.summary.simulation.replications).toBe(20);
    expect(r.stdout).toMatch(/Service level \(simulated, 95% interval\)/);
    const coverage = (await readFile(join(dir, 'out', 'coverage.csv'), 'utf8')).trim().split('\n');
    expect(coverage[0]).toMatch(/^interval_start,calls,required_agents,/);
    expect(coverage).toHaveLength(1 + summary.intervals);
    const html = await readFile(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toMatch(/<svg/);
    expect(html).not.toMatch(/<script[^>]+src=/);
  }, 60_000);

  it('skips the simulation with --no-simulate: the promise is the per-interval Erlang figure', async () => {
    const r = await runStaffcast(['plan', '--config', 'plan.json', '-o', 'fast', '--no-simulate'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    const summary = JSON.parse(await readFile(join(dir, 'fast', 'summary.json'), 'utf8'));
    expect(summary.summary.simulation).toBeNull();
    expect(summary.summary.simulationSkipped).toBe('off');
    expect(summary.summary.promise).toEqual({
      serviceLevel: summary.summary.serviceLevel,
      lower: null,
      upper: null,
      source: 'erlang',
    });
    expect(r.stdout).not.toContain('simulated');
  }, 60_000);

  it('shows step lines with timings and colour on a terminal, and no colour with NO_COLOR', async () => {
    const r = await runTty(['plan', '--config', 'plan.json', '-o', 'tty']);
    expect(r.code).toBe(0);
    for (const step of [
      'read history',
      'forecast',
      'staff',
      'schedule',
      'evaluate',
      'simulate',
      'write files',
    ])
      expect(r.stderr).toMatch(new RegExp(`plan: ${step} +\\d+\\.\\d\\d s`));
    expect(r.stdout).toContain('\x1b[');
    const plain = await runTty(['plan', '--config', 'plan.json', '-o', 'tty'], { NO_COLOR: '1' });
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('\x1b[');
  }, 60_000);

  it('prints only the coverage warnings with --quiet, even on a terminal', async () => {
    const r = await runTty(['plan', '--config', 'plan.json', '-o', 'quiet', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    // the fixture rules (open until 21:05, shifts ending on the hour or half hour) cannot cover 21:00-21:30 (30-minute intervals)
    expect(r.stderr).toMatch(/^(plan: warning: [^\n]+\n)+$/);
    expect(r.stderr).toMatch(
      /^plan: warning: \d+ intervals \(\d+ agent-intervals required\) cannot be covered by any shift of the rules .*Mon 24 Mar 21:00-21:30/m,
    );
    expect((await readdir(join(dir, 'quiet'))).length).toBe(6);
  }, 60_000);

  it('exits 1 on a missing history file and leaves no output folder or temporary folder', async () => {
    const before = await readdir(dir);
    const r = await runStaffcast(['plan', '--config', 'bad.json', '-o', 'failed'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^staffcast: bad\.json: history\.file: cannot read .*missing\.csv: no such file$/m,
    );
    expect(existsSync(join(dir, 'failed'))).toBe(false);
    expect((await readdir(dir)).sort()).toEqual(before.sort());
  });

  it('exits 1 with the CONFIG message for an unknown key', async () => {
    await writeFile(join(dir, 'unknown.json'), JSON.stringify({ ...config('x.csv'), colour: 1 }));
    const r = await runStaffcast(['plan', '--config', 'unknown.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^staffcast: unknown\.json: [^\n]*"colour"[^\n]*\n$/);
  });

  it('accepts the old --out as a hidden alias of -o/--output with a one-line deprecation warning', async () => {
    const r = await runStaffcast(['plan', '--config', 'plan.json', '--out', 'old', '--quiet'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('staffcast: --out is deprecated, use -o/--output');
    expect((await readdir(join(dir, 'old'))).sort()).toEqual([...PLAN_FILES].sort());
    const help = await runStaffcast(['plan', '--help'], { cwd: dir });
    expect(help.stdout).toContain('-o, --output <dir>');
    expect(help.stdout).not.toContain('--out ');
  }, 60_000);

  it('exits 2 on a usage error (no --config, unknown flag)', async () => {
    expect((await runStaffcast(['plan'], { cwd: dir })).code).toBe(2);
    expect((await runStaffcast(['plan', '--config', 'plan.json', '--bogus'], { cwd: dir })).code).toBe(2);
  });
});

describe('staffcast plan progress on a failing terminal run', () => {
  it('ends the open step line before the error message', async () => {
    const r = await runTty(['plan', '--config', 'bad.json', '-o', 'failed-tty']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^plan: read history +\.\.\. failed\nstaffcast: .*missing\.csv/);
    expect(existsSync(join(dir, 'failed-tty'))).toBe(false);
  });
});
