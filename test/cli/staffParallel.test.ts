import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../src/forecast/types.js';
import { writeRequirementCsv } from '../../src/io/requirementCsv.js';
import { readStaffingConfig } from '../../src/schemas/staffingConfig.js';
import { multiQueuePlan, multiQueuePlanParallel } from '../../src/staffing/multiQueuePlan.js';
import { formatInstant } from '../../src/time/formatInstant.js';
import { runStaffcast } from './run.js';

const SL = { serviceLevel: 0.8, thresholdSeconds: 20 };
const MIN = 60_000;

/** A 15-minute forecast of `n` intervals from 2026-01-05 00:00 UTC with a daily wave of calls. */
function wave(n: number, scale: number, aht?: number): Forecast {
  const t0 = Date.UTC(2026, 0, 5);
  const starts = Float64Array.from({ length: n }, (_, i) => t0 + i * 15 * MIN);
  const calls = Float64Array.from({ length: n }, (_, i) => {
    const hour = ((i % 96) / 4 + 24) % 24;
    return Math.max(0, Math.round(scale * (1 + Math.sin(((hour - 6) / 24) * 2 * Math.PI)) * 10) / 10);
  });
  const f: Forecast = { timeZone: 'UTC', intervalMinutes: 15, starts, calls };
  if (aht !== undefined) f.ahtSeconds = new Float64Array(n).fill(aht);
  return f;
}

const config = readStaffingConfig(
  JSON.stringify({
    queues: [
      { name: 'sales', patienceSeconds: 120, shrinkage: 0.3 },
      { name: 'chat', channel: 'chat', concurrency: 2 },
      { name: 'mail', channel: 'email', deadlineMinutes: 240 },
      { name: 'care', timeZone: 'Asia/Kolkata', minAgents: 1 },
    ],
  }),
);

describe('multiQueuePlanParallel', () => {
  it('gives field for field the result of multiQueuePlan (voice, chat, email, another zone)', async () => {
    const forecasts = new Map([
      ['sales', wave(2000, 40)],
      ['chat', wave(2000, 25, 400)],
      ['mail', wave(2000, 8, 300)],
      ['care', wave(2000, 15, 240)],
    ]);
    const base = { target: SL, ahtSeconds: 200, scope: 'day' as const };
    const sequential = multiQueuePlan(forecasts, config, base);
    const parallel = await multiQueuePlanParallel(forecasts, config, base, { workers: 2 });
    expect(parallel).toEqual(sequential);
    expect(parallel.queues.map((q) => q.name)).toEqual(['sales', 'chat', 'mail', 'care']);
    expect(parallel.agentHours).toBeGreaterThan(0);
  });

  it('throws the error of the first failing queue in config order, as the sequential plan does', async () => {
    const bad = (f: Forecast): Forecast => {
      const calls = Float64Array.from(f.calls);
      calls[5] = -1;
      return { ...f, calls };
    };
    const forecasts = new Map([
      ['sales', wave(500, 40)],
      ['chat', bad(wave(500, 25, 400))],
      ['mail', wave(500, 8, 300)],
      ['care', bad(wave(500, 15, 240))],
    ]);
    const base = { target: SL, ahtSeconds: 200 };
    let expected = '';
    try {
      multiQueuePlan(forecasts, config, base);
    } catch (error) {
      expected = (error as Error).message;
    }
    expect(expected).toMatch(/^queue 'chat': /);
    await expect(multiQueuePlanParallel(forecasts, config, base, { workers: 2 })).rejects.toMatchObject({
      message: expected,
      details: expect.objectContaining({ queue: 'chat' }),
    });
  });
});

describe('staffcast staff --config on a large multi-queue forecast', () => {
  it('writes the same requirement CSV as multiQueuePlan above the worker-thread threshold (20,160 intervals)', async () => {
    const n = 10_080; // 105 days of 15-minute intervals per queue, 2 queues: above the 20,000 threshold
    const forecasts = new Map([
      ['sales', wave(n, 30, 180)],
      ['care', wave(n, 12, 300)],
    ]);
    const lines = ['interval_start,queue,calls,aht_seconds'];
    for (let i = 0; i < n; i++)
      for (const [name, f] of forecasts)
        lines.push(`${formatInstant(f.starts[i]!, 'UTC')},${name},${f.calls[i]},${f.ahtSeconds![i]}`);
    const dir = mkdtempSync(join(tmpdir(), 'staff-parallel-'));
    const cfg = { queues: [{ name: 'sales', patienceSeconds: 90 }, { name: 'care' }] };
    writeFileSync(join(dir, 'cfg.json'), JSON.stringify(cfg));
    const run = await runStaffcast(
      ['staff', '-', '--sl', '80/20', '--config', 'cfg.json', '--shrinkage', '0.25'],
      {
        stdin: `${lines.join('\n')}\n`,
        cwd: dir,
      },
    );
    expect(run.stderr).toContain('staff: total: ');
    expect(run.code).toBe(0);
    const expected = multiQueuePlan(forecasts, readStaffingConfig(JSON.stringify(cfg)), {
      target: SL,
      scope: 'interval',
      shrinkage: 0.25,
    });
    expect(run.stdout).toBe(writeRequirementCsv(expected.requirement));
  }, 60_000);
});
