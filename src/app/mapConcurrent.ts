/**
 * Maps `items` through the async `task` with at most `concurrency` tasks running at once (a pool:
 * task i starts when a running one ends, in input order) and returns the results in input order,
 * whatever order the tasks finish in. On a failure no further task is started; the running ones
 * are awaited and the error of the failing task with the lowest index is thrown, so the outcome is
 * the one a sequential run (`concurrency` 1) gives. Cost: the tasks' own, at most `concurrency`
 * at a time.
 *
 * @throws whatever the lowest-indexed failing task threw.
 * @example
 * import { setTimeout as sleep } from 'node:timers/promises';
 * await mapConcurrent([30, 10, 20], 2, async (ms, i) => { await sleep(ms); return i; }); // [0, 1, 2]
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const errors = new Map<number, unknown>();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && errors.size === 0) {
      const i = next++;
      try {
        results[i] = await task(items[i] as T, i);
      } catch (error) {
        errors.set(i, error);
      }
    }
  };
  const lanes = Math.max(1, Math.min(items.length, Math.floor(concurrency)));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (errors.size > 0) throw errors.get(Math.min(...errors.keys()));
  return results;
}
