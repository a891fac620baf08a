import type { CalibrationFit } from '../availabilityFit.js';
import type { IntervalDemand } from '../demand.js';
import type { CalibrationFrame } from '../frame.js';
import type { ResolvedCalibrateOptions } from '../options.js';
import type { CallRecord } from '../records.js';
import type { AgentSession } from './presence.js';
import { type QueueAgentProfile, queueAgents } from './presenceQueue.js';
import { choosePresenceRule, PRESENCE_RULES, type PresenceRuleFit } from './presenceRule.js';

/**
 * Agents working grid interval i at availability factor f: f x `present[i]`, or the queue-based
 * count `queueAgents(profile, i, f)` when a profile is given.
 */
export type AgentsAt = (i: number, availabilityFactor: number) => number;

/**
 * The agents-working function of a grid (see {@link AgentsAt}). O(1) per call.
 *
 * @example
 * agentsWorking(Float64Array.of(10, 12), undefined)(1, 0.8); // 9.6
 */
export function agentsWorking(present: Float64Array, profile: QueueAgentProfile | undefined): AgentsAt {
  return (i, f) => (profile === undefined ? f * present[i]! : queueAgents(profile, i, f));
}

/** The presence rule `calibrate` uses, what it measures, and the steady-state availability fit. */
export interface FittedPresence {
  /** The rule's inferred agent sessions. */
  sessions: AgentSession[];
  /** Agents present per grid interval under the rule. */
  present: Float64Array;
  /** The queue-based agent profile (`agentsSource` 'queue'), else undefined. */
  profile: QueueAgentProfile | undefined;
  /** The availability factor fitted with the steady-state model under the rule. */
  fit: CalibrationFit;
  /** The rule used and every rule tried (one when the rule was given). */
  presenceRule: { maxGapMinutes: number; padMinutes: number; searched: PresenceRuleFit[] };
  /** Agents working per interval at a factor (see {@link agentsWorking}). */
  agentsAt: AgentsAt;
}

/**
 * Step 4 of `calibrate`: the agents working. The session rule (idle gap that ends a session,
 * padding at both ends) is the given one (`maxGapMinutes` default 30, `padMinutes` default 0 when
 * either is given) or the one of `PRESENCE_RULES` whose availability factor, fitted with the
 * steady-state model on the busy training intervals, fits them best (`choosePresenceRule`; the
 * intervals get the exponential patience). Cost: that of `choosePresenceRule`.
 *
 * @throws StaffcastError `INVALID_INPUT` when `trainBusy` is empty.
 * @example
 * // the February 1999 bank month on half hours, the 140 busy training half hours
 * const presence = fitPresence(records, frame, halves.train, demandOf, resolveCalibrateOptions({}));
 * presence.presenceRule.maxGapMinutes; // 5 (padded 2.5 min, best of 14 rules); presence.sessions.length: 4155
 */
export function fitPresence(
  records: readonly CallRecord[],
  frame: CalibrationFrame,
  trainBusy: readonly number[],
  demandOf: IntervalDemand,
  options: Pick<
    ResolvedCalibrateOptions,
    'agentsSource' | 'thresholdSeconds' | 'maxGapMinutes' | 'padMinutes'
  >,
): FittedPresence {
  const { kpis } = frame;
  const fixedRule = options.maxGapMinutes !== undefined || options.padMinutes !== undefined;
  const chosen = choosePresenceRule(
    records,
    frame.grid,
    fixedRule
      ? [{ maxGapMinutes: options.maxGapMinutes ?? 30, padMinutes: options.padMinutes ?? 0 }]
      : PRESENCE_RULES,
    options.agentsSource,
    trainBusy.map((i) => ({
      interval: i,
      demand: demandOf(i, true),
      serviceLevel: kpis.serviceLevel[i]!,
      abandonRate: kpis.abandonRate[i]!,
    })),
    options.thresholdSeconds,
  );
  const { sessions, present, profile, fit } = chosen;
  return {
    sessions,
    present,
    profile,
    fit,
    presenceRule: {
      maxGapMinutes: chosen.rule.maxGapMinutes,
      padMinutes: chosen.rule.padMinutes,
      searched: chosen.searched,
    },
    agentsAt: agentsWorking(present, profile),
  };
}
