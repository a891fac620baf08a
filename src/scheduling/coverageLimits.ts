import type { ShiftRulesConfig } from '../schemas/shiftRules.js';

/** The coverage penalties and caps of shift rules, as the heuristics weigh them. */
export interface CoverageLimits {
  /** Whether under-coverage is allowed (`coverage.allowUnderCoverage`). */
  allowUnder: boolean;
  /** Penalty per agent-interval short: the rules' penalty, or 1e6 when under-coverage is not allowed. */
  underPenalty: number;
  /** Penalty per agent-interval over (`coverage.overPenaltyPerAgentInterval`). */
  overPenalty: number;
  /** `caps.maxAgentsPerInterval`, `Infinity` without a cap. */
  maxAgentsPerInterval: number;
  /** `caps.maxShifts`, `Infinity` without a cap. */
  maxShifts: number;
}

/**
 * The coverage penalties and caps that the greedy cover, the LP rounding and the break placement
 * weigh, read once from the rules: a forbidden shortfall costs 1e6 per agent-interval. O(1).
 *
 * @example
 * coverageLimits(parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '08:00', latestStart: '08:00',
 *   startStepMinutes: 60, lengthsMinutes: [480] }] })).underPenalty; // 100 (1000000 when under-coverage is not allowed)
 */
export function coverageLimits(rules: ShiftRulesConfig): CoverageLimits {
  const allowUnder = rules.coverage.allowUnderCoverage;
  return {
    allowUnder,
    underPenalty: allowUnder ? rules.coverage.underPenaltyPerAgentInterval : 1e6,
    overPenalty: rules.coverage.overPenaltyPerAgentInterval,
    maxAgentsPerInterval: rules.caps?.maxAgentsPerInterval ?? Infinity,
    maxShifts: rules.caps?.maxShifts ?? Infinity,
  };
}
