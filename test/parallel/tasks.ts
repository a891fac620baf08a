// Task modules for the tests of mapInWorkers and runInWorker (loaded in worker threads through tsx).
import { StaffcastError } from '../../src/errors.js';

/** `x -> x * x + offset` (`offset` shared by every task of a thread). */
export function squareTask(offset: number): (x: number) => number {
  return (x) => x * x + offset;
}

/**
 * `{ x, fail, spinMs }`: spins `spinMs` ms (a slow task), then returns x, or with `fail` throws
 * `StaffcastError('INVALID_INPUT')` naming x.
 */
export function failingTask(): (input: { x: number; fail: boolean; spinMs: number }) => number {
  return ({ x, fail, spinMs }) => {
    const until = Date.now() + spinMs;
    while (Date.now() < until) {
      // spin: a slower task
    }
    if (fail) throw new StaffcastError('INVALID_INPUT', `failingTask: input ${x} refused`, { x });
    return x;
  };
}
