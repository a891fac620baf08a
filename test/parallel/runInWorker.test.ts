import { describe, expect, it } from 'vitest';
import { runInWorker } from '../../src/parallel/runInWorker.js';

describe('runInWorker', () => {
  it('resolves the output of a task exported by a module, with its shared data', async () => {
    const task = { module: new URL('./tasks.js', import.meta.url), factory: 'squareTask', shared: 1 };
    expect(await runInWorker(task, 7, { timeoutMs: 60_000 })).toEqual({ kind: 'done', value: 50 });
  });

  it('hands the progress messages to onProgress in order, before the output', async () => {
    const task = {
      source: `(shared, post) => async (n) => { for (let i = 0; i < n; i++) post(i); return 'end'; }`,
    };
    const seen: unknown[] = [];
    const run = await runInWorker(task, 5, { timeoutMs: 60_000, onProgress: (m) => seen.push(m) });
    expect(run).toEqual({ kind: 'done', value: 'end' });
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it("reports a task's error as failed with its message and code", async () => {
    const task = { module: new URL('./tasks.js', import.meta.url), factory: 'failingTask' };
    const run = await runInWorker(task, { x: 4, fail: true, spinMs: 0 }, { timeoutMs: 60_000 });
    expect(run).toMatchObject({
      kind: 'failed',
      message: 'failingTask: input 4 refused',
      error: { code: 'INVALID_INPUT', details: { x: 4 } },
    });
  });

  it('reports a worker that exits without an output as failed', async () => {
    const run = await runInWorker({ source: `() => () => process.exit(1)` }, 0, { timeoutMs: 60_000 });
    expect(run).toEqual({ kind: 'failed', message: 'worker exited' });
  });

  it('kills a hung worker at the timeout: the run resolves timeout and the thread stops', async () => {
    // the task spins forever, counting in shared memory; once killed the count stands still
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const task = {
      source: `(count) => () => { for (;;) Atomics.add(count, 0, 1); }`,
      shared: counter,
    };
    const run = await runInWorker(task, 0, { timeoutMs: 500 });
    expect(run).toEqual({ kind: 'timeout' });
    expect(Atomics.load(counter, 0)).toBeGreaterThan(0);
    // termination is asynchronous: wait until two reads 100 ms apart agree (a live thread never does)
    let before = -1;
    let after = Atomics.load(counter, 0);
    for (let tries = 0; tries < 100 && before !== after; tries++) {
      before = after;
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = Atomics.load(counter, 0);
    }
    expect(after).toBe(before);
  });
});
