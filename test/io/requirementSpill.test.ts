import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeRequirementCsv } from '../../src/io/requirementCsv.js';
import { createRequirementSpill } from '../../src/io/requirementSpill.js';
import { TEMPORARY_MARK } from '../../src/io/temporaryFiles.js';
import type { Requirement } from '../../src/staffing/types.js';
import { deadPid, freshDir, removeFreshDirs } from './tempDir.js';

afterAll(removeFreshDirs);

const T0 = Date.UTC(2024, 2, 31, 0); // a DST change in Europe/Paris that morning
const FIELDS = [
  'calls',
  'ahtSeconds',
  'agents',
  'scheduledAgents',
  'serviceLevel',
  'asaSeconds',
  'abandonRate',
  'occupancy',
] as const;

/** One queue's requirement: `steps` (sorted, distinct) on a 15-minute grid, values from `values`. */
function queueRequirement(timeZone: string, steps: number[], values: number[]): Requirement {
  const column = (f: number) => Float64Array.from(steps, (_, i) => values[(i * 8 + f) % values.length]!);
  const req = { timeZone, intervalMinutes: 15, starts: Float64Array.from(steps, (s) => T0 + s * 900_000) };
  return Object.assign(
    req,
    Object.fromEntries(FIELDS.map((f, k) => [f, column(k)])),
  ) as unknown as Requirement;
}

/** The combined table the in-memory path writes: rows by start, then queue order. */
function combined(timeZone: string, names: string[], queues: Requirement[]): Requirement {
  const rows: Array<[number, number, number]> = [];
  queues.forEach((q, qi) => {
    for (let i = 0; i < q.starts.length; i++) rows.push([q.starts[i]!, qi, i]);
  });
  rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const req = {
    timeZone,
    intervalMinutes: 15,
    starts: Float64Array.from(rows, (r) => r[0]),
    queue: rows.map((r) => names[r[1]]!),
  };
  return Object.assign(
    req,
    Object.fromEntries(FIELDS.map((f) => [f, Float64Array.from(rows, ([, qi, i]) => queues[qi]![f][i]!)])),
  ) as unknown as Requirement;
}

describe('createRequirementSpill', () => {
  it('merges the queues spilled to disk into the CSV of the combined table byte for byte, then leaves no file (property)', async () => {
    const dir = freshDir('spill');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('UTC', 'Europe/Paris', 'Asia/Kolkata'),
        fc.uniqueArray(
          fc.constantFrom('sales', '=SUM(A1)', 'a,b', 'say "hi"', 'line\nbreak', 'ü', '-1', ' care'),
          { minLength: 1, maxLength: 5 },
        ),
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }), {
          minLength: 5,
          maxLength: 5,
        }),
        fc.array(
          fc.oneof(
            fc.double({ min: -10, max: 1000, noNaN: true }),
            fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0, 1 / 3, 2),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        async (timeZone, names, stepSets, values) => {
          const queues = names.map((_, q) =>
            queueRequirement(
              timeZone,
              [...stepSets[q]!].sort((a, b) => a - b),
              values,
            ),
          );
          let text = '';
          const spill = await createRequirementSpill({ dir, timeZone });
          try {
            for (let q = 0; q < names.length; q++) await spill.add(names[q]!, queues[q]!);
            await spill.merge((piece) => {
              text += piece;
            });
          } finally {
            await spill.remove();
          }
          expect(text).toBe(writeRequirementCsv(combined(timeZone, names, queues)));
          expect(readdirSync(dir)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes a table longer than one read buffer and one output piece in order', async () => {
    const dir = freshDir('spill-long');
    const steps = Array.from({ length: 5000 }, (_, i) => i);
    const names = ['a', 'b', 'c'];
    const queues = names.map((_, q) => queueRequirement('UTC', steps.slice(q * 7), [q + 0.5, 3, 1 / 7]));
    const pieces: string[] = [];
    const spill = await createRequirementSpill({ dir, timeZone: 'UTC' });
    for (let q = 0; q < names.length; q++) await spill.add(names[q]!, queues[q]!);
    await spill.merge((piece) => {
      pieces.push(piece);
    });
    await spill.remove();
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(writeRequirementCsv(combined('UTC', names, queues)));
  });

  it('removes its folder when the merge fails (a write that throws)', async () => {
    const dir = freshDir('spill-fail');
    const spill = await createRequirementSpill({ dir, timeZone: 'UTC' });
    await spill.add('a', queueRequirement('UTC', [0, 1, 2], [1]));
    expect(readdirSync(dir)).toHaveLength(1);
    expect(readdirSync(spill.folder)).toEqual(['0.rows']);
    await expect(
      spill.merge(() => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    await spill.remove();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes just the header when no queue has a row', async () => {
    const dir = freshDir('spill-empty');
    const spill = await createRequirementSpill({ dir, timeZone: 'UTC' });
    await spill.add('a', queueRequirement('UTC', [], [1]));
    let text = '';
    await spill.merge((piece) => {
      text += piece;
    });
    await spill.remove();
    expect(text).toBe(
      'interval_start,queue,calls,aht_seconds,agents,scheduled_agents,service_level,asa_seconds,abandon_rate,occupancy\n',
    );
  });

  it('removes the spill folder of a run that is gone, and keeps those of live runs', async () => {
    const dir = freshDir('spill-stale');
    const stale = join(dir, `.staffcast-spill${TEMPORARY_MARK}${deadPid()}-0123456789ab`);
    const live = join(dir, `.staffcast-spill${TEMPORARY_MARK}${process.pid}-0123456789ab`);
    mkdirSync(stale);
    mkdirSync(live);
    const spill = await createRequirementSpill({ dir, timeZone: 'UTC' });
    await spill.remove();
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('names the temporary folder when it cannot be made', async () => {
    const dir = join(freshDir('spill-missing'), 'absent');
    await expect(createRequirementSpill({ dir, timeZone: 'UTC' })).rejects.toMatchObject({
      code: 'FILE_READ',
      message: expect.stringMatching(
        /^temporary folder .*absent\/\.staffcast-spill\.staffcast-tmp-\d+-[0-9a-f]{12}: /,
      ),
    });
  });
});
