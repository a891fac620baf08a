import type { SimulationModel } from './model.js';
import { ReplicationScratch, runReplication } from './runReplication.js';

/**
 * The task `simulate` runs on worker threads (`mapInWorkers`): given the model (once per thread),
 * one replication per random-stream state (4 integers, `streamStates`), with one scratch reused
 * by every replication of the thread. Returns `runReplication`'s counters. Cost as `runReplication`.
 *
 * @internal
 * @example
 * import { toModel } from './model.js';
 * const model = toModel('simulate', { intervalMinutes: 60, agents: [1], queues: [{
 *   arrivals: { kind: 'replayed', arrivalSeconds: [0, 10, 20] },
 *   handleTime: { kind: 'replayed', handleSeconds: [60, 60, 60] } }] }, 20);
 * replicationTask(model)([1, 2, 3, 4])[0]; // 3 (calls offered in the first interval)
 */
export function replicationTask(model: SimulationModel): (state: ArrayLike<number>) => Float64Array {
  const scratch = new ReplicationScratch();
  return (state) => runReplication(model, state, scratch);
}
