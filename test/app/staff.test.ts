import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/app/progress.js';
import { PARALLEL_MIN_INTERVALS, staffThreadPolicy } from '../../src/app/staff/staffQueues.js';
import { runStaff } from '../../src/app/staff.js';
import { readForecastCsvByQueue } from '../../src/io/readForecastCsv.js';
import { writeRequirementCsv } from '../../src/io/requirementCsv.js';
import { readStaffingConfig } from '../../src/schemas/staffingConfig.js';
import { multiQueuePlan } from '../../src/staffing/multiQueuePlan.js';
import { freshDir, removeFreshDirs } from '../io/tempDir.js';

afterAll(removeFreshDirs);

const SL80 = { serviceLevel: 0.8, thresholdSeconds: 20 };
const T0 = Date.UTC(2024, 0, 1, 8);

/** A forecast CSV of `calls.length` queues (q0, q1 ...), `rows` half hours each, rows by start then queue. */
function multiQueueCsv(calls: number[][], rows: number): string {
  const lines = ['interval_start,queue,calls,aht_seconds'];
  for (let i = 0; i < rows; i++) {
    const start = new Date(T0 + i * 1_800_000).toISOString().replace('.000Z', 'Z');
    for (const [q, c] of calls.entries()) lines.push(`${start},q${q},${c[i % c.length]},${180 + 20 * q}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs `runStaff` collecting what it writes. */
async function staffed(options: Omit<Parameters<typeof runStaff>[0], 'write'>) {
  const pieces: string[] = [];
  const result = await runStaff({ ...options, write: (text) => void pieces.push(text) });
  return { ...result, csv: pieces.join(''), pieces: pieces.length };
}

describe('runStaff', () => {
  it('writes for a config the bytes of multiQueuePlan on the forecast read whole, whatever the queues (property)', async () => {
    const dir = freshDir('app-staff');
    const spill = freshDir('app-staff-tmp');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: 2, max: 40 }),
        fc.constantFrom(undefined, 1, 2),
        async (calls, rows, workers) => {
          const queues = calls.map((_, q) =>
            q === 2
              ? { name: `q${q}`, channel: 'email', deadlineMinutes: 120 }
              : q === 1
                ? { name: `q${q}`, channel: 'chat', concurrency: 2 }
                : { name: `q${q}`, patienceSeconds: 120 },
          );
          const config = JSON.stringify({ queues });
          writeFileSync(join(dir, 'f.csv'), multiQueueCsv(calls, rows));
          writeFileSync(join(dir, 'cfg.json'), config);
          const run = await staffed({
            forecast: 'f.csv',
            baseDir: dir,
            config: 'cfg.json',
            target: SL80,
            shrinkage: 0.3,
            workers,
            tempDir: spill,
          });
          const byQueue = await readForecastCsvByQueue(join(dir, 'f.csv'));
          const whole = multiQueuePlan(
            new Map([...byQueue].map(([q, r]) => [q, r.forecast])),
            readStaffingConfig(config),
            { target: SL80, scope: 'interval', shrinkage: 0.3 },
          );
          expect(run.csv).toBe(writeRequirementCsv(whole.requirement));
          expect(run.plan).toBeNull();
          expect((run.summary.total as { agentHours: number }).agentHours).toBeCloseTo(whole.agentHours, 9);
          expect(readdirSync(spill)).toEqual([]);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('reports reading, each queue and writing of a config plan as progress events', async () => {
    const dir = freshDir('app-staff-progress');
    writeFileSync(join(dir, 'f.csv'), multiQueueCsv([[10], [20], [30]], 4));
    writeFileSync(
      join(dir, 'cfg.json'),
      JSON.stringify({ queues: [{ name: 'q0' }, { name: 'q1' }, { name: 'q2' }] }),
    );
    const events: ProgressEvent[] = [];
    await staffed({
      forecast: 'f.csv',
      baseDir: dir,
      config: 'cfg.json',
      target: SL80,
      tempDir: dir,
      onProgress: (e) => events.push(e),
    });
    expect(
      events.map((e) => `${e.step}:${e.phase}${e.done === undefined ? '' : `:${e.done}/${e.total}`}`),
    ).toEqual([
      'read:start',
      'read:done',
      'queues:start',
      'queues:advance:1/3',
      'queues:advance:2/3',
      'queues:advance:3/3',
      'queues:done',
      'write:start',
      'write:done',
    ]);
    expect(events[1]!.detail).toBe('12 rows, 3 queues');
    expect(events[2]!.total).toBe(3);
  });

  it('staffs a single forecast, returns its plan and writes its CSV in one piece; --aht over a column warns', async () => {
    const dir = freshDir('app-staff-one');
    writeFileSync(
      join(dir, 'f.csv'),
      'interval_start,calls,aht_seconds\n2024-01-01T09:00:00Z,100,180\n2024-01-01T09:30:00Z,120,200\n',
    );
    const warnings: string[] = [];
    const run = await staffed({
      forecast: 'f.csv',
      baseDir: dir,
      target: SL80,
      ahtSeconds: 180,
      onWarning: (w) => warnings.push(w),
    });
    expect(run.pieces).toBe(1);
    expect(run.csv).toBe(writeRequirementCsv(run.plan!));
    expect(Array.from(run.plan!.agents)).toEqual([14, 16]);
    expect(run.summary).toMatchObject({ model: 'erlang-c', scope: 'interval', agentHours: 15 });
    expect(run.lines[0]).toMatch(/^staff: 2 intervals, erlang-c, scope interval: 15 agent-hours/);
    expect(warnings).toEqual(['staff: warning: --aht 180 overrides the aht_seconds column of f.csv']);
  });

  it('is a USAGE error without a target, without a handle time, and for a config without a queue column', async () => {
    const dir = freshDir('app-staff-usage');
    writeFileSync(
      join(dir, 'f.csv'),
      'interval_start,calls\n2024-01-01T09:00:00Z,100\n2024-01-01T09:30:00Z,120\n',
    );
    writeFileSync(join(dir, 'cfg.json'), JSON.stringify({ queues: [{ name: 'a', ahtSeconds: 200 }] }));
    const base = { forecast: 'f.csv', baseDir: dir, tempDir: dir };
    await expect(staffed({ ...base, ahtSeconds: 200 })).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringContaining('staff: give a target'),
    });
    await expect(staffed({ ...base, target: SL80 })).rejects.toMatchObject({
      code: 'USAGE',
      message: 'staff: f.csv has no aht_seconds column: give the handle time with --aht <seconds>',
    });
    await expect(
      staffed({ ...base, target: SL80, ahtSeconds: 200, config: 'cfg.json' }),
    ).rejects.toMatchObject({
      code: 'USAGE',
      message: '--config needs a queue column in f.csv naming the queues of the config'.replace(
        /^/,
        'staff: ',
      ),
    });
    // the spilled forecast is gone after the error
    expect(readdirSync(dir).sort()).toEqual(['cfg.json', 'f.csv']);
  });
});

describe('staffThreadPolicy', () => {
  it('uses threads by default only for two or more voice/chat queues above the interval threshold', () => {
    expect(
      staffThreadPolicy({ staffedQueues: 2, intervals: PARALLEL_MIN_INTERVALS + 1, workers: undefined }),
    ).toEqual({
      parallel: true,
    });
    expect(
      staffThreadPolicy({ staffedQueues: 2, intervals: PARALLEL_MIN_INTERVALS, workers: undefined }),
    ).toEqual({
      parallel: false,
    });
    expect(staffThreadPolicy({ staffedQueues: 1, intervals: 10 ** 6, workers: undefined })).toEqual({
      parallel: false,
    });
  });

  it('follows an explicit worker count: 1 never, 2 or more whenever two queues can share them', () => {
    expect(staffThreadPolicy({ staffedQueues: 5, intervals: 10, workers: 3 })).toEqual({
      parallel: true,
      workers: 3,
    });
    expect(staffThreadPolicy({ staffedQueues: 5, intervals: 10 ** 6, workers: 1 })).toEqual({
      parallel: false,
    });
    expect(staffThreadPolicy({ staffedQueues: 1, intervals: 10 ** 6, workers: 4 })).toEqual({
      parallel: false,
    });
  });
});
