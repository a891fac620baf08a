import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRequirementCsv } from '../../src/io/requirementCsv.js';
import { requiredAgents } from '../../src/queueing/requiredAgents.js';
import { runStaffcast } from './run.js';

// Real fitted parameters of the bank month (copied fixture, see test/fixtures/staffing/*.md)
const PARAMS = new URL('../fixtures/staffing/bank_feb1999_params.json', import.meta.url).pathname;
const params = JSON.parse(readFileSync(PARAMS, 'utf8')) as {
  availabilityFactor: number;
  ahtSecondsByHour: { workweek: (number | null)[] };
  patienceSecondsByHour: { workweek: (number | null)[] };
};
const SL = { serviceLevel: 0.8, thresholdSeconds: 20 };

/**
 * A forecast of two intervals per queue, with an `aht_seconds` column (blank for queues not in
 * `withAht`) only when `withAht` names a queue. Monday 1 March 1999 09:00 and 09:30 in Jerusalem (+02:00): workweek hour 9 of the parameters. */
function forecast(queues: string[], withAht: Record<string, number> = {}): string {
  const aht = Object.keys(withAht).length > 0;
  const lines = [`interval_start,queue,calls${aht ? ',aht_seconds' : ''}`];
  for (const t of ['1999-03-01T09:00:00+02:00', '1999-03-01T09:30:00+02:00'])
    for (const q of queues) lines.push(`${t},${q},60${aht ? `,${withAht[q] ?? ''}` : ''}`);
  return `${lines.join('\n')}\n`;
}

function dirWith(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'staff-params-'));
  writeFileSync(join(dir, 'cfg.json'), JSON.stringify(config));
  return dir;
}

const staff = (dir: string, stdin: string, extra: string[] = []) =>
  runStaffcast(
    [
      'staff',
      '-',
      '--sl',
      '80/20',
      '--tz',
      'Asia/Jerusalem',
      '--config',
      'cfg.json',
      '--params',
      PARAMS,
      ...extra,
    ],
    {
      stdin,
      cwd: dir,
    },
  );

describe('staffcast staff --config with --params', () => {
  it('gives voice queues the fitted handle time, patience and availability; chat keeps its own inputs', async () => {
    const dir = dirWith({ queues: [{ name: 'sales' }, { name: 'chat', channel: 'chat', concurrency: 2 }] });
    const run = await staff(dir, forecast(['sales', 'chat'], { chat: 300 }));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `staff: --params ${PARAMS}: fitted inputs for queues sales; not for chat (not voice; set useParams in the config to change)`,
    );
    const req = readRequirementCsv(run.stdout, { timeZone: 'Asia/Jerusalem' });
    expect(req.queue).toEqual(['sales', 'chat', 'sales', 'chat']);
    const aht = params.ahtSecondsByHour.workweek[9]!;
    const patience = params.patienceSecondsByHour.workweek[9]!;
    expect(req.ahtSeconds[0]).toBeCloseTo(aht, 3);
    const sales = requiredAgents(
      { callsPerInterval: 60, intervalMinutes: 30, ahtSeconds: aht, patienceSeconds: patience },
      SL,
    ).agents;
    expect(req.agents[0]).toBe(sales);
    expect(req.scheduledAgents[0]).toBe(Math.ceil(sales / params.availabilityFactor - 1e-9));
    // chat: its own handle time, Erlang C (no patience), no availability factor
    const chat = requiredAgents(
      { callsPerInterval: 60, intervalMinutes: 30, ahtSeconds: 300, concurrency: 2 },
      SL,
    );
    expect(req.ahtSeconds[1]).toBe(300);
    expect(req.agents[1]).toBe(chat.agents);
    expect(req.scheduledAgents[1]).toBe(chat.agents);
    expect(req.abandonRate[1]).toBe(0);
  });

  it("lets a queue's own patience and the forecast's handle time win over the fitted ones", async () => {
    const dir = dirWith({ queues: [{ name: 'sales', patienceSeconds: 60 }] });
    const run = await staff(dir, forecast(['sales'], { sales: 200 }));
    expect(run.code).toBe(0);
    const req = readRequirementCsv(run.stdout, { timeZone: 'Asia/Jerusalem' });
    expect(req.ahtSeconds[0]).toBe(200);
    const agents = requiredAgents(
      { callsPerInterval: 60, intervalMinutes: 30, ahtSeconds: 200, patienceSeconds: 60 },
      SL,
    ).agents;
    expect(req.agents[0]).toBe(agents);
    expect(req.scheduledAgents[0]).toBe(Math.ceil(agents / params.availabilityFactor - 1e-9));
  });

  it('applies the parameters to a chat queue with useParams: true and not to a voice queue with false', async () => {
    const dir = dirWith({
      queues: [
        { name: 'chat', channel: 'chat', useParams: true },
        { name: 'other', useParams: false, ahtSeconds: 120 },
      ],
    });
    const run = await staff(dir, forecast(['chat', 'other']));
    expect(run.code).toBe(0);
    const req = readRequirementCsv(run.stdout, { timeZone: 'Asia/Jerusalem' });
    expect(req.ahtSeconds[0]).toBeCloseTo(params.ahtSecondsByHour.workweek[9]!, 3);
    expect(req.ahtSeconds[1]).toBe(120);
    const other = requiredAgents({ callsPerInterval: 60, intervalMinutes: 30, ahtSeconds: 120 }, SL).agents;
    expect(req.agents[1]).toBe(other);
    expect(req.scheduledAgents[1]).toBe(other);
  });

  it('is a usage error when a queue the parameters do not apply to has no handle time', async () => {
    const dir = dirWith({ queues: [{ name: 'sales' }, { name: 'chat', channel: 'chat' }] });
    const run = await staff(dir, forecast(['sales', 'chat']));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'staffcast: staff: stdin (queue chat) has no aht_seconds column: give the handle time with --aht <seconds> (--params applies to voice queues only unless the config sets useParams: true for queue chat)\n',
    );
  });
});
