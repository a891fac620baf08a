import { usesFittedParams } from './multiQueuePlan.js';

/** What `handleTimeSource` looks at: every place a queue's handle time can come from. */
export interface HandleTimeInputs {
  /**
   * The queue's entry in a multi-queue config (its own `ahtSeconds`, and `channel` / `useParams`,
   * which decide whether fitted parameters apply to it); absent for a single-queue plan.
   */
  queue?: {
    ahtSeconds?: number | undefined;
    channel: 'voice' | 'chat' | 'email';
    useParams?: boolean | undefined;
  };
  /** The plan-wide handle time (`staff --aht`, a plan config's top-level `ahtSeconds`), if given. */
  planAhtSeconds: number | undefined;
  /** Whether the forecast (or the history it comes from) has an `aht_seconds` column. */
  dataHasAhtSeconds: boolean;
  /** Whether fitted parameters are given (`staff --params`, a plan config's `fittedParams`). */
  fittedParams: boolean;
}

/**
 * Where a queue's handle time comes from, by precedence: the queue's own `ahtSeconds`, the
 * plan-wide one, the data's `aht_seconds` column, then the fitted parameters (only for a queue
 * they apply to: `usesFittedParams`, voice unless `useParams` says otherwise; a single queue
 * always takes them); undefined when there is none, which `staff` reports as a usage error and
 * `plan` as a config error. The one statement of that rule for both. Cost O(1).
 *
 * @example
 * handleTimeSource({ planAhtSeconds: undefined, dataHasAhtSeconds: false, fittedParams: true,
 *   queue: { channel: 'chat' } }); // undefined (fitted parameters are for voice queues)
 * handleTimeSource({ planAhtSeconds: 300, dataHasAhtSeconds: true, fittedParams: false }); // 'plan'
 */
export function handleTimeSource(inputs: HandleTimeInputs): 'queue' | 'plan' | 'data' | 'fitted' | undefined {
  const { queue } = inputs;
  if (queue?.ahtSeconds !== undefined) return 'queue';
  if (inputs.planAhtSeconds !== undefined) return 'plan';
  if (inputs.dataHasAhtSeconds) return 'data';
  if (inputs.fittedParams && (queue === undefined || usesFittedParams(queue))) return 'fitted';
  return undefined;
}
