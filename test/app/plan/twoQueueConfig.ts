import { fileURLToPath } from 'node:url';
import type { PlanConfigInput } from '../../../src/schemas/planConfig.js';

/** Folder of the plan fixtures (the configs' paths are relative to it). */
export const planFixtureDir = fileURLToPath(new URL('../../fixtures/plan/', import.meta.url));

/**
 * A small multi-queue plan over the Anonymous Bank fixture: two voice queues from the rows of its
 * `queue` column (PS, NE), 2 days by seasonal naive, Erlang A 80/20 with 120 s patience.
 */
export const twoQueueConfig = {
  history: { file: 'anonymous_bank_queues_30min.csv', timeZone: 'Asia/Jerusalem' },
  horizonDays: 2,
  forecast: { method: 'seasonal-naive' },
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  patienceSeconds: 120,
  rules: 'rules_il.json',
  queues: [
    { name: 'regular', historyQueue: 'PS' },
    { name: 'stocks', historyQueue: 'NE' },
  ],
} as const satisfies PlanConfigInput;
