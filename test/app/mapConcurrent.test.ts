import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapConcurrent } from '../../src/app/mapConcurrent.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapConcurrent', () => {
  it('returns the results in input order when later tasks finish first', async () => {
    const finished: number[] = [];
    const results = await mapConcurrent([40, 5, 20, 1], 4, async (ms, i) => {
      await sleep(ms);
      finished.push(i);
      return i * 10;
    });
    expect(results).toEqual([0, 10, 20, 30]);
    expect(finished).not.toEqual([0, 1, 2, 3]);
  });

  it('never runs more than `concurrency` tasks at once and starts them in input order', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    await mapConcurrent([5, 1, 3, 2, 4, 1, 2], 3, async (ms, i) => {
      started.push(i);
      running++;
      peak = Math.max(peak, running);
      await sleep(ms);
      running--;
    });
    expect(peak).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('runs one task at a time with concurrency 1', async () => {
    let running = 0;
    let peak = 0;
    await mapConcurrent([3, 1, 2], 1, async (ms) => {
      running++;
      peak = Math.max(peak, running);
      await sleep(ms);
      running--;
    });
    expect(peak).toBe(1);
  });

  it('throws the error of the lowest-indexed failing task and starts no task after a failure', async () => {
    const started: number[] = [];
    const error = await mapConcurrent([30, 1, 5, 5, 5], 2, async (ms, i) => {
      started.push(i);
      await sleep(ms);
      if (i === 0 || i === 1) throw new Error(`task ${i}`);
      return i;
    }).catch((e: unknown) => e);
    // task 1 fails first, task 0 (still running) fails later: the sequential outcome is task 0's error
    expect((error as Error).message).toBe('task 0');
    expect(started).toEqual([0, 1]);
  });

  it('returns an empty array for no items', async () => {
    expect(await mapConcurrent([], 2, async () => 1)).toEqual([]);
  });

  it('gives the same results as a sequential map for any delays and concurrency', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        async (delays, concurrency) => {
          const out = await mapConcurrent(delays, concurrency, async (ms, i) => {
            await sleep(ms);
            return ms * 100 + i;
          });
          expect(out).toEqual(delays.map((ms, i) => ms * 100 + i));
        },
      ),
      { numRuns: 30 },
    );
  });
});
