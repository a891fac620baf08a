import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIO_NOT_PROVEN_NOTE } from '../../src/scenario/formatScenarioTable.js';
import { runStaffcast } from './run.js';

const cwd = fileURLToPath(new URL('../fixtures/scenario/', import.meta.url));

describe('staffcast scenario', () => {
  it('prints a table with the base and each variant (--no-schedule)', async () => {
    const r = await runStaffcast(['scenario', 'scenarios.json', '--no-schedule'], { cwd });
    expect(r.stderr).toBe(
      'scenario: fte = scheduled agent-hours per week / 40 h (calendar weeks of the horizon, closed days included)\n',
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^scenario\s+calls\s+agent_hours\s+fte\s+peak_agents\s+schedule_cost/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['base', 'busy', 'deflect']);
  });

  it('prints the same rows as JSON and as CSV', async () => {
    const json = await runStaffcast(['scenario', 'scenarios.json', '--no-schedule', '--json'], { cwd });
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as Array<{ name: string; agentHours: number; scheduleCost: null }>;
    expect(rows.map((r) => r.name)).toEqual(['base', 'busy', 'deflect']);
    expect(rows[1]!.agentHours).toBeGreaterThan(rows[0]!.agentHours);
    const csv = await runStaffcast(['scenario', 'scenarios.json', '--no-schedule', '--csv'], {
      cwd,
    });
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'scenario,calls,agent_hours,fte,peak_agents,schedule_cost,service_level,asa_seconds,abandon_rate,outbound_calls,schedule_status,schedule_stopped_by,schedule_gap',
    );
    expect(lines[1]!.split(',')[2]).toBe(String(rows[0]!.agentHours));
    expect(lines[1]!.split(',')[5]).toBe('');
    expect(lines[1]!.split(',')[9]).toBe('');
    expect(lines[1]!.split(',').slice(10)).toEqual(['', '', '']);
    expect(rows.map((r) => (r as { outboundCalls?: unknown }).outboundCalls)).toEqual([null, null, null]);
    expect(rows.map((r) => (r as { scheduleStatus?: unknown }).scheduleStatus)).toEqual([null, null, null]);
  });

  it('sweeps volume from a base plan, one row per step', async () => {
    const r = await runStaffcast(
      ['scenario', '--base', 'plan.json', '--sweep', 'volume=0.9:1.1:0.1', '--no-schedule', '--csv'],
      { cwd },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const names = r.stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(names).toEqual(['base', 'volume=0.9', 'volume=1', 'volume=1.1']);
  });

  it.each([
    [
      ['scenario', '--base', 'plan.json', '--sweep', 'volume=1:2'],
      "staffcast: --sweep: expected <parameter>=<from>:<to>:<step>, e.g. volume=0.9:1.2:0.05 (got 'volume=1:2')\n",
    ],
    [['scenario', '--sweep', 'volume=1:2:0.5'], 'staffcast: scenario: --sweep needs --base <plan>\n'],
    [['scenario'], 'staffcast: scenario: give a scenario file, or --base <plan> --sweep <spec>\n'],
    [
      ['scenario', 'scenarios.json', '--no-schedule', '--report', 'r.html'],
      'staffcast: scenario: --report needs scheduling (the report shows the schedule); drop --no-schedule\n',
    ],
    [
      ['scenario', 'scenarios.json', '--concurrency', '0'],
      "error: option '--concurrency <n>' argument '0' is invalid. '0' must be a whole number >= 1.\n",
    ],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const r = await runStaffcast(argv, { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
    expect(r.stdout).toBe('');
  });

  it('accepts the old --format and --concurrency as hidden aliases with one-line deprecation warnings', async () => {
    const csv = await runStaffcast(['scenario', 'scenarios.json', '--no-schedule', '--csv'], { cwd });
    const old = await runStaffcast(
      ['scenario', 'scenarios.json', '--no-schedule', '--format', 'csv', '--concurrency', '2'],
      { cwd },
    );
    expect(old.code).toBe(0);
    expect(old.stdout).toBe(csv.stdout);
    expect(old.stderr).toBe(
      'staffcast: --format is deprecated, use --json or --csv\nstaffcast: --concurrency is deprecated, use --workers\n',
    );
    const json = await runStaffcast(['scenario', 'scenarios.json', '--no-schedule', '--format', 'json'], {
      cwd,
    });
    expect(JSON.parse(json.stdout).map((r: { name: string }) => r.name)).toEqual(['base', 'busy', 'deflect']);
    const help = await runStaffcast(['scenario', '--help'], { cwd });
    expect(help.stdout).toMatch(/--workers <n>/);
    expect(help.stdout).not.toMatch(/--format|--concurrency/);
    const zero = await runStaffcast(['scenario', 'scenarios.json', '--workers', '0'], { cwd });
    expect([zero.code, zero.stderr]).toEqual([
      2,
      "error: option '--workers <n>' argument '0' is invalid. '0' must be a whole number >= 1.\n",
    ]);
  });

  it('is described by `staffcast schema scenario`', async () => {
    const r = await runStaffcast(['schema', 'scenario']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { required: string[] };
    expect(schema.required).toEqual(['base', 'variants']);
  });

  it('reads the scenario file from stdin with -, its paths relative to the working folder', async () => {
    const stdin = JSON.stringify({ base: 'plan.json', variants: [{ name: 'busy', volumeFactor: 1.1 }] });
    const r = await runStaffcast(['scenario', '-', '--no-schedule', '--csv'], { cwd, stdin });
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['base', 'busy']);
  });

  it('exits 1 with the CONFIG error for invalid JSON and for an unknown override key', async () => {
    const bad = await runStaffcast(['scenario', '-', '--no-schedule'], { cwd, stdin: '{"base":' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^staffcast: stdin: not valid JSON: /);
    const unknown = await runStaffcast(['scenario', '-', '--no-schedule'], {
      cwd,
      stdin: JSON.stringify({ base: 'plan.json', variants: [{ name: 'x', volume: 1.1 }] }),
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'staffcast: stdin: variants[0]: unknown key "volume" (did you mean "volumeFactor"?)\n',
    );
  });

  it('exits 1 naming the file when the scenario file is missing', async () => {
    const r = await runStaffcast(['scenario', 'nope.json', '--no-schedule'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('staffcast: cannot read nope.json: no such file\n');
  });
});

describe('staffcast scenario with scheduling', () => {
  const out = mkdtempSync(join(tmpdir(), 'staffcast-scenario-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('prints the outbound calls that fit per scenario (--json, csv), the same with --workers 1', async () => {
    const json = await runStaffcast(['scenario', 'short.json', '--json'], { cwd });
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as Array<{
      name: string;
      outboundCalls: number | null;
      scheduleStatus: string;
    }>;
    expect(rows.map((r) => r.name)).toEqual(['base', 'busy', 'slow outbound', '9-18']);
    for (const r of rows) expect(r.outboundCalls).toBeGreaterThan(0);
    // twice the handle time, the same schedule: at most half the calls
    expect(rows[2]!.outboundCalls!).toBeLessThanOrEqual(rows[0]!.outboundCalls! / 2);
    const csv = await runStaffcast(['scenario', 'short.json', '--csv', '--workers', '1'], {
      cwd,
    });
    const lines = csv.stdout.trimEnd().split('\n');
    expect(
      lines[0]!.endsWith(',abandon_rate,outbound_calls,schedule_status,schedule_stopped_by,schedule_gap'),
    ).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[9])).toEqual(rows.map((r) => String(r.outboundCalls)));
    expect(lines.slice(1).map((l) => l.split(',')[10])).toEqual(rows.map((r) => r.scheduleStatus));
  }, 60_000);

  it("marks the cost of a schedule stopped by its work budget with '*' and explains it in the table", async () => {
    const plan = JSON.parse(readFileSync(join(cwd, 'plan.json'), 'utf8')) as object;
    const stdin = JSON.stringify({ base: { ...plan, schedule: { workLimit: 1 } }, variants: [] });
    const dir = mkdtempSync(join(tmpdir(), 'staffcast-stopped-'));
    const table = await runStaffcast(['scenario', '-', '--report', join(dir, 'r.html')], { cwd, stdin });
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    rmSync(dir, { recursive: true, force: true });
    expect(html).toContain('base *');
    expect(html).toContain('schedule not proven optimal');
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[1]).toMatch(/^base\s+(\S+\s+){4}\d+\.\d\*\s/);
    expect(lines.slice(2)).toEqual([SCENARIO_NOT_PROVEN_NOTE, '']);
    expect(table.stderr).toBe(
      'scenario: fte = paid hours per week / 40 h (calendar weeks of the horizon, closed days included)\n',
    );
    const json = await runStaffcast(['scenario', '-', '--json'], { cwd, stdin });
    const rows = JSON.parse(json.stdout) as Array<{ scheduleStatus: string; scheduleStoppedBy: string }>;
    expect(rows[0]!.scheduleStatus).toBe('feasible');
    expect(rows[0]!.scheduleStoppedBy).toBe('work');
    expect(json.stderr).toBe('');
  }, 60_000);

  it('writes the base plan report with the scenario comparison atomically (--report)', async () => {
    const file = join(out, 'report.html');
    const r = await runStaffcast(['scenario', 'short.json', '--report', file], { cwd });
    expect(r.stderr).toBe(
      'scenario: fte = paid hours per week / 40 h (calendar weeks of the horizon, closed days included)\n',
    );
    expect(r.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('Scenario comparison');
    expect(html).toContain('Outbound calls');
    for (const name of ['busy', 'slow outbound', '9-18']) expect(html).toContain(name);
    expect(html).toContain('staffcast 0.1.0 scenario');
    expect(readdirSync(out)).toEqual(['report.html']); // no temporary file left
  }, 60_000);

  it('writes the report of a sweep with one row per step (--sweep --report)', async () => {
    const file = join(out, 'sweep.html');
    const r = await runStaffcast(
      ['scenario', '--base', 'plan-short.json', '--sweep', 'sl=0.8:0.9:0.1', '--report', file, '--csv'],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[3]!.startsWith('sl=0.9,')).toBe(true);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('sl=0.8');
    expect(html).toContain('sl=0.9');
  }, 60_000);

  it('exits 1 naming the report when it cannot be written, leaving nothing behind', async () => {
    const file = join(out, 'missing', 'report.html');
    const r = await runStaffcast(['scenario', 'short.json', '--report', file], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^staffcast: cannot write ${file.replace(/[.]/g, '\\.')}: `));
    expect(existsSync(join(out, 'missing'))).toBe(false);
  }, 60_000);
});
