import { describe, expect, it } from 'vitest';
import { queueMetrics } from '../../src/queueing/queueMetrics.js';
import { runStaffcast } from './run.js';

const classic = ['erlang', '--calls', '100', '--interval', '30', '--aht', '180'];

describe('staffcast erlang', () => {
  it('prints the required agents, raw and after shrinkage, with the metrics and an n-3..n+3 table', async () => {
    const r = await runStaffcast([...classic, '--sl', '80/20', '--shrinkage', '0.3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('required agents: 14 (20 scheduled with 30.0% shrinkage)');
    expect(r.stdout).toContain('service level  88.8%');
    expect(r.stdout).toContain('ASA            7.8 s');
    const rows = r.stdout
      .trim()
      .split('\n')
      .slice(-7)
      .map((line) => Number.parseInt(line.trim(), 10));
    expect(rows).toEqual([11, 12, 13, 14, 15, 16, 17]);
    expect(r.stdout).toMatch(/14 \*\s+88\.8%/);
  });

  it('prints one JSON document with the same numbers as the library and null for an infinite ASA', async () => {
    const r = await runStaffcast([...classic, '--sl', '0.8', '--threshold', '20', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.agents).toBe(14);
    expect(doc.scheduledAgents).toBe(14);
    expect(doc.meetsTarget).toBe(true);
    expect(doc.metrics).toEqual(
      queueMetrics({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 }, 14, {
        thresholdSeconds: 20,
      }),
    );
    expect(doc.table.map((m: { agents: number }) => m.agents)).toEqual([11, 12, 13, 14, 15, 16, 17]);
    const unstable = await runStaffcast([...classic, '--agents', '9', '--json']);
    const u = JSON.parse(unstable.stdout);
    expect(u.metrics.stable).toBe(false);
    expect(u.metrics.asaSeconds).toBeNull();
    expect(u.table[0].agents).toBe(6);
  });

  it('evaluates a given staffing with --agents, Erlang A with --patience', async () => {
    const r = await runStaffcast([
      ...classic,
      '--sl',
      '80/20',
      '--patience',
      '60',
      '--agents',
      '11',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.mode).toBe('evaluate');
    expect(doc.model).toBe('erlang-a');
    expect(doc.metrics.abandonRate).toBeCloseTo(0.11178041963120758, 12);
    expect(doc.metrics.serviceLevel).toBeCloseTo(0.7965227114765873, 12);
    expect(doc.meetsTarget).toBe(false);
    const text = await runStaffcast([...classic, '--sl', '80/20', '--patience', '60', '--agents', '11']);
    expect(text.stdout).toContain('agents: 11 (no shrinkage); meets target: no');
  });

  it('honours every target flag, the basis and chat concurrency', async () => {
    const capped = await runStaffcast([...classic, '--sl', '80/20', '--max-occupancy', '0.7', '--json']);
    expect(JSON.parse(capped.stdout).agents).toBe(15);
    const abandon = await runStaffcast([
      ...classic,
      '--sl',
      '80/20',
      '--patience',
      '60',
      '--max-abandon',
      '0.02',
      '--basis',
      'virtualWait',
      '--json',
    ]);
    const doc = JSON.parse(abandon.stdout);
    expect(doc.agents).toBe(15);
    expect(doc.target).toEqual({
      thresholdSeconds: 20,
      serviceLevel: 0.8,
      serviceLevelBasis: 'virtualWait',
      maxAbandonRate: 0.02,
    });
    const asa = await runStaffcast([...classic, '--max-asa', '5', '--json']);
    expect(JSON.parse(asa.stdout).agents).toBe(15);
    const chat = await runStaffcast([...classic, '--sl', '80/20', '--concurrency', '2', '--json']);
    expect(JSON.parse(chat.stdout).agents).toBe(7);
  });

  it('exits 2 with a one-line message naming the flag on usage errors', async () => {
    const cases: [string[], RegExp][] = [
      [[...classic, '--sl', '80/20', '--threshold', '30'], /--threshold 30 contradicts --sl 80\/20/],
      [[...classic, '--sl', '0.8'], /--sl 0\.8 needs --threshold/],
      [[...classic, '--sl', 'lots'], /--sl/],
      [[...classic, '--shrinkage', '1'], /--shrinkage/],
      [[...classic, '--max-occupancy', '1.5'], /--max-occupancy/],
      [[...classic, '--agents', '2.5'], /--agents/],
      [[...classic, '--basis', 'answered'], /--basis/],
      [['erlang', '--calls', '100', '--interval', '30'], /--aht/],
      [['erlang', '--calls', '-5', '--interval', '30', '--aht', '180'], /--calls/],
    ];
    for (const [argv, message] of cases) {
      const r = await runStaffcast(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it('exits 1 when no staffing up to the limit meets the target', async () => {
    const r = await runStaffcast([...classic, '--max-asa', '0', '--patience', '60', '--max-occupancy', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^staffcast: requiredAgents: no agent count up to maxAgents 100000 meets the target/,
    );
  });
});
