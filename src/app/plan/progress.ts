/** The steps of `plan`, in order. */
export type PlanStep = 'read' | 'forecast' | 'staff' | 'schedule' | 'evaluate';

/** A progress event of `plan`: a step started, or finished after `seconds`. */
export interface PlanProgress {
  step: PlanStep;
  phase: 'start' | 'done';
  /** Wall-clock seconds the step took (phase 'done' only). */
  seconds?: number;
  /** One-line description of the step's result (phase 'done' only). */
  detail?: string;
}

/**
 * Runs one step of a plan, reporting its start and end (with a one-line result) as progress.
 *
 * @internal
 */
export type PlanTimer = <T>(
  step: PlanStep,
  run: () => Promise<T> | T,
  detail: (r: T) => string,
) => Promise<T>;
