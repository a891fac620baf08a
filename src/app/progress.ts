/**
 * A progress event of a long-running use case (`plan`, `scenario`, `staff --config`, `schedule`,
 * `calibrate`, `backtest`, `replay`...): a step started, advanced, or finished. Use cases take an
 * optional `onProgress` callback of this type; the CLI draws it on stderr (`cli/progress.ts`), a
 * library caller may ignore it. Events never change a result.
 *
 * - `start`: `step` begins (`total` units of work when known, e.g. queues, scenarios, origins).
 * - `advance`: `done` of `total` units are finished.
 * - `done`: the step ended after `seconds` of wall-clock time, with a one-line `detail`.
 */
export interface ProgressEvent {
  /** Short name of the step, e.g. `'forecast'`, `'schedule'`, `'queues'`. */
  step: string;
  phase: 'start' | 'advance' | 'done';
  /** Units finished so far (`advance`). */
  done?: number;
  /** Units in the step, when known (`start`, `advance`). */
  total?: number;
  /** Wall-clock seconds the step took (`done`). */
  seconds?: number;
  /** One-line description of the step's result (`done`). */
  detail?: string;
}

/** Receives progress events; see `ProgressEvent`. */
export type OnProgress = (event: ProgressEvent) => void;

/**
 * Runs `run` as one step: emits `start`, then `done` with its wall-clock seconds and
 * `detail(result)`. Without `onProgress` it only runs `run`. Errors pass through (no `done`).
 *
 * @example
 * const seen: string[] = [];
 * await progressStep((e) => seen.push(e.phase), 'read', () => 42, (n) => `${n} rows`); // 42
 * seen; // ['start', 'done']
 */
export async function progressStep<T>(
  onProgress: OnProgress | undefined,
  step: string,
  run: () => Promise<T> | T,
  detail: (result: T) => string = () => '',
): Promise<T> {
  if (onProgress === undefined) return run();
  const t0 = performance.now();
  onProgress({ step, phase: 'start' });
  const result = await run();
  onProgress({ step, phase: 'done', seconds: (performance.now() - t0) / 1000, detail: detail(result) });
  return result;
}
