import { describe, expect, it } from 'vitest';
import { type ProgressEvent, progressStep } from '../../src/app/progress.js';

describe('progressStep', () => {
  it('reports start and done with the detail of the result, and returns the result', async () => {
    const seen: ProgressEvent[] = [];
    const result = await progressStep(
      (e) => seen.push(e),
      'read',
      () => 42,
      (n) => `${n} rows`,
    );
    expect(result).toBe(42);
    expect(seen.map((e) => e.phase)).toEqual(['start', 'done']);
    expect(seen[1]?.detail).toBe('42 rows');
    expect(seen[1]?.seconds).toBeGreaterThanOrEqual(0);
  });

  it('runs the step without a callback and lets errors through without a done event', async () => {
    await expect(progressStep(undefined, 'x', async () => 'ok')).resolves.toBe('ok');
    const seen: string[] = [];
    await expect(
      progressStep(
        (e) => seen.push(e.phase),
        'x',
        () => {
          throw new Error('boom');
        },
      ),
    ).rejects.toThrow('boom');
    expect(seen).toEqual(['start']);
  });
});
