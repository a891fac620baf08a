import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runStaffcast } from './run.js';

const cwd = fileURLToPath(new URL('../fixtures/scenario/', import.meta.url));

describe('staffcast scenario', () => {
  it('prints a table with the base and each variant (--no-schedule)', async () => {
    const r = await runStaffcast(['scenario', 'scenarios.json', '--no-schedule'], { cwd });
    expect(r.stderr).toBe('');
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
    const csv = await runStaffcast(['scenario', 'scenarios.json', '--no-schedule', '--format', 'csv'], {
      cwd,
    });
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'scenario,calls,agent_hours,fte,peak_agents,schedule_cost,service_level,asa_seconds,abandon_rate',
    );
    expect(lines[1]!.split(',')[2]).toBe(String(rows[0]!.agentHours));
    expect(lines[1]!.split(',')[5]).toBe('');
  });

  it('sweeps volume from a base plan, one row per step', async () => {
    const r = await runStaffcast(
      [
        'scenario',
        '--base',
        'plan.json',
        '--sweep',
        'volume=0.9:1.1:0.1',
        '--no-schedule',
        '--format',
        'csv',
      ],
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
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const r = await runStaffcast(argv, { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
    expect(r.stdout).toBe('');
  });

  it('is described by `staffcast schema scenario`', async () => {
    const r = await runStaffcast(['schema', 'scenario']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { required: string[] };
    expect(schema.required).toEqual(['base', 'variants']);
  });

  it('exits 1 naming the file when the scenario file is missing', async () => {
    const r = await runStaffcast(['scenario', 'nope.json', '--no-schedule'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^staffcast: nope\.json: cannot read/);
  });
});
