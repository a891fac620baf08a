import type { PlanConfigInput } from '../../../src/schemas/planConfig.js';
import { twoQueueConfig } from './twoQueueConfig.js';

/**
 * A plan with agents: one week of the Anonymous Bank's regular queue (the history, forecast,
 * target and rules of `twoQueueConfig`; no simulation) rostered with an eight-agent team
 * (`team_regular.csv`: six full-time `day`, two part-time `part`) and a day of leave, the
 * schedule's seats assigned by the repair heuristic: a small, understaffed instance that runs in
 * seconds. Paths relative to `planFixtureDir`.
 */
export const teamRegularWeek = {
  ...twoQueueConfig,
  horizonDays: 7,
  queues: [{ name: 'regular', historyQueue: 'PS' }],
  schedule: { simulation: { enabled: false } },
  agents: 'team_regular.csv',
  timeOff: 'team_regular_time_off.csv',
  roster: { method: 'assign', useSolver: false },
} as const satisfies PlanConfigInput;
