import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StaffcastError } from '../../src/errors.js';
import { mapInWorkers } from '../../src/parallel/mapInWorkers.js';

const SQUARE = { module: new URL('./tasks.js', import.meta.url), factory: 'squareTask', shared: 1 };
const FAILING = { module: new URL('./tasks.js', import.meta.url), factory: 'failingTask' };
/** A task given as source: reverses the order in which inputs finish (the first spins longest). */
const SLOW_FIRST = {
  source: `(shared) => ({ x, spinMs }) => { const until = Date.now() + spinMs; while (Date.now() < until) {} return x * shared; }`,
  shared: 10,
};

describe('mapInWorkers', () => {
  it('returns the outputs in input order, whatever the thread count and which input finishes first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        async (xs, threads) => {
          const inputs = xs.map((x, i) => ({ x, spinMs: 5 * (xs.length - i) }));
          const out = await mapInWorkers(SLOW_FIRST, inputs, { threads, name: 'test' });
          expect(out).toEqual(xs.map((x) => x * 10));
        },
      ),
      { numRuns: 8, seed: 11 },
    );
  });

  it('runs a task exported by a TypeScript module (from source through tsx), with its shared data', async () => {
    expect(await mapInWorkers(SQUARE, [1, 2, 3, 4, 5], { threads: 2, name: 'test' })).toEqual([
      2, 5, 10, 17, 26,
    ]);
  });

  it('starts no thread for no input', async () => {
    // a task that cannot load: any thread started would fail the call
    const missing = { module: new URL('./noSuchTask.js', import.meta.url), factory: 'x' };
    expect(await mapInWorkers(missing, [], { threads: 4, name: 'test' })).toEqual([]);
  });

  it('works with more threads than inputs', async () => {
    expect(await mapInWorkers(SQUARE, [3, 4], { threads: 8, name: 'test' })).toEqual([10, 17]);
  });

  it("rethrows the lowest failing input's StaffcastError (code, message, details) with details.task, though a higher one fails first", async () => {
    const inputs = [
      { x: 0, fail: false, spinMs: 0 },
      { x: 1, fail: true, spinMs: 300 },
      { x: 2, fail: false, spinMs: 0 },
      { x: 3, fail: true, spinMs: 0 },
    ];
    const error = await mapInWorkers(FAILING, inputs, { threads: 4, name: 'test' }).catch((e) => e);
    expect(error).toBeInstanceOf(StaffcastError);
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'failingTask: input 1 refused',
      details: { x: 1, task: 1 },
    });
  });

  it('turns any other error of a task into SOLVER_FAILED naming the caller', async () => {
    const throwing = { source: `() => (x) => { if (x === 2) throw new TypeError('bad ' + x); return x; }` };
    const error = await mapInWorkers(throwing, [1, 2, 3], { threads: 2, name: 'caller' }).catch((e) => e);
    expect(error).toBeInstanceOf(StaffcastError);
    expect(error).toMatchObject({
      code: 'SOLVER_FAILED',
      message: 'caller: worker failed: bad 2',
      details: { task: 1 },
    });
  });

  it('fails with SOLVER_FAILED when the task cannot be loaded or its thread dies', async () => {
    const missing = { module: new URL('./tasks.js', import.meta.url), factory: 'noSuchTask' };
    await expect(mapInWorkers(missing, [1], { threads: 1, name: 'caller' })).rejects.toMatchObject({
      code: 'SOLVER_FAILED',
      message: expect.stringMatching(/^caller: worker failed: noSuchTask is not exported by /),
    });
    const exiting = { source: `() => () => process.exit(3)` };
    await expect(mapInWorkers(exiting, [1, 2], { threads: 2, name: 'caller' })).rejects.toMatchObject({
      code: 'SOLVER_FAILED',
      message: 'caller: worker failed: worker exited',
    });
  });

  it('refuses a thread count that is not an integer >= 1', async () => {
    await expect(mapInWorkers(SQUARE, [1], { threads: 0, name: 'caller' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'caller: threads must be an integer >= 1 (got 0)',
    });
  });
});
