import { invalidInput } from '../../errors.js';
import type { QueueDemand } from '../../queueing/types.js';
import type { CalibrationFit } from '../availabilityFit.js';
import { fitAvailability } from '../availabilityFit.js';
import type { CalibrationGrid } from '../grid.js';
import type { AgentsSource } from '../options.js';
import type { CallRecord } from '../records.js';
import { type AgentSession, agentSessions, presentAgents } from './presence.js';
import { type QueueAgentProfile, queueAgentProfile, queueAgents } from './presenceQueue.js';

/** One candidate presence rule and how well its own fitted factor fits the training half. */
export interface PresenceRuleFit {
  /** Session gap (minutes). */
  maxGapMinutes: number;
  /** Session padding (minutes). */
  padMinutes: number;
  /** Availability factor fitted with this rule. */
  availabilityFactor: number;
  /** Training loss at that factor (mean squared SL + abandonment error). */
  meanSquaredError: number;
}

/**
 * Presence rules `calibrate` chooses from on the training half: session gaps of 5 to 60 minutes,
 * each with 0, 2.5 or 5 minutes of padding (padding at most half the gap).
 *
 * @internal
 * @example
 * PRESENCE_RULES.length; // 14 (5-minute gaps take 0 or 2.5 minutes of padding, longer gaps all three)
 */
export const PRESENCE_RULES: readonly { maxGapMinutes: number; padMinutes: number }[] = [
  5, 10, 15, 30, 60,
].flatMap((maxGapMinutes) =>
  [0, 2.5, 5].filter((pad) => pad <= maxGapMinutes / 2).map((padMinutes) => ({ maxGapMinutes, padMinutes })),
);

/**
 * One training interval the presence rules are scored on.
 *
 * @internal
 */
export interface RuleFitInterval {
  /** Grid index of the interval. */
  interval: number;
  /** Offered calls, AHT and patience given to the model. */
  demand: QueueDemand;
  /** Observed service level (fraction). */
  serviceLevel: number;
  /** Observed abandonment (fraction). */
  abandonRate: number;
}

/**
 * The presence rule {@link choosePresenceRule} chose, what it measures, and every rule tried.
 *
 * @internal
 */
export interface ChosenPresenceRule {
  /** The chosen rule and its fit. */
  rule: PresenceRuleFit;
  /** Every rule tried, in order. */
  searched: PresenceRuleFit[];
  /** The chosen rule's agent sessions. */
  sessions: AgentSession[];
  /** Agents present per grid interval under the chosen rule. */
  present: Float64Array;
  /** The queue-based agent profile (agentsSource 'queue'), else undefined. */
  profile: QueueAgentProfile | undefined;
  /** The availability fit (steady state) under the chosen rule. */
  fit: CalibrationFit;
}

/**
 * Chooses the presence rule: for each candidate (session gap, padding), infers the agent sessions
 * (`agentSessions`), the agents present per interval (`presentAgents`; with `agentsSource` 'queue'
 * also `queueAgentProfile`), fits the availability factor on the training intervals
 * (`fitAvailability`, steady state) and keeps the rule with the lowest training loss (the first on
 * a tie). Cost: per rule, O(records log records) plus one `fitAvailability`.
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` when there is no rule or no interval to fit on.
 * @example
 * // (not run: needs the February 1999 bank call records, not shipped in the repo)
 * // the February 1999 bank month, 30-minute grid, the training busy half hours
 * choosePresenceRule(records, grid, PRESENCE_RULES, 'sessions', train, 20).rule;
 * // { maxGapMinutes: 5, padMinutes: 2.5, availabilityFactor: 0.8497, meanSquaredError: 0.0183 } (rounded)
 */
export function choosePresenceRule(
  records: readonly CallRecord[],
  grid: CalibrationGrid,
  rules: readonly { maxGapMinutes: number; padMinutes: number }[],
  agentsSource: AgentsSource,
  train: readonly RuleFitInterval[],
  thresholdSeconds: number,
): ChosenPresenceRule {
  const searched: PresenceRuleFit[] = [];
  let chosen: ChosenPresenceRule | undefined;
  for (const { maxGapMinutes, padMinutes } of rules) {
    const sessions = agentSessions(records, { maxGapMinutes, padMinutes });
    const present = presentAgents(sessions, grid);
    const profile = agentsSource === 'queue' ? queueAgentProfile(records, sessions, grid) : undefined;
    const fit = fitAvailability(
      train.map((v) => ({
        demand: v.demand,
        presentAgents: present[v.interval]!,
        ...(profile === undefined ? {} : { agentsAt: (f: number) => queueAgents(profile, v.interval, f) }),
        serviceLevel: v.serviceLevel,
        abandonRate: v.abandonRate,
      })),
      thresholdSeconds,
    );
    const rule: PresenceRuleFit = {
      maxGapMinutes,
      padMinutes,
      availabilityFactor: fit.availabilityFactor,
      meanSquaredError: fit.meanSquaredError,
    };
    searched.push(rule);
    if (chosen === undefined || fit.meanSquaredError < chosen.fit.meanSquaredError)
      chosen = { rule, searched, sessions, present, profile, fit };
  }
  if (chosen === undefined) invalidInput('choosePresenceRule', 'rules', 'must not be empty', 0);
  return chosen;
}
